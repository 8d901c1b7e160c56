"""What the search index holds for a piece of text, and how a query is put to it.

The index is FTS5 over character bigrams that jixiao writes itself: the text is normalised
(NFKC, case-folded, letters and digits only) and every position gives the two characters
starting there; the last character also stands alone. So a query of two characters is one
token, a longer one is a phrase of consecutive bigrams, and one character is a prefix. That
answers every length from the index, which SQLite's own trigram tokenizer cannot do for
queries under three characters. Pure: no database access.
"""

from __future__ import annotations

import re
import unicodedata
from operator import add

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")  # \w is str.isalnum() and the underscore


def normalized(text: str) -> str:
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKC", text).casefold())


def bigram_tokens(text: str) -> str:
    """ "项目经费" → "项目 目经 经费 费"."""
    chars = normalized(text)
    # Pairs each character with the next, the last with a space: "经费 " is the token "费".
    return " ".join(map(add, chars, chars[1:] + " ")).rstrip()


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a query; None when it has no letter or digit (the
    caller then scans the text itself)."""
    chars = normalized(query)
    if not chars:
        return None
    if len(chars) == 1:
        return f'"{chars}"*'
    return '"' + " ".join(map(add, chars, chars[1:])) + '"'


def needs_text_check(query: str) -> bool:
    """True when the index alone cannot decide: the query holds characters the index
    leaves out (spaces, punctuation), so each candidate is checked against its text."""
    text = unicodedata.normalize("NFKC", query).casefold()
    return normalized(text) != text
