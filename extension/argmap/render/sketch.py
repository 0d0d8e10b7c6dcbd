"""A drawing in two passes: ``dot`` places boxes and routes lines, then the bands are drawn.

The parties' and the court's bands are backgrounds behind their boxes. Drawn as Graphviz
clusters in the layout itself, they would be solid walls: a line from a finding to a party
statement several rows up would have to run around them, through channels between the
bands that make the drawing twice as wide. So the first pass lays out the boxes with no
clusters (``dot``, with the rows the plan fixed), and the second pass (``nop2``, Graphviz's
"positions are known" engine) draws that layout unchanged, with each band as a cluster whose
rectangle is computed here from where its boxes ended up.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Band", "Sketch"]

#: Room between a band's edge and its boxes, and for its name above them, in points.
MARGIN = 9.0
LABEL_ROOM = 24.0
#: Up to this many boxes, lines between bands are routed around boxes; beyond, straight.
ROUTED_BOXES = 60


@dataclass(frozen=True)
class Band:
    """A background drawn behind some boxes: a party's band, the court's, or the key.

    ``attributes`` are the cluster's DOT attributes (label, colours, id); ``members`` the
    quoted names of its nodes. ``span``: stretch the band across the whole drawing.
    """

    name: str
    attributes: str
    members: tuple[str, ...]
    span: bool = False


@dataclass
class Sketch:
    """The lines of a drawing, kept apart so that the second pass can add positions.

    ``header`` (graph, node and edge defaults), ``nodes`` and ``edges`` (name or id, and its
    line ending in ``];``) are drawn; ``scaffold`` (rows, invisible ordering) is only for
    the first pass.
    """

    header: list[str] = field(default_factory=list)
    nodes: list[tuple[str, str]] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)
    scaffold: list[str] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    #: Lines between bands: left out of the first pass, routed in the second.
    late: list[tuple[str, str]] = field(default_factory=list)
    #: The axis a row runs along: "x" when drawn top to bottom, "y" when left to right. A
    #: spanning band stretches along it; bands side by side are neighbours along it.
    rows_run: str = "x"

    @property
    def source(self) -> str:
        """The first pass: DOT text for ``dot``, with the rows, without the bands and the
        lines drawn later."""
        return self._text(late=False)

    @property
    def whole(self) -> str:
        """All of it in one DOT text that ``dot`` draws alone (without the bands' colours,
        and slowly on large maps): the lines drawn later are in it, without a say in the
        layout (``constraint=false``)."""
        return self._text(late=True)

    def _text(self, *, late: bool) -> str:
        lines = ["digraph argmap {", *self.header]
        lines += [line for _, line in self.nodes]
        lines += [line for _, line in self.edges]
        if late:
            lines += [f'{line[:-2]}, constraint="false"];' for _, line in self.late]
        lines += self.scaffold
        lines.append("}")
        return "\n".join(lines) + "\n"

    def finish(self, laid_out: Mapping[str, Any]) -> str:
        """The second pass: DOT text for ``nop2`` (``neato -n2``) with every position from
        the first pass's layout (Graphviz ``-Tjson0``), and the bands as clusters."""
        places = _places(laid_out)
        routes = _routes(laid_out)
        left, bottom, right, top = _numbers(laid_out.get("bb", "0,0,0,0"))
        rectangles = _rectangles(self.bands, places)
        if self.rows_run == "y":  # rows run up and down: work on the drawing turned
            rectangles = [_turned(r) for r in rectangles]
        if any(band.span for band in self.bands):
            low = min(r[0] for r in rectangles if r)
            high = max(r[2] for r in rectangles if r)
            rectangles = [
                (low, r[1], high, r[3]) if band.span and r else r
                for band, r in zip(self.bands, rectangles, strict=True)
            ]
        rectangles = _apart(self.bands, rectangles)
        if self.rows_run == "y":
            rectangles = [_turned(r) for r in rectangles]
        for rectangle in rectangles:
            if rectangle:
                left, bottom = min(left, rectangle[0]), min(bottom, rectangle[1])
                right, top = max(right, rectangle[2]), max(top, rectangle[3])
        lines = ["digraph argmap {", *self.header]
        # notranslate: the boxes stay where the first pass put them, the bands around them.
        lines.append(
            f'  graph [bb="{left:.2f},{bottom:.2f},{right:.2f},{top:.2f}", notranslate=true];'
        )
        for band, rectangle in zip(self.bands, rectangles, strict=True):
            if not rectangle:
                continue
            bb = ",".join(f"{number:.2f}" for number in rectangle)
            lines.append(f"  subgraph {band.name} {{")
            lines.append(f'    graph [{band.attributes}, bb="{bb}"];')
            lines.append("    " + " ".join(f"{member};" for member in band.members))
            lines.append("  }")
        for name, line in self.nodes:
            place = places.get(_bare(name))
            if place is None:
                continue
            x, y, width, height = place
            lines.append(
                f'{line[:-2]}, pos="{x:.2f},{y:.2f}", width="{width}", height="{height}"];'
            )
        for key, line in self.edges:
            route = routes.get(key)
            if route is None:
                continue
            pos, label_pos = route
            extra = f', pos="{pos}"' + (f', xlp="{label_pos}"' if label_pos else "")
            lines.append(f"{line[:-2]}{extra}];")
        if self.late:
            # Graphviz's router finds curves around the boxes, but its time grows fast with
            # their number; on large maps these lines are straight (and pass under boxes).
            splines = "true" if len(self.nodes) <= ROUTED_BOXES else "line"
            lines.append(f"  graph [splines={splines}];")
            lines += [line for _, line in self.late]
        lines.append("}")
        return "\n".join(lines) + "\n"


