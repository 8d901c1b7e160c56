"""A page's ruled tables (importers/pdf_tables.py) are the ones pdfplumber's TableFinder
finds, cell for cell, though found faster."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import pairwise

import pytest
from pdfplumber.table import TableFinder, edges_to_intersections
from pdfplumber.table import intersections_to_cells as plumbers_cells

from jixiao.importers.pdf_tables import find_tables, intersections_to_cells
from tests.test_pdf_page import LIBREOFFICE, pages_of


@dataclass
class Ruled:
    """A page of ruling lines alone, as pdf_page gives them."""

    edges: list[dict] = field(default_factory=list)
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 595.0, 842.0)

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.edges.append(
            {
                "object_type": "line",
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": x1 - x0,
                "height": bottom - top,
                "orientation": "h" if top == bottom else "v",
            }
        )


def random_grid(seed: int) -> Ruled:
    """A grid with merged cells (rules left out), rules a little off their line, a second
    table below, and stray short rules."""
    rng = random.Random(seed)
    page = Ruled()
    for top in (72.0, 500.0):
        xs = sorted(rng.sample(range(60, 540, 7), rng.randint(3, 8)))
        ys = sorted(rng.sample(range(int(top), int(top) + 380, 9), rng.randint(3, 9)))
        for x in xs:
            for y0, y1 in pairwise(ys):
                if x in (xs[0], xs[-1]) or rng.random() > 0.2:
                    off = x + rng.uniform(-0.4, 0.4)
                    page.rule(off, y0, off, y1)
        for y in ys:
            for x0, x1 in pairwise(xs):
                if y in (ys[0], ys[-1]) or rng.random() > 0.2:
                    page.rule(x0, y, x1, y + rng.choice((0.0, 0.3)))
    for _ in range(3):
        x, y = rng.uniform(60, 500), rng.uniform(60, 800)
        page.rule(x, y, x + rng.uniform(1, 40), y)
    return page


class TestTables:
    @pytest.mark.parametrize("seed", range(40))
    def test_the_cells_are_pdfplumbers(self, seed):
        page = random_grid(seed)
        finder = TableFinder(page)
        assert intersections_to_cells(finder.intersections) == plumbers_cells(finder.intersections)
        assert [t.cells for t in find_tables(page)] == [t.cells for t in finder.tables]

    def test_the_tables_of_a_libreoffice_rendering_are_pdfplumbers(self):
        for page in pages_of(LIBREOFFICE):
            assert [t.cells for t in find_tables(page)] == [
                t.cells for t in TableFinder(page).tables
            ]

    def test_a_merged_cell_is_one_cell(self):
        """Two columns, the second row's middle rule left out: one wide cell below."""
        page = Ruled()
        for y in (100, 120, 140):
            page.rule(100, y, 300, y)
        page.rule(100, 100, 100, 140)
        page.rule(300, 100, 300, 140)
        page.rule(200, 100, 200, 120)
        cells = intersections_to_cells(edges_to_intersections(page.edges, 3, 3))
        assert sorted(cells) == [(100, 100, 200, 120), (100, 120, 300, 140), (200, 100, 300, 120)]
