"""Turn a file's bytes into text: UTF-8 (with or without BOM), GB18030, or UTF-16 with a BOM
(Excel's "Unicode text"), nothing else."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from jixiao.i18n import _, os_reason
from jixiao.importers.report import ImportFault

# Control characters other than tab, newline, carriage return and form feed do not occur in
# text dumps; more than a few of them means we were handed a binary file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_LE_BOM = b"\xff\xfe\x00\x00"
_BOM = "\ufeff"
_UTF8_BOM = b"\xef\xbb\xbf"
_GB18030_AFTER_BOM = "gb18030 (after a UTF-8 BOM)"
"""The encoding named in the report when a UTF-8 byte order mark led GB18030 text."""


MAX_TEXT_BYTES = 8_000_000
MAX_TEXT_LINES = 100_000
"""The largest text file read. A document's memory grows with its size and most with its
lines (about 1 KB a line nothing understands, which the report lists); both limits together
bound an import's memory (140 MB at worst, measured) while leaving room for more than twice
the largest document the template allows: 999 tables, about 2 MB and 25,000 lines as a
tab-separated dump, 42,000 lines from `pdftotext -layout`."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    sha256: str


def decode_bytes(data: bytes, filename: str) -> DecodedText:
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ImportFault(
            filename, None, _("the file is empty; expected the text of a 绩效文本 dump")
        )
    # UTF-16 is half NUL bytes: its BOM is looked for before a NUL is taken to mean binary.
    # (UTF-16 without a BOM is not guessed.)
    utf16 = data.startswith(_UTF16_BOMS) and not data.startswith(_UTF32_LE_BOM)
    if data.startswith(b"PK\x03\x04"):
        # A ZIP that no file format recognised: an office file cut short or damaged (its
        # directory, at the end, is gone), or an archive of something else.
        raise ImportFault(
            filename,
            None,
            _(
                "this is a ZIP archive (as .docx, .xlsx and .odt files are) that jixiao cannot "
                "read: is it damaged or cut short, or not an office document?"
            ),
        )
    if not utf16 and b"\x00" in data[:65536]:
        raise ImportFault(
            filename,
            None,
            _(
                "this is a binary file (it contains NUL bytes) but none that jixiao reads; "
                "expected a text dump, a PDF, a Word .docx/.doc, an .odt or an Excel .xlsx/.xls"
            ),
        )
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFault(
            filename,
            None,
            _(
                "this text file is {size:,.1f} MB; jixiao reads text dumps of up to {most} MB "
                "(a 绩效文本 with the 999 project tables its numbering allows is about 2 MB). "
                "Is it several documents in one file, or not a dump? Split it into one file "
                "per department and year"
            ).format(size=len(data) / 1_000_000, most=MAX_TEXT_BYTES // 1_000_000),
        )
    text, encoding = _decode_utf16(data, filename) if utf16 else _decode(data, filename)
    if not text.lstrip(_BOM).strip():
        raise ImportFault(
            filename, None, _("the file is empty; expected the text of a 绩效文本 dump")
        )
    # Normalise line ends so that line numbers match what an editor shows. Form feeds (page
    # breaks) stay: editors show them inside a line, and the layouts use them to find pages.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if (lines := text.count("\n") + 1) > MAX_TEXT_LINES:
        raise ImportFault(
            filename,
            None,
            _(
                "this text has {lines:,} lines; jixiao reads text dumps of up to {most:,} lines "
                "(a 绩效文本 with the 999 project tables its numbering allows has at most about "
                "42,000). Is it several documents in one file, or not a dump? Split it into one "
                "file per department and year"
            ).format(lines=lines, most=MAX_TEXT_LINES),
        )
    # Byte order marks left after the first (a BOM added to a file that had one, in any
    # encoding) are no text: they would open the department's name.
    text = text.lstrip(_BOM)
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 1000):
        raise ImportFault(
            filename,
            None,
            _("this looks like a binary file (many control characters); expected a text dump"),
        )
    return DecodedText(text=text, encoding=encoding, sha256=sha256)


def _decode_utf16(data: bytes, filename: str) -> tuple[str, str]:
    encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    body = data[2:]
    try:
        return body.decode(encoding), encoding
    except UnicodeDecodeError as error:
        line = body[: error.start - error.start % 2].decode(encoding, "replace").count("\n") + 1
        raise ImportFault(
            filename,
            line,
            _(
                "the text starts with a UTF-16 byte order mark but is not valid {encoding} "
                "(cut short, or a lone surrogate); re-save it as UTF-8 or UTF-16"
            ).format(encoding=encoding.upper()),
        ) from None


def _decode(data: bytes, filename: str) -> tuple[str, str]:
    """UTF-8, else GB18030. Every leading UTF-8 BOM is dropped first (an editor that adds one
    to a file that has one makes two), and a BOM does not settle the encoding: WPS and old
    converters put one before GB18030 text, which is then read as GB18030 and said so."""
    body = data
    while body.startswith(_UTF8_BOM):
        body = body[len(_UTF8_BOM) :]
    marked = len(body) < len(data)
    try:
        return body.decode("utf-8"), "utf-8-sig" if marked else "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return body.decode("gb18030"), _GB18030_AFTER_BOM if marked else "gb18030"
        except UnicodeDecodeError:
            line = body[: utf8_error.start].count(b"\n") + 1
            raise ImportFault(
                filename,
                line,
                _("the text is neither UTF-8 nor GB18030; re-save it in one of those encodings"),
            ) from None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ImportFault(str(path), None, _("this is a directory; expected a file")) from None
    except OSError as error:
        message = _("cannot read the file: {reason}").format(reason=os_reason(error))
        raise ImportFault(str(path), None, message) from None
