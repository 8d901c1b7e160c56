"""The command line's conventions: its own package, one set of output options, `import
--layout`, shell completion and the config file (docs/cli.md)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from jixiao.tui.cli import COMMANDS, build_parser, main
from tests.conftest import ROOT, SAMPLE


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the config file, store or language of the machine it runs on: the
    locale is English (the tests' assertions are), $JIXIAO_LANG unset so that the config
    file's language is read."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("JIXIAO_CONFIG", "JIXIAO_DB", "JIXIAO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def imported(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", db, "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    return db


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    return next(a for a in parser._actions if a.dest == "command").choices


def jixiao(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao.tui.cli", *argv], capture_output=True,
                          text=True, cwd=ROOT, env=env, check=False)  # fmt: skip


class TestCliPackage:
    def test_the_console_script_is_the_cli_package(self):
        with (ROOT / "pyproject.toml").open("rb") as file:
            project = tomllib.load(file)
        assert project["project"]["scripts"]["jixiao"] == "jixiao.tui.cli:main"
        assert {"jixiao.tui.cli", "jixiao.tui.cli.commands"} <= set(
            project["tool"]["setuptools"]["packages"]
        )

    def test_the_command_line_lives_in_tui_cli(self):
        assert (ROOT / "tui" / "cli" / "__init__.py").exists()
        for name in COMMANDS:
            assert (ROOT / "tui" / "cli" / "commands" / f"{name}_command.py").exists(), name
        for moved in ("cli.py", "commands", "output.py", "errors.py", "progress.py"):
            assert not (ROOT / "tui" / moved).exists(), moved

    @pytest.mark.parametrize("command", ["config", "completion"])
    def test_help_of_the_new_commands_stays_light(self, command):
        code = (
            f"import sys\nfrom jixiao.tui.cli import main\ntry:\n    main([{command!r}, '--help'])"
            "\nexcept SystemExit:\n    pass\nprint(' '.join(sys.modules))"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=ROOT, check=True)  # fmt: skip
        loaded = set(done.stdout.split())
        assert "textual" not in loaded
        assert "sqlalchemy" not in loaded

    def test_python_dash_m_runs_it(self):
        done = jixiao("--version")
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("jixiao ")


class TestOutputOptions:
    def test_every_command_with_a_format_has_the_same_output_options(self):
        for name, command in subcommands().items():
            options = {o: a for a in command._actions for o in a.option_strings}
            if name == "import" or "--format" not in options:
                continue
            assert options["-o"] is options["--output"], name
            assert options["--output"].help == (
                "write to FILE instead of stdout (CSV then starts with a UTF-8 BOM, for Excel)"
            ), name
            fmt = options["--format"]
            assert fmt.help.startswith(f"output format: {', '.join(fmt.choices)} "
                                       f"(default: {fmt.default})"), name  # fmt: skip
            assert ("xlsx needs --output" in fmt.help) == ("xlsx" in fmt.choices), name

    @pytest.mark.parametrize(
        "argv",
        [["ls"], ["show", "1"], ["projects"], ["indicators", "--limit", "3"], ["search", "经费"],
         ["stats"], ["verify", "--quick"], ["keys"], ["check", "1"], ["export", "1"],
         ["report", "1"]],
    )  # fmt: skip
    def test_output_writes_what_stdout_would_show(self, imported, capsys, tmp_path, argv):
        assert main(["--db", imported, *argv]) in (0, 2)
        printed = capsys.readouterr().out
        path = tmp_path / "out.txt"
        assert main(["--db", imported, *argv, "-o", str(path)]) in (0, 2)
        assert capsys.readouterr().out == ""
        written = path.read_text(encoding="utf-8")
        if argv[0] == "stats":  # the size of the write-ahead log moves between two runs
            written, printed = written.split("\n", 1)[0], printed.split("\n", 1)[0]
        assert written == printed

    def test_csv_to_a_file_starts_with_a_bom(self, imported, capsys, tmp_path):
        path = tmp_path / "documents.csv"
        assert main(["--db", imported, "ls", "--format", "csv", "--output", str(path)]) == 0
        assert path.read_bytes().startswith(b"\xef\xbb\xbfid,")

    def test_a_failed_command_writes_no_file(self, imported, capsys, tmp_path):
        path = tmp_path / "out.json"
        assert main(["--db", imported, "show", "99", "--format", "json", "-o", str(path)]) == 2
        assert not path.exists()
        assert "99" in capsys.readouterr().err

    def test_an_output_in_a_missing_folder_is_refused_first(self, imported, capsys, tmp_path):
        path = tmp_path / "nowhere" / "out.txt"
        assert main(["--db", imported, "keys", "-o", str(path)]) == 2
        assert "the folder" in capsys.readouterr().err


class TestImportLayout:
    def test_layout_picks_the_reader(self, db, capsys):
        assert main(["--db", db, "import", "--layout", "tabbed", "--json", str(SAMPLE)]) == 0
        assert json.loads(capsys.readouterr().out)[0]["layout"] == "tabbed"

    def test_the_old_format_option_still_works_but_is_not_shown(self, db, capsys):
        assert main(["--db", db, "import", "--format", "pdf", "--dry-run", str(SAMPLE)]) == 2
        assert "not a PDF file" in capsys.readouterr().err  # the PDF reader was forced
        assert main(["--db", db, "import", "--format", "tabbed", "--dry-run", str(SAMPLE)]) == 0
        help_text = subcommands()["import"].format_help()
        assert "--layout" in help_text
        assert "--format" not in help_text


class TestCompletion:
    @pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
    def test_the_script_for_each_shell(self, capsys, shell):
        assert main(["completion", shell]) == 0
        script = capsys.readouterr().out
        assert "jixiao" in script
        assert "_ARGCOMPLETE" in script

    def test_an_unknown_shell_is_bad_usage(self, capsys):
        with pytest.raises(SystemExit) as caught:
            main(["completion", "tcsh"])
        assert caught.value.code == 2

    @pytest.mark.parametrize(
        ("line", "expected"),
        [("jixiao imp", {"import"}), ("jixiao import --lay", {"--layout"}),
         ("jixiao ls --format ", {"table", "json", "csv"})],
    )  # fmt: skip
    def test_bash_asks_and_jixiao_answers(self, tmp_path, line, expected):
        answer = tmp_path / "completions"
        env = dict(os.environ, _ARGCOMPLETE="1", COMP_LINE=line, COMP_POINT=str(len(line)),
                   _ARGCOMPLETE_STDOUT_FILENAME=str(answer))  # fmt: skip
        done = jixiao(env=env)
        assert done.returncode == 0, done.stderr
        words = {word.strip() for word in answer.read_text().split("\x0b")}
        assert words == expected

    def test_an_ordinary_start_does_not_load_argcomplete(self):
        done = subprocess.run(
            [sys.executable, "-c", "import sys\nfrom jixiao.tui.cli import main\ntry:\n"
             "    main(['ls', '--help'])\nexcept SystemExit:\n    pass\n"
             "print('argcomplete' in sys.modules, file=sys.stderr)"],
            capture_output=True, text=True, cwd=ROOT, check=True,
        )  # fmt: skip
        assert done.stderr.strip() == "False"


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config" / "jixiao" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def settings(capsys, *argv: str) -> dict[str, dict[str, str]]:
    assert main([*argv, "config", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


class TestConfig:
    def test_defaults_without_a_file(self, capsys, tmp_path, monkeypatch):
        monkeypatch.setenv("USER", "zhang")
        monkeypatch.delenv("JIXIAO_LANG", raising=False)  # the tests' own English
        for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(variable, raising=False)
        monkeypatch.setenv("LANG", "C")  # a server over SSH: the locale names no language
        found = settings(capsys)
        assert found["config"]["value"] == str(tmp_path / "config" / "jixiao" / "config.toml")
        assert found["reviewer"] == {"value": "zhang", "source": "default",
                                     "from": "the login name"}  # fmt: skip
        assert found["store"]["value"] == str(tmp_path / "data" / "jixiao" / "jixiao.db")
        assert (found["language"]["value"], found["theme"]["value"]) == ("zh", "textual-dark")
        assert {s["source"] for s in found.values()} == {"default"}

    def test_the_file_and_its_lines(self, capsys, tmp_path):
        path = write_config(tmp_path, 'reviewer = "王芳"\n\nlanguage = "zh"\ntheme = "nord"\n'
                                      'store = "stores/review.db"\n')  # fmt: skip
        found = settings(capsys)
        assert found["reviewer"] == {"value": "王芳", "source": "file", "from": f"{path}:1"}
        assert found["language"] == {"value": "zh", "source": "file", "from": f"{path}:3"}
        assert found["theme"]["value"] == "nord"
        # a relative store is found beside the config file, wherever jixiao runs
        assert found["store"]["value"] == str(path.parent / "stores" / "review.db")

    def test_store_precedence_flag_environment_file_default(self, capsys, tmp_path, monkeypatch):
        path = write_config(tmp_path, 'store = "/srv/file.db"\n')
        assert settings(capsys)["store"] == {"value": "/srv/file.db", "source": "file",
                                             "from": f"{path}:1"}  # fmt: skip
        monkeypatch.setenv("JIXIAO_DB", "/srv/env.db")
        assert settings(capsys)["store"]["source"] == "environment"
        found = settings(capsys, "--db", "/srv/flag.db")["store"]
        assert (found["value"], found["source"], found["from"]) == ("/srv/flag.db", "flag", "--db")

    def test_the_store_in_the_file_is_the_one_used(self, capsys, tmp_path):
        store = tmp_path / "review.db"
        write_config(tmp_path, f'store = "{store}"\n')
        assert main(["import", str(SAMPLE)]) == 0
        assert store.exists()

    def test_config_flag_and_environment_name_the_file(self, capsys, tmp_path, monkeypatch):
        one, two = tmp_path / "one.toml", tmp_path / "two.toml"
        one.write_text('reviewer = "one"\n', encoding="utf-8")
        two.write_text('reviewer = "two"\n', encoding="utf-8")
        monkeypatch.setenv("JIXIAO_CONFIG", str(one))
        assert settings(capsys)["config"]["source"] == "environment"
        assert settings(capsys)["reviewer"]["value"] == "one"
        found = settings(capsys, "--config", str(two))
        assert (found["config"]["source"], found["reviewer"]["value"]) == ("flag", "two")

    def test_a_named_config_file_must_exist(self, capsys, tmp_path):
        missing = tmp_path / "typo.toml"
        assert main(["--config", str(missing), "config"]) == 2
        assert f"{missing}: no such config file" in capsys.readouterr().err

    def test_language_from_the_environment_overrides_the_file(self, capsys, tmp_path, monkeypatch):
        write_config(tmp_path, 'language = "en"\n')
        monkeypatch.setenv("JIXIAO_LANG", "zh")
        assert settings(capsys)["language"] == {"value": "zh", "source": "environment",
                                                "from": "JIXIAO_LANG"}  # fmt: skip

    def test_the_table(self, capsys, tmp_path):
        path = write_config(tmp_path, 'reviewer = "王芳"\n')
        assert main(["config"]) == 0
        line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("reviewer"))
        assert line.split() == ["reviewer", "王芳", "file", f"{path}:1"]

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [('reviewer = "王芳"\ntheme = nord\n', 2, "not valid TOML"),
         ('reviewer = "王芳"\n\ncolour = "red"\n', 3, "unknown setting 'colour'"),
         ('store = 1\n', 1, "store must be a non-empty string"),
         ('reviewer = ""\n', 1, "reviewer must be a non-empty string"),
         ('reviewer = "a"\nlanguage = "fr"\n', 2, "unknown language 'fr'"),
         ('\n\ntheme = "nordic"\n', 3, "unknown theme 'nordic'"),
         ('[store]\npath = "x"\n', 1, "store must be a non-empty string")],
    )  # fmt: skip
    def test_a_mistake_names_the_file_and_line(self, capsys, tmp_path, text, line, message):
        path = write_config(tmp_path, text)
        assert main(["config"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"jixiao: error: {path}:{line}: {message}")
        assert "Traceback" not in err

    def test_a_mistake_stops_a_command_that_reads_the_settings(self, capsys, tmp_path):
        path = write_config(tmp_path, 'language = "fr"\n')
        assert main(["ls"]) == 2
        assert f"{path}:1: unknown language 'fr'" in capsys.readouterr().err

    def test_a_bad_language_in_the_environment(self, capsys, monkeypatch):
        monkeypatch.setenv("JIXIAO_LANG", "de")
        assert main(["config"]) == 2
        assert "JIXIAO_LANG: unknown language 'de'" in capsys.readouterr().err

    def test_the_reviewer_stamps_pairing_decisions(self, capsys, tmp_path, monkeypatch):
        from jixiao import store
        from tests.test_compare import draft_2023

        write_config(tmp_path, 'reviewer = "王芳"\n')
        old = tmp_path / "2023.txt"
        old.write_text(draft_2023(), encoding="utf-8")
        assert main(["import", str(old), str(SAMPLE)]) == 0
        decided = []
        monkeypatch.setattr(store, "decide", lambda *args: decided.append(args[-1]))
        assert main(["compare", "1", "2", "--confirm", "12:12", "--format", "json"]) == 0
        assert main(["compare", "1", "2", "--confirm", "12:12", "--reviewer", "li",
                     "--format", "json"]) == 0  # fmt: skip
        assert decided == ["王芳", "li"]

    def test_the_tui_gets_the_reviewer_and_the_theme(self, capsys, tmp_path, monkeypatch):
        from jixiao.tui.app import JixiaoApp

        write_config(tmp_path, 'reviewer = "王芳"\ntheme = "nord"\n')
        opened = []

        def run(app: JixiaoApp) -> None:
            opened.append(app)

        monkeypatch.setattr(JixiaoApp, "run", run)
        assert main(["tui"]) == 0
        assert (opened[0].reviewer, opened[0].theme) == ("王芳", "nord")

    def test_an_unknown_theme_stops_the_tui(self, capsys, tmp_path, monkeypatch):
        from jixiao.tui.app import JixiaoApp

        path = write_config(tmp_path, 'theme = "nordic"\n')
        monkeypatch.setattr(JixiaoApp, "run", lambda app: pytest.fail("the TUI opened"))
        assert main([]) == 2
        assert f"{path}:1: unknown theme 'nordic'" in capsys.readouterr().err


class TestReviewerAskedOnce:
    """The TUI asks for a person's name once, when nothing names the reviewer, and keeps it in
    the config file: marks are not signed `root`."""

    def test_the_name_is_asked_and_kept(self, tmp_path, monkeypatch, capsys):
        from jixiao.tui.cli.commands.tui_command import ask_reviewer
        from jixiao.tui.cli.config import read_settings

        monkeypatch.setenv("USER", "root")
        path = tmp_path / "config" / "jixiao" / "config.toml"
        found = read_settings(argparse.Namespace())
        assert found.reviewer.source == "default"
        monkeypatch.setattr("builtins.input", lambda prompt: " 王芳\x1b[31m ")
        assert ask_reviewer(found) == "王芳\x1b[31m"
        assert path.read_text(encoding="utf-8") == 'reviewer = "王芳[31m"\n'
        again = read_settings(argparse.Namespace())
        assert (again.reviewer.value, again.reviewer.source) == ("王芳[31m", "file")

    def test_enter_keeps_the_login_name_and_writes_nothing(self, tmp_path, monkeypatch):
        from jixiao.tui.cli.commands.tui_command import ask_reviewer
        from jixiao.tui.cli.config import read_settings

        monkeypatch.setattr("builtins.input", lambda prompt: "")
        assert ask_reviewer(read_settings(argparse.Namespace())) is None
        assert not (tmp_path / "config" / "jixiao" / "config.toml").exists()

    def test_an_existing_file_keeps_its_lines(self, tmp_path, monkeypatch):
        from jixiao.tui.cli.config import remember_reviewer

        path = tmp_path / "config.toml"
        path.write_text('theme = "nord"', encoding="utf-8")
        assert remember_reviewer(path, '李"四')
        assert path.read_text(encoding="utf-8") == 'theme = "nord"\nreviewer = "李\\"四"\n'
