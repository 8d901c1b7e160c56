"""A stored document's check findings: the checks run over the loaded document and, where the
store holds it, the year before (checks/, which never touches the database), joined with the
dismissals the reviewer stored."""

from __future__ import annotations

from typing import Any

from jixiao.importers.model import Indicator
from jixiao.store.checks.model import Finding
from jixiao.store.checks.run import run_checks
from jixiao.store.previous_year import previous_year
from jixiao.store.queries import load_document
from jixiao.store.reading import Source
from jixiao.store.review_state import Dismissal, dismissals
from jixiao.store.stored import StoredDocument


def document_findings(source: Source, document_id: int) -> list[Finding]:
    stored = load_document(source, document_id)
    return run_checks(stored, previous=previous_year(source, stored))


def finding_rows(source: Source, stored: StoredDocument, select: set[str] | None = None,
                 ignore: set[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """The document's findings as JSON rows, each with its dismissal (if any)."""
    dismissed = dismissals(source, stored.id)
    found = run_checks(stored, select, ignore, previous_year(source, stored))
    return [finding_json(f, dismissed.get(f.key)) for f in found]


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
        "problem": finding.states_a_problem,
        "dismissed": None
        if dismissal is None
        else {"note": dismissal.note, "reviewer": dismissal.reviewer, "at": dismissal.dismissed_at},
    }


def _indicator(indicator: Indicator | None) -> dict[str, str] | None:
    if indicator is None:
        return None
    return {"level2": indicator.level2, "level3": indicator.level3, "value": indicator.value}
