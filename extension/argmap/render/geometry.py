"""Reading Graphviz's layout (`-Tjson`): boxes, lines, size, crossings, edge length, and how far boxes moved.

Every function takes the dict that ``json.loads(m.render("json"))`` gives. Positions are in
points (1/72 inch), measured from the drawing's top-left corner with y growing downwards, as
on a page (Graphviz's JSON has y growing upwards from the bottom of ``bb``).

Precision: Graphviz 2.43 writes ``bb`` and every ``pos`` with five significant digits, so
beyond x = 10,000 pt (drawings of several hundred statements) coordinates step by 1 pt,
beyond 100,000 pt by 10 pt. The measures below are meant for comparing layouts, where that
does not matter; the arrows' tips are only in ``pos``, which is why lines are read from it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import Any

from .dot import node_id

__all__ = [
    "Box",
    "Line",
    "boxes",
    "crossings",
    "edge_length",
    "lines",
    "moved",
    "orientation",
    "segments_cross",
    "size",
]

Point = tuple[float, float]
#: A parsed `-Tjson` layout.
Layout = Mapping[str, Any]
#: Left, top, right, bottom (top < bottom: y grows downwards).
Bounds = tuple[float, float, float, float]

_POINTS_PER_INCH = 72.0
_STATEMENT = node_id("")
#: Shewchuk's bound on the rounding error of a 2D orientation in doubles is about
#: 3.3e-16 of the products' magnitude; three times that leaves room to spare.
_ROUNDING = 1e-15


@dataclass(frozen=True)
class Box:
    """A statement's box: its centre and size in points, y down from the top-left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Line:
    """A drawn edge: the DOT names of its tail and head nodes, and its polyline."""

    tail: str
    head: str
    points: tuple[Point, ...]


def size(layout: Layout) -> tuple[float, float]:
    """The drawing's width and height in points, from ``bb`` (without the graph's ``pad``).

    >>> size({"bb": "0,0,1.3492e+05,4046.4"})
    (134920.0, 4046.4)
    """
    left, bottom, right, top = _numbers(layout["bb"])
    return right - left, top - bottom


def boxes(layout: Layout) -> dict[str, Box]:
    """The box of every statement (nodes whose ``id`` starts "statement-"), by statement id."""
    left, top = _top_left(layout)
    found = {}
    for node in layout.get("objects", ()):
        ident = str(node.get("id", ""))
        if ident.startswith(_STATEMENT) and "pos" in node:
            x, y = _numbers(node["pos"])
            found[ident.removeprefix(_STATEMENT)] = Box(
                x - left,
                top - y,
                float(node["width"]) * _POINTS_PER_INCH,
                float(node["height"]) * _POINTS_PER_INCH,
            )
    return found


def lines(layout: Layout) -> list[Line]:
    """Every visible edge (``style`` without "invis") as the polyline of its ``pos``.

    The polyline runs through the tip of the start arrow (``s,x,y``) if any, every control
    point of the B-spline, then the tip of the end arrow (``e,x,y``) if any, so that it
    reaches both boxes. It is the spline's control polygon, not the curve (which bends
    inside it): crossings and lengths are measured on it.
    """
    left, top = _top_left(layout)
    names = {node["_gvid"]: str(node["name"]) for node in layout.get("objects", ())}
    return [
        Line(
            names[edge["tail"]],
            names[edge["head"]],
            tuple((x - left, top - y) for x, y in _spline(edge["pos"])),
        )
        for edge in layout.get("edges", ())
        if "invis" not in edge.get("style", "") and "pos" in edge
    ]


def edge_length(layout: Layout) -> float:
    """The total length of every visible edge's polyline, in points (at least the curves')."""
    return sum(math.dist(p, q) for line in lines(layout) for p, q in pairwise(line.points))


def crossings(layout: Layout) -> int:
    """How many pairs of visible edges cross: each pair once, however often they cross.

    Two edges cross when their polylines (see ``lines``: the control polygons, arrow tips
    included) have a point in common, touching included. Edges that share an end node are
    never counted: they meet at the node, which is not a crossing. The bundled Parler map
    drawn with default options had 18 such pairs when this was written.
    """
    tracks = sorted((_Track.of(line) for line in lines(layout)), key=_left_edge)
    count = 0
    for index, first in enumerate(tracks):
        for second in tracks[index + 1 :]:
            if second.bounds[0] > first.bounds[2]:
                break  # sorted by left edge: no later track reaches back to this one
            if (
                _overlap(first.bounds, second.bounds)
                and not first.ends & second.ends
                and first.crosses(second)
            ):
                count += 1
    return count


def moved(before: Layout, after: Layout, ids: Iterable[str] | None = None) -> float:
    """The share (0 to 1) of statements whose box moved further than its height.

    Counted over the statements boxed in both layouts (only those in ``ids`` if given);
    distance is Euclidean between centres measured from each drawing's top-left corner, and
    the height is the box's in ``before``. Nothing in common: 0.0.
    """
    old, new = boxes(before), boxes(after)
    common = old.keys() & new.keys()
    if ids is not None:
        common &= set(ids)
    if not common:
        return 0.0
    far = sum(
        1
        for key in common
        if math.dist((old[key].x, old[key].y), (new[key].x, new[key].y)) > old[key].height
    )
    return far / len(common)


