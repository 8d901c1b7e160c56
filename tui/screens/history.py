"""A project across the years: budget per year, and when each target changed."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from jixiao.i18n import _
from jixiao.store import YearEntry, comparison_match_word, same_text
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.display import visible


class HistoryScreen(ModalScreen[None]):
    BINDINGS = bindings(actions.HELP)
    DEFAULT_CSS = """
    HistoryScreen { align: center middle; }
    HistoryScreen > VerticalScroll { width: 95%; height: 90%; border: round $accent;
                                     background: $surface; padding: 0 1; }
    """

    def __init__(self, entries: list[YearEntry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(history_table(self.entries))


def history_table(entries: list[YearEntry]) -> Table:
    last = entries[-1].project
    heading = f"{last.ordinal}. {last.name} — " + _("across the years (Esc closes)")
    table = Table(title=Text(visible(heading)), expand=True)
    table.add_column(Text(""))
    for entry in entries:
        table.add_column(Text(str(entry.year)), justify="right")
    table.add_row(Text("预算数"), *[Text(str(e.project.budget)) for e in entries])
    paired_by = [Text(comparison_match_word(e.match), style="dim") for e in entries]
    table.add_row(Text(_("paired by"), style="dim"), *paired_by)
    for indicator in last.indicators:
        cells = []
        previous = None
        for entry in entries:
            found = next(
                (i for i in entry.project.indicators
                 if i.level2 == indicator.level2 and same_text(i.level3, indicator.level3)),
                None,
            )  # fmt: skip
            value = found.value if found else "—"
            changed = previous is not None and value != previous
            cells.append(Text(visible(value), style="bold yellow" if changed else ""))
            previous = value
        table.add_row(Text(visible(indicator.level3)), *cells)
    if len(entries) == 1:
        table.caption = _(
            "No earlier year is paired with this project (or its pairing awaits confirmation)."
        )
    return table
