"""Text from a document never acts: escape sequences, C1 controls and bidi overrides show
escaped on the terminal and in the TUI; CSV and xlsx cells never run as formulas; an xlsx of
any document is written; --output to a place that cannot be written is a message, exit 2."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from jixiao.importers.controls import find_controls, json_safe, visible, warn_controls
from jixiao.importers.report import ImportReport
from jixiao.store.db import open_store
from jixiao.store.reviews import set_mark
from jixiao.store.save import save_document
from jixiao.store.spreadsheet import safe_cell, safe_text
from jixiao.tui.cli import main
from tests.conftest import SAMPLE_TEXT, parse_text, sample_with

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal raw (tab and newline may)."""

TITLE = "\x1b]0;PWNED\x07"
"""Sets the terminal window's title."""
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
CLEAR = "\x1b[2J\x9b31m"
"""Clears the screen; then a C1 CSI."""

CMD = "-2+3+cmd|' /C calc'!A0"
HOSTILE_NAME = f"[bold]关工委{TITLE}经费\u202eTXE"
HOSTILE = sample_with(
    ("项目名称\t关工委经费", f"项目名称\t{HOSTILE_NAME}"),
    ("\t活动次数\t开展活动次数", '\t=HYPERLINK("http://x","y")\t开展活动次数'),
    ("教育点统计", "@SUM(A1)"),
    ("活动开展统计", "+1"),
    ("\t经费完成时限\t经费完成时限", f"\t{CLEAR}清屏\t经费完成时限"),
    ("市场物价", f"{CLIPBOARD}物价"),
    ("用于开展六一及留守儿童慰问活动。", f"{CMD}\x85用于开展六一及留守儿童慰问活动。\x7f"),
)
ESCAPED_NAME = "[bold]关工委\\x1b]0;PWNED\\x07经费\\u202eTXE"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """The sample as document 1, the hostile variant as document 2 (its next revision), a
    review note holding an escape sequence on the hostile project."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    engine = open_store(path)
    save_document(engine, *parse_text(SAMPLE_TEXT))
    saved = save_document(engine, *parse_text(HOSTILE, "hostile.txt"))
    with engine.connect() as connection:
        project_id = connection.exec_driver_sql(
            "SELECT id FROM project WHERE document_id = ? AND ordinal = 12", (saved.document_id,)
        ).scalar_one()
    set_mark(engine, project_id, reviewer=f"r{TITLE}", state="question", note=f"看{CLEAR}这里")
    engine.dispose()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestVisible:
    def test_controls_and_bidi_are_escaped(self):
        assert visible(f"a{TITLE}b") == "a\\x1b]0;PWNED\\x07b"
        assert visible("x\x9by\x7fz\x00") == "x\\x9by\\x7fz\\x00"
        assert visible("\u202eabc\u2066d\u200e\u061c") == "\\u202eabc\\u2066d\\u200e\\u061c"
        assert visible("line\r") == "line\\x0d"

    def test_ordinary_text_is_untouched(self):
        for text in ("中共巨鹿县委组织部", "[bold]名[/bold]", "≥95%", "a\tb\nc", "C:\\x", ""):
            assert visible(text) == text
            assert visible(text) is text  # nothing copied when there is nothing to do

    def test_one_line_turns_tab_and_newline_into_spaces(self):
        assert visible("a\tb\nc\x1b", one_line=True) == "a b c\\x1b"

    def test_json_stays_valid_and_decodes_to_the_stored_text(self):
        value = {"name": HOSTILE_NAME, "x": "\x85\x7f\u2069"}
        text = json_safe(json.dumps(value, ensure_ascii=False))
        assert RAW.search(text) is None
        assert json.loads(text) == value


class TestImportFindsControls:
    def test_lines_with_controls_are_named(self):
        found = {f.line: f.characters for f in find_controls(HOSTILE)}
        line = HOSTILE.split("\n").index(next(x for x in HOSTILE.split("\n") if TITLE in x)) + 1
        assert found[line] == ("\\x1b", "\\x07", "\\u202e")
        assert len(found) == 4  # the name, the cleared screen, the clipboard, the purpose

    def test_windows_line_ends_and_page_breaks_are_not_findings(self):
        assert find_controls("a\r\nb\r\n\fc\n") == []
        assert find_controls(SAMPLE_TEXT) == []

    def test_the_numbers_follow_form_feeds_as_the_importers_count(self):
        assert [f.line for f in find_controls("a\n\fb\x1b\nc")] == [2]

    def test_warnings_in_the_report(self):
        report = ImportReport(filename="hostile.txt")
        warn_controls(report, "ok\nbad\x1b[2J\n")
        assert [(n.line, n.severity) for n in report.notes] == [(2, "warning")]
        assert "\\x1b" in report.notes[0].message and RAW.search(report.notes[0].message) is None


COMMANDS = [
    ("ls",),
    ("show", "2"),
    ("show", "2", "--notes"),
    ("show", "2", "12", "--source"),
    ("show", "2", "12", "--format", "json"),
    ("show", "2", "12", "--format", "csv"),
    ("show", "2", "PWNED"),  # an error message quoting the name
    ("projects", "--text", "关工委"),
    ("projects", "--text", "关工委", "--format", "json"),
    ("projects", "--text", "关工委", "--format", "csv"),
    ("indicators", "--text", "清屏"),
    ("indicators", "--text", "清屏", "--format", "json"),
    ("search", "关工委"),
    ("search", "清屏", "--format", "json"),
    ("check", "2"),
    ("check", "2", "--format", "md"),
    ("check", "2", "--format", "json"),
    ("compare", "1", "2"),
    ("compare", "1", "2", "--format", "md"),
    ("compare", "1", "2", "--format", "csv"),
    ("compare", "1", "2", "--format", "json"),
    ("report", "2"),
    ("report", "2", "--format", "csv"),
    ("review", "2", "12", "--mark", "question"),  # prints the project's name
    ("review", "2", "12", "--mark", "question", "--format", "csv"),
    ("export", "2", "--format", "md"),
    ("export", "2", "--format", "json"),
    ("export", "2", "--format", "csv"),
]


class TestEveryCommandShowsEscapes:
    @pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
    def test_no_raw_control_character(self, db, capsys, argv):
        code, out, err = run(capsys, "--db", db, *argv)
        assert code in (0, 2), err
        assert RAW.search(out) is None, RAW.search(out)
        assert RAW.search(err) is None, RAW.search(err)
        if "json" in argv:
            json.loads(out)  # still valid

    def test_the_escapes_are_there_to_read(self, db, capsys):
        _, out, _ = run(capsys, "--db", db, "show", "2", "12")
        assert ESCAPED_NAME in out  # [bold] literal, ESC and U+202E escaped
        assert "\\x1b[2J\\x9b31m清屏" in out
        _, out, _ = run(capsys, "--db", db, "report", "2")
        assert "看\\\\x1b\\[2J\\\\x9b31m这里" in out  # Markdown escapes the backslash

    def test_json_keeps_the_stored_text(self, db, capsys):
        _, out, _ = run(capsys, "--db", db, "show", "2", "12", "--format", "json")
        assert json.loads(out)["name"] == HOSTILE_NAME

    def test_the_sample_prints_as_before(self, db, capsys):
        _, out, _ = run(capsys, "--db", db, "show", "1", "12")
        assert "12. 关工委经费" in out and "\\x" not in out


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def formula_like(cell: str) -> bool:
    return cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not re.fullmatch(
        r"[+-]?\d+(\.\d+)?%?", cell
    )


class TestSpreadsheetCells:
    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("+", "'+"),
            ("\tx", "'\tx"),
            ("\r=1", "'\\x0d=1"),
            ("=", "'="),
        ],
    )
    def test_formulas_are_neutralised(self, text, written):
        assert safe_text(text) == written

    @pytest.mark.parametrize("text", ["-5.00", "+12.50", "95%", "-0.5%", "3", "a=b", "关工委", ""])
    def test_numbers_and_text_stay(self, text):
        assert safe_text(text) == text

    def test_typed_numbers_stay_numbers(self):
        assert safe_cell(-5) == -5 and safe_cell(1.5) == 1.5 and safe_cell(None) == ""

    def test_csv_export_holds_no_formula(self, db, capsys):
        _, out, _ = run(capsys, "--db", db, "export", "2", "--format", "csv")
        written = cells(out)
        assert not [cell for cell in written if formula_like(cell)]
        assert '\'=HYPERLINK("http://x","y")' in written and "'@SUM(A1)" in written
        assert "+1" in written  # a number, as a spreadsheet reads it too
        assert "3.00" in written  # the budget

    @pytest.mark.parametrize(
        "argv",
        [("report", "2", "--format", "csv"), ("compare", "1", "2", "--format", "csv"),
         ("indicators", "--format", "csv", "--limit", "0")],
    )  # fmt: skip
    def test_other_csv_hold_no_formula(self, db, capsys, argv):
        _, out, _ = run(capsys, "--db", db, *argv)
        assert not [cell for cell in cells(out) if formula_like(cell)]


class TestXlsx:
    @pytest.mark.parametrize("command", ["export", "report"])
    def test_a_hostile_document_is_written_without_formulas(self, db, capsys, tmp_path, command):
        from openpyxl import load_workbook

        path = tmp_path / "out.xlsx"
        code, _, err = run(capsys, "--db", db, command, "2", "--format", "xlsx", "-o", str(path))
        assert code == 0, err
        values = []
        for sheet in load_workbook(path):
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                    values.append(cell.value)
        texts = [v for v in values if isinstance(v, str)]
        assert not [t for t in texts if formula_like(t) or RAW.search(t)]
        if command == "export":
            assert ESCAPED_NAME in texts and '\'=HYPERLINK("http://x","y")' in texts
            assert "'-2+3+cmd|' /C calc'!A0\\x85用于开展六一及留守儿童慰问活动。\\x7f" in texts
        assert not list(tmp_path.glob(".*partial"))


class TestDocx:
    def test_the_letter_shows_escapes_and_word_can_read_it(self, db, capsys, tmp_path):
        from docx import Document

        path = tmp_path / "letter.docx"
        code, _, err = run(capsys, "--db", db, "report", "2", "--format", "docx", "-o", str(path))
        assert code == 0, err
        document = Document(str(path))
        texts = [p.text for p in document.paragraphs]
        texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        assert not [t for t in texts if RAW.search(t)]
        assert "审核意见：看\\x1b[2J\\x9b31m这里" in texts  # the opinion on the hostile project
        assert ESCAPED_NAME in texts  # its name in the table of grades


class TestOutputPlaces:
    @pytest.mark.parametrize("fmt", ["xlsx", "csv", "md", "json"])
    def test_a_missing_folder_or_a_folder(self, db, capsys, tmp_path, fmt):
        for target, says in ((tmp_path / "no" / f"out.{fmt}", "does not exist"),
                             (tmp_path, "it is a folder")):  # fmt: skip
            argv = ("export", "2", "--format", fmt, "-o", str(target))
            code, _, err = run(capsys, "--db", db, *argv)
            assert code == 2, err
            assert says in err and "hint:" in err and "internal error" not in err

    def test_report_xlsx_to_a_missing_folder(self, db, capsys, tmp_path):
        target = tmp_path / "no" / "r.xlsx"
        code, _, err = run(capsys, "--db", db, "report", "2", "--format", "xlsx", "-o", str(target))
        assert code == 2 and "mkdir -p" in err


class TestTui:
    async def test_the_screens_show_escapes(self, db):
        from tests.tui_helpers import make_app, press, screen_text

        async with make_app(Path(db), document_id=2).run_test(size=(120, 40)) as pilot:
            await press(pilot, *(["j"] * 13))  # the unit line, then project 12
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            shown = [screen_text(pilot)]
            assert ESCAPED_NAME in shown[0]  # the detail pane
            assert "[bold]关工委\\x1b]0;PWNED" in shown[0]  # the tree line (cut by its width)
            assert "\\x1b[2J\\x9b31m清屏" in shown[0]  # the indicator table
            assert "看\\x1b[2J\\x9b31m这里" in shown[0]  # the review note
            await press(pilot, "slash", *"清屏")  # the search screen's hits
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            shown.append(screen_text(pilot))
            assert "\\x1b[2J\\x9b31m清屏" in shown[-1]
            await press(pilot, "escape", "A")  # the store-wide page table
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            shown.append(screen_text(pilot))
            assert "关工委\\x1b]0;PWNED" in shown[-1]
            for text in shown:
                assert RAW.search(text.replace("\n", "")) is None

    async def test_the_compare_screen_shows_escapes(self, db):
        from tests.tui_helpers import make_app, press, screen_text

        app = make_app(Path(db), document_id=2, compare=(1, 2))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await press(pilot, *(["down"] * 11))  # the pair of project 12
            shown = screen_text(pilot)
            assert "12. [bold]关工委\\x1b]0;PWNED" in shown  # the list of pairs
            assert shown.count("\\x1b]0;PWNED") == 2  # …and the pair, side by side
            # The purpose, its C1 and DEL, wrapped in its column as Chinese breaks
            assert "A0\\x85" in shown and "动。\\x7f" in shown  # no line starts with 。
            assert RAW.search(shown.replace("\n", "")) is None
