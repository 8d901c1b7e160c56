"""The 审核意见 letter's wording, as a bureau writes it, in blocks (headings, paragraphs, a
table) that the Markdown report and the Word letter (letter_docx.py) both render: the
letter reads the same whatever it is written as."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.importers.money import at_least_cents
from jixiao.store.letter import ReviewLetter, finding_text
from jixiao.store.markdown import cell, table
from jixiao.store.review_terms import GRADE_MEANINGS

STAGES = {"draft": "草案", "final": "终稿"}

CHINESE_NUMBERS = "一二三四五六七八九十"

REQUESTS = (
    "请你单位对照上述审核意见逐项修改完善绩效目标：审核等级为“良”的项目，完善后进入下一步预算安排"
    "流程；为“中”的项目，修改完善后按程序重新报送审核；为“差”的项目，不得进入下一步预算安排流程。"
)

TABLE_HEADERS = ("序号", "预算单位", "项目名称", "预算数", "审核等级", "问题数")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    """0 the letter's title, 1 a part (一、), 2 a project (（一）)."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    align: str = "left"
    """"left", or "right" for the closing block."""
    indent: bool = True
    """A first-line indent of two characters; not for the addressee, which starts at the
    margin."""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]


Block = Heading | Paragraph | Table


def letter_blocks(letter: ReviewLetter) -> list[Block]:
    blocks: list[Block] = [
        Heading(letter.title, 0),
        Paragraph(f"{letter.department}：", indent=False),
        Paragraph(
            f"你单位报送的{letter.year}年部门预算绩效目标（{STAGES.get(letter.stage, letter.stage)}"
            "）已收悉。根据《中央部门预算绩效目标管理办法》（财预〔2015〕88号），我们从完整性、相关性、"
            "适当性、可行性四个方面对绩效目标进行了审核，现将审核意见反馈如下。"
        ),
    ]
    parts = [("总体情况", _summary(letter)), ("需要修改完善的项目", _projects(letter)),
             ("项目审核结果一览表", [_grade_table(letter)]),
             ("有关要求", [Paragraph(REQUESTS)])]  # fmt: skip
    for number, (title, content) in enumerate(parts):
        blocks.append(Heading(f"{CHINESE_NUMBERS[number]}、{title}", 1))
        blocks += content
    blocks += [
        Paragraph(f"审核人：{letter.reviewer}", align="right"),
        Paragraph(f"{letter.date.year}年{letter.date.month}月{letter.date.day}日", align="right"),
    ]
    return blocks


def amount(value: Decimal, money_unit: str) -> str:
    return f"{at_least_cents(value)}{money_unit}"


def _summary(letter: ReviewLetter) -> list[Block]:
    grades = letter.grade_counts
    graded = "、".join(f"{grade}{count}个" for grade, count in grades.items() if count)
    found = letter.open_findings
    criteria = "、".join(f"{c}{n}条" for c, n in letter.findings_by_criterion.items() if n)
    findings = f"审核中发现问题{len(found)}条，其中{criteria}。" if found else "审核中未发现问题。"
    total = amount(letter.budget, letter.money_unit)
    blocks: list[Block] = [
        Paragraph(
            f"本次共审核预算项目{len(letter.projects)}个，预算合计{total}。"
            f"审核等级：{graded}。{findings}"
        )
    ]
    conclusion = letter.conclusion
    if conclusion is not None:
        words = f"总体审核结论：{conclusion.grade}" if conclusion.grade else "总体审核意见"
        if conclusion.grade:
            words += f"（{GRADE_MEANINGS[conclusion.grade]}）"
        blocks.append(Paragraph(words + (f"。{conclusion.note.strip()}" if conclusion.note.strip()
                                         else "。")))  # fmt: skip
    if letter.document_findings:
        blocks.append(Paragraph("部门整体方面："))
        blocks += _numbered(letter.document_findings)
    return blocks


def _projects(letter: ReviewLetter) -> list[Block]:
    wanted = [p for p in letter.projects if p.needs_a_word]
    if not wanted:
        return [Paragraph("各项目绩效目标符合要求，无需修改完善。")]
    blocks: list[Block] = []
    for number, project in enumerate(wanted, start=1):
        blocks.append(Heading(f"（{_chinese(number)}）{project.ordinal}. {project.name}", 2))
        budget = amount(project.budget, project.money_unit)
        blocks.append(Paragraph(f"项目编码：{project.code}；预算单位：{project.unit}；"
                                f"预算数：{budget}。"))  # fmt: skip
        grade = (
            f"审核等级：{project.grade}（{GRADE_MEANINGS[project.grade]}）。"
            if project.grade
            else "审核等级：未评定。"
        )
        blocks.append(Paragraph(grade))
        if project.opinion.strip():
            blocks.append(Paragraph(f"审核意见：{project.opinion.strip()}"))
        if project.findings:
            blocks.append(Paragraph("存在问题："))
            blocks += _numbered(project.findings)
    return blocks


def _numbered(findings: list[dict[str, object]]) -> list[Block]:
    return [Paragraph(f"{n}. 【{f['criterion']}】{finding_text(f)}")
            for n, f in enumerate(findings, start=1)]  # fmt: skip


def _grade_table(letter: ReviewLetter) -> Table:
    headers = (*TABLE_HEADERS[:3], f"预算数（{letter.money_unit}）", *TABLE_HEADERS[4:])
    rows = [
        (str(p.ordinal), p.unit, p.name, str(at_least_cents(p.budget)), p.grade or "未评定",
         str(len(p.findings)))
        for p in letter.projects
    ]  # fmt: skip
    return Table(headers, rows)


def _chinese(number: int) -> str:
    """一 … 九十九, as a letter numbers its items (100 and beyond in digits)."""
    if number >= 100:
        return str(number)
    tens, ones = divmod(number, 10)
    if number <= 10:
        return CHINESE_NUMBERS[number - 1]
    head = "" if tens == 1 else CHINESE_NUMBERS[tens - 1]
    return head + "十" + (CHINESE_NUMBERS[ones - 1] if ones else "")


def letter_markdown(blocks: list[Block]) -> list[str]:
    """The letter as Markdown lines: document text inert (markdown.cell)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * (block.level + 1)} {cell(block.text)}", ""]
        elif isinstance(block, Paragraph):
            out += [cell(block.text), ""]
        else:
            out += [*table(block.headers, block.rows), ""]
    return out
