"""Store-wide views: every project or indicator across documents, filtered, sorted by budget
or by the change from the year before, read a page at a time."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from jixiao.importers import Overrides
from jixiao.store.across import (
    INDICATOR_SORTS,
    PROJECT_SORTS,
    Cursor,
    StoreFilter,
    count_indicators,
    count_projects,
    indicator_page,
    project_page,
)
from jixiao.store.bulk_import import import_files
from jixiao.store.db import open_store
from jixiao.store.name_keys import mask_code, normalize_name
from jixiao.store.save import save_document
from jixiao.store.version import SCHEMA_VERSION
from jixiao.tui.cli import main
from jixiao.tui.cli.commands import indicators_command, paged, projects_command
from tests.conftest import parse_text, sample_with


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, departments=3, years=3, first_year=2022)
    return folder


@pytest.fixture(scope="module")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "store.db"
    import_files(open_store(path), sorted(corpus.rglob("*.txt")), overrides=Overrides(), jobs=1)
    return path


def every_page(read, engine, where, sort, size):
    rows, after = [], None
    while True:
        page = read(engine, where, sort, after, size)
        rows.extend(page.rows)
        if page.next is None:
            return rows
        after = page.next


def expected_changes(path: Path) -> dict[int, int | None]:
    """Each project's change, worked out here from the rule in docs/cli.md: same department,
    the year before, same stage; the masked code where it is unique on both sides, else the
    normalised name likewise among the projects still unpaired."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT p.id, d.department_id, d.year, p.code, p.name, p.budget_fen "
            "FROM project AS p JOIN document AS d ON d.id = p.document_id"
        ).fetchall()
    by_document: dict[tuple[int, int], list] = {}
    for row in rows:
        by_document.setdefault((row[1], row[2]), []).append(row)
    changes: dict[int, int | None] = {}
    for (department, year), projects in by_document.items():
        before = by_document.get((department, year - 1), [])
        taken: set[int] = set()
        pairs: dict[int, int] = {}
        for key in (lambda r: mask_code(r[3]), lambda r: normalize_name(r[4])):
            unpaired = [p for p in projects if p[0] not in pairs]
            for project in unpaired:
                mine = [p for p in unpaired if key(p) == key(project)]
                theirs = [p for p in before if key(p) == key(project) and p[0] not in taken]
                if len(mine) == 1 and len(theirs) == 1:
                    pairs[project[0]] = theirs[0][0]
                    taken.add(theirs[0][0])
        budgets = {p[0]: p[5] for p in before}
        for project in projects:
            previous = pairs.get(project[0])
            changes[project[0]] = None if previous is None else project[5] - budgets[previous]
    return changes


class TestPaging:
    @pytest.mark.parametrize("sort", PROJECT_SORTS)
    def test_pages_cover_every_project_once_in_order(self, store, sort):
        engine = open_store(store)
        everything = project_page(engine, StoreFilter(), sort, None, 100_000).rows
        paged = every_page(project_page, engine, StoreFilter(), sort, 7)
        assert [r["id"] for r in paged] == [r["id"] for r in everything]
        assert len({r["id"] for r in paged}) == len(paged)
        key = {"budget": "budget_fen", "change": "change_fen"}.get(sort.removesuffix("-asc"))
        if key:
            values = [r[key] for r in paged]
            assert values == sorted(values, reverse=not sort.endswith("-asc"))
            assert None not in values
        if "change" not in sort:
            assert len(paged) == count_projects(engine, StoreFilter())

    @pytest.mark.parametrize("sort", INDICATOR_SORTS)
    def test_indicator_pages_too(self, store, sort):
        engine = open_store(store)
        where = StoreFilter(level="成本")
        paged = every_page(indicator_page, engine, where, sort, 11)
        assert len(paged) == count_indicators(engine, where) > 11
        assert all("成本" in r["level2"] or "成本" in r["level1"] for r in paged)
        everything = indicator_page(engine, where, sort, None, 100_000).rows
        assert [r["id"] for r in paged] == [r["id"] for r in everything]
        if sort != "document":  # projects by budget; a project's indicators together, in order
            keys = [(r["budget_fen"], r["project_id"], r["id"]) for r in paged]
            descending = not sort.endswith("-asc")
            assert keys == sorted(
                keys, key=lambda k: ((-k[0], -k[1]) if descending else (k[0], k[1]), k[2])
            )

    def test_the_commands_offer_the_sorts_the_store_knows(self):
        # the commands name them without importing the store (fast --help)
        assert projects_command.SORTS == PROJECT_SORTS
        assert indicators_command.SORTS == INDICATOR_SORTS


