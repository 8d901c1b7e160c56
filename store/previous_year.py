"""Load what the year-over-year checks (checks/year_over_year.py) read: the same department's
document of the year before (the newest revision of that year, same stage) and compare's
pairing of its projects with this year's, the reviewer's decisions included."""

from __future__ import annotations

from jixiao.store.checks.model import PreviousYear
from jixiao.store.comparing import compare_documents
from jixiao.store.reading import Source, fetch
from jixiao.store.stored import StoredDocument


def previous_year(source: Source, stored: StoredDocument) -> PreviousYear | None:
    """None when the store holds no such document. Only certain pairings count: a fuzzy one
    the reviewer has not confirmed is no ground for a finding."""
    previous_id = _previous_document_id(source, stored.id)
    if previous_id is None:
        return None
    comparison = compare_documents(source, previous_id, stored.id)
    # compare loads its own copy of this year's document: findings must point at `stored`'s.
    current = {(p.unit_code, p.ordinal): p for p in stored.parsed.projects}
    certain = [p for p in comparison.projects if p.a and p.b and p.status != "to_confirm"]
    pairs = [(p.a, current[(p.b.unit_code, p.b.ordinal)]) for p in certain]
    return PreviousYear(comparison.a.parsed, pairs)


def _previous_document_id(source: Source, document_id: int) -> int | None:
    found = fetch(
        source,
        """SELECT before.id FROM document AS this
           JOIN document AS before ON before.department_id = this.department_id
                AND before.year = this.year - 1 AND before.stage = this.stage
           WHERE this.id = :id ORDER BY before.revision DESC LIMIT 1""",
        {"id": document_id},
    )
    return found[0][0] if found else None
