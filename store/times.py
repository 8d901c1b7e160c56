"""Times as a person reads them: stored in UTC (ISO 8601), shown in the machine's local time
with its offset, so that a reviewer in Shijiazhuang reads 2026-12-01 21:24 +0800 and a script
still gets the stored UTC value from JSON and CSV."""

from __future__ import annotations

from datetime import datetime


def local_time(stored: str | None) -> str:
    """`2026-12-01T13:24:43+00:00` → `2026-12-01 21:24 +0800` where the machine is on UTC+8
    (TZ, or the system's zone); empty for None, the text itself when it is not a time."""
    if not stored:
        return ""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %z")
