"""The interface's language: how it is chosen, and a catalog that keeps up with the code."""

from __future__ import annotations

import io

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from jixiao.i18n import (
    CATALOGS,
    UnknownLanguage,
    _,
    choose_language,
    current_language,
    ngettext,
)
from tests.conftest import ROOT
from tests.test_layering import modules_loaded_by

SOURCES = ("i18n", "importers", "store", "tui")
"""What `make catalog` extracts from."""
KEYWORDS = {**DEFAULT_KEYWORDS, "N_plural": (1, 2)}
"""What marks a message, as `make catalog` reads them (its `-k`)."""


class TestChoosingTheLanguage:
    def test_the_flag_first_then_the_environment_then_the_config(self):
        environ = {"JIXIAO_LANG": "en", "LANG": "en_US.UTF-8"}
        assert choose_language("zh", "en", environ) == "zh"
        assert choose_language(None, "zh", environ) == "en"
        assert choose_language(None, "zh", {"LANG": "en_US.UTF-8"}) == "zh"

    @pytest.mark.parametrize(
        ("environ", "language"),
        [
            ({"LANG": "zh_CN.UTF-8"}, "zh"),
            ({"LANG": "zh_TW.Big5"}, "zh"),
            ({"LANG": "en_GB.UTF-8"}, "en"),
            ({"LANG": "C"}, "zh"),  # over SSH: names no language, the users read Chinese
            ({"LANG": "C.UTF-8"}, "zh"),
            ({"LC_ALL": "POSIX", "LANG": "en_US"}, "zh"),
            ({}, "zh"),
            ({"LANG": "de_DE.UTF-8"}, "en"),  # a language we do not speak: English
            ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
            ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
            ({"LANGUAGE": "fr:zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
            ({"LANGUAGE": "fr", "LANG": "en_US.UTF-8"}, "en"),
        ],
    )
    def test_the_locale(self, environ, language):
        assert choose_language(None, None, environ) == language

    def test_an_explicit_setting_must_name_a_language_we_speak(self):
        with pytest.raises(UnknownLanguage, match="JIXIAO_LANG: 'fr' is not a language"):
            choose_language(None, None, {"JIXIAO_LANG": "fr"})
        assert choose_language(None, None, {"JIXIAO_LANG": "zh_CN.UTF-8"}) == "zh"

    def test_english_is_the_message_ids_unchanged(self, speak):
        speak("en")
        assert (_("Quit"), current_language()) == ("Quit", "en")
        assert ngettext("%(count)d project", "%(count)d projects", 2) == "%(count)d projects"
        speak("zh")
        assert (_("Quit"), current_language()) == ("退出", "zh")

    def test_choosing_loads_no_babel(self):
        loaded = modules_loaded_by("from jixiao.i18n import _; _('Quit')")
        assert "gettext" in loaded and not any(name.startswith("babel") for name in loaded)


class TestCatalog:
    def test_every_message_has_its_chinese(self):
        with (CATALOGS / "zh.po").open("rb") as file:
            catalog = read_po(file)
        untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        assert untranslated == [], "run `make catalog` and translate these in i18n/zh.po"
        for message in catalog:
            if isinstance(message.id, tuple):
                assert all(message.string), message.id

    def test_the_catalog_holds_what_the_code_says(self):
        in_code = {
            message
            for folder in SOURCES
            for _file, _line, message, _comments, _context in extract_from_dir(
                ROOT / folder, keywords=KEYWORDS
            )
        }
        with (CATALOGS / "zh.po").open("rb") as file:
            in_catalog = {m.id for m in read_po(file) if m.id}
        assert in_code - in_catalog == set(), "new messages: run `make catalog`, translate"
        assert in_catalog - in_code == set(), "messages gone from the code: run `make catalog`"

    def test_the_compiled_catalog_is_current(self):
        with (CATALOGS / "zh.po").open("rb") as file:
            compiled = io.BytesIO()
            write_mo(compiled, read_po(file))
        compiled.seek(0)
        with (CATALOGS / "zh.mo").open("rb") as file:
            shipped = read_mo(file)
        fresh = read_mo(compiled)
        assert messages(shipped) == messages(fresh), (
            "i18n/zh.mo is behind i18n/zh.po: run `make catalog`"
        )


def messages(catalog) -> dict[object, object]:
    """id → translation; a plural's forms as tuples (read_mo gives lists)."""

    def frozen(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(m.id): frozen(m.string) for m in catalog}


class TestTextualsOwnWords:
    def test_the_widgets_bindings_have_their_chinese(self, speak):
        """The help screen and footer show the descriptions of Textual's own bindings of
        the widgets the screens use: tui/textual_words.py lists them for the catalog."""
        from textual.app import App
        from textual.command import CommandPalette
        from textual.containers import VerticalScroll
        from textual.screen import ModalScreen, Screen
        from textual.widgets import Checkbox, DataTable, Input, OptionList, Select, TextArea, Tree

        speak("zh")
        widgets = (App, Screen, ModalScreen, CommandPalette, VerticalScroll, Checkbox,
                   DataTable, Input, OptionList, Select, TextArea, Tree)  # fmt: skip
        untranslated = {
            binding.description
            for widget in widgets
            for _key, binding in widget._merged_bindings  # the class's bindings, as built
            if binding.description and _(binding.description) == binding.description
        }
        assert untranslated == set(), "add them to tui/textual_words.py, `make catalog`"


class TestTheCommandLine:
    def test_lang_before_or_after_the_command(self, tmp_path, speak, monkeypatch):
        from jixiao.tui.cli import main

        monkeypatch.setenv("JIXIAO_LANG", "en")
        db = str(tmp_path / "s.db")
        assert main(["--lang", "zh", "--db", db, "ls"]) == 0
        assert current_language() == "zh"
        assert main(["--db", db, "ls", "--lang", "en"]) == 0
        assert current_language() == "en"

    def test_an_unknown_jixiao_lang_exits_2_with_the_reason(self, tmp_path, capsys, monkeypatch):
        from jixiao.tui.cli import main

        monkeypatch.setenv("JIXIAO_LANG", "fr")
        monkeypatch.setenv("LANG", "en_US.UTF-8")  # the reason is said in the locale's language
        for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(variable, raising=False)
        assert main(["--db", str(tmp_path / "s.db"), "ls"]) == 2
        error = capsys.readouterr().err
        assert "JIXIAO_LANG: unknown language 'fr'" in error and "zh and en" in error
        assert "Traceback" not in error
