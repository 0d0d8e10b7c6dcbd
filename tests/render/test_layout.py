"""The plan of a drawing: bands, rows and columns decided in Python before Graphviz runs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.render.geometry import boxes
from argmap.render.layout import Plan, columns, plan

from ..strategies import argument_maps

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from generate import generate


def _cells(the_plan: Plan) -> dict[str, tuple[int, int]]:
    return the_plan.cells()


def test_the_parler_map_in_two_bands_over_the_court(parler):
    the_plan = plan(parler)
    assert [band.party for band in the_plan.parties] == ["parler", "aws"]
    assert the_plan.court is not None and the_plan.court.party == "court"
    cells = the_plan.cells()
    # The positions head their bands, side by side; the ruling is at the court's foot.
    assert cells["P0"][0] == cells["A0"][0] == 0
    assert cells["P0"][1] < cells["A0"][1]
    assert cells["R"][0] == max(row for row, _ in cells.values())
    # The findings that decide the Winter factors sit in the row above the ruling.
    assert {cells[f][0] for f in ("F1", "F2", "F3", "F4")} <= {cells["R"][0] - 1, cells["R"][0] - 2}
    assert cells["F1"][0] == cells["R"][0] - 1
    # Four columns: two for each party, the court's band as wide as both.
    assert (the_plan.parties[0].columns, the_plan.parties[1].columns) == (2, 2)
    assert the_plan.court.columns == 4


def test_an_outcome_sits_beside_its_ruling(parler):
    cells = plan(parler, {"outcome-winter": "R"}).cells()
    assert cells["outcome-winter"][0] == cells["R"][0]
    assert abs(cells["outcome-winter"][1] - cells["R"][1]) == 1


@settings(max_examples=60, deadline=None)
@given(argument_maps(max_statements=12))
def test_every_statement_has_one_cell_below_its_claims(themap):
    the_plan = plan(themap)
    cells = the_plan.cells()
    assert set(cells) == set(themap.statements.keys())
    assert len(set(cells.values())) == len(cells)  # one box a cell
    court = {p.id for p in themap.parties if p.role == "court"}
    for relation in themap.relations:
        origin, target = (themap.statements[relation.origin], themap.statements[relation.target])
        if relation.kind not in ("support", "attack") or origin.party != target.party:
            continue
        if relation.origin == relation.target:
            continue
        below = cells[origin.id][0] > cells[target.id][0]
        above = cells[origin.id][0] < cells[target.id][0]
        # A reason sits below its claim; the court's band is turned over: a finding above
        # what it supports. A cycle of reasons is broken somewhere, so one may go the other way.
        assert (above if origin.party in court else below) or _in_cycle(themap, relation)
    for band in the_plan.bands:
        width = band.columns
        assert all(len(row) <= width for row in band.rows)


def _in_cycle(themap: argmap.ArgumentMap, relation: argmap.Relation) -> bool:
    """Whether the target reaches the origin again through arguing relations of one party."""
    party = themap.statements[relation.origin].party
    seen, todo = set(), [relation.target]
    while todo:
        current = todo.pop()
        if current == relation.origin:
            return True
        if current in seen:
            continue
        seen.add(current)
        todo += [
            r.target
            for r in themap.relations
            if r.origin == current
            and r.kind in ("support", "attack")
            and themap.statements[r.target].party == party
        ]
    return False


@pytest.mark.parametrize("size", [100, 150, 500, 2000])
def test_generated_maps_get_about_as_many_rows_as_columns(size):
    the_plan = plan(generate(size, seed=size))
    rows = len(the_plan.parties[0].rows) + (len(the_plan.court.rows) if the_plan.court else 0)
    width = sum(band.columns for band in the_plan.parties)
    assert width == columns(size)
    # A row is about 0.6 of a box's width high: a square drawing has ~1.7 rows a column.
    assert 0.8 <= rows / width <= 3.5, (rows, width)


@pytest.mark.parametrize("seed", range(6))
def test_a_statement_added_moves_no_other_to_another_row(seed):
    themap = generate(100, seed=seed)
    before = plan(themap).cells()
    grown = themap.copy()
    parties = [p.id for p in grown.parties if p.role != "court"]
    target = [s for s in grown.statements if s.party in parties][seed * 7 % 80]
    added = grown.add_statement(party=target.party, kind="reason", text="One more.")
    grown.add_relation(added.id, target.id, "support")
    after = plan(grown).cells()
    assert {s: cell[0] for s, cell in before.items()} == {
        s: cell[0] for s, cell in after.items() if s != added.id
    }
    # Above the new box's row nothing moves at all.
    row = after[added.id][0]
    assert {s: c for s, c in before.items() if c[0] < row} == {
        s: c for s, c in after.items() if c[0] < row and s != added.id
    }


@pytest.mark.graphviz
def test_the_parler_drawing_fits_a_notebook_cell(parler):
    """Issue 15: at most 1,000 pt wide (the SVG's width), with and without statuses and key."""
    for choices in ({}, {"evaluate": True, "legend": True}):
        svg = parler.render("svg", engine="system", **choices).decode()
        width = float(svg.split('<svg width="', 1)[1].split("pt", 1)[0])
        assert width <= 1000, (choices, width)
    found = boxes(json.loads(parler.render("json", engine="system")))
    # Each column's boxes are lined up: the grid holds in the drawing.
    assert found["P1"].x == pytest.approx(found["P1a"].x, abs=1)


def test_columns_grow_with_the_square_root():
    assert [columns(n) for n in (1, 22, 100, 2000)] == [3, 4, 9, 40]


@given(st.lists(st.integers(0, 50), min_size=1, max_size=6), st.integers(1, 40))
@example(sizes=[0], width=3)  # found by make test's derandomized profile: columns were lost
def test_columns_are_shared_out_whole(sizes, width):
    from argmap.render.layout import _shares

    shares = _shares(max(width, len(sizes)), sizes)
    assert sum(shares) == max(width, len(sizes)) and min(shares) >= 1
