"""Where the store lives by default, and whether a path can hold one. Light on purpose:
read-only commands and the TUI find the store without loading SQLAlchemy."""

from __future__ import annotations

import os
from pathlib import Path

from jixiao.i18n import _, os_reason
from jixiao.store.errors import StoreError

ENV_VAR = "JIXIAO_DB"

SQLITE_HEADER = b"SQLite format 3\x00"


def default_path() -> Path:
    """$JIXIAO_DB, else $XDG_DATA_HOME/jixiao/jixiao.db (~/.local/share by default)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "jixiao" / "jixiao.db"


def check_path(path: Path, create_folder: bool) -> None:
    """Refuse, with the reason and a hint, a path that cannot hold a store jixiao writes: a
    folder, a missing folder the user named (create_folder: the default location's is made), a
    read-only file or folder, a file that is not SQLite."""
    if path.is_dir():
        raise StoreError(
            _("{path} is a directory, not a store file").format(path=path),
            _("pass a file path, e.g. --db {example}").format(example=path / "jixiao.db"),
        )
    folder = path.parent
    if not folder.exists() and not create_folder:
        raise StoreError(
            _("the folder {folder} of the store does not exist").format(folder=folder),
            _("check the path, or create the folder first (mkdir -p {folder})").format(
                folder=folder
            ),
        )
    if folder.exists() and not folder.is_dir():
        raise StoreError(
            _("{folder} is a file, so it cannot hold the store {name}").format(
                folder=folder, name=path.name
            ),
            _("pass another path with --db or JIXIAO_DB"),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            _("cannot create the folder for the store {path}: {strerror}").format(
                path=path, strerror=os_reason(error)
            ),
            _("pass a writable location with --db or JIXIAO_DB"),
        ) from None
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        where = (
            _("the store {path}").format(path=path)
            if path.exists()
            else _("the folder {folder} of the store").format(folder=folder)
        )
        raise StoreError(
            _("{where} is read-only").format(where=where),
            _(
                "check its permissions and its folder's (jixiao must write the "
                "store and, beside it, STORE-wal and STORE-shm), or that the disk "
                "is not mounted read-only; `jixiao backup` and `jixiao verify` "
                "still read it"
            ),
            "read-only",
        )
    if path.is_file():
        try:
            with path.open("rb") as file:
                header = file.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StoreError(
                _("cannot read the store {path}: {strerror}").format(
                    path=path, strerror=os_reason(error)
                ),
                _("check its permissions (the user running jixiao must read and write it)"),
                "read-only",
            ) from None
        if header and header != SQLITE_HEADER:
            raise StoreError(
                _(
                    "cannot open the store {path}: it is not an SQLite store (it "
                    "does not start as one)"
                ).format(path=path),
                _(
                    "pass the path of a jixiao store with --db (a new path makes "
                    "a new store), or move that file away"
                ),
                "not-a-store",
            )
