"""Everything else a person reads, in Chinese: the command line's help and argparse's own
words, table titles, and the words of the checks, compare and the CLI in the source: a
message written for people and not put through the catalog fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from jixiao.tui.cli import COMMANDS, build_parser, main
from tests.conftest import ROOT, SAMPLE

CJK = re.compile(r"[\u4e00-\u9fff]")


def chinese(text: str | None) -> bool:
    return bool(text) and bool(CJK.search(text or ""))


class TestHelpInChinese:
    def test_every_command_and_option_is_described_in_chinese(self, speak):
        speak("zh")
        parser = build_parser()
        assert chinese(parser.description) and chinese(parser.epilog)
        subparsers = next(a for a in parser._actions if a.dest == "command")
        for name in COMMANDS:
            command = subparsers.choices[name]
            assert chinese(command.description), name
            for action in command._actions:
                if action.help is not None and action.help != "==SUPPRESS==":
                    assert chinese(action.help), (name, action.option_strings, action.help)

    def test_argparse_speaks_it_too(self, capsys, speak):
        speak("zh")
        with pytest.raises(SystemExit):
            main(["--lang", "zh", "check", "--help"])
        out = capsys.readouterr().out
        assert (
            out.startswith("用法：jixiao check") and "位置参数" in out and "显示本帮助并退出" in out
        )
        # usage's later lines under the first's arguments: 用法： takes six columns, not three
        assert out.splitlines()[1].index("[") == len("      jixiao check ")
        assert main_exit(["--lang", "zh", "check"]) == 2
        assert "jixiao check：错误：缺少以下参数：DOC" in capsys.readouterr().err

    def test_chinese_help_fits_80_columns(self, capsys, monkeypatch, speak):
        from jixiao.tui.cli.output import _width

        monkeypatch.setenv("COLUMNS", "80")
        speak("zh")
        for argv in (["--help"], ["import", "--help"], ["report", "--help"]):
            with pytest.raises(SystemExit):
                main(["--lang", "zh", *argv])
            lines = capsys.readouterr().out.splitlines()
            too_wide = [line for line in lines if _width(line) > 80 and chinese(line)]
            assert too_wide == [], argv

    def test_english_is_as_before(self, capsys):
        with pytest.raises(SystemExit):
            main(["--lang", "en", "check", "--help"])
        out = capsys.readouterr().out
        assert out.startswith("usage: jixiao check") and "show this help message and exit" in out


class TestArgparseInChinese:
    def test_its_plural(self, capsys, speak):
        """No option of jixiao's takes N values yet; one that does is answered in Chinese."""
        import argparse

        from jixiao.tui.cli.argparse_words import HelpFormatter, speak_argparse

        speak("zh")
        speak_argparse()
        parser = argparse.ArgumentParser(prog="jixiao", formatter_class=HelpFormatter)
        parser.add_argument("--pair", nargs=2)
        with pytest.raises(SystemExit):
            parser.parse_args(["--pair", "1"])
        assert "jixiao：错误：参数 --pair：需要 2 个值" in capsys.readouterr().err

    def test_a_mistake_in_lang_itself(self, capsys, monkeypatch):
        """`--lang` with no value: said by the command's parser in the language chosen
        without it, not by the one that looks for --lang first."""
        monkeypatch.setenv("JIXIAO_LANG", "zh")
        assert main_exit(["show", "1", "--lang"]) == 2
        err = capsys.readouterr().err
        assert "jixiao show：错误：参数 --lang：需要一个值" in err and "usage" not in err

    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_chinese_choices_keep_the_help_in_its_column(self, capsys, speak, lang):
        from jixiao.tui.cli.output import _width

        speak(lang)
        with pytest.raises(SystemExit):
            main(["--lang", lang, "review", "--help"])
        lines = capsys.readouterr().out.splitlines()
        note = next(line for line in lines if line.startswith("  --note TEXT"))
        column = len(note) - len(note[len("  --note TEXT") :].lstrip())
        grade = next(n for n, line in enumerate(lines) if line.startswith("  --grade {优"))
        help_of_grade = lines[grade + 1] if lines[grade].endswith("}") else lines[grade]
        start = help_of_grade.index("项目的等级" if lang == "zh" else "the project's grade")
        assert _width(help_of_grade[:start]) == column

    def test_headings_end_with_a_chinese_colon(self, capsys, speak):
        speak("zh")
        with pytest.raises(SystemExit):
            main(["--lang", "zh", "completion", "--help"])
        out = capsys.readouterr().out.splitlines()
        assert "位置参数：" in out and "选项：" in out

    def test_a_hint_with_an_example(self, tmp_path, capsys, speak):
        speak("zh")
        db = str(tmp_path / "r.db")
        assert main_exit(["--db", db, "--lang", "zh", "review", "1", "--grade", "优"]) == 2
        err = capsys.readouterr().err
        assert "如 jixiao review 1 5 --grade 良" in err and "e.g." not in err


