"""A comparison for people (Markdown, the table's details) and for spreadsheets (CSV rows):
summary counts and totals first, then each project's changes, old → new."""

from __future__ import annotations

from typing import Any

from jixiao.i18n import N_, _, pgettext
from jixiao.store.compare.documents import STATUSES, Comparison, ProjectComparison, summary_json
from jixiao.store.markdown import cell as md
from jixiao.store.stages import stage_word

CSV_COLUMNS = ["status", "match", "score", "unit", "a_ordinal", "a_name", "b_ordinal",
               "b_name", "field", "a", "b", "detail"]  # fmt: skip


STATUS_WORDS = {
    "changed": N_("changed"),
    "to_confirm": N_("to confirm"),
    "added": N_("added"),
    "removed": N_("removed"),
    "unchanged": N_("unchanged"),
}
"""A pair's status as people read it (JSON and CSV keep the key)."""
MATCH_WORDS = {"confirmed": N_("confirmed"), "code": N_("code"), "name": N_("name"),
               "fuzzy": N_("fuzzy")}  # fmt: skip
"""How a pair was made: by the reviewer's decision, the code, the name, or fuzzily."""
DIRECTION_WORDS = {"stricter": N_("stricter"), "looser": N_("looser"), "changed": N_("changed")}
GOAL_WORDS = {"added": N_("added"), "removed": N_("removed"), "reworded": N_("reworded")}
COUNT_PHRASES = {
    "added": N_("{count} added"),
    "removed": N_("{count} removed"),
    "changed": N_("{count} changed"),
    "unchanged": N_("{count} unchanged"),
    "to_confirm": N_("{count} to confirm"),
}
"""How many pairs have a status: a phrase each, since Chinese puts the count after the word
(新增 6 个) where English puts it first (6 added)."""


def _field(field: str) -> str:
    """A changed field's name: its key in English (as before), the document's word in Chinese
    (a context, since "description" or "name" read differently elsewhere)."""
    if field.startswith("spending_plan."):
        month = field.removeprefix("spending_plan.")
        return pgettext("compared field", "spending_plan.{month}").format(month=month)
    words = {
        "budget": pgettext("compared field", "budget"),
        "fiscal_funds": pgettext("compared field", "fiscal_funds"),
        "other_funds": pgettext("compared field", "other_funds"),
        "name": pgettext("compared field", "name"),
        "purpose": pgettext("compared field", "purpose"),
        "level3": pgettext("compared field", "level3"),
        "description": pgettext("compared field", "description"),
        "basis": pgettext("compared field", "basis"),
        "goal": pgettext("compared field", "goal"),
    }
    return words.get(field, field)


def title(comparison: Comparison) -> str:
    a, b = comparison.a, comparison.b
    return (f"{a.parsed.department} {a.parsed.year} {stage_word(a.parsed.stage)} r{a.revision} → "
            f"{b.parsed.department} {b.parsed.year} {stage_word(b.parsed.stage)} "
            f"r{b.revision}")  # fmt: skip


def status_word(status: str) -> str:
    return _(STATUS_WORDS[status])


def match_word(match: str | None) -> str:
    return _(MATCH_WORDS[match]) if match else ""


def direction_word(direction: str) -> str:
    """How a target moved: stricter, looser, or changed otherwise."""
    return _(DIRECTION_WORDS[direction])


def goal_word(status: str) -> str:
    """What became of a goal sentence: added, removed or reworded."""
    return _(GOAL_WORDS[status]) if status in GOAL_WORDS else status


def summary_lines(comparison: Comparison) -> list[str]:
    summary = summary_json(comparison)
    total = summary["total"]
    counts = summary["counts"]
    lines = [
        _("projects: {counts}").format(
            counts=_(", ").join(_(COUNT_PHRASES[s]).format(count=counts[s]) for s in STATUSES)
        ),
        _("budget (万元): {a} → {b}, {change} ({percent})").format(
            a=total["a"],
            b=total["b"],
            change=_signed(total["change"]),
            percent=_percent(total["percent"]),
        ),
        _("new projects {added} 万元, dropped projects {removed} 万元").format(
            added=summary["added_total"], removed=summary["removed_total"]
        ),
    ]
    for unit in summary["units"]:
        lines.append("  " + _("{code} {name}: {a} → {b}, {change} ({percent})").format(
            code=unit["code"], name=unit["name"], a=unit["a"], b=unit["b"],
            change=_signed(unit["change"]), percent=_percent(unit["percent"])))  # fmt: skip
    return lines


