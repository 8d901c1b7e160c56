"""The bundled sample, read field by field: what a reviewer would check by hand."""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.model import Target
from tests.conftest import SAMPLE_LINES


class TestDocument:
    def test_front_matter(self, sample):
        doc, _ = sample
        assert doc.department == "中共巨鹿县委组织部"
        assert doc.year == 2024
        assert doc.stage == "draft"
        assert doc.title == "2024 年部门预算绩效文本"
        assert doc.compiled_by == "中共巨鹿县委组织部编制"
        assert doc.reviewed_by == "巨鹿县财政局审核"

    def test_counts_and_exact_total(self, sample):
        doc, _ = sample
        assert [(u.code, u.name, len(u.projects)) for u in doc.units] == [
            ("203001", "中共巨鹿县委组织部本级", 31),
            ("203003", "巨鹿县大数据发展中心", 4),
        ]
        assert len(doc.projects) == 35
        assert doc.indicator_count == 252
        assert doc.total_budget == Decimal("7157.01")
        assert [p.ordinal for p in doc.projects] == list(range(1, 36))

    def test_every_non_blank_line_is_used(self, sample):
        _, report = sample
        non_blank = sum(1 for line in SAMPLE_LINES if line.strip())
        assert report.notes == []
        assert report.lines_used == non_blank == 682
        assert report.lines_total - report.lines_blank == non_blank

    def test_table_of_contents_lists_every_table(self, sample):
        doc, _ = sample
        tables = [entry for entry in doc.toc if entry.ordinal is not None]
        assert [e.title for e in doc.toc if e.ordinal is None] == [
            "一、总体绩效目标",
            "二、分项绩效目标",
            "三、工作保障措施",
        ]
        assert [(e.ordinal, e.page) for e in tables] == [(n, n + 3) for n in range(1, 36)]
        assert [e.title for e in tables] == [p.title for p in doc.projects]
        assert tables[21].title == "三干会工作经费"  # "三干会工作经费 绩效目标表" in the ToC

    def test_department_goals(self, sample):
        goals = sample[0].goals
        assert len(goals.overall) == 3
        assert goals.overall[0].text.startswith("聚力“四个提升”，持续营造风清气正良好政治生态。")
        assert goals.overall[0].first_line == 63
        assert [s.title for s in goals.sub] == [
            "党员和党组织建设",
            "干部管理及表彰",
            "人才工作及政策落实",
            "档案集中化、数字化建设",
            "离退休干部政策及服务",
            "政务大数据中心建设",
        ]
        assert goals.sub[5].goal == "为解决群众急难愁盼提供渠道，不断推进基层治理现代化建设。"
        assert goals.sub[5].indicators.startswith("流转办结上报事件数量不低于 22.5 万件")
        assert (goals.sub[0].first_line, goals.sub[0].last_line) == (71, 75)
        assert [(m.title, m.first_line, m.last_line) for m in goals.measures] == [
            ("加强组织领导", 109, 111),
            ("强化预算执行", 113, 115),
            ("健全评价机制", 117, 119),
        ]