def _bare(name: str) -> str:
    """A node's name as Graphviz reports it: without the quotes and escapes of DOT."""
    if name.startswith('"') and name.endswith('"'):
        return name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return name


def _numbers(text: str) -> tuple[float, ...]:
    return tuple(float(part) for part in text.split(","))


#: A node's centre (x, y, in points, y up), and its width and height as Graphviz wrote them.
Place = tuple[float, float, str, str]


def _places(laid_out: Mapping[str, Any]) -> dict[str, Place]:
    places = {}
    for item in laid_out.get("objects", ()):
        if "pos" in item and "nodes" not in item:
            x, y = _numbers(item["pos"])[:2]
            places[item["name"]] = (x, y, item["width"], item["height"])
    return places


def _routes(laid_out: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    return {
        edge["id"]: (edge["pos"], edge.get("xlp", ""))
        for edge in laid_out.get("edges", ())
        if "id" in edge and "pos" in edge
    }


Rectangle = tuple[float, float, float, float]


def _rectangles(bands: Sequence[Band], places: Mapping[str, Place]) -> list[Rectangle | None]:
    """Each band's rectangle (left, bottom, right, top): around its boxes, with room for
    its name at the top. Bands side by side (the parties') share their top and bottom."""
    found: list[Rectangle | None] = []
    for band in bands:
        boxes = [places[_bare(m)] for m in band.members if _bare(m) in places]
        if not boxes:
            found.append(None)
            continue
        found.append(
            (
                min(x - float(w) * 36 for x, _, w, _ in boxes) - MARGIN,
                min(y - float(h) * 36 for _, y, _, h in boxes) - MARGIN,
                max(x + float(w) * 36 for x, _, w, _ in boxes) + MARGIN,
                max(y + float(h) * 36 for _, y, _, h in boxes) + MARGIN + LABEL_ROOM,
            )
        )
    return found


def _turned(rectangle: Rectangle | None) -> Rectangle | None:
    """The rectangle mirrored on the diagonal (x and y swapped); twice is the identity."""
    if rectangle is None:
        return None
    left, bottom, right, top = rectangle
    return (bottom, left, top, right)


#: The least room between two bands side by side, in points.
GAP = 4.0


def _apart(bands: Sequence[Band], rectangles: list[Rectangle | None]) -> list[Rectangle | None]:
    """Bands side by side that would overlap (their boxes are closer than two margins) meet
    halfway between their boxes instead, ``GAP`` apart."""
    found = list(rectangles)
    side = [i for i, band in enumerate(bands) if not band.span and found[i] is not None]
    side.sort(key=lambda i: found[i][0])  # type: ignore[index]
    for left, right in itertools.pairwise(side):
        a, b = found[left], found[right]
        assert a is not None and b is not None
        if a[2] + GAP > b[0] and a[1] < b[3] and b[1] < a[3]:
            middle = (a[2] - MARGIN + b[0] + MARGIN) / 2
            found[left] = (a[0], a[1], middle - GAP / 2, a[3])
            found[right] = (middle + GAP / 2, b[1], b[2], b[3])
    return found
