"""jixiao check DOC: run the review checks and list what does not add up."""

from __future__ import annotations

import argparse

from jixiao.tui.cli.commands.common import add_document_argument, open_store, resolve
from jixiao.tui.cli.output import json_text, render
from jixiao.tui.cli.output_options import add_output_options, write_output

SUMMARY = "run the review checks on a document"
DESCRIPTION = (
    "Findings of the review checks (docs/checks.md explains each code): funds, spending plan, "
    "deadline, cost against budget, structure, measurability, what an indicator counts, table "
    "of contents. Exit 0 whatever is found; 2 on bad input."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_document_argument(parser)
    parser.add_argument("--select", metavar="CODES",
                        help="only these checks: C001,U001 (C: the family)")  # fmt: skip
    parser.add_argument("--ignore", metavar="CODES", help="leave out these checks")
    add_output_options(parser, ("table", "json", "md"))


def run(args: argparse.Namespace) -> int:
    from jixiao.store import CHECKS, finding_rows, load_document, markdown_cell
    from jixiao.tui.cli.errors import UsageError

    select, ignore = _codes(args.select), _codes(args.ignore)
    known = set(CHECKS) | {code[0] for code in CHECKS}
    unknown = sorted((select | ignore) - known)
    if unknown:
        raise UsageError(f"unknown check code {', '.join(unknown)}",
                         f"the codes are {', '.join(sorted(CHECKS))}")  # fmt: skip
    engine = open_store(args)
    stored = load_document(engine, resolve(engine, args.document))
    rows = finding_rows(engine, stored, select or None, ignore or None)
    if args.format == "json":
        text = json_text(rows)
    elif args.format == "md":
        lines = [f"# Checks: {markdown_cell(stored.parsed.department)} {stored.parsed.year} "
                 f"{stored.parsed.stage}", "", f"{len(rows)} findings", ""]  # fmt: skip
        for row in rows:
            where = f"{row['project']['ordinal']}. {markdown_cell(row['project']['name'])}" if row[
                "project"] else "document"  # fmt: skip
            lines.append(
                f"- **{row['code']}** {row['severity']} — {where}: {markdown_cell(row['message'])}"
            )
            if row["dismissed"]:
                lines.append(f"  - dismissed by {markdown_cell(row['dismissed']['reviewer'])}: "
                             f"{markdown_cell(row['dismissed']['note'])}")  # fmt: skip
        text = "\n".join(lines) + "\n"
    else:
        table = [{"code": r["code"],
                  "severity": "dismissed" if r["dismissed"] else r["severity"],
                  "project": f"{r['project']['ordinal']}. {r['project']['name']}"
                  if r["project"] else "", "message": r["message"]} for r in rows]  # fmt: skip
        text = render(table, "table") if table else "no findings\n"
        closed = sum(1 for r in rows if r["dismissed"])
        text += f"{len(rows)} findings, {closed} dismissed\n" if table else ""
    write_output(text)
    return 0


def _codes(text: str | None) -> set[str]:
    return {code.strip().upper() for code in (text or "").split(",") if code.strip()}
