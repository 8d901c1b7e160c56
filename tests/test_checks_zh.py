"""The checks' findings in Chinese: each family's message in the documents' own words with
its figures kept; the key, the code, the criterion and the JSON keys the same in both
languages; the 审核意见 letter's findings in Chinese."""

from __future__ import annotations

import json

from jixiao.store.checks.model import CHECKS, YEAR_CHECKS
from jixiao.store.checks.run import run_checks
from jixiao.store.findings import document_findings, finding_rows
from jixiao.store.letter import finding_text
from jixiao.store.queries import load_document
from jixiao.store.save import save_document
from jixiao.tui.cli import main
from tests.conftest import SAMPLE, SAMPLE_LINES, parse_text, sample_lines_replaced, sample_with
from tests.test_more_checks import CHANGED, at, findings, line, on_sample


def messages(found) -> list[str]:
    return [f.message for f in found]


class TestFindingsInChinese:
    def test_funds_and_spending_plan(self, engine, speak):
        speak("zh")
        text = sample_with(
            ("其中：财政 资金\t16.80\t其他资金\t", "其中：财政 资金\t15.00\t其他资金\t1.00")
        )
        assert messages(at(findings(engine, text, "F001"), 1)) == [
            "财政资金 15.00 + 其他资金 1.00 = 16.00，而预算数为 16.80 万元"
        ]
        plan = sample_lines_replaced({156: "\t25%\t\t50%\t75%\t90%\t"})
        (finding,) = at(findings(engine, plan, "P001"), 2)
        assert finding.message.startswith("资金支出计划未达到 100%：3月底 25%")

    def test_deadlines(self, engine, sample, speak):
        speak("zh")
        text = sample_lines_replaced({161: SAMPLE_LINES[160].replace("12 月底", "6 月底")})
        assert messages(at(findings(engine, text, "D001"), 2)) == [
            "时效指标为 6 月底，而资金支出计划在 12月底 达到 100%"
        ]
        assert messages(at(on_sample(engine, sample, "D002"), 35)) == [
            "周期 24 个月：24 个月超过一年，超出 2024 预算年度"
        ]

    def test_cost(self, engine, sample, speak):
        speak("zh")
        assert messages(at(on_sample(engine, sample, "C001"), 8)) == [
            "740 元（每个终端站点年运行服务费）× 314 个（站点数量） = 23.24 万元，"
            "超过预算数 6.00 万元"
        ]
        text = sample_lines_replaced({311: SAMPLE_LINES[310].replace("2 万元", "2.5 万元")})
        assert messages(at(findings(engine, text, "C002"), 9)) == [
            "经费标准 2.5 万元（干部档案信息管理中心工作经费每年总数）超过预算数 2.00 万元"
        ]

    def test_structure_and_satisfaction(self, engine, speak):
        speak("zh")
        text = sample_lines_replaced({144: None, 141: None})
        assert messages(at(findings(engine, text, "S001"), 1)) == [
            "缺少满意度指标",
            "产出指标缺少成本指标",
        ]
        text = sample_lines_replaced(dict([line(144, "100%", "≥90 分")]))
        assert messages(at(findings(engine, text, "S002"), 1)) == ["党员满意度“≥90 分”不是百分比"]

    def test_measurability_and_counting(self, engine, sample, speak):
        speak("zh")
        assert messages(at(on_sample(engine, sample, "M001"), 5)) == [
            "提升工作效率：指标值“提升”没有数字，年终无法考核"
        ]
        assert messages(at(on_sample(engine, sample, "U001"), 18)) == [
            "“离退休人数”计的是人，指标值却是“≥20次”"
        ]

    def test_blank_cells_and_bases(self, engine, sample, speak):
        speak("zh")
        text = sample_with(("\t1000 份\t实际测算", "\t1000 份\t"))
        assert messages(at(findings(engine, text, "E001"), 1)) == ["订购份数：指标值确定依据为空"]
        assert messages(at(on_sample(engine, sample, "B001"), 2)) == [
            "工作积极性 ≥90%：指标值确定依据“工作成绩”未说明计划、标准、历史数据、统计、合同或文件"
        ]

    def test_goals_and_totals(self, engine, sample, speak):
        speak("zh")
        (g001,) = at(on_sample(engine, sample, "G001"), 34)
        assert g001.message == (
            "分项绩效目标“政务大数据中心建设”要求“办结率达到 98%”，而 34. 巨好办 APP 运行费用"
            "的办结率为 ≥95%"
        )
        (g002,) = at(on_sample(engine, sample, "G002"), 13)
        assert g002.message.startswith("绩效目标中没有指标体现的数字：2 次（“通过经费支出完成至少")
        totals = [f.message for f in on_sample(engine, sample, "T002")]
        assert (
            totals[0]
            == "单位 203001 中共巨鹿县委组织部本级：31 个项目，6993.31 万元（占全部的 97.7%）"
        )

    def test_year_over_year(self, engine, sample, speak):
        speak("zh")
        save_document(engine, *sample)
        this_year = save_document(engine, *parse_text(CHANGED)).document_id
        found = {f.project.ordinal: f.message for f in document_findings(engine, this_year)
                 if f.code.startswith("Y")}  # fmt: skip
        assert found[1] == "订购份数：2024 年为 1000 份，2025 年为 900 份，而预算数仍为 16.80 万元"
        assert found[19].endswith("而预算数由 40.00 万元 增至 45.00 万元")
        assert found[16] == (
            "预算数由 2024 年的 50.00 万元 增至 2025 年的 65.00 万元（+30.0%），而 7 项指标值均未变"
        )


