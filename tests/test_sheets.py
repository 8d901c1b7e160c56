"""Spreadsheets: .xlsx workbooks (importers/sheet.py, numbers shown by
importers/number_format.py) and their text exports — CSV, tab-separated with quoted cells,
UTF-16 "Unicode text" (importers/delimited.py, importers/decode.py). Crafted workbooks and
texts made here from the sample; the committed LibreOffice renderings are judged field by
field in tests/test_renderings.py, and here only for which reader takes them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment

from jixiao.importers import ImportFault, ImportReport, ParsedDocument, parse_bytes, parse_file
from jixiao.importers.decode import decode_bytes
from jixiao.importers.delimited import sniff
from jixiao.importers.number_format import shown
from jixiao.importers.sheet import render
from jixiao.importers.sources import find_sources
from jixiao.importers.template import TABLE_TITLE
from tests.conftest import SAMPLE_TEXT, sample_with
from tests.renderings import FIXTURES

Rows = list[list[str]]

# -- making spreadsheets of the sample ---------------------------------------------------

_MONEY = re.compile(r"^\d+\.(\d+)$")
_SHARE = re.compile(r"^(\d+)%$")
_WHOLE = re.compile(r"^\d{1,6}$")


def sample_rows(text: str = SAMPLE_TEXT) -> Rows:
    return [line.split("\t") for line in text.removesuffix("\n").split("\n")]


def type_in(cell: Any, text: str) -> None:
    """The cell as a spreadsheet holds it once typed in: figures as numbers with their
    display format (money `0.00`, shares as fractions `0%`, whole numbers `0`)."""
    money, share = _MONEY.match(text), _SHARE.match(text)
    if money:
        cell.value = float(text)
        cell.number_format = "0." + "0" * len(money.group(1))
    elif share:
        cell.value = int(share.group(1)) / 100
        cell.number_format = "0%"
    elif _WHOLE.match(text):
        cell.value = int(text)
        cell.number_format = "0"
    elif text:
        cell.value = text


def fill(sheet: Any, rows: Rows, typed: bool = True) -> None:
    for row_number, cells in enumerate(rows, start=1):
        for column, text in enumerate(cells, start=1):
            if typed:
                type_in(sheet.cell(row_number, column), text)
            elif text:
                sheet.cell(row_number, column, text)


def workbook_bytes(
    sheets: list[Rows], typed: bool = True, edit: Callable[[Workbook], None] | None = None
) -> bytes:
    workbook = Workbook()
    for index, rows in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet(f"表{index}")
        fill(sheet, rows, typed)
    if edit is not None:
        edit(workbook)
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def per_project(rows: Rows) -> list[Rows]:
    """The front matter and part one on a sheet, then a sheet per project table."""
    sheets: list[Rows] = [[]]
    for row in rows:
        if TABLE_TITLE.match(row[0]) and len(sheets) >= 1 and len(row) == 1:
            sheets.append([])
        sheets[-1].append(row)
    return sheets


def csv_text(rows: Rows, delimiter: str = ",", width: int = 7) -> str:
    """Rows as a spreadsheet exports them: every row as wide as the sheet, quoted where a
    cell holds the delimiter, a quote or a line break."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row + [""] * (width - len(row)))
    return out.getvalue()


def goals_over_lines(rows: Rows) -> Rows:
    """Each goals cell with a line break before each numbered goal, as typed with Alt+Enter."""
    return [
        [row[0], re.sub(r" (?=\d\.)", "\n", row[1]), *row[2:]] if row[0] == "绩效目标" else row
        for row in rows
    ]


def digest(document: ParsedDocument) -> dict[str, Any]:
    """What a document says, without line numbers: two readers of one content agree."""
    return {
        "head": (document.department, document.year, document.stage, document.title),
        "toc": [(e.title, e.page, e.ordinal) for e in document.toc],
        "overall": [p.text for p in document.goals.overall],
        "sub": [(s.title, s.goal, s.indicators) for s in document.goals.sub],
        "measures": [(m.title, m.text) for m in document.goals.measures],
        "units": [
            (
                unit.code,
                unit.name,
                [
                    (
                        p.ordinal,
                        p.code,
                        p.name,
                        p.money_unit,
                        str(p.budget),
                        str(p.fiscal_funds),
                        str(p.other_funds),
                        p.purpose,
                        {m: str(v) for m, v in p.spending_plan.items()},
                        p.goals,
                        [
                            (i.level1, i.level2, i.level3, i.description, i.value, i.basis)
                            for i in p.indicators
                        ],
                    )
                    for p in unit.projects
                ],
            )
            for unit in document.units
        ],
    }


