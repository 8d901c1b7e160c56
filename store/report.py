"""The review report: the 审核意见 letter (letter.py, worded by letter_wording.py) and the record
behind it — every mark and note of a document, by unit and project, and the findings the
reviewer dismissed — as Markdown, CSV rows and workbook sheets. The same content in each;
the Word letter is letter_docx.py's."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text

from jixiao.i18n import N_, _
from jixiao.importers.money import at_least_cents
from jixiao.store.letter import ReviewLetter, finding_text
from jixiao.store.letter_wording import Heading, Paragraph, letter_blocks, letter_markdown
from jixiao.store.markdown import cell as md
from jixiao.store.sheet_headers import column_titles
from jixiao.store.times import local_time
from jixiao.store.xlsx import Sheet

STATE_NAMES = {"reviewed": N_("已审核 reviewed"), "question": N_("有疑问 question"),
               "problem": N_("有问题 problem"), None: N_("备注 note")}  # fmt: skip
"""A mark's state in the record: in English both words, in Chinese the Chinese one."""

MARK_COLUMNS = [
    "unit_code", "unit_name", "project_ordinal", "project_code", "project_name",
    "indicator", "indicator_value", "state", "grade", "note", "reviewer", "updated_at",
    "source_line",
]  # fmt: skip

COLUMNS = [
    "kind", "unit_code", "unit_name", "project_ordinal", "project_code", "project_name",
    "budget", "grade", "state", "indicator", "indicator_value", "criterion", "code", "note",
    "reviewer", "updated_at", "source_line",
]  # fmt: skip
"""The CSV's columns. `kind` says what a row is: the document's "conclusion"; a "project"
(every one, with its grade, state and opinion); an "indicator" mark; a check "finding" still
open, or one "dismissed" (its note ends with the reason)."""

PROJECT_COLUMNS = ["unit_code", "unit_name", "project_ordinal", "project_code", "project_name",
                   "budget", "grade", "state", "note", "findings"]  # fmt: skip
FINDING_COLUMNS = ["code", "criterion", "severity", "project_ordinal", "project_name",
                   "indicator", "message", "dismissed_by", "dismissal_note"]  # fmt: skip


def report_rows(engine: Engine, document_id: int) -> list[dict[str, Any]]:
    """One row a mark: the project's own first, then its indicators' in table order."""
    sql = """
        SELECT u.code, u.name, p.ordinal, p.code, p.name,
               coalesce(i.level3, ''), coalesce(i.value, ''), m.state, m.grade, m.note,
               m.reviewer, m.updated_at, coalesce(i.line, p.first_line)
        FROM review_mark AS m
        JOIN project AS p ON p.id = m.project_id
        JOIN unit AS u ON u.id = p.unit_id
        LEFT JOIN indicator AS i ON i.id = m.indicator_id
        WHERE m.document_id = :id
        ORDER BY p.position, m.indicator_id IS NOT NULL, i.position"""
    with engine.connect() as connection:
        return [
            dict(zip(MARK_COLUMNS, row, strict=True))
            for row in connection.execute(text(sql), {"id": document_id})
        ]


def report_markdown(letter: ReviewLetter, marks: list[dict[str, Any]]) -> str:
    """The letter, then the record: every mark and note, and the dismissed findings."""
    out = letter_markdown(letter_blocks(letter))
    out += ["---", "", _("## 附：审核记录 Review record"), ""]
    if not marks:
        out += [_("No marks or notes yet."), ""]
    unit = project = None
    for row in marks:
        if row["unit_code"] != unit:
            unit = row["unit_code"]
            out += [f"### {row['unit_code']} {md(row['unit_name'])}", ""]
        if (unit, row["project_ordinal"]) != project:
            project = (unit, row["project_ordinal"])
            out += [f"#### {row['project_ordinal']}. {md(row['project_name'])}",
                    f"`{row['project_code']}`", ""]  # fmt: skip
        what = (
            _("指标 {name} ({value})").format(
                name=md(row["indicator"]), value=md(row["indicator_value"])
            )
            if row["indicator"]
            else _("项目 project")
        )
        grade = f" · 等级 {row['grade']}" if row["grade"] else ""
        state = _(STATE_NAMES[row["state"]]) if row["state"] in STATE_NAMES else row["state"]
        out.append(
            f"- **{state}**{grade} — "
            + _("{what}, line {line} · {reviewer}, {at}").format(
                what=what, line=row["source_line"], reviewer=md(row["reviewer"]),
                at=local_time(row["updated_at"]),
            )
        )  # fmt: skip
        out += [f"  > {md(line)}" for line in row["note"].splitlines() if line.strip()]
    if marks:
        out.append("")
    if letter.dismissed:
        out += [_("### 已排除的检查结果 Dismissed findings: {count}").format(
            count=len(letter.dismissed)), ""]  # fmt: skip
        for finding in letter.dismissed:
            out.append(f"- **{finding['code']}** {finding['criterion']} — {_where(finding)}"
                       + _(": ") + md(finding_text(finding)))  # fmt: skip
            dismissed = _("dismissed by {reviewer}: {note}").format(
                reviewer=md(finding["dismissed"]["reviewer"]),
                note=md(finding["dismissed"]["note"]))  # fmt: skip
            out.append(f"  - {dismissed}")
        out.append("")
    return "\n".join(out)


