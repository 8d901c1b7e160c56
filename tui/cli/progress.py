"""A one-line progress bar on stderr for long commands: count, share, rate, time left.

Drawn only on a terminal, at most ten times a second; `clear` rubs it out so that a line of
output can be printed above it, and the next `advance` draws it again.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from jixiao.i18n import _

_REDRAW_SECONDS = 0.1
_BAR = 24


class ProgressLine:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and self.stream.isatty()
        self.done = 0
        self.failed = 0
        self._started = time.monotonic()
        self._drawn_at = 0.0
        self._shown = False

    def advance(self, done: int = 1, failed: int = 0) -> None:
        self.done += done
        self.failed += failed
        now = time.monotonic()
        # Single files at most ten times a second; a batch (done > 1) at once, since
        # nothing may follow it for a second.
        due = now - self._drawn_at >= _REDRAW_SECONDS or self.done == self.total or done > 1
        if self.enabled and (due or not self._shown):
            self._drawn_at = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()
            self._shown = True

    def line(self, now: float | None = None) -> str:
        elapsed = (now or time.monotonic()) - self._started
        share = self.done / self.total if self.total else 1.0
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = "--:--" if left is None else _clock(left)
        failed = "  " + _("{count} failed").format(count=self.failed) if self.failed else ""
        text = " " + _("{done}/{total} files {share}  {rate}/s  ETA {eta}").format(
            done=f"{self.done:,}", total=f"{self.total:,}", share=f"{share:4.0%}",
            rate=f"{rate:6.1f}", eta=eta,
        ) + failed  # fmt: skip
        # The bar gives way so that the line never wraps (\r only returns within a line).
        from wcwidth import wcswidth  # the line's width in columns: Chinese takes two

        width = min(_BAR, shutil.get_terminal_size().columns - wcswidth(text) - 3)
        if width < 5:
            return text.strip()
        filled = round(share * width)
        return f"[{'#' * filled}{'.' * (width - filled)}]{text}"

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