def orientation(a: Point, b: Point, c: Point) -> int:
    """The turn a -> b -> c: 1 anticlockwise, -1 clockwise (with y up), 0 in one line; exact.

    Doubles misjudge nearly collinear points, so a result too close to zero to trust is
    recomputed with exact fractions of the same doubles.

    >>> orientation((0, 0), (1, 0), (0, 1)), orientation((0, 0), (1, 0), (0, -1))
    (1, -1)
    >>> orientation((0.5, 0.5), (12, 12), (24, 24))
    0
    >>> orientation((0.5, 0.5), (12, 12), (15.19, 15.190000000000001))  # doubles say 0
    1
    """
    left = (b[0] - a[0]) * (c[1] - a[1])
    right = (b[1] - a[1]) * (c[0] - a[0])
    if abs(left - right) > _ROUNDING * (abs(left) + abs(right)):
        return 1 if left > right else -1
    ax, ay, bx, by, cx, cy = map(Fraction, (*a, *b, *c))
    exact = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    return (exact > 0) - (exact < 0)


def segments_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether the segments pq and rs have a point in common (touching and overlap count).

    >>> segments_cross((0, 0), (2, 2), (0, 2), (2, 0))  # an X
    True
    >>> segments_cross((0, 0), (2, 0), (1, 0), (1, 5)), segments_cross((0, 0), (2, 0), (1, 1), (1, 5))
    (True, False)
    >>> segments_cross((0, 0), (2, 2), (1, 1), (3, 3)), segments_cross((0, 0), (1, 1), (2, 2), (3, 3))
    (True, False)
    >>> segments_cross((0, 0), (4, 0), (1, 1), (3, 1))  # parallel
    False
    """
    turns = orientation(r, s, p), orientation(r, s, q), orientation(p, q, r), orientation(p, q, s)
    if turns[0] * turns[1] < 0 and turns[2] * turns[3] < 0:
        return True
    ends = ((r, s, p), (r, s, q), (p, q, r), (p, q, s))
    return any(turn == 0 and _between(*end) for turn, end in zip(turns, ends, strict=True))


def _between(a: Point, b: Point, c: Point) -> bool:
    """Whether c, known to lie on the line ab, lies on the segment ab."""
    left, top, right, bottom = _bounds((a, b))
    return left <= c[0] <= right and top <= c[1] <= bottom


#: A segment's bounds (left, top, right, bottom) and its ends, flat: the crossing test reads
#: bounds millions of times on a large map, and unpacking a flat tuple is the fastest way.
Segment = tuple[float, float, float, float, Point, Point]


@dataclass(frozen=True)
class _Track:
    """A line ready for crossing tests: its end nodes, its bounds and its segments."""

    ends: frozenset[str]
    bounds: Bounds
    segments: tuple[Segment, ...]

    @classmethod
    def of(cls, line: Line) -> _Track:
        segments = tuple((*_bounds((p, q)), p, q) for p, q in pairwise(line.points))
        return cls(frozenset((line.tail, line.head)), _bounds(line.points), segments)

    def crosses(self, other: _Track) -> bool:
        """Whether the two polylines have a point in common.

        >>> first = _Track.of(Line("a", "b", ((0, 0), (1, 0), (2, 2))))
        >>> first.crosses(_Track.of(Line("c", "d", ((0, 2), (1, 2), (2, 0)))))
        True
        >>> first.crosses(_Track.of(Line("c", "d", ((0, 1), (-1, 1), (-2, 2)))))
        False
        """
        mine = _within(self.segments, other.bounds)
        theirs = _within(other.segments, self.bounds) if mine else []
        for left, top, right, bottom, p, q in mine:
            for left2, top2, right2, bottom2, r, s in theirs:
                if (
                    left <= right2
                    and left2 <= right
                    and top <= bottom2
                    and top2 <= bottom
                    and segments_cross(p, q, r, s)
                ):
                    return True
        return False


def _within(segments: Sequence[Segment], bounds: Bounds) -> list[Segment]:
    """The segments whose bounds overlap ``bounds``: the only ones that can meet a line there."""
    left, top, right, bottom = bounds
    return [
        s for s in segments if s[0] <= right and left <= s[2] and s[1] <= bottom and top <= s[3]
    ]


def _bounds(points: Sequence[Point]) -> Bounds:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: Bounds, b: Bounds) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _left_edge(track: _Track) -> float:
    return track.bounds[0]


def _top_left(layout: Layout) -> Point:
    """Graphviz's coordinates of the drawing's top-left corner."""
    left, _, _, top = _numbers(layout["bb"])
    return left, top


def _numbers(text: str) -> list[float]:
    """The numbers of a comma-separated Graphviz point or box.

    >>> _numbers("0,0,1.3492e+05,4046.4")
    [0.0, 0.0, 134920.0, 4046.4]
    """
    return [float(number) for number in text.split(",")]


def _spline(pos: str) -> list[Point]:
    """An edge's ``pos`` as points: start arrow tip, control points, end arrow tip.

    Several splines (separated by ";") are joined end to end.

    >>> _spline("e,9,0 s,0,1 1,1 4,1 6,1 8,1")
    [(0.0, 1.0), (1.0, 1.0), (4.0, 1.0), (6.0, 1.0), (8.0, 1.0), (9.0, 0.0)]
    """
    points: list[Point] = []
    for piece in pos.split(";"):
        tips: dict[str, Point] = {}
        controls: list[Point] = []
        for item in piece.split():
            if item[:2] in ("s,", "e,"):
                tips[item[0]] = _point(item[2:])
            else:
                controls.append(_point(item))
        points += [tips["s"]] if "s" in tips else []
        points += controls
        points += [tips["e"]] if "e" in tips else []
    return points


def _point(text: str) -> Point:
    x, y = _numbers(text)
    return x, y
