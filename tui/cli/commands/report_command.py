"""jixiao report DOC: the 审核意见 letter and the review's record, to send back to the
department."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import (
    add_document_argument,
    add_reviewer_option,
    open_store,
    resolve,
)
from jixiao.tui.cli.output import csv_text
from jixiao.tui.cli.output_options import (
    add_output_options,
    output_error,
    output_file,
    save_workbook,
    write_output,
)

SUMMARY = N_("write the 审核意见 letter and the review's marks, grades and notes of a document")
DESCRIPTION = N_(
    "The letter the bureau sends the department (关于…年部门预算绩效目标的审核意见): a summary "
    "(projects, budget, grades, open check findings by criterion, the document's conclusion), "
    "each project graded 良/中/差 or with an opinion or open findings, a table of every "
    "project's grade, and the reviewer (the configured one, or --reviewer) and today's date; "
    "then the record behind it: every mark and note, and the findings dismissed with their "
    "reasons. docx is the letter for Word or WPS; md, csv and xlsx carry the same content "
    "(csv: one row a conclusion, project, indicator mark or finding; with --output, a UTF-8 "
    "BOM for Excel)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_document_argument(parser)
    add_output_options(parser, ("md", "csv", "xlsx", "docx"), default="md")
    add_reviewer_option(parser, _("who signs the letter"))


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from jixiao.store import (
        REPORT_COLUMNS,
        letter_blocks,
        report_csv_rows,
        report_markdown,
        report_rows,
        report_sheets,
        review_letter,
        write_letter_docx,
    )
    from jixiao.tui.cli.config import settings

    if args.format == "docx":
        path = output_file(args)  # refused before any work is done
    engine = open_store(args)
    document_id = resolve(engine, args.document)
    # The date on the letter is the reviewer's own day, not UTC's.
    letter = review_letter(engine, document_id, settings(args).reviewer.value, date.today())
    marks = report_rows(engine, document_id)
    if args.format == "docx":
        try:
            write_letter_docx(path, letter_blocks(letter))
        except OSError as error:
            raise output_error(args.output, error) from None
    elif args.format == "xlsx":
        save_workbook(args, report_sheets(letter, marks))
    elif args.format == "csv":
        write_output(csv_text(report_csv_rows(letter, marks), REPORT_COLUMNS))
    else:
        write_output(report_markdown(letter, marks))
    return 0