@pytest.fixture(scope="module")
def the_sample() -> tuple[ParsedDocument, ImportReport]:
    return parse_bytes(SAMPLE_TEXT.encode("utf-8"), "sample.txt")


def every_line_counted(report: ImportReport) -> bool:
    return (
        report.unread == []
        and report.lines_used + report.lines_blank + report.lines_furniture == report.lines_total
    )


# -- numbers as their format shows them --------------------------------------------------


class TestNumbersAsShown:
    @pytest.mark.parametrize(
        ("value", "number_format", "text"),
        [
            (16.8, "0.00", "16.80"),
            (7157.01, "0.00", "7157.01"),
            (0.1 + 0.2, "0.00", "0.30"),
            (0.1 + 0.2, "General", "0.3"),
            (2.675, "0.00", "2.68"),  # the float is 2.67499999…: shown as typed, half up
            (1, "0%", "100%"),
            (0.25, "0%", "25%"),
            (0.1 + 0.2, "0%", "30%"),
            (0.955, "0.0%", "95.5%"),
            (1000, "0", "1000"),
            (1000, "General", "1000"),
            (3.0, "General", "3"),
            (7157.01, "#,##0.00", "7,157.01"),
            (1234567.891, "#,##0.00_ ", "1,234,567.89"),
            (1000, '0"份"', "1000份"),
            (12.5, "[$¥-804]#,##0.00", "¥12.50"),
            (-5.5, "0.00;[Red]-0.00", "-5.50"),
            (-5.5, "0.00", "-5.50"),
            (0, '0.00;-0.00;"-"', "-"),
            (0.5, "# ?/?", "0.5"),  # a fraction format: shown as General
            (42, "@", "42"),
        ],
    )
    def test_a_number(self, value, number_format, text):
        assert shown(value, number_format) == text

    def test_not_through_float_arithmetic(self):
        # In floats 0.07 × 100 is 7.000000000000001 and 1.005 rounds to 1.0 (it is held as
        # 1.00499999…); the number as typed is 7% and 1.01, as Excel shows them.
        assert 0.07 * 100 != 7 and round(1.005, 2) == 1.0
        assert shown(0.07, "0." + "0" * 15 + "%") == "7." + "0" * 15 + "%"
        assert shown(1.005, "0.00") == "1.01"

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (dt.datetime(2024, 12, 31), "2024-12-31"),
            (dt.datetime(2024, 3, 1, 9, 30), "2024-03-01 09:30"),
            (dt.date(2024, 6, 30), "2024-06-30"),
            (dt.time(17, 0), "17:00"),
            (True, "TRUE"),
        ],
    )
    def test_dates_and_truths_as_text(self, value, text):
        assert shown(value, "yyyy/m/d") == text


# -- workbooks -----------------------------------------------------------------------------


def lines_of(data: bytes) -> list[str]:
    return render(data, "book.xlsx").removesuffix("\n").split("\n")