class TestTheSameFindingInBothLanguages:
    def test_key_code_criterion_and_figures_do_not_change(self, engine, sample, speak):
        stored = load_document(engine, save_document(engine, *sample).document_id)
        speak("en")
        english = finding_rows(engine, stored)
        speak("zh")
        chinese = finding_rows(engine, stored)
        assert [set(row) for row in chinese] == [set(row) for row in english]
        for row in ("code", "criterion", "key", "figures", "severity", "problem"):
            assert [r[row] for r in chinese] == [r[row] for r in english], row
        assert sum(
            r["message"] != e["message"] for r, e in zip(chinese, english, strict=True)
        ) == len(english)

    def test_a_document_level_finding_keeps_its_english_key(self, engine, sample, speak):
        speak("zh")
        (total, _) = run_checks(
            load_document(engine, save_document(engine, *sample).document_id), select={"T002"}
        )
        assert total.key.startswith("T002|unit 203001 中共巨鹿县委组织部本级: 31 projects")

    def test_every_check_title_has_its_chinese(self, speak):
        from jixiao.i18n import _

        speak("zh")
        for registered in [*CHECKS.values(), *YEAR_CHECKS.values()]:
            assert _(registered.title) != registered.title, registered.code


class TestCheckCommandInChinese:
    def test_json_keeps_its_keys_and_speaks_chinese(self, tmp_path, capsys, speak):
        db = str(tmp_path / "c.db")
        main(["--db", db, "import", str(SAMPLE)])
        capsys.readouterr()
        assert main(["--db", db, "--lang", "zh", "check", "1", "--format", "json",
                     "--select", "M001"]) == 0  # fmt: skip
        rows = json.loads(capsys.readouterr().out)
        assert rows[0]["code"] == "M001" and rows[0]["criterion"] == "相关性"
        assert "没有数字，年终无法考核" in rows[0]["message"]

    def test_the_letter_words_findings_in_chinese(self, engine, sample, speak):
        speak("zh")
        stored = load_document(engine, save_document(engine, *sample).document_id)
        rows = finding_rows(engine, stored, {"M001"})
        assert finding_text(rows[0]) == "提升工作效率：指标值“提升”没有数字，年终无法考核"