class TestChange:
    def test_every_change_follows_the_rule(self, store):
        engine = open_store(store)
        rows = project_page(engine, StoreFilter(), "document", None, 100_000).rows
        expected = expected_changes(store)
        assert {r["id"]: r["change_fen"] for r in rows} == expected
        firsts = [r for r in rows if r["year"] == 2022]
        assert firsts and all(r["change_fen"] is None for r in firsts)
        later = [r for r in rows if r["year"] > 2022]
        assert sum(r["change_fen"] is not None for r in later) > len(later) * 0.8

    def test_the_order_of_import_does_not_matter(self, corpus, store, tmp_path):
        reverse = tmp_path / "reverse.db"
        files = sorted(corpus.rglob("*.txt"), reverse=True)  # 2024 first, 2022 last
        import_files(open_store(reverse), files, overrides=Overrides(), jobs=1)

        def changes(path):
            with sqlite3.connect(path) as connection:
                return sorted(
                    connection.execute(
                        "SELECT dep.name, d.year, p.code, p.name, p.change_fen FROM project p "
                        "JOIN document d ON d.id = p.document_id "
                        "JOIN department dep ON dep.id = d.department_id"
                    ).fetchall()
                )

        assert changes(reverse) == changes(store)

    def test_a_new_revision_of_the_year_before_moves_the_change(self, engine, sample):
        draft_2023 = sample_with(("2024 年部门预算绩效文本", "2023 年部门预算绩效文本"))
        save_document(engine, *parse_text(draft_2023))
        save_document(engine, *sample)
        where = StoreFilter(year=2024, text="党刊征订费")
        (row,) = [r for r in project_page(engine, where).rows if r["ordinal"] == 1]
        assert row["change_fen"] == 0
        cheaper = draft_2023.replace(
            "16.80\t其中：财政 资金\t16.80", "10.00\t其中：财政 资金\t10.00"
        )
        save_document(engine, *parse_text(cheaper, "2023-revised.txt"))  # revision 2 of 2023
        (row,) = [r for r in project_page(engine, where).rows if r["ordinal"] == 1]
        assert row["change_fen"] == 6_80_0000 and row["previous_budget_fen"] == 10_00_0000


class TestFilters:
    def test_department_year_unit_and_text(self, store):
        engine = open_store(store)
        every = project_page(engine, StoreFilter(), "document", None, 100_000).rows
        for where, keep in (
            (StoreFilter(department="平乡"), lambda r: "平乡" in r["department"]),
            (StoreFilter(year=2023), lambda r: r["year"] == 2023),
            (StoreFilter(unit="203003"), lambda r: r["unit_code"] == "203003"),
            (StoreFilter(text="茶话会"), lambda r: "茶话会" in r["name"]),
        ):
            found = project_page(engine, where, "budget", None, 100_000).rows
            assert sorted(r["id"] for r in found) == sorted(r["id"] for r in every if keep(r))
            assert found and count_projects(engine, where) == len(found)

    def test_text_also_finds_a_project_by_its_indicators(self, store):
        engine = open_store(store)
        found = project_page(engine, StoreFilter(text="订购份数"), "document", None, 1000).rows
        assert found and all("党刊" in r["name"] for r in found)

    def test_only_the_newest_revision_unless_asked(self, engine, sample):
        save_document(engine, *sample)
        save_document(engine, *parse_text(sample_with(("支付党刊征订费用。", "支付党刊费用。"))))
        assert count_projects(engine, StoreFilter()) == 35
        assert count_projects(engine, StoreFilter(all_revisions=True)) == 70
        ids = {r["document_id"] for r in project_page(engine, StoreFilter(), limit=100).rows}
        assert ids == {2}


class TestCommands:
    def test_projects_page_by_page_with_the_printed_cursor(self, store, capsys):
        db = str(store)
        assert (
            main(["--db", db, "projects", "--sort", "change", "--limit", "5", "--format", "json"])
            == 0
        )
        out, err = capsys.readouterr()
        first = json.loads(out)
        assert len(first) == 5 and "the next page: --after " in err
        cursor = err.rsplit("--after ", 1)[1].split()[0]
        assert (
            main(
                [
                    "--db",
                    db,
                    "projects",
                    "--sort",
                    "change",
                    "--limit",
                    "5",
                    "--after",
                    cursor,
                    "--format",
                    "json",
                ]
            )
            == 0
        )
        second = json.loads(capsys.readouterr().out)
        engine = open_store(store)
        ten = project_page(engine, StoreFilter(), "change", None, 10).rows
        assert [r["project_id"] for r in first + second] == [r["id"] for r in ten]
        assert first[0]["change"].startswith("+") and first[0]["change_percent"]

    def test_all_rows_stream_as_csv_and_json(self, store, capsys, monkeypatch):
        monkeypatch.setattr(paged, "_BATCH", 40)  # several batches, joined into one output
        db = str(store)
        total = count_projects(open_store(store), StoreFilter())
        assert main(["--db", db, "projects", "--limit", "0", "--format", "json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == total > 40 * 3
        assert (
            main(["--db", db, "indicators", "--level", "满意度", "--limit", "0", "--format", "csv"])
            == 0
        )
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith("document_id,") and len(lines) - 1 == count_indicators(
            open_store(store), StoreFilter(level="满意度")
        )

    def test_a_bad_cursor_is_a_usage_error(self, store, capsys):
        assert main(["--db", str(store), "projects", "--after", "x:y"]) == 2
        assert "not a cursor" in capsys.readouterr().err

    def test_search_and_stats(self, store, capsys):
        db = str(store)
        assert main(["--db", db, "search", "茶话", "--format", "json", "--limit", "500"]) == 0
        hits = json.loads(capsys.readouterr().out)
        assert hits and all("茶话" in hit["text"] for hit in hits)
        assert main(["--db", db, "stats", "--format", "json"]) == 0
        stats = json.loads(capsys.readouterr().out)
        assert stats["counts"]["documents"] == 9 and stats["schema_version"] == SCHEMA_VERSION
        assert stats["counts"]["projects"] == count_projects(
            open_store(store), StoreFilter(all_revisions=True)
        )
        assert main(["--db", db, "stats"]) == 0
        assert "documents" in capsys.readouterr().out


def test_cursor_round_trip():
    from jixiao.tui.cli.commands.common import cursor_text, parse_cursor

    for cursor in (Cursor(None, 5), Cursor(-120, 7), Cursor(3_346_260_000, 29930)):
        assert parse_cursor(cursor_text(cursor)) == cursor
