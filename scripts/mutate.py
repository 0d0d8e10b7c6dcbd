"""Plant each bug of ``scripts/mutants.py`` in a copy of argmap and run the quick suite on it.

A mutant is *killed* when the suite fails (or hangs past the time limit), *survived* when it
passes. Each mutant runs in its own temporary copy of the package, put first on
``PYTHONPATH`` so that the tests and the ``argmap`` commands they start import the copy;
the suite runs with Hypothesis derandomized (profile "mutation"), so a result is the same on
every run. The mutated module's own tests run first and a run stops at the first failure.

    python scripts/mutate.py              # every mutant, two at a time
    python scripts/mutate.py -k aif -j 1  # the mutants whose name contains "aif"
    python scripts/mutate.py --list       # what would be planted
    python scripts/mutate.py --auto 12    # and 12 operator mutants a core module (see below)

Prints one line a mutant, then the score of each module; exits 1 when a mutant not marked
equivalent survives.

``--auto N`` adds mutants nobody chose: the operator mutations mutation tools make (``==`` to
``!=``, ``<`` to ``>=``, ``and`` to ``or``, ``not x`` to ``x``, ``True`` to ``False``, ``+`` to
``-``, ``n`` to ``n + 1``) inside the functions of each module of ``OWN_TESTS``, N of them
spread evenly over the module (the same N every run). Those run the module's own tests and
doctests only, and are scored apart.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mutants import MUTANTS, Mutant

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "extension" / "argmap"

#: The tests that speak for a module, run first so that a mutant there dies early.
OWN_TESTS = {
    "evaluate.py": ["tests/test_evaluate.py"],
    "render/quoting.py": [
        "tests/render/test_quoting.py",
        "tests/render/test_escaping.py",
        "tests/render/test_dot.py",
    ],
    "_atomic.py": ["tests/test_atomic.py", "tests/formats/test_json.py"],
    "model/argument_map.py": ["tests/model"],
    "formats/_aif.py": ["tests/formats/test_aif.py"],
    "formats/_argdown.py": ["tests/formats/test_argdown.py"],
    "formats/_json.py": ["tests/formats/test_json.py"],
}


def is_auto(mutant: Mutant | None) -> bool:
    return mutant is not None and mutant.name.startswith("auto:")


@dataclass(frozen=True)
class Result:
    mutant: Mutant
    killed: bool
    seconds: float
    detail: str


def plant(mutant: Mutant, copy: Path) -> None:
    """Apply the mutant's edits to the module in ``copy``; each old text must occur once."""
    path = copy / "argmap" / mutant.module
    text = path.read_text("utf-8")
    for old, new in mutant.edits:
        count = text.count(old)
        if count != 1:
            raise SystemExit(
                f"mutant {mutant.name}: {old!r} occurs {count} times in {mutant.module}, not once"
            )
        text = text.replace(old, new)
    path.write_text(text, "utf-8")


_SWAPS: dict[type[ast.AST], type[ast.AST]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.GtE,
    ast.GtE: ast.Lt,
    ast.Gt: ast.LtE,
    ast.LtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.And: ast.Or,
    ast.Or: ast.And,
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
}


def _text(node: ast.BinOp) -> bool:
    """Whether this + joins strings (a - there only raises a TypeError: no test needed)."""
    ends = (node.left, node.right)
    return any(
        isinstance(e, ast.JoinedStr) or isinstance(getattr(e, "value", None), str) for e in ends
    )


