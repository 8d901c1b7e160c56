"""The user's settings: $XDG_CONFIG_HOME/jixiao/config.toml (~/.config/jixiao/config.toml),
or the file `--config FILE` or $JIXIAO_CONFIG names:

    reviewer = "王芳"          # the name put on marks, notes and pairing decisions
    store = "~/审核/jixiao.db"  # the default store
    language = "zh"           # zh or en
    theme = "nord"            # a Textual theme

Each setting is taken from the first of: a flag, the environment, this file, the default;
`Settings` remembers which, for `jixiao config`. The file is read once a run, by `main`,
with tomllib (no dependency, a millisecond; imported only when there is a file). A mistake
in it is a UsageError naming the file and line (exit 2), so that a typo never silently does
nothing.

The theme's name is checked against Textual's themes only where a theme is used (the TUI)
and by `jixiao config`: the list needs Textual, which the other commands never load.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import NamedTuple

from jixiao.i18n import LANGUAGES, N_, _
from jixiao.tui.cli.errors import UsageError

CONFIG_ENV = "JIXIAO_CONFIG"
LANGUAGE_ENV = "JIXIAO_LANG"
DEFAULT_THEME = "textual-dark"  # Textual's own default
KEYS = ("reviewer", "store", "language", "theme")


# NamedTuples, not dataclasses: every command reads the settings first, and importing
# dataclasses takes ≈ 6 ms of a start that `jixiao ls` wants under 90 ms.
class Setting(NamedTuple):
    value: str
    source: str
    """flag, environment, file or default"""
    origin: str
    """which flag, variable or file:line; for a default, what it is made of"""


class Settings(NamedTuple):
    file: Setting
    """The config file looked at (it need not exist)."""
    reviewer: Setting
    store: Setting
    language: Setting
    theme: Setting

    def rows(self) -> list[dict[str, str]]:
        return [
            {"setting": name, "value": s.value, "source": s.source, "from": s.origin}
            for name, s in (("config", self.file),
                            *((key, getattr(self, key)) for key in KEYS))
        ]  # fmt: skip


def settings(args: argparse.Namespace) -> Settings:
    """The settings for this run, read on first use and kept on `args`."""
    found = getattr(args, "settings", None)
    if found is None:
        found = read_settings(args)
        args.settings = found
    return found


def read_settings(args: argparse.Namespace) -> Settings:
    file = _config_file(getattr(args, "config", None))
    path = Path(file.value)
    values = _read_file(path, named=file.source != "default")

    def from_file(key: str) -> Setting | None:
        if key not in values:
            return None
        value, line = values[key]
        if key == "store":  # relative to the file, not to wherever jixiao runs
            value = str(path.parent / Path(value).expanduser())
        return Setting(value, "file", f"{path}:{line}")

    return Settings(
        file=file,
        reviewer=_flag(args, "reviewer", "--reviewer") or from_file("reviewer") or _login(),
        store=_flag(args, "db", "--db") or _store_environment() or from_file("store")
        or _default_store(),
        language=_language_flag(args) or _language_environment() or from_file("language")
        or _locale_language(),
        theme=from_file("theme") or Setting(DEFAULT_THEME, "default", N_("Textual's default")),
    )  # fmt: skip


def check_theme(found: Settings) -> None:
    """The theme names one of Textual's themes (a UsageError with the file and line if not)."""
    from textual.theme import BUILTIN_THEMES

    if found.theme.value not in BUILTIN_THEMES:
        raise UsageError(
            _("{origin}: unknown theme '{value}'").format(
                origin=found.theme.origin, value=found.theme.value
            ),
            _("the themes are {themes}").format(themes=", ".join(sorted(BUILTIN_THEMES))),
        )


def _config_file(flag: str | None) -> Setting:
    if flag:
        return Setting(str(Path(flag).expanduser()), "flag", "--config")
    if os.environ.get(CONFIG_ENV):
        return Setting(str(Path(os.environ[CONFIG_ENV]).expanduser()), "environment", CONFIG_ENV)
    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Setting(str(Path(home) / "jixiao" / "config.toml"), "default", "$XDG_CONFIG_HOME")


