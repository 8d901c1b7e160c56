"""An empty store: how to import, and the bundled sample one key away."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Static

from jixiao.i18n import _
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import visible
from jixiao.tui.linebreak import Wrapped


class WelcomeScreen(Screen[None]):
    BINDINGS = bindings(actions.WELCOME)
    DEFAULT_CSS = """
    WelcomeScreen Vertical { width: 76; height: auto; padding: 1 2; border: round $accent; }
    WelcomeScreen Center { height: 1fr; align: center middle; }
    """

    def __init__(self, store_path: str) -> None:
        super().__init__()
        self.store_path = store_path

    def compose(self) -> ComposeResult:
        text = Text("jixiao 绩效", style="bold")
        text.append("  " + _("review 部门预算绩效文本 drafts") + "\n\n")
        text.append(_("This store is empty: "))
        text.append(visible(self.store_path), style="dim")
        text.append("\n\n" + _("Import documents from the shell:") + "\n")
        text.append("    jixiao import FILE...", style="bold")
        text.append("   " + _("(text dumps: UTF-8 or GB18030)") + "\n\n")
        # One sentence around the key: its halves are translated together.
        before, _key, after = _("Or press {key} to import the bundled sample, the 2024 draft "
                                "of 中共巨鹿县委组织部.").partition("{key}")  # fmt: skip
        text.append(before)
        text.append("i", style="bold reverse")
        text.append(after + "\n")
        text.append("\n" + _("Ctrl+Q quits; ? shows the keys."), style="dim")
        with Center(), Vertical():
            yield Static(Wrapped(text))
        yield Footer()

    def action_import_sample(self) -> None:
        self.app.import_sample()  # type: ignore[attr-defined]
