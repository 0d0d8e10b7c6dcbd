"""Plant each bug of ``scripts/mutants.py`` in a copy of argmap and run the quick suite on it.

A mutant is *killed* when the suite fails (or hangs past the time limit), *survived* when it
passes. Each mutant runs in its own temporary copy of the package, put first on
``PYTHONPATH`` so that the tests and the ``argmap`` commands they start import the copy;
the suite runs with Hypothesis derandomized (profile "mutation"), so a result is the same on
every run. The mutated module's own tests run first and the run stops at the first failure.

    python scripts/mutate.py              # every mutant, two at a time
    python scripts/mutate.py -k aif -j 1  # the mutants whose name contains "aif"
    python scripts/mutate.py --list       # what would be planted

Prints one line a mutant, then the score of each module; exits 1 when a mutant not marked
equivalent survives.
"""

from __future__ import annotations

import argparse
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
    "render/quoting.py": ["tests/render/test_escaping.py", "tests/render/test_dot.py"],
    "_atomic.py": ["tests/test_atomic.py"],
    "model/argument_map.py": ["tests/model"],
    "formats/_aif.py": ["tests/formats/test_aif.py"],
    "formats/_argdown.py": ["tests/formats/test_argdown.py"],
    "formats/_json.py": ["tests/formats/test_json.py"],
}


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


def pytest_command(copy: Path, module: str | None) -> list[str]:
    own = [str(ROOT / t) for t in OWN_TESTS.get(module or "", []) if (ROOT / t).exists()]
    return [
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
        *own,
        str(ROOT / "tests"),
        str(copy / "argmap"),  # the copy's doctests, the mutated module's among them
    ]


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
        try:
            done = subprocess.run(
                pytest_command(copy, module),
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            seconds = time.monotonic() - start
            if mutant is None:
                return f"the unchanged copy took longer than {timeout:.0f} s"
            return Result(mutant, True, seconds, f"timeout after {timeout:.0f} s")
        seconds = time.monotonic() - start
        lines = done.stdout.strip().splitlines()
        if mutant is None:
            return "" if done.returncode == 0 else "\n".join(lines[-30:])
        failed = next((ln for ln in lines if ln.startswith(("FAILED", "ERROR"))), "")
        if done.returncode not in (0, 1):
            failed = failed or f"pytest exit {done.returncode}: {lines[-1] if lines else ''}"
        return Result(mutant, done.returncode != 0, seconds, failed or (lines[-1] if lines else ""))


def report(results: Sequence[Result]) -> int:
    modules: dict[str, list[Result]] = {}
    for result in results:
        modules.setdefault(result.mutant.module, []).append(result)
    print("\nmodule                     killed / mutants  score   (equivalent, not counted)")
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
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if args.k in m.name]
    if args.list:
        for m in chosen:
            print(f"{m.name:<36} {m.module:<22} {m.why}")
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
            print(f"{mark} {result.mutant.name:<36} {result.seconds:6.1f} s  {result.detail}")
            sys.stdout.flush()
            results.append(result)
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
