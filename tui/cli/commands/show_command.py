"""jixiao show DOC [PROJECT]: a document's projects, or one project in full."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import (
    add_document_argument,
    note_line,
    read_store,
    resolve,
)
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output import json_text, render, say
from jixiao.tui.cli.output_options import add_output_options

if TYPE_CHECKING:
    from jixiao.importers.model import Project
    from jixiao.store import StoredDocument

SUMMARY = N_("show a document's projects, or one project in full")
DESCRIPTION = N_(
    "Without PROJECT: the document's summary and one row a project. With PROJECT (its "
    "number in the document, its code, or a unique part of its name): the project's budget, "
    "spending plan, goals and indicators, each with the source line it came from."
)

_PROJECT_HEADERS = {
    "unit_code": N_("unit"),
    "ordinal": N_("#"),
    "code": N_("code"),
    "name": N_("name"),
    "budget": N_("budget"),
    "indicators": N_("indicators"),
    "source_lines": N_("lines"),
}
_RIGHT = frozenset({"ordinal", "budget", "indicators"})
_INDICATOR_HEADERS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "description": "绩效指标描述",
    "value": "指标值",
    "basis": "指标值确定依据",
    "source_line": N_("line"),
}


_DETAIL_HEADERS = {
    "comparator": "指标性质", "unit": "度量单位", "weight": "权重", "direction": "指标方向性",
    "value_type": "指标值类型", "explanation": "指标解释", "scoring_rule": "评(扣)分标准",
    "remark": "备注", "previous_value": "上年实际实现值",
}  # fmt: skip
"""Another province's extra indicator columns, shown where its table has them."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_document_argument(parser)
    parser.add_argument(
        "project",
        metavar="PROJECT",
        nargs="?",
        help=_("the project's number, its code, or a unique part of its name"),
    )
    add_output_options(parser)
    parser.add_argument(
        "--source",
        action="store_true",
        help=_("also print the source lines the project was read from"),
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help=_("also print the import report's notes for the document"),
    )


def run(args: argparse.Namespace) -> int:
    from jixiao.store import load_document

    engine = read_store(args)
    stored = load_document(engine, resolve(engine, args.document))
    if args.project is None:
        _show_document(stored, args)
    else:
        _show_project(stored, find_project(stored, args.project), args)
    return 0


