"""Textual's footer, speaking the interface's language. Binding descriptions are English
message ids (tui/actions.py) and are translated here, where they are shown, so that the
language can be chosen after the screens' classes are built (Textual's own, such as
Ctrl+P's "palette", are in tui/textual_words.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey  # exported nowhere else

from jixiao.i18n import _


class Footer(TextualFooter):
    # Compact Textual footers give every key a right margin, the palette key docked on the
    # right too: the last column is left to the keys that overflow on the left, whose letter
    # then shows beside it (`^p palettet`).
    DEFAULT_CSS = """
    Footer.-compact FooterKey.-command-palette { margin-right: 0; padding-right: 1; }
    """

    def __init__(self) -> None:
        # Compact: one space between keys, so that the browse screen's keys fit 80 columns.
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
            yield widget
