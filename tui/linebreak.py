"""Line breaking for Chinese text, the one used for every wrapped text on screen (goals,
purposes, indicator cells, notes, findings).

Chinese breaks between any two characters, with two exceptions that the documents' readers
notice at once: a line never starts with closing punctuation (、。，；：！？）」』… and their
kin), nor ends with opening punctuation; and a number stays with what is beside it —
`1.为 291 个村` breaks before `1.为 291 个` or after it, never at its spaces, which would leave
`个村…` on a line of its own. Latin words and numbers (`≥95%`, `0.2`, `OSC`) are not split.

Widths are terminal cells (rich's cell_len: a CJK character is two).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

CLOSING = frozenset("、。，．；：！？）］｝」』】〕〗〉》”’％‰…‥,.;:!?)]}%·～")
"""Never at the start of a line."""
OPENING = frozenset("（［｛「『【〔〖〈《“‘([{")
"""Never at the end of a line."""
INSEPARABLE = frozenset("—…‥")
"""Doubled as one sign (—— ……): the two halves stay together."""

_TOKEN = re.compile(r"\s+|[\x21-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff]+|.")
"""A run of spaces, a run of narrow characters (a Latin word, a number with its signs:
≥95%, 0.2), or one other character (a CJK ideograph, a full-width sign)."""
_NUMBER = re.compile(r"[≥≤≧≦<>=±+\-−~～]*\d+(?:[.,:/\-]\d+)*[.%‰]?")
"""A figure as the documents write it: 291, 1., 0.2, ≥95%, 2024, 3/4 (not a code or a path)."""


def line_ranges(paragraph: str, width: int) -> list[tuple[int, int]]:
    """Where to cut one paragraph (no newlines) into lines of at most `width` cells: each
    line as (start, end) into `paragraph`, the spaces at a break left out."""
    width = max(width, 2)  # a CJK character must fit
    lines: list[tuple[int, int]] = []
    line: tuple[int, int] | None = None  # the line being filled
    used = 0
    for unit_start, unit_end, spaces in _units(paragraph):
        unit_width = cell_len(paragraph[unit_start:unit_end])
        if line is not None and used + spaces + unit_width <= width:
            line, used = (line[0], unit_end), used + spaces + unit_width
            continue
        if line is not None:
            lines.append(line)
        start = unit_start
        # A unit wider than the line is cut by cells, away from closing punctuation.
        while cell_len(paragraph[start:unit_end]) > width:
            cut = _cut(paragraph, start, unit_end, width)
            lines.append((start, len(paragraph[:cut].rstrip())))
            start = cut + len(paragraph[cut:unit_end]) - len(paragraph[cut:unit_end].lstrip())
        line, used = (start, unit_end), cell_len(paragraph[start:unit_end])
    if line is not None:
        lines.append(line)
    return lines or [(0, 0)]


def _units(paragraph: str) -> Iterator[tuple[int, int, int]]:
    """The unbreakable units of a paragraph, as (start, end, cells of the spaces before
    it): its tokens, glued together where no break may fall between them."""
    unit: tuple[int, int] | None = None
    last_token = ""
    gap = 0
    space_start: int | None = None  # where the spaces after the unit so far begin
    for match in _TOKEN.finditer(paragraph):
        token = match.group()
        if token.isspace():
            space_start = match.start() if space_start is None else space_start
            continue
        if unit is not None and _glued(last_token, token):
            unit = (unit[0], match.end())
        else:
            if unit is not None:
                yield unit[0], unit[1], gap
            spaces = paragraph[space_start : match.start()] if space_start is not None else ""
            # A paragraph's indentation stays with its first unit.
            first = unit is None
            gap = 0 if first else cell_len(spaces)
            unit = (0 if first else match.start(), match.end())
        last_token, space_start = token, None
    if unit is not None:
        yield unit[0], unit[1], gap


def _glued(previous: str, token: str) -> bool:
    """No break between two tokens (whatever spaces lie between them)."""
    if token[0] in CLOSING or previous[-1] in OPENING:
        return True
    if token[0] in INSEPARABLE and previous[-1] == token[0]:
        return True
    # A number holds on to its neighbours, across the space the documents write beside it.
    return _is_number(previous) or _is_number(token)


def _is_number(token: str) -> bool:
    return _NUMBER.fullmatch(token) is not None


def _cut(paragraph: str, start: int, end: int, width: int) -> int:
    """Where to cut paragraph[start:end], wider than `width`: as many characters as fit,
    fewer when the next one is closing punctuation (at least one character a line)."""
    cut, used = start, 0
    while cut < end and used + cell_len(paragraph[cut]) <= width:
        used += cell_len(paragraph[cut])
        cut += 1
    fitting = max(cut, start + 1)
    cut = fitting
    while cut > start + 1 and cut < end and paragraph[cut] in CLOSING:
        cut -= 1
    return cut if cut < end and paragraph[cut] not in CLOSING else fitting


def wrap(text: str, width: int) -> list[str]:
    """Plain text as lines of at most `width` cells; its own newlines kept."""
    return [
        paragraph[start:end]
        for paragraph in text.split("\n")
        for start, end in line_ranges(paragraph, width)
    ]


def wrap_text(text: Text, width: int) -> list[Text]:
    """Rich text as lines, its styles kept."""
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        lines.extend(paragraph[start:end] for start, end in line_ranges(paragraph.plain, width))
    return lines


class Wrapped:
    """A renderable: `text` broken by `line_ranges` at the width it is drawn at (a widget's,
    a table cell's). Textual's own wrapping breaks anywhere in CJK text."""

    def __init__(self, text: Text | str) -> None:
        self.text = text if isinstance(text, Text) else Text(text)
        self._lines: dict[int, Text] = {}

    def lines_at(self, width: int) -> Text:
        """The text broken into lines of at most `width` cells, joined by newlines. Textual
        draws a widget's content more than once at one width (to lay it out, then to paint
        it): the breaking is done once a width."""
        joined = self._lines.get(width)
        if joined is None:
            joined = Text("\n").join(wrap_text(self.text, width))
            joined.no_wrap = True
            joined.overflow = "crop"
            self._lines[width] = joined
        return joined

    def height_at(self, width: int) -> int:
        """How many lines the text takes at `width` cells, without drawing it."""
        return self.lines_at(max(width, 0)).plain.count("\n") + 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.lines_at(options.max_width).copy()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        paragraphs = self.text.plain.split("\n")
        widest = max((cell_len(p) for p in paragraphs), default=0)
        longest_unit = max(
            (cell_len(p[s:e]) for p in paragraphs for s, e, _gap in _units(p)), default=0
        )
        return Measurement(min(longest_unit, widest), widest).clamp(max_width=options.max_width)
