"""Which document a reference names: an id, or DEPARTMENT:YEAR[:STAGE] where DEPARTMENT is
any unique prefix of a department's name. Plain SQL (store/reading.py), so that commands
that only read answer without SQLAlchemy."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from jixiao.i18n import _
from jixiao.store.errors import StoreError
from jixiao.store.reading import fetch

if TYPE_CHECKING:
    from jixiao.store.reading import Source

STAGES = {"draft": "draft", "草案": "draft", "final": "final", "终稿": "final", "正式": "final"}


def resolve_document(source: Source, reference: str) -> int:
    """A document id, or DEPARTMENT:YEAR[:STAGE] where DEPARTMENT may be any unique prefix of
    a department's name; the newest revision is meant."""
    reference = reference.strip()
    if reference.isdigit():
        if not fetch(source, "SELECT id FROM document WHERE id = :id", {"id": int(reference)}):
            raise StoreError(
                _("no document has id {reference}").format(reference=reference),
                _("`jixiao ls` lists the documents and their ids"),
            )
        return int(reference)
    match = re.fullmatch(r"([^:]+):(\d{4})(?::([^:]+))?", reference)
    if match is None:
        raise StoreError(
            _("'{reference}' does not name a document").format(reference=reference),
            _(
                "name one by its id (see `jixiao ls`) or as DEPARTMENT:YEAR[:STAGE], "
                "e.g. 中共巨鹿县委组织部:2024:draft"
            ),
        )
    prefix, year, stage_word = match.group(1), int(match.group(2)), match.group(3)
    stage = None
    if stage_word is not None:
        stage = STAGES.get(stage_word.lower())
        if stage is None:
            raise StoreError(
                _("unknown stage '{stage_word}'").format(stage_word=stage_word),
                _("use draft or final"),
            )
    escaped = prefix.replace("/", "//").replace("%", "/%").replace("_", "/_")
    names = [row[0] for row in fetch(
        source, "SELECT name FROM department WHERE name LIKE :prefix ESCAPE '/'",
        {"prefix": escaped + "%"},
    )]  # fmt: skip
    if prefix in names:
        names = [prefix]
    if not names:
        raise StoreError(
            _("no department's name starts with '{prefix}'").format(prefix=prefix),
            _("`jixiao ls` lists the departments in the store"),
        )
    if len(names) > 1:
        raise StoreError(
            _("'{prefix}' could mean {count} departments: {names}").format(
                prefix=prefix, count=len(names), names=", ".join(sorted(names))
            ),
            _("give more of the name"),
        )
    sql = """SELECT d.id, d.stage FROM document AS d JOIN department AS dep
             ON dep.id = d.department_id WHERE dep.name = :name AND d.year = :year"""
    params: dict[str, object] = {"name": names[0], "year": year}
    if stage is not None:
        sql += " AND d.stage = :stage"
        params["stage"] = stage
    rows = fetch(source, sql + " ORDER BY d.revision DESC", params)
    if not rows:
        raise StoreError(
            (
                _("{department} has no {stage} document for {year}")
                if stage
                else _("{department} has no document for {year}")
            ).format(department=names[0], stage=stage, year=year),
            _("`jixiao ls` lists the documents in the store"),
        )
    if len({found_stage for _, found_stage in rows}) > 1:
        raise StoreError(
            _("{department} has both a draft and a final document for {year}").format(
                department=names[0], year=year
            ),
            _("add the stage: {department}:{year}:draft or :final").format(
                department=names[0], year=year
            ),
        )
    return int(rows[0][0])
