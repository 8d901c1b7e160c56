"""One indicator row in full: its six cells wrapped, its review mark and note. At 80
columns the table beside the tree shows only the first columns of a row; Enter shows all."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from jixiao.i18n import _
from jixiao.store import IndicatorRow, Mark, ProjectDetail
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.components.project_view import mark_text
from jixiao.tui.display import visible
from jixiao.tui.linebreak import Wrapped

CELLS = (
    ("一级指标", "level1"),
    ("二级指标", "level2"),
    ("三级指标", "level3"),
    ("指标值", "value"),
    ("绩效指标描述", "description"),
    ("指标值确定依据", "basis"),
)
"""The documents' own column names, in both languages: they are what the reviewer reads
in the document."""


class IndicatorScreen(ModalScreen[None]):
    BINDINGS = bindings(actions.ROW)
    DEFAULT_CSS = """
    IndicatorScreen { align: center middle; }
    IndicatorScreen > VerticalScroll { width: 96%; max-width: 100; height: auto;
                                       max-height: 90%; border: round $accent;
                                       background: $surface; padding: 0 1; }
    """

    def __init__(self, project: ProjectDetail, indicator: IndicatorRow, mark: Mark | None) -> None:
        super().__init__()
        self.project = project
        self.indicator = indicator
        self.mark = mark

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="row"):
            yield Static(indicator_in_full(self.project, self.indicator, self.mark))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#row").focus()  # its PgUp, PgDn and arrows scroll a long row


def indicator_in_full(project: ProjectDetail, indicator: IndicatorRow, mark: Mark | None) -> Group:
    heading = Text(visible(f"{project.ordinal}. {project.name}"), style="bold")
    cells = Table.grid(padding=(0, 1), expand=True)
    cells.add_column(no_wrap=True, style="dim")
    cells.add_column(ratio=1)
    for label, field in CELLS:
        style = "bold" if field == "value" else ""
        cells.add_row(Text(label), Wrapped(Text(visible(getattr(indicator, field)), style=style)))
    cells.add_row(Text(_("source line")), Text(str(indicator.line), style="dim"))
    review = Text(_("审核: "), style="dim")
    if mark is None:
        review.append(_("untouched"), style="dim")
    else:
        review.append_text(mark_text(mark))
    return Group(Wrapped(heading), Text(""), cells, Text(""), Wrapped(review))
