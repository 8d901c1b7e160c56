"""The full-text index search_fts: FTS5 over the character bigrams of each search_text row
(store/search_tokens.py), under the same rowid. It is contentless: the text stays in
search_text, the index holds only the tokens, which jixiao writes alongside each row (the
import does so in its worker processes, which is where the tokens are cheap to make)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from store.search_tokens import bigram_tokens_of

CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', columnsize=0, tokenize='ascii')"
)
"""The tokens are already letters and digits, case-folded, split by spaces: the plain
ascii tokenizer splits them as written and is the cheapest; columnsize=0 because nothing
ranks hits by length."""


MERGING = (
    "INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 16)",
    "INSERT INTO search_fts(search_fts, rank) VALUES ('crisismerge', 64)",
)
"""FTS5 merges its index segments as it grows; with the defaults (4 and 16) the merging
grows with the index, and importing 500 documents into a store of 10,000 took 40% longer
than into an empty one. Merging less often (more, larger segments per level) brought it back
to the empty store's rate; searches stayed at 2-4 ms."""


def create_search_index(connection: Connection) -> None:
    connection.exec_driver_sql(CREATE)
    for statement in MERGING:
        connection.exec_driver_sql(statement)


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
