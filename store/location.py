"""Where the store lives by default. Light on purpose: read-only commands find the store
without loading SQLAlchemy."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "JIXIAO_DB"


def default_path() -> Path:
    """$JIXIAO_DB, else $XDG_DATA_HOME/jixiao/jixiao.db (~/.local/share by default)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "jixiao" / "jixiao.db"
