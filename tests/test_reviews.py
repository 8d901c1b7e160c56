"""Review marks and notes in the store, their carry-over to a new revision, and the report."""

from __future__ import annotations

from datetime import date

import pytest

from jixiao.store.browse import projects_of
from jixiao.store.letter import review_letter
from jixiao.store.report import report_markdown, report_rows
from jixiao.store.review_state import marks_of_project, progress
from jixiao.store.reviews import clear_mark, set_mark
from jixiao.store.save import save_document
from tests.conftest import parse_text, sample_with


@pytest.fixture
def doc(engine, sample) -> int:
    return save_document(engine, *sample).document_id


def project_ids(engine, document_id: int) -> dict[int, int]:
    return {p.ordinal: p.id for p in projects_of(engine, document_id)}


class TestMarks:
    def test_mark_note_and_clear(self, engine, doc):
        project = project_ids(engine, doc)[5]
        set_mark(engine, project, reviewer="li", state="problem")
        set_mark(engine, project, reviewer="wang", note="补贴标准与人数不符\n请核实")  # state stays
        own, indicators = marks_of_project(engine, project)
        assert (own.state, own.note, own.reviewer) == (
            "problem",
            "补贴标准与人数不符\n请核实",
            "wang",
        )
        assert indicators == {}
        set_mark(engine, project, reviewer="wang", state="reviewed")  # the note stays
        assert marks_of_project(engine, project)[0].note.startswith("补贴标准")
        clear_mark(engine, project)
        assert marks_of_project(engine, project) == (None, {})

    def test_a_mark_without_state_or_note_is_removed(self, engine, doc):
        project = project_ids(engine, doc)[1]
        set_mark(engine, project, reviewer="li", note="看一下")
        assert set_mark(engine, project, reviewer="li", note="  ") is None
        assert marks_of_project(engine, project) == (None, {})

    def test_indicator_marks_are_separate(self, engine, doc):
        project = project_ids(engine, doc)[5]
        with engine.connect() as connection:
            indicator = connection.exec_driver_sql(
                "SELECT id FROM indicator WHERE project_id = ? AND position = 2", (project,)
            ).scalar_one()
        set_mark(engine, project, indicator, reviewer="li", state="question", note="≤1165 人?")
        own, indicators = marks_of_project(engine, project)
        assert own is None
        assert indicators[indicator].state == "question"
        assert progress(engine, doc)["untouched"] == 35  # indicator marks do not count

    def test_unknown_state(self, engine, doc):
        with pytest.raises(ValueError, match="unknown review state"):
            set_mark(engine, project_ids(engine, doc)[1], reviewer="li", state="done")

    def test_progress_and_state_filter(self, engine, doc):
        ids = project_ids(engine, doc)
        for ordinal, state in ((1, "reviewed"), (2, "reviewed"), (3, "question"), (5, "problem")):
            set_mark(engine, ids[ordinal], reviewer="li", state=state)
        assert progress(engine, doc) == {
            "reviewed": 2,
            "question": 1,
            "problem": 1,
            "untouched": 31,
        }
        from jixiao.store.browse import ProjectFilter

        reviewed = projects_of(engine, doc, ProjectFilter(state="reviewed"))
        assert [p.ordinal for p in reviewed] == [1, 2]
        assert len(projects_of(engine, doc, ProjectFilter(state="untouched"))) == 31