def _changed(node: ast.AST) -> ast.AST | None:
    """The node with one operator mutation, or None where this kind of node has none."""
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _SWAPS:
        return ast.Compare(node.left, [_SWAPS[type(node.ops[0])]()], node.comparators)
    if isinstance(node, ast.BoolOp):
        return ast.BoolOp(_SWAPS[type(node.op)](), node.values)
    if isinstance(node, ast.BinOp) and type(node.op) in _SWAPS and not _text(node):
        return ast.BinOp(node.left, _SWAPS[type(node.op)](), node.right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return node.operand
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return ast.Constant(not node.value)
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return ast.Constant(node.value + 1)
    return None


def operator_mutants(module: str, count: int) -> list[Mutant]:
    """``count`` operator mutants of ``module``, spread evenly over its functions' code."""
    source = (PACKAGE / module).read_text("utf-8")
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:  # ast columns count UTF-8 bytes
        return starts[line - 1] + len(lines[line - 1].encode("utf-8")[:column].decode("utf-8"))

    found: list[tuple[int, int, str, str]] = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        skip = {id(n) for s in function.body[:1] for n in ast.walk(s)}  # the docstring
        for statement in function.body:
            for node in ast.walk(statement):
                if isinstance(node, ast.JoinedStr):  # f-string parts have no usable places
                    skip |= {id(n) for n in ast.walk(node)}
                changed = None if id(node) in skip else _changed(node)
                if changed is None or node.end_lineno is None or node.end_col_offset is None:
                    continue
                start = offset(node.lineno, node.col_offset)
                end = offset(node.end_lineno, node.end_col_offset)
                found.append((start, end, source[start:end], f"({ast.unparse(changed)})"))
    found = sorted(set(found))
    if count < len(found):
        step = len(found) / count
        found = [found[int(i * step)] for i in range(count)]
    mutants = []
    for start, end, old, new in found:
        line = source.count("\n", 0, start) + 1
        name = f"auto:{module}:{line}: {' '.join(old.split())[:40]} -> {' '.join(new.split())[:40]}"
        mutated = source[:start] + new + source[end:]
        mutants.append(Mutant(name, module, ((source, mutated),), "an operator mutation"))
    return mutants


def pytest_runs(copy: Path, module: str | None, own_only: bool = False) -> list[list[str]]:
    """The module's own tests and doctests, then (unless ``own_only``) the whole quick suite.

    Two runs, because pytest collects a file named beside its folder in the folder's order:
    the own tests go first so that a mutant they kill dies in seconds.
    """
    pytest = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "--no-header",
        "-p",
        "no:cacheprovider",
        "-m",
        "not slow and not browser",
        "--rootdir",
        str(ROOT),
        "-c",
        str(ROOT / "pyproject.toml"),
    ]
    runs = []
    if module is not None:
        own = [str(ROOT / t) for t in OWN_TESTS.get(module, []) if (ROOT / t).exists()]
        runs.append([*pytest, *own, str(copy / "argmap" / module)])
    if not own_only:
        runs.append([*pytest, str(ROOT / "tests"), str(copy / "argmap")])  # and every doctest
    return runs


