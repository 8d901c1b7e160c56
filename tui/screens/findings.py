"""All check findings of a document, grouped by the bureau's criteria; Enter goes to the
project."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jixiao.i18n import _
from jixiao.store import CRITERIA, Finding, StoreHandle, dismiss, dismissals, restore
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import finding_line
from jixiao.tui.linebreak import Wrapped
from jixiao.tui.screens.note import NoteScreen
from jixiao.tui.store_writer import writer_of


class FindingsScreen(ModalScreen[int | None]):
    """Dismisses with the chosen finding's project number (0 for the document itself), or
    None. `d` dismisses the highlighted finding with a reason, `u` restores it."""

    BINDINGS = bindings(actions.FINDINGS)
    DEFAULT_CSS = """
    FindingsScreen { align: center middle; }
    FindingsScreen > Vertical { width: 96%; height: 90%; border: round $accent;
                                background: $surface; }
    FindingsScreen OptionList { height: 1fr; }
    """

    def __init__(self, store: StoreHandle, document_id: int, findings: list[Finding],
                 reviewer: str) -> None:  # fmt: skip
        super().__init__()
        self.store = store
        self.document_id = document_id
        # Grouped by criterion (a stable sort: document order within each).
        self.findings = sorted(findings, key=lambda f: CRITERIA.index(f.criterion))
        self.reviewer = reviewer

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="findings-title")
            yield OptionList()
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        dismissed = dismissals(self.store.reader, self.document_id)
        closed = sum(1 for f in self.findings if f.key in dismissed)
        title = Text(_("Check findings: {open} open, {dismissed} dismissed").format(
            open=len(self.findings) - closed, dismissed=closed), style="bold")  # fmt: skip
        for criterion in CRITERIA:
            title.append(f"  {criterion} {sum(f.criterion == criterion for f in self.findings)}")
        title.append("   " + _("Enter: go to the project · d: dismiss · u: restore · Esc: close"),
                     style="dim")  # fmt: skip
        self.query_one("#findings-title", Static).update(title)
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(Wrapped(finding_line(f, True, dismissed.get(f.key))))
                             for f in self.findings])  # fmt: skip
        if highlighted is not None and self.findings:
            options.highlighted = min(highlighted, len(self.findings) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        finding = self.findings[event.option_index]
        self.dismiss(finding.project.ordinal if finding.project else 0)

    def _highlighted(self) -> Finding | None:
        index = self.query_one(OptionList).highlighted
        return self.findings[index] if index is not None and self.findings else None

    def action_dismiss(self) -> None:
        finding = self._highlighted()
        if finding is None:
            return

        def save(note: str | None) -> None:
            if note is not None and note.strip():
                writer_of(self.app).write(
                    lambda: dismiss(self.store.engine, self.document_id, finding.key, note,
                                    self.reviewer),
                    lambda _: self._show(),
                    owner=self,
                )  # fmt: skip
            elif note is not None:
                self.notify(_("a dismissal needs its reason"), severity="warning")

        about = _("dismissing {code}: {message}").format(code=finding.code,
                                                        message=finding.message)  # fmt: skip
        self.app.push_screen(NoteScreen(about, ""), save)

    def action_restore(self) -> None:
        finding = self._highlighted()
        if finding is None:
            return
        if finding.key not in dismissals(self.store.reader, self.document_id):
            self.notify(_("that finding is not dismissed"), severity="warning")
            return
        writer_of(self.app).write(
            lambda: restore(self.store.engine, self.document_id, finding.key),
            lambda _: self._show(),
            owner=self,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_first_option(self) -> None:
        self.query_one(OptionList).action_first()

    def action_last_option(self) -> None:
        self.query_one(OptionList).action_last()
