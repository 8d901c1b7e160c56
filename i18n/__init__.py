"""The interface's language: English message ids, a Chinese catalog (gettext).

The lowest layer of jixiao, so that every other one may translate: importers (their faults),
the store (check findings) and the interface. It imports only the standard library, so that
choosing a language costs nothing at start-up; Babel extracts and compiles the catalogs at
development time only (`make catalog`), and the compiled .mo ships in the package.

The language is chosen once per process, in this order: `--lang`, `$JIXIAO_LANG`, the config
file's `language`, then the locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`). A locale
that names no language (`C`, `POSIX`, unset: common over SSH) gives Chinese, the users'
language; `--lang en` gives the English of the message ids, unchanged.

Strings defined at import time (binding descriptions, column titles) are marked with `N_`
and translated with `_` where they are shown, so that the language can be chosen after the
modules are imported (and changed between tests).
"""

from __future__ import annotations

import errno
import gettext
import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
"""When nothing names a language: the reviewers read Chinese."""
CATALOGS = Path(__file__).parent
"""zh.po (written by translators) and zh.mo (compiled from it by `make catalog`)."""
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class _Speaking:
    """The process's language and its catalog: None until chosen."""

    language: str | None = None
    translations: gettext.NullTranslations | None = None


class UnknownLanguage(ValueError):
    """A setting names a language jixiao does not speak."""


def supported(name: str) -> str | None:
    """The language of a setting or locale name ("zh_CN.UTF-8" → "zh"), or None."""
    language = name.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return language if language in LANGUAGES else None


def choose_language(
    flag: str | None = None, config: str | None = None, environ: Mapping[str, str] = os.environ
) -> str:
    """The language to speak. An explicit setting (the flag, $JIXIAO_LANG, the config file)
    must name one jixiao speaks; a locale that names another gives English, the catalog's
    fallback, and one that names none (C, POSIX, unset) gives the default."""
    for source, value in (
        ("--lang", flag),
        ("JIXIAO_LANG", environ.get("JIXIAO_LANG")),
        ("language (config file)", config),
    ):
        if value:
            language = supported(value)
            if language is None:
                raise UnknownLanguage(
                    f"{source}: '{value}' is not a language jixiao speaks ({', '.join(LANGUAGES)})"
                )
            return language
    return locale_language(environ)


def locale_language(environ: Mapping[str, str] = os.environ) -> str:
    """As gettext reads the locale: the first of the variables that is set decides;
    LANGUAGE is a list ("zh_CN:en") and is ignored when it names nothing we speak."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        names = value.split(":") if variable == "LANGUAGE" else [value]
        for name in names:
            if name.split(".")[0] in ("C", "POSIX"):
                return DEFAULT
            language = supported(name)
            if language is not None:
                return language
        if variable != "LANGUAGE":
            return "en"  # a locale in a language we do not speak: English, not Chinese
    return DEFAULT


def use_language(language: str) -> None:
    """Speak `language` from now on (one of LANGUAGES)."""
    if language not in LANGUAGES:
        raise UnknownLanguage(f"'{language}' is not one of {', '.join(LANGUAGES)}")
    if language == _Speaking.language:
        return  # spoken already: `main` chooses twice, and reading zh.mo takes ≈ 3 ms
    if language == "en":
        translations = gettext.NullTranslations()  # the message ids are the English
    else:
        with (CATALOGS / f"{language}.mo").open("rb") as catalog:
            translations = gettext.GNUTranslations(catalog)
    _Speaking.language, _Speaking.translations = language, translations


def current_language() -> str:
    if _Speaking.language is None:
        _from_environment()
    assert _Speaking.language is not None
    return _Speaking.language


def _from_environment() -> None:
    """The first message translated without a language chosen (a test, a library use):
    the environment chooses; a bad $JIXIAO_LANG there falls back to the locale."""
    try:
        language = choose_language()
    except UnknownLanguage:
        language = locale_language()
    use_language(language)


def _catalog() -> gettext.NullTranslations:
    if _Speaking.translations is None:
        _from_environment()
    assert _Speaking.translations is not None
    return _Speaking.translations


def _(message: str) -> str:
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A word that another part of the interface says differently ("description" of a key
    binding, of an indicator): the context tells the translator which."""
    return _catalog().pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message for the catalog without translating it: translated where shown."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message and its plural for the catalog, as N_ marks one (`make catalog` and
    tests/test_i18n.py extract it): for a plural another library looks up through ngettext,
    argparse's "expected %s arguments"."""
    return singular, plural


_OS_ERRORS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.EIO: N_("Input/output error"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.EMFILE: N_("Too many open files"),
}
"""The operating system's reasons a person meets reading and writing files, as glibc words
them in English."""


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, in the interface's language: `strerror` is
    the C library's, English on a server whose locale names no language (LANG=C)."""
    if current_language() != "en" and error.errno in _OS_ERRORS:
        return _(_OS_ERRORS[error.errno])
    return error.strerror or str(error)
