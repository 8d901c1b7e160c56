"""The reviewer's conclusion on a document: a grade (优/良/中/差, or none yet) and the summary
opinion, in a modal. F2 saves, Esc cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import RadioButton, RadioSet, Static, TextArea

from jixiao.i18n import _
from jixiao.store import GRADE_MEANINGS, GRADES, Conclusion
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import visible


class ConclusionScreen(ModalScreen[tuple[str | None, str] | None]):
    """Dismissed with (grade or None, opinion), or None when cancelled."""

    BINDINGS = bindings(actions.DIALOG)
    DEFAULT_CSS = """
    ConclusionScreen { align: center middle; }
    ConclusionScreen > Vertical { width: 90%; max-width: 100; height: 80%; max-height: 26;
                                  border: round $accent; background: $surface; padding: 0 1; }
    ConclusionScreen RadioSet { width: 100%; }
    ConclusionScreen TextArea { height: 1fr; }
    """

    def __init__(self, about: str, current: Conclusion | None) -> None:
        super().__init__()
        self.about = about
        self.current = current

    def compose(self) -> ComposeResult:
        chosen = self.current.grade if self.current else None
        with Vertical():
            title = Text(_("审核结论 conclusion on "), style="bold")
            title.append(visible(self.about))
            yield Static(title)
            with RadioSet(id="grade"):
                for grade in GRADES:
                    yield RadioButton(f"{grade}  {GRADE_MEANINGS[grade]}", value=chosen == grade)
                yield RadioButton(_("ungraded"), value=chosen is None)
            yield TextArea(self.current.note if self.current else "", id="opinion",
                           soft_wrap=True, show_line_numbers=False)  # fmt: skip
            yield Static(Text(_("↑↓ Enter choose the grade · Tab the opinion · F2 save · "
                                "Esc cancel"), style="dim"))  # fmt: skip
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def action_save(self) -> None:
        index = self.query_one(RadioSet).pressed_index
        grade = GRADES[index] if 0 <= index < len(GRADES) else None
        self.dismiss((grade, self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)
