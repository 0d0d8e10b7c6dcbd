"""Export: every format from the example, with the real Graphviz; failures leave files alone."""

from __future__ import annotations

import json

import pytest
from defusedxml import ElementTree

import argmap
from argmap.render import _backend

from ..conftest import ENGINES

SVG = "{http://www.w3.org/2000/svg}"


def _statement_ids_in(svg: bytes) -> set[str]:
    root = ElementTree.fromstring(svg)
    return {
        g.get("id", "").removeprefix("statement-")
        for g in root.iter(f"{SVG}g")
        if g.get("class", "").startswith("node")
    }


@pytest.mark.graphviz
@pytest.mark.parametrize("engine", ENGINES)
def test_the_example_renders_with_every_statement(parler, engine):
    svg = parler.render("svg", engine=engine)
    assert _statement_ids_in(svg) >= set(parler.statements.keys())
    shown = _statement_ids_in(svg)
    for statement_id in ("P0", "A0", "F0", "F1", "F1a", "F1b", "F1c", "F2", "F3", "F4", "R"):
        assert statement_id in shown
    texts = {t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}text")}
    assert {"Not about free speech", "AWS had no right", "Injunction denied"} <= texts


@pytest.mark.graphviz
@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (".svg", lambda b: ElementTree.fromstring(b).tag == f"{SVG}svg"),
        (".png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
        (".pdf", lambda b: b.startswith(b"%PDF-")),
        (".dot", lambda b: b.startswith(b"digraph argmap {")),
        (".json", lambda b: "objects" in json.loads(b)),
    ],
)
def test_export_by_suffix(tmp_path, parler, suffix, check):
    path = parler.export(tmp_path / f"map{suffix}", legend=True)
    assert check(path.read_bytes())


@pytest.mark.graphviz
def test_png_is_a_readable_size(tmp_path, parler):
    data = parler.export(tmp_path / "map.png").read_bytes()
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert 1000 < width < 6000 and 500 < height < 4000, (width, height)


def test_a_failed_render_leaves_the_old_file(tmp_path, parler, monkeypatch):
    target = tmp_path / "map.png"
    target.write_bytes(b"old picture")
    monkeypatch.setenv("ARGMAP_ENGINE", "wasm")  # cannot draw PNG
    with pytest.raises(argmap.EngineNotFoundError, match="apt-get install graphviz"):
        parler.export(target)
    assert target.read_bytes() == b"old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_the_notebook_display_has_svg_and_text(parler):
    bundle = parler._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert "Parler LLC (plaintiff)" in bundle["text/plain"]


def test_the_notebook_display_without_graphviz_still_shows_text(parler, monkeypatch):
    monkeypatch.setattr(
        _backend,
        "run",
        lambda *a, **k: (_ for _ in ()).throw(argmap.EngineNotFoundError("no engine")),
    )
    bundle = parler._repr_mimebundle_()
    assert "image/svg+xml" not in bundle
    assert bundle["text/plain"].endswith("(no diagram: no engine)")


def test_export_never_replaces_a_map(tmp_path, parler):
    path = parler.save(tmp_path / "m.argmap.json")
    saved = path.read_bytes()
    with pytest.raises(argmap.ArgmapError, match="would replace the map"):
        parler.export(path)
    assert path.read_bytes() == saved
