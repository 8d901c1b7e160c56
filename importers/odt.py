"""OpenDocument text (.odt, as LibreOffice Writer and WPS save it): the body's paragraphs,
headings and tables, in order, read straight from the file's `content.xml` and rendered as a
tab-separated dump (a paragraph a line; a table row a line, cells split by tabs), which the
tab-separated layout then reads, as for a .docx (importers/word.py).

Merged cells keep the grid: ODF writes a `table:covered-table-cell` for every position a
merged cell covers, across (after a cell with `table:number-columns-spanned`) and down (in
the rows under one with `table:number-rows-spanned`); each becomes an empty cell. Where a
writer left the covered cells out, a span still keeps the grid. No office suite is needed.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from io import BytesIO
from typing import TYPE_CHECKING

from jixiao.i18n import N_, _
from jixiao.importers.report import ImportFault
from jixiao.importers.text import one_line

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

NAME = "odt"
DESCRIPTION = N_("OpenDocument text (.odt): paragraphs and tables read from the document")
ENCODING = "odt"
"""What the import report gives as the encoding: the text comes out of the file's XML."""

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_T = f"{{{_TEXT_NS}}}"
_TB = f"{{{_TABLE_NS}}}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

_ODF = b"application/vnd.oasis.opendocument."
_TEXT_TYPES = ("text", "text-template", "text-master")
_OTHER_TYPES = {
    "spreadsheet": N_("an OpenDocument spreadsheet (.ods)"),
    "spreadsheet-template": N_("an OpenDocument spreadsheet template (.ots)"),
    "presentation": N_("an OpenDocument presentation (.odp)"),
    "presentation-template": N_("an OpenDocument presentation template (.otp)"),
    "graphics": N_("an OpenDocument drawing (.odg)"),
    "formula": N_("an OpenDocument formula (.odf)"),
    "chart": N_("an OpenDocument chart (.odc)"),
    "database": N_("an OpenDocument database (.odb)"),
}

_PARAGRAPHS = frozenset({f"{_T}p", f"{_T}h"})
_TABLE = f"{_TB}table"
_ROW = f"{_TB}table-row"
_CELL = f"{_TB}table-cell"
_COVERED = f"{_TB}covered-table-cell"
_ROW_GROUPS = frozenset({f"{_TB}table-header-rows", f"{_TB}table-rows", f"{_TB}table-row-group"})
_SKIPPED = frozenset(
    {
        # Declarations, and the deleted text of tracked changes: not the document's text.
        f"{_T}sequence-decls",
        f"{_T}variable-decls",
        f"{_T}user-field-decls",
        f"{_T}tracked-changes",
        f"{{{_OFFICE_NS}}}forms",
        # An index's template, not its entries (those are in text:index-body).
        f"{_T}table-of-content-source",
        f"{_T}alphabetical-index-source",
        f"{_T}illustration-index-source",
        f"{_T}table-index-source",
        f"{_T}user-index-source",
        f"{_T}object-index-source",
        f"{_T}bibliography-source",
    }
)
_INLINE_SKIPPED = frozenset(
    {
        f"{_T}note",  # a footnote's text lives at the foot of the page, not in the line
        f"{{{_OFFICE_NS}}}annotation",  # a comment
        f"{_T}soft-page-break",
        f"{_T}bookmark-ref",
        # Frames (text boxes, images with captions) and shapes float beside the line, and
        # python-docx leaves a .docx's out of a paragraph's text as well.
        f"{_DRAW}frame",
        f"{_DRAW}custom-shape",
        f"{_DRAW}rect",
        f"{_DRAW}g",
    }
)
_MAX_REPEAT = 1024
"""A cap on `number-columns-repeated` and `number-rows-repeated` (a spreadsheet-like file
repeats an empty cell to the end of the sheet)."""


def recognises(data: bytes) -> bool:
    """Any OpenDocument package: `render` reads a text and names the other kinds."""
    return _media_type(data) is not None


def render(data: bytes, filename: str) -> str:
    from xml.etree.ElementTree import ParseError, fromstring

    kind = _media_type(data)
    if kind is None:
        raise ImportFault(
            filename, None, _("not an OpenDocument file (a ZIP archive with its mimetype first)")
        )
    if kind not in _TEXT_TYPES:
        what = (
            _(_OTHER_TYPES[kind])
            if kind in _OTHER_TYPES
            else _("an OpenDocument file of type '{kind}'").format(kind=kind)
        )
        raise ImportFault(
            filename,
            None,
            _(
                "this is {what}, not an OpenDocument text (.odt); jixiao reads the document "
                "itself: import the .odt, .docx or PDF of it"
            ).format(what=what),
        )
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            content = archive.read("content.xml")
        root = fromstring(content)
    except (
        zipfile.BadZipFile, KeyError, OSError, EOFError, ParseError, zlib.error,
        UnicodeDecodeError, NotImplementedError, ValueError, RuntimeError,
    ) as error:  # fmt: skip
        # zipfile's errors on a damaged archive: bad deflate data (zlib), a name not UTF-8,
        # a method or flag it does not know (NotImplementedError, RuntimeError: encrypted)
        raise ImportFault(
            filename,
            None,
            _("cannot read this .odt ({error}); is it damaged or cut short?").format(error=error),
        ) from None
    body = root.find(f"{{{_OFFICE_NS}}}body/{{{_OFFICE_NS}}}text")
    if body is None:
        raise ImportFault(filename, None, _("cannot read this .odt: content.xml has no text body"))
    lines: list[str] = []
    _block(body, lines)
    if not any(line.strip() for line in lines):
        raise ImportFault(filename, None, _("the .odt has no text in its body"))
    return "\n".join(lines) + "\n"


