"""One registry of the app's named actions. Every binding has an id, so that a user keymap
(tui/keymap.py) can give it other keys, and the help screen and command palette list the
same names the footer shows.

Keys are chosen to survive every terminal, tmux and SSH: letters, digits, F-keys, arrows,
Enter, Esc, Tab and plain Ctrl+letter; never Alt, Ctrl+Enter or Ctrl+S/J/O.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    id: str
    keys: str
    """Textual key names, comma-separated: "question_mark,f1"."""
    action: str
    description: str
    show: bool = False
    """Shown in the footer; everything is in the help screen and the command palette."""
    palette: bool = True
    """Offered in the command palette (not for plain cursor movement)."""


APP = (
    Action("app.help", "question_mark,f1", "help", "Help: the keys here", show=True),
    Action("app.quit", "ctrl+q", "quit", "Quit", show=True),
)

BROWSE = (
    Action("browse.search", "slash", "search", "Search", show=True),
    Action("browse.next_hit", "n", "next_hit", "Next search hit"),
    Action("browse.previous_hit", "N", "previous_hit", "Previous search hit"),
    Action("browse.filter", "f", "filter", "Filter projects", show=True),
    Action("browse.sort", "s", "cycle_sort", "Sort: number, budget, name"),
    Action("browse.reviewed", "r", "mark('reviewed')", "Mark reviewed", show=True),
    Action("browse.question", "q", "mark('question')", "Mark question", show=True),
    Action("browse.problem", "p", "mark('problem')", "Mark problem", show=True),
    Action("browse.clear", "x", "clear_mark", "Clear the mark and note"),
    Action("browse.note", "e", "edit_note", "Write a note", show=True),
    Action("browse.source", "v", "toggle_source", "Show the source lines"),
    Action("browse.copy", "y", "copy", "Copy (OSC 52)"),
    Action("browse.zoom", "z", "toggle_zoom", "Hide the tree / show it"),
    Action("browse.overview", "o", "overview", "Document overview"),
    Action("browse.compare", "c", "compare", "Compare with another document", show=True),
    Action("browse.findings", "F", "findings", "The document's check findings"),
    Action("browse.across", "A", "across", "All projects across the store", show=True),
    # The bureau's grades (财预〔2015〕88号) on the project, whatever row the table is on.
    Action("browse.grade_excellent", "1", "grade('优')", "Grade the project 优"),
    Action("browse.grade_good", "2", "grade('良')", "Grade the project 良"),
    Action("browse.grade_fair", "3", "grade('中')", "Grade the project 中"),
    Action("browse.grade_poor", "4", "grade('差')", "Grade the project 差"),
    Action("browse.grade_clear", "0", "grade(None)", "Clear the project's grade"),
    Action("browse.conclusion", "C", "conclusion", "The document's conclusion: grade, opinion"),
)

TREE = (
    Action("tree.down", "j", "cursor_down", "Down", palette=False),
    Action("tree.up", "k", "cursor_up", "Up", palette=False),
    Action("tree.close", "h", "close_or_parent", "Collapse, or go to the parent", palette=False),
    Action("tree.open", "l", "open_or_child", "Expand, or go to the first child", palette=False),
    Action("tree.top", "g,home", "scroll_home", "First line", palette=False),
    Action("tree.bottom", "G,end", "scroll_end", "Last line", palette=False),
)

TABLE = (
    Action("table.down", "j", "cursor_down", "Down", palette=False),
    Action("table.up", "k", "cursor_up", "Up", palette=False),
    Action("table.top", "g", "scroll_top", "First row", palette=False),
    Action("table.bottom", "G", "scroll_bottom", "Last row", palette=False),
    Action("table.back", "h,escape", "back_to_tree", "Back to the tree", palette=False),
)

SEARCH = (
    Action("search.scope", "ctrl+t", "toggle_scope", "This document / the whole store", show=True),
    Action("search.close", "escape", "close", "Close", show=True),
)

DIALOG = (
    Action("dialog.save", "f2", "save", "Save", show=True),
    Action("dialog.cancel", "escape", "cancel", "Cancel", show=True),
)

COMPARE = (
    Action("compare.next", "n", "next_change", "Next change", show=True),
    Action("compare.previous", "N", "previous_change", "Previous change"),
    Action("compare.filter", "f", "cycle_filter", "Filter by status", show=True),
    Action("compare.sort", "s", "cycle_sort", "Sort: document order / budget change", show=True),
    Action("compare.confirm", "a", "decide('confirmed')", "Confirm the pairing", show=True),
    Action("compare.reject", "d", "decide('rejected')", "Reject the pairing", show=True),
    Action("compare.make", "m", "make_pair", "Pair two unpaired projects: m on each"),
    Action("compare.history", "H", "history", "The project across the years", show=True),
    Action("compare.export", "E", "export", "Export as Markdown"),
    Action("compare.back", "escape", "back", "Back", show=True),
    Action("compare.down", "j", "cursor_down", "Down", palette=False),
    Action("compare.up", "k", "cursor_up", "Up", palette=False),
)

PICK = (Action("pick.cancel", "escape", "cancel", "Cancel", show=True),)

ACROSS = (
    # Not PgDn/PgUp: those scroll within the page, as in every table.
    Action("across.next_page", "right_square_bracket,l", "next_page", "Next page", show=True),
    Action("across.previous_page", "left_square_bracket,h", "previous_page", "Previous page",
           show=True),
    Action("across.filter", "f", "filter", "Filter: department, year, unit, level, text",
           show=True),
    Action("across.sort", "s", "cycle_sort", "Sort: document order, budget, change", show=True),
    Action("across.kind", "i", "toggle_kind", "Projects / indicators", show=True),
    Action("across.back", "escape", "back", "Back", show=True),
    Action("across.down", "j", "cursor_down", "Down", palette=False),
    Action("across.up", "k", "cursor_up", "Up", palette=False),
)  # fmt: skip

PAGE_TABLE = (
    Action("rows.down", "down", "cursor_down", "Down", palette=False),
    Action("rows.up", "up", "cursor_up", "Up", palette=False),
    Action("rows.page_down", "pagedown", "page_down", "A screen down", palette=False),
    Action("rows.page_up", "pageup", "page_up", "A screen up", palette=False),
    Action("rows.first", "home", "first_row", "First row", palette=False),
    Action("rows.last", "end", "last_row", "Last row", palette=False),
    Action("rows.open", "enter", "select", "Open", palette=False),
)

FINDINGS = (
    Action("findings.dismiss", "d", "dismiss", "Dismiss the finding, with a reason", show=True),
    Action("findings.restore", "u", "restore", "Restore a dismissed finding", show=True),
    Action("findings.close", "escape", "cancel", "Close", show=True),
)

HELP = (Action("help.close", "escape,question_mark,f1,q", "dismiss", "Close", palette=False),)

WELCOME = (Action("welcome.sample", "i", "import_sample", "Import the bundled sample", show=True),)

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
    + HELP
    + WELCOME
)
