"""Why a config file is not valid TOML, in the interface's language.

tomllib says why in English, naming its grammar ("Invalid value", "Invalid statement"); a
reviewer who wrote `reviewer = 王芳` needs to hear that text goes in quotes. The mistakes a
four-line file of `key = "value"` invites are worded here; any other reason is shown as
tomllib gives it."""

from __future__ import annotations

import re

from jixiao.i18n import N_, _

_REASONS = (
    ("Invalid value", N_('a value not in double quotes (e.g. reviewer = "王芳")')),
    ("Unterminated string", N_("a text without its closing quote")),
    ("Expected '=' after a key", N_("a setting without '=' after its name")),
    ("Invalid statement", N_('a line that is not a setting (write key = "value")')),
    ("Expected newline or end of document after a statement",
     N_("more than one value on a line (one setting a line)")),
    ("Cannot overwrite a value", N_("a setting given twice")),
    ("Unescaped '\\' in a string",
     N_("a backslash in double quotes (write \\\\, or put a Windows path in single quotes)")),
    ("Expected ']' at the end of a table declaration", N_("a [section] without its closing ]")),
)  # fmt: skip
"""tomllib's reason (how it starts) → what the person did, for the mistakes a config file
of a few `key = "value"` lines invites."""

_WHERE = re.compile(r"\s*\(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")
"""tomllib's own place, at the end of its message (Python 3.11 to 3.13)."""


def toml_mistake(error: ValueError) -> tuple[int | None, str]:
    """The line of a TOMLDecodeError (None when tomllib names none) and its reason."""
    message = str(error)
    where = _WHERE.search(message)
    reason = message[: where.start()] if where else message
    line = int(where.group("line")) if where and where.group("line") else None
    for start, worded in _REASONS:
        if reason.startswith(start):
            return line, _(worded)
    return line, reason
