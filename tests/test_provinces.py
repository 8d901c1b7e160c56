"""Other provinces' target tables (issue 19): each kind in each shape of text imports with
every field right, the mixed cases too, and the tables that are not targets are refused
saying what they are. The samples are tests/fixtures/provinces/ (tests/render/provinces.py
writes them, with what each must import as)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jixiao.importers import ImportFault, ImportReport, ParsedDocument, parse_file, parse_text
from jixiao.importers.decode import DecodedText
from jixiao.importers.levels import fill_down, leading_level_names
from jixiao.importers.money import money_text, to_fen
from jixiao.importers.province import sniff, split_goals
from jixiao.importers.province_glued import split_indicator_row
from jixiao.importers.web_debris import is_debris
from jixiao.tui.cli import main
from tests.conftest import SAMPLE_TEXT
from tests.render.provinces import samples

FIXTURES = Path(__file__).parent / "fixtures" / "provinces"
TARGET_SAMPLES = sorted(
    path.stem for path in FIXTURES.glob("*.txt") if not path.stem.startswith("refused")
)
REFUSED_SAMPLES = sorted(path.stem for path in FIXTURES.glob("refused-*.txt"))
_DETAILS = ("comparator", "unit", "weight", "direction", "value_type")
_MORE_DETAILS = ("explanation", "scoring_rule", "remark", "previous_value")


def fields(document: ParsedDocument, report: ImportReport) -> dict[str, Any]:
    """The document as the samples' expected.json writes it."""
    (unit,) = document.units
    (project,) = unit.projects
    return {
        "kind": document.kind.removesuffix("_table"),
        "title": document.title,
        "stage": document.stage,
        "year": document.year,
        "department": document.department,
        "department_code": document.department_code,
        "unit": unit.name,
        "project": {
            "name": project.name,
            "code": project.code,
            "attribute": project.attribute,
            "period": project.period,
            "manager": project.manager,
            "purpose": project.purpose,
            "money_unit": project.money_unit,
            "budget": money_text(project.budget),
            "budget_fen": to_fen(project.budget, project.money_unit),
            "funds": [[fund.label, money_text(fund.amount)] for fund in project.funds],
            "goals": project.goals,
            "medium_term_goals": project.medium_term_goals,
        },
        "indicators": [
            {
                "period": i.period,
                "level1": i.level1,
                "level2": i.level2,
                "level3": i.level3,
                "value": i.value,
                **{name: i.details.get(name, "") for name in _DETAILS},
                "basis": i.basis,
                **{name: i.details.get(name, "") for name in _MORE_DETAILS},
            }
            for i in project.indicators
        ],
        "debris_lines": report.lines_debris,
    }


