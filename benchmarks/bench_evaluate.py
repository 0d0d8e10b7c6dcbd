"""Benchmark (`make bench`): ``argmap.evaluate`` on maps of 1,000, 10,000 and 100,000 statements.

Two shapes a size, to show the time grows linearly with the map:
- dispute: two parties' reasons, objections and facts, mutual attacks, the court's findings
  (about one statement in ten) upholding, rejecting or acknowledging, and a four-factor test;
- chain: one long chain of attacks (a attacks b attacks c …), where labelling by repeated
  passes over the map would take quadratic time and a recursive one would overflow the stack.
It prints the best of a few runs and the time a statement; nothing here asserts a time.

"evaluate" is what a user waits for. "GC paused" is the same run with Python's cyclic garbage
collector paused: evaluation makes no reference cycles, but the collector still walks every
live object once allocations outgrow a quarter of them (amortised linear, yet it shows from
about 100,000 statements on). The paused time is the algorithm alone.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import argmap
from argmap.model import Citation, Factor
from run import best

SIZES = (1_000, 10_000, 100_000)


def dispute(size: int, seed: int = 0) -> argmap.ArgumentMap:
    """A map of ``size`` statements shaped like a court case, built with explicit ids.

    (``ArgumentMap.new_statement_id`` looks for a free number from 1 up on every call, so
    maps this large pass their ids.)
    """
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=f"Generated dispute, {size} statements")
    m.add_party("plaintiff", "Plaintiff Inc.", role="plaintiff")
    m.add_party("defendant", "Defendant LLC", role="defendant")
    m.add_party("court", "District Court", role="court")
    m.add_source("order", "Order", url="https://example.org/order", kind="court order")
    own: dict[str, list[str]] = {"plaintiff": ["P0"], "defendant": ["D0"]}
    findings: list[str] = []
    linked: set[tuple[str, str]] = set()

    def link(origin: str, target: str, kind: str) -> None:
        if origin != target and (origin, target) not in linked:
            linked.add((origin, target))
            m.add_relation(origin, target, kind)  # type: ignore[arg-type]

    with m.batch("generate"):
        m.add_statement("P0", party="plaintiff", kind="position", text="We should win.")
        m.add_statement("D0", party="defendant", kind="position", text="They should lose.")
        for n in range(1, size - 1):
            roll = rng.random()
            if roll < 0.1:
                finding = f"F{n}"
                m.add_statement(
                    finding,
                    party="court",
                    kind="finding",
                    text="The court finds.",
                    citations=[Citation("order", "as found", f"p. {rng.randint(1, 14)}")],
                )
                party = rng.choice(list(own))
                verdict = rng.choice(["upholds", "rejects", "acknowledges"])
                link(finding, rng.choice(own[party][-200:]), verdict)
                if findings and rng.random() < 0.3:
                    link(finding, rng.choice(findings[-50:]), "support")
                findings.append(finding)
                continue
            party = "plaintiff" if roll < 0.55 else "defendant"
            other = "defendant" if party == "plaintiff" else "plaintiff"
            kind = rng.choices(["reason", "objection", "fact"], weights=[5, 3, 2])[0]
            statement = f"{party[0].upper()}{n}"
            m.add_statement(statement, party=party, kind=kind, text="Because.")  # type: ignore[arg-type]
            if kind == "objection":
                target = rng.choice(own[other][-200:])
                link(statement, target, "attack")
                if rng.random() < 0.3:
                    link(target, statement, "attack")  # they answer back: a mutual attack
            else:
                link(statement, rng.choice(own[party][-200:]), "support")
            own[party].append(statement)
        deciding = findings[:4] or []
        if len(deciding) == 4:
            m.add_test(
                "test",
                "Preliminary injunction",
                [Factor(f"f{i}", f"Factor {i}", (d,)) for i, d in enumerate(deciding)],
                movant="plaintiff",
            )
    m.clear_history()
    return m


def chain(size: int) -> argmap.ArgumentMap:
    """One chain of ``size`` statements, each attacking the next."""
    m = argmap.ArgumentMap(title=f"Attack chain, {size} statements")
    m.add_party("side", "One side")
    with m.batch("generate"):
        for n in range(size):
            m.add_statement(f"s{n}", party="side", kind="reason", text="No.")
        for n in range(size - 1):
            m.add_relation(f"s{n}", f"s{n + 1}", "attack")
    m.clear_history()
    return m


def measure(shape: str, size: int) -> dict[str, float | int | str]:
    started = time.perf_counter()
    themap = dispute(size, seed=size) if shape == "dispute" else chain(size)
    built = time.perf_counter() - started
    repeat = 5 if size <= 10_000 else 3
    seconds = best(lambda: argmap.evaluate(themap), repeat)
    gc.disable()
    try:
        paused = best(lambda: argmap.evaluate(themap), repeat)
    finally:
        gc.enable()
    return {
        "shape": shape,
        "statements": len(themap.statements),
        "relations": len(themap.relations),
        "build_s": built,
        "evaluate_s": seconds,
        "us_per_statement": seconds / len(themap.statements) * 1e6,
        "gc_paused_s": paused,
        "gc_paused_us_per_statement": paused / len(themap.statements) * 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    rows = [measure(shape, size) for shape in ("dispute", "chain") for size in args.sizes]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'shape':<8} {'statements':>10} {'relations':>9} {'evaluate':>10} {'a statement':>11}"
        f" {'GC paused':>10} {'a statement':>11} {'building the map':>17}"
    )
    for r in rows:
        print(
            f"{r['shape']:<8} {r['statements']:>10} {r['relations']:>9} "
            f"{float(r['evaluate_s']) * 1000:>8.1f}ms {float(r['us_per_statement']):>9.2f}µs "
            f"{float(r['gc_paused_s']) * 1000:>8.1f}ms "
            f"{float(r['gc_paused_us_per_statement']):>9.2f}µs {float(r['build_s']):>16.1f}s"
        )


if __name__ == "__main__":
    main()
