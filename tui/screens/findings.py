"""All check findings of a document; Enter goes to the project."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.checks.model import Finding
from tui import actions
from tui.bindings import bindings

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "dim"}


class FindingsScreen(ModalScreen[int | None]):
    """Dismisses with the chosen finding's project number (0 for the document itself)."""

    BINDINGS = bindings(actions.PICK)
    DEFAULT_CSS = """
    FindingsScreen { align: center middle; }
    FindingsScreen > Vertical { width: 96%; height: 90%; border: round $accent;
                                background: $surface; }
    FindingsScreen OptionList { height: 1fr; }
    """

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings

    def compose(self) -> ComposeResult:
        with Vertical():
            title = Text(f"Check findings: {len(self.findings)}", style="bold")
            title.append("   Enter: go to the project · Esc: close · docs/checks.md explains",
                         style="dim")  # fmt: skip
            yield Static(title)
            yield OptionList(*[Option(finding_line(f, with_project=True)) for f in self.findings])
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        finding = self.findings[event.option_index]
        self.dismiss(finding.project.ordinal if finding.project else 0)

    def action_cancel(self) -> None:
        self.dismiss(None)


def finding_line(finding: Finding, with_project: bool = False) -> Text:
    line = Text(f"{finding.code} ", style=SEVERITY_STYLES[finding.severity])
    if with_project and finding.project is not None:
        line.append(f"{finding.project.ordinal}. ")
        line.append(finding.project.name)
        line.append(" · ")
    line.append(finding.message)
    return line