def _read_file(path: Path, named: bool) -> dict[str, tuple[str, int]]:
    """Each key's value and line; empty when there is no file at the default place (a file
    the user named must exist: a typo in its name would otherwise go unnoticed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if named:
            hint = _("check the name given to --config or JIXIAO_CONFIG")
            raise UsageError(_("{path}: no such config file").format(path=path), hint) from None
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(
            _("{path}: cannot read the config file: {error}").format(path=path, error=error)
        ) from None
    import tomllib  # here: ≈ 6 ms to import, paid only by those who have a config file

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        from jixiao.tui.cli.toml_reasons import toml_mistake

        line, reason = toml_mistake(error)  # the line leads, as a compiler's
        where = f"{path}:{line}" if line else str(path)
        raise UsageError(
            _("{where}: not valid TOML: {error}").format(where=where, error=reason),
            _("docs/cli.md (Configuration) shows the file"),
        ) from None
    values = {}
    for key, value in data.items():
        line = _line_of(text, key)
        where = f"{path}:{line}"
        if key not in KEYS:
            raise UsageError(
                _("{where}: unknown setting '{key}'").format(where=where, key=key),
                _("the settings are {settings}").format(settings=", ".join(KEYS)),
            )
        if not isinstance(value, str) or not value.strip():
            raise UsageError(
                _("{where}: {key} must be a non-empty string in quotes").format(
                    where=where, key=key
                ),
                _("e.g. {setting}").format(setting=f'{key} = "{_EXAMPLES[key]}"'),
            )
        if key == "language":
            _check_language(value, where)
        values[key] = (value.strip(), line)
    return values


_EXAMPLES = {"reviewer": "王芳", "store": "~/jixiao.db", "language": "zh", "theme": "nord"}


def _line_of(text: str, key: str) -> int:
    """The line where `key` is set (tomllib says where syntax fails, not where a value is
    wrong); 1 when it cannot be told, e.g. a key inside a [table]."""
    pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*[=.\[]""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line) or line.strip() in (f"[{key}]", f'["{key}"]'):
            return number
    return 1


def _check_language(value: str, where: str) -> None:
    if value not in LANGUAGES:
        raise UsageError(
            _("{where}: unknown language '{value}'").format(where=where, value=value),
            _("the languages are {languages}").format(languages=_(" and ").join(LANGUAGES)),
        )


def _flag(args: argparse.Namespace, dest: str, flag: str) -> Setting | None:
    value = getattr(args, dest, None)
    return Setting(str(value), "flag", flag) if value else None


def _store_environment() -> Setting | None:
    from jixiao.store import ENV_VAR

    value = os.environ.get(ENV_VAR)
    return Setting(str(Path(value).expanduser()), "environment", ENV_VAR) if value else None


def _default_store() -> Setting:
    from jixiao.store import default_path

    return Setting(str(default_path()), "default", "$XDG_DATA_HOME/jixiao/jixiao.db")


def _language_flag(args: argparse.Namespace) -> Setting | None:
    found = _flag(args, "lang", "--lang")
    if found is not None:
        _check_language(found.value, "--lang")
    return found


def _locale_language() -> Setting:
    from jixiao.i18n import locale_language

    origin = N_("the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); zh when it names none")
    return Setting(locale_language(), "default", origin)


def _language_environment() -> Setting | None:
    value = os.environ.get(LANGUAGE_ENV)
    if not value:
        return None
    _check_language(value, LANGUAGE_ENV)
    return Setting(value, "environment", LANGUAGE_ENV)


def _login() -> Setting:
    name = os.environ.get("USER")
    if not name:
        import getpass

        name = getpass.getuser()
    return Setting(name, "default", N_("the login name"))


def remember_reviewer(path: Path, name: str) -> bool:
    """Add `reviewer = "name"` to the config file at `path` (made if need be); False when it
    cannot be written (the name is used for this run only). Control characters are dropped:
    the name is written into TOML and shown on every mark."""
    import json

    clean = "".join(ch for ch in name if ch.isprintable())
    line = f"reviewer = {json.dumps(clean, ensure_ascii=False)}\n"  # a TOML basic string
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        glue = "" if not before or before.endswith("\n") else "\n"
        path.write_text(before + glue + line, encoding="utf-8")
    except OSError:
        return False
    return True
