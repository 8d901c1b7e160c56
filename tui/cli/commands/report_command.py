"""jixiao report DOC: the review marks and notes, to send back to the department."""

from __future__ import annotations

import argparse
from typing import Any

from jixiao.tui.cli.commands.common import add_document_argument, open_store, resolve
from jixiao.tui.cli.output import csv_text
from jixiao.tui.cli.output_options import add_output_options, save_workbook, write_output

SUMMARY = "write the review's marks and notes of a document"
DESCRIPTION = (
    "Every review mark and note of the document, by unit and project, with the reviewer and "
    "time, and (md) the open check findings and the dismissed ones with their reasons: md for "
    "reading, csv for a spreadsheet (with --output, a UTF-8 BOM for Excel)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_document_argument(parser)
    add_output_options(parser, ("md", "csv", "xlsx"), default="md")


def run(args: argparse.Namespace) -> int:
    from jixiao.store import (
        REPORT_COLUMNS,
        document,
        finding_rows,
        load_document,
        report_markdown,
        report_rows,
        review_progress,
    )

    engine = open_store(args)
    document_id = resolve(engine, args.document)
    rows = report_rows(engine, document_id)
    found = finding_rows(engine, load_document(engine, document_id))
    if args.format == "xlsx":
        from jixiao.store import Sheet

        save_workbook(args, [
            Sheet("审核 marks", REPORT_COLUMNS, rows),
            Sheet("检查 findings", FINDING_COLUMNS, [_finding_row(row) for row in found]),
        ])  # fmt: skip
        return 0
    if args.format == "csv":
        output = csv_text(rows + [_finding_as_mark(row) for row in found], REPORT_COLUMNS)
    else:
        header = document(engine, document_id)
        assert header is not None
        title = f"{header.department} {header.year} {header.stage} (revision {header.revision})"
        output = report_markdown(title, review_progress(engine, document_id), rows, found)
    write_output(output)
    return 0


FINDING_COLUMNS = ["code", "severity", "project_ordinal", "project_name", "indicator",
                   "message", "dismissed_by", "dismissal_note"]  # fmt: skip


def _finding_row(row: dict[str, object]) -> dict[str, object]:
    project = row["project"] or {}
    indicator = row["indicator"] or {}
    dismissed = row["dismissed"] or {}
    return {
        "code": row["code"], "severity": row["severity"],
        "project_ordinal": project.get("ordinal", ""),  # type: ignore[union-attr]
        "project_name": project.get("name", ""),  # type: ignore[union-attr]
        "indicator": indicator.get("level3", ""),  # type: ignore[union-attr]
        "message": row["message"],
        "dismissed_by": dismissed.get("reviewer", ""),  # type: ignore[union-attr]
        "dismissal_note": dismissed.get("note", ""),  # type: ignore[union-attr]
    }  # fmt: skip


def _finding_as_mark(row: dict[str, Any]) -> dict[str, Any]:
    """A check finding in the report's CSV columns: state "finding C001" or "dismissed C001",
    the message (and the reason of a dismissal) as the note."""
    project, indicator = row["project"] or {}, row["indicator"] or {}
    dismissed = row["dismissed"]
    unit_code, _, unit_name = (row["unit"] or "").partition(" ")
    note = row["message"] + (f" — {dismissed['note']}" if dismissed else "")
    return {
        "unit_code": unit_code, "unit_name": unit_name,
        "project_ordinal": project.get("ordinal", ""), "project_code": project.get("code", ""),
        "project_name": project.get("name", ""), "indicator": indicator.get("level3", ""),
        "indicator_value": indicator.get("value", ""),
        "state": f"{'dismissed' if dismissed else 'finding'} {row['code']}",
        "note": note, "reviewer": dismissed["reviewer"] if dismissed else "",
        "updated_at": dismissed["at"] if dismissed else "", "source_line": row["line"] or "",
    }  # fmt: skip
