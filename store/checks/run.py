"""Run the registered checks over a stored document."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from jixiao.importers.model import Indicator
from jixiao.store.checks import document_checks, project_checks  # noqa: F401  (register the checks)
from jixiao.store.checks.dismissals import Dismissal
from jixiao.store.checks.model import CHECKS, SEVERITIES, Finding
from jixiao.store.queries import StoredDocument, load_document


def run_checks(stored: StoredDocument, select: set[str] | None = None,
               ignore: set[str] | None = None) -> list[Finding]:  # fmt: skip
    """Findings in document order, most severe first within a project."""
    notes = [note.message for note in stored.notes]
    findings: list[Finding] = []
    for code, registered in CHECKS.items():
        if (select and not _chosen(code, select)) or (ignore and _chosen(code, ignore)):
            continue
        if registered.needs_plan and stored.parsed.kind != "budget_text":
            findings.append(_skipped(code))
            continue
        findings.extend(registered.run(stored.parsed, notes))
    order = {id(p): n for n, p in enumerate(stored.parsed.projects)}
    return sorted(findings, key=lambda f: (order.get(id(f.project), -1),
                                           SEVERITIES.index(f.severity), f.code))  # fmt: skip


def _skipped(code: str) -> Finding:
    """A check that cannot run on this document, said so rather than passed in silence."""
    return Finding(code, "info", f"{code} skipped: this table has no spending plan "
                   "(资金支出计划 is Hebei's template only)")  # fmt: skip


def _chosen(code: str, codes: set[str]) -> bool:
    """A code, or its family by its letter: "C" selects C001, C002…"""
    return code in codes or code[0] in codes


def finding_json(finding: Finding, dismissal: Dismissal | None = None) -> dict[str, Any]:
    p, i = finding.project, finding.indicator
    return {
        "code": finding.code,
        "severity": finding.severity,
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
    return run_checks(load_document(engine, document_id))


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
    return [finding_json(f, dismissed.get(f.key)) for f in run_checks(stored, select, ignore)]
