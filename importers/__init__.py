"""File → ParsedDocument + ImportReport. Pure Python: imports neither store nor tui."""

from __future__ import annotations

from jixiao.importers.layouts import LAYOUTS, RENDERED_FORMATS, parse_bytes, parse_file, parse_text
from jixiao.importers.model import ParsedDocument
from jixiao.importers.report import ImportFault, ImportReport, Note
from jixiao.importers.template import Overrides

__all__ = [
    "LAYOUTS",
    "RENDERED_FORMATS",
    "ImportFault",
    "ImportReport",
    "Note",
    "Overrides",
    "ParsedDocument",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