class TestWorkbookRendering:
    def test_a_row_a_line_cells_split_by_tabs(self):
        data = workbook_bytes([[["标题"], ["项目编码", "130529", "", "项目名称", "经费"]]])
        assert lines_of(data) == ["标题", "项目编码\t130529\t\t项目名称\t经费"]

    def test_rows_keep_the_sheets_width_and_text_alone_is_a_line(self):
        data = workbook_bytes([[["单位：万元"], ["一级指标", "二级指标", "", "", "", "", "依据"]]])
        assert lines_of(data) == ["单位：万元", "一级指标\t二级指标\t\t\t\t\t依据"]

    def test_merged_cells_keep_the_grid_their_covered_cells_empty(self):
        def merge(workbook: Workbook) -> None:
            sheet = workbook.active
            sheet.merge_cells("A1:A2")  # 预算规模及资金用途 over two rows
            sheet.merge_cells("B2:F2")  # the purpose over five columns
            sheet.merge_cells("F1:G1")

        rows = [["预算规模及资金用途", "预算数", "16.80", "其中：财政资金", "16.80", "其他资金"]]
        rows.append(["", "支付党刊征订费用。"])
        data = workbook_bytes([rows], edit=merge)
        assert lines_of(data) == [
            "预算规模及资金用途\t预算数\t16.80\t其中：财政资金\t16.80\t其他资金",
            "\t支付党刊征订费用。\t\t\t\t",
        ]

    def test_covered_cells_read_empty_whatever_the_file_holds_there(self):
        """A program may write the merged value into every cell of the range; Excel and WPS
        show the top-left one only, and so does the rendering."""
        data = workbook_bytes([[["绩效目标", "1.甲", "1.甲", "1.甲"], ["一级指标", "二级指标"]]])
        merged = _with_sheet_xml(
            data,
            lambda xml: xml.replace(
                "</sheetData>",
                '</sheetData><mergeCells count="1"><mergeCell ref="B1:D1"/></mergeCells>',
            ),
        )
        assert lines_of(data)[0] == "绩效目标\t1.甲\t1.甲\t1.甲"
        assert lines_of(merged) == ["绩效目标\t1.甲", "一级指标\t二级指标"]

    def test_merged_ranges_are_the_sheets_own(self):
        def merge_on_the_second(workbook: Workbook) -> None:
            workbook.worksheets[1].merge_cells("A1:B2")

        data = workbook_bytes([[["甲", "乙"]], [["丙", "丁"]]], edit=merge_on_the_second)
        assert render(data, "book.xlsx") == "甲\t乙\n\f丙\n"

    def test_percentages_stored_as_fractions(self):
        data = workbook_bytes([[["", "25%", "", "50%", "75%", "100%"]]])
        assert lines_of(data) == ["\t25%\t\t50%\t75%\t100%"]

    def test_money_stored_as_floats_comes_out_exact(self):
        def inexact(workbook: Workbook) -> None:
            for column, value in ((1, 7157.01), (2, 0.1 + 0.2), (3, 1.1 * 3)):
                workbook.active.cell(1, column, value).number_format = "0.00"
            workbook.active.cell(1, 4, 0.1 + 0.2)  # General

        assert lines_of(workbook_bytes([[]], edit=inexact)) == ["7157.01\t0.30\t3.30\t0.3"]

    def test_line_breaks_in_a_cell_are_joined_with_a_space(self):
        def goals(workbook: Workbook) -> None:
            cell = workbook.active.cell(1, 2, "1.保障党刊征订。\n2.促进学习。\r\n3.加强建设。")
            cell.alignment = Alignment(wrap_text=True)
            workbook.active.cell(1, 1, "绩效目标")

        assert lines_of(workbook_bytes([[]], edit=goals)) == [
            "绩效目标\t1.保障党刊征订。 2.促进学习。 3.加强建设。"
        ]

    def test_a_tab_or_carriage_return_in_a_cell_starts_no_cell_or_line(self):
        data = workbook_bytes([[["甲\t乙", "丙\r丁"]]])
        assert lines_of(data) == ["甲 乙\t丙 丁"]

    def test_a_date_as_text(self):
        def dated(workbook: Workbook) -> None:
            workbook.active.cell(1, 1, "完成时间")
            workbook.active.cell(1, 2, dt.datetime(2024, 12, 31)).number_format = "yyyy/m/d"

        assert lines_of(workbook_bytes([[]], edit=dated)) == ["完成时间\t2024-12-31"]

    def test_a_formula_by_the_value_saved_with_it(self, tmp_path):
        """openpyxl writes no cached values, so the cell is made as Excel saves one."""
        data = workbook_bytes([[["预算数", "16.80"]]])
        patched = _with_sheet_xml(
            data,
            lambda xml: xml.replace(
                '<c r="B1" s="1" t="n"><v>16.8</v></c>',
                '<c r="B1" s="1" t="n"><f>C1+D1</f><v>16.8</v></c>',
            ),
        )
        assert patched != data
        assert lines_of(patched) == ["预算数\t16.80"]

    def test_sheets_separated_by_form_feeds(self):
        data = workbook_bytes([[["封面"]], [["1.甲绩效目标表"], ["项目编码", "1"]], [["2.乙"]]])
        text = render(data, "book.xlsx")
        assert text == "封面\n\f1.甲绩效目标表\n项目编码\t1\n\f2.乙\n"

    def test_an_empty_sheet_is_an_empty_page(self):
        data = workbook_bytes([[["封面"]], [], [["正文"]]])
        assert render(data, "book.xlsx") == "封面\n\f\n\f正文\n"


