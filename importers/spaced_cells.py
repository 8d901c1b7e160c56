"""A line of a tightly drawn pdftotext -layout table cut into cells.

Office suites (LibreOffice Writer, Word) draw tables with narrow columns and set each
cell's text at the top left of the cell. pdftotext then often leaves a single space, or
none, between neighbouring cells ("社会效益 提升工作 村级组织工作效率提", "≥200 份 工作需要"),
and a single space also stands inside cells ("291 个", "第 1 期"). Positions are no sure
guide either: pdftotext lays text out block by block, so a column can start a few
characters left or right of where it started a few lines above.

So a line is cut by weighing three things at once (`cut`): where each word starts against
the columns' known starts, what the characters on either side of each single space are
(a space between two Chinese characters parts cells; one between a figure and its unit
does not), and, for the first line of a row, that every column has a cell.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Sequence

_WORD = re.compile(r"\S+")

_POSITION = 0.35
"""Cost of a cell starting one character away from its column's known start."""
_PUSHED_POSITION = 0.1
"""… for a cell one space from the text before it (pdftotext squeezed the line)."""
EMPTY = 5.0
"""Cost of a column left empty on the first line of a row (text at the top of its cells:
every cell that has text starts on that line)."""
_CLOSED = 20.0
"""Cost of text put into a cell known to be whole."""
_ENDED = 2.5
"""Cost of a word going on from a cell's line that had room for it (the writer would have
set it there): about what seven characters off the column's start cost."""
_UNKNOWN = 1e9


def _kind(char: str) -> str:
    if char.isdigit():
        return "digit"
    if char.isascii():
        return "latin" if char.isalpha() else "sign"
    return "cjk"


# What a single space between two characters most likely is: (cost as a cell boundary,
# cost inside a cell).
_SINGLE_SPACE = {
    ("cjk", "cjk"): (0.0, 6.0),  # Chinese text has no spaces: two cells
    ("cjk", "sign"): (0.5, 3.0),  # "积极性 ≥90%"
    ("cjk", "digit"): (1.5, 1.0),  # "第 1 期", or a description before a target "1 年"
    ("digit", "cjk"): (4.0, 0.0),  # "291 个", "2024 年"
    ("sign", "cjk"): (2.0, 1.0),
    ("latin", "cjk"): (3.0, 0.5),  # "APP 运行"
    ("cjk", "latin"): (3.0, 0.5),
}
_DEFAULT_SPACE = (3.0, 0.5)  # between Latin letters, figures and signs: one cell


class Word:
    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text