def imported_with_a_bell(tmp_path: Path, speak) -> str:
    """A store holding the sample with a BEL in its first 党刊, imported in Chinese: the
    import notes the control character."""
    text = SAMPLE.read_text(encoding="utf-8").replace("党刊", "党\x07刊", 1)
    path = tmp_path / "bell.txt"
    path.write_text(text, encoding="utf-8")
    db = str(tmp_path / "n.db")
    speak("zh")
    assert main(["--db", db, "--lang", "zh", "import", str(path)]) == 0
    return db


class TestNotesAndFilesInChinese:
    def test_a_notes_kind(self, tmp_path, capsys, speak):
        db = imported_with_a_bell(tmp_path, speak)
        assert "：警告：文本中有控制字符" in capsys.readouterr().out
        assert main(["--db", db, "--lang", "zh", "show", "1", "--notes"]) == 0
        assert "：警告：文本中有控制字符" in capsys.readouterr().out
        speak("en")
        assert main(["--db", db, "--lang", "en", "show", "1", "--notes"]) == 0
        assert ": warning: 文本中有控制字符" in capsys.readouterr().out

    def test_ls_and_stats_name_the_stage_as_the_documents_do(self, tmp_path, capsys, speak):
        import json

        db = str(tmp_path / "l.db")
        main(["--db", db, "import", str(SAMPLE)])
        capsys.readouterr()
        speak("zh")
        assert main(["--db", db, "--lang", "zh", "ls"]) == 0
        assert re.search(r" 2024 +草案 +1 ", capsys.readouterr().out)
        assert main(["--db", db, "--lang", "zh", "ls", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)[0]["stage"] == "draft"  # the key
        assert main(["--db", db, "--lang", "zh", "stats"]) == 0
        assert "按年度    2024 草案：1" in capsys.readouterr().out

    def test_the_systems_reason(self, tmp_path, capsys, speak):
        missing = tmp_path / "missing.txt"
        speak("zh")
        assert main(["--db", str(tmp_path / "m.db"), "--lang", "zh", "import", str(missing)]) == 2
        assert "没有此文件或目录" in capsys.readouterr().err
        speak("en")
        assert main(["--db", str(tmp_path / "m.db"), "--lang", "en", "import", str(missing)]) == 2
        assert "No such file or directory" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("lang", "said"),
        [("en", "unknown binding id 'browse.nothing' (see `jixiao keys`)"),
         ("zh", "未知的绑定 id“browse.nothing”（见 `jixiao keys`）")],
    )  # fmt: skip
    def test_a_keymap_mistake(self, tmp_path, capsys, speak, lang, said):
        keymap = tmp_path / "keymap.toml"
        keymap.write_text('[keymap]\n"browse.nothing" = "w"\n', encoding="utf-8")
        speak(lang)
        argv = ["--db", str(tmp_path / "k.db"), "--lang", lang, "tui", "--keymap", str(keymap)]
        assert main(argv) == 2
        assert said in capsys.readouterr().err

    def test_the_workers_speak_the_chosen_language(self, tmp_path, capsys, speak, monkeypatch):
        """--lang zh where the environment says English: the files parsed by the worker
        processes fail in Chinese too."""
        monkeypatch.setenv("JIXIAO_LANG", "en")
        for number in range(4):  # enough files for a pool of workers
            (tmp_path / f"junk{number}.txt").write_text(f"不是绩效文本 {number}\n", "utf-8")
        speak("zh")
        argv = ["--db", str(tmp_path / "w.db"), "--lang", "zh", "import", str(tmp_path)]
        assert main([*argv, "--jobs", "2"]) == 2
        out = capsys.readouterr().out
        assert out.count("无法识别版式") == 4 and "unknown layout" not in out


