"""A corpus of tab-separated dumps for benchmarks and tests: N departments × Y years, made
from the bundled sample.

Each department gets its own name (a county and an office), its own set of the sample's
projects (28 to 35 of them, in the sample's order, so the units stay together), its own
budgets, and its own indicator counts; each year renames what carries the year (the cover,
"2024 年度…" names, the year digits of project codes), drops or brings back a project or
two, moves every budget a little and rewords a few names. The contents page is written
anew for the projects kept. Every file is a valid dump: importing the corpus reports no
unread line. Deterministic: the same arguments give the same bytes.

Run: `.venv/bin/python benchmarks/corpus.py OUT_DIR --departments 60 --years 3`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tui" / "samples" / "julu-zuzhibu-2024-draft.txt"
SAMPLE_DEPARTMENT = "中共巨鹿县委组织部"
SAMPLE_YEAR = 2024

COUNTIES = (
    "巨鹿县", "平乡县", "广宗县", "威县", "清河县", "临西县", "南宫市", "新河县", "宁晋县",
    "隆尧县", "柏乡县", "临城县", "内丘县", "任泽区", "南和区", "沙河市", "信都区", "襄都区",
    "枣强县", "武邑县", "故城县", "景县", "阜城县", "饶阳县",
)  # fmt: skip
OFFICES = (
    "财政局", "教育局", "卫生健康局", "民政局", "农业农村局", "水利局", "交通运输局",
    "住房和城乡建设局", "自然资源和规划局", "生态环境分局", "人力资源和社会保障局",
    "文化广电和旅游局", "应急管理局", "市场监督管理局", "统计局", "审计局", "司法局",
    "公安局", "退役军人事务局", "医疗保障局", "行政审批局", "发展和改革局", "科学技术局",
    "工业和信息化局", "商务局", "林业局", "档案馆", "党史研究室", "机关事务服务中心",
    "融媒体中心", "委组织部", "委宣传部", "委统战部", "委政法委", "总工会", "团委", "妇联",
    "残联", "科协", "红十字会",
)  # fmt: skip
NAME_VARIANTS = ("专项", "（续）", "补助", "保障")

_TITLE = re.compile(r"^(\d+)\.\s*(.*绩效目标表)$")
_CODE_YEAR = re.compile(r"(?<=\b130529)\d\d(?=P)")
_COUNT = re.compile(r"^([≥≤<>＞＜]?)(\d+)(\s*[^\d%.].*)$")
_CENT = Decimal("0.01")
_YEARS = re.compile(rf"(?<!\d)(?:{SAMPLE_YEAR - 1}|{SAMPLE_YEAR})(?!\d)")


@dataclass(frozen=True)
class Block:
    """One project's table in part 2: its title line and the lines up to the next one."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Sample:
    head: tuple[str, ...]  # the cover and the contents up to part 2's heading
    middle: tuple[str, ...]  # from the end of the contents to the first table
    blocks: tuple[Block, ...]


def read_sample() -> Sample:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    toc_part2 = lines.index("第二部分 预算项目绩效目标")
    toc_end = lines.index("第一部分", toc_part2)
    part2 = lines.index("第二部分", toc_end)
    starts = [i for i in range(part2, len(lines)) if _TITLE.match(lines[i])]
    blocks = tuple(
        Block(_TITLE.match(lines[start]).group(2), tuple(lines[start + 1 : end]))  # type: ignore[union-attr]
        for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)
    )
    return Sample(tuple(lines[: toc_part2 + 1]), tuple(lines[toc_end - 1 : starts[0]]), blocks)


