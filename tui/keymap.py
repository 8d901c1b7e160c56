"""The user's keymap: $XDG_CONFIG_HOME/jixiao/keymap.toml (or --keymap FILE), mapping binding
ids to keys:

    [keymap]
    "browse.question" = "w"
    "tree.down" = "j,ctrl+n"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from jixiao.i18n import _
from jixiao.tui.actions import ALL


class KeymapError(Exception):
    pass


def default_keymap_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "jixiao" / "keymap.toml"


def load_keymap(path: Path) -> dict[str, str]:
    """The remapping in `path`; empty when the file does not exist. Unknown ids and values
    that are not strings are errors, so that a typo does not silently do nothing."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(
            _("{path}: cannot read the keymap: {error}").format(path=path, error=error)
        ) from None
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        raise KeymapError(
            _("{path}: expected a [keymap] table of binding ids and keys").format(path=path)
        )
    known = {action.id for action in ALL}
    for binding_id, keys in table.items():
        if binding_id not in known:
            raise KeymapError(
                _("{path}: unknown binding id '{binding_id}' (see `jixiao keys`)").format(
                    path=path, binding_id=binding_id
                )
            )
        if not isinstance(keys, str) or not keys.strip():
            raise KeymapError(
                _("{path}: the keys for '{binding_id}' must be a string like \"w\"").format(
                    path=path, binding_id=binding_id
                )
            )
    return {binding_id: keys.replace(" ", "") for binding_id, keys in table.items()}