class TestProjects:
    def test_first_project(self, project_by_ordinal):
        project = project_by_ordinal(1)
        assert project.title == project.name == "2024 年度党刊征订费"
        assert project.code == "13052924P005840120862"  # "…01208 62" joined
        assert project.unit_code == "203001"
        assert project.money_unit == "万元"
        assert (project.budget, project.fiscal_funds, project.other_funds) == (
            Decimal("16.80"),
            Decimal("16.80"),
            None,
        )
        assert project.purpose == "支付党刊征订费用。"
        assert project.spending_plan == {3: None, 6: None, 10: None, 12: Decimal(100)}
        assert project.goals == [
            "通过经费支出保障党刊征订。",
            "通过党刊征订促进党员干部学习。",
            "通过党刊征订加强思想政治建设。",
        ]
        assert (project.first_line, project.last_line, project.goals_line) == (125, 144, 136)

    def test_spending_plan_cells_follow_the_header_positions(self, project_by_ordinal):
        # Header "\t3 月底\t\t6 月底\t10 月底\t12 月底": values at columns 1, 3, 4, 5.
        assert project_by_ordinal(2).spending_plan == {
            3: Decimal(25),
            6: Decimal(50),
            10: Decimal(75),
            12: Decimal(100),
        }
        # "3月底" without a space, the first quarter-end left empty.
        assert project_by_ordinal(3).spending_plan == {
            3: None,
            6: Decimal(40),
            10: Decimal(40),
            12: Decimal(100),
        }
        # Table 8 lays its header out differently: "3月底\t\t6月底\t\t10月底\t12月底",
        # and its only value sits in column 6, under 12月底.
        assert SAMPLE_LINES[282].split("\t")[1:] == ["3月底", "", "6月底", "", "10月底", "12月底"]
        assert project_by_ordinal(8).spending_plan == {3: None, 6: None, 10: None, 12: Decimal(100)}
        # Table 22 spends everything by June and leaves the later cells empty.
        assert project_by_ordinal(22).spending_plan == {
            3: None,
            6: Decimal(100),
            10: None,
            12: None,
        }

    def test_indicators_carry_their_first_level_down(self, project_by_ordinal):
        project = project_by_ordinal(5)
        assert len(project.indicators) == 9
        assert [i.level1 for i in project.indicators] == ["产出指标"] * 6 + ["效益指标"] * 2 + [
            "满意度指标"
        ]
        second = project.indicators[1]
        assert (second.level2, second.level3, second.value, second.line) == (
            "数量指标",
            "村“两委”干部人数",
            "≤1165 人",
            223,
        )
        assert second.target == Target("≤", Decimal(1165), "人")
        assert project.indicators[6].value == "提升"
        assert project.indicators[6].target is None
        assert project.indicators[6].target_kind == "qualitative"
        assert project.budget == Decimal("6029.30")

    def test_wrapped_cells_are_joined(self, project_by_ordinal):
        project = project_by_ordinal(11)
        satisfaction = project.indicators[-1]
        assert satisfaction.level2 == "服务对象满意度指标"  # "服务对象满 意度指标"
        assert satisfaction.level3 == "公务员满意度"  # "公务员满意 度"
        assert satisfaction.description == "公务员对各项工作的满意程度"
        assert project.indicators[4].level2 == "社会效益指标"  # "社会效益指 标"
        last = project_by_ordinal(35).indicators[5]
        assert last.value == "正常开展工作"  # "正常开展工 作"
        assert last.level3 == "保障大数据中心工作正常开展"  # "保障大数据 中心工作正 常开展"

    def test_latin_and_digits_keep_their_spaces(self, project_by_ordinal):
        assert project_by_ordinal(34).name == "巨好办 APP 运行费用"
        assert project_by_ordinal(32).name == "12345 便民热线新增人员经费"
        assert project_by_ordinal(13).name == (
            "冀财社 2023 年 218 号提前下达 2024 年脱贫县离休干部医药费补助资金"
        )

    def test_second_unit(self, project_by_ordinal):
        project = project_by_ordinal(32)
        assert project.unit_code == "203003"
        assert project.code == "13052924P005840121940"
        assert project.budget == Decimal("9.70")
        frequency = project.indicators[2]
        assert (frequency.level2, frequency.value, frequency.target_kind) == (
            "时效指标",
            "每月",
            "qualitative",
        )
        cost = project.indicators[3]
        assert cost.target == Target("≤", Decimal("9.7"), "万元")
        assert cost.basis == "发放单据测算"  # "发放单据测 算"

    def test_goals_without_full_stops_are_split_by_their_numbers(self, project_by_ordinal):
        assert project_by_ordinal(33).goals == [
            "保障大数据中心工作正常开展",
            "保障政务微信正常使用",
            "提高数字化治理水平",
        ]
        assert project_by_ordinal(29).goals[1] == "通过资金支出完成至少3次的活动开展。"
        assert all(len(p.goals) == 3 for p in (project_by_ordinal(n) for n in range(1, 36)))

    def test_a_carried_over_project_keeps_its_code(self, project_by_ordinal):
        # Table 7's code carries the year digits 23: a project begun in 2023.
        assert project_by_ordinal(7).code == "13052923P00585210113B"

    def test_every_indicator_knows_its_source_line(self, sample):
        for project in sample[0].projects:
            for indicator in project.indicators:
                cells = SAMPLE_LINES[indicator.line - 1].split("\t")
                assert indicator.value.replace(" ", "") == cells[4].replace(" ", "")
                assert project.first_line < indicator.line <= project.last_line

    def test_target_kinds_on_the_sample(self, sample):
        kinds: dict[str, int] = {}
        for project in sample[0].projects:
            for indicator in project.indicators:
                kinds[indicator.target_kind] = kinds.get(indicator.target_kind, 0) + 1
        qualitative = {
            i.value
            for p in sample[0].projects
            for i in p.indicators
            if i.target_kind == "qualitative"
        }
        assert qualitative == {
            "安全运行",
            "提升",
            "提高",
            "按时",
            "正常开展",
            "正常开展工作",
            "每月",
            "长期",
        }
        assert kinds.get("other", 0) == 0
        assert sum(kinds.values()) == 252
