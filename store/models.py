"""The store's tables. Money is integer 分 (fen); percentages and target numbers are exact
decimal text. Every project, indicator and goal keeps the source line(s) it came from.

Changing anything here changes the schema: add a step to store/migrations.py and a new
snapshot (see docs/store.md), or tests/test_migrations.py fails.
"""

from __future__ import annotations

from sqlalchemy import Index, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, SQLModel


class Department(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class Document(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("department_id", "year", "stage", "revision"),
        Index("ix_document_imported_at", "imported_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(foreign_key="department.id", index=True)
    year: int
    stage: str  # "draft" | "final"
    revision: int
    title: str
    compiled_by: str
    reviewed_by: str
    source_filename: str
    source_sha256: str = Field(unique=True)
    source_format: str
    source_encoding: str
    line_count: int
    imported_at: str  # ISO 8601, UTC
    # What `jixiao ls` shows, counted once at import rather than for every listing.
    unit_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    project_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    indicator_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    budget_fen: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    unread_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    warning_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # What the document is (importers/model.py DOCUMENT_KINDS) and its 主管部门's code.
    kind: str = Field(default="budget_text", sa_column_kwargs={"server_default": "budget_text"})
    department_code: str = Field(default="", sa_column_kwargs={"server_default": ""})


class DocumentSource(SQLModel, table=True):
    """The decoded text, zlib-compressed: lets a reviewer see any value's source lines."""

    __tablename__ = "document_source"

    document_id: int = Field(foreign_key="document.id", primary_key=True, ondelete="CASCADE")
    text_zlib: bytes = Field(sa_type=LargeBinary)


class TocEntry(SQLModel, table=True):
    __tablename__ = "toc_entry"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    position: int
    ordinal: int | None = None
    title: str
    page: int
    line: int


class DepartmentGoal(SQLModel, table=True):
    """Part 1 of the document: kind "overall" (总体绩效目标), "sub" (分项绩效目标: title,
    text = 绩效目标, indicators = 绩效指标) or "measure" (工作保障措施: title, text)."""

    __tablename__ = "department_goal"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    kind: str
    position: int
    title: str
    text: str
    indicators: str
    first_line: int
    last_line: int


class Unit(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    position: int
    code: str
    name: str
    line: int


class Project(SQLModel, table=True):
    """code_key and name_key are the code and name as compare pairs them
    (store/name_keys.py). The previous project is the same project in the year
    before (store/changes.py says how it is found); change_fen = budget_fen minus its budget.
    Both are kept up to date by the import so that store-wide views sort by change from an
    index."""

    __table_args__ = (
        Index("ix_project_budget", "budget_fen", "id"),
        Index("ix_project_change", "change_fen", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")
    position: int
    ordinal: int
    title: str
    code: str = Field(index=True)
    name: str
    money_unit: str
    budget_fen: int
    fiscal_fen: int | None = None
    other_fen: int | None = None
    purpose: str
    plan_3: str | None = None  # cumulative % spent by the end of March, decimal text
    plan_6: str | None = None
    plan_10: str | None = None
    plan_12: str | None = None
    first_line: int
    last_line: int
    code_key: str = Field(default="", sa_column_kwargs={"server_default": ""})
    name_key: str = Field(default="", sa_column_kwargs={"server_default": ""})
    previous_project_id: int | None = None
    change_fen: int | None = None
    # Other provinces' tables: 项目属性, 项目期, 项目负责人 ('' where a table has none).
    attribute: str = Field(default="", sa_column_kwargs={"server_default": ""})
    period: str = Field(default="", sa_column_kwargs={"server_default": ""})
    manager: str = Field(default="", sa_column_kwargs={"server_default": ""})


class ProjectFund(SQLModel, table=True):
    """One line of a project's money split as its table writes it (其中：财政拨款, 上级资金…);
    Hebei's two (财政资金, 其他资金) are project.fiscal_fen and other_fen instead."""

    __tablename__ = "project_fund"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    position: int
    label: str
    amount_fen: int


class ProjectGoal(SQLModel, table=True):
    __tablename__ = "project_goal"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    position: int
    text: str
    line: int
    period: str = Field(default="annual", sa_column_kwargs={"server_default": "annual"})
    """"annual", or "medium_term" (中长期目标)."""


class Indicator(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    position: int
    level1: str
    level2: str
    level3: str
    description: str
    value: str  # as written: "≥95%"
    basis: str
    target_kind: str  # "numeric" | "qualitative" | "other"
    target_op: str | None = None
    target_number: str | None = None  # decimal text
    target_unit: str | None = None
    line: int
    period: str = Field(default="annual", sa_column_kwargs={"server_default": "annual"})
    # Other provinces' extra columns, as written; NULL where the table has no such column.
    comparator: str | None = None  # 指标性质
    measure_unit: str | None = None  # 度量单位
    weight: str | None = None  # 权重, 分值
    direction: str | None = None  # 指标方向性
    value_type: str | None = None  # 指标值类型: 定量, 定性
    explanation: str | None = None  # 指标解释
    scoring_rule: str | None = None  # 评(扣)分标准
    remark: str | None = None  # 备注
    previous_value: str | None = None  # <上年>实际实现值


class ImportNote(SQLModel, table=True):
    """What the import report said: kept so that a reviewer sees it after the import."""

    __tablename__ = "import_note"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    line: int | None = None
    severity: str
    message: str


class ReviewMark(SQLModel, table=True):
    """A reviewer's mark and note on a project (indicator_id empty) or on one indicator.
    Carried over to the next revision of the document where the project is the same."""

    __tablename__ = "review_mark"
    __table_args__ = (
        Index("ix_review_mark_project", "project_id", unique=True,
              sqlite_where=text("indicator_id IS NULL")),
        Index("ix_review_mark_indicator", "indicator_id", unique=True,
              sqlite_where=text("indicator_id IS NOT NULL")),
    )  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE")
    indicator_id: int | None = Field(default=None, foreign_key="indicator.id", ondelete="CASCADE")
    state: str | None = None  # "reviewed" | "question" | "problem"; None: a note alone
    note: str = ""  # on a project, the reviewer's opinion (审核意见)
    reviewer: str
    updated_at: str  # ISO 8601, UTC
    grade: str | None = None  # 优 | 良 | 中 | 差, a project's only (never an indicator's)


class ReviewConclusion(SQLModel, table=True):
    """The reviewer's conclusion on a whole document: its grade (优/良/中/差) and summary
    opinion. One a document; carried over to the next revision like the marks."""

    __tablename__ = "review_conclusion"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", unique=True, index=True, ondelete="CASCADE")
    grade: str | None = None
    note: str = ""
    reviewer: str
    updated_at: str  # ISO 8601, UTC


class SearchText(SQLModel, table=True):
    """Searchable text of a document, one row a piece (a project's name, its purpose, a goal,
    an indicator, a department goal). The index search_fts holds each row's character
    bigrams under the same rowid (store/search_tokens.py, store/search_index.py)."""

    __tablename__ = "search_text"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    project_id: int | None = Field(default=None, foreign_key="project.id", ondelete="CASCADE")
    indicator_id: int | None = Field(default=None, foreign_key="indicator.id", ondelete="CASCADE")
    kind: str  # "project" | "purpose" | "goal" | "indicator" | "department_goal"
    text: str


class PairingDecision(SQLModel, table=True):
    """A reviewer's word on whether project a (older document) and project b (newer) are
    the same project: "confirmed" pairs them in every later compare, "rejected" never."""

    __tablename__ = "pairing_decision"
    __table_args__ = (UniqueConstraint("a_project_id", "b_project_id"),)

    id: int | None = Field(default=None, primary_key=True)
    a_project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    b_project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    decision: str  # "confirmed" | "rejected"
    reviewer: str
    decided_at: str  # ISO 8601, UTC


class FindingDismissal(SQLModel, table=True):
    """A reviewer's decision that a check finding is not a problem, with the reason. Keyed by
    the finding's stable key (check code, project code, indicator), so that it survives a
    re-import of the same project in the next revision."""

    __tablename__ = "finding_dismissal"
    __table_args__ = (UniqueConstraint("document_id", "finding_key"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    finding_key: str
    note: str
    reviewer: str
    dismissed_at: str  # ISO 8601, UTC
