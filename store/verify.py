"""`jixiao verify`: is the store sound? SQLite's own check of its file, then the store's
invariants: keys that point somewhere, each document's counts matching its rows, each
document's source text readable, the search index holding exactly the texts it indexes.

Reads only, through a connection of its own (not store.db.open_store, which would upgrade
or create the store): a damaged store must be looked at as it is.
"""

from __future__ import annotations

import contextlib
import sqlite3
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao.i18n import N_, _, ngettext
from jixiao.store.connection import open_for_reading
from jixiao.store.errors import CHECK_HINT, StoreError, fault_kind, store_fault
from jixiao.store.search_tokens import bigram_tokens_of
from jixiao.store.stages import stage_word
from jixiao.store.version import SCHEMA_VERSION

MAX_PROBLEMS = 50
"""Problems listed per check; the rest are counted."""


@dataclass(frozen=True)
class CheckResult:
    check: str
    problems: list[str]
    checked: str = ""
    """What was looked at, for the report ("18 documents")."""

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_store(path: Path, *, quick: bool = False) -> list[CheckResult]:
    """Every check's result. quick: SQLite's quick_check instead of integrity_check, and
    neither the source texts nor each search text against the index (the long parts)."""
    if not path.is_file():
        raise StoreError(
            _("there is no store at {path}").format(path=path),
            _("pass the store's path with --db (or JIXIAO_DB)"),
        )
    try:
        connection = open_for_reading(path)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as error:
        opening = _("cannot open {path}: {error}").format(path=path, error=error)
        raise (store_fault(error, path) or StoreError(opening)) from None
    try:
        checks: list[tuple[str, Callable[[sqlite3.Connection], tuple[list[str], str]]]] = [
            (N_("sqlite quick_check") if quick else N_("sqlite integrity_check"),
             _quick_check if quick else _integrity_check),
        ]  # fmt: skip
        if version != SCHEMA_VERSION:
            return [
                *(_run(name, check, connection) for name, check in checks),
                CheckResult(
                    N_("schema version"),
                    [_("the store is version {version}, this jixiao knows {known}: open it "
                       "once with any jixiao command to upgrade it, then verify again").format(
                         version=version, known=SCHEMA_VERSION)],
                ),
            ]  # fmt: skip
        checks += [
            (N_("foreign keys"), _foreign_keys),
            (N_("document counts"), _document_counts),
            (N_("search index"), _search_index_structure),
        ]
        if not quick:
            checks += [
                (N_("source texts"), _source_texts),
                (N_("search index contents"), _search_index_contents),
            ]
        return [_run(name, check, connection) for name, check in checks]
    finally:
        connection.close()


QUICK_CHECK_BYTES = 256 * 1024 * 1024
"""Stores up to this size are checked before every import (SQLite's quick_check reads
about a gigabyte a second); larger ones before imports of LARGE_IMPORT files or more."""

LARGE_IMPORT = 100


def refuse_damaged(path: Path, files: int) -> None:
    """Before an import writes: a damaged store is refused rather than written to (writing
    would spread the damage, and SQLite notices it only where a write reads a damaged
    page). Skipped for a large store and a small import, where the check would cost more
    than the import; `jixiao verify` checks any store."""
    try:
        size = path.stat().st_size
    except OSError:
        return
    if size > QUICK_CHECK_BYTES and files < LARGE_IMPORT:
        return
    with contextlib.closing(open_for_reading(path)) as connection:
        try:
            problems, _checked = _quick_check(connection)
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
    if problems:
        raise StoreError(
            _("the store {path} is damaged ({problem}); nothing was imported").format(
                path=path, problem=problems[0]
            ),
            _(CHECK_HINT),
            "damaged",
        )


def _run(
    name: str,
    check: Callable[[sqlite3.Connection], tuple[list[str], str]],
    connection: sqlite3.Connection,
) -> CheckResult:
    try:
        problems, checked = check(connection)
    except sqlite3.Error as error:  # damaged beyond what the check reads, busy, read-only…
        return CheckResult(name, [_("could not be checked: {error}").format(error=error)])
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], _("… and {count:,} more").format(count=more)]
    return CheckResult(name, problems, checked)


def _integrity_check(connection: sqlite3.Connection) -> tuple[list[str], str]:
    return _sqlite_check(connection, "integrity_check")


