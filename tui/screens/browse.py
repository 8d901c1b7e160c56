"""The review screen: the tree of departments, documents, units and projects beside the
selected project (or the document's overview). Marks, notes, search, filter and sort.

It is the first screen a reviewer waits for, so the screens it opens are imported when first
opened (the note editor's TextArea alone costs ≈ 25 ms), and the checks and SQLAlchemy when
first needed (store/handle.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, Tree

from jixiao.i18n import _
from jixiao.store import (
    SORTS,
    DocumentRow,
    ProjectFilter,
    StoreHandle,
    StoreSource,
    clear_mark,
    conclusion_of,
    dismissals,
    document,
    documents_of,
    latest_document,
    overview,
    project_detail,
    projects_of,
    review_progress,
    set_conclusion,
    set_mark,
    source_text,
    stage_word,
    units_of,
)
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.components.overview_view import OverviewView
from jixiao.tui.components.project_tree import ProjectTree, Ref
from jixiao.tui.components.project_view import IndicatorTable, ProjectView
from jixiao.tui.display import (
    SORT_WORDS,
    STATE_MARKS,
    STATE_STYLES,
    STATE_WORDS,
    money,
    visible,
)
from jixiao.tui.store_writer import writer_of

if TYPE_CHECKING:
    from jixiao.store import Finding, Hit, ProjectDetail
    from jixiao.tui.screens.across import Chosen
    from jixiao.tui.screens.search import SearchResult


class BrowseScreen(Screen[None]):
    BINDINGS = bindings(actions.BROWSE)
    DEFAULT_CSS = """
    BrowseScreen #status { height: 1; background: $boost; padding: 0 1; }
    BrowseScreen #detail { width: 1fr; }
    BrowseScreen #overview { display: none; }
    BrowseScreen #detail.document #overview { display: block; }
    BrowseScreen #detail.document #project { display: none; }
    """

    def __init__(
        self,
        store: StoreHandle,
        reviewer: str,
        document_id: int | None = None,
        *,
        start_project: int | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.start_document = document_id
        self.start_project = start_project
        self._place_timer: Timer | None = None
        self.show_source = False
        self.sources: dict[int, list[str]] = {}
        self.search_result: SearchResult | None = None
        self.current: Ref | None = None
        self._shown_project: int | None = None
        """The project the detail pane shows: another one starts at the pane's top."""
        # The status line's document and progress, read again only when they change.
        self._status_document: tuple[int, Text] | None = None
        # Check findings by document: the checks read the whole document, so once each.
        self._findings: dict[int, list[Finding]] = {}
        self._by_project: dict[int, dict[int, list[Finding]]] = {}
        """The same findings by project number."""
        self._checking: set[int] = set()
        self._start: DocumentRow | None = None
        """The document the screen opens on (compose finds it, on_mount selects it)."""

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal():
            tree = ProjectTree(self.store.reader, on_move=self.show_cursor,
                               finding_counts=self.finding_counts)  # fmt: skip
            start = (
                document(self.store.reader, self.start_document)
                if self.start_document is not None
                else latest_document(self.store.reader)
            )
            # Filled before it is mounted, with the department the screen opens on (the
            # others follow the first frame).
            tree.load_departments(first=start.department_id if start else None)
            if start is not None:
                tree.open_document(start.department_id, start.id)
            self._start = start
            yield tree
            with Container(id="detail", classes="document"):
                yield ProjectView()
                yield OverviewView()
        yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one(ProjectTree)
        start = self._start
        if start is not None:
            tree.select_ref(Ref("document", start.id, start.id))
            if self.start_project is not None:  # the project last shown (tui/place.py)
                project = Ref("project", self.start_project, start.id)
                if tree.select_ref(project):
                    self.current = project
                    self.refresh_detail()
            self.call_after_refresh(tree.keep_in_view)
            self.call_after_refresh(tree.add_other_departments)
        tree.focus()

    # -- what is shown --------------------------------------------------------------------

    @property
    def project_tree(self) -> ProjectTree:
        return self.query_one(ProjectTree)

    @property
    def document_id(self) -> int | None:
        return self.current.document_id if self.current else None

    def on_tree_node_highlighted(self, _event: Tree.NodeHighlighted[Ref]) -> None:
        # Usually already shown by show_cursor; this catches cursor moves it did not see.
        self.show_cursor()

    def show_cursor(self) -> None:
        """Show what the tree's cursor is on. Reads the cursor as it is now: rebuilding the
        tree after a mark moves it over passing nodes before it settles."""
        if not self.is_mounted:
            return
        node = self.project_tree.cursor_node
        ref = node.data if node is not None else None
        if ref is None:
            return
        if ref.kind == "department":
            # Show its newest document's overview. Read from the store, not by opening the
            # node: this runs inside the tree's cursor watcher, which must not change the tree.
            documents = documents_of(self.store.reader, ref.id)
            ref = Ref("department", ref.id, documents[0].id if documents else None)
        if ref != self.current:
            self.current = ref
            self.refresh_detail()
            self._place_changed()

    def _place_changed(self) -> None:
        """Remember where the reviewer is, once the cursor has rested a second (not a file
        write a key)."""
        if self._place_timer is not None:
            self._place_timer.stop()
        self._place_timer = self.set_timer(1.0, self._remember_place)

    def on_unmount(self) -> None:
        self._remember_place()  # quitting before the timer fires

    def _remember_place(self) -> None:
        ref, remember = self.current, getattr(self.app, "remember_place", None)
        if ref is not None and ref.document_id is not None and remember is not None:
            remember(ref.document_id, ref.id if ref.kind == "project" else None)

    def refresh_detail(self) -> None:
        detail = self.query_one("#detail")
        ref = self.current
        if ref is not None and ref.kind == "project":
            project = project_detail(self.store.reader, ref.id)
            if project is not None:
                source = self._source(project.document_id) if self.show_source else None
                # Cached only: the worker started by the tree computes them and redraws.
                found = self._by_project.get(project.document_id, {}).get(project.ordinal, [])
                dismissed = dismissals(self.store.reader, project.document_id)
                view = self.query_one(ProjectView)
                view.show(project, source, found, dismissed)
                detail.set_class(False, "document")
                if project.id != self._shown_project:
                    self._shown_project = project.id
                    view.scroll_home(animate=False)
        elif ref is not None and ref.document_id is not None:
            summary = overview(self.store.reader, ref.document_id)
            if summary is not None:
                self.query_one(OverviewView).show(summary)
                detail.set_class(True, "document")
                self._shown_project = None
        self.refresh_status()

    def refresh_status(self) -> None:
        """One line: the search position and the filter first (they change what the keys
        do), then the document and its review progress, which the overview also shows."""
        status = Text(no_wrap=True, overflow="ellipsis")
        result = self.search_result
        if result is not None:
            status.append(visible(f"/{result.query} {result.index + 1}/{len(result.hits)}  "),
                          style="bold")  # fmt: skip
        wanted = self.project_tree.project_filter
        if not wanted.is_default:
            status.append(_("filter: {what}").format(what=_describe(wanted)) + "  ",
                          style="yellow")  # fmt: skip
        if wanted.sort != "ordinal":
            status.append(_("sort: {order}").format(order=_(SORT_WORDS[wanted.sort])) + "  ",
                          style="yellow")  # fmt: skip
        if self.current is not None and self.current.kind == "project":
            # The whole name: the tree cuts it to its width.
            detail = self.query_one(ProjectView).detail
            if detail is not None and detail.id == self.current.id:
                status.append(visible(f"{detail.ordinal}. {detail.name}", one_line=True),
                              style="bold")  # fmt: skip
                status.append("  ")
        if self.document_id is not None:
            status.append_text(self._document_status(self.document_id))
        self.query_one("#status", Static).update(status)

    def _document_status(self, document_id: int) -> Text:
        cached = self._status_document
        if cached is not None and cached[0] == document_id:
            return cached[1]
        text = Text()
        doc = document(self.store.reader, document_id)
        if doc is not None:
            stage = stage_word(doc.stage)
            text.append(visible(f"{doc.department} {doc.year} {stage} r{doc.revision} "))
            for state, count in review_progress(self.store.reader, doc.id).items():
                text.append(f" {STATE_MARKS.get(state, '·')}{count}",
                            style=STATE_STYLES.get(state, "dim"))  # fmt: skip
        self._status_document = (document_id, text)
        return text

    def findings(self, document_id: int) -> list[Finding]:
        if document_id not in self._findings:
            self._keep_findings(document_id, self._run_checks(document_id))
        return self._findings[document_id]

    def _keep_findings(self, document_id: int, found: list[Finding]) -> None:
        from jixiao.store import by_ordinal  # loaded with the checks, which found them

        self._findings[document_id] = found
        self._by_project[document_id] = by_ordinal(found)

    def _run_checks(self, document_id: int) -> list[Finding]:
        # The checks (and rapidfuzz, which the year-over-year ones use) load here, usually
        # on the worker's thread: the first screen does not wait for them.
        from jixiao.store import document_findings

        return document_findings(self.store.reader, document_id)

    def finding_counts(self, document_id: int) -> dict[int, int]:
        """Open findings (not dismissed) by project number. The first time a document is
        opened its checks run in a thread, so that they do not delay the first screen; the
        tree shows the counts when they are ready."""
        if document_id not in self._findings:
            if document_id not in self._checking:
                self._checking.add(document_id)
                # after the frame being drawn: the first screen does not share the CPU
                self.call_after_refresh(self._check_in_background, document_id)
            return {}
        dismissed = dismissals(self.store.reader, document_id)
        counts = {n: sum(f.key not in dismissed for f in found)
                  for n, found in self._by_project[document_id].items()}  # fmt: skip
        return {n: count for n, count in counts.items() if count}

    @work(thread=True)
    def _check_in_background(self, document_id: int) -> None:
        found = self._run_checks(document_id)
        self.app.call_from_thread(self._checked, document_id, found)

    def _checked(self, document_id: int, found: list[Finding]) -> None:
        if document_id not in self._findings:
            self._keep_findings(document_id, found)
        self._checking.discard(document_id)
        self.project_tree.relabel_document(document_id)
        self.refresh_detail()

    def action_findings(self) -> None:
        if self.document_id is None:
            self.notify(_("open a document first"), severity="warning")
            return
        document_id = self.document_id

        def go(ordinal: int | None) -> None:
            self.project_tree.reload_documents()  # dismissals change the counts
            if ordinal is None:
                self.refresh_detail()
                return
            target = next((p for p in projects_of(self.store.reader, document_id)
                           if p.ordinal == ordinal), None)  # fmt: skip
            self._select(Ref("project", target.id, document_id) if target
                         else Ref("document", document_id, document_id))  # fmt: skip

        from jixiao.tui.screens.findings import FindingsScreen

        screen = FindingsScreen(self.store, document_id, self.findings(document_id), self.reviewer)
        self.app.push_screen(screen, go)

    def _source(self, document_id: int) -> list[str]:
        if document_id not in self.sources:
            self.sources[document_id] = source_text(self.store.reader, document_id)
        return self.sources[document_id]

    def _project(self) -> ProjectDetail | None:
        view = self.query_one(ProjectView)
        if self.current is None or self.current.kind != "project" or view.detail is None:
            self.notify(_("choose a project first"), severity="warning")
            return None
        return view.detail

    # -- review -------------------------------------------------------------------------

    def action_mark(self, state: str) -> None:
        project = self._project()
        if project is None:
            return
        indicator = self.query_one(ProjectView).selected_indicator()
        self._write(lambda: set_mark(self.store.engine, project.id, indicator,
                                     reviewer=self.reviewer, state=state))  # fmt: skip

    def action_grade(self, grade: str | None) -> None:
        """The project's grade, whichever of its indicators the table's cursor is on."""
        project = self._project()
        if project is not None:
            self._write(lambda: set_mark(self.store.engine, project.id, reviewer=self.reviewer,
                                         grade=grade))  # fmt: skip

    def action_conclusion(self) -> None:
        document_id = self.document_id
        header = document(self.store.reader, document_id) if document_id is not None else None
        if document_id is None or header is None:
            self.notify(_("open a document first"), severity="warning")
            return

        def save(chosen: tuple[str | None, str] | None) -> None:
            if chosen is not None:
                grade, note = chosen
                self._write(lambda: set_conclusion(self.store.engine, document_id,
                                                   reviewer=self.reviewer, grade=grade,
                                                   note=note))  # fmt: skip

        from jixiao.tui.screens.conclusion import ConclusionScreen

        about = f"{header.department} {header.year} r{header.revision}"
        self.app.push_screen(ConclusionScreen(about, conclusion_of(self.store.reader, document_id)),
                             save)  # fmt: skip

    def action_clear_mark(self) -> None:
        project = self._project()
        if project is not None:
            indicator = self.query_one(ProjectView).selected_indicator()
            self._write(lambda: clear_mark(self.store.engine, project.id, indicator))

    def action_edit_note(self) -> None:
        project = self._project()
        if project is None:
            return
        indicator = self.query_one(ProjectView).selected_indicator()
        if indicator is None:
            about, mark = f"{project.ordinal}. {project.name}", project.mark
        else:
            row = next(i for i in project.indicators if i.id == indicator)
            about = f"{project.ordinal}. {project.name} · {row.level3} {row.value}"
            mark = project.indicator_marks.get(indicator)

        def save(note: str | None) -> None:
            if note is not None:
                self._write(lambda: set_mark(self.store.engine, project.id, indicator,
                                             reviewer=self.reviewer, note=note))  # fmt: skip

        from jixiao.tui.screens.note import NoteScreen

        self.app.push_screen(NoteScreen(about, mark.note if mark else ""), save)

    def _write(self, work: Callable[[], object]) -> None:
        """A mark or note, written on the app's store writer (it waits there if another
        jixiao holds the store); the screen shows it once written."""
        writer_of(self.app).write(work, lambda _: self._after_mark(), owner=self)

    def _after_mark(self) -> None:
        table = self.query_one(IndicatorTable)
        focus_table = table.has_focus
        # Project ids survive the rebuild: the detail stays on this project (if the filter
        # now hides it, the tree's highlight moves the detail to the next one).
        self._status_document = None  # the progress changed
        self.project_tree.reload_documents()
        self.refresh_detail()
        if focus_table:
            table.focus()

    # -- finding ------------------------------------------------------------------------

    def action_search(self) -> None:
        from jixiao.tui.screens.search import SearchScreen

        query = self.search_result.query if self.search_result else ""
        self.app.push_screen(
            SearchScreen(self.store.reader, self.document_id, query), self._searched
        )

    def _searched(self, result: SearchResult | None) -> None:
        if result is not None and result.hits:
            self.search_result = result
            self._go_to(result.hits[result.index])

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        result = self.search_result
        if result is None or not result.hits:
            self.notify(_("no search yet: press / to search"), severity="warning")
            return
        index = (result.index + step) % len(result.hits)
        self.search_result = dataclasses.replace(result, index=index)
        self._go_to(result.hits[index])

    def _go_to(self, hit: Hit) -> None:
        self._open(hit.document_id, hit.project_id, hit.indicator_id)

    def _open(
        self, document_id: int, project_id: int | None, indicator_id: int | None = None
    ) -> None:
        """Show a document's project (or the document itself), with the cursor on the
        indicator when one is given."""
        tree = self.project_tree
        target = document(self.store.reader, document_id)
        if target is None:
            return
        tree.open_document(target.department_id, target.id)
        ref = (
            Ref("project", project_id, document_id)
            if project_id is not None
            else Ref("document", document_id, document_id)
        )
        self._select(ref)
        if indicator_id is not None:
            view = self.query_one(ProjectView)
            rows = [i.id for i in view.detail.indicators] if view.detail else []
            if indicator_id in rows:
                view.query_one(IndicatorTable).move_cursor(row=rows.index(indicator_id))

    def action_across(self) -> None:
        def opened(chosen: Chosen | None) -> None:
            if chosen is not None:
                self._open(chosen.document_id, chosen.project_id, chosen.indicator_id)

        from jixiao.tui.screens.across import AcrossScreen

        self.app.push_screen(AcrossScreen(self.store.reader), opened)

    def _select(self, ref: Ref) -> None:
        """Put the cursor on `ref` and show it; if the filter hides it, clear the filter
        rather than fail to show what was asked for."""
        tree = self.project_tree
        if not tree.select_ref(ref):
            tree.project_filter = ProjectFilter(sort=tree.project_filter.sort)
            tree.reload_documents()
            tree.select_ref(ref)
            self.notify(_("the filter hid that project; it is cleared"))
        self.current = ref
        self.refresh_detail()

    # -- filter and sort ------------------------------------------------------------------

    def action_filter(self) -> None:
        if self.document_id is None:
            self.notify(_("open a document first"), severity="warning")
            return

        def apply(wanted: ProjectFilter | None) -> None:
            if wanted is not None:
                self.project_tree.project_filter = wanted
                self.project_tree.reload_documents()
                self.refresh_status()

        from jixiao.tui.screens.filter import FilterScreen

        units = units_of(self.store.reader, self.document_id)
        self.app.push_screen(FilterScreen(self.project_tree.project_filter, units), apply)

    def action_cycle_sort(self) -> None:
        wanted = self.project_tree.project_filter
        sort = SORTS[(SORTS.index(wanted.sort) + 1) % len(SORTS)]
        self.project_tree.project_filter = dataclasses.replace(wanted, sort=sort)
        self.project_tree.reload_documents()
        self.refresh_status()
        self.notify(_("sorted by {order}").format(order=_(SORT_WORDS[sort])))

    # -- views --------------------------------------------------------------------------

    def action_toggle_source(self) -> None:
        self.show_source = not self.show_source
        self.refresh_detail()
        if self.show_source and self._shown_project is not None:
            # Below the indicator table: brought into view, PgUp goes back to the top.
            view = self.query_one(ProjectView)
            source = view.query_one("#source")
            self.call_after_refresh(view.scroll_to_widget, source, animate=False, top=True)

    def action_detail_page(self, direction: str) -> None:
        """PgDn / Space and PgUp: the right-hand pane, whatever has the focus."""
        pane = self.query_one(OverviewView if self._shown_project is None else ProjectView)
        # A page less two lines: the last lines read stay in sight, as in a pager.
        step = max(1, pane.scrollable_content_region.height - 2)
        pane.scroll_relative(y=step if direction == "down" else -step, animate=False)

    def action_open_indicator(self) -> None:
        """Enter on an indicator row: the whole row, its mark and its note."""
        view = self.query_one(ProjectView)
        project = view.detail
        table = view.query_one(IndicatorTable)
        if project is None or not project.indicators:
            return
        row = project.indicators[table.cursor_row]
        mark = project.indicator_marks.get(row.id)
        from jixiao.tui.screens.indicator import IndicatorScreen

        self.app.push_screen(IndicatorScreen(project, row, mark))

    def action_toggle_zoom(self) -> None:
        tree = self.project_tree
        tree.toggle_class("zoomed")
        if tree.has_class("zoomed") and tree.has_focus:
            # The hidden tree cannot keep the focus; the table takes it, and the view stays
            # at its top rather than jumping down to the table.
            self.query_one(IndicatorTable).focus(scroll_visible=False)
        elif not tree.has_class("zoomed"):
            tree.focus()

    def action_overview(self) -> None:
        if self.document_id is not None:
            self.project_tree.select_ref(Ref("document", self.document_id, self.document_id))

    def action_compare(self) -> None:
        if self.document_id is None:
            self.notify(_("open a document first"), severity="warning")
            return
        current = self.document_id

        def picked(other: int | None) -> None:
            if other is not None:
                older, newer = sorted((current, other), key=lambda d: _age(self.store.reader, d))
                from jixiao.tui.screens.compare import CompareScreen

                self.app.push_screen(CompareScreen(self.store, older, newer, self.reviewer))

        from jixiao.tui.screens.pick_document import PickDocumentScreen

        self.app.push_screen(PickDocumentScreen(self.store.reader, current), picked)

    def action_copy(self) -> None:
        view = self.query_one(ProjectView)
        project = self._project()
        if project is None:
            return
        indicator = view.selected_indicator()
        if indicator is not None:
            row = next(i for i in project.indicators if i.id == indicator)
            text = "\t".join((row.level1, row.level2, row.level3, row.description, row.value,
                              row.basis))  # fmt: skip
        else:
            text = project_summary(project)
        self.app.copy_to_clipboard(text)
        self.notify(_("copied to the clipboard"))


