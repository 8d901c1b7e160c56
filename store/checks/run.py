"""Run the registered checks over a loaded document (store/findings.py loads it, and the year
before where the store holds it, and adds the reviewer's dismissals)."""

from __future__ import annotations

from jixiao.i18n import N_
from jixiao.store.checks import (  # noqa: F401  (register the checks)
    document_checks,
    goal_checks,
    indicator_checks,
    project_checks,
    year_over_year,
)
from jixiao.store.checks.model import (
    CHECKS,
    SEVERITIES,
    YEAR_CHECKS,
    Finding,
    PreviousYear,
    said,
)
from jixiao.store.stored import StoredDocument


def run_checks(stored: StoredDocument, select: set[str] | None = None,
               ignore: set[str] | None = None,
               previous: PreviousYear | None = None) -> list[Finding]:  # fmt: skip
    """Findings in document order, most severe first within a project; the year-over-year
    checks only when the year before is given."""
    notes = [note.message for note in stored.notes]
    findings: list[Finding] = []
    for code, registered in CHECKS.items():
        if not _wanted(code, select, ignore):
            continue
        if registered.needs_plan and stored.parsed.kind != "budget_text":
            findings.append(_skipped(code))
            continue
        findings.extend(registered.run(stored.parsed, notes))
    for code, yearly in YEAR_CHECKS.items():
        if previous is not None and _wanted(code, select, ignore):
            findings.extend(yearly.run(previous, stored.parsed))
    order = {id(p): n for n, p in enumerate(stored.parsed.projects)}
    return sorted(findings, key=lambda f: (order.get(id(f.project), -1),
                                           SEVERITIES.index(f.severity), f.code))  # fmt: skip


def _skipped(code: str) -> Finding:
    """A check that cannot run on this document, said so rather than passed in silence."""
    return Finding(code, "info", said(N_("{code} skipped: this table has no spending plan "
                                         "(资金支出计划 is Hebei's template only)"), code=code),
                   figures={"skipped": "no spending plan"})  # fmt: skip


def _wanted(code: str, select: set[str] | None, ignore: set[str] | None) -> bool:
    return not ((select and not _chosen(code, select)) or (ignore and _chosen(code, ignore)))


def _chosen(code: str, codes: set[str]) -> bool:
    """A code, or its family by its letter: "C" selects C001, C002…"""
    return code in codes or code[0] in codes
