"""argmap's Argdown as the real Argdown command line reads it (installed by `make test`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

sys.path.insert(0, str(Path(__file__).parent.parent.parent / "benchmarks"))

from generate import generate

pytestmark = pytest.mark.slow

ARGDOWN = Path(sys.prefix) / "argdown" / "node_modules" / ".bin" / "argdown"


def _read_by_argdown(themap: argmap.ArgumentMap, folder: Path) -> dict[str, list[object]]:
    assert ARGDOWN.exists(), "install it: scripts/ensure-argdown .venv/argdown (make test does)"
    source = folder / "map.argdown"
    source.write_text(themap.dumps("argdown"), "utf-8")
    done = subprocess.run(
        [str(ARGDOWN), "json", str(source), str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0 and "Successfully" in done.stdout, done.stdout + done.stderr
    exported: dict[str, list[object]] = json.loads((folder / "map.json").read_text("utf-8"))
    return exported


@pytest.mark.parametrize("name", ["parler", "generated"])
def test_the_argdown_cli_accepts_the_export(name, tmp_path, parler):
    themap = parler if name == "parler" else generate(60, seed=3)
    exported = _read_by_argdown(themap, tmp_path)
    # Argdown counts statements and arguments apart: together they are argmap's statements.
    assert len(exported["statements"]) + len(exported["arguments"]) == len(themap.statements)
