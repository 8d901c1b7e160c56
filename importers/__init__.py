"""File → ParsedDocument + ImportReport. Pure Python: imports neither store nor tui.

Names load when first used (importers/lazy.py): a command that only needs `controls.visible`
or the model does not pay for every reader."""

from __future__ import annotations

from jixiao.importers.lazy import lazy_names

LAYOUT_NAMES = ("csv", "tabbed", "spaced", "cells", "province", "pdf", "docx", "xlsx", "odt", "doc")
"""The names of LAYOUTS, known without loading a reader: a bulk import's main process,
which only writes, loads none (tests/test_formats.py holds the two equal)."""

__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "LAYOUTS": ("layouts", "LAYOUTS"),
        "RENDERED_FORMATS": ("layouts", "RENDERED_FORMATS"),
        "parse_bytes": ("layouts", "parse_bytes"),
        "parse_file": ("layouts", "parse_file"),
        "parse_text": ("layouts", "parse_text"),
        "ParsedDocument": ("model", "ParsedDocument"),
        "ImportFault": ("report", "ImportFault"),
        "ImportReport": ("report", "ImportReport"),
        "Note": ("report", "Note"),
        "Overrides": ("model", "Overrides"),
    },
)
