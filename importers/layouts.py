"""The registry of layouts, and the choice of one by the file's content (never its name).

A new layout is a new module with NAME, DESCRIPTION, sniff(text) -> 0..1 and
parse(source, report, overrides); add it to LAYOUTS.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from importers import tabbed
from importers.decode import DecodedText, decode_bytes, read_file
from importers.model import ParsedDocument, SourceInfo
from importers.report import ImportFault, ImportReport
from importers.template import Overrides

LAYOUTS: dict[str, ModuleType] = {module.NAME: module for module in (tabbed,)}

_SURE_ENOUGH = 0.6
"""A layout must recognise at least this share of its markers to be chosen unasked."""


def parse_text(
    decoded: DecodedText,
    filename: str,
    overrides: Overrides | None = None,
    layout: str | None = None,
) -> tuple[ParsedDocument, ImportReport]:
    overrides = overrides or Overrides()
    module = _choose(decoded.text, filename, layout)
    report = ImportReport(filename=filename, layout=module.NAME, encoding=decoded.encoding)
    source = SourceInfo(
        filename=Path(filename).name,
        sha256=decoded.sha256,
        format=module.NAME,
        encoding=decoded.encoding,
        text=decoded.text,
    )
    return module.parse(source, report, overrides), report


def parse_bytes(
    data: bytes, filename: str, overrides: Overrides | None = None, layout: str | None = None
) -> tuple[ParsedDocument, ImportReport]:
    return parse_text(decode_bytes(data, filename), filename, overrides, layout)


def parse_file(
    path: Path, overrides: Overrides | None = None, layout: str | None = None
) -> tuple[ParsedDocument, ImportReport]:
    return parse_text(read_file(path), str(path), overrides, layout)


def _choose(text: str, filename: str, layout: str | None) -> ModuleType:
    if layout is not None:
        if layout not in LAYOUTS:
            raise ImportFault(
                filename, None, f"unknown layout '{layout}'; known layouts: {', '.join(LAYOUTS)}"
            )
        return LAYOUTS[layout]
    scores = sorted(((module.sniff(text), name) for name, module in LAYOUTS.items()), reverse=True)
    best_score, best = scores[0]
    if best_score < _SURE_ENOUGH:
        known = "; ".join(f"{name} ({module.DESCRIPTION})" for name, module in LAYOUTS.items())
        raise ImportFault(
            filename,
            None,
            "unknown layout: no project table rows (项目编码, "
            f"预算规模及资金用途, 一级指标…) were recognised. Known layouts: {known}",
        )
    return LAYOUTS[best]