def main_exit(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as leaving:
        return int(leaving.code or 0)


class TestTablesInChinese:
    @pytest.mark.parametrize(
        "argv",
        [["ls"], ["show", "1"], ["show", "1", "1"], ["check", "1"], ["projects"],
         ["indicators"], ["search", "党刊"], ["config"], ["compare", "1", "1:2024"],
         ["review", "1", "5", "--mark", "problem"], ["keys"]],
    )  # fmt: skip
    def test_titles_have_no_english(self, tmp_path, capsys, speak, argv):
        db = str(tmp_path / "t.db")
        main(["--db", db, "import", str(SAMPLE)])
        capsys.readouterr()
        if argv[0] == "compare":  # compare needs two documents: the same one, another year
            argv = ["compare", "1", "2"]
            text = SAMPLE.read_text(encoding="utf-8").replace(
                "2024 年部门预算", "2025 年部门预算", 1
            )
            other = tmp_path / "2025.txt"
            other.write_text(text, encoding="utf-8")
            main(["--db", db, "import", str(other)])
            capsys.readouterr()
        speak("zh")
        assert main(["--db", db, "--lang", "zh", *argv]) == 0
        out = capsys.readouterr().out.splitlines()
        rule = next(n for n, line in enumerate(out) if set(line) <= {"-", " "} and line)
        titles = out[rule - 1]
        assert set(re.findall(r"[a-z]{2,}", titles)) <= {"id"}, titles
        if argv[0] == "review":
            assert "有问题" in out[rule + 1]


# Calls whose text argument a person reads.
SPOKEN = {"UsageError", "StoreError", "say", "message", "Finding", "said", "ImportFault", "Note",
          "warn", "notify", "KeymapError"}  # fmt: skip
# Where every message is in the catalog: the checks, compare's words, the command line, the
# store's errors about its file, about naming a document, verify's and the upgrade's, the
# importers, and the TUI's screens, widgets and keymap.
TRANSLATED = [
    *sorted((ROOT / "store" / "checks").glob("*.py")),
    ROOT / "store" / "compare" / "render.py",
    *(ROOT / "store" / f"{name}.py"
      for name in ("errors", "db", "backup", "references", "queries", "verify", "migrations")),
    *sorted((ROOT / "tui" / "cli").rglob("*.py")),
    *sorted((ROOT / "tui" / "screens").glob("*.py")),  # the TUI's notices
    *sorted((ROOT / "tui" / "components").glob("*.py")),
    ROOT / "tui" / "keymap.py",
    *sorted((ROOT / "importers").rglob("*.py")),  # an import's faults and notes
]  # fmt: skip
ENGLISH = re.compile(r"[A-Za-z]{3,}")


class TestNoWordsOutsideTheCatalog:
    @pytest.mark.parametrize("path", TRANSLATED, ids=lambda p: str(p.relative_to(ROOT)))
    def test_a_message_goes_through_the_catalog(self, path):
        """A literal with English words, or an f-string, given straight to what shows it:
        not translated."""
        untranslated = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _name(node.func) in SPOKEN):
                continue
            # A finding's code and severity are keys, its message the third argument; a store
            # error's third is its kind, a key.
            # An import fault's and a note's first arguments are where (file, line, severity);
            # a warning's, its line.
            spoken = {
                "Finding": slice(2, 3),
                "StoreError": slice(0, 2),
                "ImportFault": slice(2, 3),
                "Note": slice(2, 3),
                "warn": slice(1, 2),
            }
            for argument in node.args[spoken.get(_name(node.func), slice(None))]:
                if _english_literal(argument):
                    untranslated.append((node.lineno, ast.unparse(argument)[:60]))
        assert untranslated == [], path


