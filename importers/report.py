"""What an import tells the user: faults that stop it, and notes that do not."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFault(Exception):
    """The input cannot be imported. Names the file, the line (when there is one) and what
    was expected, so the user can find and fix the problem."""

    def __init__(self, filename: str, line: int | None, message: str) -> None:
        self.filename = filename
        self.line = line
        self.message = message
        where = f"{filename}:{line}" if line else filename
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Note:
    """Something the importer could not use, or used with a caveat the reviewer should see."""

    line: int | None
    severity: str
    """"unread" for a line nothing understood, "warning" for a doubt about what was read."""
    message: str


@dataclass
class ImportReport:
    filename: str
    layout: str = ""
    encoding: str = ""
    lines_total: int = 0
    lines_blank: int = 0
    lines_used: int = 0
    lines_furniture: int = 0
    """Page headers, footers and page numbers, left out of the content."""
    lines_debris: int = 0
    """A web page's furniture around a table (breadcrumbs, 索引号, [打印]), left out."""
    notes: list[Note] = field(default_factory=list)

    @property
    def unread(self) -> list[Note]:
        return [note for note in self.notes if note.severity == "unread"]

    @property
    def warnings(self) -> list[Note]:
        return [note for note in self.notes if note.severity == "warning"]

    def warn(self, line: int | None, message: str) -> None:
        self.notes.append(Note(line, "warning", message))
