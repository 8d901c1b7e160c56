"""The jixiao TUI: keyboard-only review of stored documents, over SSH as well as locally."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

from jixiao.i18n import _, ngettext
from jixiao.store import StoreHandle, document, latest_document
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.display import visible
from jixiao.tui.place import Place, last_place, remember_place
from jixiao.tui.screens.browse import BrowseScreen
from jixiao.tui.store_writer import writer_of

if TYPE_CHECKING:
    from jixiao.store import SaveResult

_PALETTE_IDS = {action.id for action in actions.ALL if action.palette}


class JixiaoApp(App[None]):
    TITLE = "jixiao 绩效"
    BINDINGS = bindings(actions.APP)

    def __init__(
        self,
        store: StoreHandle,
        reviewer: str,
        *,
        document_id: int | None = None,
        keymap: dict[str, str] | None = None,
        compare: tuple[int, int] | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        if theme is not None:  # the config file's, checked against Textual's themes by the CLI
            self.theme = theme
        self.store = store
        self.reviewer = reviewer
        self.document_id = document_id
        self.user_keymap = keymap or {}
        self.compare = compare

    def on_mount(self) -> None:
        # Everything alive by now (Textual, SQLAlchemy, the models: a large heap that is
        # never garbage) is left out of the collector's full scans, which otherwise pause
        # the screen for 100-200 ms now and then (measured paging the store-wide view).
        gc.freeze()
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        if latest_document(self.store.reader) is None:
            from jixiao.tui.screens.welcome import WelcomeScreen  # an empty store's

            self.push_screen(WelcomeScreen(str(self.store.path)))
            return
        start, project = self.document_id, None
        place = last_place(self.store.path) if start is None else None
        if place is not None and document(self.store.reader, place.document_id) is not None:
            start, project = place.document_id, place.project_id  # where the reviewer was
        self.push_screen(BrowseScreen(self.store, self.reviewer, start, start_project=project))
        if self.compare is not None:
            from jixiao.tui.screens.compare import CompareScreen  # loads compare's libraries

            self.push_screen(CompareScreen(self.store, *self.compare, self.reviewer))

    def remember_place(self, document_id: int, project_id: int | None) -> None:
        remember_place(self.store.path, Place(document_id, project_id))

    def import_sample(self) -> None:
        # the importers and the write path: only for an empty store
        from jixiao.importers import ImportFault
        from jixiao.store import save_document
        from jixiao.tui.sample import parse_sample

        try:
            parsed, report = parse_sample()
        except ImportFault as fault:
            self.notify(visible(str(fault)), severity="error", markup=False)
            return

        def saved(result: SaveResult) -> None:
            self.switch_screen(BrowseScreen(self.store, self.reviewer, result.document_id))
            count = len(parsed.projects)
            self.notify(
                ngettext("imported the sample: {count} project",
                         "imported the sample: {count} projects", count).format(count=count)
            )  # fmt: skip

        writer_of(self).write(lambda: save_document(self.store.engine, parsed, report), saved)

    def action_help(self) -> None:
        from jixiao.tui.screens.help import HelpScreen, help_sections  # when asked for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self.screen)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette (Ctrl+P) offers the named actions of the screen, with their keys, in
        the interface's language: typing 比较 finds the comparison."""
        for command in super().get_system_commands(screen):
            yield SystemCommand(
                _(command.title), _(command.help), command.callback, command.discover
            )
        seen = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.id not in _PALETTE_IDS or binding.id in seen:
                continue
            seen.add(binding.id)
            title = f"{_(binding.description)}  ({self.get_key_display(binding)})"
            yield SystemCommand(
                title, binding.id or "", partial(self._run_bound, active.node, binding.action)
            )
            del key

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            palette = CommandPalette(id="--command-palette", placeholder=_("Search for commands…"))
            self.push_screen(palette)

    async def _run_bound(self, node: object, action: str) -> None:
        await self.run_action(action, node)  # type: ignore[arg-type]
