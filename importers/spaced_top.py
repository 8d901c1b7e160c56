"""The top rows of a pdftotext -layout project table: 项目编码/项目名称, 预算规模及资金用途
(budget row and purpose row), 资金支出计划（%） (quarter-ends and shares) and 绩效目标.

The left column holds the rows' labels; they wrap and, being centred, can sit on any line
of their rows, so they are read apart from the rest and matched to the rows they name in
order. The rest of each line is sorted into rows by what it says: 预算数 starts the budget
row, what follows it is the purpose until the quarter-ends; then come the shares (if any
quarter has one) and the goals.
"""

from __future__ import annotations

import re

from jixiao.importers.columns import Piece, column_of, distinct_starts, match_in_order, pieces
from jixiao.importers.lines import Line
from jixiao.importers.spaced_cells import join_wrapped
from jixiao.importers.spaced_rows import PagedLine, RebuiltRow
from jixiao.importers.text import label

_ROW_LABELS = {
    "code": "项目编码",
    "budget": "预算规模及资金用途",
    "plan": "资金支出计划(%)",
    "goals": "绩效目标",
}
_MONTH = re.compile(r"^\d{1,2}月(?:底|末)$")
_MONTHS = re.compile(r"\d{1,2} ?月(?:底|末)")
_SHARE = re.compile(r"^\d+(?:\.\d+)?%?$")
_AMOUNT = re.compile(r"^[\d,]+(?:\.\d+)?$")
_FIGURE_OR_TEXT = re.compile(r"[\d,.]+|[^\d,.\s]+|[.,]+")
"""A budget word cut where a figure meets text: pdftotext leaves no space between cells
that touch ("89.00其中：财")."""
_WORD = re.compile(r"\S+")
_GOAL_NUMBER = re.compile(r"^\d+[.、．]")
_BUDGET_LABELS = ("预算数", "其中:财政资金", "其他资金")


def top_rows(lines: list[PagedLine], first_value_column: int) -> list[RebuiltRow]:
    """`first_value_column`: where the columns right of the labels begin on this page."""
    labels: list[tuple[Line, str]] = []
    sorted_lines: list[tuple[str, Line, list[Piece]]] = []
    stage = "code"
    budget_words: list[tuple[int, Piece]] = []
    for _, line in lines:
        found = pieces(line.text, [first_value_column])
        left = [p for p in found if p.start < first_value_column - 1]
        right = [p for p in found if p.start >= first_value_column - 1]
        if left:
            labels.append((line, "".join(p.text for p in left)))
        if right:
            stage = _stage(stage, right, budget_words)
            sorted_lines.append((stage, line, right))
            if stage == "budget":
                budget_words += [(line.number, w) for p in right for w in _budget_words(p)]

    rows: dict[str, RebuiltRow] = {}
    # The quarter-ends first, by position: one may stand on a line of its own, even below
    # the shares.
    months = sorted(
        (piece.start + month.start(), month.group())
        for stage, _, right in sorted_lines
        if stage == "plan"
        for piece in right
        for month in _MONTHS.finditer(piece.text)
    )
    plan_starts = [start for start, _ in months]
    for stage, line, right in sorted_lines:
        if stage == "code":
            continue
        row = rows.setdefault(stage, RebuiltRow([""]))
        row.parts.add(line.number)
        if stage in ("purpose", "goals"):
            _add_text(row, " ".join(p.text for p in right))
        elif stage == "budget":
            pass  # its words were gathered above
        elif stage == "plan":
            if len(row.cells) == 1:
                row.cells += [text for _, text in months]
        else:  # the shares, each under its quarter-end (the nearest, in order)
            shares = [
                Piece(p.start + w.start(), w.group()) for p in right for w in _WORD.finditer(p.text)
            ]
            for column, share in _under(shares, plan_starts):
                row.add(column + 1, share.text)
    if "budget" in rows:
        rows["budget"].cells += _budget_cells(budget_words)
    code = [(line, right) for stage, line, right in sorted_lines if stage == "code"]
    if code:
        rows = {"code": _code_row(code), **rows}
    _place_labels(labels, rows)
    return list(rows.values())


def _stage(stage: str, right: list[Piece], budget: list[tuple[int, Piece]]) -> str:
    months = sum(len(_MONTHS.findall(p.text)) for p in right)
    if label(right[0].text).startswith("预算数"):
        return "budget"
    if months >= 2 or (stage in ("plan", "shares") and months == len(right)):
        return "plan"  # a quarter-end can stand on a line of its own when columns are narrow
    if stage == "budget" and _more_budget(right, [word for _, word in budget]):
        return "budget"
    if stage == "budget":
        return "purpose"
    if stage == "plan" and all(_SHARE.match(label(p.text)) for p in right):
        return "shares"
    if stage in ("plan", "shares"):
        return "goals"
    return stage


def _add_text(row: RebuiltRow, text: str) -> None:
    """A line of the purpose or the goals: a goal's number starts a new sentence after a
    space; other text is the rest of a wrapped line (`至少` / `3 次`), joined as it wrapped."""
    if len(row.cells) < 2:
        row.add(1, text)
    elif _GOAL_NUMBER.match(text):
        row.cells[1] = f"{row.cells[1]} {text}"
    else:
        row.cells[1] = join_wrapped(row.cells[1], text)


