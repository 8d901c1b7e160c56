"""Characters in document text that could act on a terminal or reorder what a reader sees.

Documents come from outside: their text may hold escape sequences (`ESC]0;…BEL` sets a
window's title, `ESC]52;c;…` the clipboard, `ESC[2J` clears the screen), other C0 and C1
controls, DEL, and bidirectional controls (U+202E turns the text after it around). The store
keeps the text as the source had it; everything that shows it — the command line, the TUI,
Markdown — passes it through `visible`, which writes each such character as a readable
escape: `\\x1b`, `\\x9b`, `\\u202e`. Tab and newline stay where the output can hold them.

`find_controls` lists them by line for the import report. Pure Python: no store, no Textual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from jixiao.i18n import _

if TYPE_CHECKING:
    from jixiao.importers.report import ImportReport

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Arabic letter mark, LRM/RLM, the embeddings and overrides (LRE RLE PDF LRO RLO) and the
isolates (LRI RLI FSI PDI)."""

_C0_BUT_TAB_NEWLINE = "\x00-\x08\x0b-\x1f"
_UNSAFE = re.compile(f"[{_C0_BUT_TAB_NEWLINE}\x7f-\x9f{BIDI_CONTROLS}]")
_UNSAFE_ON_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_LINE_BREAKS = {"\t": " ", "\n": " "}
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}]")
"""What json.dumps(ensure_ascii=False) leaves raw: it escapes C0 itself."""


def escape(char: str) -> str:
    """One character as its escape: `\\x1b` below U+0100, `\\u202e` above."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return _LINE_BREAKS.get(char) or escape(char)


def visible(text: str, one_line: bool = False) -> str:
    """`text` with every control character (C0 but tab and newline, DEL, C1) and every
    bidirectional control written as an escape, so that it shows and cannot act. With
    `one_line` (a tree label, a cell of a drawn table), tab and newline become spaces.

    A backslash in the text is left as it is: `\\x1b` in a document reads the same as an
    escaped ESC, which is harmless and keeps ordinary text (paths, formulas) as written."""
    pattern = _UNSAFE_ON_ONE_LINE if one_line else _UNSAFE
    if pattern.search(text) is None:  # the common case: nothing to do, no copy
        return text
    return pattern.sub(_escaped, text)


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def json_safe(dumped: str) -> str:
    """JSON text from `json.dumps(..., ensure_ascii=False)` with DEL, C1 and bidi controls
    written as JSON's own `\\u` escapes: still valid JSON, decoding to the same text, but
    inert on a terminal. (json.dumps already escapes C0.)"""
    if _JSON_UNSAFE.search(dumped) is None:
        return dumped
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


class ControlFinding(NamedTuple):  # not a dataclass: `visible` is on every command's path
    line: int
    """1-based, as the import report counts lines."""
    characters: tuple[str, ...]
    """The distinct control characters of the line, as escapes, in order of appearance."""

    @property
    def message(self) -> str:
        return _(
            "control characters {characters} in the text: stored as written, shown escaped"
        ).format(characters=", ".join(self.characters))


def find_controls(text: str) -> list[ControlFinding]:
    """The lines of `text`, numbered as the importers number them, that hold control or
    bidi characters. A carriage return ending a line (Windows line ends) and a form feed
    (pdftotext's page break) are not findings."""
    if not has_controls(text.replace("\r\n", "\n").replace("\f", "")):
        return []
    from jixiao.importers.lines import source_lines  # here: it loads dataclasses (≈ 6 ms)

    findings = []
    for number, line in enumerate(source_lines(text), start=1):
        found = dict.fromkeys(escape(char) for char in _UNSAFE.findall(line.removesuffix("\r")))
        if found:
            findings.append(ControlFinding(number, tuple(found)))
    return findings


def warn_controls(report: ImportReport, text: str) -> None:
    """A warning in the import report for each line of `text` (the source text the lines
    are numbered in) holding control characters."""
    for finding in find_controls(text):
        report.warn(finding.line, finding.message)
