"""jixiao import FILE...: read text dumps into the store, one transaction per file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tui.commands.common import open_store
from tui.output import json_text, message

SUMMARY = "import text dumps of 绩效文本 into the store"
DESCRIPTION = (
    "Read each FILE (UTF-8, UTF-8 with BOM or GB18030), choose its layout by its content, and "
    "save it in one transaction: all of it or nothing. The same file twice changes nothing; "
    "another file for the same department, year and stage becomes a new revision. Lines the "
    "importer did not understand are listed with their numbers. Exit 2 if any file failed."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from importers import LAYOUTS

    parser.add_argument("files", nargs="+", metavar="FILE", help="text dumps to import")
    parser.add_argument("--department", help="the department's name, overriding the cover")
    parser.add_argument("--year", type=int, help="the budget year, overriding the cover")
    parser.add_argument(
        "--stage", choices=("draft", "final"), help="draft (草案) or final, overriding the cover"
    )
    parser.add_argument(
        "--format",
        dest="layout",
        choices=sorted(LAYOUTS),
        default=None,
        help="read the files in this layout instead of detecting it",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="parse and print the report, write nothing"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    from importers import ImportFault, Overrides, parse_file
    from store.save import save_document

    engine = None if args.dry_run else open_store(args)
    overrides = Overrides(department=args.department, year=args.year, stage=args.stage)
    results: list[dict[str, Any]] = []
    for name in args.files:
        try:
            parsed, report = parse_file(Path(name), overrides, args.layout)
        except ImportFault as fault:
            results.append(
                {"file": name, "status": "failed", "line": fault.line, "error": fault.message}
            )
            continue
        result: dict[str, Any] = {
            "file": name,
            "status": "parsed",
            "layout": report.layout,
            "encoding": report.encoding,
            "department": parsed.department,
            "year": parsed.year,
            "stage": parsed.stage,
            "units": len(parsed.units),
            "projects": len(parsed.projects),
            "indicators": parsed.indicator_count,
            "budget": _budget_text(parsed),
            "lines": {
                "total": report.lines_total,
                "blank": report.lines_blank,
                "used": report.lines_used,
                "unread": len(report.unread),
            },
            "notes": [
                {"line": n.line, "severity": n.severity, "message": n.message} for n in report.notes
            ],
        }
        if engine is not None:
            saved = save_document(engine, parsed, report)
            result.update(
                status="imported" if saved.created else "unchanged",
                document_id=saved.document_id,
                revision=saved.revision,
            )
        results.append(result)
    if args.json:
        print(json_text(results), end="")
    else:
        for result in results:
            _print_result(result)
    return 2 if any(r["status"] == "failed" for r in results) else 0


def _budget_text(parsed: Any) -> dict[str, str]:
    from decimal import Decimal

    from importers.money import money_text

    totals: dict[str, Decimal] = {}
    for project in parsed.projects:
        totals[project.money_unit] = totals.get(project.money_unit, Decimal(0)) + project.budget
    return {unit: money_text(total) or "" for unit, total in totals.items()}


def _print_result(result: dict[str, Any]) -> None:
    name = result["file"]
    if result["status"] == "failed":
        where = f"{name}:{result['line']}" if result["line"] else name
        message(f"jixiao: error: {where}: {result['error']}")
        return
    budget = ", ".join(f"{amount} {unit}" for unit, amount in result["budget"].items())
    what = (
        f"{result['department']} {result['year']} {result['stage']}: {result['units']} "
        f"units, {result['projects']} projects, {result['indicators']} indicators, "
        f"budget {budget}"
    )
    lines = result["lines"]
    if result["status"] == "imported":
        print(
            f"imported {name} as document {result['document_id']} "
            f"(revision {result['revision']}) — {what}"
        )
    elif result["status"] == "unchanged":
        print(
            f"unchanged {name}: already in the store as document {result['document_id']} "
            f"— nothing written"
        )
    else:
        print(
            f"parsed {name} ({result['layout']}, {result['encoding']}) — {what}; "
            "dry run, nothing written"
        )
    print(
        f"  lines: {lines['total']} ({lines['blank']} blank, {lines['used']} used, "
        f"{lines['unread']} not understood)"
    )
    for note in result["notes"]:
        where = f"line {note['line']}" if note["line"] else "document"
        print(f"  {where}: {note['severity']}: {note['message']}")
