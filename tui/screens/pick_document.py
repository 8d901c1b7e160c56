"""Pick the other document of a comparison: the same department's first, newest first."""

from __future__ import annotations

from rich.text import Text
from sqlalchemy import Engine
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from jixiao.store import DocumentRow, comparison_candidates
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
        documents = comparison_candidates(self.engine, self.document_id)
        with Vertical():
            yield Static(Text("Compare with… (Enter picks, Esc cancels)", style="bold"))
            options = [
                Option(Text(visible(_label(d), one_line=True)), id=str(d.id)) for d in documents
            ]
            yield OptionList(*options) if options else Static("no other document in the store")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _label(document: DocumentRow) -> str:
    return f"{document.department} {document.year} {document.stage} r{document.revision}"
