"""Reading Graphviz's layout: boxes with y down, lines to the arrow tips, crossings, moves."""

from __future__ import annotations

import json
import math
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.render.geometry import (
    Box,
    boxes,
    crossings,
    edge_length,
    lines,
    moved,
    segments_cross,
    size,
)


def _layout(
    nodes: dict[str, tuple[float, float]],
    edges: list[tuple[str, str, str]],
    bb: str = "0,0,100,100",
    height: str = "0.5",
) -> dict[str, Any]:
    """A tiny `-Tjson` layout: statements 1 inch wide at Graphviz's (y up) positions, and
    edges (tail, head, pos) drawn solid."""
    objects = [
        {
            "_gvid": number,
            "name": name,
            "id": f"statement-{name}",
            "pos": f"{x},{y}",
            "width": "1",
            "height": height,
        }
        for number, (name, (x, y)) in enumerate(nodes.items())
    ]
    number = {name: n for n, name in enumerate(nodes)}
    return {
        "bb": bb,
        "objects": objects,
        "edges": [
            {"tail": number[tail], "head": number[head], "pos": pos, "style": "solid"}
            for tail, head, pos in edges
        ],
    }


CORNERS = {"a": (0, 0), "b": (10, 10), "c": (0, 10), "d": (10, 0)}


def test_boxes_measure_y_down_from_the_top_left_corner():
    layout = _layout({"P0": (30, 80)}, [], bb="10,5,210,105")
    assert boxes(layout) == {"P0": Box(x=20, y=25, width=72, height=36)}


def test_only_statements_have_boxes():
    layout = _layout({"P0": (30, 80)}, [])
    layout["objects"].append({"_gvid": 1, "name": "legend_fact", "pos": "1,1"})
    layout["objects"].append({"_gvid": 2, "name": "cluster_p", "id": "party-p", "bb": "0,0,9,9"})
    assert list(boxes(layout)) == ["P0"]


def test_size_is_the_bounding_box():
    assert size(_layout({}, [], bb="10,5,210,105")) == (200, 100)


def test_lines_run_from_tip_to_tip_with_y_down():
    layout = _layout(CORNERS, [("a", "b", "e,10,10 s,0,0 1,1 2,2 3,3 9,9")])
    (line,) = lines(layout)
    assert (line.tail, line.head) == ("a", "b")
    assert line.points == ((0, 100), (1, 99), (2, 98), (3, 97), (9, 91), (10, 90))


def test_invisible_edges_are_not_lines():
    layout = _layout(CORNERS, [("a", "b", "0,0 1,1 2,2 3,3"), ("c", "d", "0,10 1,9 2,8 3,7")])
    layout["edges"][0]["style"] = "invis"
    assert [(line.tail, line.head) for line in lines(layout)] == [("c", "d")]


def test_an_x_is_one_crossing():
    layout = _layout(CORNERS, [("a", "b", "0,0 3,3 7,7 10,10"), ("c", "d", "0,10 3,7 7,3 10,0")])
    assert crossings(layout) == 1


def test_a_pair_that_crosses_often_counts_once():
    zigzag = "0,0 4,10 6,0 10,10"  # crosses the line y = 5 three times
    layout = _layout(CORNERS, [("a", "b", zigzag), ("c", "d", "e,10,5 0,5 3,5 6,5 9,5")])
    assert crossings(layout) == 1


def test_edges_that_share_a_node_never_cross():
    layout = _layout(CORNERS, [("a", "b", "0,0 3,3 7,7 10,10"), ("a", "d", "0,10 3,7 7,3 10,0")])
    assert crossings(layout) == 0


def test_lines_apart_do_not_cross():
    layout = _layout(CORNERS, [("a", "b", "0,0 3,0 7,0 10,0"), ("c", "d", "0,1 3,1 7,1 10,1")])
    assert crossings(layout) == 0


def test_an_arrow_tip_that_touches_a_line_crosses_it():
    layout = _layout(CORNERS, [("a", "b", "0,0 3,0 7,0 10,0"), ("c", "d", "e,5,0 5,9 5,7 5,5 5,2")])
    assert crossings(layout) == 1


# Small whole numbers make many lines touch, overlap and run in one line: the hard cases.
_POINT = st.tuples(st.integers(0, 6), st.integers(0, 6))
_EDGES = st.lists(
    st.tuples(
        st.sampled_from("abcd"), st.sampled_from("abcd"), st.lists(_POINT, min_size=2, max_size=5)
    ),
    max_size=6,
)


@given(_EDGES)
def test_crossings_agree_with_every_pair_of_segments(edges):
    layout = _layout(CORNERS, [(t, h, " ".join(f"{x},{y}" for x, y in pos)) for t, h, pos in edges])
    drawn = lines(layout)
    expected = sum(
        1
        for i, first in enumerate(drawn)
        for second in drawn[i + 1 :]
        if not {first.tail, first.head} & {second.tail, second.head}
        and any(
            segments_cross(p, q, r, s)
            for p, q in pairwise(first.points)
            for r, s in pairwise(second.points)
        )
    )
    assert crossings(layout) == expected


def test_edge_length_adds_up_the_polylines():
    layout = _layout(CORNERS, [("a", "b", "0,0 3,4 3,4 6,8"), ("c", "d", "e,1,0 0,0 0,0 0,0 0,0")])
    assert edge_length(layout) == pytest.approx(11)


def test_moved_counts_boxes_that_moved_further_than_their_height():
    before = _layout({"a": (0, 100), "b": (50, 100), "c": (90, 100), "gone": (0, 0)}, [])
    after = _layout({"a": (0, 100), "b": (50, 70), "c": (90, 140), "new": (9, 9)}, [])
    # 36 pt high boxes: a stays, b moves 30 pt, c moves 40 pt
    assert moved(before, after) == pytest.approx(1 / 3)
    assert moved(before, after, ids=["c"]) == 1
    assert moved(before, after, ids=["gone", "new"]) == 0


def test_moved_measures_from_the_top_left_corner():
    before = _layout({"a": (0, 100), "b": (50, 50)}, [], bb="0,0,100,100")
    grown_below = _layout({"a": (0, 200), "b": (50, 150)}, [], bb="0,0,100,200")
    assert moved(before, grown_below) == 0


@pytest.mark.graphviz
def test_a_real_layout():
    themap = argmap.example("parler-v-aws")
    layout = json.loads(themap.render("json", engine="system"))
    width, height = size(layout)
    found = boxes(layout)
    assert set(found) == set(themap.statements.keys())
    assert all(0 < box.x < width and 0 < box.y < height for box in found.values())
    assert found["P1"].y > found["P0"].y  # drawn bottom to top: a reason below its claim
    drawn = lines(layout)
    mutual = {(r.origin, r.target) for r in themap.relations if r.kind == "attack"}
    mutual &= {(target, origin) for origin, target in mutual}  # one line for each such pair
    assert len(drawn) == len(themap.relations) - len(mutual) // 2
    # Both ends of every line reach their boxes, arrows included. Lines routed in the second
    # pass end at a ruling's inner border: its double border is 4 pt wide.
    for line in drawn:
        for name, (x, y) in ((line.tail, line.points[0]), (line.head, line.points[-1])):
            box = found[name]
            assert math.isclose(abs(x - box.x), box.width / 2, abs_tol=4.5) or math.isclose(
                abs(y - box.y), box.height / 2, abs_tol=4.5
            )
    assert 0 < crossings(layout) < len(drawn) ** 2
    assert edge_length(layout) > width
    assert moved(layout, layout) == 0