def project_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row a project pair, sorted by the size of the budget change."""
    rows = []
    for p in sorted(comparison.projects, key=lambda p: -abs(p.budget_change_fen)):
        rows.append({
            "status": status_word(p.status), "match": match_word(p.match),
            "score": p.score or "",
            "a": _name(p, "a"), "b": _name(p, "b"),
            "budget": f"{p.a.budget if p.a else '—'} → {p.b.budget if p.b else '—'}",
            "changes": len(p.changes) + sum(i.status != "unchanged" for i in p.indicators),
        })  # fmt: skip
    return rows


def change_lines(p: ProjectComparison) -> list[str]:
    lines = []
    if p.flag:
        lines.append(f"  ⚠ {_(p.flag)}")
    for change in p.changes:
        detail = change.detail or {}
        if "diff" in detail:
            lines.append("  " + _field(change.field) + _(": ") + str(detail["diff"]))
        elif change.field == "goal":
            status = goal_word(str(detail.get("status", "")))
            lines.append(
                "  " + _("goal {status}: {goal}").format(status=status, goal=change.a or change.b)
            )
        else:
            extra = _(" ({change}, {percent})").format(
                change=_signed(detail["change"]), percent=_percent(detail.get("percent"))
            ) if detail.get("change") else ""  # fmt: skip
            lines.append("  " + _field(change.field) + _(": ") + f"{change.a} → {change.b}{extra}")
    for i in p.indicators:
        if i.status == "unchanged":
            continue
        name = (i.b or i.a).level3  # type: ignore[union-attr]
        if i.status == "changed":
            values = f"{i.a.value} → {i.b.value}" if "value" in i.fields else ""  # type: ignore[union-attr]
            direction = _(" [{direction}]").format(direction=direction_word(i.direction)) if (
                i.direction) else ""  # fmt: skip
            others = [_field(f) for f in i.fields if f != "value"]
            changed = _(" ({fields} changed)").format(fields=_(", ").join(others)) if others else ""
            lines.append("  " + _("indicator {name}: {values}").format(name=name, values=values)
                         + direction + changed)  # fmt: skip
        else:
            value = (i.b or i.a).value  # type: ignore[union-attr]
            lines.append("  " + _("indicator {status}: {name} {value}").format(
                status=status_word(i.status), name=name, value=value))  # fmt: skip
    return lines


def to_markdown(comparison: Comparison) -> str:
    out = [f"# {md(title(comparison))}", ""]
    out += [f"- {md(line.strip())}" for line in summary_lines(comparison)]
    for status in ("changed", "to_confirm", "added", "removed"):
        chosen = [p for p in comparison.projects if p.status == status]
        if not chosen:
            continue
        heading = _("{heading} ({count})").format(heading=status_word(status), count=len(chosen))
        out += ["", f"## {heading}", ""]
        for p in chosen:
            score = _(", score {score}").format(score=p.score) if p.score is not None else ""
            match = _(" — paired by {match}").format(match=match_word(p.match)) + score if (
                p.match) else ""  # fmt: skip
            out.append(f"### {md(_name(p, 'b') or _name(p, 'a'))}{md(match)}")
            if p.a and p.b and p.a.name != p.b.name:
                out.append(_("was: {name}").format(name=md(p.a.name)))
            out += [f"- {md(line.strip())}" for line in change_lines(p)]
            out.append("")
    return "\n".join(out) + "\n"


def csv_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row a change (a project without changes has one row with an empty field)."""
    rows = []
    for p in comparison.projects:
        base = {"status": p.status, "match": p.match or "", "score": p.score or "",
                "unit": p.unit, "a_ordinal": p.a.ordinal if p.a else "",
                "a_name": p.a.name if p.a else "", "b_ordinal": p.b.ordinal if p.b else "",
                "b_name": p.b.name if p.b else ""}  # fmt: skip
        fields = [(c.field, c.a, c.b, (c.detail or {}).get("diff") or (c.detail or {}).get(
            "change") or (c.detail or {}).get("status") or "") for c in p.changes]  # fmt: skip
        fields += [(f"indicator.{(i.b or i.a).level3}", i.a.value if i.a else "",  # type: ignore[union-attr]
                    i.b.value if i.b else "", i.direction or i.status)
                   for i in p.indicators if i.status != "unchanged"]  # fmt: skip
        for field, a, b, detail in fields or [("", "", "", "")]:
            rows.append(base | {"field": field, "a": a, "b": b, "detail": detail})
    return rows


def _name(p: ProjectComparison, side: str) -> str:
    project = getattr(p, side)
    return f"{project.ordinal}. {project.name}" if project else ""


def _signed(amount: str) -> str:
    return amount if amount.startswith("-") else f"+{amount}"


def _percent(value: float | None) -> str:
    return _("new") if value is None else f"{value:+.1f}%"