def _quick_check(connection: sqlite3.Connection) -> tuple[list[str], str]:
    return _sqlite_check(connection, "quick_check")


def _sqlite_check(connection: sqlite3.Connection, pragma: str) -> tuple[list[str], str]:
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}({MAX_PROBLEMS + 1})")]
    (pages,) = connection.execute("PRAGMA page_count").fetchone()
    if rows == ["ok"]:
        return [], _pages(pages)
    # A report starts "*** in database main ***" and may hold several lines a row.
    lines = [line for row in rows for line in row.splitlines() if not line.startswith("***")]
    return lines, _pages(pages)


def _foreign_keys(connection: sqlite3.Connection) -> tuple[list[str], str]:
    problems = [
        _("{table} row {rowid} points to a missing {parent} row").format(
            table=table, rowid=rowid, parent=parent
        )
        for table, rowid, parent, _key in connection.execute("PRAGMA foreign_key_check")
    ]
    return problems, _("every table")


_COUNTS = """
SELECT d.id, dep.name, d.year, d.stage, d.revision,
       d.unit_count, (SELECT count(*) FROM unit AS u WHERE u.document_id = d.id),
       d.project_count, (SELECT count(*) FROM project AS p WHERE p.document_id = d.id),
       d.indicator_count, (SELECT count(*) FROM indicator AS i JOIN project AS p
                           ON p.id = i.project_id WHERE p.document_id = d.id),
       d.budget_fen, (SELECT coalesce(sum(p.budget_fen), 0) FROM project AS p
                      WHERE p.document_id = d.id),
       d.unread_count, (SELECT count(*) FROM import_note AS n WHERE n.document_id = d.id
                        AND n.severity = 'unread'),
       d.warning_count, (SELECT count(*) FROM import_note AS n WHERE n.document_id = d.id
                         AND n.severity = 'warning')
FROM document AS d LEFT JOIN department AS dep ON dep.id = d.department_id ORDER BY d.id
"""
"""Each stored count beside the count of its rows, as the import and the v5 upgrade make
them (store/migrations.py _DOCUMENT_COUNTS)."""

_COUNTED = (
    N_("units"), N_("projects"), N_("indicators"), N_("budget (分)"), N_("lines not understood"),
    N_("warnings"),
)  # fmt: skip


def _document_counts(connection: sqlite3.Connection) -> tuple[list[str], str]:
    problems, documents = [], 0
    for row in connection.execute(_COUNTS):
        documents += 1
        document_id, department, year, stage, revision = row[:5]
        values = row[5:]
        wrong = [
            _("{what} {stored} stored, {counted} in its rows").format(
                what=_(what), stored=values[2 * i], counted=values[2 * i + 1]
            )
            for i, what in enumerate(_COUNTED)
            if values[2 * i] != values[2 * i + 1]
        ]
        if wrong:
            problems.append(
                _("document {id} ({department} {year} {stage} r{revision}): {wrong}").format(
                    id=document_id,
                    department=department,
                    year=year,
                    stage=stage_word(stage),
                    revision=revision,
                    wrong=_("; ").join(wrong),
                )
            )
    return problems, _documents(documents)


def _source_texts(connection: sqlite3.Connection) -> tuple[list[str], str]:
    """zlib's checksum catches damage inside a source text that SQLite's check cannot see
    (SQLite keeps no checksum of what a page holds)."""
    problems, documents = [], 0
    missing = connection.execute(
        "SELECT d.id FROM document AS d LEFT JOIN document_source AS s ON s.document_id = d.id "
        "WHERE s.document_id IS NULL"
    ).fetchall()
    problems += [
        _("document {id} has no source text").format(id=document_id) for (document_id,) in missing
    ]
    for document_id, blob in connection.execute(
        "SELECT document_id, text_zlib FROM document_source ORDER BY document_id"
    ):
        documents += 1
        try:
            zlib.decompress(blob).decode("utf-8")
        except (zlib.error, UnicodeDecodeError, TypeError) as error:
            problems.append(
                _("document {id}'s source text is damaged ({error})").format(
                    id=document_id, error=error
                )
            )
    return problems, _documents(documents)


