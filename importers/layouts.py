"""The registry of layouts, and the choice of one by the file's content (never its name).

Two kinds, each a module with NAME and DESCRIPTION:
- a text layout (a dump): sniff(text) -> 0..1 and parse(source, report, overrides);
- a file format (PDF, .docx): recognises(data) -> bool and render(data, filename) -> the
  document as a tab-separated dump, which the tab-separated layout then reads (or the
  format's own parse(source, report, overrides), where it has one: a workbook's sheets
  are not pages).
Add a new one to TEXT_LAYOUTS or FILE_FORMATS.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType

from jixiao.i18n import _
from jixiao.importers import (
    cells,
    convert,
    delimited,
    odt,
    pdf,
    province,
    sheet,
    spaced,
    tabbed,
    word,
)
from jixiao.importers.controls import warn_controls
from jixiao.importers.decode import DecodedText, decode_bytes, read_bytes
from jixiao.importers.model import ParsedDocument, SourceInfo
from jixiao.importers.refusals import columns_refusal, contents_refusal, not_targets_refusal
from jixiao.importers.report import ImportFault, ImportReport
from jixiao.importers.template import Overrides

# Order matters on a tie of sniff scores: the layout listed first wins (see _choose).
TEXT_LAYOUTS: tuple[ModuleType, ...] = (delimited, tabbed, spaced, cells, province)
FILE_FORMATS: tuple[ModuleType, ...] = (pdf, word, sheet, odt, convert)
LAYOUTS: dict[str, ModuleType] = {module.NAME: module for module in (*TEXT_LAYOUTS, *FILE_FORMATS)}
RENDERED_FORMATS = frozenset(module.NAME for module in FILE_FORMATS)
"""Readers whose stored source is jixiao's text rendering of the file (line numbers point
into it), not the file's own text."""

_SURE_ENOUGH = 0.6
"""A layout must recognise at least this share of its markers to be chosen unasked."""


def parse_text(
    decoded: DecodedText,
    filename: str,
    overrides: Overrides | None = None,
    layout: str | None = None,
) -> tuple[ParsedDocument, ImportReport]:
    module = _choose(decoded.text, filename, layout)
    return _parse(decoded, filename, overrides, module, module)


def parse_bytes(
    data: bytes, filename: str, overrides: Overrides | None = None, layout: str | None = None
) -> tuple[ParsedDocument, ImportReport]:
    file_format = _file_format(data, filename, layout)
    if file_format is None:
        return parse_text(decode_bytes(data, filename), filename, overrides, layout)
    # A format may also say what it was not sure of in rendering: (line, message) warnings.
    render_with_notes = getattr(file_format, "render_with_notes", None)
    text, notes = (
        render_with_notes(data, filename)
        if render_with_notes is not None
        else (file_format.render(data, filename), [])
    )
    rendering = DecodedText(
        text=text,
        encoding=file_format.ENCODING,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    text_layout = file_format if hasattr(file_format, "parse") else tabbed
    document, report = _parse(rendering, filename, overrides, file_format, text_layout)
    for line, message in notes:
        report.warn(line, message)
    return document, report


def parse_file(
    path: Path, overrides: Overrides | None = None, layout: str | None = None
) -> tuple[ParsedDocument, ImportReport]:
    return parse_bytes(read_bytes(path), str(path), overrides, layout)


def _parse(
    decoded: DecodedText,
    filename: str,
    overrides: Overrides | None,
    reader: ModuleType,
    text_layout: ModuleType,
) -> tuple[ParsedDocument, ImportReport]:
    """`reader` names what read the file (the layout, or the file format that rendered it
    as a dump); `text_layout` parses the text."""
    report = ImportReport(filename=filename, layout=reader.NAME, encoding=decoded.encoding)
    source = SourceInfo(
        filename=Path(filename).name,
        sha256=decoded.sha256,
        format=reader.NAME,
        encoding=decoded.encoding,
        text=decoded.text,
    )
    document = text_layout.parse(source, report, overrides or Overrides())
    # Control characters are stored as written and shown escaped; the report says where.
    warn_controls(report, decoded.text)
    return document, report


def _file_format(data: bytes, filename: str, layout: str | None) -> ModuleType | None:
    if layout is not None:
        module = _known(layout, filename)
        return module if module in FILE_FORMATS else None
    return next((module for module in FILE_FORMATS if module.recognises(data)), None)


def _known(layout: str, filename: str) -> ModuleType:
    if layout not in LAYOUTS:
        raise ImportFault(
            filename,
            None,
            _("unknown layout '{layout}'; known layouts: {known}").format(
                layout=layout, known=", ".join(LAYOUTS)
            ),
        )
    return LAYOUTS[layout]


def _choose(text: str, filename: str, layout: str | None) -> ModuleType:
    if layout is not None:
        module = _known(layout, filename)
        if module in FILE_FORMATS:
            message = _("this is a text file, not a {format}").format(format=_(module.DESCRIPTION))
            raise ImportFault(filename, None, message)
        return module
    refused = columns_refusal(text) or not_targets_refusal(text)
    if refused is not None:
        raise ImportFault(filename, None, refused)
    # The best score wins; on a tie, the layout listed first in TEXT_LAYOUTS. That puts
    # `csv` before `tabbed`: a tab-separated text with quoted cells scores the same for
    # both, and csv claims one only when the text proves its quoting (a quoted cell that
    # holds a line break, a tab or a doubled quote, and the whole text parses as CSV),
    # so a plain dump, even one with a cell starting with ", stays with tabbed.
    best_score, best = 0.0, TEXT_LAYOUTS[0].NAME
    for module in TEXT_LAYOUTS:
        score = module.sniff(text)
        if score > best_score:
            best_score, best = score, module.NAME
        if best_score >= 1.0:  # a share: the layouts listed after cannot beat it
            break
    if best_score < _SURE_ENOUGH:
        refused = contents_refusal(text)
        if refused is not None:
            raise ImportFault(filename, None, refused)
        known = _("; ").join(
            _("{name} ({description})").format(name=name, description=_(module.DESCRIPTION))
            for name, module in LAYOUTS.items()
        )
        raise ImportFault(
            filename,
            None,
            _(
                "unknown layout: no project table rows (项目编码, 预算规模及资金用途, 一级指标…) "
                "were recognised. Known layouts: {known}"
            ).format(known=known),
        )
    return LAYOUTS[best]
