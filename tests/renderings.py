"""The rendering bench's fixtures and how a rendering is judged against its reference:
field by field, project by project and indicator by indicator. Used by the tests
(tests/test_renderings.py), the benchmark (benchmarks/renderings.py) and `make renderings`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "renderings"

NOT_RENDERINGS = frozenset({"reference.txt", "expected.json"})
NEEDS_SOFFICE = frozenset({".doc"})
"""Renderings read only where LibreOffice converts them."""

PROJECT_FIELDS = (
    "name",
    "code",
    "budget",
    "fiscal_funds",
    "other_funds",
    "purpose",
    "spending_plan",
    "goals",
)
INDICATOR_FIELDS = ("level1", "level2", "level3", "description", "value", "basis")
DOCUMENT_FIELDS = ("department", "year", "stage", "title", "units", "toc", "department_goals")
FIELDS = (*DOCUMENT_FIELDS, *PROJECT_FIELDS, *INDICATOR_FIELDS)


def bench_documents() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").exists())


def renderings(document: str) -> list[Path]:
    folder = FIXTURES / document
    return sorted(p for p in folder.iterdir() if p.name not in NOT_RENDERINGS)


def expected(document: str) -> dict[str, Any]:
    return json.loads((FIXTURES / document / "expected.json").read_text(encoding="utf-8"))


def structure(document: dict[str, Any]) -> dict[str, Any]:
    """The exported document without what belongs to one import of one file: ids, times,
    the source file and the line numbers in it."""
    document = json.loads(json.dumps(document, ensure_ascii=False))
    head = document["document"]
    for key in ("id", "imported_at", "source"):
        head.pop(key, None)
    for entry in head["toc"]:
        entry.pop("line", None)
    document.pop("import_notes", None)
    for unit in document["units"]:
        for project in unit["projects"]:
            project.pop("source_lines", None)
            for indicator in project["indicators"]:
                indicator.pop("source_line", None)
    return document


_FIGURE_THEN_CJK = re.compile(r"(?<=\d) (?=[\u4e00-\u9fff])")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_BESIDE_LATIN = re.compile(f"(?<=[{_CJK}]) (?=[!-~])|(?<=[!-~]) (?=[{_CJK}])")
"""A space between a CJK character (ideograph, CJK or full-width punctuation) and a Latin
letter, figure or ASCII sign, either way round."""


def unshown_spaces(path: Path) -> re.Pattern[str] | None:
    """The spaces a rendering cannot show, so that no reader can know they were there:

    - a `pdftotext -layout` dump writes a space wherever the gap between two characters is
      wide, and none where it is narrow: between a CJK character and a Latin one (a figure,
      a bracket), either way round, the font's spacing decides ("1 年" → "1年", "第1期" →
      "第 1 期"), and a space typed where a cell wrapped is not written at all ("〔2015〕 14
      号" wrapped after "〕": the reader warns about each such cell);
    - a PDF draws the space between a figure and the CJK unit after it, except where the
      cell wraps between the two with no room left at the line's end ("41" / "号"): the
      reader warns about each such cell.

    Compared with those spaces left out on both sides; everything else must match exactly."""
    if path.name.endswith("-layout.txt"):
        return _CJK_BESIDE_LATIN
    if path.suffix == ".pdf":
        return _FIGURE_THEN_CJK
    return None


def without_spaces(value: Any, spaces: re.Pattern[str] | None) -> Any:
    if spaces is None:
        return value
    if isinstance(value, str):
        return spaces.sub("", value)
    if isinstance(value, list):
        return [without_spaces(item, spaces) for item in value]
    if isinstance(value, dict):
        return {key: without_spaces(item, spaces) for key, item in value.items()}
    return value


@dataclass
class Judgement:
    """How many of each field a rendering got right, and the first differences."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    differences: list[str] = field(default_factory=list)

    def count(self, name: str, where: str, want: Any, got: Any) -> None:
        self.total[name] += 1
        if want == got:
            self.right[name] += 1
        else:
            self.differences.append(f"{where} {name}: expected {want!r}, found {got!r}")

    @property
    def all_right(self) -> bool:
        return self.right == self.total

    def share(self, name: str) -> float | None:
        return self.right[name] / self.total[name] if self.total[name] else None


def judge(
    want: dict[str, Any], got: dict[str, Any] | None, unshown: re.Pattern[str] | None = None
) -> Judgement:
    """Field by field. `got` is None when the rendering did not import: nothing is right.
    `unshown`: spaces left out on both sides first (see unshown_spaces)."""
    if got is not None:
        want, got = without_spaces(want, unshown), without_spaces(got, unshown)
    judgement = Judgement()
    if got is None:  # nothing is right, not even a field that is empty in the reference
        got = {"document": {}, "goals": False, "units": []}
    for name in ("department", "year", "stage", "title", "toc"):
        judgement.count(name, "document", want["document"][name], got["document"].get(name))
    judgement.count("department_goals", "document", want["goals"], got["goals"])
    units = [(u["code"], u["name"]) for u in got["units"]]
    judgement.count("units", "document", [(u["code"], u["name"]) for u in want["units"]], units)
    found = {p["ordinal"]: p for u in got["units"] for p in u["projects"]}
    for unit in want["units"]:
        for project in unit["projects"]:
            where = f"project {project['ordinal']}"
            other = found.get(project["ordinal"])
            for name in PROJECT_FIELDS:
                theirs = other[name] if other is not None else False
                judgement.count(name, where, project[name], theirs)
            indicators = other["indicators"] if other is not None else []
            for index, indicator in enumerate(project["indicators"]):
                mine = indicators[index] if index < len(indicators) else None
                for name in INDICATOR_FIELDS:
                    theirs = mine[name] if mine is not None else False
                    judgement.count(name, f"{where} indicator {index + 1}", indicator[name], theirs)
            if len(indicators) > len(project["indicators"]):
                extra = len(indicators) - len(project["indicators"])
                judgement.total["level3"] += extra
                judgement.differences.append(f"{where}: {extra} indicator(s) too many")
    wanted = {p["ordinal"] for u in want["units"] for p in u["projects"]}
    for ordinal in sorted(set(found) - wanted):
        judgement.total["name"] += 1
        judgement.differences.append(f"project {ordinal}: not in the reference")
    return judgement
