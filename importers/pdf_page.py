"""A PDF page as the reader needs it, read with pypdfium2 (PDFium, in C): every character
drawn, with its box, in the order the page draws them, and the ruling lines as edges — the
dicts pdfplumber gives (`text`, `x0`, `x1`, `top`, `bottom`, …; `orientation` for an edge),
so that pdfplumber's table finder and text-line grouping work on them as on its own.

pdfplumber reads a page through pdfminer, in Python: ten times slower than PDFium for the
same characters. PDFium's text page is built for selecting text, not for measuring it, so
it is read with care:

- It leaves out a text object whose glyphs have no ink: the space a writer draws on its
  own at a line's end (LibreOffice does: what tells the reader that a line was broken at a
  space). Such an object is read here from the page's objects: a space of the font's width
  at the object's place.
- It inserts spaces and line breaks of its own where it sees gaps ("generated"): left out.
- It orders a line's text objects by x: the characters are put back in the order the page
  draws them, object by object (what `trailing_spaces` reads).
- Its boxes are the glyphs' ink; a character's box here is pdfminer's: from the origin, the
  advance wide and the font size high, standing on the font's descent. Where the font's
  descriptor gives no descent (LibreOffice writes 0) PDFium takes the font file's, and
  pdfminer 0: the box stands a point or two lower than pdfplumber's. PDFium keeps a CID
  font's widths in whole thousandths of an em (reportlab writes fractions): along a line a
  character drifts from where pdfminer puts it, by up to 0.2 points in the sample drawn by
  reportlab (none in LibreOffice's PDFs, whose widths are whole).
- It leaves out a character drawn twice at one place (a bold made by overprinting), and a
  second space in a row: pdfminer keeps both.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple

from jixiao.i18n import _

Char = dict[str, Any]
Edge = dict[str, Any]
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Style(NamedTuple):
    """What a text object's characters share."""

    matrix: tuple[float, float, float, float]
    """The text's scale, rotation and skew on the page (without its place)."""
    font_size: float
    descent: float
    """The font's descent at size 1 (below the baseline: negative)."""
    upright: bool
    """pdfminer's test: not turned by a quarter or more, not mirrored."""


@dataclass
class PdfPage:
    """One page: its size, characters and ruling lines, top-left origin as pdfplumber's."""

    width: float
    height: float
    chars: list[Char]
    """Every character drawn, in the order the page draws them."""
    edges: list[Edge]
    """The ruling lines: each drawn line, each side of a drawn rectangle, each segment of
    another path (pdfplumber's `page.edges`)."""

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def find_tables(self) -> list[Any]:
        """pdfplumber's ruled tables of the page (its default settings: by the lines)."""
        from jixiao.importers.pdf_tables import find_tables

        return find_tables(self)

    def within(self, bbox: tuple[float, float, float, float]) -> list[Char]:
        """The chars wholly inside `bbox` (pdfplumber's `within_bbox`)."""
        x0, top, x1, bottom = bbox
        return [
            c
            for c in self.chars
            if c["x0"] >= x0 and c["top"] >= top and c["x1"] <= x1 and c["bottom"] <= bottom
        ]

    def text_lines(self, chars: list[Char]) -> list[dict[str, Any]]:
        """`chars` as pdfplumber's text lines (`extract_text_lines`: words joined by a space,
        lines top to bottom; each with its `text` and `top`)."""
        from pdfplumber.utils.text import chars_to_textmap

        return chars_to_textmap(chars, layout_bbox=self.bbox).extract_text_lines()


def read_page(document: Any, index: int) -> PdfPage:
    """Page `index` (from 0) of a pypdfium2 PdfDocument."""
    import pypdfium2.raw as pdfium

    page = pdfium.FPDF_LoadPage(document.raw, index)
    if not page:
        raise ValueError(_("PDFium cannot load page {number}").format(number=index + 1))
    try:
        box = pdfium.FS_RECTF()
        if not pdfium.FPDF_GetPageBoundingBox(page, box):
            raise ValueError(_("page {number} has no size").format(number=index + 1))
        text_page = pdfium.FPDFText_LoadPage(page)
        if not text_page:
            raise ValueError(
                _("PDFium cannot read the text of page {number}").format(number=index + 1)
            )
        try:
            reader = _PageObjects(pdfium, text_page, box.left, box.top)
            reader.read(page)
        finally:
            pdfium.FPDFText_ClosePage(text_page)
    finally:
        pdfium.FPDF_ClosePage(page)
    return PdfPage(box.right - box.left, box.top - box.bottom, reader.chars, reader.edges)


def _address(handle: Any) -> int:
    """What tells PDFium's objects apart: the address a handle points to (a NULL handle
    is never asked)."""
    return ctypes.addressof(handle.contents)


