"""Other provinces' target tables: a 项目支出绩效目标表 (also titled 申报表, 批复表, 审批表; one
project) or a 部门整体支出绩效目标表 (the whole department), as text in any of the shapes of
province_text.py. One table a file; web page furniture around it is left out and counted.

What is read: the title (year, kind, 申报 = a draft), the header block (province_fields.py),
the indicator table (province_indicators.py). What these tables do not have stays empty: no
项目编码, no spending plan by quarter, no part 1 (the department's goals), no contents.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.i18n import N_, _
from jixiao.importers.lines import Line, number_lines
from jixiao.importers.model import (
    DepartmentGoals,
    Fund,
    ParsedDocument,
    Project,
    SourceInfo,
    Unit,
)
from jixiao.importers.numbered import split_numbered
from jixiao.importers.province_fields import HeaderReader
from jixiao.importers.province_indicators import IndicatorReader, header_columns, sub_columns
from jixiao.importers.province_text import TextRow, indicator_header_line, shaped
from jixiao.importers.report import ImportFault, ImportReport, Note
from jixiao.importers.sniffing import hebei_template, reduced_head
from jixiao.importers.template import Overrides
from jixiao.importers.text import label

NAME = "province"
DESCRIPTION = N_(
    "another province's 项目支出绩效目标表 or 部门整体支出绩效目标表: cells split by pipes, tabs "
    "or single spaces, a cell a line, or run together"
)

TITLE = re.compile(
    r"^(?:(?P<year>\d{4})年度?)?.*?(?P<kind>项目支出|部门整体支出)绩效目标"
    r"(?P<form>申报|批复|审批)?表$"
)
_GOAL_ITEM = re.compile(r"目标\s*\d{1,2}\s*[:：]")
_FISCAL = ("财政拨款", "财政资金", "本级财政资金")
_OTHER = ("其他资金", "其它资金")
_MARKERS = ("一级指标", "二级指标", "三级指标", "指标值")


def sniff(text: str) -> float:
    """The share of the markers found: a title of either kind, a 项目名称 or 部门名称, and
    the indicator header's four names. Hebei's template (项目编码, 预算规模) is not ours."""
    if hebei_template(text):
        return 0.0
    written = reduced_head(text)
    found = sum(name in written for name in _MARKERS)
    found += "项目支出绩效目标" in written or "部门整体支出绩效目标" in written
    found += "项目名称" in written or "部门名称" in written
    return found / (len(_MARKERS) + 2)


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    lines = number_lines(source.text.removesuffix("\n"))
    text = shaped(lines)
    if text is None:
        raise ImportFault(
            source.filename,
            None,
            _("no indicator header row (一级指标 二级指标 三级指标 指标值) was found"),
        )
    header_line = indicator_header_line([line for line in lines if line.number not in text.debris])
    assert header_line is not None  # shaped() found it
    glued = text.shape == "glued"
    fields = HeaderReader(source.filename, report, glued)
    used: set[int] = set()
    title: re.Match[str] | None = None
    title_line, title_text = 0, ""
    indicators: IndicatorReader | None = None
    header: TextRow | None = None
    for row in text.rows:
        if not any(cell.strip() for cell in row.cells):  # a table row of empty cells: `| | |`
            used.update(row.lines)
            continue
        if header is None and header_line.number in row.lines:
            header = row
            used.update(row.lines)
        elif header is not None and indicators is None:
            sub = sub_columns(header, row)
            periods = _periods(fields.fields.goal_order)
            columns = header_columns(sub or header, periods)
            for name in columns.unknown:
                report.warn(
                    header.first_line,
                    _("the column '{name}' is not one jixiao reads").format(name=name),
                )
            indicators = IndicatorReader(report, columns, glued)
            if sub is not None or indicators.read(row):
                used.update(row.lines)
        elif indicators is not None:
            if TITLE.match(label("".join(row.cells))):
                raise ImportFault(
                    source.filename,
                    row.first_line,
                    _(
                        "a second table starts here; jixiao reads one table a file: put each "
                        "table in a file of its own"
                    ),
                )
            if indicators.read(row):
                used.update(row.lines)
        elif title is None and (found := _title(row)):
            title, title_line = found, row.first_line
            if text.shape == "lines" and len(row.cells) > 1:
                # a cell a line: the unit line may stand in the title's block
                title_text = row.cells[0].strip()
                used.add(row.first_line)
                fields.read(TextRow(row.cells[1:], row.lines[1:], placed=False))
            else:
                title_text = " ".join(cell.strip() for cell in row.cells)
                used.update(row.lines)
        elif title is not None:
            fields.read(row)
    assert header is not None  # shaped() found its line
    if indicators is None:  # a header and no row under it
        indicators = IndicatorReader(report, header_columns(header, []), glued)
    used |= fields.used
    if title is None:
        raise ImportFault(
            source.filename,
            None,
            _(
                "no title was found (…项目支出绩效目标表, …申报表/批复表/审批表, or "
                "…部门整体支出绩效目标表) before the table"
            ),
        )
    _account(lines, used, set(text.debris), report)
    return _document(
        source,
        overrides,
        titled=(title, title_line, title_text),
        reader=fields,
        indicators=indicators,
        last_line=max(used),
    )


def _title(row: TextRow) -> re.Match[str] | None:
    """The table's title on this row: its first cell (a cell a line) or all of it (a title
    with spaces inside, `2024 年度…`)."""
    return TITLE.match(label(row.cells[0])) or TITLE.match(label("".join(row.cells)))


def _periods(goal_order: list[str]) -> list[str]:
    return ["medium_term" if name == "medium_term_goals" else "annual" for name in goal_order]


def _account(lines: list[Line], used: set[int], debris: set[int], report: ImportReport) -> None:
    """Every line used, counted as web furniture, or reported."""
    blank = 0
    for line in lines:
        if not line.text.strip():
            blank += 1
        elif line.number not in used and line.number not in debris:
            shown = line.text if len(line.text) <= 80 else line.text[:77] + "…"
            message = _("not understood: {line!r}").format(line=shown)
            report.notes.append(Note(line.number, "unread", message))
    report.lines_total = len(lines)
    report.lines_blank = blank
    report.lines_used = len(used)
    report.lines_debris = len(debris)


def _document(
    source: SourceInfo,
    overrides: Overrides,
    *,
    titled: tuple[re.Match[str], int, str],
    reader: HeaderReader,
    indicators: IndicatorReader,
    last_line: int,
) -> ParsedDocument:
    title, title_line, title_text = titled
    fields = reader.fields
    fault = _Faults(source.filename, title_line)
    department_table = title["kind"] == "部门整体支出"
    code, department = fields.department_code_and_name
    department = overrides.department or department
    if not department:
        fault(_("no 主管部门 or 部门名称 was found; pass --department NAME"))
    year = overrides.year or (int(title["year"]) if title["year"] else None)
    if year is None:
        fault(_("the title names no year (2024年度…); pass --year YYYY"))
    name = fields.get("name") or (department if department_table else "")
    if not name:
        fault(_("no 项目名称 was found in the table"))
    if not fields.money_unit:
        fault(
            _("the money unit was not found (金额单位：元, 项目资金（万元）, 项目金额 85.60万元)")
        )
    if fields.budget is None:
        fault(_("no amount (项目金额, 年度资金总额, 资金总额) was found in the table"))
    assert year is not None and fields.budget is not None
    funds = [Fund(label, amount) for label, amount in fields.funds]
    project = Project(
        ordinal=1,
        title=name,
        code="",
        name=name,
        unit_code="",
        money_unit=fields.money_unit,
        budget=fields.budget,
        fiscal_funds=_fund(funds, _FISCAL),
        other_funds=_fund(funds, _OTHER),
        purpose=fields.get("purpose"),
        spending_plan={},
        goals=split_goals(fields.get("goals")),
        indicators=indicators.indicators(),
        first_line=title_line,
        last_line=last_line,
        goals_line=fields.lines.get("goals", title_line),
        attribute=fields.get("attribute"),
        period=fields.get("period"),
        manager=fields.get("manager"),
        funds=funds,
        medium_term_goals=split_goals(fields.get("medium_term_goals")),
    )
    unit_name = fields.get("unit") or department
    unit = Unit("", unit_name, fields.lines.get("unit", title_line), [project])
    return ParsedDocument(
        department=department,
        year=year,
        stage=overrides.stage or ("draft" if title["form"] == "申报" else "final"),
        title=title_text,
        compiled_by="",
        reviewed_by="",
        toc=[],
        goals=DepartmentGoals(),
        units=[unit],
        source=source,
        kind="department_table" if department_table else "project_table",
        department_code=code,
    )


class _Faults:
    def __init__(self, filename: str, line: int) -> None:
        self._filename, self._line = filename, line

    def __call__(self, message: str) -> None:
        raise ImportFault(self._filename, self._line, message)


def _fund(funds: list[Fund], labels: tuple[str, ...]) -> Decimal | None:
    return next((fund.amount for fund in funds if fund.label in labels), None)


def split_goals(text: str) -> list[str]:
    """`目标1：…；目标2：…` as its goals, numbers left out; `1.… 2.…` likewise; else one."""
    if not text:
        return []
    if _GOAL_ITEM.match(text):
        return [item.strip() for item in _GOAL_ITEM.split(text) if item.strip()]
    return split_numbered(text)
