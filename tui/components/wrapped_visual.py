"""Wrapped text (tui/linebreak.py) as a Static's content, laid out without being drawn.

Textual finds the height of a rich renderable by drawing it whole, at every layout; a key in
the browse screen lays the project pane out twice (the second time because the first changed
its widgets' sizes). Wrapped knows its lines at a width, so the height is a count."""

from __future__ import annotations

from rich.text import Text
from textual.css.styles import RulesMap
from textual.visual import RichVisual
from textual.widgets import Static

from jixiao.tui.linebreak import Wrapped


class WrappedVisual(RichVisual):
    """Drawn as Textual draws any rich renderable; only its height is counted."""

    def __init__(self, widget: Static, wrapped: Wrapped) -> None:
        super().__init__(widget, wrapped)
        self._wrapped = wrapped

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._wrapped.height_at(width)


def show_wrapped(widget: Static, text: Text) -> None:
    """Show `text` in `widget`, broken into lines as everywhere on screen."""
    widget.update(WrappedVisual(widget, Wrapped(text)))
