"""A document at a glance: unit totals, the largest projects, review progress."""

from __future__ import annotations

from collections.abc import Callable

from rich.columns import Columns
from rich.console import Group
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from jixiao.i18n import _, ngettext
from jixiao.store import Overview, local_time
from jixiao.tui.display import GRADE_STYLES, STATE_MARKS, STATE_STYLES, STATE_WORDS, money, visible
from jixiao.tui.linebreak import Wrapped


class OverviewView(VerticalScroll):
    DEFAULT_CSS = "OverviewView { padding: 0 1; }"

    def __init__(self) -> None:
        super().__init__(id="overview")

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="overview-text")

    def show(self, overview: Overview) -> None:
        self.query_one("#overview-text", Static).update(render_overview(overview))


def render_overview(overview: Overview) -> Group:
    """Short lines first and figures before names, so that it reads at 80 columns. The
    review states side by side as far as they fit, each whole (`· 未审 35`, never `· 未` on
    one line and `审 35` on the next), and so are the grades (`未评定 35`, never `未` and
    `评定 35`: Chinese may break between any two characters)."""
    doc, unit = overview.document, overview.money_unit
    stage = _("草案 draft") if doc.stage == "draft" else _("终稿 final")
    text = Text()
    text.append(visible(doc.department), style="bold")
    revision = _("revision {number}").format(number=doc.revision)
    text.append(visible(f"\n{doc.title}\n{stage} · {revision}\n\n"), style="dim")
    projects = ngettext("{count} project", "{count} projects", overview.projects)
    indicators = ngettext("{count} indicator", "{count} indicators", overview.indicators)
    text.append(projects.format(count=overview.projects) + " · "
                + indicators.format(count=overview.indicators) + "\n")  # fmt: skip
    text.append(f"{money(overview.budget_fen, unit)} {unit}", style="bold")
    text.append("\n\n" + _("单位 units") + "\n", style="dim")
    for unit_total in overview.units:
        text.append(f"{money(unit_total.budget_fen, unit):>10} {unit_total.projects:>4}  ")
        text.append(visible(f"{unit_total.code} "))
        text.append(visible(unit_total.name))
        text.append("\n")
    done = overview.projects - overview.progress["untouched"]
    progress = _("审核进度 review: {done} of {total} marked").format(
        done=done, total=overview.projects
    )
    text.append(f"\n{progress}", style="dim")
    states = _side_by_side(
        overview.progress,
        lambda state: f"{STATE_MARKS.get(state, '·')} {_(STATE_WORDS.get(state, state))}",
        STATE_STYLES,
    )
    grades = _side_by_side(
        overview.grades, lambda grade: _("ungraded") if grade == "ungraded" else grade,
        GRADE_STYLES,
    )  # fmt: skip
    conclusion = overview.conclusion
    review = Text(_("审核结论 conclusion (C): "), style="dim")
    if conclusion is None:
        review.append(_("none yet"), style="dim")
    else:
        if conclusion.grade:
            review.append(conclusion.grade, style=GRADE_STYLES[conclusion.grade])
        review.append(visible(f"  {conclusion.reviewer} · {local_time(conclusion.updated_at)}"),
                      style="dim")  # fmt: skip
        if conclusion.note.strip():
            review.append("\n")
            review.append(visible(conclusion.note.strip()))
    largest = Text("\n" + _("最大项目 largest projects") + "\n", style="dim")
    total = max(overview.budget_fen, 1)
    for project in overview.largest:
        share = project.budget_fen / total
        largest.append(f"{'█' * max(1, round(share * 8)):<8}", style="cyan")
        largest.append(f"{share:6.1%} {money(project.budget_fen, unit):>9}  {project.ordinal}.")
        largest.append(visible(project.name))
        largest.append("\n")
    largest.rstrip()
    grades_label = Text(_("审核等级 grades"), style="dim")
    return Group(Wrapped(text), states, grades_label, grades, Wrapped(review), Wrapped(largest))


def _side_by_side(
    counts: dict[str, int], label: Callable[[str], str], styles: dict[str, str]
) -> Columns:
    """Each count after its label, kept whole (未评定 35 is never split), as many to a line as
    the pane holds."""
    items = [Text(f"{label(key)} {count}", style=styles.get(key, "dim"))
             for key, count in counts.items()]  # fmt: skip
    return Columns(items, padding=(0, 2))
