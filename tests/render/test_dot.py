"""The diagram's DOT text: every statement and relation drawn, the visual grammar applied."""

from __future__ import annotations

import json
import re

import pytest

from argmap.render import RenderOptions, node_id, to_dot
from argmap.render.dot import sketch
from argmap.render.geometry import boxes
from argmap.render.style import KIND_STYLES, RELATION_STYLES


def test_every_statement_and_relation_is_drawn(parler):
    text = to_dot(parler)
    for statement in parler.statements:
        assert f'"{statement.id}" [id="{node_id(statement.id)}"' in text
    edges = re.findall(r'^  "([^"]+)" -> "([^"]+)" \[id="relation-([^"]+)"', text, re.M)
    # Two statements that attack each other share one line, with a bar at both ends.
    mutual = [line for line in text.splitlines() if "relation-mutual" in line]
    assert len(edges) + len(mutual) == len(parler.relations)
    assert len(mutual) == 3 and all("dir=both, arrowtail=tee" in line for line in mutual)
    assert any('id="relation-A0-P0"' in line and "attack each other" in line for line in mutual)


@pytest.mark.graphviz
def test_each_party_has_its_band_and_the_positions_share_a_row(parler):
    drawn = parler.render("dot", engine="system").decode()
    for party in parler.parties:
        assert re.search(f'subgraph "?cluster_{party.id}"? {{', drawn)
    found = boxes(json.loads(parler.render("json", engine="system")))
    assert found["P0"].y == found["A0"].y and found["P0"].x < found["A0"].x
    assert all(found[f].y > found["P5"].y for f in ("F0", "F1", "R"))  # the court below


def test_kinds_and_relations_differ_without_colour():
    shapes = {(s.shape, s.style, s.peripheries, s.penwidth > 2) for s in KIND_STYLES.values()}
    assert len(shapes) == len(KIND_STYLES)
    lines = {(s.style, s.arrowhead) for s in RELATION_STYLES.values()}
    assert len(lines) == len(RELATION_STYLES)


def test_court_reasoning_runs_down_to_the_ruling(parler):
    text = to_dot(parler)
    # F1 supports R and sits above it: the line runs down, arrow first.
    line = next(line for line in text.splitlines() if 'id="relation-F1-R"' in line)
    assert line.startswith('  "F1" -> "R" [') and "dir=back" not in line
    # P1 supports P0 and sits below it: drawn from P0's side with the arrow turned.
    line = next(line for line in text.splitlines() if 'id="relation-P1-P0"' in line)
    assert line.startswith('  "P0" -> "P1" [') and "dir=back" in line


def test_lines_between_bands_do_not_set_ranks(parler):
    line = next(line for line in to_dot(parler).splitlines() if 'id="relation-A2-P2"' in line)
    assert 'constraint="false"' in line
    # and argmap's own first pass leaves them out: they are drawn over the finished layout
    assert 'id="relation-A2-P2"' not in sketch(parler).source


def test_tooltips_carry_the_full_text_and_the_quote(parler):
    text = to_dot(parler)
    line = next(line for line in text.splitlines() if line.startswith('  "F1b" ['))
    assert "immediately upon notice" in line and "tooltip=" in line
    assert 'URL="https://law.justia.com/' in line


def test_long_text_is_wrapped_and_cut_but_never_in_the_tooltip(debate):
    long = " ".join(["word"] * 200)
    debate.update_statement("P1", text=long)
    text = to_dot(debate, RenderOptions(width=20, max_lines=2))
    line = next(line for line in text.splitlines() if line.startswith('  "P1" ['))
    label = line[line.index("label=<") : line.index("tooltip=")]
    assert label.count("<BR/>") == 2 and "word…</FONT>" in label  # three lines, then cut
    assert long in line


def test_legend_lists_only_what_the_map_uses(debate):
    text = to_dot(debate, RenderOptions(legend=True))
    assert '"legend_position"' in text and '"legend_upholds_from"' in text
    assert '"legend_ruling"' not in text and '"legend_rejects_from"' not in text
    assert "cluster_legend" not in to_dot(debate)


@pytest.mark.graphviz
@pytest.mark.parametrize(
    ("direction", "reason_is"), [("BT", "below"), ("TB", "above"), ("LR", "left"), ("RL", "right")]
)
def test_directions(debate, direction, reason_is):
    found = boxes(json.loads(debate.render("json", engine="system", direction=direction)))
    claim, reason = found["P0"], found["P1"]  # P1 supports P0
    where = {
        "below": reason.y > claim.y,
        "above": reason.y < claim.y,
        "left": reason.x < claim.x,
        "right": reason.x > claim.x,
    }
    assert where[reason_is], (direction, claim, reason)


def test_bad_options_are_refused():
    with pytest.raises(ValueError, match="unknown direction: 'up'"):
        RenderOptions(direction="up")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="width must be from 8 to 200"):
        RenderOptions(width=3)


@pytest.mark.graphviz
def test_dot_output_is_the_drawing_laid_out(debate):
    drawn = debate.render("dot", engine="system").decode()
    assert drawn.startswith("digraph argmap {") and 'pos="' in drawn and "cluster_" in drawn


def test_each_box_says_what_the_court_decided(parler):
    text = to_dot(parler)

    def label(statement_id: str) -> str:
        line = next(x for x in text.splitlines() if x.startswith(f'  "{statement_id}" ['))
        return line[line.index("label=") : line.index("tooltip=")].replace("<BR/>", " ")

    assert "REJECTED by F1a" in label("P1")
    assert "ACKNOWLEDGED by F2" in label("P4")
    assert "UPHELD by F0, F3" in label("A1")
    assert "REJECTED by R" in label("P0")
    assert "decides: Likely success on the merits" in label("F1")
    assert "UPHELD" not in label("A1a")


def test_plain_labels_for_graphviz_without_html_labels(parler):
    text = to_dot(parler, RenderOptions(html_labels=False))
    assert "<TABLE" not in text and "<B>" not in text
    assert 'label="P1 · REASON\\lREJECTED by F1a\\l' in text


def test_the_title_can_be_left_out(parler):
    assert "W.D. Wash. 2021" in to_dot(parler).splitlines()[1]
    assert "W.D. Wash. 2021" not in to_dot(parler, RenderOptions(title=False)).splitlines()[1]


def test_a_folded_box_says_how_much_it_hides(parler):
    text = to_dot(parler.subset(["P0", "A0"]), collapsed={"P0": 7, "A0": 1, "gone": 2})
    p0 = next(x for x in text.splitlines() if x.startswith('  "P0" ['))
    a0 = next(x for x in text.splitlines() if x.startswith('  "A0" ['))
    assert "▸ 7 more statements folded away" in p0
    assert "▸ 1 more statement folded away" in a0
