"""Compare two loaded documents: pair units and projects, collect every change, and sum it up
per unit and for the document. Loading them (and the reviewer's earlier decisions) is the
store's: store/comparing.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.i18n import N_
from jixiao.importers.model import Project
from jixiao.importers.money import from_fen, money_text, to_fen
from jixiao.store.compare.diff import Change, IndicatorChange, indicator_changes, project_changes
from jixiao.store.compare.pairing import ASK, Item, Pair, pair_items, similarity
from jixiao.store.stored import StoredDocument

STATUSES = ("added", "removed", "changed", "unchanged", "to_confirm")

ProjectIds = dict[tuple[str, int], int]
"""(unit code, project ordinal) → the project's id in the store, which pairing decisions name."""


@dataclass
class ProjectComparison:
    status: str
    match: str | None
    score: float | None
    a: Project | None
    b: Project | None
    a_id: int | None
    b_id: int | None
    unit: str
    changes: list[Change] = field(default_factory=list)
    indicators: list[IndicatorChange] = field(default_factory=list)
    flag: str | None = None

    @property
    def budget_change_fen(self) -> int:
        return _fen(self.b) - _fen(self.a)


@dataclass
class UnitTotal:
    code: str
    name: str
    a_fen: int
    b_fen: int


@dataclass
class Comparison:
    a: StoredDocument
    b: StoredDocument
    projects: list[ProjectComparison]
    units: list[UnitTotal]

    def count(self, status: str) -> int:
        return sum(p.status == status for p in self.projects)

    def total_fen(self, side: str, status: str | None = None) -> int:
        return sum(_fen(getattr(p, side)) for p in self.projects
                   if status is None or p.status == status)  # fmt: skip


def compare(
    a: StoredDocument,
    b: StoredDocument,
    ids_a: ProjectIds,
    ids_b: ProjectIds,
    *,
    confirmed: set[tuple[int, int]],
    rejected: set[tuple[int, int]],
) -> Comparison:
    """`confirmed` and `rejected`: the reviewer's decisions, as (a's project id, b's)."""
    units_a, units_b = a.parsed.units, b.parsed.units
    unit_pairs = pair_items(
        [Item(i, unit.code, unit.name) for i, unit in enumerate(units_a)],
        [Item(i, unit.code, unit.name) for i, unit in enumerate(units_b)],
        fuzzy=False,
    )
    projects: list[ProjectComparison] = []
    totals: list[UnitTotal] = []
    for unit_pair in unit_pairs:
        unit_a = units_a[unit_pair.a.id] if unit_pair.a else None
        unit_b = units_b[unit_pair.b.id] if unit_pair.b else None
        shown = unit_b or unit_a
        assert shown is not None
        label = f"{shown.code} {shown.name}"
        items_a = [Item(ids_a[(p.unit_code, p.ordinal)], p.code, p.name)
                   for p in (unit_a.projects if unit_a else [])]  # fmt: skip
        items_b = [Item(ids_b[(p.unit_code, p.ordinal)], p.code, p.name)
                   for p in (unit_b.projects if unit_b else [])]  # fmt: skip
        by_id_a = {item.id: p for item, p in zip(items_a, unit_a.projects if unit_a else [],
                                                 strict=True)}  # fmt: skip
        by_id_b = {item.id: p for item, p in zip(items_b, unit_b.projects if unit_b else [],
                                                 strict=True)}  # fmt: skip
        for pair in pair_items(items_a, items_b, confirmed, rejected):
            projects.append(_compare_pair(pair, by_id_a, by_id_b, label))
        a_fen = sum(_fen(p) for p in (unit_a.projects if unit_a else []))
        b_fen = sum(_fen(p) for p in (unit_b.projects if unit_b else []))
        totals.append(UnitTotal(shown.code, shown.name, a_fen, b_fen))
    return Comparison(a, b, projects, totals)


def _compare_pair(pair: Pair, by_id_a: dict[int, Project], by_id_b: dict[int, Project],
                  unit: str) -> ProjectComparison:  # fmt: skip
    a = by_id_a[pair.a.id] if pair.a else None
    b = by_id_b[pair.b.id] if pair.b else None
    result = ProjectComparison(
        status="added" if a is None else "removed" if b is None else "unchanged",
        match=pair.match, score=pair.score, a=a, b=b,
        a_id=pair.a.id if pair.a else None, b_id=pair.b.id if pair.b else None, unit=unit,
    )  # fmt: skip
    if a is None or b is None:
        return result
    result.changes = project_changes(a, b)
    result.indicators = indicator_changes(a.indicators, b.indicators)
    if pair.match == "code" and similarity(a.name, b.name) < ASK:
        result.flag = N_("the codes match but the names differ a lot")  # translated where shown
    if not pair.certain:
        result.status = "to_confirm"
    elif result.changes or any(i.status != "unchanged" for i in result.indicators):
        result.status = "changed"
    return result


def to_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "a": _document_json(comparison.a),
        "b": _document_json(comparison.b),
        "summary": summary_json(comparison),
        "projects": [_project_json(p) for p in comparison.projects],
    }


def summary_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "money_unit": "万元",
        "total": _totals(comparison.total_fen("a"), comparison.total_fen("b")),
        "units": [
            {"code": unit.code, "name": unit.name, **_totals(unit.a_fen, unit.b_fen)}
            for unit in comparison.units
        ],
        "counts": {status: comparison.count(status) for status in STATUSES},
        "added_total": _wan(comparison.total_fen("b", "added")),
        "removed_total": _wan(comparison.total_fen("a", "removed")),
    }


def _project_json(p: ProjectComparison) -> dict[str, Any]:
    def side(project: Project | None) -> dict[str, Any] | None:
        if project is None:
            return None
        return {"ordinal": project.ordinal, "code": project.code, "name": project.name,
                "budget": money_text(project.budget)}  # fmt: skip

    return {
        "status": p.status,
        "match": p.match,
        "score": p.score,
        "unit": p.unit,
        "a": side(p.a),
        "b": side(p.b),
        "flag": p.flag,
        "changes": [{"field": c.field, "a": c.a, "b": c.b, **(c.detail or {})} for c in p.changes],
        "indicators": [
            {
                "status": i.status,
                "a": _indicator_json(i.a),
                "b": _indicator_json(i.b),
                "direction": i.direction,
                "fields": list(i.fields),
            }
            for i in p.indicators
            if i.status != "unchanged"
        ],
    }


def _indicator_json(indicator: Any) -> dict[str, Any] | None:
    if indicator is None:
        return None
    return {"level1": indicator.level1, "level2": indicator.level2, "level3": indicator.level3,
            "value": indicator.value}  # fmt: skip


def _document_json(stored: StoredDocument) -> dict[str, Any]:
    doc = stored.parsed
    return {"id": stored.id, "department": doc.department, "year": doc.year,
            "stage": doc.stage, "revision": stored.revision,
            "source": doc.source.filename}  # fmt: skip


def _totals(a_fen: int, b_fen: int) -> dict[str, Any]:
    change = b_fen - a_fen
    percent = None if a_fen == 0 else round(change / a_fen * 100, 1)
    return {"a": _wan(a_fen), "b": _wan(b_fen), "change": _wan(change), "percent": percent}


def _wan(fen: int) -> str:
    return str(from_fen(fen, "万元"))


def _fen(project: Project | None) -> int:
    return 0 if project is None else to_fen(project.budget, project.money_unit)