def _search_index_structure(connection: sqlite3.Connection) -> tuple[list[str], str]:
    """FTS5's own check of its index's structure (the index is contentless: FTS5 cannot
    compare it with the texts, which the next checks do)."""
    try:
        connection.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as error:
        if fault_kind(error) == "read-only":  # FTS5 runs its check as a write
            return [], _("skipped: the store is read-only")
        if fault_kind(error) != "damaged":
            raise
        return [_("FTS5 integrity-check: {error}").format(error=error)], _("its structure")
    return [], _("its structure")


def _search_index_contents(connection: sqlite3.Connection) -> tuple[list[str], str]:
    """The index holds, token by token, what the texts make: how often each token occurs and
    in how many rows (fts5vocab reads both from the index). A text indexed twice, not at
    all, or changed since, and an index row with no text, each change some token's counts;
    the rows behind a wrong token are then looked up and named."""
    connection.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.verify_search_vocab "
        "USING fts5vocab(main, search_fts, 'row')"
    )
    indexed = {
        term: (count, rows)
        for term, count, rows in connection.execute(
            "SELECT term, cnt, doc FROM temp.verify_search_vocab"
        )
    }
    occurrences: Counter[str] = Counter()
    in_rows: Counter[str] = Counter()
    texts = 0
    for chunk in _chunks(connection.execute("SELECT text FROM search_text ORDER BY id")):
        for made in bigram_tokens_of([text for (text,) in chunk]):
            split = made.split()
            occurrences.update(split)
            in_rows.update(set(split))
        texts += len(chunk)
    wrong = sorted(
        term
        for term in indexed.keys() | occurrences.keys()
        if indexed.get(term, (0, 0)) != (occurrences[term], in_rows[term])
    )
    problems = [
        _("{wrong:,} of {indexed:,} tokens are not indexed as the texts make them").format(
            wrong=len(wrong), indexed=len(indexed))
    ] if wrong else []  # fmt: skip
    texts_read = ngettext("{count:,} text", "{count:,} texts", texts).format(count=texts)
    return problems + _rows_behind(connection, set(wrong[:LOCATED_TOKENS])), texts_read


LOCATED_TOKENS = 200
"""Wrong tokens whose rows are looked up (each is a search of the index)."""


def _rows_behind(connection: sqlite3.Connection, wrong: set[str]) -> list[str]:
    """The rows behind wrong tokens: what the index holds for each against what its text
    makes, for those tokens."""
    if not wrong:
        return []
    in_index: dict[int, set[str]] = {}
    for term in wrong:
        for (row_id,) in connection.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (f'"{term}"',)
        ):
            in_index.setdefault(row_id, set()).add(term)
    in_texts: dict[int, set[str]] = {}
    for chunk in _chunks(connection.execute("SELECT id, text FROM search_text ORDER BY id")):
        made = bigram_tokens_of([text for _, text in chunk])
        for (row_id, _text), tokens in zip(chunk, made, strict=True):
            if found := wrong.intersection(tokens.split()):
                in_texts[row_id] = found
    problems = []
    for row_id in sorted(in_index.keys() | in_texts.keys()):
        indexed, made = in_index.get(row_id, set()), in_texts.get(row_id, set())
        if indexed == made:
            continue  # a row that merely shares a token with a wrong one
        if not connection.execute("SELECT 1 FROM search_text WHERE id = ?", (row_id,)).fetchone():
            problems.append(_("index row {id} has no search text").format(id=row_id))
            continue
        extra, missing = sorted(indexed - made), sorted(made - indexed)
        parts = [
            _("the index holds {count} tokens its text lacks ({sample})").format(
                count=len(extra), sample=_sample(extra)) if extra else "",
            _("lacks {count} its text makes ({sample})").format(
                count=len(missing), sample=_sample(missing)) if missing else "",
        ]  # fmt: skip
        problems.append(
            _("search text {id}: {parts}").format(id=row_id, parts=", ".join(p for p in parts if p))
        )
    return problems


def _sample(tokens: list[str]) -> str:
    return " ".join(tokens[:5]) + (" …" if len(tokens) > 5 else "")


def _chunks(cursor: sqlite3.Cursor, size: int = 5000) -> Iterator[list[tuple[object, ...]]]:
    while chunk := cursor.fetchmany(size):
        yield chunk


def _pages(count: int) -> str:
    return ngettext("{count:,} page", "{count:,} pages", count).format(count=count)


def _documents(count: int) -> str:
    return ngettext("{count:,} document", "{count:,} documents", count).format(count=count)
