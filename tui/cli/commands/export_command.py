"""jixiao export DOC: a whole document as JSON, CSV or Markdown."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_
from jixiao.tui.cli.commands.common import add_document_argument, read_store, resolve
from jixiao.tui.cli.output import csv_text, json_text
from jixiao.tui.cli.output_options import add_output_options, save_workbook, write_output

SUMMARY = N_("write a whole document as JSON, CSV or Markdown")
DESCRIPTION = N_(
    "json: the whole document (the format is a contract for scripts, see docs/cli.md); "
    "csv: one row an indicator, with its project's columns; md: a readable report. "
    'Money is a decimal string in the document\'s unit ("16.80"). With --output, CSV is '
    "written with a UTF-8 BOM so that Excel reads the Chinese text correctly."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_document_argument(parser)
    add_output_options(parser, ("json", "csv", "md", "xlsx"), default="json")


def run(args: argparse.Namespace) -> int:
    from jixiao.store import (
        document_csv_columns,
        document_csv_rows,
        document_json,
        document_markdown,
        load_document,
    )

    engine = read_store(args)
    stored = load_document(engine, resolve(engine, args.document))
    if args.format == "xlsx":
        from jixiao.store import Sheet, column_titles, project_json

        projects = [project_json(p) | {"unit": p.unit_code, "indicators": len(p.indicators),
                                       "goals": " / ".join(p.goals)}
                    for p in stored.parsed.projects]  # fmt: skip
        columns = ["unit", "ordinal", "code", "name", "money_unit", "budget", "fiscal_funds",
                   "other_funds", "purpose", "goals", "indicators"]  # fmt: skip
        indicator_columns = document_csv_columns(stored)
        save_workbook(args, [
            Sheet("项目 projects", columns, projects, column_titles(columns, code="项目编码")),
            Sheet("指标 indicators", indicator_columns, document_csv_rows(stored),
                  column_titles(indicator_columns, unit="度量单位")),
        ])  # fmt: skip
        return 0
    if args.format == "json":
        text = json_text(document_json(stored))
    elif args.format == "csv":
        text = csv_text(document_csv_rows(stored), document_csv_columns(stored))
    else:
        text = document_markdown(stored)
    write_output(text)
    return 0
