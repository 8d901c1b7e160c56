"""Choose which projects the tree shows: review state, unit, budget range (万元)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from jixiao.i18n import _
from jixiao.importers.money import to_fen
from jixiao.store import STATE_FILTERS, ProjectFilter, UnitRow
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.display import STATE_WORDS, visible


class FilterScreen(ModalScreen[ProjectFilter | None]):
    BINDINGS = bindings(actions.DIALOG)
    DEFAULT_CSS = """
    FilterScreen { align: center middle; }
    FilterScreen > Vertical { width: 60; height: auto; border: round $accent;
                              background: $surface; padding: 0 1; }
    FilterScreen Input, FilterScreen Select { margin-bottom: 1; }
    """

    def __init__(self, current: ProjectFilter, units: list[UnitRow]) -> None:
        super().__init__()
        self.current = current
        self.units = units

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical():
            yield Static(Text(_("Filter projects  (F2 apply · Esc cancel)"), style="bold"))
            yield Label(_("Review state"))
            yield Select([(_(STATE_WORDS[state]), state) for state in STATE_FILTERS],
                         value=current.state, allow_blank=False, id="state")  # fmt: skip
            yield Label(_("Unit"))
            unit_options = [(Text(visible(f"{u.code} {u.name}", one_line=True)), u.id)
                            for u in self.units]  # fmt: skip
            unit = current.unit_id if current.unit_id is not None else Select.NULL
            yield Select(unit_options, value=unit, id="unit", prompt=_("all units"))
            yield Label(_("Budget from (万元)"))
            yield Input(_wan(current.min_budget_fen), id="min",
                        placeholder=_("e.g. {example}").format(example=10))  # fmt: skip
            yield Label(_("Budget up to (万元)"))
            yield Input(_wan(current.max_budget_fen), id="max",
                        placeholder=_("e.g. {example}").format(example=100))  # fmt: skip
            yield Checkbox(_("only projects with check findings"), current.only_with_findings,
                           id="with-findings")  # fmt: skip
            yield Static("", id="filter-error")
        yield Footer()

    def action_save(self) -> None:
        try:
            low = _fen(self.query_one("#min", Input).value)
            high = _fen(self.query_one("#max", Input).value)
        except ValueError as error:
            self.query_one("#filter-error", Static).update(Text(str(error), style="red"))
            return
        unit = self.query_one("#unit", Select).value
        self.dismiss(
            ProjectFilter(
                state=str(self.query_one("#state", Select).value),
                unit_id=unit if isinstance(unit, int) else None,
                min_budget_fen=low,
                max_budget_fen=high,
                sort=self.current.sort,
                only_with_findings=self.query_one("#with-findings", Checkbox).value,
            )
        )

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _fen(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return to_fen(Decimal(text), "万元")
    except (InvalidOperation, ValueError):
        raise ValueError(_("'{text}' is not an amount in 万元").format(text=text)) from None


def _wan(fen: int | None) -> str:
    from jixiao.importers.money import from_fen

    return "" if fen is None else str(from_fen(fen, "万元"))
