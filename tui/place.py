"""Where the reviewer was: the document and project last shown, per store, so that the TUI
reopens there instead of on the newest import. Kept in $XDG_STATE_HOME/jixiao/places.json
(~/.local/state/jixiao/places.json): state, not configuration, and never in the store, which
several reviewers may share."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Place:
    document_id: int
    project_id: int | None = None


def places_file() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "jixiao" / "places.json"


def last_place(store: Path) -> Place | None:
    """The place remembered for `store`; None when there is none or the file is unreadable
    (a lost place is an inconvenience, not an error)."""
    try:
        found = json.loads(places_file().read_text(encoding="utf-8")).get(_key(store))
        return Place(int(found["document"]), found.get("project")) if found else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def remember_place(store: Path, place: Place) -> None:
    """Keep `place` for `store`, written whole (a temporary file moved into place); a home
    that cannot be written keeps nothing, silently."""
    path = places_file()
    try:
        places = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(places, dict):
            places = {}
    except (OSError, ValueError):
        places = {}
    places[_key(store)] = {"document": place.document_id, "project": place.project_id}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(places, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass


def _key(store: Path) -> str:
    return str(store.expanduser().resolve())
