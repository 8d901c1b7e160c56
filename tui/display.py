"""Document text and figures made ready for widgets. Document text is always wrapped in
rich Text, never parsed as markup: a name containing "[bold]" shows as written; and it
always passes through `visible` (importers/controls.py), so that an escape sequence or a
bidi override in it shows as `\x1b` or `\u202e` instead of acting on the terminal."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from rich.text import Text

from jixiao.i18n import N_, _
from jixiao.importers.controls import visible
from jixiao.importers.money import from_fen

if TYPE_CHECKING:
    from jixiao.store import Dismissal, Finding

# Message ids, translated where shown (`_`): the language is chosen after import.
STATE_LABELS = {
    "reviewed": N_("✓ reviewed"),
    "question": N_("? question"),
    "problem": N_("! problem"),
}
STATE_WORDS = {
    "all": N_("all"),
    "untouched": N_("untouched"),
    "reviewed": N_("reviewed"),
    "question": N_("question"),
    "problem": N_("problem"),
}
"""The review states (and the filter's "all") as words."""
SORT_WORDS = {"ordinal": N_("ordinal"), "budget": N_("budget"), "name": N_("name")}
"""The browse screen's sorts (store.SORTS)."""
STATE_MARKS = {"reviewed": "✓", "question": "?", "problem": "!", None: "·"}
STATE_STYLES = {"reviewed": "green", "question": "yellow", "problem": "bold red", None: "dim"}
GRADE_STYLES = {"优": "bold green", "良": "green", "中": "yellow", "差": "bold red"}


def plain(text: str, style: str = "") -> Text:
    """Document text for a widget: literal (no markup), control characters escaped."""
    return Text(visible(text), style=style)


def money(fen: int | None, unit: str) -> str:
    return "—" if fen is None else str(from_fen(fen, unit))


def plan_bar(percent: Decimal | None, width: int = 16) -> Text:
    """A cumulative share as a bar: "█████░░░░░ 50%"; an empty cell as a dim dash."""
    if percent is None:
        return Text("─" * width + "   —", style="dim")
    filled = min(width, round(width * float(percent) / 100))
    bar = Text("█" * filled, style="cyan")
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {percent}%".rjust(6))
    return bar


SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "dim"}


def finding_line(finding: Finding, with_project: bool = False,
                 dismissal: Dismissal | None = None) -> Text:  # fmt: skip
    style = "dim" if dismissal else SEVERITY_STYLES[finding.severity]
    line = Text(f"{finding.criterion} ", style="dim")
    line.append(f"{finding.code} ", style=style)
    if with_project and finding.project is not None:
        line.append(f"{finding.project.ordinal}. ")
        line.append(visible(finding.project.name))
        line.append(" · ")
    line.append(visible(finding.message), style="dim" if dismissal else "")
    if dismissal:
        dismissed = _("dismissed by {reviewer}: {note}").format(
            reviewer=dismissal.reviewer, note=dismissal.note
        )
        line.append(visible(f"  — {dismissed}"), style="italic")
    return line
