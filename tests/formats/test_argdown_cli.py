"""argmap's Argdown as the real Argdown command line reads it (installed by `make test`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

sys.path.insert(0, str(Path(__file__).parent.parent.parent / "benchmarks"))

from argmap.formats import _argdown
from generate import generate

from ..strategies import PINNED_MAPS

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


#: How Argdown names argmap's relations: verdicts are written as + and -.
_AS_ARGDOWN = {"support": "support", "upholds": "support", "acknowledges": "support"}


def _maps() -> dict[str, argmap.ArgumentMap]:
    return {
        "parler": argmap.example("parler-v-aws"),
        "generated": generate(60, seed=3),
        "titles like relations": PINNED_MAPS[-2],
        "control characters": PINNED_MAPS[0],
    }


@pytest.mark.parametrize("name", list(_maps()))
def test_the_argdown_cli_reads_the_export_with_nothing_lost(name, tmp_path):
    themap = _maps()[name]
    exported = _read_by_argdown(themap, tmp_path)
    # Argdown counts statements and arguments apart: together they are argmap's statements.
    assert len(exported["statements"]) + len(exported["arguments"]) == len(themap.statements)
    # Every relation, in its direction, between the statements argmap wrote (by their titles).
    label = _argdown._labels(themap)
    written = {
        (label[r.origin], _AS_ARGDOWN.get(r.kind, "attack"), label[r.target])
        for r in themap.relations
    }
    read = set()
    for relation in exported["relations"]:
        kind = relation["relationType"]
        if kind == "contradictory":  # "><": each attacks the other
            read |= {(relation["from"], "attack", relation["to"])}
            read |= {(relation["to"], "attack", relation["from"])}
        else:
            read.add((relation["from"], kind, relation["to"]))
    assert read == written