class TestCarryOver:
    def test_marks_follow_the_same_project_into_the_next_revision(self, engine, doc):
        ids = project_ids(engine, doc)
        set_mark(engine, ids[5], reviewer="li", state="problem", note="核实人数")
        set_mark(engine, ids[12], reviewer="li", state="reviewed")
        with engine.connect() as connection:
            indicator = connection.exec_driver_sql(
                "SELECT id FROM indicator WHERE project_id = ? AND position = 2", (ids[5],)
            ).scalar_one()
        set_mark(engine, ids[5], indicator, reviewer="li", state="question")
        # The new revision renames table 12's project and changes table 5's budget: the
        # first keeps its code, so both marks follow.
        revised = parse_text(
            sample_with(
                ("项目名称\t关工委经费", "项目名称\t关心下一代工作委员会经费"),
                ("预算数\t6029.30", "预算数\t6100.00"),
            )
        )
        second = save_document(engine, *revised)
        assert second.revision == 2
        new_ids = project_ids(engine, second.document_id)
        own, indicators = marks_of_project(engine, new_ids[5])
        assert (own.state, own.note) == ("problem", "核实人数")
        assert [m.state for m in indicators.values()] == ["question"]
        assert marks_of_project(engine, new_ids[12])[0].state == "reviewed"
        assert marks_of_project(engine, ids[5])[0].state == "problem"  # the old one stays

    def test_a_project_whose_code_is_duplicated_falls_back_to_its_name(self, engine, doc):
        ids = project_ids(engine, doc)
        set_mark(engine, ids[2], reviewer="li", state="reviewed")
        # Tables 1 and 2 share a code in the next revision: the code no longer names one
        # project, so table 2 is found by its unchanged name. (The importer refuses such a
        # document now, naming both tables; stores written before it may hold one.)
        revised = parse_text(sample_with(("13052924P0058401197 7A", "13052924P0058401208 61")))
        revised[0].projects[1].code = revised[0].projects[0].code
        new_ids = project_ids(engine, save_document(engine, *revised).document_id)
        assert marks_of_project(engine, new_ids[2])[0].state == "reviewed"
        assert marks_of_project(engine, new_ids[1]) == (None, {})


class TestReport:
    def test_rows_and_markdown(self, engine, doc):
        ids = project_ids(engine, doc)
        set_mark(engine, ids[32], reviewer="li", state="problem", note="发放频率“每月”无法考核")
        set_mark(engine, ids[1], reviewer="li", state="reviewed")
        rows = report_rows(engine, doc)
        assert [(r["project_ordinal"], r["state"], r["unit_code"]) for r in rows] == [
            (1, "reviewed", "203001"),
            (32, "problem", "203003"),
        ]
        text = report_markdown(review_letter(engine, doc, "li", date(2026, 12, 1)), rows)
        record = text[text.index("## 附：审核记录") :]
        assert "### 203003 巨鹿县大数据发展中心" in record
        assert "  > 发放频率“每月”无法考核" in record
        assert "审核意见：发放频率“每月”无法考核" in text  # the opinion, in the letter


class TestLocalTimes:
    """Stored in UTC, shown to a person in the machine's local time with its offset."""

    def test_a_stored_time_in_local_time(self, monkeypatch):
        import time

        from jixiao.store.times import local_time

        monkeypatch.setenv("TZ", "Asia/Shanghai")
        time.tzset()
        try:
            assert local_time("2026-12-01T13:24:43+00:00") == "2026-12-01 21:24 +0800"
            assert local_time(None) == "" and local_time("yesterday") == "yesterday"
        finally:
            monkeypatch.undo()
            time.tzset()

    def test_show_and_review_tables_speak_local_time_json_keeps_utc(self, tmp_path, capsys):
        import json
        import os
        import subprocess
        import sys

        from tests.conftest import SAMPLE

        db = str(tmp_path / "t.db")
        env = {**os.environ, "TZ": "Asia/Shanghai"}

        def jixiao(*argv: str) -> str:
            done = subprocess.run([sys.executable, "-m", "jixiao.tui.cli", "--db", db, *argv],
                                  capture_output=True, text=True, env=env, check=True)  # fmt: skip
            return done.stdout

        jixiao("import", str(SAMPLE))
        assert "+0800" in jixiao("show", "1").splitlines()[2]
        assert "+0800" in jixiao("review", "1", "5", "--grade", "良")
        (row,) = json.loads(jixiao("review", "1", "5", "--note", "请核实", "--format", "json"))
        assert row["updated_at"].endswith("+00:00")
