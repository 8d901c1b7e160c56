"""jixiao check DOC: run the review checks and list what does not add up."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from itertools import groupby
from typing import Any

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import add_document_argument, open_store, resolve
from jixiao.tui.cli.output import json_text, render, terminal_width
from jixiao.tui.cli.output_options import add_output_options, write_output

SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
"""A finding's severity as the table and Markdown say it (JSON and CSV keep the key)."""

SUMMARY = N_("run the review checks on a document")
DESCRIPTION = N_(
    "Findings of the review checks (docs/checks.md explains each code), each under one of "
    "the finance bureau's criteria 完整性, 相关性, 适当性, 可行性: funds, spending plan, "
    "deadline, cost against budget, structure, measurability, what an indicator counts, "
    "table of contents, blank cells, bases, goal figures, satisfaction, and the year before "
    "where the store holds it. Exit 0 whatever is found; 2 on bad input."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_document_argument(parser)
    parser.add_argument("--select", metavar="CODES",
                        help=_("only these checks: C001,U001 (C: the family)"))  # fmt: skip
    parser.add_argument("--ignore", metavar="CODES", help=_("leave out these checks"))
    add_output_options(parser, ("table", "json", "csv", "md"))


def run(args: argparse.Namespace) -> int:
    from jixiao.store import (
        CRITERIA,
        check_codes,
        finding_rows,
        load_document,
        markdown_cell,
        stage_word,
    )
    from jixiao.tui.cli.errors import UsageError

    select, ignore = _codes(args.select), _codes(args.ignore)
    codes = check_codes()
    known = set(codes) | {code[0] for code in codes}
    unknown = sorted((select | ignore) - known)
    if unknown:
        raise UsageError(_("unknown check code {codes}").format(codes=", ".join(unknown)),
                         _("the codes are {codes}").format(codes=", ".join(codes)))  # fmt: skip
    engine = open_store(args)
    stored = load_document(engine, resolve(engine, args.document))
    rows = finding_rows(engine, stored, select or None, ignore or None)
    # Grouped by criterion, in document order within each; JSON keeps document order.
    grouped = sorted(rows, key=lambda row: CRITERIA.index(row["criterion"]))
    if args.format == "json":
        text = json_text(rows)
    elif args.format == "csv":
        text = render([_csv_row(row) for row in grouped], "csv")
    elif args.format == "md":
        heading = _("# Checks: {department} {year} {stage}").format(
            department=markdown_cell(stored.parsed.department),
            year=stored.parsed.year,
            stage=stage_word(stored.parsed.stage),
        )
        lines = [heading, "", _("{count} findings").format(count=len(rows)), ""]  # fmt: skip
        for criterion, group in groupby(grouped, key=lambda row: row["criterion"]):
            group_rows = list(group)
            heading = _("{heading} ({count})").format(heading=criterion, count=len(group_rows))
            lines += [f"## {heading}", ""]
            for row in group_rows:
                lines += _markdown_finding(row, markdown_cell)
            lines.append("")
        text = "\n".join(lines).rstrip("\n") + "\n"
    else:
        table = [{"criterion": r["criterion"], "code": r["code"],
                  "severity": _("dismissed" if r["dismissed"] else SEVERITY_WORDS[r["severity"]]),
                  "project": f"{r['project']['ordinal']}. {r['project']['name']}"
                  if r["project"] else "", "message": r["message"]} for r in grouped]  # fmt: skip
        width = terminal_width() if args.output in (None, "-") else None
        text = (render(table, "table", fit=("project", "message"), width=width) if table
                else _("no findings") + "\n")  # fmt: skip
        closed = sum(1 for r in rows if r["dismissed"])
        summary = _("{count} findings, {dismissed} dismissed").format(
            count=len(rows), dismissed=closed
        )
        text += summary + "\n" if table else ""  # fmt: skip
    write_output(text)
    return 0


def _markdown_finding(row: dict[str, Any], cell: Callable[[str], str]) -> list[str]:
    where = f"{row['project']['ordinal']}. {cell(row['project']['name'])}" if row[
        "project"] else _("document")  # fmt: skip
    severity = _(SEVERITY_WORDS[row["severity"]])
    lines = [f"- **{row['code']}** {severity} — {where}" + _(": ") + cell(row["message"])]
    if row["dismissed"]:
        dismissed = _("dismissed by {reviewer}: {note}").format(
            reviewer=cell(row["dismissed"]["reviewer"]), note=cell(row["dismissed"]["note"])
        )
        lines.append(f"  - {dismissed}")
    return lines


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """One finding flat: the project and indicator spelled out, the figures as JSON."""
    project, indicator, dismissed = row["project"], row["indicator"], row["dismissed"]
    return {
        "criterion": row["criterion"], "code": row["code"], "severity": row["severity"],
        "unit": row["unit"], "project_ordinal": project["ordinal"] if project else "",
        "project_code": project["code"] if project else "",
        "project_name": project["name"] if project else "",
        "indicator": indicator["level3"] if indicator else "",
        "indicator_value": indicator["value"] if indicator else "",
        "message": row["message"], "figures": json.dumps(row["figures"], ensure_ascii=False),
        "line": row["line"] if row["line"] is not None else "", "key": row["key"],
        "dismissed": dismissed["note"] if dismissed else "",
    }  # fmt: skip


def _codes(text: str | None) -> set[str]:
    return {code.strip().upper() for code in (text or "").split(",") if code.strip()}
