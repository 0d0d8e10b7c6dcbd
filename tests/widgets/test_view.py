"""The live diagram: one synced SVG, selection without Graphviz, focus and party filter."""

from __future__ import annotations

import pytest
import traitlets
from defusedxml import ElementTree

import argmap


@pytest.fixture
def view(parler):
    return argmap.View(parler)


def _shown(svg: str) -> set[str]:
    root = ElementTree.fromstring(svg.encode())
    return {
        g.get("id", "").removeprefix("statement-")
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("class", "").startswith("node")
    }


def test_state_is_one_svg_and_a_small_graph(view, parler):
    state = view.get_state()
    assert state["svg"].lstrip().startswith("<?xml")
    assert set(state["graph"]["nodes"]) == set(parler.statements.keys())
    assert len(state["graph"]["links"]) == len(parler.relations)
    assert [p["id"] for p in state["graph"]["parties"]] == ["parler", "aws", "court"]
    assert _shown(state["svg"]) == set(parler.statements.keys())


def test_selection_does_not_run_graphviz(view):
    before = view.renders
    for statement_id in ("P1", "F1a", "A0", ""):
        view.selected = statement_id
    assert view.renders == before
    assert view.get_state()["selected"] == ""


def test_unknown_selection_is_refused(view):
    with pytest.raises(traitlets.TraitError, match="unknown statement: 'nope'"):
        view.selected = "nope"


def test_the_view_follows_changes_of_the_map(view, parler):
    parler.add_statement("P6", party="parler", kind="reason", text="A late argument.")
    assert "P6" in _shown(view.svg) and "P6" in view.graph["nodes"]
    view.selected = "P6"
    parler.undo()
    assert "P6" not in _shown(view.svg)
    assert view.selected == ""  # a deleted statement cannot stay selected


def test_focus_shows_the_neighbourhood(view, parler):
    view.selected = "F1a"
    view.focus = 1
    assert _shown(view.svg) == {"F1a", "F1", "P1", "P1a", "A3"}
    view.focus = 0
    assert _shown(view.svg) == set(parler.statements.keys())


def test_party_filter(view, parler):
    view.hidden_parties = ["aws"]
    shown = _shown(view.svg)
    assert not any(s.startswith("A") for s in shown)
    assert {"P0", "F1", "R"} <= shown


def test_static_fallback_for_places_without_widgets(view):
    bundle = view._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/svg+xml"] == view.svg


def test_downloads_go_to_the_browser_as_a_message(view, monkeypatch):
    sent = []
    monkeypatch.setattr(view, "send", lambda content, buffers=None: sent.append((content, buffers)))
    view.download(b"<svg/>", "map.svg", "image/svg+xml")
    assert sent == [
        ({"type": "download", "filename": "map.svg", "mime": "image/svg+xml"}, [b"<svg/>"])
    ]


def test_the_browser_module_ships_in_the_package():
    from argmap.widgets.view import STATIC

    text = (STATIC / "view.js").read_text("utf-8")
    assert "export default" in text
    assert "http://" not in text.replace('"http://www.w3.org/2000/svg"', "").replace(
        "https?:\\/\\/", ""
    )
    assert "import " not in text  # no CDN or bundler imports: the module stands alone
    assert (STATIC / "view.css").exists() and (STATIC / "status.js").exists()


def test_user_text_reaches_the_browser_escaped(parler):
    parler.add_statement(
        "P6",
        party="parler",
        kind="reason",
        text="<img src=x onerror=alert(1)>",
        title="<script>x</script>",
    )
    svg = argmap.View(parler).svg
    assert "<img" not in svg and "<script>x" not in svg
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg


def test_a_focused_view_with_evaluation_uses_the_whole_maps_statuses(parler):
    view = argmap.View(parler, options=argmap.RenderOptions(evaluate=True))
    view.selected = "P0"
    view.focus = 1
    assert "P0" in _shown(view.svg) and "F1a" not in _shown(view.svg)
    assert "REJECTED by R" in view.svg and not view.status
