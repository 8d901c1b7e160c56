"""The keys of the screen the reviewer is on, with those of the focused widget first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from jixiao.i18n import N_, _
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.linebreak import Wrapped


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings(actions.HELP)
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 90; height: 90%;
                                  border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        """`sections`: (title, [(keys, description, binding id)])."""
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        text = Text(_("Keys") + "  ", style="bold")
        text.append(
            _("(Esc closes; `jixiao keys` lists every binding id for a keymap)") + "\n",
            style="dim",
        )
        for title, rows in self.sections:
            if not rows:
                continue
            text.append(f"\n{title}\n", style="bold underline")
            for keys, description, binding_id in rows:
                text.append(f"  {keys:<18}", style="bold cyan")  # keys are ASCII
                text.append(description)
                text.append(f"  {binding_id}\n", style="dim")
        with VerticalScroll():
            yield Static(Wrapped(text))


def help_sections(screen: Screen[object]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The active bindings grouped by where they come from: the focused widget, the
    screen, the app; with their current keys, after any keymap."""
    groups: dict[str, dict[str, tuple[list[str], str]]] = {}
    rank: dict[str, int] = {}  # the focused widget's first, then the screen's, the app's
    for key, active in screen.active_bindings.items():
        binding = active.binding
        node = active.node
        if node is screen.app:
            group, rank[group] = _("Everywhere"), 2
        elif node is screen:
            group, rank[group] = _("This screen"), 1
        else:
            group, rank[group] = _("{widget} (focused)").format(widget=widget_word(node)), 0
        entry = groups.setdefault(group, {}).setdefault(
            binding.id or binding.action,
            ([], _(binding.description) if binding.description else ""),
        )
        entry[0].append(screen.app.get_key_display(Binding(key, binding.action)))
    order = sorted(groups, key=rank.__getitem__)
    return [
        (group, [(", ".join(keys), description, binding_id)
                 for binding_id, (keys, description) in groups[group].items() if description])
        for group in order
    ]  # fmt: skip


WIDGET_WORDS = {
    "ProjectTree": N_("The tree"),
    "IndicatorTable": N_("The indicator table"),
    "PairTable": N_("The list of pairs"),
    "PageTable": N_("The list"),
    "DataTable": N_("The table"),
    "Tree": N_("The tree"),
    "OptionList": N_("The list"),
    "Input": N_("The text field"),
    "TextArea": N_("The text"),
    "RadioSet": N_("The choices"),
}
"""What a focused widget is to a reviewer, by its class or the Textual class it extends."""


def widget_word(node: object) -> str:
    """The focused widget in the interface's words, not its class name (IndicatorTable)."""
    for cls in type(node).__mro__:
        if cls.__name__ in WIDGET_WORDS:
            return _(WIDGET_WORDS[cls.__name__])
    return _("The focused widget")
