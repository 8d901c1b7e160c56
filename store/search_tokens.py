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
from collections.abc import Sequence
from operator import add

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")  # \w is str.isalnum() and the underscore
_SPACE = " ".encode("utf-32-le")
_PUNCTUATION = re.compile(
    r"[\s!-/:-@\[-`{-~\u00b7\u00d7\u00f7\u2000-\u206f\u2190-\u22ff\u2500-\u257f"
    r"\u3000-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    r"\uff5b-\uff65]+"
)
"""Spaces and the punctuation of Chinese and Western text: none is a letter or digit, nor
becomes one under NFKC, nor combines with a neighbour into one (tests/test_search.py checks
each), so dropping them before NFKC gives the same letters and digits as dropping them after.
The one difference: a combining accent right after a punctuation mark, which no document
has, joins the letter before the mark instead of being dropped; queries are normalised the
same way, so they still find it."""


def normalized(text: str) -> str:
    return _NOT_LETTER_OR_DIGIT.sub("", _folded(text))


def _folded(text: str) -> str:
    # Punctuation and spaces go first: the full-width ones (，：（）％) would otherwise make
    # NFKC rework the whole text (1.4 of the 2.0 ms a document's tokens took to make).
    return unicodedata.normalize("NFKC", _PUNCTUATION.sub("", text)).casefold()


def bigram_tokens(text: str) -> str:
    """ "项目经费" → "项目 目经 经费 费"."""
    return bigram_tokens_of([text])[0]


def bigram_tokens_of(texts: Sequence[str]) -> list[str]:
    """bigram_tokens of each text, made for all of them at once: a document's few hundred
    texts are normalised as one string (NUL between them) and their tokens laid out by
    slicing bytes, not pair by pair in Python (with _folded: 0.7 ms a document, was 2.0)."""
    folded = _folded("\x00".join(texts)).split("\x00")
    if len(folded) != len(texts):  # a text held a NUL of its own
        return [_one_by_one(text) for text in texts]
    kept = [
        chars if chars.isalnum() or not chars else _NOT_LETTER_OR_DIGIT.sub("", chars)
        for chars in folded
    ]
    joined = "\x00".join(kept)
    if not joined:
        return kept
    # Every character c, followed by n (the next one, or a space at the very end), becomes
    # the three characters "cn " of `laid_out`; a text's tokens are then its characters'
    # triples, less the last one's NUL and space.
    chars = joined.encode("utf-32-le")
    following = chars[4:] + _SPACE
    laid_out = bytearray(_SPACE * (3 * len(joined)))
    for byte in range(4):
        laid_out[byte::12] = chars[byte::4]
        laid_out[4 + byte :: 12] = following[byte::4]
    triples = laid_out.decode("utf-32-le")
    tokens, start = [], 0
    for length in map(len, kept):
        tokens.append(triples[3 * start : 3 * (start + length) - 2] if length else "")
        start += length + 1
    return tokens


def _one_by_one(text: str) -> str:
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
