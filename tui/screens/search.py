"""Search the open document or the whole store. Results show where each hit is and its
text; Enter jumps to the project, and n / N in the browse screen walk the other hits."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from jixiao.i18n import _
from jixiao.store import Hit, StoreSource, search_store
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import visible

KIND_NAMES = {"project": "名称", "purpose": "用途", "goal": "目标", "indicator": "指标",
              "department_goal": "部门目标"}  # fmt: skip


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit]
    index: int


class SearchScreen(ModalScreen[SearchResult | None]):
    BINDINGS = bindings(actions.SEARCH)
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 96%; height: 90%; margin-top: 1; border: round $accent;
                              background: $surface; padding: 0 1; }
    SearchScreen OptionList { height: 1fr; }
    """

    def __init__(self, source: StoreSource, document_id: int | None, query: str = "") -> None:
        super().__init__()
        self.source = source
        self.document_id = document_id
        self.whole_store = document_id is None
        self.initial_query = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="scope")
            yield Input(
                self.initial_query, placeholder=_("search names, goals, indicators…"), id="query"
            )
            yield Static(id="count")
            yield OptionList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        self._show_scope()
        if self.initial_query:
            self.run_search(self.initial_query)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def on_input_submitted(self) -> None:
        hits = self.query_one(OptionList)
        if self.hits:
            self._choose(hits.highlighted or 0)
        else:
            self.notify(_("nothing found"), severity="warning")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def on_key(self, event: events.Key) -> None:
        # Up and down reach the results from the query field, so the hands stay on the keys.
        hits = self.query_one(OptionList)
        if self.query_one(Input).has_focus and event.key in ("down", "up") and self.hits:
            hits.focus()
            hits.highlighted = 0 if event.key == "down" else len(self.hits) - 1
            event.stop()

    def action_toggle_scope(self) -> None:
        self.whole_store = not self.whole_store or self.document_id is None
        self._show_scope()
        self.run_search(self.query_one(Input).value)

    def action_close(self) -> None:
        self.dismiss(None)

    @work(exclusive=True, thread=True)
    def run_search(self, query: str) -> None:
        scope = None if self.whole_store else self.document_id
        hits = search_store(self.source, query, scope, limit=HIT_LIMIT)
        self.app.call_from_thread(self._show_hits, query, hits)

    def _show_hits(self, query: str, hits: list[Hit]) -> None:
        self.hits = hits
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(hit_label(hit, query, self.whole_store)) for hit in hits])
        if len(hits) == HIT_LIMIT:
            found = _("{count}+ (the first ones, in import order) hits").format(count=len(hits))
        else:
            found = _("{count} hits").format(count=len(hits))
        count = Text(found if query.strip() else "", style="dim")
        self.query_one("#count", Static).update(count)

    def _show_scope(self) -> None:
        where = _("the whole store") if self.whole_store else _("this document")
        text = Text(_("Search") + " ", style="bold")
        text.append(where)
        text.append("   " + _("Ctrl+T: switch · Enter: go · ↓: results · Esc: close"),
                    style="dim")  # fmt: skip
        self.query_one("#scope", Static).update(text)

    def _choose(self, index: int) -> None:
        self.dismiss(SearchResult(self.query_one(Input).value, self.hits, index))


HIT_LIMIT = 500


def hit_label(hit: Hit, query: str, with_document: bool) -> Text:
    label = Text()
    if with_document:
        label.append(visible(f"{hit.department} {hit.year} ", one_line=True), style="dim")
    if hit.project_ordinal is not None:
        label.append(f"{hit.project_ordinal}. ")
        label.append(visible(hit.project_name or "", one_line=True))
        label.append("  ")
    label.append(f"[{KIND_NAMES.get(hit.kind, hit.kind)}] ", style="dim")
    context = Text(visible(hit.text, one_line=True))
    context.highlight_words([visible(query.strip(), one_line=True)], style="reverse",
                            case_sensitive=False)  # fmt: skip
    label.append_text(context)
    return label
