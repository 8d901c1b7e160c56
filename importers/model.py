"""The parsed document: plain dataclasses that every importer produces and the store saves.

Nothing here knows about files, layouts or databases. Amounts are Decimal in the
document's own money unit (usually 万元), exactly as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

QUARTER_ENDS: tuple[int, ...] = (3, 6, 10, 12)
"""Months whose end the spending plan (资金支出计划) reports a cumulative share for."""


@dataclass
class Overrides:
    """Values the user gives on the command line; they win over what the text says."""

    department: str | None = None
    year: int | None = None
    stage: str | None = None


@dataclass(frozen=True)
class Target:
    """A target value (指标值) read as comparator, number and unit: "≥95%" → ≥, 95, %."""

    op: str
    number: Decimal
    unit: str


DOCUMENT_KINDS: tuple[str, ...] = ("budget_text", "project_table", "department_table")
"""What a document is: Hebei's 部门预算绩效文本 (part 1, then a table per project), another
province's 项目支出绩效目标表 (one project), or a 部门整体支出绩效目标表 (the whole department,
no project: its one "project" is the department's table)."""

PERIOD_WORDS = {"annual": "年度目标", "medium_term": "中长期目标"}
"""An indicator's period as the tables head its goal columns: the document's own words, shown
in either language (JSON and CSV keep the key)."""

INDICATOR_DETAILS: tuple[str, ...] = (
    "comparator",
    "unit",
    "weight",
    "direction",
    "value_type",
    "explanation",
    "scoring_rule",
    "remark",
    "previous_value",
)
"""The columns other provinces' tables add to an indicator, kept as written: 指标性质 (the
comparator in a cell of its own), 度量单位, 权重/分值, 指标方向性, 指标值类型 (定量/定性),
指标解释, 评(扣)分标准, 备注, <上年>实际实现值."""


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
    period: str = "annual"
    """"annual" (年度), or "medium_term" (中长期: a table with both goal column sets)."""
    details: dict[str, str] = field(default_factory=dict)
    """The columns of INDICATOR_DETAILS the table has, by name, as written ('' when empty)."""


@dataclass(frozen=True)
class Fund:
    """One line of the money split (其中：财政拨款 / 上级资金 / 其他资金…), in the project's
    unit."""

    label: str
    amount: Decimal


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
    attribute: str = ""
    """项目属性 (经常性项目, 新增项目…), where the table has one; likewise the next ones."""
    period: str = ""
    """项目期 as written (1年, 2025年1月-2025年12月)."""
    manager: str = ""
    """项目负责人."""
    funds: list[Fund] = field(default_factory=list)
    """The money split as written, each line with its own label (Hebei's is fiscal_funds
    and other_funds, and this stays empty)."""
    medium_term_goals: list[str] = field(default_factory=list)
    """中长期目标, where the table sets them beside the annual goals (`goals`)."""


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
    kind: str = "budget_text"
    """One of DOCUMENT_KINDS."""
    department_code: str = ""
    """The 主管部门's code where the table writes one (`[360102]某区教育局`)."""

    @property
    def projects(self) -> list[Project]:
        return [project for unit in self.units for project in unit.projects]

    @property
    def indicator_count(self) -> int:
        return sum(len(project.indicators) for project in self.projects)

    @property
    def total_budget(self) -> Decimal:
        return sum((project.budget for project in self.projects), Decimal(0))
