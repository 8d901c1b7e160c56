"""The names of indicator levels (一级指标, 二级指标) in every framework jixiao reads, in one
place for all readers, and the fill-down of level labels that a merged cell shows once.

Frameworks:
- the national one (Hebei's template, most provinces): 产出指标 (数量/质量/时效/成本),
  效益指标 (经济/社会/生态/可持续影响), 满意度指标 (服务对象满意度, 社会公众或服务对象满意度);
- the 2021 national guide's, which makes 成本指标 a 一级指标 of its own (经济成本/社会成本/
  生态环境成本) and names 生态效益 "生态环境效益";
- the evaluation frameworks some provinces also use for targets: 投入管理指标, 实施效果指标,
  项目决策 / 项目过程 / 项目产出 / 项目效益.
Names are compared as labels (NFKC, no whitespace); the trailing 指标 is optional, as tables
write both (`数量指标`, `数量`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.importers.text import label

FAMILIES = {
    "数量": "产出指标",
    "质量": "产出指标",
    "时效": "产出指标",
    "成本": "产出指标",
    "经济效益": "效益指标",
    "社会效益": "效益指标",
    "生态效益": "效益指标",
    "可持续影响": "效益指标",
    "服务对象满意度": "满意度指标",
    "满意度": "满意度指标",
}
"""The national framework as the Hebei readers know it: the stem of each 二级指标 → its
一级指标 (a stem, so that a name wrapped or written without 指标 is still known)."""

LEVEL2_PARENTS: dict[str, tuple[str, ...]] = {
    "数量指标": ("产出指标",),
    "质量指标": ("产出指标",),
    "时效指标": ("产出指标",),
    "成本指标": ("产出指标", "成本指标"),
    "经济成本指标": ("成本指标",),
    "社会成本指标": ("成本指标",),
    "生态环境成本指标": ("成本指标",),
    "经济效益指标": ("效益指标",),
    "社会效益指标": ("效益指标",),
    "生态效益指标": ("效益指标",),
    "生态环境效益指标": ("效益指标",),
    "可持续影响指标": ("效益指标",),
    "服务对象满意度指标": ("满意度指标",),
    "社会公众或服务对象满意度指标": ("满意度指标",),
    "满意度指标": ("满意度指标",),
    "预算执行": ("投入管理指标",),
    "资金管理": ("投入管理指标", "项目过程"),
    "组织实施": ("投入管理指标", "项目过程"),
    "项目立项": ("项目决策",),
    "绩效目标": ("项目决策",),
    "资金投入": ("项目决策",),
    "产出数量": ("项目产出",),
    "产出质量": ("项目产出",),
    "产出时效": ("项目产出",),
    "产出成本": ("项目产出",),
    "项目效益": ("实施效果指标",),
    "实施效益": ("实施效果指标", "项目效益"),
}
"""Every 二级指标 name known, with the 一级指标 it stands under in the frameworks that have it
(成本指标 is a 二级 in the national framework and a 一级 in the 2021 guide's)."""

LEVEL1_NAMES: tuple[str, ...] = (
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "投入管理指标",
    "实施效果指标",
    "项目决策",
    "项目过程",
    "项目产出",
    "项目效益",
)


def _without_suffix(name: str) -> str:
    return name.removesuffix("指标") or name


_LEVEL1_KEYS = {_without_suffix(name): name for name in LEVEL1_NAMES}
_LEVEL2_KEYS = {_without_suffix(name): name for name in LEVEL2_PARENTS}


def level1_name(text: str) -> str | None:
    """The 一级指标 `text` names (`产出指标`, `产出`), or None."""
    return _LEVEL1_KEYS.get(_without_suffix(label(text)))


def level2_name(text: str) -> str | None:
    """The 二级指标 `text` names (`数量指标`, `数量`, `经济效益`), or None."""
    return _LEVEL2_KEYS.get(_without_suffix(label(text)))


def is_level_name(text: str) -> bool:
    return level1_name(text) is not None or level2_name(text) is not None


def belongs_under(level2: str, level1: str) -> bool:
    """Whether the 二级指标 `level2` stands under the 一级指标 `level1` in some framework."""
    name2, name1 = level2_name(level2), level1_name(level1)
    return name2 is not None and name1 is not None and name1 in LEVEL2_PARENTS[name2]


def leading_level_names(text: str) -> tuple[str, str, str]:
    """Cells run together: the 一级指标 and 二级指标 names `text` starts with, longest name
    first, and the rest (`产出指标数量指标受益学生人数…` → 产出指标, 数量指标, 受益学生人数…).
    A name found is returned as written."""
    level1 = _leading(text, (*LEVEL1_NAMES, *_LEVEL1_KEYS))
    rest = text[len(level1) :]
    level2 = _leading(rest, (*LEVEL2_PARENTS, *_LEVEL2_KEYS))
    return level1, level2, rest[len(level2) :]


def _leading(text: str, names: Sequence[str]) -> str:
    found = [name for name in names if text.startswith(name)]
    return max(found, key=len) if found else ""


@dataclass(frozen=True)
class FilledLevel:
    value: str
    doubtful: bool = False
    """True where the rows a middle-row label covers could not be told from the labels'
    positions alone (the framework or a guess decided)."""


def fill_down(
    labels: Sequence[str],
    parents: Sequence[str] | None = None,
    children: Sequence[str] | None = None,
    middle: bool | None = None,
) -> list[FilledLevel]:
    """The level of each row of a group whose label a merged cell shows once.

    `labels` holds each row's own cell ('' where the row shows none). Text taken from office
    files shows the label on a group's **first** row; text from PDFs and web pages on its
    **middle** row. `middle` says which; by default the first row tells: with a label, each
    label covers the rows down to the next; without, each covers the rows it is centred on.
    Between middle-row labels, the split that centres every label is taken (the upper middle
    row of an even group first); where several do, the framework decides by `children` (the rows'
    二级指标, when filling 一级指标), and the rows are marked doubtful when nothing does.
    `parents` (each row's filled 一级指标, when filling 二级指标) bounds every group: a label
    never covers a row under another parent, and a parent's rows with no label of their own
    stay empty, as the row lacks that level.
    """
    count = len(labels)
    if parents is None:
        parents = [""] * count
    if middle is None:
        middle = bool(labels) and not labels[0]
    filled: list[FilledLevel] = [FilledLevel("")] * count
    start = 0
    while start < count:
        end = start
        while end + 1 < count and parents[end + 1] == parents[start]:
            end += 1
        _fill_group(labels, children=children, filled=filled, start=start, end=end, middle=middle)
        start = end + 1
    return filled


def _fill_group(
    labels: Sequence[str],
    *,
    children: Sequence[str] | None,
    filled: list[FilledLevel],
    start: int,
    end: int,
    middle: bool,
) -> None:
    anchors = [row for row in range(start, end + 1) if labels[row]]
    if not anchors:
        return
    if not middle:  # labels on their group's first row: each covers down; rows above the
        # first label lack the level
        for index, row in enumerate(anchors):
            stop = anchors[index + 1] if index + 1 < len(anchors) else end + 1
            for covered in range(row, stop):
                filled[covered] = FilledLevel(labels[row])
        return
    splits = _centred_splits(anchors, start, end)
    if children is not None and len(splits) > 1:
        scores = [
            _framework_fit(
                labels, children=children, anchors=anchors, split=split, start=start, end=end
            )
            for split in splits
        ]
        splits = [
            split for split, score in zip(splits, scores, strict=True) if score == max(scores)
        ]
    if not splits:  # no split centres every label: each covers down to the next's middle
        splits = [tuple((row + following) // 2 for row, following in itertools.pairwise(anchors))]
        doubtful = True
    else:
        # Prefer labels on the middle row, or the upper one of two.
        exact = [_exactly_centred(anchors, split, start, end) for split in splits]
        splits = [split for split, count in zip(splits, exact, strict=True) if count == max(exact)]
        doubtful = len(splits) > 1
    group_start = start
    for index, row in enumerate(anchors):
        group_end = splits[0][index] if index < len(anchors) - 1 else end
        for covered in range(group_start, group_end + 1):
            filled[covered] = FilledLevel(labels[row], doubtful)
        group_start = group_end + 1


def _centred_splits(anchors: Sequence[int], start: int, end: int) -> list[tuple[int, ...]]:
    """Every way to end the groups (the last row of each but the last) so that each label
    stands on its group's middle row: row n // 2 of an odd n rows, either middle row of an
    even n (writers round either way)."""
    found: list[tuple[int, ...]] = []

    def centred(first: int, row: int, last: int) -> bool:
        above, below = row - first, last - row
        return below - above in (-1, 0, 1)

    def extend(index: int, first: int, ends: tuple[int, ...]) -> None:
        row = anchors[index]
        if index == len(anchors) - 1:
            if centred(first, row, end):
                found.append(ends)
            return
        following = anchors[index + 1]
        for last in range(row, following):
            if centred(first, row, last):
                extend(index + 1, last + 1, (*ends, last))

    extend(0, start, ())
    return found


def _exactly_centred(anchors: Sequence[int], split: tuple[int, ...], start: int, end: int) -> int:
    """How many groups stand on their middle row (the upper one of an even group, where
    converters put a label centred between two rows)."""
    firsts = [start, *(last + 1 for last in split)]
    lasts = [*split, end]
    return sum(
        (last - row) - (row - first) in (0, 1)
        for row, first, last in zip(anchors, firsts, lasts, strict=True)
    )


def _framework_fit(
    labels: Sequence[str],
    *,
    children: Sequence[str],
    anchors: Sequence[int],
    split: tuple[int, ...],
    start: int,
    end: int,
) -> int:
    """How many rows the split puts under a 一级指标 whose framework has their 二级指标."""
    fit, group_start = 0, start
    bounds = [*split, end]
    for row, group_end in zip(anchors, bounds, strict=True):
        fit += sum(
            belongs_under(children[covered], labels[row])
            for covered in range(group_start, group_end + 1)
        )
        group_start = group_end + 1
    return fit
