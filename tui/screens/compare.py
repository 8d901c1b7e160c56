"""Two documents side by side: the summary on top, the project pairs (status and budget
change), and the selected pair's fields — old beside new, or the new under the old in a narrow
pane — changes highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from jixiao.i18n import N_, _
from jixiao.importers.model import QUARTER_ENDS
from jixiao.store import (
    Comparison,
    ProjectComparison,
    StoreHandle,
    compare_documents,
    comparison_direction_word,
    comparison_goal_word,
    comparison_markdown,
    comparison_match_word,
    comparison_summary_lines,
    comparison_title,
    decide,
    project_history,
    stage_word,
)
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import visible
from jixiao.tui.linebreak import Wrapped
from jixiao.tui.screens.history import HistoryScreen
from jixiao.tui.store_writer import writer_of

FILTERS = ("all", "changed", "to_confirm", "added", "removed", "unchanged")
STATUS_MARKS = {"changed": "~", "to_confirm": "?", "added": "+", "removed": "−", "unchanged": "·"}
STATUS_WORDS = {
    "all": N_("all"),
    "changed": N_("changed"),
    "to_confirm": N_("to confirm"),
    "added": N_("added"),
    "removed": N_("removed"),
    "unchanged": N_("unchanged"),
}
"""The pairs' statuses (and the filter's "all") as words."""
FILTER_WORDS = {**STATUS_WORDS, "to_confirm": N_("to_confirm")}
"""As the summary line names the filter (in English, the filter's own key)."""
STATUS_STYLES = {"changed": "yellow", "to_confirm": "bold magenta", "added": "green",
                 "removed": "red", "unchanged": "dim"}  # fmt: skip


_MOVES = ("compare.down", "compare.up", "compare.top", "compare.bottom")


class PairTable(DataTable[Text]):
    BINDINGS = bindings(tuple(a for a in actions.COMPARE if a.id in _MOVES))


class CompareScreen(Screen[None]):
    BINDINGS = bindings(tuple(a for a in actions.COMPARE if a.id not in _MOVES))
    DEFAULT_CSS = """
    CompareScreen #summary { height: auto; max-height: 8; background: $boost; padding: 0 1; }
    CompareScreen PairTable { width: 38%; }
    CompareScreen #pair { width: 1fr; padding: 0 1; }
    """

    def __init__(self, store: StoreHandle, a_id: int, b_id: int, reviewer: str) -> None:
        super().__init__()
        self.store = store
        self.a_id, self.b_id = a_id, b_id
        self.reviewer = reviewer
        self.status_filter = "all"
        self.by_change = False
        self.comparison: Comparison = compare_documents(store.reader, a_id, b_id)
        self.shown: list[ProjectComparison] = []
        self.marked: ProjectComparison | None = None
        """An added or removed project waiting for its counterpart (m, then m)."""

    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        with Horizontal():
            yield PairTable(id="pairs", cursor_type="row")
            with VerticalScroll(id="pair", can_focus=False):
                yield Static(id="pair-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(PairTable)
        table.add_columns("", "Δ 万元", _("project"))
        self.refresh_all()
        table.focus()

    def refresh_all(self, keep: ProjectComparison | None = None) -> None:
        summary = Text(visible(comparison_title(self.comparison)) + "\n", style="bold")
        summary.append(visible("\n".join(comparison_summary_lines(self.comparison))))
        order = _("budget change") if self.by_change else _("document order")
        marks = " ".join(
            f"{mark} {_(STATUS_WORDS[status])}" for status, mark in STATUS_MARKS.items()
        )
        shown = _("filter: {what} · sort: {order}").format(
            what=_(FILTER_WORDS[self.status_filter]), order=order
        )
        summary.append(f"\n{shown} · {marks}", style="dim")
        self.query_one("#summary", Static).update(summary)
        pairs = [p for p in self.comparison.projects if self.status_filter in ("all", p.status)]
        if self.by_change:
            pairs.sort(key=lambda p: -abs(p.budget_change_fen))
        self.shown = pairs
        table = self.query_one(PairTable)
        row = table.cursor_row
        table.clear()
        for p in pairs:
            project = p.b or p.a
            assert project is not None
            change = p.budget_change_fen / 1_000_000  # 分 → 万元
            table.add_row(
                Text(STATUS_MARKS[p.status], style=STATUS_STYLES[p.status]),
                Text(f"{change:+.2f}" if change else "", justify="right"),
                Text(visible(f"{project.ordinal}. {project.name}", one_line=True)),
            )
        rows = [(p.a_id, p.b_id) for p in pairs]
        if keep is not None and (keep.a_id, keep.b_id) in rows:
            table.move_cursor(row=rows.index((keep.a_id, keep.b_id)))
        elif pairs:  # the pair is gone (rejected, made): stay where the reviewer was
            table.move_cursor(row=min(row, len(pairs) - 1))
        self.show_pair()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_pair()

    @property
    def selected(self) -> ProjectComparison | None:
        row = self.query_one(PairTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def show_pair(self) -> None:
        pair = self.selected
        detail = self.query_one("#pair-detail", Static)
        detail.update(
            pair_table(self.comparison, pair) if pair else Text(_("no pairs"), style="dim")
        )

    # -- actions -------------------------------------------------------------------------

    def action_next_change(self) -> None:
        self._step(+1)

    def action_previous_change(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        table = self.query_one(PairTable)
        row = table.cursor_row
        for _step in range(len(self.shown)):
            row = (row + step) % len(self.shown)
            if self.shown[row].status != "unchanged":
                table.move_cursor(row=row)
                return
        self.notify(_("no changes"))

    def action_cycle_filter(self) -> None:
        self.status_filter = FILTERS[(FILTERS.index(self.status_filter) + 1) % len(FILTERS)]
        self.refresh_all()

    def action_cycle_sort(self) -> None:
        self.by_change = not self.by_change
        self.refresh_all(self.selected)

    def action_decide(self, decision: str) -> None:
        pair = self.selected
        if pair is None or pair.a_id is None or pair.b_id is None:
            self.notify(_("choose a pair of projects (one on each side)"), severity="warning")
            return
        a_id, b_id = pair.a_id, pair.b_id

        def decided(_result: object) -> None:
            self.comparison = compare_documents(self.store.reader, self.a_id, self.b_id)
            self.refresh_all(pair if decision == "confirmed" else None)
            self.notify(_("pairing confirmed") if decision == "confirmed"
                        else _("pairing rejected"))  # fmt: skip

        writer_of(self.app).write(
            lambda: decide(self.store.engine, a_id, b_id, decision, self.reviewer),
            decided,
            owner=self,
        )

    def action_make_pair(self) -> None:
        pair = self.selected
        if pair is None or pair.status not in ("added", "removed"):
            self.notify(_("m pairs an added project with a removed one"), severity="warning")
            return
        marked = self.marked
        if marked is None or marked.status == pair.status:
            self.marked = pair
            project = pair.b or pair.a
            assert project is not None
            self.notify(
                visible(f"{project.ordinal}. {project.name}: " + _("now m on its counterpart")),
                markup=False,
            )  # document text: never markup
            return
        removed, added = (marked, pair) if marked.status == "removed" else (pair, marked)
        assert removed.a_id is not None and added.b_id is not None
        a_id, b_id = removed.a_id, added.b_id
        self.marked = None

        def paired(_result: object) -> None:
            self.comparison = compare_documents(self.store.reader, self.a_id, self.b_id)
            self.refresh_all()
            self.notify(_("paired"))

        writer_of(self.app).write(
            lambda: decide(self.store.engine, a_id, b_id, "confirmed", self.reviewer),
            paired,
            owner=self,
        )

    def action_history(self) -> None:
        pair = self.selected
        if pair is None or pair.b is None:
            self.notify(_("choose a project of the newer document"), severity="warning")
            return
        self.app.push_screen(
            HistoryScreen(project_history(self.store.reader, self.b_id, pair.b.ordinal))
        )

    def action_export(self) -> None:
        path = Path(f"jixiao-compare-{self.a_id}-{self.b_id}.md").resolve()
        path.write_text(comparison_markdown(self.comparison), encoding="utf-8")
        self.notify(visible(_("written: {path}").format(path=path)), markup=False)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()


LABEL_COLUMNS = 12
"""The labels' column at most, in a pane of 60 columns or fewer ("指标 " and a 三级指标
longer than that fold); a fifth of a wider pane."""
COLUMN_COLUMNS = 22
"""Old beside new only when each column holds this much: a project code whole, and prose
enough a line to be read against its neighbour."""
CODE_LABEL = "编码"


@dataclass(frozen=True)
class Field:
    """One line of the detail: a label and the field's old and new value, as shown."""

    label: str
    old: str
    new: str
    changed: bool
    """Highlighted: a change compare counts (a code's year digits, say, are not one)."""

    def shown(self) -> tuple[Text, Text, Text]:
        """The label, the old value and the new one as drawn: document text is never markup."""
        style = "bold yellow" if self.changed else ""
        return (Text(visible(self.label), style="dim"), Text(visible(self.old), style=style),
                Text(visible(self.new), style=style))  # fmt: skip


class PairDetail:
    """The selected pair's fields, as a renderable that lays itself out at the width it is
    drawn at. A field whose two values agree is shown once, across both columns. Two values
    that differ stand side by side where a column holds the longer project code whole (a
    21-character code cut over two lines cannot be read against its neighbour); in a narrower
    pane (80 columns) the new value goes under the old one, behind an arrow."""

    def __init__(self, heading: tuple[str, str], status: Text, fields: list[Field]) -> None:
        self.heading = heading
        self.status = status
        self.fields = fields

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        labels = [_("status"), *(f.label for f in self.fields)]
        widest_label = max(LABEL_COLUMNS, options.max_width // 5)  # wider panes fold fewer
        label_width = min(widest_label, max(map(cell_len, labels)))
        value_width = options.max_width - label_width - 1
        codes = [value for f in self.fields if f.label == CODE_LABEL for value in (f.old, f.new)]
        if (value_width - 1) // 2 >= max([COLUMN_COLUMNS, *map(cell_len, codes)]):
            yield self._side_by_side(label_width)
        else:
            yield self._one_under_the_other(label_width)

    def _side_by_side(self, label_width: int) -> Table:
        grid = _grid(label_width)
        grid.add_column(ratio=1)
        old, new = self.heading
        grid.add_row("", _two(Text(old, style="bold"), Text(new, style="bold")))
        grid.add_row(Text(_("status"), style="dim"), Wrapped(self.status))
        for field in self.fields:
            label, old_text, new_text = field.shown()
            value = (Wrapped(old_text) if field.old == field.new
                     else _two(Wrapped(old_text), Wrapped(new_text)))  # fmt: skip
            grid.add_row(label, value)
        return grid

    def _one_under_the_other(self, label_width: int) -> Table:
        """The new value on a line of its own under the old, behind →; every value starts
        in the same column."""
        grid = _grid(label_width)
        grid.add_column(width=1)
        grid.add_column(ratio=1)
        old, new = self.heading
        grid.add_row("", "", Text(f"{old} → {new}", style="bold"))
        grid.add_row(Text(_("status"), style="dim"), "", Wrapped(self.status))
        for field in self.fields:
            label, old_text, new_text = field.shown()
            grid.add_row(label, "", Wrapped(old_text))
            if field.old != field.new:
                grid.add_row("", Text("→", style="dim"), Wrapped(new_text))
        return grid


def _grid(label_width: int) -> Table:
    """A grid whose first column holds the labels."""
    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(width=label_width, overflow="fold")
    return grid


def _two(old: RenderableType, new: RenderableType) -> Table:
    """Old and new in two columns of equal width."""
    columns = Table.grid(padding=(0, 1), expand=True)
    columns.add_column(ratio=1)
    columns.add_column(ratio=1)
    columns.add_row(old, new)
    return columns


def pair_table(comparison: Comparison, pair: ProjectComparison) -> PairDetail:
    """Field by field, old and new; what changed in bold yellow."""
    a_doc, b_doc = comparison.a.parsed, comparison.b.parsed
    heading = (f"{a_doc.year} {stage_word(a_doc.stage)}", f"{b_doc.year} {stage_word(b_doc.stage)}")
    a, b = pair.a, pair.b
    changed_fields = {change.field for change in pair.changes}
    fields: list[Field] = []

    def row(label: str, old: str, new: str, changed: bool) -> None:
        if a is None or b is None:  # added or dropped: one side to show, nothing to set it against
            old = new = new if a is None else old
        fields.append(Field(label, old, new, changed))

    status = Text(_(STATUS_WORDS[pair.status]), style=STATUS_STYLES[pair.status])
    if pair.match:
        score = f" ({pair.score})" if pair.score else ""
        status.append(" · " + _("paired by {how}").format(how=comparison_match_word(pair.match))
                      + score, style=STATUS_STYLES[pair.status])  # fmt: skip
    if pair.flag:
        status.append("  " + visible(_(pair.flag)), style="red")
    row("项目", f"{a.ordinal}. {a.name}" if a else "—", f"{b.ordinal}. {b.name}" if b else "—",
        "name" in changed_fields)  # fmt: skip
    row(CODE_LABEL, a.code if a else "", b.code if b else "", False)
    for field, label in (
        ("budget", "预算数"),
        ("fiscal_funds", "财政资金"),
        ("other_funds", "其他资金"),
    ):
        old = getattr(a, field) if a else None
        new = getattr(b, field) if b else None
        row(label, "" if old is None else str(old), "" if new is None else str(new),
            field in changed_fields)  # fmt: skip
    row("用途", a.purpose if a else "", b.purpose if b else "", "purpose" in changed_fields)
    for month in QUARTER_ENDS:
        old = a.spending_plan.get(month) if a else None
        new = b.spending_plan.get(month) if b else None
        row(f"{month}月底", "" if old is None else f"{old}%", "" if new is None else f"{new}%",
            f"spending_plan.{month}" in changed_fields)  # fmt: skip
    for change in pair.changes:
        if change.field == "goal":
            detail = change.detail or {}
            goal = comparison_goal_word(str(detail.get("status", "")))
            row(f"目标 {goal}", change.a or "", change.b or "", True)
    for indicator in pair.indicators:
        old_indicator, new_indicator = indicator.a, indicator.b
        name = (new_indicator or old_indicator).level3  # type: ignore[union-attr]
        direction = (f" [{comparison_direction_word(indicator.direction)}]"
                     if indicator.direction else "")  # fmt: skip
        row(f"指标 {name}", old_indicator.value if old_indicator else "—",
            (new_indicator.value if new_indicator else "—") + direction,
            indicator.status != "unchanged")  # fmt: skip
    return PairDetail(heading, status, fields)