def _more_budget(right: list[Piece], above: list[Piece]) -> bool:
    """A line after the budget row's first that still belongs to it: amounts and budget
    labels, or the rest of a label that wrapped (`其中：财` / `政资金`): with it, a label
    above spells more of its name."""
    found = [word for piece in right for word in _budget_words(piece)]
    if all(_AMOUNT.match(w.text) or _budget_label_start(w.text) for w in found):
        return True
    unfinished = [w.text for w in above if _unfinished_label(w.text)]
    rest = "".join(w.text for w in found)
    return any(_unfinished_label(text + rest) or _whole_label(text + rest) for text in unfinished)


def _whole_label(text: str) -> bool:
    return label(text) in _BUDGET_LABELS


def _unfinished_label(text: str) -> bool:
    written = label(text)
    return any(name.startswith(written) and name != written for name in _BUDGET_LABELS)


def _budget_label_start(text: str) -> bool:
    written = label(text)
    return any(name.startswith(written[:2]) for name in _BUDGET_LABELS)


def _budget_words(piece: Piece) -> list[Piece]:
    """The piece's words, a figure glued to a label parted from it."""
    found = []
    for word in _WORD.finditer(piece.text):
        for part in _FIGURE_OR_TEXT.finditer(word.group()):
            found.append(Piece(piece.start + word.start() + part.start(), part.group()))
    return found


def _budget_cells(found: list[tuple[int, Piece]]) -> list[str]:
    """Labels and amounts in order. A label's text that wrapped onto a later line (no
    label of its own, no amount) goes onto the unfinished label above it."""
    cells: list[tuple[int, Piece]] = []
    for number, word in found:
        later = cells and number != cells[0][0]
        if later and not _AMOUNT.match(word.text) and not _budget_label_start(word.text):
            labels = [i for i, (_, p) in enumerate(cells) if not _AMOUNT.match(p.text)]
            unfinished = [i for i in labels if label(cells[i][1].text) not in _BUDGET_LABELS]
            if unfinished or labels:
                at = min(unfinished or labels, key=lambda i: abs(cells[i][1].start - word.start))
                above = cells[at][1]
                cells[at] = (cells[at][0], Piece(above.start, above.text + word.text))
                continue
        cells.append((number, word))
    return [piece.text for _, piece in cells]


def _under(shares: list[Piece], starts: list[int]) -> list[tuple[int, Piece]]:
    """Each share under a quarter-end, in order, each under a different one, the sum of
    the distances least (a share stands at the left of its cell, as its quarter-end)."""
    if not starts:
        return []
    if len(shares) > len(starts):
        # More shares than quarter-ends: the nearest each, and the table reader will say.
        return [
            (min(range(len(starts)), key=lambda i: abs(starts[i] - s.start)), s) for s in shares
        ]
    placed = match_in_order([s.start for s in shares], starts)
    return list(zip(placed, shares, strict=True))


def _code_row(lines: list[tuple[Line, list[Piece]]]) -> RebuiltRow:
    """The 项目编码/项目名称 row: its cells start where any of its lines has a piece (a
    wrapped name has lines above and below the labels' line and none on it)."""
    found = [_split_before(right, "项目名称") for _, right in lines]
    starts = distinct_starts([p.start for right in found for p in right])
    row = RebuiltRow([""] * (len(starts) + 1), {line.number for line, _ in lines})
    for right in found:
        for piece in right:
            row.add(column_of(piece.start, starts) + 1, piece.text)
    return row


def _split_before(found: list[Piece], name: str) -> list[Piece]:
    """Cut a piece where the label follows a single space ("…2K 项目名称")."""
    result = []
    for piece in found:
        at = piece.text.find(f" {name}")
        if at > 0:
            result += [
                Piece(piece.start, piece.text[:at]),
                Piece(piece.start + at + 1, piece.text[at + 1 :]),
            ]
        else:
            result.append(piece)
    return result


def _place_labels(labels: list[tuple[Line, str]], rows: dict[str, RebuiltRow]) -> None:
    """The left column's pieces, joined until they spell the next row's label; a piece
    that spells none goes to the nearest row, where the table reader will judge it."""
    expected = [(_ROW_LABELS[stage], row) for stage, row in rows.items() if stage in _ROW_LABELS]
    waiting: list[tuple[Line, str]] = []
    for line, text in labels:
        waiting.append((line, text))
        written = label("".join(t for _, t in waiting))
        match = next((i for i, (name, _) in enumerate(expected) if name.startswith(written)), None)
        if match is None:
            _to_nearest(waiting, rows)
            waiting = []
        elif expected[match][0] == written:
            row = expected[match][1]
            row.cells[0] = "".join(t for _, t in waiting)
            row.parts.update(w.number for w, _ in waiting)
            expected = expected[match + 1 :]
            waiting = []
    _to_nearest(waiting, rows)


def _to_nearest(labels: list[tuple[Line, str]], rows: dict[str, RebuiltRow]) -> None:
    for line, text in labels:
        if not rows:  # nothing right of the labels at all: each stands as a row of its own
            rows[f"line {line.number}"] = RebuiltRow([text], {line.number})
            continue
        row = min(rows.values(), key=lambda r: min(abs(n - line.number) for n in r.parts))
        row.cells[0] += text
        row.parts.add(line.number)
