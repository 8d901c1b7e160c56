"""Which files an import reads: files named as they are, folders searched for dump files,
and glob patterns (`'dumps/**/*.txt'`, for shells that do not expand them)."""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.i18n import _

DUMP_SUFFIXES = (".txt", ".pdf", ".docx", ".odt", ".doc", ".wps", ".xlsx", ".csv")
"""What a folder is searched for: text dumps, PDFs, Word, OpenDocument and WPS files (.doc
and .wps are read where LibreOffice is installed), Excel workbooks and CSV files (the
spreadsheet's text exports). A file named outright is
read whatever its name: the reader is chosen by the content."""


@dataclass
class Sources:
    files: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(what the user gave, why it names no file to read)."""


def find_sources(arguments: list[str]) -> Sources:
    """Files in the order given (a folder's and a pattern's in name order), each once."""
    sources = Sources()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            sources.files.append(path)

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in DUMP_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                suffixes = ", ".join(DUMP_SUFFIXES)
                problem = _("a folder with no {suffixes} files in it").format(suffixes=suffixes)
                sources.problems.append((argument, problem))
            for file in found:
                add(file)
        elif path.exists() or not glob.has_magic(argument):
            add(path)  # a missing file is reported when it is read, with the others
        else:
            # glob.glob, not Path.glob: the pattern may be absolute or climb with ".."
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True))  # noqa: PTH207
            files = [m for m in matches if m.is_file()]
            if not files:
                sources.problems.append((argument, _("a pattern that matches no file")))
            for file in files:
                add(file)
    return sources
