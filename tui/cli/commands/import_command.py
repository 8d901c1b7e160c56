"""jixiao import FILE_OR_DIR...: read text dumps into the store, in parallel, in batches."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from jixiao.i18n import N_, _
from jixiao.tui.cli.argparse_words import whole_number
from jixiao.tui.cli.commands.common import note_line, open_writer
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output import json_text, message, say

if TYPE_CHECKING:
    from jixiao.store import WritingConnection

SUMMARY = N_("import text dumps of 绩效文本 into the store")
DESCRIPTION = N_(
    "Read each FILE (UTF-8, UTF-8 with BOM or GB18030), every .txt file under each folder, "
    "and every file a quoted pattern such as 'dumps/**/*.txt' matches; choose each file's "
    "layout by its content and save it: all of it or nothing. Many files are parsed in "
    "parallel (one worker per core) and written many to a transaction, with a progress bar "
    "on a terminal. A file that cannot be read is reported with its line and skipped; the "
    "summary lists every failure. Ctrl+C stops the import: the documents written so far "
    "stay, the rest are not in the store, none half-written. The same file twice changes "
    "nothing; another file for the same department, year and stage becomes a new revision. "
    "Exit 2 if any file failed, 130 if interrupted."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from jixiao.importers import LAYOUT_NAMES

    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE_OR_DIR",
        help=_("text dumps, folders holding them, or quoted glob patterns"),
    )
    parser.add_argument("--department", help=_("the department's name, overriding the cover"))
    parser.add_argument(
        "--year", type=whole_number, help=_("the budget year, overriding the cover")
    )
    parser.add_argument(
        "--stage", choices=("draft", "final"), help=_("draft (草案) or final, overriding the cover")
    )
    parser.add_argument(
        "--layout",
        choices=sorted(LAYOUT_NAMES),
        default=None,
        help=_("read the files in this layout instead of detecting it"),
    )
    # The name before --layout, kept working for old scripts but not shown: everywhere else
    # --format names what a command writes.
    parser.add_argument(
        "--format", dest="layout", choices=sorted(LAYOUT_NAMES), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("parse and print the report, write nothing")
    )
    parser.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    parser.add_argument(
        "--jobs",
        type=whole_number,
        default=None,
        metavar="N",
        help=_("parse with N worker processes (default: one per core; none for under 4 files)"),
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help=_("print only failures and the summary, not a report per file"),
    )


def run(args: argparse.Namespace) -> int:
    from jixiao.importers import Overrides
    from jixiao.importers.sources import find_sources
    from jixiao.store import FileResult, Interrupted, import_files
    from jixiao.tui.cli.progress import ProgressLine

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(_("--jobs must be 1 or more"))
    if args.year is not None and not 1000 <= args.year <= 9999:
        raise UsageError(
            _("--year {year} is not a year; expected four digits, e.g. 2024").format(year=args.year)
        )
    sources = find_sources(args.files)
    for given, problem in sources.problems:
        message(_("jixiao: error: {message}").format(message=f"{given}: {problem}"))
    if not sources.files:
        raise UsageError(_("no files to import"), _("name dump files, folders or quoted patterns"))

    def open_for_import() -> WritingConnection:
        writer = open_writer(args)
        try:
            _refuse_damaged(args, len(sources.files))
        except BaseException:
            writer.close()
            raise
        return writer

    overrides = Overrides(department=args.department, year=args.year, stage=args.stage)
    progress = ProgressLine(len(sources.files))
    per_file = not args.json and not args.quiet

    told: list[FileResult] = []  # what a fault of the store leaves to summarise

    def show(results: list[FileResult]) -> None:
        told.extend(results)
        failed = [r for r in results if r.status == "failed"]
        printed = results if per_file else failed if not args.json else []
        if printed:
            progress.clear()  # drawn again below the lines
            for result in printed:
                _print_result(result.as_json())
        progress.advance(len(results), failed=len(failed))

    stopped = ""
    try:
        results = import_files(
            None if args.dry_run else open_for_import,  # opened while the workers start
            sources.files,
            overrides=overrides,
            layout=args.layout,
            jobs=args.jobs,
            on_results=show,
        )
    except Interrupted as stop:
        results, stopped = stop.results, "interrupted"
    except Exception as error:
        from jixiao.store import fault_kind

        if fault_kind(error) is None:
            raise
        # A full disk, a read-only or damaged store: say what is in, then the fault (the
        # command line's last line of defence names it and its fix).
        progress.clear()
        _print_summary(told, len(sources.files), "stopped", to_stderr=True)
        raise
    progress.clear()
    if args.json:
        print(json_text([result.as_json() for result in results]), end="")
    if len(sources.files) > 1 or stopped:
        _print_summary(results, len(sources.files), stopped, to_stderr=args.json)
    if stopped:
        return 130
    return 2 if sources.problems or any(r.status == "failed" for r in results) else 0


def _refuse_damaged(args: argparse.Namespace, files: int) -> None:
    from jixiao.store import StoreError, refuse_damaged
    from jixiao.tui.cli.commands.common import store_path

    try:
        refuse_damaged(store_path(args), files)
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None


def _print_summary(results: list[Any], total: int, stopped: str, to_stderr: bool) -> None:
    """`stopped`: "interrupted" (Ctrl+C), "stopped" (a fault of the store), or "" (done)."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    words = {"imported": _("{count} imported"), "unchanged": _("{count} unchanged"),
             "parsed": _("{count} parsed"), "failed": _("{count} failed")}  # fmt: skip
    parts = [words[s].format(count=f"{counts[s]:,}")
             for s in ("imported", "unchanged", "parsed", "failed") if counts.get(s)]  # fmt: skip
    lines = [
        _("{total} files: {parts}").format(
            total=f"{total:,}", parts=_(", ").join(parts) or _("none read")
        )
    ]
    if stopped:
        not_in = counts.get("interrupted", 0) + total - len(results)
        how = (_("stopped by the fault of the store below") if stopped == "stopped"
               else _("interrupted"))  # fmt: skip
        lines.append(
            _(
                "{how}: {count} files are not in the store (the transaction in progress was "
                "rolled back); run the same import again to finish — files already in are "
                "skipped as unchanged"
            ).format(how=how, count=f"{not_in:,}")
        )
    lines += _same_document_notes(results)
    failures = [r for r in results if r.status == "failed"]
    if failures:
        lines.append(_("failures:"))
        lines.extend(f"  {r.file}{f':{r.line}' if r.line else ''}: {r.error}" for r in failures)
    text = "\n".join(lines)
    if to_stderr or stopped:
        message(text)
    else:
        say(text)


