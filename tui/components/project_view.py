"""One project in full: funds, spending plan as bars, goals, the review mark and note, the
indicator table (each row markable), and, on request, the source lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from jixiao.i18n import _
from jixiao.store import local_time
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.wrapped_visual import show_wrapped
from jixiao.tui.display import (
    GRADE_STYLES,
    STATE_LABELS,
    STATE_MARKS,
    STATE_STYLES,
    finding_line,
    money,
    plain,
    plan_bar,
    visible,
)

if TYPE_CHECKING:
    from jixiao.store import Dismissal, Finding, Mark, ProjectDetail

INDICATOR_COLUMNS = ("", "三级指标", "指标值", "二级", "一级", "绩效指标描述", "依据", "行")
"""三级指标 and 指标值 first: at 80 columns they are what the pane has room for (Enter on a
row shows all six cells)."""


class IndicatorTable(DataTable[Text]):
    BINDINGS = bindings(actions.TABLE)

    def __init__(self) -> None:
        super().__init__(id="indicators", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_columns(*INDICATOR_COLUMNS)

    def action_back_to_tree(self) -> None:
        self.screen.query_one("#tree").focus()


class ProjectView(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    ProjectView { padding: 0 1; }
    ProjectView > Static { margin-bottom: 1; }
    ProjectView #source { display: none; }
    ProjectView.with-source #source { display: block; }
    ProjectView IndicatorTable { height: auto; max-height: 16; margin-bottom: 1; }
    """

    def __init__(self) -> None:
        super().__init__(id="project")
        self.detail: ProjectDetail | None = None

    def compose(self) -> ComposeResult:
        # The project's head, the reviewer's mark (their own work, before the document's),
        # the checks' findings, the spending plan and the goals: one widget, the parts a
        # blank line apart. As five, each key laid out and drew five (≈ 1.7 ms of the 17
        # a key took to show the next project).
        yield Static(id="summary")
        yield IndicatorTable()
        yield Static(id="source")

    def show(
        self,
        detail: ProjectDetail,
        source: list[str] | None,
        findings: list[Finding],
        dismissed: dict[str, Dismissal],
    ) -> None:
        self.detail = detail
        closed = sum(1 for f in findings if f.key in dismissed)
        open_count = len(findings) - closed
        heading = _("检查 {count} findings").format(count=open_count) + (
            _(", {count} dismissed").format(count=closed) if closed else ""
        )
        found = Text(heading + "\n" if findings else "", style="dim")
        for finding in findings:
            found.append_text(finding_line(finding, dismissal=dismissed.get(finding.key)))
            found.append("\n")
        found.rstrip()
        parts = [_head(detail), _mark(detail)]
        if findings:
            parts.append(found)
        if detail.kind == "budget_text":  # another province's table has no spending plan
            parts.append(_plan(detail))
        parts.append(_goals(detail))
        show_wrapped(self.query_one("#summary", Static), Text("\n\n").join(parts))
        table = self.query_one(IndicatorTable)
        row = table.cursor_row
        table.clear()
        for indicator in detail.indicators:
            mark = detail.indicator_marks.get(indicator.id)
            table.add_row(
                _flag(mark),
                plain(indicator.level3),
                plain(indicator.value, "bold"),
                plain(indicator.level2.removesuffix("指标")),
                plain(indicator.level1.removesuffix("指标")),
                plain(indicator.description),
                plain(indicator.basis),
                plain(str(indicator.line), "dim"),
                key=str(indicator.id),
            )
        if detail.indicators:
            table.move_cursor(row=min(row, len(detail.indicators) - 1))
        source_widget = self.query_one("#source", Static)
        if source is not None:
            show_wrapped(source_widget, _source(detail, source))
        else:
            source_widget.update("")
        self.set_class(source is not None, "with-source")

    def selected_indicator(self) -> int | None:
        """The indicator under the table's cursor, when the table has the focus."""
        table = self.query_one(IndicatorTable)
        if self.detail is None or not table.has_focus or not self.detail.indicators:
            return None
        return self.detail.indicators[table.cursor_row].id


def _flag(mark: Mark | None) -> Text:
    """An indicator's review state in one column: ✓ ? !, ✎ for a note alone."""
    if mark is None:
        return Text(" ")
    if mark.state is None:
        return Text("✎", style="dim")
    return Text(STATE_MARKS[mark.state], style=STATE_STYLES[mark.state])


