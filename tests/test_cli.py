"""The command line as scripts use it: stdout carries data, stderr messages, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from jixiao.tui.cli import COMMANDS, build_parser, main
from tests.conftest import ROOT, SAMPLE, SAMPLE_TEXT, sample_with


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def imported(db: str, capsys) -> str:
    assert main(["--db", db, "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    return db


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestImport:
    def test_import_then_again(self, db, capsys):
        code, out, err = run(capsys, "--db", db, "import", str(SAMPLE))
        assert code == 0
        assert err == ""
        assert "imported" in out and "as document 1 (revision 1)" in out
        assert "2 units, 35 projects, 252 indicators, budget 7157.01 万元" in out
        assert "865 (183 blank, 682 used, 0 not understood)" in out
        code, out, _ = run(capsys, "import", str(SAMPLE), "--db", db)  # --db after too
        assert code == 0
        assert "unchanged" in out and "nothing written" in out

    def test_dry_run_writes_nothing(self, db, capsys):
        code, out, _ = run(capsys, "--db", db, "import", "--dry-run", str(SAMPLE))
        assert code == 0
        assert "dry run, nothing written" in out
        assert not Path(db).exists()

    def test_json_report(self, db, capsys):
        code, out, _ = run(capsys, "--db", db, "import", "--json", str(SAMPLE))
        report = json.loads(out)
        assert code == 0
        assert report[0]["status"] == "imported"
        assert report[0]["projects"] == 35
        assert report[0]["budget"] == {"万元": "7157.01"}
        assert report[0]["lines"] == {
            "total": 865, "blank": 183, "used": 682, "furniture": 0, "unread": 0
        }  # fmt: skip

    def test_a_bad_file_is_named_with_its_line_and_the_good_one_still_imports(
        self, db, capsys, tmp_path
    ):
        bad = tmp_path / "bad.txt"
        bad.write_text(sample_with(("预算数\t16.80", "预算数\tabc")), encoding="utf-8")
        code, out, err = run(capsys, "--db", db, "import", str(bad), str(SAMPLE))
        assert code == 2
        assert f"jixiao: error: {bad}:132: 预算数 'abc' is not an amount" in err
        assert "Traceback" not in err
        assert "imported" in out
        code, out, _ = run(capsys, "--db", db, "ls", "--format", "json")
        assert [d["source_filename"] for d in json.loads(out)] == [SAMPLE.name]

    def test_overrides(self, db, capsys, tmp_path):
        code, out, _ = run(
            capsys, "--db", db, "import", "--stage", "final", "--year", "2025",
            "--department", "巨鹿县委组织部", str(SAMPLE),
        )  # fmt: skip
        assert code == 0
        assert "巨鹿县委组织部 2025 final" in out

    def test_gb18030_file(self, db, capsys, tmp_path):
        path = tmp_path / "gb.txt"
        path.write_bytes(SAMPLE_TEXT.encode("gb18030"))
        code, out, _ = run(capsys, "--db", db, "import", "--dry-run", str(path))
        assert code == 0
        assert "(tabbed, gb18030)" in out
        assert "252 indicators" in out


class TestListing:
    def test_table(self, imported, capsys):
        code, out, _ = run(capsys, "--db", imported, "ls")
        assert code == 0
        header, _rule, row = out.splitlines()
        assert header.split()[:4] == ["id", "department", "year", "stage"]
        assert row.split()[:4] == ["1", "中共巨鹿县委组织部", "2024", "draft"]
        assert "7157.01" in row

    def test_json_and_csv(self, imported, capsys):
        _, out, _ = run(capsys, "--db", imported, "ls", "--format", "json")
        (document,) = json.loads(out)
        assert document["budget"] == "7157.01"
        assert (document["projects"], document["indicators"]) == (35, 252)
        _, out, _ = run(capsys, "--db", imported, "ls", "--format", "csv")
        (row,) = list(csv.DictReader(io.StringIO(out)))
        assert row["department"] == "中共巨鹿县委组织部"

    def test_many_documents_are_drawn_as_tabulate_draws_them(self, db, capsys, monkeypatch,
                                                             tmp_path):  # fmt: skip
        """The table is read column by column, as tuples (ten thousand documents take no
        dict each): it is the table tabulate draws of the same documents, departments wide,
        narrow and hostile among them."""
        from jixiao.tui.cli import output

        for year, department in ((2023, "巨鹿县（大数据）中心·APP"), (2024, "x"),
                                 (2025, "é\u0301 🙂\x1b[2J")):  # fmt: skip
            path = tmp_path / f"{year}.txt"
            path.write_text(
                sample_with(("2024 年部门预算", f"{year} 年部门预算")), encoding="utf-8"
            )
            assert main(["--db", db, "import", "--department", department, str(path)]) == 0
        capsys.readouterr()
        code, ours, _ = run(capsys, "--db", db, "ls")
        assert code == 0 and "\\x1b[2J" in ours and "\x1b" not in ours
        monkeypatch.setattr(output, "table_lines", tabulates_lines)
        assert run(capsys, "--db", db, "ls")[1] == ours

    def test_a_budget_is_written_as_from_fen_writes_it(self):
        import random

        from jixiao.importers.money import MAX_FEN, YUAN_PER_UNIT, fen_text, from_fen

        chance = random.Random(18)
        amounts = [*range(-2100, 2100), *(chance.randint(-MAX_FEN, MAX_FEN) for _ in range(3000)),
                   *(sign * 10**power + step for power in range(16) for sign in (1, -1)
                     for step in (-1, 0, 1))]  # fmt: skip
        for unit in YUAN_PER_UNIT:
            assert [a for a in amounts if fen_text(a, unit) != str(from_fen(a, unit))] == []
        assert (fen_text(71570100, "万元"), fen_text(-5, "万元")) == ("71.5701", "-0.000005")

    def test_empty_store(self, db, capsys):
        code, out, err = run(capsys, "--db", db, "ls")
        assert (code, out) == (0, "")
        assert "jixiao import FILE" in err
        _, out, _ = run(capsys, "--db", db, "ls", "--format", "json")
        assert json.loads(out) == []


class TestShow:
    def test_document(self, imported, capsys):
        code, out, _ = run(capsys, "--db", imported, "show", "中共:2024")
        assert code == 0
        assert "unit 203003 巨鹿县大数据发展中心: 4 projects, 163.70 万元" in out
        assert "total: 35 projects, 252 indicators, 7157.01 万元" in out
        assert "村级组织运转经费" in out

    @pytest.mark.parametrize("project", ["5", "13052924P0058401162 0R", "村级组织运转"])
    def test_project_by_number_code_or_name(self, imported, capsys, project):
        code, out, _ = run(capsys, "--db", imported, "show", "1", project)
        assert code == 0
        assert out.startswith("5. 村级组织运转经费")
        assert "3月底 25%   6月底 50%   10月底 75%   12月底 100%" in out
        assert "≤1165 人" in out

    def test_project_source_lines(self, imported, capsys):
        _, out, _ = run(capsys, "--db", imported, "show", "1", "5", "--source")
        assert "  216 │ 预算规模及 资金用途 → 预算数 → 6029.30" in out

    def test_project_json(self, imported, capsys):
        _, out, _ = run(capsys, "--db", imported, "show", "1", "32", "--format", "json")
        project = json.loads(out)
        assert (project["name"], project["budget"]) == ("12345 便民热线新增人员经费", "9.70")

    @pytest.mark.parametrize(
        ("project", "message"),
        [("99", "no project of document 1 matches '99'"), ("经费", "matches 21 projects")],
    )
    def test_unknown_or_ambiguous_project(self, imported, capsys, project, message):
        code, _, err = run(capsys, "--db", imported, "show", "1", project)
        assert code == 2
        assert message in err
        assert "hint:" in err

    def test_unknown_document(self, imported, capsys):
        code, out, err = run(capsys, "--db", imported, "show", "财政局:2024")
        assert (code, out) == (2, "")
        assert "no department's name starts with '财政局'" in err
        assert "hint: `jixiao ls`" in err


class TestExport:
    def test_json_is_the_whole_document(self, imported, capsys):
        code, out, _ = run(capsys, "--db", imported, "export", "1")
        data = json.loads(out)
        assert code == 0
        assert sum(len(p["indicators"]) for u in data["units"] for p in u["projects"]) == 252

    def test_csv_one_row_an_indicator(self, imported, capsys):
        _, out, _ = run(capsys, "--db", imported, "export", "1", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 252
        assert not out.startswith("\ufeff")
        assert rows[0]["project_code"] == "13052924P005840120862"
        assert rows[0]["other_funds"] == ""

    def test_csv_file_has_a_bom_for_excel(self, imported, capsys, tmp_path):
        target = tmp_path / "out.csv"
        code, out, _ = run(capsys, "--db", imported, "export", "1", "--format", "csv", "-o",
                           str(target))  # fmt: skip
        assert (code, out) == (0, "")
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")

    def test_markdown(self, imported, capsys):
        _, out, _ = run(capsys, "--db", imported, "export", "1", "--format", "md")
        assert out.startswith("# 中共巨鹿县委组织部 — 2024 年部门预算绩效文本")
        assert "#### 5. 村级组织运转经费" in out
        assert "| 产出指标 | 数量指标 | 村“两委”干部人数 |" in out

    def test_markup_in_text_is_escaped_in_markdown(self, db, capsys, tmp_path):
        path = tmp_path / "markup.txt"
        path.write_text(
            sample_with(("项目名称\t关工委经费", "项目名称\t[bold]关工委|经费")), encoding="utf-8"
        )
        run(capsys, "--db", db, "import", str(path))
        _, out, _ = run(capsys, "--db", db, "export", "1", "--format", "md")
        assert "#### 12. \\[bold]关工委\\|经费" in out


class TestHelpAndDocs:
    def test_every_command_has_help_and_a_section_in_the_docs(self):
        docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
        parser = build_parser()
        common = {option for action in parser._actions for option in action.option_strings}
        shared = docs.split("## Options every command takes", 1)[1].split("\n## ", 1)[0]
        assert "--db" in shared
        assert all(option in docs for option in common if option.startswith("--"))
        subparsers = next(a for a in parser._actions if a.dest == "command")
        for name in COMMANDS:
            command = subparsers.choices[name]
            assert command.description, f"{name} has no description"
            assert f"## jixiao {name}" in docs, f"docs/cli.md lacks a section for {name}"
            section = docs.split(f"## jixiao {name}", 1)[1].split("\n## ", 1)[0]
            for action in command._actions:
                for option in set(action.option_strings) - common:
                    if option.startswith("--"):
                        assert option in section, f"docs/cli.md: {name} lacks {option}"

    def test_no_command_opens_the_tui_with_its_options(self, monkeypatch, db):
        from jixiao.tui.cli.commands import tui_command

        seen = []
        monkeypatch.setattr(tui_command, "run", lambda args: seen.append(args) or 0)
        assert main(["--db", db, "--reviewer", "li"]) == 0
        assert (seen[0].reviewer, seen[0].db) == ("li", db)

    def test_help_mentions_the_tui(self, capsys):
        with pytest.raises(SystemExit):
            main(["--help"])
        text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines anywhere
        assert "browse, mark and annotate them in the TUI (`jixiao` alone)" in text

    def test_bad_usage_exits_2(self, capsys):
        with pytest.raises(SystemExit) as caught:
            main(["ls", "--format", "xml"])
        assert caught.value.code == 2


class TestTheParserOfTheCommandNamed:
    """A command line that names its command builds that command's parser alone (the others
    cost ≈ 5 ms of every start); help, and a mistaken command, still see every command."""

    def test_only_the_command_named_is_built(self):
        subparsers = next(a for a in build_parser(["ls"])._actions if a.dest == "command")
        assert list(subparsers.choices) == list(COMMANDS)
        assert subparsers.choices["ls"].description
        assert [name for name in COMMANDS if subparsers.choices[name].description] == ["ls"]

    @pytest.mark.parametrize("argv", [["--help"], ["ls", "--help"], ["--help", "ls"], None])
    def test_help_builds_every_command(self, argv):
        subparsers = next(a for a in build_parser(argv)._actions if a.dest == "command")
        assert all(subparsers.choices[name].description for name in COMMANDS)

    def test_a_mistaken_command_is_told_every_command(self, capsys):
        with pytest.raises(SystemExit) as caught:
            main(["--db", "ls", "lss"])  # names ls, as the store
        assert caught.value.code == 2
        told = capsys.readouterr().err
        assert "invalid choice: 'lss'" in told
        assert [name for name in COMMANDS if f"'{name}'" not in told] == []


class TestConsoleScript:
    """The installed `jixiao`, as a user's shell runs it."""

    @pytest.fixture
    def jixiao(self) -> str:
        path = shutil.which("jixiao") or str(ROOT / ".venv" / "bin" / "jixiao")
        assert Path(path).exists(), "jixiao is not installed (make install)"
        return path

    def test_end_to_end_with_the_environment_variable(self, jixiao, tmp_path):
        env = {"JIXIAO_DB": str(tmp_path / "env.db"), "PATH": "/usr/bin:/bin"}
        done = subprocess.run([jixiao, "import", str(SAMPLE)], env=env, capture_output=True,
                              text=True, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        done = subprocess.run([jixiao, "export", "中共巨鹿县委组织部:2024:draft"], env=env,
                              capture_output=True, text=True, check=False)  # fmt: skip
        assert json.loads(done.stdout)["document"]["year"] == 2024

    def test_binary_input_is_a_message_not_a_traceback(self, jixiao, tmp_path):
        binary = tmp_path / "scan.pdf"
        binary.write_bytes(b"%PDF-1.5\n\x00\x00\x00")
        done = subprocess.run([jixiao, "--db", str(tmp_path / "s.db"), "import", str(binary)],
                              capture_output=True, text=True, check=False)  # fmt: skip
        assert done.returncode == 2
        assert done.stderr.startswith(f"jixiao: error: {binary}: cannot read this PDF")
        assert "Traceback" not in done.stderr


class TestCompare:
    @pytest.fixture
    def two_years(self, db, capsys, tmp_path) -> str:
        from tests.test_compare import draft_2023

        old = tmp_path / "2023.txt"
        old.write_text(draft_2023(), encoding="utf-8")
        assert main(["--db", db, "import", str(old), str(SAMPLE)]) == 0
        capsys.readouterr()
        return db

    def test_table_starts_with_the_summary(self, two_years, capsys):
        code, out, _ = run(capsys, "--db", two_years, "compare", "中共:2023", "中共:2024")
        lines = out.splitlines()
        assert code == 0
        assert lines[0] == "中共巨鹿县委组织部 2023 draft r1 → 中共巨鹿县委组织部 2024 draft r1"
        assert lines[1] == "projects: 6 added, 1 removed, 5 changed, 23 unchanged, 1 to confirm"
        assert lines[2] == "budget (万元): 6719.01 → 7157.01, +438.00 (+6.5%)"
        assert "  indicator 参会率: ≥70% → ≥80% [stricter]" in lines

    def test_json_md_and_csv(self, two_years, capsys):
        _, out, _ = run(capsys, "--db", two_years, "compare", "1", "2", "--format", "json")
        data = json.loads(out)
        assert data["summary"]["counts"]["to_confirm"] == 1
        _, out, _ = run(capsys, "--db", two_years, "compare", "1", "2", "--format", "md")
        assert "## to confirm (1)" in out
        assert "- goal: 通过党刊征订促进{+党员干部+}学习。" in out
        _, out, _ = run(capsys, "--db", two_years, "compare", "1", "2", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        budget = next(r for r in rows if r["field"] == "budget")
        assert (budget["a"], budget["b"], budget["detail"]) == ("5800.00", "6029.30", "229.30")

    def test_confirm_is_remembered(self, two_years, capsys):
        code, out, _ = run(capsys, "--db", two_years, "compare", "1", "2", "--confirm", "12:12",
                           "--format", "json")  # fmt: skip
        assert code == 0
        assert json.loads(out)["summary"]["counts"]["to_confirm"] == 0
        _, out, _ = run(capsys, "--db", two_years, "compare", "1", "2", "--format", "json")
        pair = next(p for p in json.loads(out)["projects"]
                    if p["b"] and p["b"]["name"] == "关工委经费")  # fmt: skip
        assert (pair["status"], pair["match"]) == ("changed", "confirmed")

    @pytest.mark.parametrize(
        ("argv", "message"),
        [(["1", "1"], "the same document"), (["1", "2", "--confirm", "12"], "'12' is not N:M"),
         (["1", "2", "--reject", "99:1"], "A has no project number 99")],
    )  # fmt: skip
    def test_bad_usage(self, two_years, capsys, argv, message):
        code, _, err = run(capsys, "--db", two_years, "compare", *argv)
        assert code == 2
        assert message in err


class TestExcel:
    def test_export_and_report_as_xlsx(self, imported, capsys, tmp_path):
        from openpyxl import load_workbook

        document, review = tmp_path / "doc.xlsx", tmp_path / "review.xlsx"
        assert main(["--db", imported, "export", "1", "--format", "xlsx", "-o", str(document)]) == 0
        assert main(["--db", imported, "report", "1", "--format", "xlsx", "-o", str(review)]) == 0
        projects, indicators = load_workbook(document).worksheets
        assert (projects.max_row, indicators.max_row) == (36, 253)
        assert [c.value for c in projects[6]][:6] == [
            "203001", 5, "13052924P00584011620R", "村级组织运转经费", "万元", "6029.30",
        ]  # fmt: skip
        letter, projects, marks, findings = load_workbook(review).worksheets
        assert letter["A1"].value == "审核意见" and projects.max_row == 36
        assert marks["H1"].value == "审核标记"  # no marks yet: the header alone
        assert marks.max_row == 1
        assert findings.max_row == 49  # 48 problems (not T002's figures) and the header
        assert [c.value for c in findings[1]][:3] == ["检查代码", "审核要点", "程度"]
        # a person's workbook: the header stays put, every column filters
        assert findings.freeze_panes == "A2" and findings.auto_filter.ref == "A1:I49"
        assert letter.auto_filter.ref is None  # the letter's lines are no table
        headers = [c.value for c in load_workbook(document).worksheets[1][1]]
        assert headers[12:17] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"]

    def test_xlsx_needs_a_file(self, imported, capsys):
        assert main(["--db", imported, "export", "1", "--format", "xlsx"]) == 2
        assert "add --output FILE.xlsx" in capsys.readouterr().err


def by_tabulate(titles: list[str], columns: list[list], align: list[str]) -> str:
    """What tabulate draws of table_lines' columns: the oracle of the tables' drawing."""
    from tabulate import tabulate

    rows = [list(row) for row in zip(*columns, strict=True)]
    return tabulate(rows, headers=titles, tablefmt="simple", disable_numparse=True,
                    colalign=align)  # fmt: skip


def tabulates_lines(titles: list[str], columns: list[list], align: list[str]) -> Iterator[str]:
    return iter(by_tabulate(titles, columns, align).split("\n"))


def jixiao_draws(titles: list[str], columns: list[list], align: list[str]) -> str:
    """What jixiao draws of the same columns."""
    from jixiao.tui.cli.output import table_lines

    return "\n".join(table_lines(titles, columns, align))


def columns_of(rows: list[list], width: int) -> list[list]:
    return [list(column) for column in zip(*rows, strict=True)] or [[] for _ in range(width)]


class TestTables:
    """Tables are drawn by output.table_lines, not tabulate (whose import alone costs a third of
    a command's start): every command's table is held to what tabulate draws of the same rows."""

    def test_the_table_drawing_is_tabulates(self):
        titles = ["id", "department", "year", "budget (万元)", "note"]
        body = [
            ["1", "中共巨鹿县委组织部", "2024", "7157.01", "≥95%"],
            ["12345", "x", "2023", "0.5", ""],
            ["7", "巨好办 APP", "2022", "12.00", "“五老”·（含）"],
            ["8", "\\x1b]0;PWNED\\x07", "", "-3.5", "①②③ ½"],
        ]
        align = ["right", "left", "left", "right", "left"]
        for rows in (body, body[:1], []):
            columns = columns_of(rows, len(titles))
            assert jixiao_draws(titles, columns, align) == by_tabulate(titles, columns, align)

    def test_a_column_of_integers_is_drawn_as_their_text(self):
        titles = ["id", "年度", "n"]
        columns = [[1, 12345, -7], [2024, 2023, 99], [0, -100000, 5]]
        texts = [[str(number) for number in column] for column in columns]
        for align in (["right"] * 3, ["left"] * 3, ["right", "left", "right"]):
            assert jixiao_draws(titles, columns, align) == by_tabulate(titles, texts, align)

    def test_random_tables_are_tabulates(self):
        """Text of every kind the fast measure takes (ASCII, ideographs, full-width forms, CJK
        punctuation) and of kinds left to wcwidth (accents, combining marks, emoji, a tone
        mark), repeated and distinct, in columns of either alignment."""
        import random

        letters = "aZ09.-%_ 中共巨鹿县（）：，。、「」％￥é\u0301🙂ｱ\u302a·—"
        chance = random.Random(18)

        def text() -> str:
            word = "".join(chance.choices(letters, k=chance.randint(0, 9)))
            return word.strip()  # tabulate strips a cell's ends

        for _ in range(200):
            width = chance.randint(1, 5)
            titles = [text() for _ in range(width)]
            names = [text() for _ in range(chance.randint(1, 6))]
            rows = [[chance.choice(names) for _ in range(width)]
                    for _ in range(chance.randint(0, 12))]  # fmt: skip
            align = [chance.choice(("left", "right")) for _ in range(width)]
            columns = columns_of(rows, width)
            assert jixiao_draws(titles, columns, align) == by_tabulate(titles, columns, align)

    def test_distinct_names_and_repeated_ones_are_tabulates(self):
        """Chinese file names, each distinct, are measured cell by cell by `map`; departments
        that repeat, and text wcwidth must measure, name by name: all as tabulate draws."""
        files = [f"巨鹿县第{n}部门（草案）{'x' * (n % 7)}.pdf" for n in range(40)]
        departments = [f"第{n % 3}部门{'长' * (n % 3)}" for n in range(40)]
        accented = [f"café {n}{'é' * (n % 5)}" for n in range(40)]
        columns = [files, departments, accented, files]
        titles = ["文件", "部门", "x", "文件"]
        for align in (["left"] * 4, ["right"] * 4):
            assert jixiao_draws(titles, columns, align) == by_tabulate(titles, columns, align)

    def test_the_characters_measured_without_wcwidth_are_as_wide_to_it(self):
        import re

        from wcwidth import wcswidth, wcwidth

        from jixiao.tui.cli.output import _ASCII_AND_WIDE, _width

        pattern = re.compile(_ASCII_AND_WIDE)
        taken = [chr(code) for code in range(0x10000) if pattern.fullmatch(chr(code))]
        assert len(taken) > 27000  # the ideographs at least
        assert [char for char in taken if wcwidth(char) != (1 if char.isascii() else 2)] == []
        assert _width("".join(taken)) == wcswidth("".join(taken))
        assert _width("预算数（万元）") == 14 and _width("é") == wcswidth("é") == 1

    @pytest.mark.parametrize("argv", [["ls"], ["show", "1"], ["show", "1", "5"],
                                      ["search", "经费"], ["projects"], ["indicators"],
                                      ["check", "1"], ["stats"]])  # fmt: skip
    def test_every_commands_table_is_what_tabulate_draws(self, imported, capsys, monkeypatch,
                                                         argv):  # fmt: skip
        from jixiao.tui.cli import output

        assert main(["--db", imported, *argv]) == 0
        ours = capsys.readouterr().out

        monkeypatch.setattr(output, "table_lines", tabulates_lines)
        assert main(["--db", imported, *argv]) == 0
        assert capsys.readouterr().out == ours

    def test_ls_creates_a_missing_store(self, tmp_path, capsys):
        assert main(["--db", str(tmp_path / "new.db"), "ls"]) == 0
        assert "holds no documents" in capsys.readouterr().err
        assert (tmp_path / "new.db").exists()
