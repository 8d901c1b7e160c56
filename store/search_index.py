"""The full-text index search_fts: FTS5 over the character bigrams of each search_text row
(store/search_tokens.py), under the same rowid. It is contentless: the text stays in
search_text, the index holds only the tokens, which jixiao writes alongside each row (the
import does so in its worker processes, which is where the tokens are cheap to make)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from jixiao.store.search_tokens import bigram_tokens_of

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', columnsize=0, tokenize='ascii')"
)
"""The tokens are already letters and digits, case-folded, split by spaces: the plain
ascii tokenizer splits them as written and is the cheapest; columnsize=0 because nothing
ranks hits by length."""


WRITING = (
    "INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 16)",
    "INSERT INTO search_fts(search_fts, rank) VALUES ('crisismerge', 64)",
    "INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 16777216)",
)
"""How FTS5 writes its index, kept in the index's own settings. It gathers new tokens in
memory and writes them out as a segment when the transaction ends or the memory is full,
then merges segments as they pile up. The defaults (1 MB of memory, merging 4 segments
at a time, 16 at most) made a segment every eight documents of a bulk import, and the
merging grew with the index: importing 500 documents into a store of 10,000 took 40% longer
than into an empty one. With 16 MB (a segment or two per transaction of 200 documents) and
merging 16 at a time, writing the index costs 1.0 ms a document instead of 1.6 ms at 3,000
documents, and stays flat as the store grows; searches stayed at 2-5 ms."""


def create_search_index(connection: Connection) -> None:
    connection.exec_driver_sql(CREATE)
    tune_search_index(connection.connection.driver_connection)  # type: ignore[arg-type]


def tune_search_index(driver: sqlite3.Connection) -> None:
    """Apply WRITING (in the caller's transaction, if any). Bulk imports do so too, for
    stores made before a setting was."""
    for statement in WRITING:
        driver.execute(statement)


def index_all(connection: Connection) -> int:
    """Index every row of search_text (a store upgraded from an older schema), a few
    thousand rows at a time so that memory stays flat. Returns how many rows."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    rows = cursor.execute("SELECT id, text FROM search_text ORDER BY id")
    count = 0
    while chunk := rows.fetchmany(5000):
        ids, texts = zip(*chunk, strict=True)
        connection.connection.driver_connection.executemany(  # type: ignore[union-attr]
            "INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)",
            zip(ids, bigram_tokens_of(texts), strict=True),
        )
        count += len(chunk)
    return count