def run(mutant: Mutant | None, timeout: float) -> Result | str:
    """Run the quick suite on a copy with ``mutant`` planted (None: the unchanged copy)."""
    with tempfile.TemporaryDirectory(prefix="argmap-mutant-") as folder:
        copy = Path(folder)
        shutil.copytree(PACKAGE, copy / "argmap", ignore=shutil.ignore_patterns("__pycache__"))
        if mutant is not None:
            plant(mutant, copy)
        env = {
            **os.environ,
            "PYTHONPATH": str(copy),
            "HYPOTHESIS_PROFILE": "mutation",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        where = subprocess.run(
            [sys.executable, "-c", "import argmap; print(argmap.__file__)"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not where.startswith(str(copy)):
            raise SystemExit(f"the copy is not what gets imported: argmap is {where}")
        start = time.monotonic()
        module = mutant.module if mutant else None
        lines: list[str] = []
        failing = False
        for command in pytest_runs(copy, module, own_only=is_auto(mutant)):
            left = timeout - (time.monotonic() - start)
            try:
                done = subprocess.run(
                    command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=left
                )
            except subprocess.TimeoutExpired:
                if mutant is None:
                    return f"the unchanged copy took longer than {timeout:.0f} s"
                return Result(mutant, True, timeout, f"timeout after {timeout:.0f} s")
            lines = done.stdout.strip().splitlines()
            failing = done.returncode not in (0, 5)  # 5: nothing to run (a module without doctests)
            if failing:
                break
        seconds = time.monotonic() - start
        if mutant is None:
            return "\n".join(lines[-30:]) if failing else ""
        failed = next((ln for ln in lines if ln.startswith(("FAILED ", "ERROR "))), "")
        if failing and not failed:
            failed = f"pytest failed: {lines[-1] if lines else ''}"
        return Result(mutant, failing, seconds, failed or (lines[-1] if lines else ""))


def _table(title: str, results: Sequence[Result]) -> tuple[int, int]:
    modules: dict[str, list[Result]] = {}
    for result in results:
        modules.setdefault(result.mutant.module, []).append(result)
    print(f"\n{title:<26} killed / mutants  score   (equivalent, not counted)")
    total_killed = total = 0
    for module, found in sorted(modules.items()):
        counted = [r for r in found if not r.mutant.equivalent]
        killed = sum(r.killed for r in counted)
        equivalent = len(found) - len(counted)
        total_killed, total = total_killed + killed, total + len(counted)
        score = f"{100 * killed / len(counted):5.1f} %" if counted else "    -  "
        extra = f"  (+{equivalent})" if equivalent else ""
        print(f"{module:<26} {killed:>6} / {len(counted):<8} {score}{extra}")
    print(f"{'all':<26} {total_killed:>6} / {total:<8} {100 * total_killed / max(total, 1):5.1f} %")
    return total_killed, total


def report(results: Sequence[Result]) -> int:
    listed = [r for r in results if not is_auto(r.mutant)]
    auto = [r for r in results if is_auto(r.mutant)]
    if listed:
        _table("planted (scripts/mutants.py)", listed)
    if auto:
        _table("operator mutants, own tests", auto)
    survivors = [r for r in results if not r.killed and not r.mutant.equivalent]
    if survivors:
        print("\nsurvived:")
        for r in survivors:
            print(f"  {r.mutant.name} ({r.mutant.module}): {r.mutant.why}")
    equivalents = [r for r in results if r.mutant.equivalent]
    if equivalents:
        print("\njudged equivalent:")
        for r in equivalents:
            state = "killed" if r.killed else "survived"
            print(f"  {r.mutant.name} ({state}): {r.mutant.equivalent}")
    return 1 if survivors else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="only mutants whose name contains this")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="mutants run at once")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a hang kills")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument(
        "--auto", type=int, default=0, metavar="N", help="N operator mutants a module"
    )
    parser.add_argument("--no-planted", action="store_true", help="only the --auto mutants")
    args = parser.parse_args(argv)
    candidates = [] if args.no_planted else list(MUTANTS)
    if args.auto:
        candidates += [m for module in OWN_TESTS for m in operator_mutants(module, args.auto)]
    chosen = [m for m in candidates if args.k in m.name]
    if args.list:
        for m in chosen:
            print(f"{m.name:<60} {m.why}")
        return 0
    for mutant in chosen:  # fail before any run when a mutant no longer applies
        with tempfile.TemporaryDirectory() as folder:
            shutil.copytree(PACKAGE, Path(folder) / "argmap")
            plant(mutant, Path(folder))
    problem = run(None, args.timeout)
    if problem:
        print(f"the unchanged package fails the quick suite; fix that first:\n{problem}")
        return 2
    results: list[Result] = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for result in pool.map(lambda m: run(m, args.timeout), chosen):
            assert isinstance(result, Result)
            mark = "killed  " if result.killed else "SURVIVED"
            print(f"{mark} {result.mutant.name:<44} {result.seconds:6.1f} s  {result.detail}")
            sys.stdout.flush()
            results.append(result)
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
