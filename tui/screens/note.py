"""Write or change a review note: a multi-line editor in a modal. F2 saves, Esc cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from jixiao.i18n import _
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import visible
from jixiao.tui.linebreak import Wrapped


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = bindings(actions.DIALOG)
    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical { width: 90%; max-width: 100; height: 80%; max-height: 24;
                            border: round $accent; background: $surface; padding: 0 1; }
    NoteScreen TextArea { height: 1fr; }
    """

    def __init__(self, about: str, note: str) -> None:
        super().__init__()
        self.about = about
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            title = Text(_("审核意见 note on "), style="bold")
            title.append(visible(self.about))
            yield Static(Wrapped(title))
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Text(_("F2 save · Esc cancel · an empty note removes it"), style="dim"))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
