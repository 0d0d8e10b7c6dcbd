"""Where each box goes, decided before Graphviz sees the map: bands, rows and columns.

Graphviz's ``dot`` ranks a graph by its edges. Left to itself it spreads the parties' bands
side by side, puts every reason of a claim in one row (a fan of twenty reasons is one very
wide row), and redoes the whole ranking when a single statement is added. The plan below
fixes the rows in Python and hands ``dot`` only the order within a row and the routing:

- **Bands.** The parties that argue sit side by side at the top, each in its own band; the
  court's band sits below them, as wide as all of them together, with its ruling at the
  foot. Attacks between the parties run between neighbouring bands; the court's findings
  sit right under the statements they decide.
- **Columns.** A drawing of ``n`` boxes gets about ``sqrt(0.8 n)`` columns, shared out among
  the parties' bands by their number of statements, so that drawings stay roughly as wide as
  they are tall at every size (no strips).
- **Rows.** In a party's band a statement sits below every claim it argues for or against
  (its position at the top); in the court's band a finding sits above what it supports, the
  ruling at the bottom, and the findings that decide a legal test's factors one row above
  its ruling. A row that is full overflows into the next one, so a wide fan is staggered.
- **Stability.** Statements are placed in their order in the map (claims before the reasons
  that argue for them). A statement added at the end takes a free place and moves no other
  statement to another row.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import ArgumentMap

__all__ = ["Band", "Plan", "columns", "plan"]

#: The relations that place a statement under (or, for the court, above) another.
_ARGUING = frozenset({"support", "attack"})


@dataclass(frozen=True)
class Band:
    """One party's statements in a grid: rows top first, each row a tuple of cells (a
    statement's id, or None for an empty cell). ``offset`` is the drawing's column of the
    band's first cell: the parties' bands lie side by side, the court's spans them all."""

    party: str
    court: bool
    offset: int
    rows: tuple[tuple[str | None, ...], ...]

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass(frozen=True)
class Plan:
    """The parties' bands side by side (left to right), then the court's band below them."""

    parties: tuple[Band, ...]
    court: Band | None

    @property
    def bands(self) -> tuple[Band, ...]:
        return self.parties + ((self.court,) if self.court else ())

    def cells(self) -> dict[str, tuple[int, int]]:
        """Each box's row and column in the whole drawing (row 0 at the top)."""
        places: dict[str, tuple[int, int]] = {}
        below = max((len(band.rows) for band in self.parties), default=0)
        for band in self.bands:
            first = below if band.court else 0
            for number, row in enumerate(band.rows):
                for column, cell in enumerate(row):
                    if cell is not None:
                        places[cell] = (first + number, band.offset + column)
        return places


def columns(boxes: int) -> int:
    """Columns for a drawing of ``boxes`` boxes: a box is about 1.7 times as wide as a row
    is high, so ``sqrt(0.8 n)`` columns make a drawing a little wider than tall.

    >>> [columns(n) for n in (5, 22, 100, 500, 2000)]
    [3, 4, 9, 20, 40]
    """
    return max(3, round(math.sqrt(0.8 * boxes)))


def plan(themap: ArgumentMap, beside: Mapping[str, str] | None = None) -> Plan:
    """Bands, rows and columns for a drawing of ``themap``.

    ``beside`` names boxes the drawing adds next to a statement, in its row (a legal test's
    outcome, next to its ruling), by the statement's id.
    """
    beside = beside or {}
    bands = [p for p in themap.parties if themap.statements_of(p.id)]
    arguing = [p.id for p in bands if p.role != "court"]
    court = next((p.id for p in bands if p.role == "court"), None)
    width = columns(len(themap.statements) + len(beside))
    sizes = [len(themap.statements_of(p)) for p in arguing]
    shares = dict(zip(arguing, _shares(width, sizes), strict=True))
    rows = _rows(themap, _order(themap, arguing, upwards=False), shares)
    court_rows: tuple[tuple[str, ...], ...] = ()
    court_width = sum(shares.values()) or width
    if court is not None:
        found = _rows(themap, _order(themap, [court], upwards=True), {court: court_width})
        court_rows = tuple(reversed(found[court]))
        after: dict[str, list[str]] = {}
        for name, statement in beside.items():
            after.setdefault(statement, []).append(name)
        court_rows = tuple(
            tuple(item for sid in row for item in (sid, *after.get(sid, ()))) for row in court_rows
        )
    offsets, offset = {}, 0
    for party in arguing:
        offsets[party] = offset
        offset += shares[party]
    grid = _arrange(
        themap,
        [(party, offsets[party], shares[party], rows[party]) for party in arguing]
        + ([(court, 0, court_width, court_rows)] if court is not None else []),
        beside,
    )
    parties = tuple(Band(p, False, offsets[p], grid[p]) for p in arguing)
    court_band = Band(court, True, 0, grid[court]) if court is not None else None
    return Plan(parties, court_band)


