"""This year's projects against the same projects of the year before (compare's pairing): a
target loosened while the money did not fall, and money up by more than a fifth for the same
targets. Pure: the caller loads last year's document and pairs it (previous_year.py)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.i18n import N_
from jixiao.importers.model import Indicator, ParsedDocument, Project, Target
from jixiao.importers.money import money_text, to_fen
from jixiao.store.checks.model import Finding, PreviousYear, Said, said, year_check
from jixiao.store.compare.diff import IndicatorChange, indicator_changes, same_text

RISE_PERCENT = 20
"""A budget more than this much above last year's, for the same targets, is asked about."""

_LEAST = {"=", "≥", ">"}
_CAP = {"≤", "<"}
_DEADLINES = {"月底"}
_DURATIONS = {"个月", "月", "天", "日", "周", "小时"}


@year_check("Y001", "warning", N_("A target loosened while the budget did not fall"), "适当性")
def loosened_targets(previous: PreviousYear, document: ParsedDocument) -> Iterator[Finding]:
    """A lower least value (产出 and 效益, not 成本, where less is better), a higher cap, a
    later deadline or a longer 时效; only where both years' values are one number of the
    same unit."""
    for before, now in previous.pairs:
        if _fen(now) < _fen(before):
            continue
        for change in _value_changes(before, now):
            assert change.a is not None and change.b is not None
            if not _loosened(change.a, change.b):
                continue
            yield Finding(
                "Y001", "warning",
                said(N_("{name}: {before} in {last_year}, {now} in {this_year}, while 预算数 "
                        "{budget}"), name=change.b.level3, before=change.a.value,
                     last_year=previous.document.year, now=change.b.value,
                     this_year=document.year, budget=_budget_move(before, now)),
                _unit(document, now), now, change.b,
                figures={"last_year": previous.document.year, "this_year": document.year,
                         "value_before": change.a.value, "value_now": change.b.value,
                         "budget_before": money_text(before.budget),
                         "budget_now": money_text(now.budget)},
                line=change.b.line,
            )  # fmt: skip


@year_check(
    "Y002", "warning", N_("For the same targets, the budget rose by more than 20%"), "适当性"
)
def more_money_same_targets(previous: PreviousYear,
                            document: ParsedDocument) -> Iterator[Finding]:  # fmt: skip
    """Every indicator paired with last year's and every value the same (names, descriptions
    and bases may be reworded); an indicator added or dropped is a change of targets."""
    for before, now in previous.pairs:
        old, new = _fen(before), _fen(now)
        if old <= 0 or (new - old) * 100 <= old * RISE_PERCENT:
            continue
        changes = indicator_changes(before.indicators, now.indicators)
        if not _same_targets(changes):
            continue
        percent = round((new - old) * 100 / old, 1)
        yield Finding(
            "Y002", "warning",
            said(N_("预算数 went from {before} {unit_before} in {last_year} to {now} {unit_now} "
                    "in {this_year} (+{percent}%), and all {targets} targets are the same"),
                 before=money_text(before.budget), unit_before=before.money_unit,
                 last_year=previous.document.year, now=money_text(now.budget),
                 unit_now=now.money_unit, this_year=document.year, percent=percent,
                 targets=len(changes)),
            _unit(document, now), now,
            figures={"last_year": previous.document.year, "this_year": document.year,
                     "budget_before": money_text(before.budget),
                     "budget_now": money_text(now.budget), "percent": float(percent),
                     "targets": len(changes)},
            line=now.first_line,
        )  # fmt: skip


def _same_targets(changes: list[IndicatorChange]) -> bool:
    return bool(changes) and all(
        c.a is not None and c.b is not None and same_text(c.a.value, c.b.value) for c in changes
    )


def _value_changes(before: Project, now: Project) -> list[IndicatorChange]:
    return [c for c in indicator_changes(before.indicators, now.indicators)
            if c.status == "changed" and "value" in c.fields]  # fmt: skip


def _loosened(old: Indicator, new: Indicator) -> bool:
    a, b = old.target, new.target
    if a is None or b is None or a.unit != b.unit or a.number == b.number:
        return False
    if new.level2 == "时效指标" and (a.unit in _DEADLINES or a.unit in _DURATIONS):
        return _later(a, b)
    if a.op in _CAP and b.op in _CAP:
        return b.number > a.number  # a higher cap
    if a.op in _LEAST and b.op in _LEAST and new.level2 != "成本指标":
        return b.number < a.number  # a lower least value
    return False


def _later(a: Target, b: Target) -> bool:
    """A later deadline or a longer time allowed; a least duration (≥) says no deadline."""
    return a.op != "≥" and b.op != "≥" and b.number > a.number


def _budget_move(before: Project, now: Project) -> Said:
    old = f"{money_text(before.budget)} {before.money_unit}"
    if _fen(now) == _fen(before):
        return said(N_("stayed at {amount}"), amount=old)
    return said(N_("rose from {before} to {now}"), before=old,
                now=f"{money_text(now.budget)} {now.money_unit}")  # fmt: skip


def _fen(project: Project) -> int:
    return to_fen(project.budget, project.money_unit)


def _unit(document: ParsedDocument, project: Project) -> str:
    unit = next(u for u in document.units if u.code == project.unit_code)
    return f"{unit.code} {unit.name}"
