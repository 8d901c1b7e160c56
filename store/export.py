"""A stored document as JSON (a contract scripts rely on), CSV (one row an indicator) or
Markdown (for people)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.i18n import _, ngettext
from jixiao.importers.model import (
    INDICATOR_DETAILS,
    PERIOD_WORDS,
    QUARTER_ENDS,
    Indicator,
    Project,
)
from jixiao.importers.money import money_text
from jixiao.store.markdown import cell as md
from jixiao.store.markdown import table
from jixiao.store.stages import stage_word
from jixiao.store.stored import StoredDocument

CSV_COLUMNS = [
    "department",
    "year",
    "stage",
    "unit_code",
    "unit_name",
    "project_ordinal",
    "project_code",
    "project_name",
    "money_unit",
    "budget",
    "fiscal_funds",
    "other_funds",
    "level1",
    "level2",
    "level3",
    "description",
    "value",
    "target_op",
    "target_number",
    "target_unit",
    "basis",
    "source_line",
]


def to_json(stored: StoredDocument) -> dict[str, Any]:
    doc = stored.parsed
    exported = _to_json(stored)
    if doc.kind != "budget_text":  # another province's table: what it has beyond Hebei's
        exported["document"] |= {"kind": doc.kind, "department_code": doc.department_code}
    return exported


def _to_json(stored: StoredDocument) -> dict[str, Any]:
    doc = stored.parsed
    return {
        "document": {
            "id": stored.id,
            "department": doc.department,
            "year": doc.year,
            "stage": doc.stage,
            "revision": stored.revision,
            "title": doc.title,
            "compiled_by": doc.compiled_by,
            "reviewed_by": doc.reviewed_by,
            "imported_at": stored.imported_at,
            "source": {
                "filename": doc.source.filename,
                "sha256": doc.source.sha256,
                "format": doc.source.format,
                "encoding": doc.source.encoding,
            },
            "toc": [
                {"ordinal": e.ordinal, "title": e.title, "page": e.page, "line": e.line}
                for e in doc.toc
            ],
        },
        "goals": {
            "overall": [p.text for p in doc.goals.overall],
            "sub": [
                {"title": s.title, "goal": s.goal, "indicators": s.indicators}
                for s in doc.goals.sub
            ],
            "measures": [{"title": m.title, "text": m.text} for m in doc.goals.measures],
        },
        "units": [
            {
                "code": unit.code,
                "name": unit.name,
                "projects": [project_json(project, doc.kind) for project in unit.projects],
            }
            for unit in doc.units
        ],
        "import_notes": [
            {"line": n.line, "severity": n.severity, "message": n.message} for n in stored.notes
        ],
    }


def project_json(project: Project, kind: str = "budget_text") -> dict[str, Any]:
    """A project as the export writes it; a table of another province (`kind`) adds its
    项目属性, 项目期, 项目负责人, money split, medium-term goals, and each indicator's period
    and extra columns (null where the table has no such column)."""
    exported = _project_json(project)
    if kind == "budget_text":
        return exported
    exported |= {
        "attribute": project.attribute,
        "period": project.period,
        "manager": project.manager,
        "funds": [{"label": f.label, "amount": money_text(f.amount)} for f in project.funds],
        "medium_term_goals": project.medium_term_goals,
    }
    for indicator, written in zip(project.indicators, exported["indicators"], strict=True):
        written["period"] = indicator.period
        written.update({name: indicator.details.get(name) for name in INDICATOR_DETAILS})
    return exported


def _project_json(project: Project) -> dict[str, Any]:
    return {
        "ordinal": project.ordinal,
        "code": project.code,
        "name": project.name,
        "money_unit": project.money_unit,
        "budget": money_text(project.budget),
        "fiscal_funds": money_text(project.fiscal_funds),
        "other_funds": money_text(project.other_funds),
        "purpose": project.purpose,
        "spending_plan": {
            str(month): json_number(project.spending_plan.get(month)) for month in QUARTER_ENDS
        },
        "goals": project.goals,
        "source_lines": [project.first_line, project.last_line],
        "indicators": [_indicator_json(indicator) for indicator in project.indicators],
    }


def _indicator_json(indicator: Indicator) -> dict[str, Any]:
    target = indicator.target
    return {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "level3": indicator.level3,
        "description": indicator.description,
        "value": indicator.value,
        "basis": indicator.basis,
        "target": None
        if target is None
        else {"op": target.op, "number": json_number(target.number), "unit": target.unit},
        "target_kind": indicator.target_kind,
        "source_line": indicator.line,
    }


def csv_columns(stored: StoredDocument) -> list[str]:
    """CSV_COLUMNS, then — for another province's table — the indicator's period and each
    extra column the table has (INDICATOR_DETAILS: 指标性质, 度量单位, 权重…)."""
    indicators = [i for p in stored.parsed.projects for i in p.indicators]
    extra = [name for name in INDICATOR_DETAILS if any(name in i.details for i in indicators)]
    if stored.parsed.kind == "budget_text":
        return CSV_COLUMNS
    return [*CSV_COLUMNS, "period", *extra]


def to_csv_rows(stored: StoredDocument) -> list[dict[str, Any]]:
    """A row an indicator, under csv_columns(stored)."""
    doc = stored.parsed
    province = doc.kind != "budget_text"
    rows = []
    for unit in doc.units:
        for project in unit.projects:
            for indicator in project.indicators:
                target = indicator.target
                rows.append(
                    {
                        "department": doc.department,
                        "year": doc.year,
                        "stage": doc.stage,
                        "unit_code": unit.code,
                        "unit_name": unit.name,
                        "project_ordinal": project.ordinal,
                        "project_code": project.code,
                        "project_name": project.name,
                        "money_unit": project.money_unit,
                        "budget": money_text(project.budget),
                        "fiscal_funds": money_text(project.fiscal_funds) or "",
                        "other_funds": money_text(project.other_funds) or "",
                        "level1": indicator.level1,
                        "level2": indicator.level2,
                        "level3": indicator.level3,
                        "description": indicator.description,
                        "value": indicator.value,
                        "target_op": target.op if target else "",
                        "target_number": str(target.number) if target else "",
                        "target_unit": target.unit if target else "",
                        "basis": indicator.basis,
                        "source_line": indicator.line,
                    }
                    | ({"period": indicator.period, **indicator.details} if province else {})
                )
    return rows


def to_markdown(stored: StoredDocument) -> str:
    doc = stored.parsed
    out = [
        f"# {md(doc.department)} — {md(doc.title)}",
        "",
        "- "
        + _("Year: {year} · stage: {stage} · revision {revision}").format(
            year=doc.year, stage=stage_word(doc.stage), revision=stored.revision
        ),
        *(
            [f"- {md(doc.compiled_by)} · {md(doc.reviewed_by)}"]
            if doc.kind == "budget_text"
            else []
        ),
        "- "
        + _("Source: {file} ({layout}, sha256 {digest}…)").format(
            file=f"`{doc.source.filename}`", layout=doc.source.format, digest=doc.source.sha256[:12]
        ),
        "",
    ]
    if doc.kind != "budget_text":  # one table: no part 1, no units' headings
        code = f"（{doc.department_code}）" if doc.department_code else ""
        out += [f"- 主管部门：{md(doc.department)}{code}", ""]
        for unit in doc.units:
            out += [f"- 实施单位：{md(unit.name)}", ""]
            out += [line for p in unit.projects for line in _table_markdown(p)]
        return "\n".join(out) + "\n"
    out += [
        "## 部门整体绩效目标",
        "",
        "### 总体绩效目标",
        "",
    ]
    out += [f"{n}. {md(p.text)}" for n, p in enumerate(doc.goals.overall, start=1)]
    out += ["", "### 分项绩效目标", ""]
    for n, sub in enumerate(doc.goals.sub, start=1):
        out += [
            f"{n}. **{md(sub.title)}**",
            f"   - 绩效目标：{md(sub.goal)}",
            f"   - 绩效指标：{md(sub.indicators)}",
        ]
    out += ["", "### 工作保障措施", ""]
    out += [
        f"{n}. **{md(m.title)}** {md(m.text)}" for n, m in enumerate(doc.goals.measures, start=1)
    ]
    out += ["", "## 预算项目绩效目标", ""]
    for unit in doc.units:
        total = sum((p.budget for p in unit.projects), Decimal(0))
        out += [
            f"### {unit.code} {md(unit.name)}",
            "",
            ngettext(
                "{count} project, budget {budget} {money_unit}",
                "{count} projects, budget {budget} {money_unit}",
                len(unit.projects),
            ).format(
                count=len(unit.projects),
                budget=money_text(total),
                money_unit=unit.projects[0].money_unit if unit.projects else "",
            ),
            "",
        ]
        for project in unit.projects:
            out += _project_markdown(project)
    return "\n".join(out) + "\n"


def _project_markdown(project: Project) -> list[str]:
    plan = " · ".join(
        f"{month}月底 {_percent(project.spending_plan.get(month))}" for month in QUARTER_ENDS
    )
    out = [
        f"#### {project.ordinal}. {md(project.name)}",
        "",
        f"- 项目编码：`{project.code}`",
        f"- 预算数：{money_text(project.budget)} {project.money_unit}（财政资金 "
        f"{money_text(project.fiscal_funds) or '—'}，其他资金 "
        f"{money_text(project.other_funds) or '—'}）",
        f"- 资金用途：{md(project.purpose)}",
        f"- 资金支出计划：{plan}",
        "- " + _source_lines(project),
        "",
        "绩效目标：",
        "",
    ]
    out += [f"{n}. {md(goal)}" for n, goal in enumerate(project.goals, start=1)]
    out.append("")
    out += table(
        ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
        ((i.level1, i.level2, i.level3, i.description, i.value, i.basis)
         for i in project.indicators),
    )  # fmt: skip
    return [*out, ""]


_DETAIL_HEADINGS = {
    "comparator": "指标性质", "unit": "度量单位", "weight": "权重", "direction": "指标方向性",
    "value_type": "指标值类型", "explanation": "指标解释", "scoring_rule": "评(扣)分标准",
    "remark": "备注", "previous_value": "上年实际实现值",
}  # fmt: skip


def _table_markdown(project: Project) -> list[str]:
    """A project of another province's table: its own header fields and columns."""
    funds = "；".join(f"{md(f.label)} {money_text(f.amount)}" for f in project.funds)
    out = [f"## {md(project.name)}", ""]
    out += [
        f"- {name}：{md(value)}"
        for name, value in (("项目属性", project.attribute), ("项目期", project.period),
                            ("项目负责人", project.manager), ("年度主要任务", project.purpose))
        if value
    ]  # fmt: skip
    out += [
        f"- 资金：{money_text(project.budget)} {project.money_unit}"
        + (f"（其中：{funds}）" if funds else ""),
        "- " + _source_lines(project),
        "",
    ]
    for heading, goals in (("中长期目标", project.medium_term_goals), ("年度目标", project.goals)):
        if goals:
            out += [f"{heading}：", ""]
            out += [f"{n}. {md(goal)}" for n, goal in enumerate(goals, start=1)]
            out += [""]
    details = [
        name for name in INDICATOR_DETAILS if any(name in i.details for i in project.indicators)
    ]
    periods = any(i.period != "annual" for i in project.indicators)
    names = ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"]
    names = [*(["目标期"] if periods else []), *names, *(_DETAIL_HEADINGS[n] for n in details)]
    rows = [
        [*([PERIOD_WORDS.get(i.period, i.period)] if periods else []), i.level1, i.level2,
         i.level3, i.value, i.basis,
         *(i.details.get(name, "") for name in details)]
        for i in project.indicators
    ]  # fmt: skip
    return [*out, *table(names, rows), ""]


def _source_lines(project: Project) -> str:
    return _("Source lines {first}–{last}").format(first=project.first_line, last=project.last_line)


def json_number(number: Decimal | None) -> int | float | None:
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def _percent(number: Decimal | None) -> str:
    return "—" if number is None else f"{number}%"
