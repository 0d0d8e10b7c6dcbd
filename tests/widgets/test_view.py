"""The live diagram: one synced SVG, selection without Graphviz, focus, party filter, folds."""

from __future__ import annotations

import pytest
import traitlets
from defusedxml import ElementTree
from hypothesis import given

import argmap
from argmap.widgets.view import BACKGROUND_FROM

from ..strategies import argument_maps


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
    """The output beside the widget (nbconvert and nbviewer show it: tests/test_outputs.py)."""
    from argmap.widgets.view import FALLBACK_MIME

    bundle = view._fallback()
    assert bundle["image/svg+xml"] == view.svg
    assert FALLBACK_MIME in bundle and bundle["text/plain"]


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


def test_toolbar_options_are_synced_traits_that_draw_once(view):
    state = view.get_state()
    assert (state["direction"], state["legend"], state["evaluate"], state["show_title"]) == (
        "BT",
        False,
        False,
        True,
    )
    for trait, value, field in (
        ("direction", "LR", "direction"),
        ("legend", True, "legend"),
        ("evaluate", True, "evaluate"),
        ("show_title", False, "title"),
    ):
        before = view.renders
        setattr(view, trait, value)
        assert view.renders == before + 1
        assert getattr(view.options, field) == value
    dot = view.drawing("dot").decode()
    assert "cluster_legend" in dot and "DENIED" in dot and 'pos="' in dot
    assert "Parler v. Amazon" not in dot  # no title
    assert "DENIED" in view.svg and 'id="legend"' in view.svg


def test_options_and_with_options_stay_one_with_the_traits(parler):
    view = argmap.View(parler, options=argmap.RenderOptions(legend=True, width=20))
    assert view.legend and view.options.width == 20
    before = view.renders
    assert view.with_options(direction="TB", evaluate=True, max_lines=2) is view
    assert view.renders == before + 1  # four choices, one drawing
    assert (view.direction, view.evaluate, view.legend) == ("TB", True, True)
    assert view.options == argmap.RenderOptions(
        direction="TB", legend=True, width=20, max_lines=2, evaluate=True
    )
    view.options = argmap.RenderOptions()
    assert view.renders == before + 2
    assert (view.direction, view.legend, view.evaluate, view.show_title) == (
        "BT",
        False,
        False,
        True,
    )
    with pytest.raises(traitlets.TraitError):
        view.direction = "up"


def test_folding_leaves_out_the_subtree_and_says_how_much(view, parler):
    view.collapsed = ["P0"]
    hidden = parler.subtree("P0")
    # AWS's A2 and A3 argue for AWS's own position too: they stay in view.
    assert hidden == {"P1", "P1a", "P2", "P3", "P4", "P5"}
    assert _shown(view.svg) == set(parler.statements.keys()) - hidden
    assert "6 more statements folded away" in view.svg
    assert view.get_state()["collapsed"] == ["P0"]
    assert set(view.graph["folded"]) == hidden
    assert view.graph["folded"]["P1a"]["under"] == ["P0"]
    assert view.graph["folded"]["P1a"]["title"] == "Twitter kept its AWS deal"
    assert all(a in _shown(view.svg) and b in _shown(view.svg) for a, b, _ in view.graph["links"])
    view.collapsed = []
    assert _shown(view.svg) == set(parler.statements.keys())


def test_folds_count_only_what_else_would_be_drawn(view, parler):
    view.hidden_parties = ["aws"]
    view.collapsed = ["P0", "P0", "P1"]  # twice is once
    assert view.collapsed == ["P0", "P1"]
    assert "6 more statements folded away" in view.svg
    assert view.graph["folded"]["P1a"]["under"] == ["P0", "P1"]


def test_unknown_folds_are_refused_and_vanished_ones_dropped(view, parler):
    with pytest.raises(traitlets.TraitError, match="unknown statement: 'nope'"):
        view.collapsed = ["P0", "nope"]
    assert view.collapsed == []
    view.collapsed = ["P1", "P0"]
    before = view.renders
    parler.remove_statement("P1")
    assert view.collapsed == ["P0"] and view.renders == before + 1
    parler.undo()
    assert view.collapsed == ["P0"]


