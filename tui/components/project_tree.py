"""Department → document → unit → project, loaded from the store one level at a time as
the reviewer opens nodes: a store of thousands of documents costs only what is open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from jixiao.store import (
    DepartmentRow,
    ProjectFilter,
    ProjectRow,
    StoreSource,
    departments,
    documents_of,
    projects_of,
    units_of,
)
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.display import GRADE_STYLES, STATE_MARKS, STATE_STYLES, money, visible


@dataclass(frozen=True)
class Ref:
    """What a tree node stands for."""

    kind: str  # "department" | "document" | "unit" | "project"
    id: int
    document_id: int | None = None


class ProjectTree(Tree[Ref]):
    BINDINGS = bindings(actions.TREE)
    DEFAULT_CSS = """
    ProjectTree { width: 42%; min-width: 40; border-right: vkey $surface-lighten-2;
                  overflow-x: hidden; scrollbar-size-vertical: 1; }
    ProjectTree.zoomed { display: none; }
    """

    def __init__(
        self,
        source: StoreSource,
        on_move: Callable[[], None] | None = None,
        finding_counts: Callable[[int], dict[int, int]] | None = None,
    ) -> None:
        """`on_move` is called as soon as the cursor changes line, in the same tick, so
        that the detail is drawn in the same frame as the cursor (the NodeHighlighted
        message would arrive a frame later)."""
        super().__init__("store", id="tree")
        self.source = source
        self.on_move = on_move
        self.finding_counts = finding_counts
        """document id → {project number: findings}; shown on each project's line."""
        self.show_root = False
        self.guide_depth = 2
        self.project_filter = ProjectFilter()
        self._other_departments: tuple[list[DepartmentRow], list[DepartmentRow]] = ([], [])
        """The departments before and after the one shown first (load_departments)."""

    def get_label_width(self, node: TreeNode[Ref]) -> int:
        """The label's width without drawing it: Textual measures every line of the tree at
        each change to size its scroll area (a thousand departments cost ≈ 90 ms drawn),
        and this tree never scrolls sideways, so the plain text's width is enough."""
        return node.label.cell_len + (len(self.ICON_NODE) if node.allow_expand else 0)

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        super().watch_cursor_line(previous_line, line)
        if self.on_move is not None:
            self.on_move()

    # -- loading ------------------------------------------------------------------------

    def load_departments(self, first: int | None = None) -> None:
        """The departments' nodes; with `first`, only that department's now and the others
        by add_other_departments, once the first screen is drawn (a thousand nodes cost that
        screen ≈ 25 ms, and the reviewer looks at one department)."""
        self.root.remove_children()
        found = departments(self.source)  # by name
        place = next((i for i, d in enumerate(found) if d.id == first), None)
        if place is None:
            shown, self._other_departments = found, ([], [])
        else:
            shown = found[place : place + 1]
            self._other_departments = (found[:place], found[place + 1 :])
        for department in shown:
            self.root.add(_department_label(department), Ref("department", department.id))

    def add_other_departments(self) -> None:
        """The departments load_departments left out, in their places around the one shown;
        the view stays where it was."""
        (before, after), self._other_departments = self._other_departments, ([], [])
        if not (before or after) or not self.root.children:
            return
        shown = self.root.children[0]
        top = self.scroll_y - shown.line if shown.line >= 0 else 0
        for department in before:
            self.root.add(_department_label(department), Ref("department", department.id),
                          before=shown)  # fmt: skip
        for department in after:
            self.root.add(_department_label(department), Ref("department", department.id))
        _ = self.last_line  # lay the lines out again: the shown department's line moved
        self.scroll_to(y=shown.line + top, animate=False, immediate=True)

    def keep_in_view(self) -> None:
        """The cursor's department on the top line when the cursor fits below it, else the
        cursor on the bottom line: what the reviewer works on, with where it belongs."""
        node = self.cursor_node
        if node is None:
            return
        top = node
        while top.parent is not None and top.parent is not self.root:
            top = top.parent
        _ = self.last_line
        self.scroll_to(y=top.line, animate=False, immediate=True)
        if node.line >= top.line + self.scrollable_content_region.height:
            self.scroll_to_node(node, animate=False)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Ref]) -> None:
        self.fill(event.node)

    def fill(self, node: TreeNode[Ref]) -> None:
        """Load a node's children unless they are already there."""
        ref = node.data
        if ref is None or node.children or ref.kind in ("project", "unit"):
            return
        if ref.kind == "department":
            for doc in documents_of(self.source, ref.id):
                stage = "草案" if doc.stage == "draft" else "终稿"
                label = Text(f"{doc.year} · {stage} · r{doc.revision}")
                node.add(label, Ref("document", doc.id, doc.id))
        elif ref.kind == "document":
            self._fill_document(node, ref.id)

    def _fill_document(self, node: TreeNode[Ref], document_id: int) -> None:
        projects = projects_of(self.source, document_id, self.project_filter)
        counts = self.finding_counts(document_id) if self.finding_counts else {}
        if self.project_filter.only_with_findings:
            projects = [p for p in projects if counts.get(p.ordinal)]
        for unit in units_of(self.source, document_id):
            mine = [p for p in projects if p.unit_id == unit.id]
            if not mine and not self.project_filter.is_default:
                continue
            label = Text(visible(f"{unit.code} {unit.name}", one_line=True))
            label.append(f"  {len(mine)}", style="dim")
            unit_node = node.add(label, Ref("unit", unit.id, document_id), expand=True)
            for project in mine:
                label = project_label(project, counts.get(project.ordinal, 0))
                unit_node.add_leaf(label, Ref("project", project.id, document_id))

    def reload_documents(self) -> None:
        """After a filter, sort or mark change: rebuild the open documents' projects,
        keeping the cursor on the same node where it still exists."""
        current = self.cursor_node.data if self.cursor_node else None
        line = self.cursor_line
        for node in list(self._walk()):
            if node.data and node.data.kind == "document" and node.children:
                node.remove_children()
                self._fill_document(node, node.data.id)
        if current is None or not self.select_ref(current):
            # The project left the filtered list: the one that took its place is next.
            self.cursor_line = min(line, self.last_line)

    def relabel_document(self, document_id: int) -> None:
        """Its projects' lines drawn again in place (the check findings arrived): a rebuild
        would cost the screen ≈ 70 ms just as the reviewer starts reading. A filter on
        findings changes which projects are listed, so that one rebuilds."""
        if self.project_filter.only_with_findings:
            self.reload_documents()
            return
        rows = {p.id: p for p in projects_of(self.source, document_id, self.project_filter)}
        counts = self.finding_counts(document_id) if self.finding_counts else {}
        for node in self._walk():
            ref = node.data
            if ref is not None and ref.kind == "project" and ref.document_id == document_id:
                row = rows.get(ref.id)
                if row is not None:
                    node.set_label(project_label(row, counts.get(row.ordinal, 0)))

    # -- finding nodes --------------------------------------------------------------------

    def select_ref(self, ref: Ref) -> bool:
        """Move the cursor to the node of `ref`, opening its ancestors on the way."""
        node = self._find(ref)
        if node is None:
            return False
        parent = node.parent
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        # A node's line number is only known once the tree has laid out its lines again;
        # reading last_line does that, so the cursor lands on the node and not on -1.
        _ = self.last_line
        self.move_cursor(node)
        return True

    def open_document(self, department_id: int, document_id: int) -> None:
        """Open the path to a document and its units (for a search hit or at start)."""
        for department in self.root.children:
            if department.data == Ref("department", department_id):
                self.fill(department)
                department.expand()
                for doc in department.children:
                    if doc.data and doc.data.id == document_id:
                        self.fill(doc)
                        doc.expand()
                        return

    def _find(self, ref: Ref) -> TreeNode[Ref] | None:
        for node in self._walk():
            data = node.data
            if data is not None and data.kind == ref.kind and data.id == ref.id:
                return node
        return None

    def _walk(self):  # type: ignore[no-untyped-def]
        """Every loaded node, depth first."""
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    # -- vim-style movement ----------------------------------------------------------------

    def action_close_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_open_or_child(self) -> None:
        node = self.cursor_node
        if node is None or (node.data and node.data.kind == "project"):
            return
        if not node.is_expanded:
            self.fill(node)
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])


def _department_label(department: DepartmentRow) -> Text:
    label = Text(visible(department.name, one_line=True))
    label.append(f"  {department.documents}", style="dim")
    return label


def project_label(project: ProjectRow, findings: int = 0) -> Text:
    """The budget (the grade, and the number of check findings) before the name, "✓  5
    6029.30 良 ⚑2 村级组织运转经费", so that a narrow tree cuts the name, not the figures."""
    label = Text(STATE_MARKS[project.state], style=STATE_STYLES[project.state])
    label.append(f"{project.ordinal:>3} ")
    label.append(f"{money(project.budget_fen, project.money_unit):>8} ", style="cyan")
    if project.grade:
        label.append(f"{project.grade} ", style=GRADE_STYLES[project.grade])
    if findings:
        label.append(f"⚑{findings} ", style="yellow")
    label.append(visible(project.name, one_line=True))
    return label
