"""Checks of each project: funds, spending plan, deadline, cost against budget, structure,
measurability, and what an indicator counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from jixiao.i18n import N_
from jixiao.importers.model import QUARTER_ENDS, Indicator, ParsedDocument, Project
from jixiao.importers.money import YUAN_PER_UNIT, money_text
from jixiao.store.checks.model import Finding, check, said

LOWER_BOUNDS = {"=", "≥", ">"}
"""Comparators under which a target gives a least value (what cost arithmetic needs)."""


def _projects(document: ParsedDocument) -> Iterator[tuple[str, Project]]:
    for unit in document.units:
        for project in unit.projects:
            yield f"{unit.code} {unit.name}", project


@check("F001", "error", N_("Fiscal and other funds do not add up to the budget"), "完整性")
def funds(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    for unit, p in _projects(document):
        if p.funds:  # another province's split: every line of it, as its table labels them
            yield from _split(unit, p)
            continue
        if p.fiscal_funds is None and p.other_funds is None:
            continue
        total = (p.fiscal_funds or Decimal(0)) + (p.other_funds or Decimal(0))
        if total != p.budget:
            yield Finding("F001", "error",
                          said(N_("财政资金 {fiscal} + 其他资金 {other} = {sum}, but 预算数 is "
                                  "{budget} {money_unit}"),
                               fiscal=money_text(p.fiscal_funds) or 0,
                               other=money_text(p.other_funds) or 0, sum=money_text(total),
                               budget=money_text(p.budget), money_unit=p.money_unit),
                          unit, p, figures={"sum": money_text(total),
                                            "budget": money_text(p.budget)},
                          line=p.first_line)  # fmt: skip


def _split(unit: str, p: Project) -> Iterator[Finding]:
    total = sum((fund.amount for fund in p.funds), Decimal(0))
    if total != p.budget:
        written = " + ".join(f"{fund.label} {money_text(fund.amount)}" for fund in p.funds)
        yield Finding("F001", "error",
                      said(N_("{funds} = {sum}, but the budget is {budget} {money_unit}"),
                           funds=written, sum=money_text(total), budget=money_text(p.budget),
                           money_unit=p.money_unit), unit, p,
                      figures={"sum": money_text(total), "budget": money_text(p.budget)},
                      line=p.first_line)  # fmt: skip


@check(
    "P001",
    "error",
    N_("The spending plan goes down, passes 100%, or ends short of 100%"),
    "可行性",
    needs_plan=True,
)
def spending_plan(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    for unit, p in _projects(document):
        shares = [(month, p.spending_plan.get(month)) for month in QUARTER_ENDS]
        given = [(month, share) for month, share in shares if share is not None]
        plan = "  ".join(f"{m}月底 {'—' if s is None else f'{s}%'}" for m, s in shares)
        figures = {f"{m}": None if s is None else float(s) for m, s in shares}
        if not given:
            yield Finding("P001", "warning", said(N_("the spending plan is empty")), unit, p,
                          figures=figures, line=p.first_line)  # fmt: skip
            continue
        for (month_a, a), (month_b, b) in pairwise(given):
            if b < a:
                yield Finding("P001", "error",
                              said(N_("the cumulative share goes down from {a}% ({month_a}月底) "
                                      "to {b}% ({month_b}月底): {plan}"),
                                   a=a, month_a=month_a, b=b, month_b=month_b, plan=plan),
                              unit, p,
                              figures=figures, line=p.first_line)  # fmt: skip
        over = [(month, share) for month, share in given if share > 100]
        if over:
            yield Finding("P001", "error",
                          said(N_("the plan exceeds 100% ({share}% by {month}月底): {plan}"),
                               share=over[0][1], month=over[0][0], plan=plan),
                          unit, p, figures=figures,
                          line=p.first_line)  # fmt: skip
        elif max(share for _, share in given) < 100:
            yield Finding("P001", "error",
                          said(N_("the plan never reaches 100%: {plan}"), plan=plan), unit, p,
                          figures=figures, line=p.first_line)  # fmt: skip


@check(
    "D001",
    "warning",
    N_("The deadline disagrees with the month the plan reaches 100%"),
    "可行性",
    needs_plan=True,
)
def deadline(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    for unit, p in _projects(document):
        full = next((month for month in QUARTER_ENDS if p.spending_plan.get(month) == 100), None)
        if full is None:
            continue  # P001 says it
        for indicator in p.indicators:
            target = indicator.target
            if indicator.level2 != "时效指标" or target is None or target.unit != "月底":
                continue
            month = int(target.number)
            if month != full:
                yield Finding("D001", "warning",
                              said(N_("时效 says {value} but the plan reaches 100% by "
                                      "{month}月底"), value=indicator.value, month=full),
                              unit, p, indicator,
                              figures={"deadline_month": month, "plan_full_month": full},
                              line=indicator.line)  # fmt: skip


# A unit cost: "每人", "每个", "人均", "平均…" ("书记平均每月补贴") — but not a total
# ("每年维护经费总额").
_PER_UNIT = re.compile(r"每(人|名|个|份|次|项|天|户|村|站|班|场|件)|人均|平均")
_TOTAL = re.compile(r"总额|总数|总计|合计")
_COUNT_UNITS = {"人": "人", "名": "人", "个": "个", "份": "份", "次": "次", "项": "项",
                "天": "天", "户": "户", "件": "件", "场": "场"}  # fmt: skip


@check("C001", "warning", N_("A unit cost times its quantity exceeds the budget"), "适当性")
def cost_against_budget(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    for unit, p in _projects(document):
        quantities = [i for i in p.indicators if i.level2 == "数量指标" and i.target
                      and i.target.unit.lstrip("万") in _COUNT_UNITS]  # fmt: skip
        for cost in p.indicators:
            finding = _cost_finding(unit, p, cost, quantities)
            if finding is not None:
                yield finding


def _cost_finding(unit: str, p: Project, cost: Indicator,
                  quantities: list[Indicator]) -> Finding | None:  # fmt: skip
    target = cost.target
    text = cost.level3 + cost.description
    if (
        cost.level2 != "成本指标"
        or target is None
        or target.unit not in YUAN_PER_UNIT
        or not _PER_UNIT.search(text)
        or _TOTAL.search(text)
        or "每天" in text
    ):
        return None  # not a unit cost, or per day (the days are not known)
    per = _PER_UNIT.search(text)
    assert per is not None
    counted = _COUNT_UNITS.get(per.group(1) or "人", "人")
    matching = [
        q for q in quantities if q.target and _COUNT_UNITS[q.target.unit.lstrip("万")] == counted
    ]
    if len(quantities) == 1:
        matching = quantities
    if len(matching) != 1:
        return None  # no quantity, or more than one it could be
    quantity = matching[0]
    assert quantity.target is not None
    if target.op not in LOWER_BOUNDS or quantity.target.op not in LOWER_BOUNDS:
        return None  # an upper bound: the total cannot be known to exceed anything
    count = quantity.target.number * (10_000 if quantity.target.unit.startswith("万") else 1)
    months = 12 if "每月" in text else 1
    unit_cost_yuan = target.number * YUAN_PER_UNIT[target.unit]
    total_yuan = unit_cost_yuan * count * months
    budget_yuan = p.budget * YUAN_PER_UNIT[p.money_unit]
    if total_yuan <= budget_yuan:
        return None
    at_least = "≥" in (target.op, quantity.target.op) or ">" in (target.op, quantity.target.op)
    total = total_yuan / YUAN_PER_UNIT[p.money_unit]
    return Finding(
        "C001", "warning",
        said(N_("{cost} ({description}) × {quantity} ({quantity_name}){months} = {total} "
                "{money_unit}, over the budget {budget} {money_unit}"),
             cost=cost.value, description=cost.description, quantity=quantity.value,
             quantity_name=quantity.level3,
             months=said(N_(" × 12 months")) if months == 12 else "",
             total=said(N_("at least {amount}"), amount=_amount(total)) if at_least
             else _amount(total),
             money_unit=p.money_unit, budget=money_text(p.budget)),
        unit, p, cost,
        figures={"unit_cost": cost.value, "quantity": quantity.value, "months": months,
                 "total": _amount(total), "budget": money_text(p.budget),
                 "money_unit": p.money_unit},
        line=cost.line,
    )  # fmt: skip


def _amount(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


# A rate rather than a total: "征订标准", "平均单价", "每月工资". (_TOTAL overrides it.)
_RATE = re.compile(r"每|标准|单价|单位|人均|平均")
# One cost row said to be part of another: summing the rows would count it twice.
_PART = re.compile(r"其中|含|包括")


@check(
    "C002", "warning", N_("A total cost, or the cost rows together, exceed the budget"), "适当性"
)
def total_cost_against_budget(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    """A 成本指标 that is a total (its name or description says 总额/总数…, or names no rate)
    with a least value (=, ≥, >) in 元 or 万元 above 预算数; or two or more such totals, none
    over alone, none said to be the whole or a part of another, adding up above it."""
    for unit, p in _projects(document):
        if p.money_unit not in YUAN_PER_UNIT:
            continue
        budget_yuan = p.budget * YUAN_PER_UNIT[p.money_unit]
        totals = [(i, _least_yuan(i)) for i in p.indicators if _is_total_cost(i)]
        over = [(i, yuan) for i, yuan in totals if yuan > budget_yuan]
        for cost, yuan in over:
            yield Finding("C002", "warning",
                          said(N_("{name} {value} ({description}) is over the budget {budget} "
                                  "{money_unit}"), name=cost.level3, value=cost.value,
                               description=cost.description, budget=money_text(p.budget),
                               money_unit=p.money_unit), unit, p, cost,
                          figures={"total": _amount(yuan / YUAN_PER_UNIT[p.money_unit]),
                                   "budget": money_text(p.budget), "money_unit": p.money_unit},
                          line=cost.line)  # fmt: skip
        summed = sum((yuan for _, yuan in totals), Decimal(0))
        if (len(totals) < 2 or over or summed <= budget_yuan
                or any(_TOTAL.search(i.level3 + i.description)
                       or _PART.search(i.level3 + i.description) for i, _ in totals)):  # fmt: skip
            continue
        rows = " + ".join(f"{i.level3} {i.value}" for i, _ in totals)
        total = summed / YUAN_PER_UNIT[p.money_unit]
        yield Finding("C002", "warning",
                      said(N_("the cost rows {rows} add up to {total} {money_unit}, over the "
                              "budget {budget} {money_unit}"), rows=rows, total=_amount(total),
                           money_unit=p.money_unit, budget=money_text(p.budget)),
                      unit, p, figures={"total": _amount(total), "budget": money_text(p.budget),
                                        "money_unit": p.money_unit},
                      line=totals[0][0].line)  # fmt: skip


def _is_total_cost(indicator: Indicator) -> bool:
    target = indicator.target
    text = indicator.level3 + indicator.description
    return (
        indicator.level2 == "成本指标"
        and target is not None
        and target.unit in YUAN_PER_UNIT
        and target.op in LOWER_BOUNDS
        and (bool(_TOTAL.search(text)) or not _RATE.search(text))
    )


def _least_yuan(indicator: Indicator) -> Decimal:
    assert indicator.target is not None
    return indicator.target.number * YUAN_PER_UNIT[indicator.target.unit]


@check(
    "S001",
    "error",
    N_("A project lacks an indicator level or type, or repeats an indicator"),
    "完整性",
)
def structure(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    for unit, p in _projects(document):
        levels = {i.level1 for i in p.indicators}
        for wanted in ("产出指标", "效益指标", "满意度指标"):
            if wanted not in levels:
                yield Finding("S001", "error", said(N_("no {level}"), level=wanted), unit, p,
                              line=p.first_line)  # fmt: skip
        output_types = {i.level2 for i in p.indicators if i.level1 == "产出指标"}
        if "成本指标" in levels:  # the 2021 guide makes 成本指标 a 一级指标 of its own
            output_types.add("成本指标")
        missing = [
            t for t in ("数量指标", "质量指标", "时效指标", "成本指标") if t not in output_types
        ]
        if "产出指标" in levels and missing:
            yield Finding("S001", "warning",
                          said(N_("产出指标 without {types}"), types="、".join(missing)), unit, p,
                          figures={"missing": missing}, line=p.first_line)  # fmt: skip
        # The same indicator under 中长期目标 and 年度目标 is no repeat.
        seen = Counter((i.period, i.level2, i.level3, i.value) for i in p.indicators)
        for (_, level2, level3, value), count in seen.items():
            if count > 1:
                yield Finding("S001", "warning",
                              said(N_("the indicator {level2} {level3} {value} appears {count} "
                                      "times"), level2=level2, level3=level3, value=value,
                                   count=count), unit, p, line=p.first_line)  # fmt: skip


@check(
    "M001", "warning", N_("A target value with no number cannot be checked at year end"), "相关性"
)
def measurability(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    for unit, p in _projects(document):
        for i in p.indicators:
            if i.target_kind == "qualitative" and i.value.strip():  # a blank is E001's
                yield Finding("M001", "warning",
                              said(N_("{name}: the target '{value}' has no number to check at "
                                      "year end"), name=i.level3, value=i.value),
                              unit, p, i, line=i.line)  # fmt: skip


# What an indicator's name counts, and the units that count it.
_COUNTED = {"人数": {"人", "名"}, "次数": {"次", "场"}, "个数": {"个"}, "份数": {"份"},
            "天数": {"天"}, "户数": {"户"}}  # fmt: skip


@check(
    "U001", "warning", N_("The indicator's name counts one thing and its value another"), "相关性"
)
def counted_thing(document: ParsedDocument, _notes: list[str]) -> Iterator[Finding]:
    for unit, p in _projects(document):
        for i in p.indicators:
            if i.target is None:
                continue
            value_unit = i.target.unit.lstrip("万")
            for suffix, units in _COUNTED.items():
                if (
                    i.level3.endswith(suffix)
                    and value_unit in _COUNT_UNITS
                    and value_unit not in units
                ):
                    yield Finding("U001", "warning",
                                  said(N_("'{name}' counts {counted} but the value is "
                                          "'{value}'"), name=i.level3, counted=suffix[0],
                                       value=i.value), unit, p, i,
                                  figures={"name": i.level3, "value": i.value},
                                  line=i.line)  # fmt: skip