def project_summary(project: ProjectDetail) -> str:
    unit = project.money_unit
    plan = " ".join(f"{m}月底 {'—' if v is None else f'{v}%'}" for m, v in project.plan.items())
    lines = [
        f"{project.ordinal}. {project.name} ({project.code})",
        f"预算数 {money(project.budget_fen, unit)} {unit}",
        f"预算单位 {project.unit_code} {project.unit_name}",
        f"资金支出计划 {plan}",
        *(f"{n}. {goal}" for n, goal in enumerate(project.goals, start=1)),
        *(f"{i.level2}\t{i.level3}\t{i.value}" for i in project.indicators),
    ]
    if project.mark is not None:
        state = _(STATE_WORDS[project.mark.state]) if project.mark.state else ""
        lines.append(f"审核 {state} {project.mark.note}".strip())
    return "\n".join(lines)


def _age(source: StoreSource, document_id: int) -> tuple[int, int, int]:
    """Older first: by year, a draft before its final version, then by revision."""
    doc = document(source, document_id)
    assert doc is not None
    return (doc.year, 0 if doc.stage == "draft" else 1, doc.revision)


def _describe(wanted: ProjectFilter) -> str:
    parts = []
    if wanted.state != "all":
        parts.append(_(STATE_WORDS[wanted.state]))
    if wanted.unit_id is not None:
        parts.append(_("one unit"))
    if wanted.min_budget_fen is not None:
        parts.append(f"≥{money(wanted.min_budget_fen, '万元')}万")
    if wanted.max_budget_fen is not None:
        parts.append(f"≤{money(wanted.max_budget_fen, '万元')}万")
    if wanted.only_with_findings:
        parts.append(_("with findings"))
    return _(", ").join(parts)