def expected(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


class TestSamples:
    def test_the_committed_samples_are_what_the_writer_writes(self):
        for name, (lines, want) in samples().items():
            assert (FIXTURES / f"{name}.txt").read_text(encoding="utf-8") == "\n".join(lines)
            assert expected(name) == want, name

    def test_every_kind_in_every_shape(self):
        kinds = ("application", "approval", "sanction", "department")
        shapes = ("pipes", "spaced", "lines", "glued")
        assert {f"{kind}-{shape}" for kind in kinds for shape in shapes} <= set(TARGET_SAMPLES)


class TestImport:
    @pytest.mark.parametrize("name", TARGET_SAMPLES)
    def test_every_field_is_read(self, name):
        document, report = parse_file(FIXTURES / f"{name}.txt")
        assert report.layout == "province"
        assert fields(document, report) == expected(name)

    @pytest.mark.parametrize("name", TARGET_SAMPLES)
    def test_every_line_is_used_or_counted_as_web_furniture(self, name):
        _, report = parse_file(FIXTURES / f"{name}.txt")
        assert report.unread == []
        assert report.warnings == []
        counted = report.lines_used + report.lines_blank + report.lines_debris
        assert counted == report.lines_total

    def test_a_line_nothing_understands_is_reported(self):
        text = (FIXTURES / "application-spaced.txt").read_text(encoding="utf-8")
        text = text.replace("\n项目期 1年", "\n审核意见：同意\n项目期 1年 附件 1份")
        _, report = parse_text(DecodedText(text, "utf-8", "0" * 64), "x.txt")
        assert [note.message for note in report.unread] == ["not understood: '审核意见：同意'"]
        assert [note.message for note in report.warnings] == [
            "not understood in this row: '附件'",
            "not understood in this row: '1份'",
        ]

    def test_money_in_yuan_is_kept_exact_in_fen(self):
        document, _ = parse_file(FIXTURES / "approval-pipes.txt")
        project = document.projects[0]
        assert (project.money_unit, to_fen(project.budget, "元")) == ("元", 125_000_000)
        assert project.other_funds is not None and to_fen(project.other_funds, "元") == 25_000_000

    def test_a_comparator_in_a_cell_of_its_own_makes_the_target(self):
        document, _ = parse_file(FIXTURES / "approval-spaced.txt")
        indicator = document.projects[0].indicators[3]
        assert indicator.value == "1500"
        assert indicator.target is not None
        assert (indicator.target.op, str(indicator.target.number), indicator.target.unit) == (
            "=",
            "1500",
            "元/亩",
        )

    def test_the_year_and_department_can_be_given(self):
        from jixiao.importers import Overrides

        text = (FIXTURES / "department-spaced.txt").read_text(encoding="utf-8")
        text = text.replace("2024年部门整体支出绩效目标表", "部门整体支出绩效目标表")
        with pytest.raises(ImportFault, match="pass --year"):
            parse_text(DecodedText(text, "utf-8", "0" * 64), "x.txt")
        document, _ = parse_text(
            DecodedText(text, "utf-8", "0" * 64), "x.txt", Overrides(year=2023)
        )
        assert document.year == 2023

    def test_sub_columns_in_single_spaces(self):
        piped = (FIXTURES / "mixed-sub-columns.txt").read_text(encoding="utf-8")
        text = "\n".join(
            " ".join(cell.strip() for cell in line.split("|") if cell.strip())
            for line in piped.split("\n")
        )
        document, report = parse_text(DecodedText(text, "utf-8", "0" * 64), "x.txt")
        assert fields(document, report) == expected("mixed-sub-columns")

    def test_spaces_inside_a_title_and_a_value(self):
        text = (FIXTURES / "application-spaced.txt").read_text(encoding="utf-8")
        text = text.replace("2024年度项目", "2024 年度项目").replace("≥12000人", "≥ 12000 人")
        document, report = parse_text(DecodedText(text, "utf-8", "0" * 64), "x.txt")
        assert document.title == "2024 年度项目支出绩效目标申报表"
        indicator = document.projects[0].indicators[0]
        assert (indicator.level3, indicator.value) == ("受益学生人数", "≥12000 人")
        assert indicator.target is not None and indicator.target.number == 12000
        assert report.warnings == []

    def test_a_second_table_in_the_file_is_refused(self):
        text = (FIXTURES / "application-spaced.txt").read_text(encoding="utf-8")
        second = (FIXTURES / "department-spaced.txt").read_text(encoding="utf-8")
        with pytest.raises(ImportFault, match="a second table starts here") as caught:
            parse_text(DecodedText(text + second, "utf-8", "0" * 64), "x.txt")
        assert caught.value.line == len(text.split("\n"))

    def test_empty_last_cells_leave_the_first_in_their_columns(self):
        text = (FIXTURES / "sanction-spaced.txt").read_text(encoding="utf-8")
        text = text.replace(" 无\n", "\n")  # 备注 empty on every row: nothing written
        document, report = parse_text(DecodedText(text, "utf-8", "0" * 64), "x.txt")
        indicator = document.projects[0].indicators[0]
        assert (indicator.details["scoring_rule"], indicator.details["remark"]) == (
            "每少1000人次扣1分",
            "",
        )
        assert report.warnings == []

    def test_a_column_not_known_and_cells_beyond_the_columns_are_warned_about(self):
        text = (FIXTURES / "application-pipes.txt").read_text(encoding="utf-8")
        text = text.replace("| 三级指标 | 指标值 |", "| 三级指标 | 指标值 | 完成时限 |")
        text = text.replace("| 0起 |", "| 0起 | 12月 | 多余 |")
        _, report = parse_text(DecodedText(text, "utf-8", "0" * 64), "x.txt")
        assert [note.message for note in report.warnings] == [
            "the column '完成时限' is not one jixiao reads",
            "cells beyond the table's columns, not read: '多余'",
        ]

    def test_hebei_documents_are_not_taken_for_these(self):
        assert sniff(SAMPLE_TEXT) == 0.0


class TestRefusals:
    @pytest.mark.parametrize("name", REFUSED_SAMPLES)
    def test_says_what_the_file_is(self, name):
        with pytest.raises(ImportFault) as caught:
            parse_file(FIXTURES / f"{name}.txt")
        assert expected(name)["refused"] in str(caught.value)

    @pytest.mark.parametrize("name", REFUSED_SAMPLES)
    def test_exit_code_2(self, name, tmp_path, capsys):
        code = main(["--db", str(tmp_path / "s.db"), "import", str(FIXTURES / f"{name}.txt")])
        assert code == 2
        assert expected(name)["refused"] in capsys.readouterr().err


class TestLevels:
    def test_labels_on_the_first_row_cover_the_rows_below(self):
        filled = fill_down(["产出指标", "", "", "效益指标", ""])
        assert [level.value for level in filled] == ["产出指标"] * 3 + ["效益指标"] * 2

    def test_labels_on_the_middle_row_cover_the_rows_around(self):
        labels = ["", "产出指标", "", "", "效益指标", "满意度指标"]
        children = [
            "数量指标",
            "质量指标",
            "时效指标",
            "经济效益指标",
            "社会效益指标",
            "满意度指标",
        ]
        filled = fill_down(labels, children=children)
        assert [level.value for level in filled] == ["产出指标"] * 3 + ["效益指标"] * 2 + [
            "满意度指标"
        ]
        assert not any(level.doubtful for level in filled)

    def test_an_even_group_takes_its_upper_middle_row(self):
        filled = fill_down(["", "产出指标", "", "", "效益指标"])
        assert [level.value for level in filled] == ["产出指标"] * 4 + ["效益指标"]

    def test_the_framework_decides_where_the_rows_could_go_either_way(self):
        # 产出 on row 1 covers rows 0-2 or 0-3; row 3 is 经济效益: under 效益指标.
        labels = ["", "产出指标", "", "", "效益指标", "", ""]
        children = ["数量", "质量", "时效", "经济效益", "社会效益", "生态效益", "可持续影响"]
        filled = fill_down(labels, children=children)
        assert [level.value for level in filled][2:4] == ["产出指标", "效益指标"]

    def test_a_level_a_row_lacks_stays_empty(self):
        parents = ["产出指标", "产出指标", "满意度指标"]
        filled = fill_down(["数量指标", "", ""], parents=parents, middle=False)
        assert [level.value for level in filled] == ["数量指标", "数量指标", ""]

    def test_names_run_together_are_parted(self):
        assert leading_level_names("成本指标经济成本指标冷链运行成本") == (
            "成本指标",
            "经济成本指标",
            "冷链运行成本",
        )


class TestCellsRunTogether:
    @pytest.mark.parametrize(
        ("text", "cells"),
        [
            ("产出指标数量指标受益学生人数≥12000人",
             ["产出指标", "数量指标", "受益学生人数", "≥12000人"]),
            ("时效指标补助资金拨付时间2024年全年", ["时效指标", "补助资金拨付时间", "2024年全年"]),
            ("亩均补助标准=1500元/亩", ["亩均补助标准", "=1500元/亩"]),
            ("学生营养健康状况显著改善", ["学生营养健康状况", "显著改善"]),
        ],
    )  # fmt: skip
    def test_by_level_names_and_the_shape_of_values(self, text, cells):
        assert split_indicator_row(text) == (cells, True)

    def test_a_row_with_no_value_says_so(self):
        text = (FIXTURES / "application-glued.txt").read_text(encoding="utf-8")
        text = text.replace("学生营养健康状况显著改善", "学生营养健康状况良好")
        document, report = parse_text(DecodedText(text, "utf-8", "0" * 64), "x.txt")
        assert document.projects[0].indicators[5].level3 == "学生营养健康状况良好"
        assert any("no value was found" in note.message for note in report.warnings)


class TestGoals:
    def test_numbered_goals(self):
        assert split_goals("目标1：甲；目标2：乙。") == ["甲；", "乙。"]
        assert split_goals("一段话。") == ["一段话。"]


class TestWebDebris:
    @pytest.mark.parametrize(
        "line",
        ["首页 > 信息公开 > 部门预算", "索引号：1142/2024-00163", "发布机构：某局",
         "字号：[大][中][小]", "扫一扫在手机打开当前页", "[下载] [打印] [关闭]"],
    )  # fmt: skip
    def test_is_known(self, line):
        assert is_debris(line)

    def test_table_text_is_not(self):
        assert not is_debris("项目名称 农村义务教育学生营养改善计划")


@pytest.fixture
def stored(tmp_path):
    """A store holding the samples named, by name → document id."""
    from jixiao.store.db import open_store
    from jixiao.store.save import save_document

    engine = open_store(tmp_path / "s.db")

    def store(*names: str) -> dict[str, int]:
        ids = {}
        for name in names:
            saved = save_document(engine, *parse_file(FIXTURES / f"{name}.txt"))
            ids[name] = saved.document_id
        return ids

    return engine, store


class TestStore:
    @pytest.mark.parametrize("name", ["approval-pipes", "mixed-two-goal-sets", "sanction-lines"])
    def test_a_document_reads_back_as_it_was_imported(self, stored, name):
        from jixiao.store.queries import load_document

        engine, store = stored
        document_id = store(name)[name]
        parsed, report = parse_file(FIXTURES / f"{name}.txt")
        assert fields(load_document(engine, document_id).parsed, report) == fields(parsed, report)

    def test_the_export_says_what_the_table_has(self, stored):
        from jixiao.store.export import to_json, to_markdown
        from jixiao.store.queries import load_document

        engine, store = stored
        document = load_document(engine, store("approval-pipes")["approval-pipes"])
        exported = to_json(document)
        assert exported["document"]["kind"] == "project_table"
        assert exported["document"]["department_code"] == "510104"
        project = exported["units"][0]["projects"][0]
        assert project["funds"][0] == {"label": "当年市级财政资金", "amount": "1000000.00"}
        assert project["indicators"][0]["comparator"] == "≥"
        assert project["indicators"][0]["weight"] == "20"
        assert project["indicators"][0]["remark"] is None  # the table has no 备注 column
        markdown = to_markdown(document)
        assert "- 项目属性：新增项目" in markdown
        assert "| 指标性质 | 度量单位 | 权重 | 指标方向性 |" in markdown

    def test_the_csv_export_carries_the_extra_columns(self, stored):
        from jixiao.store.export import CSV_COLUMNS, csv_columns, to_csv_rows
        from jixiao.store.queries import load_document

        engine, store = stored
        document = load_document(engine, store("approval-pipes")["approval-pipes"])
        columns = csv_columns(document)
        assert columns == [*CSV_COLUMNS, "period", "comparator", "unit", "weight", "direction"]
        first = to_csv_rows(document)[0]
        assert (first["level3"], first["comparator"], first["unit"], first["weight"]) == (
            "新建高标准农田面积", "≥", "亩", "20",
        )  # fmt: skip
        assert set(first) <= set(columns)

    def test_hebei_exports_gain_no_keys(self, engine, sample):
        from jixiao.store.export import CSV_COLUMNS, csv_columns, to_csv_rows, to_json
        from jixiao.store.queries import load_document
        from jixiao.store.save import save_document

        stored = load_document(engine, save_document(engine, *sample).document_id)
        assert csv_columns(stored) == CSV_COLUMNS
        assert set(to_csv_rows(stored)[0]) == set(CSV_COLUMNS)
        exported = to_json(stored)
        assert "kind" not in exported["document"]
        assert "period" not in exported["units"][0]["projects"][0]["indicators"][0]


class TestChecks:
    def test_checks_that_need_a_spending_plan_skip_saying_why(self, stored):
        from jixiao.store.checks.run import run_checks
        from jixiao.store.queries import load_document

        engine, store = stored
        document = load_document(engine, store("department-pipes")["department-pipes"])
        skipped = [f for f in run_checks(document) if f.code in ("P001", "D001")]
        assert [(f.severity, "no spending plan" in f.message) for f in skipped] == [
            ("info", True),
            ("info", True),
        ]

    def test_the_money_split_is_added_up_line_by_line(self, stored):
        from jixiao.store.checks.run import run_checks
        from jixiao.store.queries import load_document

        engine, store = stored
        document = load_document(engine, store("approval-pipes")["approval-pipes"])
        assert [f for f in run_checks(document) if f.code == "F001"] == []
        document.parsed.projects[0].funds.pop()
        (finding,) = [f for f in run_checks(document) if f.code == "F001"]
        assert "当年市级财政资金 1000000.00 = 1000000.00" in finding.message

    def test_the_2021_guides_cost_level_counts_as_cost(self, stored):
        from jixiao.store.checks.run import run_checks
        from jixiao.store.queries import load_document

        engine, store = stored
        document = load_document(engine, store("sanction-pipes")["sanction-pipes"])
        assert not [f for f in run_checks(document) if "without" in f.message]


class TestCompare:
    def test_projects_without_a_code_pair_by_name(self, stored):
        from jixiao.store import compare_documents

        engine, store = stored
        ids = store("application-pipes", "mixed-web-middle-rows")
        comparison = compare_documents(
            engine, ids["application-pipes"], ids["mixed-web-middle-rows"]
        )
        (pair,) = comparison.projects
        assert (pair.status, pair.match) == ("unchanged", "name")


class TestTui:
    async def test_a_table_is_browsed_like_a_document(self, tmp_path):
        from jixiao.store.db import open_store
        from jixiao.store.save import save_document
        from tests.test_tui import to_project
        from tests.tui_helpers import make_app, press, screen_text

        path = tmp_path / "review.db"
        save_document(open_store(path), *parse_file(FIXTURES / "approval-pipes.txt"))
        async with make_app(path).run_test(size=(160, 50)) as pilot:
            await to_project(pilot, 1)
            text = screen_text(pilot)
            assert "高标准农田建设补助" in text
            assert "新建高标准农田面积" in text
            assert "项目属性 新增项目" in text
            assert "当年市级财政资金 1000000.00" in text
            assert "项目编码" not in text and "资金支出计划" not in text
            await press(pilot, "v")
            assert "1,250,000.00" in screen_text(pilot)


class TestDamagedText:
    def test_lines_cut_dropped_or_doubled_give_a_fault_or_a_document(self):
        """A small fuzz over every sample: a fault with its message, never a traceback; an
        imported document has every line used, counted or reported."""
        import random

        chance = random.Random(19)
        for path in sorted(FIXTURES.glob("*.txt")):
            written = path.read_text(encoding="utf-8").split("\n")
            for _ in range(60):
                lines = list(written)
                at = chance.randrange(len(lines))
                change = chance.randrange(4)
                if change == 0:
                    del lines[at]
                elif change == 1:
                    lines.insert(at, lines[at])
                elif change == 2:
                    cut = chance.randrange(len(lines[at]) + 1)
                    lines[at : at + 1] = [lines[at][:cut], lines[at][cut:]]
                else:
                    lines[at] += chance.choice(["|", "\t", "≥", "指标", "一级指标"])
                try:
                    _, report = parse_text(
                        DecodedText("\n".join(lines), "utf-8", "0" * 64), "x.txt"
                    )
                except ImportFault:
                    continue
                accounted = report.lines_used + report.lines_blank + report.lines_debris
                assert accounted + len(report.unread) == report.lines_total


class TestShow:
    def test_a_project_shows_the_fields_its_table_has(self, tmp_path, capsys):
        db = str(tmp_path / "s.db")
        assert main(["--db", db, "import", str(FIXTURES / "approval-pipes.txt")]) == 0
        capsys.readouterr()
        assert main(["--db", db, "show", "1", "1"]) == 0
        out = capsys.readouterr().out
        assert "项目属性  新增项目" in out
        assert "其中 当年市级财政资金 1000000.00; 其它资金 250000.00" in out
        assert "指标性质" in out and "权重" in out
        assert "项目编码" not in out and "资金支出计划" not in out

    def test_the_json_has_the_extra_columns(self, tmp_path, capsys):
        db = str(tmp_path / "s.db")
        assert main(["--db", db, "import", str(FIXTURES / "mixed-two-goal-sets.txt")]) == 0
        capsys.readouterr()
        assert main(["--db", db, "show", "1", "1", "--format", "json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["medium_term_goals"] == [
            "三年内改造提升农村公路120公里，群众出行条件明显改善。"
        ]
        assert [i["period"] for i in shown["indicators"]].count("medium_term") == 4

    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_the_goal_period_in_the_tables_words(self, tmp_path, capsys, speak, lang):
        """A table with medium-term and annual goals heads them 中长期目标 and 年度目标: the
        table and the Markdown say so, not the keys JSON keeps."""
        db = str(tmp_path / "s.db")
        assert main(["--db", db, "import", str(FIXTURES / "mixed-two-goal-sets.txt")]) == 0
        capsys.readouterr()
        speak(lang)
        assert main(["--db", db, "--lang", lang, "show", "1", "1"]) == 0
        out = capsys.readouterr().out
        rows = [line for line in out.splitlines() if "≥120公里" in line or "≥40公里" in line]
        assert rows[0].startswith("中长期目标") and rows[1].startswith("年度目标")
        assert "medium_term" not in out and "annual" not in out
        assert main(["--db", db, "--lang", lang, "export", "1", "--format", "md"]) == 0
        out = capsys.readouterr().out
        assert "| 目标期 | 一级指标 |" in out and "| 中长期目标 | 产出指标 |" in out
        assert "medium_term" not in out


class TestNotes:
    @pytest.mark.parametrize(
        ("lang", "said"),
        [("en", "line 5: warning: a second value for 项目负责人 ('李四'); the first, '王敏', "
                "is kept"),
         ("zh", "第 5 行：警告：项目负责人 有第二个值（“李四”）；保留第一个值“王敏”")],
    )  # fmt: skip
    def test_a_note_names_a_field_as_the_table_does(self, tmp_path, capsys, speak, lang, said):
        text = (FIXTURES / "application-pipes.txt").read_text(encoding="utf-8")
        manager = "| 项目期 | 1年 | 项目负责人 | 王敏 |\n"
        assert manager in text
        path = tmp_path / "twice.txt"
        path.write_text(text.replace(manager, manager + "| 项目负责人 | 李四 |\n"), "utf-8")
        speak(lang)
        assert main(["--db", str(tmp_path / "n.db"), "--lang", lang, "import", str(path)]) == 0
        out = capsys.readouterr().out
        assert said in out and "manager" not in out


class TestSearch:
    def test_finds_a_tables_indicators_and_goals(self, tmp_path, capsys):
        db = str(tmp_path / "s.db")
        for name in ("approval-pipes", "mixed-two-goal-sets"):
            assert main(["--db", db, "import", str(FIXTURES / f"{name}.txt")]) == 0
        capsys.readouterr()
        assert main(["--db", db, "search", "农田", "--format", "json"]) == 0
        hits = json.loads(capsys.readouterr().out)
        assert {hit["text"] for hit in hits} >= {"高标准农田建设补助", "新建高标准农田面积 · 3000"}
        assert main(["--db", db, "search", "三年内改造", "--format", "json"]) == 0
        (hit,) = json.loads(capsys.readouterr().out)
        assert hit["kind"] == "goal"
