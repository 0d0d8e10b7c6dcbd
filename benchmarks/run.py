"""Benchmarks (`make bench`): drawing generated maps through argmap against bare `dot`.

For maps of 10, 100, 500 and 2,000 statements it times, best of several runs:
- to_dot: argmap's model -> DOT text, pure Python;
- argmap svg: ``m.render("svg")`` with the system dot (DOT text + Graphviz + reading back);
- bare dot: the `dot -Tsvg` process alone on argmap's first-pass DOT text (the layout; a
  drawing takes a second, cheap pass that draws the bands: see argmap.render.sketch);
- ratio: argmap svg / bare dot (the price of argmap around Graphviz, both passes included);
- wasm svg: the embedded WebAssembly Graphviz on the same map;
and the time of a cold ``import argmap`` in a fresh interpreter.
Nothing here asserts a time; it prints a table (and --json for machines).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from argmap.render.dot import sketch
from generate import generate

SIZES = (10, 100, 500, 2000)


def best(action: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def need_dot() -> str:
    """The path of the Graphviz program `dot`; without it the benchmark stops and says so."""
    dot = shutil.which("dot")
    if dot is None:
        sys.exit(
            "bench: the Graphviz program `dot` is needed (run `make bench`, which installs it)"
        )
    return dot


def import_time(repeat: int = 7) -> float:
    code = "import time; t = time.perf_counter(); import argmap; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def measure(size: int, dot: str) -> dict[str, float]:
    """Time one generated map of ``size`` statements every way."""
    themap = generate(size, seed=size)
    repeat = 5 if size <= 500 else 2
    source = sketch(themap).source.encode()
    row = {
        "statements": len(themap.statements),
        "relations": len(themap.relations),
        "to_dot_s": best(themap.to_dot, repeat),
        "argmap_svg_s": best(lambda: themap.render("svg", engine="system"), repeat),
        "bare_dot_s": best(
            lambda: subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, check=True),
            repeat,
        ),
    }
    row["ratio"] = row["argmap_svg_s"] / row["bare_dot_s"]
    themap.render("svg", engine="wasm")  # the first call compiles the module
    row["wasm_svg_s"] = best(lambda: themap.render("svg", engine="wasm"), repeat)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    rows = [measure(size, need_dot()) for size in args.sizes]
    result = {"import_argmap_s": import_time(), "rows": rows}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{'statements':>10} {'relations':>9} {'to_dot':>9} {'argmap svg':>11} "
        f"{'bare dot':>9} {'ratio':>6} {'wasm svg':>9}"
    )
    for r in rows:
        print(
            f"{r['statements']:>10} {r['relations']:>9} {r['to_dot_s'] * 1000:>7.1f}ms "
            f"{r['argmap_svg_s'] * 1000:>9.1f}ms {r['bare_dot_s'] * 1000:>7.1f}ms {r['ratio']:>6.2f} "
            f"{r['wasm_svg_s'] * 1000:>7.1f}ms"
        )
    print(f"import argmap: {result['import_argmap_s'] * 1000:.1f} ms (median of 7 cold starts)")


if __name__ == "__main__":
    main()
