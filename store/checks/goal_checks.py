"""A project's 绩效目标 against its indicators: figures the goals promise that no indicator
states, so that nothing measures them at year end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.i18n import N_
from jixiao.importers.model import ParsedDocument, Project
from jixiao.importers.money import YUAN_PER_UNIT
from jixiao.store.checks.model import Finding, check, said

# A figure with what it counts: "291 个村", "1165 名", "至少 2 次", "20 万件", "95%".
# A number followed by anything else (12345 便民热线, 218 号) is not a figure of the goal.
_FIGURE = re.compile(
    r"(?<![\d.])(?P<number>\d+(?:\.\d+)?)\s*(?P<ten_thousand>万)?\s*"
    r"(?P<unit>个月|人次|小时|课时|平方米|公里|月底|个|名|人|次|场|项|件|份|户|村|天|日|周|月|年"
    r"|台|套|处|所|家|期|班|册|本|篇|条|座|米|亩|元|吨|%|％)"
)
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万)?")


def _amount(number: str, ten_thousand: str | None) -> Decimal:
    return Decimal(number) * (10_000 if ten_thousand else 1)


@check(
    "G002", "warning", N_("A figure in the project's 绩效目标 that no indicator states"), "相关性"
)
def goal_figures(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    """A figure is stated when any indicator of the project has the same number, as written
    or counted out (20 万 = 200000), in its value, name or description — whatever it counts,
    so that a loose match leaves a figure alone rather than report it. Calendar years
    (2024 年) are not figures; an amount equal to the budget or the fiscal funds is the
    project's money, stated above the indicators."""
    for unit in document.units:
        for p in unit.projects:
            stated = _stated_numbers(p)
            missing = [(m.group(0), goal) for goal in p.goals for m in _FIGURE.finditer(goal)
                       if _is_promise(m, p) and not _is_stated(m, stated)]  # fmt: skip
            if not missing:
                continue
            figures = [said(N_("{figure} ('{goal}')"), figure=figure, goal=goal)
                       for figure, goal in missing]  # fmt: skip
            yield Finding("G002", "warning",
                          said(N_("绩效目标 figures no indicator states: {figures}"),
                               figures=figures),
                          f"{unit.code} {unit.name}", p,
                          figures={"figures": [figure for figure, _ in missing]},
                          line=p.goals_line)  # fmt: skip


def _stated_numbers(project: Project) -> set[Decimal]:
    stated: set[Decimal] = set()
    for indicator in project.indicators:
        text = f"{indicator.value} {indicator.level3} {indicator.description}"
        for number, ten_thousand in _NUMBER.findall(text):
            stated |= {Decimal(number), _amount(number, ten_thousand)}
    return stated


def _is_promise(figure: re.Match[str], project: Project) -> bool:
    number, unit = Decimal(figure.group("number")), figure.group("unit")
    if unit == "年" and number >= 1000:
        return False  # a calendar year
    if unit == "元" and project.money_unit in YUAN_PER_UNIT:
        yuan = _amount(figure.group("number"), figure.group("ten_thousand"))
        amounts = [a for a in (project.budget, project.fiscal_funds) if a is not None]
        return yuan not in {a * YUAN_PER_UNIT[project.money_unit] for a in amounts}
    return True


def _is_stated(figure: re.Match[str], stated: set[Decimal]) -> bool:
    number = figure.group("number")
    return bool({Decimal(number), _amount(number, figure.group("ten_thousand"))} & stated)
