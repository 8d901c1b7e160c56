"""Every input fault gives the file, the line where there is one, and what was expected."""

from __future__ import annotations

import pytest

from jixiao.importers import ImportFault, Overrides, parse_bytes, parse_file
from tests.conftest import SAMPLE_LINES, parse_text, sample_lines_replaced, sample_with


def fault_of(data: bytes | str, **kwargs: object) -> ImportFault:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(ImportFault) as caught:
        parse_bytes(raw, "bad.txt", **kwargs)  # type: ignore[arg-type]
    assert caught.value.filename == "bad.txt"
    return caught.value


class TestUnreadableFiles:
    @pytest.mark.parametrize("data", [b"", b"\n  \n\t\n"])
    def test_empty(self, data):
        fault = fault_of(data)
        assert fault.line is None
        assert "empty" in fault.message

    def test_binary_with_nul_bytes(self):
        fault = fault_of(b"\x7fELF\x02\x01\x00\x00binary")
        assert "binary" in fault.message
        assert "a PDF, a Word .docx/.doc, an .odt or an Excel .xlsx/.xls" in fault.message

    def test_binary_without_nul_bytes(self):
        assert "binary" in fault_of(bytes(range(1, 9)) * 200).message

    def test_neither_utf8_nor_gb18030(self):
        fault = fault_of(b"\xe4\xb8\xad\n\x80\x80 abc\n")
        assert fault.line == 2
        assert "neither UTF-8 nor GB18030" in fault.message

    def test_missing_file_and_directory(self, tmp_path):
        with pytest.raises(ImportFault, match="cannot read the file"):
            parse_file(tmp_path / "nothing.txt")
        with pytest.raises(ImportFault, match="directory"):
            parse_file(tmp_path)


class TestNotADocument:
    def test_prose_without_tables_is_an_unknown_layout(self):
        fault = fault_of("\n".join(SAMPLE_LINES[60:120]))
        assert "unknown layout" in fault.message
        assert "tabbed" in fault.message  # names the layouts it knows

    def test_the_first_pages_alone_are_said_to_be_so(self):
        """Cover, contents and part one: the contents list the tables that are missing."""
        fault = fault_of("\n".join(SAMPLE_LINES[:120]))
        assert "table of contents listing 35 project table(s)" in fault.message

    def test_forced_layout_without_project_tables(self):
        fault = fault_of("\n".join(SAMPLE_LINES[:120]), layout="tabbed")
        assert "no project table" in fault.message

    def test_unknown_forced_layout(self):
        assert "unknown layout 'pipes'" in fault_of("\n".join(SAMPLE_LINES), layout="pipes").message


class TestCutOffTables:
    def test_file_ends_inside_a_table(self):
        fault = fault_of("\n".join(SAMPLE_LINES[:135]))  # stops after the spending plan
        assert fault.line == 135
        assert "'2024 年度党刊征订费' (line 125)" in fault.message
        assert "without the 绩效目标 row" in fault.message
        assert "cut off" in fault.message

    def test_table_without_indicators_before_the_next_title(self):
        text = sample_lines_replaced({n: None for n in range(200, 208)})
        fault = fault_of(text)
        assert fault.line == 201  # the next table's title, after the 8 removed lines
        assert "'春节、重阳节茶话会经费' (line 188)" in fault.message
        assert "without the 一级指标 header row" in fault.message

    def test_first_indicator_row_without_a_level_one(self):
        fault = fault_of(sample_lines_replaced({138: SAMPLE_LINES[137].replace("产出指标", "")}))
        assert fault.line == 138
        assert "no 一级指标" in fault.message

    def test_indicator_header_without_value_column(self):
        fault = fault_of(sample_with(("绩效指标描述\t指标值\t", "绩效指标描述\t目标\t")))
        assert fault.line == 137
        assert "lacks 指标值" in fault.message


class TestBadValues:
    def test_budget_that_is_not_a_number(self):
        fault = fault_of(sample_with(("预算数\t16.80", "预算数\t十六点八")))
        assert fault.line == 132
        assert "预算数 '十六点八' is not an amount" in fault.message

    def test_empty_budget(self):
        fault = fault_of(sample_with(("预算数\t16.80", "预算数\t")))
        assert (fault.line, "预算数 is empty" in fault.message) == (132, True)

    def test_amount_finer_than_a_fen(self):
        fault = fault_of(sample_with(("预算数\t16.80", "预算数\t16.8000001")))
        assert fault.line == 132
        assert "not a whole number of 分" in fault.message

    def test_unknown_money_unit(self):
        fault = fault_of(sample_with(("单位：万元", "单位：美元")))
        assert fault.line == 129
        assert "unknown money unit '美元'" in fault.message

    def test_spending_plan_value_under_no_quarter_end(self):
        fault = fault_of(sample_lines_replaced({135: "\t\t\t\t\t\t100%"}))
        assert fault.line == 135
        assert "column 7" in fault.message
        assert "header on line 134" in fault.message

    def test_spending_plan_header_without_a_quarter_end(self):
        fault = fault_of(sample_with(("10 月底\t12 月底", "10 月底\t年底")))
        assert fault.line == 134
        assert "3月底, 6月底, 10月底 and 12月底" in fault.message

    def test_spending_plan_value_that_is_not_a_percentage(self):
        fault = fault_of(sample_lines_replaced({135: "\t\t\t\t\t全年\t"}))
        assert (fault.line, "expected a percentage" in fault.message) == (135, True)


class TestCoverFacts:
    def test_missing_department_asks_for_the_option(self):
        text = sample_lines_replaced({3: None, 7: None})
        fault = fault_of(text)
        assert "--department" in fault.message
        parsed, _ = parse_text(text, overrides=Overrides(department="某部门"))
        assert parsed.department == "某部门"

    def test_missing_year_asks_for_the_option(self):
        text = sample_lines_replaced({4: "部门预算绩效文本"})
        assert "--year" in fault_of(text).message
        parsed, report = parse_text(text, overrides=Overrides(year=2024))
        assert parsed.year == 2024
        assert [n.line for n in report.unread] == [4]

    def test_overrides_win_over_the_cover(self):
        parsed, _ = parse_text(
            "\n".join(SAMPLE_LINES),
            overrides=Overrides(department="巨鹿县委组织部", year=2025, stage="final"),
        )
        assert (parsed.department, parsed.year, parsed.stage) == ("巨鹿县委组织部", 2025, "final")
