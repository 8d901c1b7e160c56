"""The review report: every mark and note of a document, by unit and project, for sending
back to the department."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text

from jixiao.store.markdown import cell as md

STATE_NAMES = {"reviewed": "已审核 reviewed", "question": "有疑问 question",
               "problem": "有问题 problem", None: "备注 note"}  # fmt: skip

COLUMNS = [
    "unit_code", "unit_name", "project_ordinal", "project_code", "project_name",
    "indicator", "indicator_value", "state", "note", "reviewer", "updated_at", "source_line",
]  # fmt: skip


def report_rows(engine: Engine, document_id: int) -> list[dict[str, Any]]:
    """One row a mark: the project's own first, then its indicators' in table order."""
    sql = """
        SELECT u.code, u.name, p.ordinal, p.code, p.name,
               coalesce(i.level3, ''), coalesce(i.value, ''), m.state, m.note, m.reviewer,
               m.updated_at, coalesce(i.line, p.first_line)
        FROM review_mark AS m
        JOIN project AS p ON p.id = m.project_id
        JOIN unit AS u ON u.id = p.unit_id
        LEFT JOIN indicator AS i ON i.id = m.indicator_id
        WHERE m.document_id = :id
        ORDER BY p.position, m.indicator_id IS NOT NULL, i.position"""
    with engine.connect() as connection:
        return [
            dict(zip(COLUMNS, row, strict=True))
            for row in connection.execute(text(sql), {"id": document_id})
        ]


def report_markdown(
    title: str,
    progress: dict[str, int],
    rows: list[dict[str, Any]],
    findings: list[dict[str, Any]] | None = None,
) -> str:
    """`findings`: check findings as store.findings.finding_json gives them (with their
    dismissal, if any)."""
    out = [f"# 审核意见 Review — {md(title)}", ""]
    out += _findings_markdown(findings or [])
    out.append(
        "Projects: "
        + ", ".join(f"{state} {count}" for state, count in progress.items())
        + f" (of {sum(progress.values())})"
    )
    out.append("")
    if not rows:
        return "\n".join([*out, "No marks or notes yet.", ""])
    out += ["## 审核标记 Marks and notes", ""]
    unit = project = None
    for row in rows:
        if row["unit_code"] != unit:
            unit = row["unit_code"]
            out += [f"## {row['unit_code']} {md(row['unit_name'])}", ""]
        if (unit, row["project_ordinal"]) != project:
            project = (unit, row["project_ordinal"])
            out += [f"### {row['project_ordinal']}. {md(row['project_name'])}",
                    f"`{row['project_code']}`", ""]  # fmt: skip
        what = (
            f"指标 {md(row['indicator'])} ({md(row['indicator_value'])})"
            if row["indicator"]
            else "项目 project"
        )
        out.append(
            f"- **{STATE_NAMES.get(row['state'], row['state'])}** — {what}, line "
            f"{row['source_line']} · {md(row['reviewer'])}, {row['updated_at']}"
        )
        out += [f"  > {md(line)}" for line in row["note"].splitlines() if line.strip()]
    return "\n".join(out) + "\n"


def _findings_markdown(findings: list[dict[str, Any]]) -> list[str]:
    if not findings:
        return []
    open_findings = [f for f in findings if not f["dismissed"]]
    dismissed = [f for f in findings if f["dismissed"]]
    out = [f"## 检查 Check findings: {len(open_findings)} open, {len(dismissed)} dismissed", ""]
    for finding in open_findings + dismissed:
        project = finding["project"]
        where = f"{project['ordinal']}. {md(project['name'])}" if project else "document"
        out.append(f"- **{finding['code']}** {finding['severity']} — {where}: "
                   f"{md(finding['message'])}")  # fmt: skip
        if finding["dismissed"]:
            out.append(f"  - dismissed by {md(finding['dismissed']['reviewer'])}: "
                       f"{md(finding['dismissed']['note'])}")  # fmt: skip
    return [*out, ""]