def _name(function: ast.expr) -> str:
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")


def _english_literal(node: ast.expr) -> bool:
    """English words outside {placeholders} (in either branch of a conditional)."""
    if isinstance(node, ast.IfExp):
        return _english_literal(node.body) or _english_literal(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(ENGLISH.search(PLACEHOLDER.sub("", node.value)))
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and ENGLISH.search(str(part.value))
            for part in node.values
        )
    return False


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class TestReportInChinese:
    def test_the_record_and_the_sheets(self, tmp_path, capsys, speak):
        db = str(tmp_path / "r.db")
        main(["--db", db, "import", str(SAMPLE)])
        main(["--db", db, "review", "1", "5", "--mark", "problem", "--note", "金额偏高"])
        capsys.readouterr()
        speak("zh")
        assert main(["--db", db, "--lang", "zh", "report", "1", "--format", "md"]) == 0
        out = capsys.readouterr().out
        assert "## 附：审核记录\n" in out and "- **有问题** — 项目，第 " in out
        assert "Review record" not in out and "problem" not in out
        assert "提升工作效率：指标值“提升”没有数字，年终无法考核" in out  # a finding, in Chinese
        path = tmp_path / "r.xlsx"
        assert main(["--db", db, "--lang", "zh", "report", "1", "--format", "xlsx",
                     "-o", str(path)]) == 0  # fmt: skip
        from openpyxl import load_workbook

        assert load_workbook(path).sheetnames == ["审核意见", "项目", "审核标记", "检查发现"]


class TestTablesAt80Columns:
    def test_check_fits_a_terminal_and_loses_nothing(self, engine, sample, speak):
        from jixiao.store.findings import finding_rows
        from jixiao.store.queries import load_document
        from jixiao.store.save import save_document
        from jixiao.tui.cli.output import _width, fitted, render

        speak("zh")
        stored = load_document(engine, save_document(engine, *sample).document_id)
        rows = [{"code": r["code"], "project": r["project"]["name"] if r["project"] else "",
                 "message": r["message"]} for r in finding_rows(engine, stored)]  # fmt: skip
        table = render(rows, "table", fit=("project", "message"), width=80)
        assert max(_width(line) for line in table.splitlines()) <= 80
        body = [[row["code"], row["project"], row["message"]] for row in rows]
        cells = fitted(["编码", "项目", "说明"], body, [False, True, True], 80)
        for before, after in zip(body, cells, strict=True):
            assert ["".join(cell.split()) for cell in after] == [
                "".join(cell.split()) for cell in before
            ]  # wrapped, nothing lost
        assert any("\n" in row[2] for row in cells)
        from tabulate import tabulate  # the table its wrapped rows are held to

        titles = ["编码", "项目", "说明"]
        drawn = tabulate(cells, headers=titles, tablefmt="simple", disable_numparse=True)
        assert render([dict(zip(["c", "p", "m"], row, strict=True)) for row in body], "table",
                      dict(zip(["c", "p", "m"], titles, strict=True)), fit=("p", "m"),
                      width=80) == drawn + "\n"  # fmt: skip

    def test_piped_output_keeps_a_row_a_line(self):
        from jixiao.tui.cli.output import render

        rows = [{"code": "M001", "message": "提升工作效率：指标值“提升”没有数字，年终无法考核" * 3}]
        assert render(rows, "table", fit=("message",), width=None).count("\n") == 3


