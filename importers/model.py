"""The parsed document: plain dataclasses that every importer produces and the store saves.

Nothing here knows about files, layouts or databases. Amounts are Decimal in the
document's own money unit (usually 万元), exactly as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

QUARTER_ENDS: tuple[int, ...] = (3, 6, 10, 12)
"""Months whose end the spending plan (资金支出计划) reports a cumulative share for."""


@dataclass(frozen=True)
class Target:
    """A target value (指标值) read as comparator, number and unit: "≥95%" → ≥, 95, %."""

    op: str
    number: Decimal
    unit: str


@dataclass
class Indicator:
    level1: str
    level2: str
    level3: str
    description: str
    value: str
    basis: str
    line: int
    target: Target | None = None
    target_kind: str = "qualitative"
    """"numeric" (target is set), "qualitative" (no number at all) or "other" (numbers that
    do not form a single comparator-number-unit, such as a range)."""


@dataclass
class Project:
    ordinal: int
    title: str
    code: str
    name: str
    unit_code: str
    money_unit: str
    budget: Decimal
    fiscal_funds: Decimal | None
    other_funds: Decimal | None
    purpose: str
    spending_plan: dict[int, Decimal | None]
    goals: list[str]
    indicators: list[Indicator]
    first_line: int
    last_line: int
    goals_line: int
    """The 绩效目标 row; goals wrapped onto further rows lie between it and last_line."""


@dataclass
class Unit:
    code: str
    name: str
    line: int
    projects: list[Project] = field(default_factory=list)


@dataclass
class TocEntry:
    title: str
    page: int
    line: int
    ordinal: int | None = None
    """Set for project tables (part 2): the table's number (5 for "5.村级组织运转经费…")."""


@dataclass
class Paragraph:
    text: str
    first_line: int
    last_line: int


@dataclass
class SubGoal:
    title: str
    goal: str
    indicators: str
    first_line: int
    last_line: int


@dataclass
class Measure:
    title: str
    text: str
    first_line: int
    last_line: int


@dataclass
class DepartmentGoals:
    overall: list[Paragraph] = field(default_factory=list)
    sub: list[SubGoal] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)


@dataclass
class SourceInfo:
    filename: str
    sha256: str
    format: str
    encoding: str
    text: str
    """The decoded text, kept so that any imported value can be shown beside its source lines."""

    @property
    def line_count(self) -> int:
        return self.text.count("\n") + (0 if self.text.endswith("\n") or not self.text else 1)


@dataclass
class ParsedDocument:
    department: str
    year: int
    stage: str
    """"draft" (草案) or "final"."""
    title: str
    compiled_by: str
    reviewed_by: str
    toc: list[TocEntry]
    goals: DepartmentGoals
    units: list[Unit]
    source: SourceInfo

    @property
    def projects(self) -> list[Project]:
        return [project for unit in self.units for project in unit.projects]

    @property
    def indicator_count(self) -> int:
        return sum(len(project.indicators) for project in self.projects)

    @property
    def total_budget(self) -> Decimal:
        return sum((project.budget for project in self.projects), Decimal(0))
