"""Word .docx files: the body's paragraphs and tables, in order, rendered as a
tab-separated dump (a paragraph a line; a table row a line, cells split by tabs) and read
as one.

Merged cells keep the grid: a cell spanning three columns is followed by two empty cells,
and the lower parts of a vertically merged cell are empty, as in the dumps of the PDF. The
rendering is what the store keeps as the document's source, so line numbers refer to it.
Page headers and footers live outside the body and are not read.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from jixiao.i18n import N_, _
from jixiao.importers.report import ImportFault
from jixiao.importers.text import one_line

NAME = "docx"
DESCRIPTION = N_("Word .docx file: paragraphs and tables read from the document")
ENCODING = "docx"
"""What the import report gives as the encoding: the text comes out of the file's XML."""

_ZIP = b"PK\x03\x04"
_BODY = "word/document.xml"


def recognises(data: bytes) -> bool:
    if not data.startswith(_ZIP):
        return False
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return _BODY in archive.namelist()
    except (zipfile.BadZipFile, UnicodeDecodeError, NotImplementedError):
        return False  # damaged (a name's bytes too): the refusal says so


def render(data: bytes, filename: str) -> str:
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    if not recognises(data):
        message = _("not a Word .docx file (a ZIP archive holding {body})").format(body=_BODY)
        raise ImportFault(filename, None, message)
    try:
        document = docx.Document(BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a damaged package
        message = _("cannot read this .docx: {error}").format(error=error)
        raise ImportFault(filename, None, message) from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(one_line(Paragraph(child, document).text))
        elif child.tag == qn("w:tbl"):
            lines += [_row(row, document, Paragraph) for row in child.tr_lst]
    if not any(line.strip() for line in lines):
        raise ImportFault(filename, None, _("the .docx has no text in its body"))
    return "\n".join(lines) + "\n"


def _row(row: Any, document: Any, paragraph: Any) -> str:
    cells = [""] * row.grid_before
    for cell in row.tc_lst:
        merged_from_above = cell.vMerge == "continue"
        text = " ".join(one_line(paragraph(p, document).text) for p in cell.p_lst)
        cells.append("" if merged_from_above else text.strip())
        cells += [""] * (cell.grid_span - 1)
    return "\t".join(cells)
