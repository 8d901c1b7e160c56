"""Textual's own words that jixiao's screens show: the descriptions of its widgets'
bindings (in the help screen and the footer) and its palette commands. Listed here so that
the catalog holds them (`make catalog` extracts these `N_` marks) and the help screen,
footer and palette, which translate every description they show, speak one language."""

from __future__ import annotations

from jixiao.i18n import N_

BINDING_DESCRIPTIONS = (
    N_("palette"), N_("Focus Next"), N_("Focus Previous"), N_("Copy selected text"),
    N_("Cursor Up"), N_("Cursor Down"), N_("Cursor to next sibling"),
    N_("Cursor to previous sibling"), N_("Cursor to parent"), N_("Cursor to next ancestor"),
    N_("Move cursor left"), N_("Move cursor left and select"), N_("Move cursor left a word"),
    N_("Move cursor left a word and select"),
    N_("Move cursor right or accept the completion suggestion"),
    N_("Move cursor right and select"), N_("Move cursor right a word"),
    N_("Move cursor right a word and select"), N_("Cut selected text"),
    N_("Delete character left"), N_("Delete all to the left"),
    N_("Delete left to start of word"), N_("Delete character right"),
    N_("Delete all to the right"), N_("Delete right to start of word"), N_("Go to end"),
    N_("Select line end"), N_("Go to start"), N_("Select line start"), N_("Page Down"),
    N_("Page Left"), N_("Page Right"), N_("Page Up"), N_("Paste text from the clipboard"),
    N_("Scroll Down"), N_("Scroll End"), N_("Scroll Home"), N_("Scroll Left"),
    N_("Scroll Right"), N_("Scroll Up"), N_("Select all"), N_("Select"), N_("Show menu"),
    N_("Submit"), N_("Expand or collapse all"), N_("Toggle"),
    # DataTable, OptionList, Input, TextArea, Select, the command palette:
    N_("Bottom"), N_("Copy"), N_("Cursor down"), N_("Cursor down select"), N_("Cursor left"),
    N_("Cursor left select"), N_("Cursor left word select"), N_("Cursor line end"),
    N_("Cursor line end select"), N_("Cursor line start"), N_("Cursor line start select"),
    N_("Cursor page down"), N_("Cursor page up"), N_("Cursor right"),
    N_("Cursor right select"), N_("Cursor right word select"), N_("Cursor up"),
    N_("Cursor up select"), N_("Cursor word left"), N_("Cursor word right"), N_("Cut"),
    N_("Delete line"), N_("Delete to line end"), N_("Delete to line start"), N_("Down"),
    N_("End"), N_("Exit the command palette"), N_("First"), N_("Go to bottom"),
    N_("Go to top"), N_("Home"), N_("Last"), N_("Next command"), N_("Next page"),
    N_("Page down"), N_("Page up"), N_("Paste"), N_("Previous command"),
    N_("Previous page"), N_("Quit"), N_("Redo"), N_("Select line"), N_("Top"), N_("Undo"),
    N_("Up"),
)  # fmt: skip

PALETTE_COMMANDS = (
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)  # fmt: skip
