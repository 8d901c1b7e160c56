"""One registry of the app's named actions. Every binding has an id, so that a user keymap
(tui/keymap.py) can give it other keys, and the help screen and command palette list the
same names the footer shows.

Keys are chosen to survive every terminal, tmux and SSH: letters, digits, F-keys, arrows,
Enter, Esc, Tab and plain Ctrl+letter; never Alt, Ctrl+Enter or Ctrl+S/J/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.i18n import N_


@dataclass(frozen=True)
class Action:
    id: str
    keys: str
    """Textual key names, comma-separated: "question_mark,f1"."""
    action: str
    description: str
    """English, the message id: translated where it is shown (footer, help, palette)."""
    show: bool = False
    """Shown in the footer; everything is in the help screen and the command palette."""
    palette: bool = True
    """Offered in the command palette (not for plain cursor movement)."""
    priority: bool = False
    """Before the focused widget's own binding of the key (Textual's priority binding)."""


APP = (
    Action("app.help", "question_mark,f1", "help", N_("Help: the keys here"), show=True),
    Action("app.quit", "ctrl+q", "quit", N_("Quit"), show=True),
)

BROWSE = (
    Action("browse.search", "slash", "search", N_("Search"), show=True),
    Action("browse.next_hit", "n", "next_hit", N_("Next search hit")),
    Action("browse.previous_hit", "N", "previous_hit", N_("Previous search hit")),
    Action("browse.filter", "f", "filter", N_("Filter projects"), show=True),
    Action("browse.sort", "s", "cycle_sort", N_("Sort: number, budget, name")),
    Action("browse.reviewed", "r", "mark('reviewed')", N_("Mark reviewed"), show=True),
    Action("browse.question", "q", "mark('question')", N_("Mark question"), show=True),
    Action("browse.problem", "p", "mark('problem')", N_("Mark problem"), show=True),
    Action("browse.clear", "x", "clear_mark", N_("Clear the mark and note")),
    Action("browse.note", "e", "edit_note", N_("Write a note"), show=True),
    Action("browse.source", "v", "toggle_source", N_("Show the source lines")),
    Action("browse.copy", "y", "copy", N_("Copy (OSC 52)")),
    Action("browse.zoom", "z", "toggle_zoom", N_("Hide the tree / show it")),
    Action("browse.overview", "o", "overview", N_("Document overview")),
    Action("browse.compare", "c", "compare", N_("Compare with another document"), show=True),
    Action("browse.findings", "F", "findings", N_("The document's check findings")),
    Action("browse.across", "A", "across", N_("All projects across the store"), show=True),
    # The bureau's grades (财预〔2015〕88号) on the project, whatever row the table is on.
    Action("browse.grade_excellent", "1", "grade('优')", N_("Grade the project 优")),
    Action("browse.grade_good", "2", "grade('良')", N_("Grade the project 良")),
    Action("browse.grade_fair", "3", "grade('中')", N_("Grade the project 中")),
    Action("browse.grade_poor", "4", "grade('差')", N_("Grade the project 差")),
    Action("browse.grade_clear", "0", "grade(None)", N_("Clear the project's grade")),
    Action("browse.conclusion", "C", "conclusion", N_("The document's conclusion: grade, opinion")),
    # Whatever has the focus, these scroll the right-hand pane: the tree's and the table's
    # own PgDn would move their cursor, and the pane had no key at all.
    Action("browse.page_down", "pagedown,space", "detail_page('down')",
           N_("Scroll the detail down"), palette=False, priority=True),
    Action("browse.page_up", "pageup", "detail_page('up')", N_("Scroll the detail up"),
           palette=False, priority=True),
)  # fmt: skip

TREE = (
    Action("tree.down", "j", "cursor_down", N_("Down"), palette=False),
    Action("tree.up", "k", "cursor_up", N_("Up"), palette=False),
    Action(
        "tree.close", "h", "close_or_parent", N_("Collapse, or go to the parent"), palette=False
    ),
    Action(
        "tree.open", "l", "open_or_child", N_("Expand, or go to the first child"), palette=False
    ),
    Action("tree.top", "g,home", "scroll_home", N_("First line"), palette=False),
    Action("tree.bottom", "G,end", "scroll_end", N_("Last line"), palette=False),
)

TABLE = (
    Action("table.down", "j", "cursor_down", N_("Down"), palette=False),
    Action("table.up", "k", "cursor_up", N_("Up"), palette=False),
    Action("table.top", "g", "scroll_top", N_("First row"), palette=False),
    Action("table.bottom", "G", "scroll_bottom", N_("Last row"), palette=False),
    Action("table.back", "h,escape", "back_to_tree", N_("Back to the tree"), palette=False),
    Action("table.open", "enter", "screen.open_indicator", N_("The whole row"), palette=False),
)

SEARCH = (
    Action(
        "search.scope", "ctrl+t", "toggle_scope", N_("This document / the whole store"), show=True
    ),
    Action("search.close", "escape", "close", N_("Close"), show=True),
)

DIALOG = (
    Action("dialog.save", "f2", "save", N_("Save"), show=True),
    Action("dialog.cancel", "escape", "cancel", N_("Cancel"), show=True),
)

COMPARE = (
    Action("compare.next", "n", "next_change", N_("Next change"), show=True),
    Action("compare.previous", "N", "previous_change", N_("Previous change")),
    Action("compare.filter", "f", "cycle_filter", N_("Filter by status"), show=True),
    Action(
        "compare.sort", "s", "cycle_sort", N_("Sort: document order / budget change"), show=True
    ),
    Action("compare.confirm", "a", "decide('confirmed')", N_("Confirm the pairing"), show=True),
    Action("compare.reject", "d", "decide('rejected')", N_("Reject the pairing"), show=True),
    Action("compare.make", "m", "make_pair", N_("Pair two unpaired projects: m on each")),
    Action("compare.history", "H", "history", N_("The project across the years"), show=True),
    Action("compare.export", "E", "export", N_("Export as Markdown")),
    Action("compare.back", "escape", "back", N_("Back"), show=True),
    Action("compare.down", "j", "cursor_down", N_("Down"), palette=False),
    Action("compare.up", "k", "cursor_up", N_("Up"), palette=False),
    Action("compare.top", "g,home", "scroll_top", N_("First line"), palette=False),
    Action("compare.bottom", "G,end", "scroll_bottom", N_("Last line"), palette=False),
)

PICK = (
    Action("pick.cancel", "escape", "cancel", N_("Cancel"), show=True),
    Action("pick.first", "g", "first_option", N_("First line"), palette=False),
    Action("pick.last", "G", "last_option", N_("Last line"), palette=False),
)

ACROSS = (
    # Not PgDn/PgUp: those scroll within the page, as in every table.
    Action("across.next_page", "right_square_bracket,l", "next_page", N_("Next page"), show=True),
    Action("across.previous_page", "left_square_bracket,h", "previous_page", N_("Previous page"),
           show=True),
    Action("across.filter", "f", "filter", N_("Filter: department, year, unit, level, text"),
           show=True),
    Action("across.sort", "s", "cycle_sort", N_("Sort: document order, budget, change"), show=True),
    Action("across.kind", "i", "toggle_kind", N_("Projects / indicators"), show=True),
    Action("across.back", "escape", "back", N_("Back"), show=True),
    Action("across.down", "j", "cursor_down", N_("Down"), palette=False),
    Action("across.up", "k", "cursor_up", N_("Up"), palette=False),
)  # fmt: skip

PAGE_TABLE = (
    Action("rows.down", "down", "cursor_down", N_("Down"), palette=False),
    Action("rows.up", "up", "cursor_up", N_("Up"), palette=False),
    Action("rows.page_down", "pagedown", "page_down", N_("A screen down"), palette=False),
    Action("rows.page_up", "pageup", "page_up", N_("A screen up"), palette=False),
    Action("rows.first", "home,g", "first_row", N_("First row"), palette=False),
    Action("rows.last", "end,G", "last_row", N_("Last row"), palette=False),
    Action("rows.open", "enter", "select", N_("Open"), palette=False),
)

FINDINGS = (
    Action("findings.dismiss", "d", "dismiss", N_("Dismiss the finding, with a reason"), show=True),
    Action("findings.restore", "u", "restore", N_("Restore a dismissed finding"), show=True),
    Action("findings.close", "escape", "cancel", N_("Close"), show=True),
    Action("findings.first", "g", "first_option", N_("First line"), palette=False),
    Action("findings.last", "G", "last_option", N_("Last line"), palette=False),
)

ROW = (Action("row.close", "escape,enter,q", "dismiss", N_("Close"), show=True, palette=False),)

HELP = (Action("help.close", "escape,question_mark,f1,q", "dismiss", N_("Close"), palette=False),)

WELCOME = (
    Action("welcome.sample", "i", "import_sample", N_("Import the bundled sample"), show=True),
)

ALL = (
    APP
    + BROWSE
    + TREE
    + TABLE
    + SEARCH
    + DIALOG
    + COMPARE
    + PICK
    + ACROSS
    + PAGE_TABLE
    + FINDINGS
    + ROW
    + HELP
    + WELCOME
)