def report_csv_rows(letter: ReviewLetter, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report as one table (COLUMNS): the conclusion, every project, the indicator marks,
    the open then the dismissed findings."""
    rows: list[dict[str, Any]] = []
    if letter.conclusion is not None:
        c = letter.conclusion
        rows.append({"kind": "conclusion", "grade": c.grade, "note": c.note,
                     "reviewer": c.reviewer, "updated_at": c.updated_at})  # fmt: skip
    own = {row["project_ordinal"]: row for row in marks if not row["indicator"]}
    for project in _project_rows(letter):
        mark = own.get(project["project_ordinal"], {})
        rows.append({**project, "kind": "project", "reviewer": mark.get("reviewer"),
                     "updated_at": mark.get("updated_at"),
                     "source_line": mark.get("source_line")})  # fmt: skip
    rows += [{**row, "kind": "indicator"} for row in marks if row["indicator"]]
    for finding in letter.open_findings + letter.dismissed:
        project, indicator = finding["project"] or {}, finding["indicator"] or {}
        dismissed = finding["dismissed"]
        unit_code, _space, unit_name = (finding["unit"] or "").partition(" ")
        rows.append({
            "kind": "dismissed" if dismissed else "finding",
            "unit_code": unit_code, "unit_name": unit_name,
            "project_ordinal": project.get("ordinal"), "project_code": project.get("code"),
            "project_name": project.get("name"), "indicator": indicator.get("level3"),
            "indicator_value": indicator.get("value"), "criterion": finding["criterion"],
            "code": finding["code"],
            "note": finding_text(finding) + (f" — {dismissed['note']}" if dismissed else ""),
            "reviewer": dismissed["reviewer"] if dismissed else None,
            "updated_at": dismissed["at"] if dismissed else None, "source_line": finding["line"],
        })  # fmt: skip
    return rows


def report_sheets(letter: ReviewLetter, marks: list[dict[str, Any]]) -> list[Sheet]:
    """The report as a workbook: the letter's text a paragraph a row (its table is the
    projects sheet), every project with its grade, the marks, the findings."""
    blocks = letter_blocks(letter)
    lines = [{"审核意见": block.text} for block in blocks if isinstance(block, Heading | Paragraph)]
    findings = [
        {"code": f["code"], "criterion": f["criterion"], "severity": f["severity"],
         "project_ordinal": (f["project"] or {}).get("ordinal"),
         "project_name": (f["project"] or {}).get("name"),
         "indicator": (f["indicator"] or {}).get("level3"), "message": finding_text(f),
         "dismissed_by": (f["dismissed"] or {}).get("reviewer"),
         "dismissal_note": (f["dismissed"] or {}).get("note")}
        for f in letter.open_findings + letter.dismissed
    ]  # fmt: skip
    return [
        Sheet(_("审核意见 letter"), ["审核意见"], lines),
        Sheet(
            _("项目 projects"),
            PROJECT_COLUMNS,
            _project_rows(letter),
            column_titles(PROJECT_COLUMNS),
        ),
        Sheet(_("审核 marks"), MARK_COLUMNS, marks, column_titles(MARK_COLUMNS)),
        Sheet(
            _("检查 findings"),
            FINDING_COLUMNS,
            findings,
            column_titles(FINDING_COLUMNS, code="检查代码"),
        ),
    ]


def _project_rows(letter: ReviewLetter) -> list[dict[str, Any]]:
    rows = []
    for p in letter.projects:
        unit_code, _space, unit_name = p.unit.partition(" ")
        rows.append({"unit_code": unit_code, "unit_name": unit_name, "project_ordinal": p.ordinal,
                     "project_code": p.code, "project_name": p.name,
                     "budget": str(at_least_cents(p.budget)), "grade": p.grade,
                     "state": p.state, "note": p.opinion, "findings": len(p.findings)})  # fmt: skip
    return rows


def _where(finding: dict[str, Any]) -> str:
    project = finding["project"]
    return f"{project['ordinal']}. {md(project['name'])}" if project else _("document")
