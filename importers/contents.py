"""The table of contents against the tables found: the listed tables the document lacks and
the tables it does not list. The import notes them; check T001 reports them in the reader's
language (store/checks/document_checks.py)."""

from __future__ import annotations

from jixiao.importers.model import Project, TocEntry
from jixiao.importers.text import label


def contents_disagreements(
    toc: list[TocEntry], projects: list[Project]
) -> tuple[list[TocEntry], list[Project]]:
    """(entries listed with no such table, tables not listed); nothing when the contents list
    no project table (a document without contents, or a table of another province)."""
    listed = {(entry.ordinal, label(entry.title)): entry for entry in toc if entry.ordinal}
    if not listed:
        return [], []
    found = {(project.ordinal, label(project.title)): project for project in projects}
    missing = [entry for key, entry in listed.items() if key not in found]
    unlisted = [project for key, project in found.items() if key not in listed]
    return missing, unlisted