def _times(first: _Matrix, then: _Matrix) -> _Matrix:
    """`first` followed by `then` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


class _PageObjects:
    """Walks a page's objects in drawing order (into form XObjects), collecting the
    characters of each text object and the edges of each path."""

    def __init__(self, pdfium: Any, text_page: Any, left: float, top: float) -> None:
        self._pdfium = pdfium
        self._text_page = text_page
        self._left = left
        self._top = top
        self.chars: list[Char] = []
        self.edges: list[Edge] = []
        self._by_object = self._text_page_chars()
        self._unicode = self._page_text()
        self._fonts: dict[int, tuple[float, dict[int, float]]] = {}
        self._matrix = pdfium.FS_MATRIX()
        self._point = (ctypes.c_double(), ctypes.c_double())
        self._float = ctypes.c_float()

    def _text_page_chars(self) -> dict[int, list[int]]:
        """The text page's characters (not the ones it made up) by their text object."""
        pdfium, text_page = self._pdfium, self._text_page
        by_object: dict[int, list[int]] = {}
        for index in range(pdfium.FPDFText_CountChars(text_page)):
            if pdfium.FPDFText_IsGenerated(text_page, index):
                continue
            owner = pdfium.FPDFText_GetTextObject(text_page, index)
            if owner:
                by_object.setdefault(_address(owner), []).append(index)
        return by_object

    def _page_text(self) -> str:
        """The text page's characters, one a character (read at once: a call a character
        costs more than the rest of reading it); "" where a character outside Unicode's
        first plane (two UTF-16 units) breaks that."""
        pdfium, text_page = self._pdfium, self._text_page
        count = pdfium.FPDFText_CountChars(text_page)
        buffer = (ctypes.c_ushort * (count + 1))()
        written = pdfium.FPDFText_GetText(text_page, 0, count, buffer)
        text = bytes(buffer)[: max(written - 1, 0) * 2].decode("utf-16-le", "surrogatepass")
        return text if len(text) == count else ""

    def read(self, page: Any) -> None:
        pdfium = self._pdfium
        for position in range(pdfium.FPDFPage_CountObjects(page)):
            self._object(pdfium.FPDFPage_GetObject(page, position), _IDENTITY)

    def _object(self, handle: Any, form: _Matrix) -> None:
        pdfium = self._pdfium
        kind = pdfium.FPDFPageObj_GetType(handle)
        if kind == pdfium.FPDF_PAGEOBJ_TEXT:
            self._text(handle, form)
        elif kind == pdfium.FPDF_PAGEOBJ_PATH:
            self._path(handle, form)
        elif kind == pdfium.FPDF_PAGEOBJ_FORM:
            inner = _times(self._object_matrix(handle), form)
            for position in range(pdfium.FPDFFormObj_CountObjects(handle)):
                self._object(pdfium.FPDFFormObj_GetObject(handle, position), inner)

    def _object_matrix(self, handle: Any) -> _Matrix:
        m = self._matrix
        if not self._pdfium.FPDFPageObj_GetMatrix(handle, m):
            return _IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _text(self, handle: Any, form: _Matrix) -> None:
        pdfium = self._pdfium
        a, b, c, d, e, f = _times(self._object_matrix(handle), form)
        pdfium.FPDFTextObj_GetFontSize(handle, self._float)
        font_size = self._float.value
        font = pdfium.FPDFTextObj_GetFont(handle)
        descent, widths = self._font(font)
        style = _Style((a, b, c, d), font_size, descent, a * d > 0 and b * c <= 0)
        indices = self._by_object.get(_address(handle))
        if indices is None:
            # No character of it on the text page: a space drawn alone (it has no ink).
            self._char(" ", e, f, self._width(font, widths, " ") * font_size, style)
            return
        x, y = self._point
        text_page = self._text_page
        unicode = self._unicode
        for index in indices:
            text = unicode[index] if unicode else chr(pdfium.FPDFText_GetUnicode(text_page, index))
            if text == "\x02" and pdfium.FPDFText_IsHyphen(text_page, index):
                text = "-"  # the text page writes a hyphen at a line's end as U+0002
            pdfium.FPDFText_GetCharOrigin(text_page, index, x, y)
            advance = self._width(font, widths, text) * font_size
            self._char(text, x.value, y.value, advance, style)

    def _char(self, text: str, x: float, y: float, advance: float, style: _Style) -> None:
        """pdfminer's box of a character: from its origin (`x`, `y` on the page) `advance`
        wide (in text space), the font size high, standing on the font's descent."""
        a, b, c, d = style.matrix
        size = style.font_size
        if b == 0 and c == 0 and a > 0 and d > 0:
            bottom = self._top - (y + style.descent * size * d)
            top = bottom - size * abs(d)
            x0 = x - self._left
            x1 = x0 + advance * a
        else:  # turned or skewed: the box around the turned box
            foot_x = x + style.descent * size * c
            foot_y = y + style.descent * size * d
            xs = (0.0, advance * a, size * c, advance * a + size * c)
            ys = (0.0, advance * b, size * d, advance * b + size * d)
            x0, x1 = foot_x + min(xs) - self._left, foot_x + max(xs) - self._left
            top, bottom = self._top - (foot_y + max(ys)), self._top - (foot_y + min(ys))
        self.chars.append(
            {
                "text": text,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": x1 - x0,
                "height": bottom - top,
                "size": bottom - top,
                "upright": style.upright,
                "object_type": "char",
            }
        )

    def _font(self, font: Any) -> tuple[float, dict[int, float]]:
        """The font's descent per point of size, and its cache of widths per size 1."""
        key = _address(font)
        known = self._fonts.get(key)
        if known is None:
            self._pdfium.FPDFFont_GetDescent(font, 1000.0, self._float)
            known = (self._float.value / 1000.0, {})
            self._fonts[key] = known
        return known

    def _width(self, font: Any, widths: dict[int, float], text: str) -> float:
        """The advance of `text`'s glyph at size 1 (PDFium finds the glyph by the text)."""
        code = ord(text)
        width = widths.get(code)
        if width is None:
            self._pdfium.FPDFFont_GetGlyphWidth(font, code, 1000.0, self._float)
            width = widths[code] = self._float.value / 1000.0
        return width

    def _path(self, handle: Any, form: _Matrix) -> None:
        pdfium = self._pdfium
        matrix = _times(self._object_matrix(handle), form)
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium.FPDFPath_GetDrawMode(handle, fill, stroke)
        if not fill.value and not stroke.value:
            return
        x, y = ctypes.c_float(), ctypes.c_float()
        subpath: list[tuple[float, float]] = []
        closed = curved = False
        controls = 0  # a curve's segment is three points: two control points, then its end
        for position in range(pdfium.FPDFPath_CountSegments(handle)):
            segment = pdfium.FPDFPath_GetPathSegment(handle, position)
            kind = pdfium.FPDFPathSegment_GetType(segment)
            pdfium.FPDFPathSegment_GetPoint(segment, x, y)
            point = self._page_point(x.value, y.value, matrix)
            if kind == pdfium.FPDF_SEGMENT_MOVETO:
                self._subpath(subpath, closed, curved)
                subpath, closed, curved = [point], False, False
            elif kind == pdfium.FPDF_SEGMENT_BEZIERTO and controls < 2:
                controls += 1  # pdfminer keeps a curve's ends, not its control points
                continue
            else:
                curved |= kind == pdfium.FPDF_SEGMENT_BEZIERTO
                controls = 0
                subpath.append(point)
            if pdfium.FPDFPathSegment_GetClose(segment):
                closed = True
        self._subpath(subpath, closed, curved)

    def _page_point(self, x: float, y: float, matrix: _Matrix) -> tuple[float, float]:
        a, b, c, d, e, f = matrix
        return (a * x + c * y + e - self._left, self._top - (b * x + d * y + f))

    def _subpath(self, points: list[tuple[float, float]], closed: bool, curved: bool) -> None:
        """pdfminer's reading of a subpath: two points joined straight a line, four corners
        a rectangle (PDFium closes a rectangle with a fifth point, its first), else a
        curve."""
        if len(points) < 2:
            return
        if closed and len(points) > 2 and points[-1] == points[0]:
            points = points[:-1]
        if len(points) == 2 and not curved:
            self.edges.append(_segment_edge(points[0], points[1], line=True))
        elif len(points) == 4 and not curved and _is_rectangle(points):
            self.edges += _rectangle_edges(points)
        else:
            ends = [*points, points[0]] if closed else points
            self.edges += [_segment_edge(p, q, line=False) for p, q in pairwise(ends)]


def _is_rectangle(points: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
        y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
    )


def _segment_edge(p: tuple[float, float], q: tuple[float, float], line: bool) -> Edge:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    if line:  # pdfplumber: a line is horizontal when level, else vertical
        orientation: str | None = "h" if top == bottom else "v"
    else:
        orientation = "v" if p[0] == q[0] else ("h" if p[1] == q[1] else None)
    return {
        "object_type": "line" if line else "curve_edge",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def _rectangle_edges(points: list[tuple[float, float]]) -> list[Edge]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    sides = [
        _segment_edge((x0, top), (x1, top), line=False),
        _segment_edge((x0, bottom), (x1, bottom), line=False),
        _segment_edge((x0, top), (x0, bottom), line=False),
        _segment_edge((x1, top), (x1, bottom), line=False),
    ]
    for side in sides:
        side["object_type"] = "rect_edge"
    return sides
