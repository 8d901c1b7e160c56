"""Grades (优/良/中/差) and opinions on projects, a document's conclusion, `jixiao review`, and
the 审核意见 letter in every report format (md, csv, xlsx, docx)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from jixiao.store.browse import overview, projects_of
from jixiao.store.conclusions import clear_conclusion, set_conclusion
from jixiao.store.db import open_store
from jixiao.store.letter import review_letter
from jixiao.store.letter_wording import Heading, Paragraph, Table, letter_blocks
from jixiao.store.review_state import conclusion_of, grade_counts, marks_of_project, progress
from jixiao.store.reviews import set_mark
from jixiao.store.save import save_document
from jixiao.tui.cli import main
from tests.conftest import SAMPLE, parse_text, sample_with

DAY = date(2026, 12, 1)


@pytest.fixture
def doc(engine, sample) -> int:
    return save_document(engine, *sample).document_id


def project_ids(engine, document_id: int) -> dict[int, int]:
    return {p.ordinal: p.id for p in projects_of(engine, document_id)}


def indicator_id(engine, project: int, position: int) -> int:
    with engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT id FROM indicator WHERE project_id = ? AND position = ?", (project, position)
        ).scalar_one()


class TestProjectGrades:
    def test_a_grade_beside_the_mark_and_opinion_each_kept_when_another_changes(self, engine, doc):
        project = project_ids(engine, doc)[5]
        set_mark(engine, project, reviewer="li", state="problem", note="补贴标准与人数不符")
        set_mark(engine, project, reviewer="wang", grade="中")
        own, _ = marks_of_project(engine, project)
        assert (own.state, own.note, own.grade, own.reviewer) == (
            "problem", "补贴标准与人数不符", "中", "wang",
        )  # fmt: skip
        set_mark(engine, project, reviewer="wang", state=None)  # the state cleared alone
        assert marks_of_project(engine, project)[0].grade == "中"

    def test_a_grade_alone_is_a_mark_and_clearing_it_removes_an_empty_mark(self, engine, doc):
        project = project_ids(engine, doc)[1]
        assert set_mark(engine, project, reviewer="li", grade="优").grade == "优"
        assert progress(engine, doc)["untouched"] == 35  # a grade is not a review state
        assert set_mark(engine, project, reviewer="li", grade=None) is None
        assert marks_of_project(engine, project) == (None, {})

    def test_refusals(self, engine, doc):
        project = project_ids(engine, doc)[5]
        with pytest.raises(ValueError, match="unknown grade"):
            set_mark(engine, project, reviewer="li", grade="A")
        with pytest.raises(ValueError, match="not to one of its indicators"):
            set_mark(engine, project, indicator_id(engine, project, 1), reviewer="li", grade="良")

    def test_counts_the_tree_row_and_the_overview(self, engine, doc):
        ids = project_ids(engine, doc)
        for ordinal, grade in ((1, "优"), (2, "优"), (5, "中"), (8, "良")):
            set_mark(engine, ids[ordinal], reviewer="li", grade=grade)
        assert grade_counts(engine, doc) == {"优": 2, "良": 1, "中": 1, "差": 0, "ungraded": 31}
        rows = {p.ordinal: p for p in projects_of(engine, doc)}
        assert (rows[5].grade, rows[3].grade) == ("中", None)
        assert overview(engine, doc).grades["优"] == 2

    def test_grades_and_the_conclusion_follow_the_project_into_the_next_revision(self, engine, doc):
        ids = project_ids(engine, doc)
        set_mark(engine, ids[5], reviewer="li", grade="差", note="标准不清")
        set_conclusion(engine, doc, reviewer="li", grade="中", note="退回修改")
        revised = parse_text(sample_with(("预算数\t6029.30", "预算数\t6100.00")))
        second = save_document(engine, *revised).document_id
        own, _ = marks_of_project(engine, project_ids(engine, second)[5])
        assert (own.grade, own.note) == ("差", "标准不清")
        assert (conclusion_of(engine, second).grade, conclusion_of(engine, second).note) == (
            "中", "退回修改",
        )  # fmt: skip


class TestConclusion:
    def test_set_replace_and_clear(self, engine, doc):
        assert conclusion_of(engine, doc) is None
        set_conclusion(engine, doc, reviewer="li", grade="良", note="部分指标需细化")
        set_conclusion(engine, doc, reviewer="wang", grade="中", note="")
        found = conclusion_of(engine, doc)
        assert (found.grade, found.note, found.reviewer) == ("中", "", "wang")
        assert set_conclusion(engine, doc, reviewer="li", grade=None, note=" ") is None
        assert conclusion_of(engine, doc) is None
        set_conclusion(engine, doc, reviewer="li", grade="优", note="")
        clear_conclusion(engine, doc)
        assert conclusion_of(engine, doc) is None

    def test_unknown_grade(self, engine, doc):
        with pytest.raises(ValueError, match="unknown grade"):
            set_conclusion(engine, doc, reviewer="li", grade="好", note="")


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    path = str(tmp_path / "cli.db")
    assert main(["--db", path, "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's refusals (an unknown choice)
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


class TestReviewCommand:
    def test_grade_mark_and_opinion_of_a_project_and_an_indicator(self, db, capsys):
        code, out, _ = run(capsys, "--db", db, "review", "1", "村级组织运转", "--grade", "中",
                           "--mark", "problem", "--note", "补贴标准与人数不符",
                           "--reviewer", "王芳", "--format", "csv")  # fmt: skip
        assert code == 0
        (row,) = csv.DictReader(io.StringIO(out))
        assert (row["project"], row["grade"], row["state"], row["reviewer"]) == (
            "5", "中", "problem", "王芳",
        )  # fmt: skip
        assert run(capsys, "--db", db, "review", "1", "5", "--indicator", "2",
                   "--mark", "question")[0] == 0  # fmt: skip
        engine = open_store(Path(db))
        own, indicators = marks_of_project(engine, project_ids(engine, 1)[5])
        assert (own.grade, own.state, own.note) == ("中", "problem", "补贴标准与人数不符")
        assert [m.state for m in indicators.values()] == ["question"]
        assert run(capsys, "--db", db, "review", "1", "5", "--clear")[0] == 0
        assert marks_of_project(engine, project_ids(engine, 1)[5])[0] is None

    def test_the_reviewer_is_the_configured_one(self, db, capsys, tmp_path):
        config = tmp_path / "config.toml"
        config.write_text('reviewer = "李明"\n', encoding="utf-8")
        assert run(capsys, "--db", db, "--config", str(config), "review", "1", "5",
                   "--grade", "良")[0] == 0  # fmt: skip
        engine = open_store(Path(db))
        assert marks_of_project(engine, project_ids(engine, 1)[5])[0].reviewer == "李明"

    def test_the_document_conclusion(self, db, capsys):
        code, out, _ = run(capsys, "--db", db, "review", "1", "--conclusion", "良", "--note",
                           "总体完整", "--format", "json")  # fmt: skip
        assert code == 0 and '"grade": "良"' in out
        run(capsys, "--db", db, "review", "1", "--note", "部分指标需细化")  # the grade stays
        found = conclusion_of(open_store(Path(db)), 1)
        assert (found.grade, found.note) == ("良", "部分指标需细化")
        assert run(capsys, "--db", db, "review", "1", "--clear")[0] == 0
        assert conclusion_of(open_store(Path(db)), 1) is None

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["1", "999", "--grade", "良"], "no project of document 1 matches '999'"),
            (["1", "5", "--indicator", "10", "--mark", "question"],
             "project 5 has 9 indicators: no indicator 10"),
            (["1", "5", "--grade", "甲"], "invalid choice: '甲'"),
            (["1", "--conclusion", "A"], "invalid choice: 'A'"),
            (["1", "5", "--indicator", "1", "--grade", "良"], "not to one of its indicators"),
            (["1", "5"], "nothing to record"),
            (["1"], "nothing to record for the document"),
            (["1", "--grade", "良"], "need a PROJECT"),
            (["1", "5", "--conclusion", "良"], "the document's, not a project's"),
            (["1", "5", "--clear", "--grade", "优"], "--clear removes everything"),
            (["9", "5", "--grade", "良"], "no document has id 9"),
        ],
    )  # fmt: skip
    def test_refusals_exit_2_with_a_message(self, db, capsys, argv, message):
        code, _, err = run(capsys, "--db", db, "review", *argv)
        assert code == 2
        assert message in err and "Traceback" not in err


def graded_store(db: str, capsys) -> None:
    for argv in (
        ["1", "1", "--grade", "优"],
        ["1", "5", "--grade", "中", "--note", "补贴标准与人数不符，请核实。"],
        ["1", "8", "--grade", "差"],
        ["1", "12", "--mark", "reviewed"],
        ["1", "--conclusion", "良", "--note", "部分项目指标需细化量化。"],
    ):
        assert run(capsys, "--db", db, "--reviewer", "王芳", "review", *argv)[0] == 0


class TestLetter:
    def test_what_the_letter_says(self, engine, doc):
        ids = project_ids(engine, doc)
        set_mark(engine, ids[5], reviewer="王芳", grade="中", note="补贴标准与人数不符")
        set_mark(engine, ids[1], reviewer="王芳", grade="优")
        set_mark(engine, ids[12], reviewer="王芳", grade="良")
        set_conclusion(engine, doc, reviewer="王芳", grade="良", note="部分项目指标需细化。")
        letter = review_letter(engine, doc, "王芳", DAY)
        assert letter.title == "关于中共巨鹿县委组织部2024年部门预算绩效目标的审核意见"
        assert letter.grade_counts == {"优": 1, "良": 1, "中": 1, "差": 0, "未评定": 32}
        assert str(letter.budget) == "7157.01"
        assert sum(letter.findings_by_criterion.values()) == len(letter.open_findings) == 48
        # T002's unit totals are figures, not problems: not in the letter
        assert "T002" not in {f["code"] for f in letter.open_findings}
        blocks = letter_blocks(letter)
        texts = [b.text for b in blocks if isinstance(b, Heading | Paragraph)]
        assert texts[0] == letter.title and texts[1] == "中共巨鹿县委组织部："
        assert (
            "本次共审核预算项目35个，预算合计7157.01万元。审核等级：优1个、良1个、中1个、"
            "未评定32个。审核中发现问题48条，其中相关性15条、适当性3条、可行性30条。"
        ) in texts
        assert ("总体审核结论：良（与你单位协商完善绩效目标后，进入下一步预算安排流程）。"
                "部分项目指标需细化。") in texts  # fmt: skip
        # Project 1 is 优 with no finding or opinion: the letter names it in the table only;
        # project 12 (关工委经费) is 良 with no finding: it has its section.
        headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
        assert not [h for h in headings if h.endswith("1. 2024 年度党刊征订费")]
        assert "12. 关工委经费" in "".join(headings)
        section = texts[texts.index(next(h for h in headings if "5. 村级组织运转经费" in h)) :]
        assert section[1:5] == [
            "项目编码：13052924P00584011620R；预算单位：203001 中共巨鹿县委组织部本级；"
            "预算数：6029.30万元。",
            "审核等级：中（请你单位修改完善绩效目标后，按程序重新报送审核）。",
            "审核意见：补贴标准与人数不符",
            "存在问题：",
        ]
        assert section[5].startswith("1. 【相关性】提升工作效率: ")
        (table,) = [b for b in blocks if isinstance(b, Table)]
        assert table.headers == (
            "序号",
            "预算单位",
            "项目名称",
            "预算数（万元）",
            "审核等级",
            "问题数",
        )
        assert len(table.rows) == 35
        assert table.rows[4][3:5] == ("6029.30", "中") and table.rows[1][4] == "未评定"
        assert texts[-2:] == ["审核人：王芳", "2026年12月1日"]

    def test_a_dismissed_finding_leaves_the_letter_for_the_record(self, engine, doc):
        from jixiao.store.finding_dismissals import dismiss

        letter = review_letter(engine, doc, "li", DAY)
        finding = letter.projects[4].findings[0]
        dismiss(engine, doc, finding["key"], "已核实", "li")
        after = review_letter(engine, doc, "li", DAY)
        assert finding["key"] not in [f["key"] for f in after.open_findings]
        assert [f["key"] for f in after.dismissed] == [finding["key"]]

    def test_a_clean_document_says_so(self, engine, doc):
        letter = review_letter(engine, doc, "li", DAY)
        bare = type(letter)(**{**letter.__dict__, "projects": [
            type(p)(**{**p.__dict__, "findings": []}) for p in letter.projects
        ], "document_findings": []})  # fmt: skip
        texts = [b.text for b in letter_blocks(bare) if isinstance(b, Paragraph)]
        assert "各项目绩效目标符合要求，无需修改完善。" in texts
        assert any(t.endswith("审核中未发现问题。") for t in texts)


class TestReportFormats:
    def test_markdown_is_the_letter_then_the_record(self, db, capsys):
        graded_store(db, capsys)
        code, out, _ = run(capsys, "--db", db, "report", "1", "--reviewer", "王芳")
        assert code == 0
        assert out.startswith("# 关于中共巨鹿县委组织部2024年部门预算绩效目标的审核意见\n")
        assert "## 一、总体情况" in out and "### （二）5. 村级组织运转经费" not in out
        assert "5. 村级组织运转经费" in out and "审核等级：中（" in out
        assert "| 5 | 203001 中共巨鹿县委组织部本级 | 村级组织运转经费 | 6029.30 | 中 | 2 |" in out
        assert "审核人：王芳" in out
        assert "## 附：审核记录 Review record" in out
        assert "- **已审核 reviewed** — 项目 project" in out  # project 12's mark

    def test_csv_carries_the_conclusion_every_project_and_the_findings(self, db, capsys):
        graded_store(db, capsys)
        _, out, _ = run(capsys, "--db", db, "report", "1", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        kinds = [row["kind"] for row in rows]
        assert kinds.count("conclusion") == 1 and kinds.count("project") == 35
        assert kinds.count("finding") == 48  # T002's two unit totals are figures, not problems
        five = next(r for r in rows if r["kind"] == "project" and r["project_ordinal"] == "5")
        assert (five["grade"], five["note"], five["budget"]) == (
            "中", "补贴标准与人数不符，请核实。", "6029.30",
        )  # fmt: skip
        assert {r["criterion"] for r in rows if r["kind"] == "finding"} == {
            "相关性", "适当性", "可行性",
        }  # fmt: skip

    def test_xlsx_has_the_letter_the_projects_the_marks_and_the_findings(
        self, db, capsys, tmp_path
    ):
        from openpyxl import load_workbook

        graded_store(db, capsys)
        path = tmp_path / "review.xlsx"
        assert run(capsys, "--db", db, "report", "1", "--format", "xlsx", "-o", str(path))[0] == 0
        letter, projects, marks, findings = load_workbook(path).worksheets
        assert letter["A2"].value == "关于中共巨鹿县委组织部2024年部门预算绩效目标的审核意见"
        assert projects.max_row == 36 and marks.max_row == 5 and findings.max_row == 49
        assert [c.value for c in projects[6]][5:8] == ["6029.30", "中", None]

    def test_docx_reads_back_as_the_letter(self, db, capsys, tmp_path):
        from docx import Document
        from docx.shared import Pt

        graded_store(db, capsys)
        path = tmp_path / "审核意见.docx"
        code, out, err = run(capsys, "--db", db, "--reviewer", "王芳", "report", "1",
                             "--format", "docx", "-o", str(path))  # fmt: skip
        assert (code, out, err) == (0, "", "")
        document = Document(str(path))
        paragraphs = [p.text for p in document.paragraphs]
        assert paragraphs[0] == "关于中共巨鹿县委组织部2024年部门预算绩效目标的审核意见"
        assert "一、总体情况" in paragraphs and "三、项目审核结果一览表" in paragraphs
        assert paragraphs[-2] == "审核人：王芳"
        indents = [p.paragraph_format.first_line_indent for p in document.paragraphs]
        assert indents[1] is None and indents[2] == Pt(32)  # the addressee at the margin
        assert indents[paragraphs.index("存在问题：")] == Pt(32)
        assert paragraphs[-1] == f"{date.today().year}年{date.today().month}月{date.today().day}日"
        (table,) = document.tables
        assert [c.text for c in table.rows[0].cells][:4] == ["序号", "预算单位", "项目名称",
                                                            "预算数（万元）"]  # fmt: skip
        assert len(table.rows) == 36
        assert [c.text for c in table.rows[8].cells][4] == "差"
        title_font = document.paragraphs[0].runs[0].element.rPr.rFonts
        assert title_font.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        ) == "方正小标宋简体"  # fmt: skip

    def test_docx_needs_a_file_in_a_folder_that_exists(self, db, capsys, tmp_path):
        code, _, err = run(capsys, "--db", db, "report", "1", "--format", "docx")
        assert code == 2 and "add --output FILE.docx" in err
        target = tmp_path / "no" / "letter.docx"
        code, _, err = run(capsys, "--db", db, "report", "1", "--format", "docx", "-o", str(target))
        assert code == 2 and "mkdir -p" in err and not target.parent.exists()

    @pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
    def test_libreoffice_opens_the_letter(self, db, capsys, tmp_path):
        graded_store(db, capsys)
        path = tmp_path / "letter.docx"
        assert run(capsys, "--db", db, "report", "1", "--format", "docx", "-o", str(path),
                   "--reviewer", "王芳")[0] == 0  # fmt: skip
        profile = tmp_path / "lo-profile"  # its own profile: another soffice may be running
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        pdf = tmp_path / "letter.pdf"
        assert pdf.stat().st_size > 10_000
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout  # fmt: skip
            assert "审核意见" in text and "审核人：王芳" in text


class TestTui:
    SIZE = (80, 24)

    @pytest.fixture
    def store_path(self, tmp_path: Path, sample) -> Path:
        path = tmp_path / "review.db"
        save_document(open_store(path), *sample)
        return path

    async def test_grade_keys_show_in_the_tree_and_the_detail(self, store_path):
        from tests.test_tui import to_project
        from tests.tui_helpers import make_app, press, screen_text

        app = make_app(store_path, reviewer="li")
        async with app.run_test(size=self.SIZE) as pilot:
            await to_project(pilot, 5)
            await press(pilot, "3")
            text = screen_text(pilot)
            assert "5. 村级组织运转经费  等级 中" in text
            assert "·  5  6029.30 中 " in text  # the tree's line
            await press(pilot, "tab", "j", "2")  # on an indicator row: still the project's
            own, indicators = marks_of_project(
                app.store.engine, project_ids(app.store.engine, 1)[5]
            )
            assert (own.grade, own.reviewer, indicators) == ("良", "li", {})
            await press(pilot, "0")
            assert marks_of_project(app.store.engine, project_ids(app.store.engine, 1)[5]) == (
                None,
                {},
            )
            assert "等级" not in screen_text(pilot)

    async def test_the_conclusion_modal(self, store_path):
        from tests.tui_helpers import make_app, press, screen_text

        app = make_app(store_path, reviewer="li")
        async with app.run_test(size=self.SIZE) as pilot:
            await pilot.pause()
            assert "审核结论 conclusion (C): none yet" in screen_text(pilot)
            await press(pilot, "C")
            assert "审核结论 conclusion on 中共巨鹿县委组织部 2024 r1" in screen_text(pilot)
            await press(pilot, "down", "enter", "tab")  # the cursor starts on 优: 良, the opinion
            await pilot.press(*"指标需细化")
            await press(pilot, "f2")
            found = conclusion_of(app.store.engine, 1)
            assert (found.grade, found.note, found.reviewer) == ("良", "指标需细化", "li")
            text = screen_text(pilot)
            assert "审核结论 conclusion (C): 良" in text and "li · " in text  # the time wraps
            assert "指标需细化" in text
            await press(pilot, "C", "escape")  # cancelled: unchanged
            assert conclusion_of(app.store.engine, 1).grade == "良"
