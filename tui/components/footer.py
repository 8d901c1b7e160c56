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
    def __init__(self) -> None:
        # Compact: one space between keys, so that the browse screen's keys fit 80 columns.
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
            yield widget
