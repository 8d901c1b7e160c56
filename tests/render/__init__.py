"""Renderings of the bundled sample in the other shapes jixiao reads: a PDF with ruled
tables (page breaks inside tables, wrapped cells, a running header and page numbers), the
`pdftotext -layout` dump of that PDF, and a Word .docx. Made from the tab-separated
sample's parsed content, so each must import as the same document.

    .venv/bin/python -m tests.render OUT_DIR     # write them for a look by hand
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from jixiao.importers import parse_file
from tests.render.blocks import document_blocks
from tests.render.pdf import render_pdf
from tests.render.word import render_docx

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tui" / "samples" / "julu-zuzhibu-2024-draft.txt"


def render_sample(folder: Path, sample: Path = SAMPLE) -> dict[str, Path]:
    """{"pdf": …, "docx": …, "spaced": …, "spaced-top": …} written into `folder`.

    "spaced-top" is the `pdftotext -layout` dump of a second PDF whose cells hold their text
    at the top, as Word sets it (in the first, text is centred, as Excel and WPS print)."""
    parsed, _ = parse_file(sample)
    blocks = document_blocks(parsed)
    header = f"{parsed.department}{parsed.title}"
    stem = sample.stem
    pdf = folder / f"{stem}.pdf"
    render_pdf(blocks, pdf, running_header=header)
    docx = folder / f"{stem}.docx"
    render_docx(blocks, docx)
    spaced = folder / f"{stem}-layout.txt"
    pdftotext_layout(pdf, spaced)
    top = folder / "top-aligned"
    top.mkdir(exist_ok=True)
    top_pdf = top / f"{stem}.pdf"
    render_pdf(blocks, top_pdf, running_header=header, valign="TOP")
    spaced_top = top / f"{stem}-layout.txt"
    pdftotext_layout(top_pdf, spaced_top)
    return {"pdf": pdf, "docx": docx, "spaced": spaced, "spaced-top": spaced_top}


def pdftotext_layout(pdf: Path, out: Path) -> None:
    program = shutil.which("pdftotext")
    if program is None:
        raise FileNotFoundError(
            "pdftotext is not installed: `make test` installs it (Debian's poppler-utils)"
        )
    subprocess.run([program, "-layout", str(pdf), str(out)], check=True)