class TestASettingsMistakeInTheLocalesLanguage:
    def test_a_bad_jixiao_lang_over_ssh_is_reported_in_chinese(self, tmp_path, capsys, monkeypatch):
        monkeypatch.setenv("JIXIAO_LANG", "fr")
        monkeypatch.setenv("LANG", "C")  # names no language: Chinese
        for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(variable, raising=False)
        assert main(["--db", str(tmp_path / "s.db"), "ls"]) == 2
        assert capsys.readouterr().err == (
            "jixiao：错误：JIXIAO_LANG：没有语言“fr”\n提示：可用的语言：zh 和 en\n"
        )


class TestImportInChinese:
    def test_a_fault_names_the_file_in_chinese(self, tmp_path, capsys, speak):
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"\n")
        speak("zh")
        assert main(["--db", str(tmp_path / "f.db"), "--lang", "zh", "import", str(empty)]) == 2
        err = capsys.readouterr().err
        # FILE: MESSAGE keeps its ASCII colon: editors and terminals jump to FILE:LINE
        assert err == f"jixiao：错误：{empty}: 文件为空；应为绩效文本导出的文字\n"

    def test_a_fault_with_its_numbers_in_chinese(self, speak):
        from jixiao.importers.layouts import parse_bytes
        from jixiao.importers.report import ImportFault

        speak("zh")
        text = SAMPLE.read_text(encoding="utf-8").replace("单位：万元", "单位：美元", 1)
        with pytest.raises(ImportFault) as fault:
            parse_bytes(text.encode("utf-8"), "bad.txt")
        assert fault.value.message == "未知的金额单位“美元”；应为以下之一：元, 千元, 万元, 亿元"

    def test_a_note_is_stored_in_the_language_of_the_import(self, tmp_path, capsys, speak):
        """What an import notes is stored as it was said: `show --notes` later, in either
        language, shows the words of the import."""
        db = imported_with_a_bell(tmp_path, speak)
        said = "文本中有控制字符 \\x07：按原样保存，显示时转义"
        assert said in capsys.readouterr().out
        speak("en")
        assert main(["--db", db, "--lang", "en", "show", "1", "--notes"]) == 0
        assert said in capsys.readouterr().out

    def test_english_is_as_before(self):
        from jixiao.importers.layouts import parse_bytes

        text = SAMPLE.read_text(encoding="utf-8").replace("党刊", "党\x07刊", 1)
        _, report = parse_bytes(text.encode("utf-8"), "bell.txt")
        assert "control characters \\x07 in the text: stored as written, shown escaped" in [
            note.message for note in report.warnings
        ]


class TestVerifyInChinese:
    def test_the_checks_and_their_problems(self, tmp_path, capsys, speak):
        import json
        import sqlite3

        db = tmp_path / "v.db"
        main(["--db", str(db), "import", str(SAMPLE)])
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE document SET project_count = 99 WHERE id = 1")
        capsys.readouterr()
        speak("zh")
        assert main(["--db", str(db), "--lang", "zh", "verify", "--quick"]) == 2
        out = capsys.readouterr().out
        assert "SQLite quick_check  正常" in out and "文本计数            有问题  1 个文本" in out
        said = (
            "文本计数：文本 1（中共巨鹿县委组织部 2024 草案 第 1 版）：项目数：保存的是 99，实有 35"
        )
        assert said in out
        # a check's name is a key for scripts, as a finding's code is: English in JSON
        assert main(["--db", str(db), "--lang", "zh", "verify", "--quick", "--format", "json"]) == 2
        checks = json.loads(capsys.readouterr().out)["checks"]
        assert [c["check"] for c in checks][:2] == ["sqlite quick_check", "foreign keys"]