def _shares(width: int, sizes: list[int]) -> list[int]:
    """``width`` columns shared out in proportion to ``sizes``, at least one each.

    >>> _shares(4, [7, 6])
    [2, 2]
    >>> _shares(9, [45, 40])
    [5, 4]
    >>> _shares(3, [0]), _shares(5, [0, 0])  # nothing to weigh by: shared out evenly
    ([3], [3, 2])
    """
    if not sizes:
        return []
    total = sum(sizes)
    spare = max(0, width - len(sizes))  # one column each, the rest in proportion
    # With nothing to weigh by, every share would be 0 and the spare columns lost: even shares.
    even = [spare / len(sizes)] * len(sizes)
    exact = [spare * size / total for size in sizes] if total else even
    shares = [1 + math.floor(part) for part in exact]
    # The columns left over go to the largest remainders.
    order = sorted(range(len(sizes)), key=lambda i: -(exact[i] - math.floor(exact[i])))
    for i in order[: max(0, width - sum(shares))]:
        shares[i] += 1
    return shares


@dataclass(frozen=True)
class _Placing:
    """A statement to place, and the placed statements whose row bounds its own: it sits at
    least ``gap`` rows below each (1 under a claim of its own party, 0 level with another
    party's statement it attacks)."""

    statement: str
    above: tuple[tuple[str, int], ...]


