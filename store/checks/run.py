"""Run the registered checks over a stored document."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from jixiao.importers.model import Indicator
from jixiao.store.checks import (  # noqa: F401  (register the checks)
    document_checks,
    goal_checks,
    indicator_checks,
    project_checks,
    year_over_year,
)
from jixiao.store.checks.dismissals import Dismissal
from jixiao.store.checks.model import CHECKS, SEVERITIES, YEAR_CHECKS, Finding, PreviousYear
from jixiao.store.checks.previous_year import previous_year
from jixiao.store.queries import StoredDocument, load_document


def run_checks(stored: StoredDocument, select: set[str] | None = None,
               ignore: set[str] | None = None,
               previous: PreviousYear | None = None) -> list[Finding]:  # fmt: skip
    """Findings in document order, most severe first within a project; the year-over-year
    checks only when the year before is given."""
    notes = [note.message for note in stored.notes]
    findings: list[Finding] = []
    for code, registered in CHECKS.items():
        if _wanted(code, select, ignore):
            findings.extend(registered.run(stored.parsed, notes))
    for code, yearly in YEAR_CHECKS.items():
        if previous is not None and _wanted(code, select, ignore):
            findings.extend(yearly.run(previous, stored.parsed))
    order = {id(p): n for n, p in enumerate(stored.parsed.projects)}
    return sorted(findings, key=lambda f: (order.get(id(f.project), -1),
                                           SEVERITIES.index(f.severity), f.code))  # fmt: skip


def _wanted(code: str, select: set[str] | None, ignore: set[str] | None) -> bool:
    return not ((select and not _chosen(code, select)) or (ignore and _chosen(code, ignore)))


def _chosen(code: str, codes: set[str]) -> bool:
    """A code, or its family by its letter: "C" selects C001, C002…"""
    return code in codes or code[0] in codes


def finding_json(finding: Finding, dismissal: Dismissal | None = None) -> dict[str, Any]:
    p, i = finding.project, finding.indicator
    return {
        "code": finding.code,
        "severity": finding.severity,
        "criterion": finding.criterion,
        "unit": finding.unit,
        "project": None if p is None else {"ordinal": p.ordinal, "code": p.code, "name": p.name},
        "indicator": _indicator(i),
        "message": finding.message,
        "figures": finding.figures,
        "line": finding.line,
        "key": finding.key,
        "dismissed": None
        if dismissal is None
        else {"note": dismissal.note, "reviewer": dismissal.reviewer, "at": dismissal.dismissed_at},
    }


def _indicator(indicator: Indicator | None) -> dict[str, str] | None:
    if indicator is None:
        return None
    return {"level2": indicator.level2, "level3": indicator.level3, "value": indicator.value}


def document_findings(engine: Engine, document_id: int) -> list[Finding]:
    stored = load_document(engine, document_id)
    return run_checks(stored, previous=previous_year(engine, stored))


def by_ordinal(findings: list[Finding]) -> dict[int, list[Finding]]:
    """A document's findings by project number (the document's own findings under 0)."""
    grouped: dict[int, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.project.ordinal if finding.project else 0, []).append(finding)
    return grouped


def finding_rows(engine: Engine, stored: StoredDocument, select: set[str] | None = None,
                 ignore: set[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """The document's findings as JSON rows, each with its dismissal (if any)."""
    from jixiao.store.checks.dismissals import dismissals

    dismissed = dismissals(engine, stored.id)
    found = run_checks(stored, select, ignore, previous_year(engine, stored))
    return [finding_json(f, dismissed.get(f.key)) for f in found]
