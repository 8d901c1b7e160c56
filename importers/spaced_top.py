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

from importers.columns import Piece, column_of, distinct_starts, pieces
from importers.lines import Line
from importers.spaced_rows import PagedLine, RebuiltRow
from importers.text import label

_ROW_LABELS = {
    "code": "项目编码",
    "budget": "预算规模及资金用途",
    "plan": "资金支出计划(%)",
    "goals": "绩效目标",
}
_MONTH = re.compile(r"^\d{1,2}月(?:底|末)$")
_SHARE = re.compile(r"^\d+(?:\.\d+)?%?$")


def top_rows(lines: list[PagedLine], first_value_column: int) -> list[RebuiltRow]:
    """`first_value_column`: where the columns right of the labels begin on this page."""
    labels: list[tuple[Line, str]] = []
    sorted_lines: list[tuple[str, Line, list[Piece]]] = []
    stage = "code"
    for _, line in lines:
        found = pieces(line.text, [first_value_column])
        left = [p for p in found if p.start < first_value_column - 1]
        right = [p for p in found if p.start >= first_value_column - 1]
        if left:
            labels.append((line, "".join(p.text for p in left)))
        if right:
            stage = _stage(stage, right)
            sorted_lines.append((stage, line, right))

    rows: dict[str, RebuiltRow] = {}
    plan_starts: list[int] = []
    for stage, line, right in sorted_lines:
        if stage == "code":
            continue
        row = rows.setdefault(stage, RebuiltRow([""]))
        row.parts.add(line.number)
        if stage in ("purpose", "goals"):
            row.add(1, " ".join(p.text for p in right))
        elif stage == "budget":
            # Labels and amounts, never more than a word each: a single space can part
            # them ("其中：财政资金 6029.30").
            row.cells += [word for p in right for word in p.text.split()]
        elif stage == "plan":
            plan_starts += [p.start for p in right]
            row.cells += [p.text for p in right]
        else:  # the shares, each under the quarter-end nearest to it
            for piece in right:
                nearest = min(
                    range(len(plan_starts)), key=lambda i: abs(plan_starts[i] - piece.start)
                )
                row.add(nearest + 1, piece.text)
    code = [(line, right) for stage, line, right in sorted_lines if stage == "code"]
    if code:
        rows = {"code": _code_row(code), **rows}
    _place_labels(labels, rows)
    return list(rows.values())


def _stage(stage: str, right: list[Piece]) -> str:
    months = sum(bool(_MONTH.match(label(p.text))) for p in right)
    if label(right[0].text).startswith("预算数"):
        return "budget"
    if months >= 2:
        return "plan"
    if stage == "budget":
        return "purpose"
    if stage == "plan" and all(_SHARE.match(label(p.text)) for p in right):
        return "shares"
    if stage in ("plan", "shares"):
        return "goals"
    return stage


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