def department_name(index: int) -> str:
    county = COUNTIES[index % len(COUNTIES)]
    office = OFFICES[(index // len(COUNTIES)) % len(OFFICES)]
    name = f"中共{county}{office}" if office.startswith("委") else f"{county}{office}"
    rounds = index // (len(COUNTIES) * len(OFFICES))
    return name if rounds == 0 else f"{name}（{rounds + 1}）"


def document_text(
    sample: Sample, department: int, year: int, first_year: int, min_projects: int = 28
) -> str:
    """The dump of one department's draft for one year."""
    base = random.Random(f"department {department}")
    count = base.randint(min(min_projects, len(sample.blocks)), len(sample.blocks))
    chosen = sorted(base.sample(range(len(sample.blocks)), count))
    budget_factor = {b: Decimal(base.choice(range(50, 200))) / 100 for b in chosen}
    count_factor = {b: base.choice((1, 1, 1, 2, 3)) for b in chosen}
    renamed = {b: base.choice(NAME_VARIANTS) for b in chosen if base.random() < 0.15}

    this_year = random.Random(f"department {department} year {year}")
    kept = [
        b
        for b in chosen
        if year == first_year or count == len(sample.blocks) or this_year.random() > 0.05
    ]
    drift = 1 + Decimal(year - first_year) * Decimal(this_year.choice(range(-5, 12))) / 100
    name = department_name(department)

    body: list[str] = []
    toc: list[str] = []
    for ordinal, index in enumerate(kept or chosen[:1], start=1):
        block = sample.blocks[index]
        lines = list(block.lines)
        title = block.title
        if index in renamed and year > first_year:
            title, lines = _renamed(title, lines, renamed[index])
        factor = budget_factor[index] * drift
        lines = [_scaled_budget(line, factor) for line in lines]
        lines = [_scaled_count(line, count_factor[index]) for line in lines]
        body.append(f"{ordinal}.{title}")
        body.extend(lines)
        toc.append(f"{ordinal}.{title.replace(' ', '')}.....\t{ordinal + 3}")
    text = "\n".join([*sample.head, "", *toc, *sample.middle, *body])
    text = text.replace(SAMPLE_DEPARTMENT, name)
    text = _CODE_YEAR.sub(f"{year % 100:02d}", text)
    return _YEARS.sub(lambda found: str(year + int(found.group()) - SAMPLE_YEAR), text)


def _renamed(title: str, lines: list[str], variant: str) -> tuple[str, list[str]]:
    """Reword a project's name where it is written: the title and the 项目名称 cell."""
    for i, line in enumerate(lines):
        if line.startswith("项目编码"):
            cells = line.split("\t")
            old = cells[4]
            cells[4] = old + variant
            lines[i] = "\t".join(cells)
            return title.replace(old, old + variant), lines
    return title, lines


def _scaled_budget(line: str, factor: Decimal) -> str:
    if not line.startswith("预算规模"):
        return line
    cells = line.split("\t")
    fiscal = _money(cells[4], factor)
    other = _money(cells[6], factor) if len(cells) > 6 else None
    cells[4] = str(fiscal) if fiscal is not None else cells[4]
    if other is not None:
        cells[6] = str(other)
    cells[2] = str((fiscal or Decimal(0)) + (other or Decimal(0)))
    return "\t".join(cells)


def _money(cell: str, factor: Decimal) -> Decimal | None:
    try:
        amount = Decimal(cell.strip())
    except ArithmeticError:
        return None
    return max(_CENT, (amount * factor).quantize(_CENT, ROUND_HALF_UP))


def _scaled_count(line: str, factor: int) -> str:
    """Scale a 数量指标's count ("1000 份" → "3000 份")."""
    cells = line.split("\t")
    if factor == 1 or len(cells) < 6 or cells[1] != "数量指标":
        return line
    found = _COUNT.match(cells[4])
    if found:
        op, number, unit = found.groups()
        cells[4] = f"{op}{int(number) * factor}{unit}"
    return "\t".join(cells)


def write_corpus(
    folder: Path, departments: int, years: int, first_year: int = 2022, min_projects: int = 28
) -> int:
    """Write departments × years dumps under folder/<year>/; returns how many. With
    min_projects 35 every document has all of the sample's projects (sample-sized)."""
    sample = read_sample()
    written = 0
    for year in range(first_year, first_year + years):
        (folder / str(year)).mkdir(parents=True, exist_ok=True)
        for department in range(departments):
            path = folder / str(year) / f"{department:05d}-{department_name(department)}.txt"
            text = document_text(sample, department, year, first_year, min_projects)
            path.write_text(text, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("folder", type=Path)
    options.add_argument("--departments", type=int, default=60)
    options.add_argument("--years", type=int, default=3)
    options.add_argument("--first-year", type=int, default=2022)
    options.add_argument(
        "--min-projects", type=int, default=28, help="35 keeps every project: sample-sized"
    )
    args = options.parse_args()
    count = write_corpus(
        args.folder, args.departments, args.years, args.first_year, args.min_projects
    )
    print(f"wrote {count} dumps under {args.folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
