"""The shapes other provinces' target tables come in as text, and their rows of cells.

- `pipes`: cells split by `|` (`a | b | ||||`, or with a leading pipe `| a | b |`); a row
  whose cell wraps goes on on the next lines (indented, inside the cell) until a line ends
  with `|`. Empty cells are kept, so a cell's column is its place.
- `pipe-lines`: one `cell |` a line (a lone `|` for an empty cell), a blank line after
  each row; empty cells kept, as above.
- `tabs`: a row a line, cells split by tabs (a table copied from a web page or a
  spreadsheet); empty cells kept.
- `spaced`: a row a line, cells parted by single spaces; empty cells leave nothing.
- `lines`: one cell a line, a blank line after each row; empty cells leave nothing.
- `glued`: a row a line with nothing between its cells (`产出指标数量指标…覆盖率100%`); only
  the labels' vocabulary and the shape of values can part them (province_cells.py).

The shape is told by the line that holds the indicator header (一级指标 二级指标 …). Lines
of a web page's furniture (web_debris.py) are set apart first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.importers.levels import is_level_name
from jixiao.importers.lines import Line
from jixiao.importers.text import label
from jixiao.importers.web_debris import is_debris

SHAPES = ("pipes", "pipe-lines", "tabs", "spaced", "lines", "glued")


@dataclass
class TextRow:
    cells: list[str]
    lines: tuple[int, ...]
    """The source lines the row was read from."""
    placed: bool
    """Whether each cell's place is its column (empty cells kept)."""

    @property
    def first_line(self) -> int:
        return self.lines[0]


@dataclass
class ShapedText:
    shape: str
    rows: list[TextRow]
    debris: list[int]
    """Lines of web furniture, left out."""


_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


def join_wrapped(first: str, then: str) -> str:
    """A cell's text wrapped onto another line: Chinese wraps anywhere, so the parts are
    joined as they stand; between two Latin words a space goes back."""
    first, then = first.rstrip(), then.strip()
    space = " " if _LATIN_END.search(first) and _LATIN_START.match(then) else ""
    return f"{first}{space}{then}"


def indicator_header_line(lines: list[Line]) -> Line | None:
    """The first line that starts an indicator header: 一级指标 followed by 二级指标 on
    the line, or 一级指标 alone on it (a cell a line)."""
    for line in lines:
        written = label(line.text).replace("|", "")
        if written.startswith("一级指标") and (written == "一级指标" or "二级指标" in written):
            return line
        if "一级指标" in written and "二级指标" in written and "三级指标" in written:
            return line
    return None


def shape_of(lines: list[Line]) -> str | None:
    header = indicator_header_line(lines)
    if header is None:
        return None
    text = header.text.strip()
    if "|" in text:
        table = [line.text.strip() for line in lines if "|" in line.text]
        one_cell = sum(1 for t in table if t.count("|") == 1 and t.endswith("|"))
        return "pipe-lines" if one_cell >= 0.8 * len(table) else "pipes"
    if "\t" in text:
        return "tabs"
    if label(text) == "一级指标":
        return "lines"
    return "glued" if " " not in text and "\u3000" not in text else "spaced"


def shaped(lines: list[Line]) -> ShapedText | None:
    """The rows of the text, or None when it has no indicator header (not such a table)."""
    debris = [line.number for line in lines if is_debris(line.text)]
    left_out = set(debris)
    kept = [line for line in lines if line.number not in left_out]
    shape = shape_of(kept)
    if shape is None:
        return None
    readers = {
        "pipes": _pipe_rows,
        "pipe-lines": _pipe_line_rows,
        "tabs": _tab_rows,
        "spaced": _spaced_rows,
        "lines": _cell_line_rows,
        "glued": _glued_rows,
    }
    return ShapedText(shape, readers[shape](kept), debris)


def _pipe_rows(lines: list[Line]) -> list[TextRow]:
    piped = [line.text.strip() for line in lines if "|" in line.text]
    leading = sum(1 for text in piped if text.startswith("|")) > len(piped) / 2
    rows: list[TextRow] = []
    pending: list[Line] = []
    for line in lines:
        if not line.text.strip():
            continue
        if not pending and "|" not in line.text:
            rows.append(TextRow([line.text.strip()], (line.number,), placed=False))
            continue
        pending.append(line)
        if line.text.rstrip().endswith("|"):
            rows.append(_pipe_row(pending, leading))
            pending = []
    if pending:
        rows.append(_pipe_row(pending, leading))
    return rows


def _pipe_row(lines: list[Line], leading: bool) -> TextRow:
    text = lines[0].text.strip()
    for line in lines[1:]:
        text = join_wrapped(text, line.text)
    pieces = [piece.strip() for piece in text.split("|")]
    if leading and pieces and not pieces[0]:
        pieces = pieces[1:]
    while pieces and not pieces[-1]:  # after the last pipe, and empty cells (`||||`)
        pieces.pop()
    return TextRow(pieces, tuple(line.number for line in lines), placed=True)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.text.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _pipe_line_rows(lines: list[Line]) -> list[TextRow]:
    rows = []
    for block in _blocks(lines):
        if not any("|" in line.text for line in block):
            rows.extend(TextRow([line.text.strip()], (line.number,), False) for line in block)
            continue
        cells: list[str] = []
        ended = True
        for line in block:
            text = line.text.strip()
            piece = text.removesuffix("|").strip()
            if ended:
                cells.append(piece)
            else:  # a cell wrapped onto this line
                cells[-1] = join_wrapped(cells[-1], piece)
            ended = text.endswith("|")
        while cells and not cells[-1]:
            cells.pop()
        rows.append(TextRow(cells, tuple(line.number for line in block), placed=True))
    return rows


def _tab_rows(lines: list[Line]) -> list[TextRow]:
    rows = []
    for line in lines:
        if not line.text.strip():
            continue
        cells = [cell.strip() for cell in line.text.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        rows.append(TextRow(cells, (line.number,), placed="\t" in line.text))
    return rows


def _spaced_rows(lines: list[Line]) -> list[TextRow]:
    return [
        TextRow(line.text.split(), (line.number,), placed=False)
        for line in lines
        if line.text.strip()
    ]


def _cell_line_rows(lines: list[Line]) -> list[TextRow]:
    return [
        TextRow(_join_wrapped_names([line.text.strip() for line in block]),
                tuple(line.number for line in block), placed=False)
        for block in _blocks(lines)
    ]  # fmt: skip


def _join_wrapped_names(cells: list[str]) -> list[str]:
    """A level name wrapped in its cell stands on two lines (`经济效益` / `指标`): joined
    where together they spell one."""
    joined: list[str] = []
    for cell in cells:
        wrapped = joined and len(cell) <= 3 and not is_level_name(cell)
        if wrapped and is_level_name(joined[-1] + cell):
            joined[-1] += cell
            continue
        joined.append(cell)
    return joined


def _glued_rows(lines: list[Line]) -> list[TextRow]:
    return [
        TextRow([line.text.strip()], (line.number,), placed=False)
        for line in lines
        if line.text.strip()
    ]