def find_project(stored: StoredDocument, wanted: str) -> Project:
    from jixiao.importers.text import squash

    projects = stored.parsed.projects
    wanted = wanted.strip()
    if wanted.isdigit() and len(wanted) <= 4:
        matches = [p for p in projects if p.ordinal == int(wanted)]
    else:
        matches = [p for p in projects if p.code == squash(wanted)]
        matches = matches or [p for p in projects if squash(wanted) in squash(p.name)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError(
            _("no project of document {id} matches '{wanted}'").format(id=stored.id, wanted=wanted),
            _("`jixiao show {id}` lists its projects").format(id=stored.id),
        )
    names = _("; ").join(f"{p.ordinal}. {p.name}" for p in matches[:8])
    raise UsageError(
        _("'{wanted}' matches {count} projects: {names}").format(
            wanted=wanted, count=len(matches), names=names
        ),
        _("give the project's number instead"),
    )


def _project_rows(stored: StoredDocument) -> list[dict[str, Any]]:
    from jixiao.importers.money import money_text

    return [
        {
            "unit_code": unit.code,
            "unit_name": unit.name,
            "ordinal": p.ordinal,
            "code": p.code,
            "name": p.name,
            "money_unit": p.money_unit,
            "budget": money_text(p.budget),
            "fiscal_funds": money_text(p.fiscal_funds),
            "other_funds": money_text(p.other_funds),
            "indicators": len(p.indicators),
            "source_lines": f"{p.first_line}-{p.last_line}",
        }
        for unit in stored.parsed.units
        for p in unit.projects
    ]


def _show_document(stored: StoredDocument, args: argparse.Namespace) -> None:
    rows = _project_rows(stored)
    if args.format != "table":
        print(render(rows, args.format), end="")
        return
    from decimal import Decimal

    from jixiao.importers.money import money_text
    from jixiao.store import local_time

    doc = stored.parsed
    stage = _("草案 draft") if doc.stage == "draft" else _("final")
    say(
        _("{department} · {title} · {stage} · revision {revision} · document {id}").format(
            department=doc.department, title=doc.title, stage=stage,
            revision=stored.revision, id=stored.id,
        )
    )  # fmt: skip
    if doc.compiled_by or doc.reviewed_by:  # other provinces' tables have no cover
        say(f"{doc.compiled_by} · {doc.reviewed_by}")
    say(
        _("source: {file} ({format}, {encoding}, {lines} lines) · imported {at}").format(
            file=doc.source.filename, format=doc.source.format, encoding=doc.source.encoding,
            lines=doc.source.line_count, at=local_time(stored.imported_at),
        )
    )  # fmt: skip
    for unit in doc.units:
        total = sum((p.budget for p in unit.projects), Decimal(0))
        money_unit = unit.projects[0].money_unit if unit.projects else ""
        say(
            _("unit {code} {name}: {projects} projects, {total} {money_unit}").format(
                code=unit.code, name=unit.name, projects=len(unit.projects),
                total=money_text(total), money_unit=money_unit,
            )
        )  # fmt: skip
    say(
        _("total: {projects} projects, {indicators} indicators, {total} {money_unit}").format(
            projects=len(doc.projects), indicators=doc.indicator_count,
            total=money_text(doc.total_budget), money_unit=doc.projects[0].money_unit,
        )
    )  # fmt: skip
    _print_notes(stored, always_count=True, details=args.notes)
    say()
    units_of_money = {row["money_unit"] for row in rows}
    headers = dict(_PROJECT_HEADERS)
    if len(units_of_money) == 1:
        headers["budget"] = _("budget ({money_unit})").format(money_unit=units_of_money.pop())
    else:  # mixed money units: each amount carries its own
        rows = [row | {"budget": f"{row['budget']} {row['money_unit']}"} for row in rows]
    print(render(rows, "table", headers, _RIGHT), end="")


def _show_project(stored: StoredDocument, project: Project, args: argparse.Namespace) -> None:
    from jixiao.store import project_json, source_lines

    kind = stored.parsed.kind
    if args.format == "json":
        print(json_text(project_json(project, kind)), end="")
        return
    indicator_rows = [
        project_json(project, kind)["indicators"][i] | {"position": i + 1}
        for i in range(len(project.indicators))
    ]
    if args.format == "csv":
        print(render(indicator_rows, "csv"), end="")
        return

    unit = next(u for u in stored.parsed.units if u.code == project.unit_code)
    if kind != "budget_text":
        _show_table_project(stored, project, indicator_rows, unit.name)
    else:
        _show_budget_text_project(stored, project, indicator_rows, f"{unit.code} {unit.name}")
    if args.source:
        say()
        for number, text in source_lines(stored, project.first_line, project.last_line):
            say(f"{number:>5} │ {text.replace(chr(9), ' → ')}")


def _show_budget_text_project(
    stored: StoredDocument, project: Project, indicator_rows: list[dict[str, Any]], unit: str
) -> None:
    from jixiao.importers.model import QUARTER_ENDS
    from jixiao.importers.money import money_text

    plan = "   ".join(f"{m}月底 {_percent(project.spending_plan.get(m))}" for m in QUARTER_ENDS)
    say(f"{project.ordinal}. {project.name}    [{unit}]")
    say(f"项目编码      {project.code}")
    say(
        f"预算数        {money_text(project.budget)} {project.money_unit}   财政资金 "
        f"{money_text(project.fiscal_funds) or '—'}   其他资金 "
        f"{money_text(project.other_funds) or '—'}"
    )
    say(f"资金用途      {project.purpose}")
    say(f"资金支出计划  {plan}")
    say("绩效目标")
    for number, goal in enumerate(project.goals, start=1):
        say(f"  {number}. {goal}")
    from jixiao.importers import RENDERED_FORMATS

    source = stored.parsed.source
    # A PDF's, Word or spreadsheet file's lines are those of the text jixiao made of it.
    rendered = source.format in RENDERED_FORMATS
    of = (
        _("the text read from {file}").format(file=source.filename) if rendered else source.filename
    )
    say(
        _("source lines  {first}–{last} of {source}").format(
            first=project.first_line, last=project.last_line, source=of
        )
    )
    say()
    print(render(indicator_rows, "table", _INDICATOR_HEADERS), end="")


def _show_table_project(
    stored: StoredDocument, project: Project, indicator_rows: list[dict[str, Any]], unit: str
) -> None:
    """A project of another province's table: the fields such a table has, and the extra
    indicator columns it has (docs/formats.md, `province`)."""
    from jixiao.importers.money import money_text

    say(f"{project.ordinal}. {project.name}    [{unit}]")
    fields = (
        ("项目属性", project.attribute),
        ("项目期", project.period),
        ("项目负责人", project.manager),
        ("年度主要任务", project.purpose),
    )
    for name, value in fields:
        if value:
            say(f"{name}  {value}")
    split = _("; ").join(f"{fund.label} {money_text(fund.amount)}" for fund in project.funds)
    say(
        f"资金  {money_text(project.budget)} {project.money_unit}"
        + (f"   其中 {split}" if split else "")
    )
    for heading, goals in (("中长期目标", project.medium_term_goals), ("年度目标", project.goals)):
        if goals:
            say(heading)
            for number, goal in enumerate(goals, start=1):
                say(f"  {number}. {goal}")
    say(
        _("source lines  {first}–{last} of {source}").format(
            first=project.first_line, last=project.last_line, source=stored.parsed.source.filename
        )
    )
    say()
    headers = dict(_INDICATOR_HEADERS)
    del headers["description"]  # these tables have none
    if any(row["period"] != "annual" for row in indicator_rows):
        from jixiao.importers.model import PERIOD_WORDS

        headers = {"period": N_("period"), **headers}
        indicator_rows = [row | {"period": PERIOD_WORDS.get(row["period"], row["period"])}
                          for row in indicator_rows]  # fmt: skip
    line = headers.pop("source_line")
    headers |= {key: name for key, name in _DETAIL_HEADERS.items()
                if any(row[key] is not None for row in indicator_rows)}  # fmt: skip
    headers["source_line"] = line
    print(render(indicator_rows, "table", headers), end="")


def _print_notes(stored: StoredDocument, always_count: bool, details: bool) -> None:
    unread = sum(n.severity == "unread" for n in stored.notes)
    warnings = len(stored.notes) - unread
    if always_count:
        hint = _(" (--notes lists them)") if stored.notes and not details else ""
        say(
            _("import report: {unread} lines not understood, {warnings} warnings").format(
                unread=unread, warnings=warnings
            )
            + hint
        )
    if details:
        for note in stored.notes:
            say("  " + note_line(note.line, note.severity, note.message))


def _percent(value: object) -> str:
    return "—" if value is None else f"{value}%"
