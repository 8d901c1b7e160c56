"""A document as the store gives it back: the parsed document with its revision, import time
and import notes. Plain data, so that the analysis (checks, compare) and the renderings take
it without depending on the database."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.importers.model import ParsedDocument
from jixiao.importers.report import Note


@dataclass
class StoredDocument:
    id: int
    revision: int
    imported_at: str
    parsed: ParsedDocument
    notes: list[Note]
