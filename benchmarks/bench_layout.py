"""Benchmark (`make bench`): what the drawings look like — size, crossings, lines, stability.

For the bundled Parler map (default options; then evaluate=True, legend=True) and generated
maps of 100, 150, 500 and 2,000 statements it prints, measured by argmap.render.geometry:
- width, height: the drawing at 1:1 in CSS px (1 pt = 4/3 px), without Graphviz's pad;
- fit: the scale at which it fits a 1,000 px wide page (1 if it already does);
- aspect: width / height;
- crossings: pairs of edges that cross (edges that share a box never count);
- lines: the total length of the edges, in px;
- moved: the share of boxes that move further than their own height when one statement is
  added: a reason supporting, or an objection (by the other party) attacking, a random
  statement of a party. The median of several seeded random cases of each.
Then, at 500 and 2,000 statements, the whole `argmap render MAP -o out.svg` process (both
passes, see argmap.render.sketch) against the `dot -Tsvg` process on argmap's first-pass DOT
text, the layout (median of 3 runs), and their ratio.
Nothing here asserts a time; it prints tables (and --json for machines).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

sys.path.insert(0, str(Path(__file__).parent))

import argmap
from argmap.render import geometry
from argmap.render.dot import sketch
from generate import generate
from run import need_dot

PX_PER_PT = 4 / 3
PAGE_PX = 1000
SIZES = (100, 150, 500, 2000)
PROCESS_SIZES = (500, 2000)
NEW_TITLE = "One more point"
NEW_TEXT = "A statement added to see how far the other boxes move when the map grows by one."

Addition = Literal["reason", "objection"]


def cases(size: int, quick: bool) -> int:
    """Random cases of each kind of addition: fewer on large maps, whose drawing takes long."""
    if size <= 150:
        return 2 if quick else 6
    if quick:
        return 1
    return 3 if size <= 500 else 2


def layout(themap: argmap.ArgumentMap, choices: dict[str, Any]) -> dict[str, Any]:
    """Graphviz's layout of the map drawn with ``choices``, parsed."""
    parsed: dict[str, Any] = json.loads(themap.render("json", engine="system", **choices))
    return parsed


def grown(themap: argmap.ArgumentMap, rng: random.Random, kind: Addition) -> argmap.ArgumentMap:
    """A copy of the map with one new reason for, or objection to, a party's statement."""
    bigger = themap.copy()
    parties = [p.id for p in bigger.parties if p.role != "court"]
    target = rng.choice([s for s in bigger.statements if s.party in parties])
    party = target.party
    if kind == "objection":
        party = rng.choice([p for p in parties if p != target.party])
    added = bigger.add_statement(party=party, kind=kind, title=NEW_TITLE, text=NEW_TEXT)
    bigger.add_relation(added.id, target.id, "support" if kind == "reason" else "attack")
    return bigger


def moves(
    themap: argmap.ArgumentMap, choices: dict[str, Any], before: dict[str, Any], count: int
) -> dict[str, float]:
    """The median share of boxes that move, after a reason and after an objection."""
    rng = random.Random(len(themap.statements))  # the same cases on every run
    kinds: tuple[Addition, ...] = ("reason", "objection")
    return {
        kind: statistics.median(
            geometry.moved(before, layout(grown(themap, rng, kind), choices)) for _ in range(count)
        )
        for kind in kinds
    }


def measure(
    name: str, themap: argmap.ArgumentMap, choices: dict[str, Any], count: int
) -> dict[str, Any]:
    """One row of the layout table."""
    before = layout(themap, choices)
    width, height = (points * PX_PER_PT for points in geometry.size(before))
    moved = moves(themap, choices, before, count)
    return {
        "map": name,
        "statements": len(themap.statements),
        "relations": len(themap.relations),
        "width_px": width,
        "height_px": height,
        "fit_scale": min(1.0, PAGE_PX / width),
        "aspect": width / height,
        "crossings": geometry.crossings(before),
        "lines_px": geometry.edge_length(before) * PX_PER_PT,
        "moved_reason": moved["reason"],
        "moved_objection": moved["objection"],
        "cases": count,
    }


def median_time(command: Sequence[str | Path], repeat: int) -> float:
    """The median wall time of running a command ``repeat`` times, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def processes(size: int, dot: str, repeat: int) -> dict[str, Any]:
    """One row of the process table: `argmap render` and bare `dot` on one generated map."""
    command = Path(sys.executable).parent / "argmap"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "map.argmap.json"
        generate(size, seed=size).save(source)
        drawn = Path(folder) / "map.dot"  # the first pass: the layout that dot computes
        drawn.write_text(sketch(argmap.load(source)).source, encoding="utf-8")
        argmap_s = median_time([command, "render", source, "-o", Path(folder) / "a.svg"], repeat)
        dot_s = median_time([dot, "-Tsvg", drawn, "-o", Path(folder) / "b.svg"], repeat)
    return {
        "statements": size,
        "argmap_render_s": argmap_s,
        "bare_dot_s": dot_s,
        "ratio": argmap_s / dot_s,
    }


def drawings(quick: bool) -> list[dict[str, Any]]:
    """The layout table: the Parler map two ways, then the generated maps."""
    parler = argmap.example("parler-v-aws")
    rows = [
        measure("Parler v. AWS", parler, {}, cases(len(parler.statements), quick)),
        measure(
            "Parler, evaluate+legend",
            parler,
            {"evaluate": True, "legend": True},
            cases(len(parler.statements), quick),
        ),
    ]
    for size in SIZES:
        rows.append(measure(f"generated {size}", generate(size, seed=size), {}, cases(size, quick)))
    return rows


def show(result: dict[str, list[dict[str, Any]]]) -> None:
    print(
        f"{'map':<24} {'statements':>10} {'width':>8} {'height':>7} {'fit':>5} {'aspect':>6} "
        f"{'crossings':>9} {'lines':>9} {'moved +reason':>13} {'+objection':>10} {'cases':>5}"
    )
    for r in result["drawings"]:
        print(
            f"{r['map']:<24} {r['statements']:>10} {r['width_px']:>6.0f}px {r['height_px']:>5.0f}px "
            f"{r['fit_scale']:>5.3f} {r['aspect']:>6.2f} {r['crossings']:>9} "
            f"{r['lines_px']:>7.0f}px {r['moved_reason']:>13.0%} {r['moved_objection']:>10.0%} "
            f"{r['cases']:>5}"
        )
    print(f"\n{'statements':>10} {'argmap render':>13} {'bare dot':>9} {'ratio':>6}")
    for r in result["processes"]:
        print(
            f"{r['statements']:>10} {r['argmap_render_s']:>12.2f}s {r['bare_dot_s']:>8.2f}s "
            f"{r['ratio']:>6.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--quick", action="store_true", help="fewer random cases and runs")
    args = parser.parse_args()
    dot = need_dot()
    repeat = 1 if args.quick else 3
    result = {
        "drawings": drawings(args.quick),
        "processes": [processes(size, dot, repeat) for size in PROCESS_SIZES],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    show(result)


if __name__ == "__main__":
    main()
