"""Widget latency (`make bench`): edit -> new SVG in the kernel, and selection -> highlight.

For generated maps of 10, 100, 500 and 2,000 statements:
- edit returns: change one statement's text; the time until the call returns and the
  kernel can run the next cell (from View.BACKGROUND_FROM statements on, Graphviz draws in
  a thread of its own, so this does not include the drawing);
- edit to SVG: until the View has its new drawing (``View.wait()``);
- select: set ``View.selected``; the highlight happens in the browser from the synced
  selection, so the kernel's share is the trait change, and Graphviz must not run at all
  (the number of layouts is printed to show it);
- undo: take back an edit; the View has drawn that map before and reuses the drawing
  (the layouts Graphviz made for all the undos are printed: 0).
Medians of several runs. Nothing is asserted; the goal is < 100 ms edit-to-SVG at 100.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import argmap
from generate import generate

SIZES = (10, 100, 500, 2000)


def main() -> None:
    print(
        f"{'statements':>10} {'edit returns':>12} {'edit->svg':>10} {'select':>9}"
        f" {'layouts on select':>18} {'undo':>9} {'layouts on undo':>16}"
    )
    for size in SIZES:
        themap = generate(size, seed=size)
        view = argmap.View(themap)
        view.wait()
        ids = themap.statements.keys()
        edits, returns = [], []
        for n in range(7 if size < 500 else 3):
            statement_id = ids[(n * 7) % len(ids)]
            started = time.perf_counter()
            themap.update_statement(statement_id, text=f"Edited text number {n} of {statement_id}.")
            returns.append(time.perf_counter() - started)
            view.wait()
            edits.append(time.perf_counter() - started)
        layouts = view.renders
        selects = []
        for n in range(50):
            started = time.perf_counter()
            view.selected = ids[(n * 13) % len(ids)]
            selects.append(time.perf_counter() - started)
        on_select, layouts = view.renders - layouts, view.renders
        undos = []
        for _ in edits:
            started = time.perf_counter()
            themap.undo()
            undos.append(time.perf_counter() - started)
        print(
            f"{size:>10} {statistics.median(returns) * 1000:>10.1f}ms "
            f"{statistics.median(edits) * 1000:>8.1f}ms "
            f"{statistics.median(selects) * 1000:>7.3f}ms {on_select:>18}"
            f" {statistics.median(undos) * 1000:>7.1f}ms {view.renders - layouts:>16}"
        )
        view.close()


if __name__ == "__main__":
    main()
