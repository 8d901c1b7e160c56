"""Pick the other document of a comparison: the same department's first, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jixiao.i18n import _
from jixiao.store import DocumentRow, StoreSource, comparison_candidates, stage_word
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import visible


class PickDocumentScreen(ModalScreen[int | None]):
    BINDINGS = bindings(actions.PICK)
    DEFAULT_CSS = """
    PickDocumentScreen { align: center middle; }
    PickDocumentScreen > Vertical { width: 80%; max-width: 90; height: 70%;
                                    border: round $accent; background: $surface; }
    PickDocumentScreen OptionList { height: 1fr; }
    """

    def __init__(self, source: StoreSource, document_id: int) -> None:
        super().__init__()
        self.source = source
        self.document_id = document_id

    def compose(self) -> ComposeResult:
        documents = comparison_candidates(self.source, self.document_id)
        with Vertical():
            yield Static(Text(_("Compare with… (Enter picks, Esc cancels)"), style="bold"))
            options = [
                Option(Text(visible(_label(d), one_line=True)), id=str(d.id)) for d in documents
            ]
            yield (OptionList(*options) if options
                   else Static(_("no other document in the store")))  # fmt: skip
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_first_option(self) -> None:
        self.query_one(OptionList).action_first()

    def action_last_option(self) -> None:
        self.query_one(OptionList).action_last()


def _label(document: DocumentRow) -> str:
    stage = stage_word(document.stage)
    return f"{document.department} {document.year} {stage} r{document.revision}"