def _order(themap: ArgumentMap, parties: list[str], *, upwards: bool) -> list[_Placing]:
    """The bands' statements in placing order: each after the statements that bound its row,
    else in the map's order. A cycle (two positions that attack each other) is broken at its
    earliest statement.

    In a party's band a statement sits under the claims of its own party it argues for or
    against, and no higher than another party's statement it argues against. In the court's
    band (``upwards``: the drawing turns it over) a finding "sits under" what it supports, and
    a finding that decides a factor sits under the test's ruling, level with its supporters.
    """
    members = set(parties)
    own = [s.id for s in themap.statements if s.party in members]
    index = {sid: number for number, sid in enumerate(own)}
    party = {sid: themap.statements[sid].party for sid in own}
    bounds: dict[str, dict[str, int]] = {sid: {} for sid in own}
    for relation in themap.relations:
        origin, target = relation.origin, relation.target
        if relation.kind in _ARGUING and origin in index and target in index and origin != target:
            gap = 1 if party[origin] == party[target] else 0
            bounds[origin][target] = max(gap, bounds[origin].get(target, 0))
    if upwards:
        for test in themap.tests:
            if test.ruling not in index:
                continue
            for factor in test.factors:
                for finding in factor.deciding:
                    if finding in index and not bounds[finding]:
                        bounds[finding][test.ruling] = 1
    # Only a claim of its own party holds a statement back; another party's statement it
    # attacks bounds its row only if placed before it (else the map's order would be lost).
    waiting = {sid: sum(1 for gap in targets.values() if gap) for sid, targets in bounds.items()}
    after: dict[str, list[str]] = {sid: [] for sid in own}
    for sid, targets in bounds.items():
        for target, gap in targets.items():
            if gap:
                after[target].append(sid)
    ready = [index[sid] for sid, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    placed: list[_Placing] = []
    done: set[str] = set()
    while len(done) < len(own):
        if not ready:  # every statement left waits on another: break a cycle
            heapq.heappush(ready, index[_on_a_cycle(own, index, bounds, done)])
        sid = own[heapq.heappop(ready)]
        if sid in done:
            continue
        done.add(sid)
        above = tuple((t, gap) for t, gap in bounds[sid].items() if t in done)
        placed.append(_Placing(sid, above))
        for later in after[sid]:
            waiting[later] -= 1
            if waiting[later] == 0 and later not in done:
                heapq.heappush(ready, index[later])
    return placed


def _on_a_cycle(
    own: list[str],
    index: Mapping[str, int],
    bounds: Mapping[str, Mapping[str, int]],
    done: set[str],
) -> str:
    """The earliest statement of a cycle of claims among those not placed yet: from the
    earliest waiting statement, follow the claims it waits for until one comes round again."""
    current = min((s for s in own if s not in done), key=index.__getitem__)
    path: list[str] = []
    while current not in path:
        path.append(current)
        waiting_for = [t for t, gap in bounds[current].items() if gap and t not in done]
        current = min(waiting_for, key=index.__getitem__)
    return min(path[path.index(current) :], key=index.__getitem__)


def _rows(
    themap: ArgumentMap, order: Iterable[_Placing], widths: Mapping[str, int]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each band's rows: a statement goes in the first row of its band that has room (its
    band's width) and keeps its bounds. Rows are numbered alike in all bands."""
    rows: dict[str, list[list[str]]] = {party: [] for party in widths}
    row_of: dict[str, int] = {}
    for placing in order:
        party = themap.statements[placing.statement].party
        band = rows[party]
        row = max((row_of[other] + gap for other, gap in placing.above), default=0)
        while row < len(band) and len(band[row]) >= widths[party]:
            row += 1
        while row >= len(band):
            band.append([])
        band[row].append(placing.statement)
        row_of[placing.statement] = row
    return {party: tuple(tuple(row) for row in band) for party, band in rows.items()}


def _arrange(
    themap: ArgumentMap,
    bands: list[tuple[str, int, int, tuple[tuple[str, ...], ...]]],
    beside: Mapping[str, str],
) -> dict[str, tuple[tuple[str | None, ...], ...]]:
    """Each row's boxes in cells, top row first: a box goes as close as its row allows to the
    columns of the boxes above it that it is linked to (its claims, what it attacks, what a
    finding decides), so that lines run short and straight down; boxes linked to nothing
    above keep the map's order. Rows above never depend on rows below, so a box added at
    the bottom of a band moves no box above it.

    ``bands``: (party, first column, columns, rows) in drawing order, the parties' bands
    first (they share rows), then the court's (its rows follow theirs).
    """
    links: dict[str, list[str]] = {}
    for relation in themap.relations:
        links.setdefault(relation.origin, []).append(relation.target)
        links.setdefault(relation.target, []).append(relation.origin)
    for test in themap.tests:
        for factor in test.factors:
            for finding in factor.deciding:
                links.setdefault(finding, []).append(test.ruling)
                links.setdefault(test.ruling, []).append(finding)
    index = {s.id: number for number, s in enumerate(themap.statements)}
    column: dict[str, float] = {}
    grid: dict[str, list[tuple[str | None, ...]]] = {party: [] for party, *_ in bands}
    court = bands[-1] if bands and not _arguing(themap, bands[-1][0]) else None
    parties = bands[:-1] if court is not None else bands
    depth = max((len(rows) for *_, rows in parties), default=0)
    stages = [[(band, row) for band in parties] for row in range(depth)]
    if court is not None:
        stages += [[(court, row)] for row in range(len(court[3]))]
    for stage in stages:
        for band, row in stage:
            grid[band[0]].append(_place_row(band, row, links, index, beside, column))
    return {party: tuple(rows) for party, rows in grid.items()}


def _place_row(
    band: tuple[str, int, int, tuple[tuple[str, ...], ...]],
    row: int,
    links: Mapping[str, list[str]],
    index: Mapping[str, int],
    beside: Mapping[str, str],
    column: dict[str, float],
) -> tuple[str | None, ...]:
    """One row's cells (see ``_arrange``); notes the columns of its boxes in ``column``."""
    _, offset, width, rows = band
    if row >= len(rows):
        return (None,) * width
    members = [sid for sid in rows[row] if sid not in beside]
    wanted = {
        sid: _mean([column[other] for other in links.get(sid, ()) if other in column])
        for sid in members
    }
    placed = sorted(
        (sid for sid in members if wanted[sid] is not None),
        key=lambda sid: (wanted[sid], index[sid]),
    )
    slots = _fit([wanted[sid] - offset for sid in placed], max(width, len(members)))  # type: ignore[operator]
    cells: list[str | None] = [None] * max(width, len(rows[row]))
    for sid, slot in zip(placed, slots, strict=True):
        cells[slot] = sid
    free = [slot for slot, cell in enumerate(cells) if cell is None]
    unplaced = [sid for sid in members if wanted[sid] is None]  # in the map's order
    for sid, slot in zip(unplaced, free, strict=False):
        cells[slot] = sid
    for name in rows[row]:
        if name in beside:  # next to its statement: the free cell nearest its right
            _put_beside(cells, name, cells.index(beside[name]))
    for slot, cell in enumerate(cells):
        if cell is not None:
            column[cell] = offset + slot
    return tuple(cells)


def _put_beside(cells: list[str | None], name: str, at: int) -> None:
    """Put ``name`` in the free cell nearest to the right of cell ``at`` (else to its left,
    else in a new cell at the end of the row)."""
    order = sorted(range(len(cells)), key=lambda slot: (abs(slot - at - 0.5), slot < at))
    for slot in order:
        if cells[slot] is None:
            cells[slot] = name
            return
    cells.append(name)


def _arguing(themap: ArgumentMap, party: str) -> bool:
    return themap.parties[party].role != "court"


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _fit(wanted: list[float], width: int) -> list[int]:
    """Cells for boxes that want the (sorted) columns ``wanted``: increasing, within
    ``range(width)``, as close to what they want as can be (least total distance).

    >>> _fit([0.0, 0.0, 3.0], 4)
    [0, 1, 3]
    >>> _fit([2.0, 2.0, 2.0], 3)
    [0, 1, 2]
    """
    count = len(wanted)
    if not count:
        return []
    # cost[i][c]: least distance placing boxes i.. with box i in cell c or right of it.
    infinite = math.inf
    best = [[infinite] * (width + 1) for _ in range(count + 1)]
    for cell in range(width + 1):
        best[count][cell] = 0.0
    for i in range(count - 1, -1, -1):
        for cell in range(width - 1, -1, -1):
            here = abs(wanted[i] - cell) + best[i + 1][cell + 1]
            best[i][cell] = min(here, best[i][cell + 1])
    slots, cell = [], 0
    for i in range(count):
        while abs(wanted[i] - cell) + best[i + 1][cell + 1] > best[i][cell]:
            cell += 1
        slots.append(cell)
        cell += 1
    return slots