def _with_sheet_xml(data: bytes, change: Callable[[str], str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


class TestWorkbookImport:
    def test_one_sheet_imports_as_the_dump(self, the_sample):
        parsed, report = parse_bytes(workbook_bytes([sample_rows()]), "draft.xlsx")
        assert digest(parsed) == digest(the_sample[0])
        assert report.layout == "xlsx"
        assert parsed.source.format == "xlsx"
        assert every_line_counted(report)

    def test_a_sheet_per_project(self, the_sample):
        sheets = per_project(sample_rows())
        assert len(sheets) == 36
        parsed, report = parse_bytes(workbook_bytes(sheets), "draft.xlsx")
        assert digest(parsed) == digest(the_sample[0])
        assert every_line_counted(report)
        # The budget-unit line heads every project's sheet: content, not a page header.
        assert report.lines_furniture == 0
        assert parsed.source.text.count("\f") == 35

    def test_goals_typed_with_line_breaks(self, the_sample):
        rows = goals_over_lines(sample_rows())
        assert any("\n" in cell for row in rows for cell in row)
        parsed, _ = parse_bytes(workbook_bytes([rows]), "draft.xlsx")
        assert digest(parsed) == digest(the_sample[0])

    def test_text_cells_without_typing(self, the_sample):
        parsed, _ = parse_bytes(workbook_bytes([sample_rows()], typed=False), "draft.xlsx")
        assert digest(parsed) == digest(the_sample[0])

    def test_money_typed_inexactly_is_read_exactly(self):
        def inexact(workbook: Workbook) -> None:
            sheet = workbook.active
            row = next(r for r in sheet.iter_rows() if r[1].value == "预算数")
            row[2].value = row[4].value = 0.1 + 0.2  # 0.30000000000000004, format 0.00
            row[6].value = None

        rows = sample_rows()
        parsed, _ = parse_bytes(workbook_bytes([rows], edit=inexact), "draft.xlsx")
        first = parsed.units[0].projects[0]
        assert (str(first.budget), str(first.fiscal_funds)) == ("0.30", "0.30")

    def test_a_line_is_the_row_in_a_one_sheet_workbook(self):
        parsed, _ = parse_bytes(workbook_bytes([sample_rows()]), "draft.xlsx")
        first = parsed.units[0].projects[0]
        assert first.first_line == next(
            n
            for n, row in enumerate(sample_rows(), 1)
            if row[0] == "1.2024 年度党刊征订费绩效目标表"
        )

    def test_a_fault_in_a_table_names_the_rendering_line(self):
        rows = sample_rows()
        number = next(n for n, row in enumerate(rows, 1) if row[1:2] == ["预算数"])
        rows[number - 1][2] = "十六"
        with pytest.raises(ImportFault) as fault:
            parse_bytes(workbook_bytes([rows]), "draft.xlsx")
        assert str(fault.value).startswith(f"draft.xlsx:{number}: 预算数 '十六' is not an amount")

    def test_by_content_not_by_name(self, the_sample, tmp_path):
        path = tmp_path / "draft.dat"
        path.write_bytes(workbook_bytes([sample_rows()]))
        _, report = parse_file(path)
        assert report.layout == "xlsx"


class TestWorkbookFaults:
    def test_an_empty_workbook(self):
        with pytest.raises(ImportFault, match="the workbook has no text in any of its sheets"):
            parse_bytes(workbook_bytes([[], []]), "empty.xlsx")

    def test_a_workbook_with_text_but_no_table(self):
        with pytest.raises(ImportFault, match="no project table"):
            parse_bytes(workbook_bytes([[["一份说明"]]]), "note.xlsx", layout="xlsx")

    def test_damaged(self):
        data = workbook_bytes([sample_rows()])
        with pytest.raises(ImportFault, match=r"cannot read this \.xlsx .*damaged"):
            parse_bytes(_with_sheet_xml(data, lambda xml: xml[: len(xml) // 2]), "cut.xlsx")

    def test_cut_short_is_no_longer_a_workbook(self):
        data = workbook_bytes([sample_rows()])
        with pytest.raises(ImportFault) as fault:
            parse_bytes(data[: len(data) // 2], "cut.xlsx")
        assert "xlsx" not in fault.value.message or "damaged" in fault.value.message

    def test_an_xls_handed_to_this_reader(self):
        ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le")
        with pytest.raises(ImportFault) as fault:
            parse_bytes(ole2, "old.xls", layout="xlsx")
        assert "old binary Excel workbook (.xls)" in fault.value.message
        assert "soffice --headless --convert-to xlsx FILE.xls" in fault.value.message

    def test_a_password_protected_workbook(self):
        encrypted = (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + bytes(504)
            + "EncryptedPackage".encode("utf-16-le")
        )
        with pytest.raises(ImportFault, match="password-protected"):
            parse_bytes(encrypted, "locked.xlsx", layout="xlsx")

    def test_a_binary_workbook(self):
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as archive:
            archive.writestr("xl/workbook.bin", b"\x00")
        with pytest.raises(ImportFault, match=r"\.xlsb.*save it as \.xlsx"):
            parse_bytes(data.getvalue(), "book.xlsb")

    def test_another_file_forced_as_xlsx(self):
        with pytest.raises(ImportFault, match=r"not an Excel \.xlsx workbook"):
            parse_bytes(b"%PDF-1.4 ...", "x.pdf", layout="xlsx")


# -- text exports ------------------------------------------------------------------------


def sample_csv(delimiter: str = ",", rows: Rows | None = None) -> str:
    return csv_text(rows if rows is not None else sample_rows(), delimiter)


class TestDelimitedParsing:
    def test_csv_imports_as_the_dump(self, the_sample):
        parsed, report = parse_bytes(sample_csv().encode("utf-8"), "draft.csv")
        assert digest(parsed) == digest(the_sample[0])
        assert (report.layout, report.encoding) == ("csv", "utf-8")
        assert every_line_counted(report)

    def test_the_source_is_the_files_own_text(self):
        text = sample_csv()
        parsed, _ = parse_bytes(text.encode("utf-8"), "draft.csv")
        assert parsed.source.text == text.replace("\r\n", "\n")

    def test_a_record_over_several_lines_keeps_its_first_lines_number(self, the_sample):
        text = sample_csv(rows=goals_over_lines(sample_rows()))
        lines = text.replace("\r\n", "\n").split("\n")  # a cell's own breaks are LF
        opening = next(
            n for n, line in enumerate(lines, 1) if line.startswith('绩效目标,"1.通过经费支出')
        )
        assert not lines[opening].startswith("一级指标")  # the goals run on over lines
        parsed, report = parse_bytes(text.encode("utf-8"), "draft.csv")
        first = parsed.units[0].projects[0]
        assert first.goals_line == opening
        assert digest(parsed) == digest(the_sample[0])
        assert every_line_counted(report)
        assert first.indicators[0].line == opening + 4  # three goal lines, then the header

    def test_doubled_quotes(self):
        text = sample_csv().replace(",2024 年度党刊征订费,", ',"2024 年度""党刊""征订费",', 1)
        parsed, report = parse_bytes(text.encode("utf-8"), "draft.csv")
        assert parsed.units[0].projects[0].name == '2024 年度"党刊"征订费'
        assert every_line_counted(report)

    def test_rows_of_empty_cells_are_blank_lines(self):
        text = sample_csv()
        assert "\r\n,,,,,,\r\n" in text
        _, report = parse_bytes(text.encode("utf-8"), "draft.csv")
        assert report.lines_blank == sum(1 for row in sample_rows() if not any(row))

    @pytest.mark.parametrize(
        ("encoding", "bom", "reported"),
        [
            ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
            ("gb18030", b"", "gb18030"),
            ("utf-16-le", b"\xff\xfe", "utf-16-le"),
            ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ],
    )
    @pytest.mark.parametrize("delimiter", [",", "\t"])
    def test_encodings_and_delimiters(self, the_sample, encoding, bom, reported, delimiter):
        rows = goals_over_lines(sample_rows())
        data = bom + sample_csv(delimiter, rows).encode(encoding)
        parsed, report = parse_bytes(data, "draft.txt")
        assert (report.layout, report.encoding) == ("csv", reported)
        assert digest(parsed) == digest(the_sample[0])
        assert every_line_counted(report)

    def test_a_quote_never_closed(self):
        text = sample_csv().replace(",支付党刊征订费用。,", ',"支付党刊征订费用。,', 1)
        number = text.split("\r\n").index(',"支付党刊征订费用。,,,,,')
        with pytest.raises(ImportFault) as fault:
            parse_bytes(text.encode("utf-8"), "broken.csv")  # a broken CSV is still one
        assert str(fault.value).startswith(f"broken.csv:{number + 1}: a quoted cell")
        assert "never closed" in fault.value.message

    def test_a_quote_closed_in_the_middle_of_a_cell(self):
        text = sample_csv().replace(",支付党刊征订费用。,", ',"支付"党刊征订费用。,', 1)
        number = text.split("\r\n").index(',"支付"党刊征订费用。,,,,,') + 1
        with pytest.raises(ImportFault) as fault:
            parse_bytes(text.encode("utf-8"), "broken.csv", layout="csv")
        assert str(fault.value).startswith(f"broken.csv:{number}: a quoted cell is closed")

    def test_a_record_of_empty_cells_over_two_lines_is_blank(self):
        text = sample_csv().replace("\r\n,,,,,,\r\n", '\r\n"\n",,,,,,\r\n', 1)
        _, report = parse_bytes(text.encode("utf-8"), "draft.csv")
        assert every_line_counted(report)

    def test_a_missing_cell_names_the_line(self):
        rows = sample_rows()
        number = next(n for n, row in enumerate(rows, 1) if row[1:2] == ["预算数"])
        rows[number - 1] = rows[number - 1][:2]  # the amounts left out
        with pytest.raises(ImportFault, match=rf"^draft\.csv:{number}: 预算数 is empty"):
            parse_bytes(sample_csv(rows=rows).encode("utf-8"), "draft.csv")

    def test_invalid_utf16(self):
        data = b"\xff\xfe" + "项目编码\n第二行\n".encode("utf-16-le") + b"\x00\xd8"
        with pytest.raises(ImportFault, match=r"^bad\.txt:3: .*UTF-16"):
            decode_bytes(data, "bad.txt")

    def test_nul_bytes_without_a_bom_are_still_binary(self):
        with pytest.raises(ImportFault, match="binary file"):
            decode_bytes("项目编码\t13052924\n".encode("utf-16-le"), "x.txt")

    def test_a_bom_alone_is_empty(self):
        with pytest.raises(ImportFault, match="empty"):
            decode_bytes(b"\xff\xfe", "x.txt")


class TestTabbedOrQuoted:
    """A tab-separated text is read as CSV only when it proves its quoting."""

    def test_a_plain_dump_stays_tabbed(self):
        assert sniff(SAMPLE_TEXT) == 0

    def test_a_dump_with_a_cell_starting_with_a_quote_stays_tabbed(self):
        text = sample_with(("\t2024 年度党刊征订费\t", '\t"党刊"征订费\t'))
        assert sniff(text) == 0
        parsed, report = parse_bytes(text.encode("utf-8"), "dump.txt")
        assert report.layout == "tabbed"
        assert parsed.units[0].projects[0].name == '"党刊"征订费'

    def test_a_dump_with_a_whole_cell_in_quotes_stays_tabbed(self):
        """`"党刊"` parses as CSV, but a cell that did not need quoting proves nothing."""
        text = sample_with(("\t2024 年度党刊征订费\t", '\t"党刊"\t'))
        assert sniff(text) == 0
        parsed, _ = parse_bytes(text.encode("utf-8"), "dump.txt")
        assert parsed.units[0].projects[0].name == '"党刊"'

    def test_quotes_over_lines_in_a_dump_that_is_no_csv(self):
        """Quotes that would join lines, and a quote the CSV rules cannot close, elsewhere."""
        text = sample_with(
            ("\t支付党刊征订费用。", '\t"支付党刊征订费用。'),
            ("\t2024 年度党刊征订费\t", '\t"党刊"征订费\t'),
        )
        assert sniff(text) == 0

    def test_a_quoted_export_is_csv(self):
        rows = goals_over_lines(sample_rows())
        text = sample_csv("\t", rows)
        assert sniff(text) == 1.0
        _, report = parse_bytes(text.encode("utf-8"), "export.txt")
        assert report.layout == "csv"

    def test_a_doubled_quote_alone_proves_it(self):
        text = sample_csv("\t").replace("\t2024 年度党刊征订费\t", '\t"2024 年度""党刊""征订费"\t')
        assert sniff(text) == 1.0
        parsed, report = parse_bytes(text.encode("utf-8"), "export.txt")
        assert report.layout == "csv"
        assert parsed.units[0].projects[0].name == '2024 年度"党刊"征订费'

    def test_an_export_without_quotes_is_read_by_tabbed_alike(self, the_sample):
        text = sample_csv("\t")
        assert sniff(text) == 0
        parsed, report = parse_bytes(text.encode("utf-8"), "export.txt")
        assert report.layout == "tabbed"
        assert digest(parsed) == digest(the_sample[0])

    def test_format_forces_either_reader(self):
        rows = goals_over_lines(sample_rows())
        data = sample_csv("\t", rows).encode("utf-8")
        # Read as a plain dump, the goals' second lines stand where the header should.
        with pytest.raises(ImportFault, match="without the 一级指标 header row"):
            parse_bytes(data, "export.txt", layout="tabbed")
        _, as_csv = parse_bytes(sample_csv("\t").encode("utf-8"), "plain.txt", layout="csv")
        assert as_csv.layout == "csv"

    def test_a_comma_csv_has_no_rival(self):
        text = sample_csv()
        assert sniff(text) == 1.0
        assert "\t" not in text


class TestFoldersAndNames:
    def test_folders_hold_workbooks_and_csv(self, tmp_path):
        for name in ("a.xlsx", "b.csv", "c.txt", "d.xls~", "e.ods"):
            (tmp_path / name).write_bytes(b"x")
        assert sorted(p.name for p in find_sources([str(tmp_path)]).files) == [
            "a.xlsx",
            "b.csv",
            "c.txt",
        ]

    def test_format_names(self, capsys):
        from jixiao.tui.cli import main

        with pytest.raises(SystemExit):
            main(["import", "--help"])
        out = capsys.readouterr().out
        assert "xlsx" in out and "csv" in out


class TestCommittedRenderings:
    """Which reader takes each of LibreOffice's renderings (their fields are judged in
    tests/test_renderings.py)."""

    @pytest.mark.parametrize("document", ["sample", "variants"])
    @pytest.mark.parametrize(
        ("name", "layout", "encoding"),
        [
            ("calc.xlsx", "xlsx", "xlsx"),
            ("sheets.xlsx", "xlsx", "xlsx"),
            ("calc.csv", "csv", "utf-8"),
            ("calc-gb18030.csv", "csv", "gb18030"),
            ("calc-unicode.txt", "csv", "utf-16-le"),
            ("calc-tab.txt", "csv", "utf-8"),
        ],
    )
    def test_read_by(self, document, name, layout, encoding):
        _, report = parse_file(FIXTURES / document / name)
        assert (report.layout, report.encoding) == (layout, encoding)
        assert every_line_counted(report)

    def test_the_reference_dumps_stay_tabbed(self):
        for document in ("sample", "variants"):
            _, report = parse_file(FIXTURES / document / "reference.txt")
            assert report.layout == "tabbed"

    def test_sheets_per_project_render_a_page_each(self):
        data = (FIXTURES / "sample" / "sheets.xlsx").read_bytes()
        pages = render(data, "sheets.xlsx").split("\f")
        assert len(pages) == 36
        assert pages[1].startswith("1.2024 年度党刊征订费绩效目标表\n203001 中共巨鹿县委组织部本级")

    def test_money_and_shares_as_shown(self):
        text = render((FIXTURES / "sample" / "calc.xlsx").read_bytes(), "calc.xlsx")
        assert "预算规模及资金用途\t预算数\t16.80\t其中：财政资金\t16.80\t其他资金\t" in text
        assert "\t25%\t\t50%\t75%\t100%\t" in text
        assert Decimal("7157.01") == sum(
            (
                p.budget
                for u in parse_file(FIXTURES / "sample" / "calc.xlsx")[0].units
                for p in u.projects
            ),
            Decimal(0),
        )