def words(text: str) -> list[Word]:
    """The line's words (runs without spaces) with their positions. A figure glued to the
    Chinese text after it is one word ("89.00其中：财")."""
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def cut(  # noqa: PLR0917 (the options are keyword arguments in every call)
    text: str,
    starts: Sequence[int | None],
    fill: Sequence[int] = (),
    closed: Sequence[int] = (),
    barred: Callable[[str], Collection[int]] | None = None,
    empty_cost: float = EMPTY,
    ended: Callable[[str], Collection[int]] | None = None,
) -> list[tuple[int, int, str]]:
    """The line's cells as (column, start, text), one at most per column, in order.

    `starts`: each column's known start (None: not known, any position will do).
    `fill`: the columns that must have a cell (the first line of a row); leaving one empty
    costs `empty_cost`, by default as much as a doubtful cut. `closed`: columns whose cell
    is known to be whole (a known 二级指标 name): text goes there only when nowhere else
    will do. `barred(word)`: the columns the word cannot start a cell of (by what it
    says), likewise. `ended(word)`: the columns whose last line had room for the word, so
    that it is unlikely to go on from there (`_ENDED`)."""
    found = words(text)
    if not found:
        return []
    columns = len(starts)
    shut = set(closed)
    # before[c]: how many columns that must be filled lie left of column c, so that the
    # cost of leaving columns low..high-1 empty is empty_cost * (before[high] - before[low]).
    before = [0] * (columns + 1)
    for c in range(columns):
        before[c + 1] = before[c] + (c in fill)

    def placing(word: Word, pushed: bool) -> list[float]:
        """The cost of the word starting a cell in each column. A word one space from the
        one before (`pushed`) may have been pushed along, or drawn in, by it: its position
        says less."""
        costs = []
        no = barred(word.text) if barred else ()
        unlikely = ended(word.text) if ended else ()
        weight = _PUSHED_POSITION if pushed else _POSITION
        for column, known in enumerate(starts):
            cost = _CLOSED if column in shut or column in no else 0.0
            if column in unlikely:
                cost += _ENDED
            if known is not None:
                cost += weight * abs(word.start - known)
            costs.append(cost + empty_cost * before[column])
        return costs

    # best[c]: the cost of the words so far with the last one in column c, counting the
    # filled columns left empty up to c.
    best = placing(found[0], False)
    back: list[list[int]] = [[-1] * columns]
    for previous, word in itertools.pairwise(found):
        pushed = word.start - previous.end == 1
        if pushed:
            boundary, inside = _SINGLE_SPACE.get(
                (_kind(previous.text[-1]), _kind(word.text[0])), _DEFAULT_SPACE
            )
        else:
            boundary, inside = 0.0, _UNKNOWN  # two spaces or more always part cells
        place = placing(word, pushed)
        row = [_UNKNOWN] * columns
        came = [-1] * columns
        cheapest, cheapest_at = _UNKNOWN, -1  # min over d < c of best[d] - empty_cost*before[d+1]
        for c in range(columns):
            if best[c] + inside < row[c]:
                row[c], came[c] = best[c] + inside, c
            if cheapest_at >= 0:
                moved = cheapest + boundary + place[c]
                if moved < row[c]:
                    row[c], came[c] = moved, cheapest_at
            leaving = best[c] - empty_cost * before[c + 1]
            if leaving < cheapest:
                cheapest, cheapest_at = leaving, c
        best = row
        back.append(came)
    last = min(
        range(columns), key=lambda c: best[c] + empty_cost * (before[columns] - before[c + 1])
    )
    assigned = [0] * len(found)
    column = last
    for index in range(len(found) - 1, -1, -1):
        assigned[index] = column
        column = back[index][column]
    cells: list[tuple[int, int, str]] = []
    for word, column in zip(found, assigned, strict=True):
        if cells and cells[-1][0] == column:
            _, start, joined = cells[-1]
            cells[-1] = (column, start, f"{joined} {word.text}")
        else:
            cells.append((column, word.start, word.text))
    return cells


def join_wrapped(first: str, second: str) -> str:
    """A cell's next line joined to it. Text wraps anywhere in Chinese, and inside figures
    ("〔2018〕1" / "4 号"), so no space goes between, except between Latin words."""
    if not first:
        return second
    if not second:
        return first
    if _kind(first[-1]) in ("latin", "sign") and _kind(second[0]) == "latin":
        return f"{first} {second}"
    return first + second


OPENING = frozenset("（(〔【[《“‘「『{〈")
"""Signs a line never ends with (the writer carries them over with what they open)."""
CLOSING = frozenset("）)〕】]》”’」』}〉，。、；：！？,.;:!?%")
"""Signs a line never starts with."""


def unsure_space(first: str, second: str) -> bool:
    """Whether a space may have stood where a cell's line `first` wrapped onto `second`,
    which pdftotext cannot show (it writes no space at a line's end), and join_wrapped
    leaves out: between Chinese text and a Latin letter or sign (`邢组字` / `[2015]14`,
    `〔2015〕` / `14 号`), but not after an opening bracket or before closing punctuation,
    and not between a Chinese character and a figure (a space no -layout dump shows on
    one line either)."""
    if not first or not second:
        return False
    before, after = first[-1], second[0]
    if before in OPENING or after in CLOSING:
        return False
    if _kind(before) == "cjk" and after.isascii():
        return not (_ideograph(before) and after.isdigit())
    if before.isascii() and _kind(after) == "cjk":
        return not (before.isdigit() and _ideograph(after))
    return False


def _ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"
