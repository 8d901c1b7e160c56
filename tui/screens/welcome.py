"""An empty store: how to import, and the bundled sample one key away."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from jixiao.tui import actions
from jixiao.tui.bindings import bindings


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
        text.append("  review 部门预算绩效文本 drafts\n\n")
        text.append("This store is empty: ")
        text.append(self.store_path, style="dim")
        text.append("\n\nImport documents from the shell:\n")
        text.append("    jixiao import FILE...", style="bold")
        text.append("   (text dumps: UTF-8 or GB18030)\n\n")
        text.append("Or press ")
        text.append("i", style="bold reverse")
        text.append(" to import the bundled sample, the 2024 draft of 中共巨鹿县委组织部.\n")
        text.append("\nCtrl+Q quits; ? shows the keys.", style="dim")
        with Center(), Vertical():
            yield Static(text)
        yield Footer()

    def action_import_sample(self) -> None:
        self.app.import_sample()  # type: ignore[attr-defined]
