"""Old binary Office files — Word 97-2003 .doc, WPS Writer .wps (the same format), Excel
97-2003 .xls (and WPS's .et) — read through LibreOffice: `soffice` converts the file in a
temporary folder into its XML successor (.docx, .xlsx), and the reader of that format
renders it. Without LibreOffice the import stops with the command that converts it.

What the file is comes from the streams its OLE2 directory holds (importers/ole2.py):
`WordDocument` is Word's format, `Workbook` (or `Book`, Excel 5) Excel's. That is all the
directory can tell: a .wps saved by WPS is a Word file, and is read as one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from jixiao.i18n import N_, _
from jixiao.importers import ole2, tabbed
from jixiao.importers.model import ParsedDocument, SourceInfo
from jixiao.importers.report import ImportFault, ImportReport
from jixiao.importers.template import Overrides, TemplateWalker

NAME = "doc"
DESCRIPTION = N_(
    "Word 97-2003 .doc, WPS .wps or Excel .xls file, converted by LibreOffice (soffice)"
)
ENCODING = "converted by soffice"
"""What the import report gives as the encoding: the text comes out of the converted file."""

TIMEOUT_SECONDS = 180
"""Long enough for a first start of LibreOffice with a new profile and a large document."""


@dataclass(frozen=True)
class _Kind:
    what: str
    suffix: str
    target: str
    """The `--convert-to` argument: the XML format the file is read in."""


# What a kind of file is called, in the message ids: translated where said.
_WORD = _Kind(N_("a Word 97-2003 .doc (or WPS .wps) file"), ".doc", "docx")
_EXCEL = _Kind(N_("an Excel 97-2003 .xls (or WPS .et) file"), ".xls", "xlsx")
_REFUSED = {
    "PowerPoint Document": N_("a PowerPoint .ppt (or WPS .dps) presentation"),
    "EncryptedPackage": N_(
        "a password-protected Office file; save an unprotected copy and import that"
    ),
}


def recognises(data: bytes) -> bool:
    return ole2.is_ole2(data)


def render(data: bytes, filename: str) -> str:
    kind = _kind(data, filename)
    program = soffice()
    if program is None:
        raise ImportFault(
            filename,
            None,
            _(
                "this is {what}, which jixiao reads through LibreOffice, and neither soffice "
                "nor libreoffice is on PATH. Convert it with `{command}` and import the "
                ".{target} (or install LibreOffice: on Debian, apt-get install "
                "libreoffice-writer-nogui libreoffice-calc-nogui)"
            ).format(what=_(kind.what), command=command(filename, kind.target), target=kind.target),
        )
    converted = _convert(program, data, filename, kind)
    return _render_converted(converted, filename, kind)


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    """Read the rendering as a tab-separated dump, but not page by page: a converted
    workbook's form feeds part its sheets (importers/sheet.py), which have no running
    headers to leave out; a converted Word file has none."""
    return TemplateWalker(source, tabbed.split_row, report).walk(overrides)


def soffice() -> str | None:
    import shutil  # here, as subprocess and tempfile below: start-up speed

    return shutil.which("soffice") or shutil.which("libreoffice")


def command(filename: str, target: str) -> str:
    """The command a user runs to convert the file next to it."""
    import shlex

    folder = str(Path(filename).parent)
    return (
        f"soffice --headless --convert-to {target} --outdir {shlex.quote(folder)} "
        f"{shlex.quote(filename)}"
    )


def _kind(data: bytes, filename: str) -> _Kind:
    try:
        names = ole2.stream_names(data)
    except ole2.DamagedFile as error:
        raise ImportFault(
            filename,
            None,
            _(
                "cannot read this Office 97-2003 file's directory ({error}); is it damaged or "
                "cut short?"
            ).format(error=error),
        ) from None
    if "WordDocument" in names:
        return _WORD
    if "Workbook" in names or "Book" in names:
        return _EXCEL
    for stream, what in _REFUSED.items():
        if stream in names:
            message = _("this is {what}, not a document jixiao reads").format(what=_(what))
            raise ImportFault(filename, None, message)
    shown = ", ".join(repr(name) for name in names if name.isprintable()) or _("nothing")
    raise ImportFault(
        filename,
        None,
        _(
            "this is an OLE2 compound file, but not a Word, WPS or Excel one: its directory "
            "holds no WordDocument or Workbook stream (it holds {shown})"
        ).format(shown=shown),
    )


def _convert(program: str, data: bytes, filename: str, kind: _Kind) -> bytes:
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="jixiao-soffice-") as folder:
        work = Path(folder)
        source = work / f"document{kind.suffix}"
        source.write_bytes(data)
        out = work / "out"
        # A profile of its own: a running LibreOffice (or another import) holds the user's,
        # and soffice would hand the job to it, or wait.
        arguments = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            kind.target,
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            finished = subprocess.run(
                arguments,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                env={**os.environ, "HOME": str(work)},
            )
        except subprocess.TimeoutExpired:
            raise ImportFault(
                filename,
                None,
                _(
                    "LibreOffice did not convert this file within {seconds} s (is it "
                    "password-protected?); try `{command}` yourself"
                ).format(seconds=TIMEOUT_SECONDS, command=command(filename, kind.target)),
            ) from None
        except OSError as error:
            message = _("cannot run {program}: {error}").format(program=program, error=error)
            raise ImportFault(filename, None, message) from None
        produced = out / f"document.{kind.target}"
        if not produced.is_file():
            said = (finished.stderr or finished.stdout).decode("utf-8", "replace").strip()
            raise ImportFault(
                filename,
                None,
                _(
                    "LibreOffice could not convert this file ({what}, exit status "
                    "{status}{said}); is it damaged or password-protected?"
                ).format(
                    what=_(kind.what),
                    status=finished.returncode,
                    said=": " + said[-200:] if said else "",
                ),
            )
        return produced.read_bytes()


def _render_converted(converted: bytes, filename: str, kind: _Kind) -> str:
    """The converted file, rendered by the reader of its format (looked up in the
    registry, which imports this module: so here, when needed)."""
    from jixiao.importers.layouts import FILE_FORMATS

    reader = next(
        (module for module in FILE_FORMATS if module.NAME != NAME and module.recognises(converted)),
        None,
    )
    if reader is None:
        raise ImportFault(
            filename,
            None,
            _(
                "this is {what}; LibreOffice converts it into a .{target}, which this version "
                "of jixiao does not read. Convert it with `{command}` and export the table as "
                "text"
            ).format(what=_(kind.what), target=kind.target, command=command(filename, kind.target)),
        )
    try:
        return reader.render(converted, filename)
    except ImportFault as fault:
        raise ImportFault(
            filename,
            fault.line,
            _("{message} (in its conversion to .{target})").format(
                message=fault.message, target=kind.target
            ),
        ) from None