@pytest.mark.graphviz
def test_a_download_is_what_is_on_screen(parler, monkeypatch):
    editor = argmap.Editor(parler)
    view = editor.view
    view.with_options(direction="LR", legend=True, evaluate=True, title=False)
    view.hidden_parties = ["aws"]
    view.collapsed = ["P1"]
    view.selected = "P0"
    view.focus = 2
    sent = []
    monkeypatch.setattr(view, "send", lambda content, buffers=None: sent.append((content, buffers)))
    for fmt in ("svg", "dot", "png", "pdf"):
        editor.download(fmt)
        assert editor.status.level == "info", editor.status.value
    downloads = {content["filename"].rsplit(".", 1)[1]: data for content, (data,) in sent}
    assert downloads["svg"] == view.svg.encode("utf-8")
    # The same part of the map, options and folds, drawn without the View.
    shown = parler.neighbourhood("P0", 2) - {"A0", *[s.id for s in parler.statements_of("aws")]}
    shown -= parler.subtree("P1")
    assert view.visible() == shown
    expected = argmap.render.render(
        parler.subset(shown),
        "dot",
        options=argmap.RenderOptions(direction="LR", legend=True, evaluate=True, title=False),
        evaluation=argmap.evaluate(parler),
        collapsed={"P1": len(parler.subtree("P1") & parler.neighbourhood("P0", 2))},
    )
    assert downloads["dot"] == expected
    assert downloads["png"].startswith(b"\x89PNG") and downloads["pdf"].startswith(b"%PDF")
    assert downloads["png"] == view.drawing("png")


def test_subtree_follows_arguments_not_verdicts(parler):
    assert parler.subtree("F1") == {"F1a", "F1b", "F1c"}  # findings supporting a finding
    assert "F1a" not in parler.subtree("P1")  # F1a rejects P1: a verdict, not an argument
    assert "A0" not in parler.subtree("P0")  # the other side's thesis is not part of it
    assert parler.subtree("P1") == {"P1a"}  # P1 and A3 attack each other: neither folds the other
    assert parler.subtree("A3") == set()
    with pytest.raises(argmap.UnknownIdError):
        parler.subtree("nope")


@given(argument_maps())
def test_subtree_holds_only_what_argues_for_or_against(themap):
    arguing = [r for r in themap.relations if r.kind in ("support", "attack")]
    for statement in themap.statements:
        tree = themap.subtree(statement.id)
        assert statement.id not in tree
        for member in tree:
            other = themap.statements[member]
            assert not (other.kind == "position" and other.party != statement.party)
            # each argues about the statement or about another member
            assert any(r.origin == member and r.target in tree | {statement.id} for r in arguing)
            assert statement.id not in themap.subtree(member)  # no two fold each other away


def test_every_trait_can_be_given_when_the_view_is_made(parler):
    view = argmap.View(parler, selected="P1", collapsed=["P0"], direction="LR", show_title=False)
    assert (view.selected, view.collapsed, view.options.direction) == ("P1", ["P0"], "LR")
    assert not view.options.title and view.renders == 1
    with pytest.raises(traitlets.TraitError, match="unknown statement: 'nope'"):
        argmap.View(parler, collapsed=["nope"])


def test_undo_redo_and_toggling_back_reuse_the_drawing(view, parler):
    first = view.svg
    parler.add_statement("P6", party="parler", kind="reason", text="A late argument.")
    added, before = view.svg, view.renders
    parler.undo()
    assert view.svg == first
    parler.redo()
    assert view.svg == added
    view.legend = True
    view.legend = False
    assert view.svg == added and view.renders == before + 1  # only the key was new


def _generated(size: int) -> argmap.ArgumentMap:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    from generate import generate

    return generate(size, seed=size)


@pytest.mark.graphviz
def test_a_large_map_draws_in_the_background_and_edits_made_meanwhile_coalesce():
    """Issue 10: the kernel never waits for Graphviz on a large map; the last state wins."""
    big = _generated(500)
    assert len(big.statements) >= BACKGROUND_FROM
    view = argmap.View(big)
    # The View is back before its drawing: the cell is done, the kernel free for the next.
    assert view.busy and view.svg == ""
    added = []
    for number in range(3):  # three edits while Graphviz draws
        statement = big.add_statement(party="plaintiff", kind="reason", text=f"Edit {number}.")
        big.add_relation(statement.id, "P1", "support")
        added.append(statement.id)
    assert view.wait(120)
    assert not view.busy and view.status == ""
    # None lost: the drawing shows every edit; coalesced: at most the first state and the last.
    assert set(added) <= _shown(view.svg) and set(added) <= set(view.graph["nodes"])
    assert 1 <= view.renders <= 2
    # Undo the last edit (its relation, then its statement): states never drawn, so drawn
    # in the background, together.
    big.undo()
    big.undo()
    assert view.wait(120) and added[-1] not in _shown(view.svg)
    # Redo both: the state at the end was drawn before and shows at once, from the cache,
    # whatever the thread is still drawing of the state in between.
    big.redo()
    big.redo()
    assert added[-1] in _shown(view.svg) and view.wait(120)
    assert added[-1] in _shown(view.svg)
