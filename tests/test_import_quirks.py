"""Crafted inputs for each quirk the importer must handle, and the reading of values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.importers import parse_bytes
from jixiao.importers.model import Target
from jixiao.importers.numbered import split_numbered, strip_item_number
from jixiao.importers.targets import parse_target
from jixiao.importers.text import join_wraps
from tests.conftest import SAMPLE_LINES, SAMPLE_TEXT, parse_text, sample_lines_replaced, sample_with


class TestWrapJoining:
    @pytest.mark.parametrize(
        ("written", "meant"),
        [
            ("指标值确定 依据", "指标值确定依据"),
            ("社会效益指 标", "社会效益指标"),
            ("正常开展工 作", "正常开展工作"),
            ("“名校英才入冀” 人员房租补助", "“名校英才入冀”人员房租补助"),
            ("资金支出计 划（%）", "资金支出计划（%）"),
            ("2024 年度党刊征订费", "2024 年度党刊征订费"),
            ("巨好办 APP 运行费用", "巨好办 APP 运行费用"),
            ("  留白 ", "留白"),
        ],
    )
    def test_join(self, written, meant):
        assert join_wraps(written) == meant


class TestTargets:
    @pytest.mark.parametrize(
        ("value", "target"),
        [
            ("1000 份", Target("=", Decimal(1000), "份")),
            ("≥95%", Target("≥", Decimal(95), "%")),
            ("≤0.2 万元", Target("≤", Decimal("0.2"), "万元")),
            ("<0.6 万元", Target("<", Decimal("0.6"), "万元")),
            (">0.05万元", Target(">", Decimal("0.05"), "万元")),
            ("12 月底", Target("=", Decimal(12), "月底")),
            ("1 年", Target("=", Decimal(1), "年")),
            ("≧98%", Target("≥", Decimal(98), "%")),
            (">=3 次", Target("≥", Decimal(3), "次")),
            ("＜２万元", Target("<", Decimal(2), "万元")),  # full-width digits and comparator
            ("不少于 5 次", Target("≥", Decimal(5), "次")),
            ("≤1 万", Target("≤", Decimal(1), "万")),
        ],
    )
    def test_numeric(self, value, target):
        assert parse_target(value) == ("numeric", target)

    @pytest.mark.parametrize("value", ["提升", "长期", "每月", "按时", "正常开展", ""])
    def test_qualitative(self, value):
        assert parse_target(value) == ("qualitative", None)

    @pytest.mark.parametrize("value", ["1-2 次", "2024 年 6 月", "95%-98%"])
    def test_numbers_that_are_not_one_target_are_left_for_a_person(self, value):
        assert parse_target(value) == ("other", None)


class TestNumberedItems:
    def test_only_the_next_number_splits(self):
        text = "1.流转 22.5 万件。 2.办结 10 天以内，共 3 次。 3.提升"
        assert split_numbered(text) == ["流转 22.5 万件。", "办结 10 天以内，共 3 次。", "提升"]

    def test_a_year_after_the_number(self):
        assert split_numbered("1.2024 年度征订。 2.其他") == ["2024 年度征订。", "其他"]
        assert strip_item_number("1.2024 年度党刊征订费") == (1, "2024 年度党刊征订费")
        assert strip_item_number("22.5 万件") == (None, "22.5 万件")

    def test_unnumbered_text_is_one_item(self):
        assert split_numbered("保障正常运转。") == ["保障正常运转。"]
        assert split_numbered("") == []


class TestEncodings:
    def test_utf8_bom_and_gb18030_import_identically(self, sample):
        plain, _ = sample
        for data, encoding in (
            (b"\xef\xbb\xbf" + SAMPLE_TEXT.encode("utf-8"), "utf-8-sig"),
            (SAMPLE_TEXT.encode("gb18030"), "gb18030"),
        ):
            parsed, report = parse_bytes(data, "other.txt")
            assert report.encoding == encoding
            assert parsed.units == plain.units
            assert parsed.goals == plain.goals
            assert parsed.toc == plain.toc
            assert report.notes == []

    def test_crlf_line_ends_keep_the_line_numbers(self, sample):
        parsed, report = parse_text(SAMPLE_TEXT.replace("\n", "\r\n"))
        assert parsed.units == sample[0].units
        assert report.notes == []


class TestTolerances:
    def test_a_line_nobody_understands_is_reported_with_its_number(self):
        parsed, report = parse_text(sample_lines_replaced({145: "- 4 -"}))
        assert [(n.line, n.severity) for n in report.notes] == [(145, "unread")]
        assert "'- 4 -'" in report.notes[0].message
        assert len(parsed.projects) == 35

    def test_a_stray_row_under_a_table_is_reported_not_read_as_an_indicator(self, sample):
        parsed, report = parse_text(sample_lines_replaced({145: "备注\t以上数据为预估\t"}))
        assert [n.line for n in report.notes] == [145]
        assert parsed.projects[0].indicators == sample[0].projects[0].indicators

    def test_a_page_break_inside_a_table_does_not_end_it(self, sample):
        # Two blank lines between indicator rows 140 and 141, as a page break leaves them.
        parsed, report = parse_text(sample_lines_replaced({140: SAMPLE_LINES[139] + "\n\n"}))
        assert report.notes == []
        indicators = parsed.projects[0].indicators
        expected = sample[0].projects[0].indicators
        assert [(i.level3, i.value) for i in indicators] == [(i.level3, i.value) for i in expected]
        assert [i.line for i in indicators] == [138, 139, 140, 143, 144, 145, 146]

    def test_toc_and_tables_that_disagree_are_warned_about(self):
        text = sample_with(
            ("5.村级组织运转经费绩效目标表.....\t8", "5.村级组织运行经费绩效目标表.....\t8")
        )
        _, report = parse_text(text)
        messages = [(n.line, n.message) for n in report.warnings]
        assert len(messages) == 2
        assert messages[0][0] == 24
        assert "lists table 5 '村级组织运行经费'" in messages[0][1]
        assert messages[1][0] == 209
        assert "table 5 '村级组织运转经费' is not in the table of contents" in messages[1][1]

    def test_a_document_without_a_table_of_contents(self):
        lines = {n: None for n in range(10, 57)}
        parsed, report = parse_text(sample_lines_replaced(lines))
        assert parsed.toc == []
        assert len(parsed.projects) == 35
        assert [n.message for n in report.notes] == [
            "no table of contents (目录): the tables found cannot be checked against it"
        ]

    def test_amounts_with_thousands_separators_and_other_funds(self):
        text = sample_with(
            (
                "预算数\t6029.30\t其中：财政 资金\t6029.30\t其他资金\t",
                "预算数\t6,029.30\t其中：财政 资金\t6,000.00\t其他资金\t29.30",
            )
        )
        parsed, _ = parse_text(text)
        project = parsed.projects[4]
        assert (project.budget, project.fiscal_funds, project.other_funds) == (
            Decimal("6029.30"),
            Decimal("6000.00"),
            Decimal("29.30"),
        )

    def test_title_and_project_name_that_differ_are_warned_about(self):
        text = sample_with(("项目名称\t关工委经费", "项目名称\t关心下一代工作委员会经费"))
        parsed, report = parse_text(text)
        assert parsed.projects[11].name == "关心下一代工作委员会经费"
        assert [n.line for n in report.warnings] == [358]

    def test_final_stage_when_the_cover_has_no_draft_mark(self):
        parsed, _ = parse_text(sample_with(("(草案)\n", "")))
        assert parsed.stage == "final"

    def test_full_width_draft_mark(self):
        parsed, _ = parse_text(sample_with(("(草案)", "（草 案）")))
        assert parsed.stage == "draft"


class TestWrappedContentsEntries:
    """A contents entry too long for a line of the page continues on the next one, as
    office suites print a long project title; the page number is on the second line."""

    def test_an_entry_over_two_lines_is_one_entry(self, sample):
        start = "14.冀财行 2023 年 88 号提前下达 2024 年下派选调生到村工作中央财"
        text = sample_with(
            (f"{start}政补助资金绩效目标表.....\t17", f"{start}\n政补助资金绩效目标表.....\t17")
        )
        parsed, report = parse_text(text)
        assert [(e.ordinal, e.title, e.page) for e in parsed.toc] == [
            (e.ordinal, e.title, e.page) for e in sample[0].toc
        ]
        entry = next(e for e in parsed.toc if e.ordinal == 14)
        assert entry.line == 33
        assert report.notes == []
        assert report.lines_used == sample[1].lines_used + 1

    def test_a_part_one_entry_over_two_lines(self, sample):
        text = sample_with(("二、分项绩效目标.....\t1", "二、分项\n绩效目标.....\t1"))
        parsed, report = parse_text(text)
        assert [e.title for e in parsed.toc[:3]] == [
            "一、总体绩效目标",
            "二、分项绩效目标",
            "三、工作保障措施",
        ]
        assert report.notes == []

    def test_two_entries_without_page_numbers_are_not_joined(self):
        """Each starts with its own number: neither continues the other, both are reported."""
        text = sample_with(
            ("4.春节、重阳节茶话会经费绩效目标表.....\t7", "4.春节、重阳节茶话会经费绩效目标表"),
            ("5.村级组织运转经费绩效目标表.....\t8", "5.村级组织运转经费绩效目标表"),
        )
        parsed, report = parse_text(text)
        assert 4 not in {e.ordinal for e in parsed.toc}
        assert 5 not in {e.ordinal for e in parsed.toc}
        assert [n.line for n in report.notes if n.severity == "unread"] == [23, 24]


class TestControlCharactersAreReported:
    def test_each_line_holding_them_is_warned_about_and_stored_as_written(self):
        text = sample_with(
            ("党刊征订率", "党刊\x1b]0;PWNED\x07征订率"), ("实际测算", "实际\u202e测算")
        )
        parsed, report = parse_text(text)
        warnings = [(n.line, n.message) for n in report.warnings]
        assert warnings == [
            (138, "control characters \\u202e in the text: stored as written, shown escaped"),
            (139, "control characters \\x1b, \\x07 in the text: stored as written, shown escaped"),
        ]
        indicators = parsed.projects[0].indicators
        assert indicators[1].level3 == "党刊\x1b]0;PWNED\x07征订率"

    def test_a_clean_text_has_no_such_warning(self, sample):
        assert not [n for n in sample[1].warnings if "control characters" in n.message]
