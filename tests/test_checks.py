"""Each check: cases that must fire and cases that must not; the sample's findings, which
were verified by hand (docs/checks.md says how)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from jixiao.store.checks.run import run_checks
from jixiao.store.queries import load_document
from jixiao.store.save import save_document
from jixiao.tui.cli import main
from tests.conftest import SAMPLE_LINES, parse_text, sample_lines_replaced, sample_with

TEN = {"F001", "P001", "D001", "C001", "S001", "M001", "U001", "G001", "T001", "T002"}


def findings(engine, text: str, code: str):
    stored = load_document(engine, save_document(engine, *parse_text(text)).document_id)
    return [f for f in run_checks(stored, select={code})]


def at(found, ordinal: int):
    return [f for f in found if f.project and f.project.ordinal == ordinal]


class TestOnTheSample:
    def test_the_findings_verified_by_hand(self, engine, sample):
        stored = load_document(engine, save_document(engine, *sample).document_id)
        # The ten checks of before issue 17 keep their results (test_more_checks.py pins
        # the others).
        found = run_checks(stored, select=TEN)
        summary = sorted((f.code, f.project.ordinal) for f in found if f.project)
        assert [s for s in summary if s[0] != "M001"] == [
            ("C001", 8), ("C001", 19), ("C001", 25), ("G001", 34), ("U001", 18),
        ]  # fmt: skip
        totals = [f.message for f in found if f.code == "T002"]
        assert totals == [
            "unit 203001 中共巨鹿县委组织部本级: 31 projects, 6993.31 万元 "
            "(share of the document: 97.7%)",
            "unit 203003 巨鹿县大数据发展中心: 4 projects, 163.70 万元 "
            "(share of the document: 2.3%)",
        ]
        assert sorted(f.project.ordinal for f in found if f.code == "M001") == [
            5, 21, 32, 32, 32, 33, 33, 33, 34, 34, 35, 35,
        ]  # fmt: skip
        cost = {f.project.ordinal: f.figures["total"] for f in found if f.code == "C001"}
        assert cost == {8: "23.24", 19: "45.50", 25: "1152.00"}


class TestFunds:
    def test_fires_when_they_do_not_add_up(self, engine):
        text = sample_with(
            ("其中：财政 资金\t16.80\t其他资金\t", "其中：财政 资金\t15.00\t其他资金\t1.00")
        )
        (finding,) = at(findings(engine, text, "F001"), 1)
        assert "15.00 + 其他资金 1.00 = 16.00, but 预算数 is 16.80" in finding.message

    def test_quiet_when_they_do(self, engine):
        text = sample_with(
            ("其中：财政 资金\t16.80\t其他资金\t", "其中：财政 资金\t15.80\t其他资金\t1.00")
        )
        assert findings(engine, text, "F001") == []


class TestSpendingPlan:
    @pytest.mark.parametrize(
        ("values", "message"),
        [("\t25%\t\t20%\t75%\t100%\t", "goes down from 25% (3月底) to 20% (6月底)"),
         ("\t25%\t\t50%\t75%\t110%\t", "exceeds 100%"),
         ("\t25%\t\t50%\t75%\t90%\t", "never reaches 100%")],
    )  # fmt: skip
    def test_fires(self, engine, values, message):
        (finding,) = at(findings(engine, sample_lines_replaced({156: values}), "P001"), 2)
        assert message in finding.message

    @pytest.mark.parametrize("values", ["\t\t\t100%\t\t\t", "\t25%\t\t25%\t100%\t\t"])
    def test_early_100_and_empty_cells_after_it_are_fine(self, engine, values):
        assert at(findings(engine, sample_lines_replaced({156: values}), "P001"), 2) == []


class TestDeadline:
    def test_fires_when_the_deadline_is_earlier_than_the_plan(self, engine):
        text = sample_lines_replaced({161: SAMPLE_LINES[160].replace("12 月底", "6 月底")})
        (finding,) = at(findings(engine, text, "D001"), 2)
        assert finding.message == "时效 says 6 月底 but the plan reaches 100% by 12月底"

    def test_quiet_when_they_agree_or_cannot_be_compared(self, engine, sample):
        assert findings(engine, "\n".join(SAMPLE_LINES), "D001") == []  # 22 and 27 agree on 6月底


class TestCostAgainstBudget:
    def test_quiet_when_the_total_fits(self, engine):
        text = sample_lines_replaced({290: SAMPLE_LINES[289].replace("740 元", "190 元")})
        assert at(findings(engine, text, "C001"), 8) == []  # 190 × 314 = 5.97 ≤ 6.00

    def test_an_upper_bound_says_nothing(self, engine):
        text = sample_lines_replaced({290: SAMPLE_LINES[289].replace("740 元", "≤740 元")})
        assert at(findings(engine, text, "C001"), 8) == []

    def test_a_total_is_not_a_unit_cost(self, engine):
        # Table 11's "每年维护经费总额" of 1 万元 × 1 system would fit anyway; make it 9 万元.
        text = sample_lines_replaced({353: SAMPLE_LINES[352].replace("1 万元", "9 万元")})
        assert at(findings(engine, text, "C001"), 11) == []

    def test_per_month_counts_twelve_months(self, engine):
        # Table 2: 0.1 万元 a person a month × 1 person × 12 = 1.20, its budget. 0.11 exceeds.
        text = sample_lines_replaced({162: SAMPLE_LINES[161].replace("0.1 万元", "0.11 万元")})
        (finding,) = at(findings(engine, text, "C001"), 2)
        assert finding.figures["total"] == "1.32"
        assert "× 12 months" in finding.message


class TestStructureAndCounting:
    def test_missing_level_and_type(self, engine):
        text = sample_lines_replaced({144: None, 141: None})  # satisfaction, cost of table 1
        messages = [f.message for f in at(findings(engine, text, "S001"), 1)]
        assert messages == ["no 满意度指标", "产出指标 without 成本指标"]

    def test_a_repeated_indicator(self, engine):
        text = sample_lines_replaced({139: SAMPLE_LINES[138] + "\n" + SAMPLE_LINES[138]})
        (finding,) = at(findings(engine, text, "S001"), 1)
        assert "appears 2 times" in finding.message

    def test_counting_people_in_times(self, engine):
        text = sample_lines_replaced({159: SAMPLE_LINES[158].replace("1 人", "1 次")})
        (finding,) = at(findings(engine, text, "U001"), 2)
        assert finding.message == "'补助人数' counts 人 but the value is '1 次'"


class TestCommand:
    def test_json_and_selection(self, tmp_path, capsys):
        from tests.conftest import SAMPLE

        db = str(tmp_path / "c.db")
        main(["--db", db, "import", str(SAMPLE)])
        capsys.readouterr()
        assert main(["--db", db, "check", "1", "--select", "C,U", "--format", "json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert [(r["code"], r["project"]["ordinal"]) for r in rows] == [
            ("C001", 8), ("U001", 18), ("C001", 19), ("C001", 25),
        ]  # fmt: skip
        assert set(rows[0]) >= {"code", "severity", "unit", "project", "indicator", "message",
                                "figures"}  # fmt: skip
        assert main(["--db", db, "check", "1", "--select", "Z9"]) == 2
        assert "unknown check code Z9" in capsys.readouterr().err


class TestSubGoalFigures:
    def test_the_sample(self, engine, sample):
        stored = load_document(engine, save_document(engine, *sample).document_id)
        (finding,) = run_checks(stored, select={"G001"})
        assert finding.message == (
            "分项绩效目标 '政务大数据中心建设' says 办结率达到 98%, but 34. 巨好办 APP 运行费用 "
            "commits to 办结率 ≥95%"
        )

    def test_quiet_when_the_project_commits_to_as_much(self, engine):
        text = sample_with(
            ("\t办结率\t解决问题占上报问题比率\t≥95%", "\t办结率\t解决问题占上报问题比率\t≥98%")
        )
        assert findings(engine, text, "G001") == []

    def test_an_unrelated_project_with_the_same_indicator_says_nothing(self, engine):
        # Table 29 (科技特派团) has 活动开展率 ≥90%; the sub-goal about 离退休干部 asks 95%.
        text = sample_with(("活动开展率达到 95%", "活动开展率达到 99%"))
        assert [f.project.ordinal for f in findings(engine, text, "G001")] == [34]


class TestDismissals:
    def test_dismiss_restore_and_carry_over(self, engine, sample):
        from jixiao.store.finding_dismissals import dismiss, restore
        from jixiao.store.review_state import dismissals

        first = save_document(engine, *sample).document_id
        (finding,) = [f for f in run_checks(load_document(engine, first), select={"U001"})]
        assert finding.key == "U001|13052924P00584011995T|数量指标/离退休人数"
        dismiss(engine, first, finding.key, "次数 is meant: 20 activities", "li")
        assert dismissals(engine, first)[finding.key].note == "次数 is meant: 20 activities"
        revised = parse_text(sample_with(("预算数\t16.80", "预算数\t16.80 ")))  # another file
        second = save_document(engine, *revised).document_id
        assert dismissals(engine, second)[finding.key].reviewer == "li"  # carried over
        restore(engine, first, finding.key)
        assert dismissals(engine, first) == {}
        assert finding.key in dismissals(engine, second)

    def test_check_json_and_report_show_dismissals(self, tmp_path, capsys):
        from jixiao.store.db import open_store
        from jixiao.store.finding_dismissals import dismiss
        from tests.conftest import SAMPLE

        db = str(tmp_path / "d.db")
        main(["--db", db, "import", str(SAMPLE)])
        findings = run_checks(load_document(open_store(tmp_path / "d.db"), 1), select={"U001"})
        dismiss(open_store(tmp_path / "d.db"), 1, findings[0].key, "计划次数，非人数", "li")
        capsys.readouterr()
        main(["--db", db, "check", "1", "--select", "U", "--format", "json"])
        (row,) = json.loads(capsys.readouterr().out)
        assert row["dismissed"]["note"] == "计划次数，非人数"
        main(["--db", db, "report", "1"])
        report = capsys.readouterr().out
        assert "审核中发现问题47条" in report  # the letter counts the open ones
        assert "### 已排除的检查结果 Dismissed findings: 1" in report
        assert "  - dismissed by li: 计划次数，非人数" in report
        assert "【适当性】740 元 (每个终端站点年运行服务费) × 314 个" in report
        main(["--db", db, "report", "1", "--format", "csv"])
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        found = [(row["kind"], row["code"]) for row in rows]
        assert found.count(("dismissed", "U001")) == 1 and found.count(("finding", "C001")) == 3
        u001 = next(row for row in rows if row["kind"] == "dismissed")
        assert u001["note"].endswith(" — 计划次数，非人数")


class TestContents:
    def test_fires_when_contents_and_tables_disagree(self, engine):
        text = sample_with(
            ("5.村级组织运转经费绩效目标表.....\t8", "5.村级组织运行经费绩效目标表.....\t8")
        )
        found = findings(engine, text, "T001")
        assert len(found) == 2
        assert "lists table 5 '村级组织运行经费'" in found[0].message

    def test_quiet_on_the_sample(self, engine):
        assert findings(engine, "\n".join(SAMPLE_LINES), "T001") == []

    def test_worded_in_the_readers_language_whatever_the_imports(self, engine, speak):
        """The import's notes keep the words of the import; the finding is the reader's."""
        text = sample_with(
            ("5.村级组织运转经费绩效目标表.....\t8", "5.村级组织运行经费绩效目标表.....\t8")
        )
        speak("zh")
        stored = load_document(engine, save_document(engine, *parse_text(text)).document_id)
        assert "目录" in stored.notes[0].message  # noted in Chinese
        speak("en")
        english = [f.message for f in run_checks(stored, select={"T001"})]
        assert english == [
            "the table of contents lists table 5 '村级组织运行经费' (page 8) but the document "
            "has no such table",
            "table 5 '村级组织运转经费' is not in the table of contents",
        ]
        speak("zh")
        chinese = [f.message for f in run_checks(stored, select={"T001"})]
        assert chinese[1] == "第 5 张表“村级组织运转经费”不在目录中"
        assert [f.key for f in run_checks(stored, select={"T001"})] == [
            f.key for f in findings(engine, text, "T001")
        ]  # a dismissal holds in either language
