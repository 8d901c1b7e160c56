"""The rendering bench: each bench document (tests/render/variants.py) rendered through a
real office suite, LibreOffice, into the shapes reviewers receive, and committed as test
fixtures with the export JSON they must import as — so the suite needs no LibreOffice.

    make renderings        # needs LibreOffice (Debian's libreoffice-writer-nogui and
                           # libreoffice-calc-nogui) and pdftotext; rewrites the fixtures

For each document, in tests/fixtures/renderings/NAME/:

- reference.txt       the tab-separated dump of the content (what every rendering must equal)
- expected.json       its import, exported as `jixiao export --format json` (ids, times, file
                      and line numbers left out)
- word.docx           the content as a Word file (python-docx), the source of the PDFs
- libreoffice.docx    that file opened and saved again by LibreOffice Writer
- a4.pdf, letter.pdf  Writer's PDF on A4 and on letter paper, rows breaking across pages
- serif.pdf           the same on A4 in a second font (Noto Serif CJK: other widths, other wraps)
- *-layout.txt        `pdftotext -layout` of each PDF
- document.odt        Writer's OpenDocument text
- writer-text.txt     Writer's plain-text export (a table cell a line)
- calc.xlsx           the template filled in a spreadsheet, one sheet, saved by Calc
- sheets.xlsx         the same with a sheet per project table, saved by Calc
- calc.csv            Calc's CSV export, UTF-8
- calc-gb18030.csv    the same in GB18030, as WPS writes it
- calc-unicode.txt    Calc's tab-separated "Unicode text" (UTF-16 with a BOM), as Excel's
- calc-tab.txt        tab-separated UTF-8 with quoted cells (Excel's and WPS's "text" export)
- document.doc        Word 97 .doc, read only where `soffice` is on PATH
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jixiao.importers import parse_file
from tests.render import pdftotext_layout
from tests.render.blocks import document_blocks
from tests.render.sheet import render_xlsx
from tests.render.tabbed import render_tabbed
from tests.render.variants import DOCUMENTS
from tests.render.word import render_docx

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "renderings"
SECOND_FONT = "Noto Serif CJK SC"

_CSV = "Text - txt - csv (StarCalc)"
# Calc's CSV filter options: separator, quote, character set, first line,
# cell formats, language, quote all text, detect special numbers, save as shown.
_UTF8, _GB18030, _UTF16 = 76, 85, 65535
"""LibreOffice's numbers for the character sets (rtl_TextEncoding)."""


def soffice() -> str:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        sys.exit(
            "LibreOffice is not installed: apt-get install libreoffice-writer-nogui "
            "libreoffice-calc-nogui (Debian), then make renderings again"
        )
    return program


def convert(source: Path, target: Path, filter_name: str, profile: Path) -> None:
    """`soffice --convert-to` into a temporary folder, then to `target` (Writer names its
    output after the input)."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                filter_name,
                "--outdir",
                out,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        produced = list(Path(out).iterdir())
        if len(produced) != 1:
            raise RuntimeError(f"LibreOffice made {produced} from {source}")
        shutil.move(produced[0], target)


def render_document(name: str, folder: Path, profile: Path) -> list[Path]:
    document = DOCUMENTS[name]()
    blocks = document_blocks(document)
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    def add(file_name: str, make: Callable[[Path], None]) -> Path:
        path = folder / file_name
        make(path)
        made.append(path)
        print(f"  {path}", flush=True)
        return path

    reference = add("reference.txt", lambda p: render_tabbed(blocks, p))
    add("expected.json", lambda p: _write_json(expected_export(reference), p))
    with tempfile.TemporaryDirectory() as work:
        scratch = Path(work)
        a4, letter, serif = scratch / "a4.docx", scratch / "letter.docx", scratch / "serif.docx"
        render_docx(blocks, a4, paper="A4")
        render_docx(blocks, letter, paper="letter")
        render_docx(blocks, serif, paper="A4", font=SECOND_FONT)
        add("word.docx", lambda p: shutil.copy(a4, p))
        add("libreoffice.docx", lambda p: convert(a4, p, "docx:MS Word 2007 XML", profile))
        for stem, source in (("a4", a4), ("letter", letter), ("serif", serif)):
            pdf = add(
                f"{stem}.pdf", lambda p, s=source: convert(s, p, "pdf:writer_pdf_Export", profile)
            )
            add(f"{stem}-layout.txt", lambda p, f=pdf: pdftotext_layout(f, p))
        add("document.odt", lambda p: convert(a4, p, "odt:writer8", profile))
        add("writer-text.txt", lambda p: convert(a4, p, "txt:Text (encoded):UTF8", profile))
        add("document.doc", lambda p: convert(a4, p, "doc:MS Word 97", profile))
        one_sheet, per_project = scratch / "one.xlsx", scratch / "per-project.xlsx"
        render_xlsx(blocks, one_sheet)
        render_xlsx(blocks, per_project, per_project=True)
        xlsx = "xlsx:Calc MS Excel 2007 XML"
        add("calc.xlsx", lambda p: convert(one_sheet, p, xlsx, profile))
        add("sheets.xlsx", lambda p: convert(per_project, p, xlsx, profile))
        for file_name, options in (
            ("calc.csv", f"44,34,{_UTF8},1,,0,false,true,true"),
            ("calc-gb18030.csv", f"44,34,{_GB18030},1,,0,false,true,true"),
            ("calc-unicode.txt", f"9,34,{_UTF16},1,,0,false,true,true"),
            ("calc-tab.txt", f"9,34,{_UTF8},1,,0,false,true,true"),
        ):
            filter_name = f"{Path(file_name).suffix[1:]}:{_CSV}:{options}"
            add(file_name, lambda p, f=filter_name: convert(one_sheet, p, f, profile))
    return made


def expected_export(reference: Path) -> dict[str, Any]:
    """The reference's import as `jixiao export --format json` gives it, without what
    belongs to one import of one file (tests/renderings.py: structure)."""
    from jixiao.store.db import open_store
    from jixiao.store.export import to_json
    from jixiao.store.queries import load_document
    from jixiao.store.save import save_document
    from tests.renderings import structure

    parsed, report = parse_file(reference)
    if report.unread:
        raise RuntimeError(f"{reference}: the reference itself has unread lines")
    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(Path(folder) / "reference.db")
        saved = save_document(engine, parsed, report)
        exported = to_json(load_document(engine, saved.document_id))
        engine.dispose()
    return structure(exported)


def _write_json(value: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES
    with tempfile.TemporaryDirectory() as profile:
        for name in DOCUMENTS:
            print(name, flush=True)
            render_document(name, folder / name, Path(profile))


if __name__ == "__main__":
    main()
