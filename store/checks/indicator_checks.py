"""Checks of each indicator row: blank cells, a basis that names no source, a target that
reaches past the budget year, and satisfaction indicators out of place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.i18n import N_
from jixiao.importers.model import Indicator, ParsedDocument, Project
from jixiao.store.checks.model import Finding, Said, check, said

SATISFACTION_LEVEL = "满意度指标"
LASTING_EFFECTS = "可持续影响指标"
"""Effects that last beyond the year: years are expected here, so no row of it is checked
for reaching past the year."""

_CELLS = (("description", "绩效指标描述"), ("value", "指标值"), ("basis", "指标值确定依据"))


def _rows(document: ParsedDocument) -> Iterator[tuple[str, Project, Indicator]]:
    for unit in document.units:
        for project in unit.projects:
            for indicator in project.indicators:
                yield f"{unit.code} {unit.name}", project, indicator


@check("E001", "warning", N_("An indicator leaves its description, value or basis blank"), "完整性")
def blank_cells(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    rows = list(_rows(document))
    cells = _CELLS
    if document.kind != "budget_text":
        # Other provinces' tables may have no 描述 or 依据 column at all: a cell is blank only
        # in a column the table has, i.e. one some indicator of the document fills.
        cells = tuple(c for c in _CELLS if any(getattr(i, c[0]).strip() for _, _, i in rows))
    for unit, p, i in rows:
        blank = [name for field, name in cells if not getattr(i, field).strip()]
        if blank:
            template = N_("{name}: {cells} is blank") if len(blank) == 1 else N_(
                "{name}: {cells} are blank")  # fmt: skip
            yield Finding("E001", "warning",
                          said(template, name=i.level3 or i.level2, cells="、".join(blank)),
                          unit, p, i,
                          figures={"blank": blank}, line=i.line)  # fmt: skip


# What a basis may name (the list): a plan, a standard, history, statistics, a
# contract, a document. Any of these words and the basis is accepted.
_NAMES_A_SOURCE = re.compile(
    r"计划|方案|规划|预算|进度"  # a plan
    r"|标准|定额|办法|条例|规定|规范|制度|手册|细则|政策|指南"  # a standard
    r"|往年|上年|去年|历年|以前年度|历史"  # history
    r"|统计|测算|调查|问卷|测评|考核|名册|名单|登记|签到|记录|汇总|报告|台账|数据|行情|物价"
    r"|价格|报价|询价|验收|人数|数量|单|表"  # statistics and records (回单, 订单, 征集表…)
    r"|合同|协议"  # a contract
    r"|文件|通知|意见|批复|纪要|号|《|〔|【|\["  # a document (邢组字〔2017〕41 号)
)
# A need, a requirement, a situation or an outcome: says why, not from what, the value was set.
_NAMES_NO_SOURCE = re.compile(r"需要|需求|要求|情况|成绩|成果|缺口|经验")


@check(
    "B001", "info", N_("The basis of a target value names no plan, standard or record"), "可行性"
)
def basis_without_source(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    """Only a basis recognised as a need or an outcome (工作需要, 实际情况, 工作成绩) is
    said; one in words neither list knows is left alone."""
    for unit, p, i in _rows(document):
        basis = i.basis.strip()
        if basis and not _NAMES_A_SOURCE.search(basis) and _NAMES_NO_SOURCE.search(basis):
            yield Finding("B001", "info",
                          said(N_("{name} {value}: the basis '{basis}' names no plan, standard, "
                                  "history, statistics, contract or document"),
                               name=i.level3, value=i.value, basis=basis), unit, p, i,
                          figures={"basis": basis}, line=i.line)  # fmt: skip


TIMELINESS = "时效指标"
# The longest a duration may run and still end within the budget year, by its unit.
_WITHIN_A_YEAR = {"个月": 12, "月": 12, "年": 1, "天": 366, "日": 366}
_CALENDAR_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!限)")
_NEXT_YEAR = re.compile(r"次年|明年|来年|下一?年")
# A project that says it spans years: its targets may too.
_SPANS_YEARS = re.compile(r"跨年|(\d{4})\s*年?\s*[-—~～至到]\s*(\d{4})")


@check("D002", "warning", N_("A target of the one-year table reaches past its year"), "可行性")
def past_the_year(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    """A 时效指标 lasting more than a year (24 个月); any row but 可持续影响 and 满意度 with a
    deadline in a later year (2025 年 6 月底, 次年). Durations elsewhere (质保期 ≥24 个月,
    使用年限 5 年) are what the thing lasts, not when the work ends: left alone."""
    for unit, p, i in _rows(document):
        if i.level1 == SATISFACTION_LEVEL or i.level2 == LASTING_EFFECTS:
            continue
        if _SPANS_YEARS.search(p.name + p.purpose):
            continue
        reason = _later_year(i.value, document.year)
        if reason is None and i.level2 == TIMELINESS:
            reason = _longer_than_a_year(i)
        if reason is not None:
            yield Finding("D002", "warning",
                          said(N_("{name} {value}: {reason}, past the {year} budget year"),
                               name=i.level3, value=i.value, reason=reason, year=document.year),
                          unit, p, i,
                          figures={"value": i.value, "year": document.year},
                          line=i.line)  # fmt: skip


def _later_year(value: str, year: int) -> Said | None:
    later = [int(y) for y in _CALENDAR_YEAR.findall(value) if int(y) > year]
    if later:
        return said(N_("a deadline in {year}"), year=later[0])
    if _NEXT_YEAR.search(value):
        return said(N_("a deadline in the following year"))
    return None


def _longer_than_a_year(indicator: Indicator) -> Said | None:
    target = indicator.target
    if target is None or target.unit not in _WITHIN_A_YEAR:
        return None
    if target.number > Decimal(_WITHIN_A_YEAR[target.unit]):
        return said(N_("{number} {unit} is more than a year"), number=target.number,
                    unit=target.unit)  # fmt: skip
    return None


_SATISFACTION = re.compile(r"满意")
_PERCENT = re.compile(r"[%％]")
_NUMBER = re.compile(r"\d")


@check("S002", "warning", N_("A satisfaction indicator out of 满意度指标, or not a percentage"),
       "完整性")  # fmt: skip
def satisfaction_misplaced(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    """A value with no number at all is M001's to say."""
    for unit, p, i in _rows(document):
        if i.level1 != SATISFACTION_LEVEL and _SATISFACTION.search(i.level2 + i.level3):
            yield Finding("S002", "warning",
                          said(N_("{name} is a satisfaction indicator under {level1} {level2}, "
                                  "not under {satisfaction}"), name=i.level3, level1=i.level1,
                               level2=i.level2, satisfaction=SATISFACTION_LEVEL), unit, p, i,
                          figures={"level1": i.level1, "level2": i.level2},
                          line=i.line)  # fmt: skip
        elif (i.level1 == SATISFACTION_LEVEL and _NUMBER.search(i.value)
              and not _PERCENT.search(i.value)):  # fmt: skip
            yield Finding("S002", "warning",
                          said(N_("{name} '{value}' is not a percentage"), name=i.level3,
                               value=i.value), unit, p, i, figures={"value": i.value},
                          line=i.line)  # fmt: skip