def _media_type(data: bytes) -> str | None:
    """The part of the package's media type after `…opendocument.`, or None when this is no
    OpenDocument package. ODF stores `mimetype` first and uncompressed, so it is read from
    the first bytes, which a file cut short still has; a writer that did not may still
    list it in the archive."""
    if not data.startswith(b"PK\x03\x04") or len(data) < 30:
        return None
    # The first local header: method, sizes, name and extra lengths, then the name and data.
    method, size, name_length, extra_length = struct.unpack_from("<H8xI4xHH", data, 8)
    start = 30 + name_length + extra_length
    if method == 0 and data[30 : 30 + name_length] == b"mimetype":
        media = data[start : start + min(size, 128)]
        if media.startswith(_ODF):
            return media[len(_ODF) :].decode("ascii", "replace").strip()
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            media = archive.read("mimetype") if "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError, NotImplementedError,
            ValueError, RuntimeError, zlib.error):  # fmt: skip
        return None
    if not media.startswith(_ODF):
        return None
    return media[len(_ODF) :].decode("ascii", "replace").strip()


def _block(element: Element, lines: list[str]) -> None:
    """The paragraphs and tables under a body-level element, in order: sections, lists and
    indexes are gone into for what they hold."""
    for child in element:
        tag = child.tag
        if tag in _PARAGRAPHS:
            lines.append(one_line(_text(child)))
        elif tag == _TABLE:
            lines += ["\t".join(cells) for cells in _table(child)]
        elif tag not in _SKIPPED:
            _block(child, lines)  # text:section, text:list(-item), text:index-body, …


def _table(table: Element) -> list[list[str]]:
    rows: list[list[str]] = []
    spans_down: dict[int, int] = {}
    for row in _rows(table):
        cells = _row(row, spans_down)
        repeat = min(_count(row, "number-rows-repeated"), _MAX_REPEAT)
        # Repeated empty rows (a spreadsheet's habit) are one blank line: nothing to read.
        rows += [cells] * (repeat if any(cells) else 1)
    return rows


def _rows(element: Element) -> list[Element]:
    found: list[Element] = []
    for child in element:
        if child.tag == _ROW:
            found.append(child)
        elif child.tag in _ROW_GROUPS:
            found += _rows(child)
    return found


def _row(row: Element, spans_down: dict[int, int]) -> list[str]:
    """`spans_down`: column → how many rows below a cell above still covers. ODF writes a
    covered cell for each; a row that has none at all gets empty cells there anyway."""
    from_above = dict(spans_down)
    fill_down = not any(cell.tag == _COVERED for cell in row)
    cells: list[str] = []
    owed = 0
    """Empty cells already written for the columns a spanning cell covers, which the
    covered cells after it then stand for."""
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = min(_count(cell, "number-columns-repeated"), _MAX_REPEAT)
        if cell.tag == _COVERED:
            taken = min(owed, repeat)
            owed -= taken
            cells += [""] * (repeat - taken)
            continue
        while fill_down and from_above.get(len(cells), 0) > 0:
            cells.append("")
        text = " ".join(one_line(_text(p)) for p in _paragraphs(cell)).strip()
        across = _count(cell, "number-columns-spanned")
        down = _count(cell, "number-rows-spanned")
        for _copy in range(repeat):
            if down > 1:
                columns = range(len(cells), len(cells) + across)
                spans_down.update(dict.fromkeys(columns, down - 1))
            cells.append(text)
            cells += [""] * (across - 1)
        owed = across - 1
    while fill_down and from_above.get(len(cells), 0) > 0:
        cells.append("")
    for column in from_above:
        spans_down[column] -= 1
        if spans_down[column] <= 0:
            del spans_down[column]
    return cells


def _paragraphs(cell: Element) -> list[Element]:
    """A cell's paragraphs, also those inside lists, sections and nested tables."""
    found: list[Element] = []
    for child in cell:
        if child.tag in _PARAGRAPHS:
            found.append(child)
        elif child.tag not in _SKIPPED:
            found += _paragraphs(child)
    return found


def _text(paragraph: Element) -> str:
    parts: list[str] = [paragraph.text or ""]
    for child in paragraph:
        tag = child.tag
        if tag == f"{_T}s":
            parts.append(" " * _count(child, "c", _TEXT_NS))
        elif tag == f"{_T}tab":
            parts.append("\t")
        elif tag == f"{_T}line-break":
            parts.append("\n")
        elif tag not in _INLINE_SKIPPED:
            parts.append(_text(child))  # text:span, text:a, fields: their text
        parts.append(child.tail or "")
    return "".join(parts)


def _count(element: Element, attribute: str, namespace: str = _TABLE_NS) -> int:
    value = element.get(f"{{{namespace}}}{attribute}", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1
