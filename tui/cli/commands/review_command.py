"""jixiao review DOC PROJECT …: record a project's (or an indicator's) mark, grade and
opinion from a script, as the TUI's keys do; jixiao review DOC --conclusion …: the document's
conclusion."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from jixiao.i18n import N_, _, pgettext
from jixiao.tui.cli.argparse_words import whole_number
from jixiao.tui.cli.commands.common import (
    add_document_argument,
    add_reviewer_option,
    open_store,
    resolve,
)
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output import render
from jixiao.tui.cli.output_options import add_output_options, write_output

if TYPE_CHECKING:
    from sqlalchemy import Engine

SUMMARY = N_("record a project's grade, mark and opinion, or the document's conclusion")
DESCRIPTION = N_(
    "With PROJECT (its number in the document, its code, or a unique part of its name): set "
    "its grade (优 良 中 差), its mark (reviewed, question, problem) and its opinion (--note); "
    "what is not given stays as it was. --indicator N marks the project's Nth indicator "
    "instead (a mark and note; grades are for projects). --clear removes the mark, grade and "
    "note. Without PROJECT: the document's conclusion, its grade (--conclusion) and summary "
    "opinion (--note), or --clear. Recorded with the reviewer's name (--reviewer, else the "
    "config file's reviewer, else $USER) and the time, exactly as the TUI records them; "
    "prints what now stands."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from jixiao.store import GRADES, REVIEW_STATES  # plain constants: no database loaded

    add_document_argument(parser)
    parser.add_argument("project", metavar="PROJECT", nargs="?",
                        help=_("the project's number, its code, or a unique part of its name; "
                             "leave it out for the document's conclusion"))  # fmt: skip
    parser.add_argument("--grade", choices=GRADES, help=_("the project's grade: 优 良 中 差"))
    parser.add_argument("--mark", choices=REVIEW_STATES, help=_("the review mark"))
    parser.add_argument("--note", metavar="TEXT",
                        help=_("the opinion (of the project, the indicator or the document); "
                             "an empty TEXT removes it"))  # fmt: skip
    parser.add_argument(
        "--indicator",
        metavar="N",
        type=whole_number,
        help=_("the project's Nth indicator, in table order (from 1)"),
    )
    parser.add_argument(
        "--conclusion",
        metavar="GRADE",
        choices=GRADES,
        help=_("the document's grade: 优 良 中 差 (without PROJECT)"),
    )
    parser.add_argument(
        "--clear",
        action="store_true",
        help=_("remove the mark, grade and note (or the conclusion)"),
    )
    add_reviewer_option(parser, _("who reviews"))
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.tui.cli.config import settings

    _check_combination(args)
    engine = open_store(args)
    document_id = resolve(engine, args.document)
    reviewer = settings(args).reviewer.value
    if args.project is None:
        row = _conclude(engine, document_id, reviewer, args)
    else:
        row = _review(engine, document_id, reviewer, args)
    if args.format == "table":  # a person reads it: local time; JSON and CSV keep UTC
        from jixiao.store import local_time

        row["updated_at"] = local_time(row["updated_at"])
        row["state"] = _mark_word(row["state"])
    write_output(render([row], args.format))
    return 0


def _check_combination(args: argparse.Namespace) -> None:
    """Refuse what cannot mean anything before the store is opened."""
    example = _("e.g. {example}").format(example="jixiao review 1 5 --grade 良 --note '…'")
    if args.project is None:
        if args.grade or args.mark or args.indicator is not None:
            raise UsageError(
                _("--grade, --mark and --indicator need a PROJECT"),
                _("name the project, {example}; or --conclusion for the document").format(
                    example=example
                ),
            )
        if not (args.conclusion or args.note is not None or args.clear):
            raise UsageError(
                _("nothing to record for the document"),
                _("give --conclusion GRADE, --note TEXT or --clear"),
            )
    else:
        if args.conclusion:
            raise UsageError(
                _("--conclusion is the document's, not a project's"),
                _("leave out PROJECT, or give the project --grade"),
            )
        if args.grade and args.indicator is not None:
            raise UsageError(
                _("a grade is given to a project, not to one of its indicators"),
                _("leave out --indicator, or give the indicator --mark"),
            )
        if not (args.grade or args.mark or args.note is not None or args.clear):
            raise UsageError(
                _("nothing to record"),
                _("give --grade, --mark, --note or --clear, {example}").format(example=example),
            )
    if args.clear and (args.grade or args.mark or args.conclusion or args.note is not None):
        raise UsageError(
            _("--clear removes everything: it takes no other value"),
            _("run it alone, then set what you want"),
        )


def _review(
    engine: Engine, document_id: int, reviewer: str, args: argparse.Namespace
) -> dict[str, Any]:
    from jixiao.store import UNCHANGED, clear_mark, load_document, project_detail, set_mark
    from jixiao.store import project_id as project_id_of
    from jixiao.tui.cli.commands.show_command import find_project

    project = find_project(load_document(engine, document_id), args.project)
    project_id = project_id_of(engine, document_id, project.ordinal)
    assert project_id is not None
    indicator_id = None
    if args.indicator is not None:
        detail = project_detail(engine, project_id)
        assert detail is not None
        count = len(detail.indicators)
        if not 1 <= args.indicator <= count:
            raise UsageError(
                _("project {ordinal} has {count} indicators: no indicator {indicator}").format(
                    ordinal=project.ordinal, count=count, indicator=args.indicator
                ),
                _("`jixiao show {document_id} {ordinal}` lists them").format(
                    document_id=document_id, ordinal=project.ordinal
                ),
            )
        indicator_id = detail.indicators[args.indicator - 1].id
    if args.clear:
        clear_mark(engine, project_id, indicator_id)
        mark = None
    else:
        mark = set_mark(
            engine, project_id, indicator_id, reviewer=reviewer,
            state=args.mark or UNCHANGED, grade=args.grade or UNCHANGED,
            note=UNCHANGED if args.note is None else args.note,
        )  # fmt: skip
    return {"document": document_id, "project": project.ordinal, "indicator": args.indicator,
            "name": project.name, **_fields(mark)}  # fmt: skip


def _conclude(
    engine: Engine, document_id: int, reviewer: str, args: argparse.Namespace
) -> dict[str, Any]:
    from jixiao.store import clear_conclusion, conclusion_of, set_conclusion

    if args.clear:
        clear_conclusion(engine, document_id)
        conclusion = None
    else:
        current = conclusion_of(engine, document_id)
        conclusion = set_conclusion(
            engine, document_id, reviewer=reviewer,
            grade=args.conclusion or (current.grade if current else None),
            note=args.note if args.note is not None else (current.note if current else ""),
        )  # fmt: skip
    return {"document": document_id, "project": None, "indicator": None, "name": None,
            **_fields(conclusion)}  # fmt: skip


def _fields(recorded: Any) -> dict[str, Any]:
    """What now stands (a Mark or a Conclusion); empty fields when nothing does."""
    if recorded is None:
        return {"grade": None, "state": None, "note": "", "reviewer": None, "updated_at": None}
    return {"grade": recorded.grade, "state": getattr(recorded, "state", None),
            "note": recorded.note, "reviewer": recorded.reviewer,
            "updated_at": recorded.updated_at}  # fmt: skip


def _mark_word(state: str | None) -> str | None:
    """A review mark as the table shows it (JSON and CSV keep the key)."""
    words = {
        "reviewed": pgettext("review mark", "reviewed"),
        "question": pgettext("review mark", "question"),
        "problem": pgettext("review mark", "problem"),
    }
    return words.get(state, state) if state else state
