"""The names in an OLE2 compound file's directory (the container of Word 97-2003 .doc, WPS
.wps, Excel .xls and .et, PowerPoint .ppt, and of password-protected Office files): enough
to tell which program's file it is, by the streams it holds. Nothing else of the file is
read; olefile would do more, and is not needed for this.

The layout ([MS-CFB]): a 512-byte header, then sectors of 512 or 4096 bytes; the header
lists the sectors of the allocation table (FAT), which chains the sectors of the directory;
the directory is 128-byte entries, each with a UTF-16 name.
"""

from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_END_OF_CHAIN = 0xFFFFFFFE
_FIRST_SPECIAL = 0xFFFFFFFA
"""Sector numbers from here up mark the end of a chain, free or FAT sectors: never data."""
_HEADER_DIFAT = 109
_ENTRY = 128


class DamagedFile(ValueError):
    """The directory cannot be read: the file is cut short or damaged."""


def is_ole2(data: bytes) -> bool:
    return data.startswith(MAGIC)


def stream_names(data: bytes) -> list[str]:
    """Every name in the directory (streams and storages, the root entry left out), in
    the directory's order."""
    if not is_ole2(data) or len(data) < 512:
        raise DamagedFile("not an OLE2 compound file, or shorter than its header")
    shift = struct.unpack_from("<H", data, 30)[0]
    if shift not in (9, 12):
        raise DamagedFile(f"sector size 2^{shift} is not one the format allows")
    size = 1 << shift
    fat_count, directory_start = struct.unpack_from("<II", data, 44)
    difat_start, difat_count = struct.unpack_from("<II", data, 68)

    def sector(number: int) -> bytes:
        start = (number + 1) * size
        if number >= _FIRST_SPECIAL or start + size > len(data):
            raise DamagedFile(f"sector {number} lies outside the file: it is cut short")
        return data[start : start + size]

    fat_sectors = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", data, 76))
    next_difat, seen = difat_start, 0
    while next_difat < _FIRST_SPECIAL and seen < difat_count:
        entries = struct.unpack(f"<{size // 4}I", sector(next_difat))
        fat_sectors += entries[:-1]
        next_difat = entries[-1]
        seen += 1
    fat: list[int] = []
    for number in fat_sectors[:fat_count]:
        fat += struct.unpack(f"<{size // 4}I", sector(number))

    names: list[str] = []
    visited: set[int] = set()
    current = directory_start
    while current != _END_OF_CHAIN:
        if current in visited or current >= len(fat):
            raise DamagedFile("the directory's chain of sectors is broken")
        visited.add(current)
        block = sector(current)
        for offset in range(0, size, _ENTRY):
            length, kind = struct.unpack_from("<HB", block, offset + 64)
            if kind in (1, 2) and 2 <= length <= 64:  # a storage or a stream
                raw = block[offset : offset + length - 2]
                names.append(raw.decode("utf-16-le", "replace"))
        current = fat[current]
    return names
