"""What changed between two paired projects: money, purpose, spending plan, goals sentence
by sentence, indicators one by one. Differences that are only the year moving on ("2023 年度"
→ "2024 年度") are not changes."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from jixiao.importers.model import QUARTER_ENDS, Indicator, Project, Target
from jixiao.importers.money import money_text
from jixiao.store.compare.pairing import Item, pair_items
from jixiao.store.name_keys import normalize_name

REWORDED = 60.0
"""Two goals at least this similar are one goal reworded, not one dropped and one added."""

# Numbers (with their decimal part and a percent sign) are whole tokens, as are Latin words;
# every other character is a token of its own.
_TOKEN = re.compile(r"\d+(?:\.\d+)?%?|[A-Za-z]+|\s+|.", re.DOTALL)


@dataclass(frozen=True)
class Change:
    field: str
    a: Any
    b: Any
    detail: dict[str, Any] | None = None


@dataclass(frozen=True)
class IndicatorChange:
    status: str  # "added" | "removed" | "changed" | "unchanged"
    a: Indicator | None
    b: Indicator | None
    direction: str | None  # "stricter" | "looser" | "changed" | None
    fields: tuple[str, ...] = ()


def same_text(a: str, b: str) -> bool:
    return normalize_name(a) == normalize_name(b)


def inline_diff(a: str, b: str) -> str:
    """ "≥[-95%-]{+98%+}": removed and added runs marked, numbers never split."""
    left, right = _TOKEN.findall(a), _TOKEN.findall(b)
    out = []
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            out.append("".join(left[i1:i2]))
            continue
        if i2 > i1:
            out.append(f"[-{''.join(left[i1:i2])}-]")
        if j2 > j1:
            out.append(f"{{+{''.join(right[j1:j2])}+}}")
    return "".join(out)


def project_changes(a: Project, b: Project) -> list[Change]:
    changes: list[Change] = []
    for field in ("budget", "fiscal_funds", "other_funds"):
        old, new = getattr(a, field), getattr(b, field)
        if old != new:
            changes.append(Change(field, money_text(old), money_text(new), _money_detail(old, new)))
    if not same_text(a.name, b.name):
        changes.append(Change("name", a.name, b.name, {"diff": inline_diff(a.name, b.name)}))
    if not same_text(a.purpose, b.purpose):
        changes.append(
            Change("purpose", a.purpose, b.purpose, {"diff": inline_diff(a.purpose, b.purpose)})
        )
    for month in QUARTER_ENDS:
        old, new = a.spending_plan.get(month), b.spending_plan.get(month)
        if old != new:
            changes.append(Change(f"spending_plan.{month}", _number(old), _number(new)))
    changes += goal_changes(a.goals, b.goals)
    return changes


def goal_changes(a: list[str], b: list[str]) -> list[Change]:
    """Goals pair when equal but for the year; then the most similar pairs above REWORDED are
    one goal reworded; the rest were added or dropped."""
    left = [Item(i, "", goal) for i, goal in enumerate(a)]
    right = [Item(i, "", goal) for i, goal in enumerate(b)]
    pairs = pair_items(left, right, fuzzy=False)
    exact = {(p.a.id, p.b.id) for p in pairs if p.a and p.b}
    rest_a = [x for x in left if all(x.id != i for i, _ in exact)]
    rest_b = [y for y in right if all(y.id != j for _, j in exact)]
    changes: list[Change] = []
    scored = sorted(
        ((fuzz.ratio(normalize_name(x.name), normalize_name(y.name)), x, y)
         for x in rest_a for y in rest_b),
        key=lambda entry: -entry[0],
    )  # fmt: skip
    used_a: set[int] = set()
    used_b: set[int] = set()
    for score, x, y in scored:
        if score >= REWORDED and x.id not in used_a and y.id not in used_b:
            used_a.add(x.id)
            used_b.add(y.id)
            changes.append(Change("goal", x.name, y.name, {"status": "reworded",
                                  "diff": inline_diff(x.name, y.name)}))  # fmt: skip
    changes += [Change("goal", x.name, None, {"status": "removed"})
                for x in rest_a if x.id not in used_a]  # fmt: skip
    changes += [Change("goal", None, y.name, {"status": "added"})
                for y in rest_b if y.id not in used_b]  # fmt: skip
    return changes


def indicator_changes(a: list[Indicator], b: list[Indicator]) -> list[IndicatorChange]:
    """Indicators pair by their three levels (unique on both sides), then by a similar
    level 3 within the same level 2."""
    left = [Item(i, _levels(x), x.level3) for i, x in enumerate(a)]
    right = [Item(i, _levels(y), y.level3) for i, y in enumerate(b)]
    pairs = pair_items(left, right, fuzzy=False)  # the code slot carries the levels
    paired = [(p.a.id, p.b.id) for p in pairs if p.a and p.b]
    rest_a = [i for i in range(len(a)) if all(i != x for x, _ in paired)]
    rest_b = [j for j in range(len(b)) if all(j != y for _, y in paired)]
    for i in list(rest_a):
        candidates = [(fuzz.ratio(a[i].level3, b[j].level3), j) for j in rest_b
                      if a[i].level2 == b[j].level2]  # fmt: skip
        if candidates:
            score, j = max(candidates)
            if score >= REWORDED:
                paired.append((i, j))
                rest_a.remove(i)
                rest_b.remove(j)
    result = []
    for i, j in sorted(paired, key=lambda pair: pair[1]):
        old, new = a[i], b[j]
        fields = tuple(
            field for field in ("level3", "description", "value", "basis")
            if not same_text(getattr(old, field), getattr(new, field))
        )  # fmt: skip
        direction = target_direction(old, new) if "value" in fields else None
        result.append(IndicatorChange("changed" if fields else "unchanged", old, new, direction,
                                      fields))  # fmt: skip
    result += [IndicatorChange("added", None, b[j], None) for j in rest_b]
    result += [IndicatorChange("removed", a[i], None, None) for i in rest_a]
    return result


def target_direction(a: Indicator, b: Indicator) -> str:
    """ "stricter" or "looser" where both targets are bounds in the same direction and unit
    (≥ 95% → ≥ 98% is stricter; ≤ 0.2 万元 → ≤ 0.3 万元 is looser); else "changed"."""
    old, new = a.target, b.target
    if old is None or new is None or old.unit != new.unit:
        return "changed"
    lower, upper = {"≥", ">"}, {"≤", "<"}
    if old.op in lower and new.op in lower:
        return _compare(new.number, old.number, new, old, higher_is_stricter=True)
    if old.op in upper and new.op in upper:
        return _compare(new.number, old.number, new, old, higher_is_stricter=False)
    return "changed"


def _compare(new_number: Decimal, old_number: Decimal, new: Target, old: Target,
             higher_is_stricter: bool) -> str:  # fmt: skip
    if new_number == old_number:
        # Only the strictness of the comparator moved: > is stricter than ≥, < than ≤.
        if new.op == old.op:
            return "changed"
        return "stricter" if new.op in (">", "<") else "looser"
    higher = new_number > old_number
    return "stricter" if higher == higher_is_stricter else "looser"


def _levels(indicator: Indicator) -> str:
    return "\x1f".join((indicator.level1, indicator.level2, normalize_name(indicator.level3)))


def _money_detail(old: Decimal | None, new: Decimal | None) -> dict[str, Any]:
    if old is None or new is None:
        return {}
    change = new - old
    percent = None if old == 0 else float(round(change / old * 100, 1))
    return {"change": money_text(change), "percent": percent}


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
