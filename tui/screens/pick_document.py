"""Pick the other document of a comparison: the same department's first, newest first."""

from __future__ import annotations

from rich.text import Text
from sqlalchemy import Engine, text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.display import visible


class PickDocumentScreen(ModalScreen[int | None]):
    BINDINGS = bindings(actions.PICK)
    DEFAULT_CSS = """
    PickDocumentScreen { align: center middle; }
    PickDocumentScreen > Vertical { width: 80%; max-width: 90; height: 70%;
                                    border: round $accent; background: $surface; }
    PickDocumentScreen OptionList { height: 1fr; }
    """

    def __init__(self, engine: Engine, document_id: int) -> None:
        super().__init__()
        self.engine = engine
        self.document_id = document_id

    def compose(self) -> ComposeResult:
        with self.engine.connect() as connection:
            rows = connection.execute(
                text("""SELECT d.id, dep.name, d.year, d.stage, d.revision,
                               d.department_id = (SELECT department_id FROM document
                                                  WHERE id = :id) AS same
                        FROM document AS d JOIN department AS dep ON dep.id = d.department_id
                        WHERE d.id != :id
                        ORDER BY same DESC, dep.name, d.year DESC, d.revision DESC"""),
                {"id": self.document_id},
            ).all()
        with Vertical():
            yield Static(Text("Compare with… (Enter picks, Esc cancels)", style="bold"))
            options = [
                Option(
                    Text(visible(f"{name} {year} {stage} r{revision}", one_line=True)),
                    id=str(doc_id),
                )
                for doc_id, name, year, stage, revision, _ in rows
            ]
            yield OptionList(*options) if options else Static("no other document in the store")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
