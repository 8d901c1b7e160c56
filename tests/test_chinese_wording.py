"""What a reviewer of the Chinese found in the code rather than the catalog: counts put
before their word, half-width punctuation built by f-strings into Chinese sentences, a column
title cut, a grade split across lines, Python's words in a mistake. Each in Chinese, and the
English as it was."""

from __future__ import annotations

import pytest

from jixiao.store import (
    comparison_change_lines,
    comparison_markdown,
    comparison_summary_lines,
)
from jixiao.store.comparing import compare_documents
from jixiao.store.save import save_document
from jixiao.tui.cli import main
from tests.conftest import SAMPLE, parse_text
from tests.test_compare import by_name, draft_2023
from tests.tui_helpers import make_app, press, screen_text


@pytest.fixture(params=["en", "zh"])
def lang(request, speak) -> str:
    speak(request.param)
    return request.param


def said(lang: str, english: str, chinese: str) -> str:
    return chinese if lang == "zh" else english


@pytest.fixture
def comparison(engine, sample):
    old = save_document(engine, *parse_text(draft_2023())).document_id
    new = save_document(engine, *sample).document_id
    return compare_documents(engine, old, new)


@pytest.fixture
def two_years(tmp_path, capsys) -> str:
    db = str(tmp_path / "two.db")
    old = tmp_path / "2023.txt"
    old.write_text(draft_2023(), encoding="utf-8")
    assert main(["--db", db, "--lang", "en", "import", str(old), str(SAMPLE)]) == 0
    capsys.readouterr()
    return db