FILES_NAMED = 5
"""Files a summary note names; the others are counted (2,700 names made one 100 KB line)."""


def _same_document_notes(results: list[Any]) -> list[str]:
    """Files of one import that are the same document (a PDF and its dump, say) became
    revisions of it: say so, since that is seldom what was meant."""
    from jixiao.store import stage_word

    by_document: dict[tuple[Any, ...], list[Any]] = {}
    for result in results:
        if result.status in ("imported", "parsed"):
            summary = result.summary
            key = (summary["department"], summary["year"], summary["stage"])
            by_document.setdefault(key, []).append(result)
    notes = []
    for (department, year, stage), same in by_document.items():
        if len(same) > 1:
            files = _(", ").join(r.file for r in same[:FILES_NAMED])
            if len(same) > FILES_NAMED:
                files += _(" and {count} more").format(count=f"{len(same) - FILES_NAMED:,}")
            note = (
                _("note: {count} files are {department} {year} {stage} and would each become a "
                  "revision of it (the last one read is current): {files}")
                if same[0].status == "parsed"
                else _("note: {count} files are {department} {year} {stage} and each became a "
                       "revision of it (the last one read is current): {files}")
            )  # fmt: skip
            notes.append(note.format(count=len(same), department=department, year=year,
                                     stage=stage_word(stage), files=files))  # fmt: skip
    return notes


def _print_result(result: dict[str, Any]) -> None:
    from jixiao.store import stage_word

    name = result["file"]
    if result["status"] == "failed":
        where = f"{name}:{result['line']}" if result["line"] else name
        # FILE:LINE: keeps its ASCII colons in Chinese too: editors and terminals jump to it
        message(_("jixiao: error: {message}").format(message=f"{where}: {result['error']}"))
        return
    budget = _(", ").join(f"{amount} {unit}" for unit, amount in result["budget"].items())
    what = _(
        "{department} {year} {stage}: {units} units, {projects} projects, {indicators} "
        "indicators, budget {budget}"
    ).format(department=result["department"], year=result["year"],
             stage=stage_word(result["stage"]),
             units=result["units"], projects=result["projects"],
             indicators=result["indicators"], budget=budget)  # fmt: skip
    lines = result["lines"]
    if result["status"] == "imported":
        say(_("imported {file} as document {id} (revision {revision}) — {what}").format(
            file=name, id=result["document_id"], revision=result["revision"],
            what=what))  # fmt: skip
    elif result["status"] == "unchanged":
        say(_("unchanged {file}: already in the store as document {id} — nothing written")
            .format(file=name, id=result["document_id"]))  # fmt: skip
    elif result["status"] == "interrupted":
        say(_("interrupted {file}: parsed but not written — {what}").format(file=name, what=what))
        return
    else:
        say(_("parsed {file} ({layout}) — {what}; dry run, nothing written").format(
            file=name, layout=_read_as(result), what=what))  # fmt: skip
    parts = [_("{count} blank").format(count=lines["blank"]),
             _("{count} used").format(count=lines["used"])]  # fmt: skip
    if lines.get("furniture"):
        parts.append(_("{count} page headers/footers").format(count=lines["furniture"]))
    if lines.get("debris"):
        parts.append(_("{count} web page lines").format(count=lines["debris"]))
    parts.append(_("{count} not understood").format(count=lines["unread"]))
    say("  " + _("lines: {total} ({parts})").format(total=lines["total"],
                                                   parts=_(", ").join(parts)))  # fmt: skip
    _print_notes(result["notes"], result.get("document_id"))


NOTES_SHOWN = 20
"""Notes of each kind printed for a file; the rest are counted. A file of 600,000 lines
nothing understood would otherwise print them all. Every note stays in --json and in the
store (`jixiao show DOC --notes`)."""


def _print_notes(notes: list[dict[str, Any]], document_id: int | None) -> None:
    shown: dict[str, int] = {}
    for note in notes:
        severity = note["severity"]
        shown[severity] = shown.get(severity, 0) + 1
        if shown[severity] <= NOTES_SHOWN:
            say("  " + note_line(note["line"], severity, note["message"]))
    for severity, count in shown.items():
        if count > NOTES_SHOWN:
            where = f"`jixiao show {document_id} --notes`" if document_id else "--json"
            more = f"{count - NOTES_SHOWN:,}"
            if severity == "unread":
                line = _("… and {count} more lines not understood (all of them: {where})")
            else:
                line = _("… and {count} more warnings (all of them: {where})")
            say("  " + line.format(count=more, where=where))


def _read_as(result: dict[str, Any]) -> str:
    """The layout and the encoding, once when a file format is both (pdf, docx)."""
    layout, encoding = result["layout"], result["encoding"]
    return layout if layout == encoding else f"{layout}, {encoding}"