def _head(detail: ProjectDetail) -> Text:
    if detail.kind != "budget_text":
        return _table_head(detail)
    text = Text()
    text.append(f"{detail.ordinal}. ", style="bold")
    text.append(visible(detail.name), style="bold")
    grade = detail.mark.grade if detail.mark else None
    if grade:
        text.append("  等级 ", style="dim")
        text.append(grade, style=GRADE_STYLES[grade])
    text.append("\n项目编码 ", style="dim")
    text.append(visible(detail.code))
    text.append("\n预算单位 ", style="dim")
    text.append(visible(f"{detail.unit_code} {detail.unit_name}"))
    text.append("\n预算数   ", style="dim")
    text.append(f"{money(detail.budget_fen, detail.money_unit)} {detail.money_unit}", style="bold")
    # The two sources of the budget on a line of their own: at 80 columns the pane beside
    # the tree is 40 wide, and the three figures on one line broke in the middle of a label.
    text.append("\n财政     ", style="dim")
    text.append(money(detail.fiscal_fen, detail.money_unit))
    text.append("  其他 ", style="dim")
    text.append(money(detail.other_fen, detail.money_unit))
    text.append("\n资金用途 ", style="dim")
    text.append(visible(detail.purpose))
    return text


def _table_head(detail: ProjectDetail) -> Text:
    """Another province's table: its unit, its own fields and its money split, no code."""
    text = Text()
    text.append(f"{detail.ordinal}. ", style="bold")
    text.append(visible(detail.name), style="bold")
    text.append("\n实施单位 ", style="dim")
    text.append(visible(detail.unit_name))
    text.append("\n资金     ", style="dim")
    text.append(f"{money(detail.budget_fen, detail.money_unit)} {detail.money_unit}", style="bold")
    for label, value in detail.facts:
        text.append(f"\n{visible(label)} ", style="dim")
        text.append(visible(value))
    if detail.purpose:
        text.append("\n年度主要任务 ", style="dim")
        text.append(visible(detail.purpose))
    return text


def _plan(detail: ProjectDetail) -> Text:
    text = Text("资金支出计划（累计）\n", style="dim")
    for month, percent in detail.plan.items():
        text.append(f"{month:>2}月底 ")
        text.append_text(plan_bar(percent))
        text.append("\n")
    text.rstrip()
    return text


def _goals(detail: ProjectDetail) -> Text:
    text = Text("绩效目标\n", style="dim")
    for number, goal in enumerate(detail.goals, start=1):
        text.append(f"{number}.")  # no space, as the documents write it: wraps stay whole
        text.append(visible(goal))
        text.append("\n")
    text.rstrip()
    return text


def _mark(detail: ProjectDetail) -> Text:
    mark = detail.mark
    if mark is None:
        return Text(_("审核: untouched — r reviewed · q question · p problem · e note · "
                      "1-4 grade 优良中差"), style="dim")  # fmt: skip
    return Text(_("审核: "), style="dim") + mark_text(mark)


def mark_text(mark: Mark) -> Text:
    """A mark as the reviewer reads it: its state, who and when (local time), its note."""
    text = Text()
    if mark.state:
        text.append(_(STATE_LABELS[mark.state]), style=STATE_STYLES[mark.state])
    # who and when on a line of their own: beside the state, a 40-column pane broke the
    # reviewer's name in two (王 / 芳)
    text.append("\n")
    text.append(visible(f"{mark.reviewer} · {local_time(mark.updated_at)}"), style="dim")
    if mark.note:
        text.append("\n")
        text.append(visible(mark.note))
    return text


def _source(detail: ProjectDetail, lines: list[str]) -> Text:
    heading = _("source lines {first}–{last}").format(first=detail.first_line,
                                                       last=detail.last_line)  # fmt: skip
    text = Text(heading + "\n", style="dim")
    for number in range(detail.first_line, min(detail.last_line, len(lines)) + 1):
        text.append(f"{number:>5} │ ", style="dim")
        text.append(visible(lines[number - 1].replace("\t", " → ")))
        text.append("\n")
    text.rstrip()
    return text
