"""What the 审核意见 letter says, gathered from the store: the document, every project with its
grade, opinion and open check findings, the document's conclusion, the reviewer and the
date. The letter's wording is letter_wording.py's; md, csv, xlsx and docx render it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from jixiao.store.checks.model import CRITERIA
from jixiao.store.findings import finding_rows
from jixiao.store.queries import load_document
from jixiao.store.reading import Source, fetch
from jixiao.store.review_state import Conclusion, conclusion_of
from jixiao.store.review_terms import GRADES


@dataclass(frozen=True)
class LetterProject:
    unit: str
    """Its budget unit, "203001 中共巨鹿县委组织部本级"."""
    ordinal: int
    code: str
    name: str
    budget: Decimal
    money_unit: str
    grade: str | None
    state: str | None
    opinion: str
    findings: list[dict[str, Any]]
    """Its open check findings (store.findings.finding_json rows, not dismissed)."""

    @property
    def needs_a_word(self) -> bool:
        """The letter speaks of it: graded 良/中/差, or with an opinion or open findings."""
        return self.grade in ("良", "中", "差") or bool(self.opinion.strip() or self.findings)


@dataclass(frozen=True)
class ReviewLetter:
    document_id: int
    department: str
    year: int
    stage: str
    revision: int
    money_unit: str
    projects: list[LetterProject]
    conclusion: Conclusion | None
    document_findings: list[dict[str, Any]]
    """Open findings about the document or a unit rather than one project."""
    dismissed: list[dict[str, Any]]
    """Findings the reviewer dismissed, with the reason: not in the letter, in the record."""
    reviewer: str
    date: date

    @property
    def title(self) -> str:
        return f"关于{self.department}{self.year}年部门预算绩效目标的审核意见"

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.projects), Decimal(0))

    @property
    def grade_counts(self) -> dict[str, int]:
        """Projects by grade, in the order 优 良 中 差, then "未评定" (not graded)."""
        counts = Counter(p.grade or "未评定" for p in self.projects)
        return {grade: counts[grade] for grade in (*GRADES, "未评定")}

    @property
    def open_findings(self) -> list[dict[str, Any]]:
        return self.document_findings + [f for p in self.projects for f in p.findings]

    @property
    def findings_by_criterion(self) -> dict[str, int]:
        counts = Counter(f["criterion"] for f in self.open_findings)
        return {criterion: counts[criterion] for criterion in CRITERIA}


def review_letter(source: Source, document_id: int, reviewer: str, today: date) -> ReviewLetter:
    stored = load_document(source, document_id)
    parsed = stored.parsed
    found = finding_rows(source, stored)
    open_by_project: dict[int, list[dict[str, Any]]] = {}
    # a letter lists problems: not T002's figures, not a check that could not run here
    found = [row for row in found if row["problem"]]
    for row in found:
        if row["project"] is not None and row["dismissed"] is None:
            open_by_project.setdefault(row["project"]["ordinal"], []).append(row)
    marks = _project_marks(source, document_id)
    projects = []
    for unit in parsed.units:
        for p in unit.projects:
            state, grade, opinion = marks.get(p.ordinal, (None, None, ""))
            projects.append(LetterProject(
                unit=f"{unit.code} {unit.name}", ordinal=p.ordinal, code=p.code, name=p.name,
                budget=p.budget, money_unit=p.money_unit, grade=grade, state=state,
                opinion=opinion, findings=open_by_project.get(p.ordinal, []),
            ))  # fmt: skip
    return ReviewLetter(
        document_id=document_id,
        department=parsed.department,
        year=parsed.year,
        stage=parsed.stage,
        revision=stored.revision,
        money_unit=projects[0].money_unit if projects else "万元",
        projects=projects,
        conclusion=conclusion_of(source, document_id),
        document_findings=[f for f in found if f["project"] is None and f["dismissed"] is None],
        dismissed=[f for f in found if f["dismissed"] is not None],
        reviewer=reviewer,
        date=today,
    )


def finding_text(finding: dict[str, Any]) -> str:
    """A check finding as the letter words it: the check's message in the chosen language
    (finding_json translates it), the figures kept. Every finding in every report passes
    through here."""
    return str(finding["message"])


def _project_marks(
    source: Source, document_id: int
) -> dict[int, tuple[str | None, str | None, str]]:
    """Each project's own (state, grade, opinion), by its number in the document."""
    sql = """SELECT p.ordinal, m.state, m.grade, m.note FROM project AS p
             JOIN review_mark AS m ON m.project_id = p.id AND m.indicator_id IS NULL
             WHERE p.document_id = :id"""
    rows = fetch(source, sql, {"id": document_id})
    return {ordinal: (state, grade, note) for ordinal, state, grade, note in rows}