def run(capsys, lang: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", lang, *argv])
    out, err = capsys.readouterr()
    return code, out, err


class TestCompareCounts:
    def test_the_word_before_the_count_in_chinese(self, comparison, lang):
        assert comparison_summary_lines(comparison)[0] == said(
            lang,
            "projects: 6 added, 1 removed, 5 changed, 23 unchanged, 1 to confirm",
            "项目：新增 6 个，取消 1 个，有变化 5 个，无变化 23 个，待确认 1 个",
        )

    def test_markdown_headings(self, comparison, lang):
        assert said(lang, "## changed (5)", "## 有变化（5）") in comparison_markdown(comparison)


class TestCompareChangeLines:
    def test_a_changed_figure(self, comparison, lang):
        assert comparison_change_lines(by_name(comparison, "村级组织运转经费"))[0] == said(
            lang,
            "  budget: 5800.00 → 6029.30 (+229.30, +4.0%)",
            "  预算数：5800.00 → 6029.30（+229.30，+4.0%）",
        )

    def test_a_target_made_stricter(self, comparison, lang):
        lines = comparison_change_lines(by_name(comparison, "春节、重阳节茶话会经费"))
        assert lines[0] == said(
            lang, "  indicator 参会率: ≥70% → ≥80% [stricter]", "  指标 参会率：≥70% → ≥80%（收紧）"
        )

    def test_a_reworded_goal_names_the_field(self, comparison, lang):
        (line,) = comparison_change_lines(by_name(comparison, "2024 年度党刊征订费"))
        assert line.startswith(said(lang, "  goal: 通过党刊征订", "  绩效目标：通过党刊征订"))

    def test_the_cli_names_a_pair(self, two_years, capsys, lang):
        _code, out, _err = run(capsys, lang, "--db", two_years, "compare", "1", "2")
        assert (
            said(
                lang,
                "4. 春节、重阳节茶话会经费  [changed, code]",
                "4. 春节、重阳节茶话会经费（有变化，编码）",
            )
            in out.splitlines()
        )


class TestSeparatorsInChineseSentences:
    def test_an_ambiguous_project(self, two_years, capsys, lang):
        code, _out, err = run(capsys, lang, "--db", two_years, "show", "2", "离退")
        assert code == 2
        assert (
            said(
                lang,
                "17. 离退休干部党工委经费; 18. 离退休干部公用、特需经费;",
                "17. 离退休干部党工委经费；18. 离退休干部公用、特需经费；",
            )
            in err
        )

    def test_the_known_layouts_and_the_file(self, tmp_path, capsys, lang):
        text = tmp_path / "notes.txt"
        text.write_text("hello\nworld\n", encoding="utf-8")
        code, _out, err = run(capsys, lang, "--db", str(tmp_path / "s.db"), "import", str(text))
        assert code == 2
        # FILE: keeps its ASCII colon (editors jump to FILE:LINE:); the sentence after is Chinese
        assert said(lang, f"{text}: unknown layout", f"{text}: 无法识别版式") in err
        assert said(lang, "); tabbed (", "）；tabbed（") in err

    def test_check_as_markdown(self, two_years, capsys, lang):
        _code, out, _err = run(capsys, lang, "--db", two_years, "check", "2", "--format", "md")
        assert said(lang, "\n## 相关性 (15)\n", "\n## 相关性（15）\n") in out
        assert (
            said(lang, "5. 村级组织运转经费: 提升工作效率", "5. 村级组织运转经费：提升工作效率")
            in out
        )

    def test_stats_by_year(self, two_years, capsys, lang):
        _code, out, _err = run(capsys, lang, "--db", two_years, "stats")
        assert said(lang, "2023 draft: 1, 2024 draft: 1", "2023 草案：1，2024 草案：1") in out

    def test_the_languages_spaced_around_and(self, tmp_path, capsys, monkeypatch, lang):
        monkeypatch.setenv("JIXIAO_LANG", "fr")  # the mistake is told in the locale's language
        monkeypatch.setenv("LANG", said(lang, "en_US.UTF-8", "C"))
        for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(variable, raising=False)
        assert main(["--db", str(tmp_path / "s.db"), "ls"]) == 2
        err = capsys.readouterr().err
        assert said(lang, "the languages are zh and en", "可用的语言：zh 和 en") in err


class TestMistakesWordedForAPerson:
    @pytest.mark.parametrize(
        ("text", "worded"),
        [("reviewer = 王芳\n", ('a value not in double quotes (e.g. reviewer = "王芳")',
                               '值未加英文双引号（如 reviewer = "王芳"）')),
         ('reviewer "王芳"\n', ("a setting without '=' after its name", "设置名之后缺少“=”")),
         ('store = "C:\\审核\\jixiao.db"\n', ("a backslash in double quotes", "双引号中有反斜杠"))],
    )  # fmt: skip
    def test_a_config_file_that_is_not_toml(self, tmp_path, capsys, lang, text, worded):
        config = tmp_path / "config.toml"
        config.write_text(text, encoding="utf-8")
        code, _out, err = run(capsys, lang, "--config", str(config), "config")
        assert code == 2
        first = err.splitlines()[0]
        assert first.startswith(said(lang, f"jixiao: error: {config}:1: not valid TOML: ",
                                     f"jixiao：错误：{config}:1：不是有效的 TOML："))  # fmt: skip
        assert said(lang, *worded) in first
        assert "line 1, column" not in first

    def test_a_number_that_is_not_one(self, tmp_path, capsys, lang):
        with pytest.raises(SystemExit) as exit_:  # argparse's own mistakes exit there
            main(["--lang", lang, "import", "--year", "x", str(tmp_path / "a.txt")])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert err.splitlines()[-1] == said(
            lang,
            "jixiao import: error: argument --year: 'x' is not a whole number",
            "jixiao import：错误：参数 --year：“x”不是整数",
        )


class TestTheScreensAt80Columns:
    async def test_the_number_column_shows_its_title_whole(self, store_path, lang):
        async with make_app(store_path).run_test(size=(80, 24)) as pilot:
            await press(pilot, "A")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            header = screen_text(pilot).splitlines()[1].split()
            assert said(lang, "no.", "序号") in header
            await press(pilot, "i")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert said(lang, "no.", "序号") in screen_text(pilot).splitlines()[1].split()

    async def test_a_grade_and_its_count_stay_on_one_line(self, store_path, lang):
        async with make_app(store_path).run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            lines = screen_text(pilot).splitlines()
            assert any(said(lang, "ungraded 35", "未评定 35") in line for line in lines)
