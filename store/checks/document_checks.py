"""Checks of the document as a whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.i18n import N_
from jixiao.importers.contents import contents_disagreements
from jixiao.importers.model import ParsedDocument
from jixiao.importers.money import money_text
from jixiao.store.checks.model import Finding, check, said


@check("T001", "warning", N_("The table of contents and the tables disagree"), "完整性")
def contents(document: ParsedDocument, notes: list[str]) -> Iterator[Finding]:
    """What the import noted, found again from the stored contents and tables: the import's
    notes are worded in the language of the import, a finding in the reader's."""
    projects = [project for unit in document.units for project in unit.projects]
    missing, unlisted = contents_disagreements(document.toc, projects)
    for entry in missing:
        message = said(
            N_(
                "the table of contents lists table {ordinal} '{title}' (page {page}) but the "
                "document has no such table"
            ),
            ordinal=entry.ordinal,
            title=entry.title,
            page=entry.page,
        )
        yield Finding("T001", "warning", message, line=entry.line)
    for project in unlisted:
        message = said(
            N_("table {ordinal} '{title}' is not in the table of contents"),
            ordinal=project.ordinal,
            title=project.title,
        )
        yield Finding("T001", "warning", message, line=project.first_line)


# "流转办结上报事件数量不低于 22.5 万件", "档案数字化进度达到 30%", "审核或接收档案数量 500 个"
_SUB_FIGURE = re.compile(
    r"(?P<name>[^，、；。,;\d]+?)\s*(?P<op>不少于|不低于|达到|超过|至少)?\s*"
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>万?[^\d\s，、；。,;]{1,2}|%)"
)
_AT_LEAST = {None, "不少于", "不低于", "达到", "至少", "超过"}


@check(
    "G001",
    "info",
    N_("A 分项绩效目标 figure is more than the projects' indicators commit to"),
    "相关性",
)
def sub_goal_figures(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    """Only where it can be determined: the indicator's 三级指标 is the sub-goal's phrase
    itself, the project belongs to the sub-goal (its name or its unit's shares three characters
    with the sub-goal's title), the unit is the same, and it commits (=, ≥, >) to less."""
    unit_names = {unit.code: unit.name for unit in document.units}
    for sub in document.goals.sub:
        for match in _SUB_FIGURE.finditer(sub.indicators):
            if match.group("op") not in _AT_LEAST:
                continue
            phrase = _LEADING_VERB.sub("", match.group("name").strip())
            unit, figure = match.group("unit"), Decimal(match.group("number"))
            for project in document.projects:
                related = project.name + unit_names.get(project.unit_code, "")
                if not _share_three(sub.title, related):
                    continue
                for indicator in project.indicators:
                    target = indicator.target
                    if (target is None or target.op not in ("=", "≥", ">")
                            or indicator.level3 != phrase or target.unit != unit
                            or target.number >= figure):  # fmt: skip
                        continue
                    yield Finding(
                        "G001", "info",
                        said(N_("分项绩效目标 '{sub_goal}' says {figure}, but {ordinal}. "
                                "{project} commits to {indicator} {value}"),
                             sub_goal=sub.title, figure=match.group(0).strip(),
                             ordinal=project.ordinal, project=project.name,
                             indicator=indicator.level3, value=indicator.value),
                        project=project, indicator=indicator,
                        figures={"sub_goal": sub.title, "figure": str(figure), "unit": unit,
                                 "indicator": indicator.value},
                        line=sub.last_line,
                    )  # fmt: skip


_LEADING_VERB = re.compile(r"^(保障|确保|开展|实现)")


def _share_three(a: str, b: str) -> bool:
    return any(a[i : i + 3] in b for i in range(len(a) - 2))


@check("T002", "info", N_("Unit totals"), "适当性", problem=False)
def unit_totals(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    """Each unit's projects and exact total, with its share of the document: the figure a
    reviewer sets against the unit's own budget. (The template states no totals to check.)
    A table of one project (other provinces' tables) has nothing to add up: no finding."""
    if len(document.projects) < 2:
        return
    total = sum((p.budget for p in document.projects), Decimal(0))
    for unit in document.units:
        amount = sum((p.budget for p in unit.projects), Decimal(0))
        share = float(amount / total * 100) if total else 0.0
        money_unit = unit.projects[0].money_unit if unit.projects else ""
        yield Finding("T002", "info",
                      said(N_("unit {code} {name}: {projects} projects, {total} {money_unit} "
                              "(share of the document: {share}%)"), code=unit.code, name=unit.name,
                           projects=len(unit.projects), total=money_text(amount),
                           money_unit=money_unit, share=f"{share:.1f}"),
                      unit=f"{unit.code} {unit.name}",
                      figures={"projects": len(unit.projects), "total": money_text(amount),
                               "share": round(share, 1)}, line=unit.line)  # fmt: skip
