"""AIF JSON: valid AIF written, read back whole; OVA3 and AIFdb files read; problems placed."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.exceptions import ValidationError
from argmap.formats import _aif, find_format

from ..conftest import DATA
from ..strategies import argument_maps, pinned


def _relations(themap: argmap.ArgumentMap) -> list[tuple[str, str, str]]:
    return [(r.origin, r.kind, r.target) for r in themap.relations]


def test_the_parler_map_survives_a_round_trip(tmp_path, parler):
    path = tmp_path / "parler.aif.json"
    parler.save(path)
    assert find_format(path).name == "aif"  # not argmap's own ".json"
    assert argmap.load(path) == parler


@given(argument_maps())
@pinned
def test_random_maps_survive_a_round_trip(themap):
    assert argmap.loads(themap.dumps("aif"), "aif") == themap


def test_what_is_written_is_valid_aif_in_ova3s_wrapper(parler):
    data = json.loads(parler.dumps("aif"))
    assert list(data) == ["AIF", "text", "OVA", "argmap"]
    aif = data["AIF"]
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    assert len(nodes) == len(aif["nodes"]) and {n["type"] for n in nodes.values()} == {
        "I",
        "L",
        "YA",
        "RA",
        "CA",
    }
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for edge in aif["edges"]:
        assert edge["fromID"] in nodes and edge["toID"] in nodes
        out_of.setdefault(edge["fromID"], []).append(edge["toID"])
        into.setdefault(edge["toID"], []).append(edge["fromID"])
    # One RA a support and one CA an attack, each from one premise to one conclusion.
    schemes = [n for n in nodes.values() if n["type"] in ("RA", "CA")]
    assert len(schemes) == len(parler.relations) == 37
    for node in schemes:
        (premise,), (conclusion,) = into[node["nodeID"]], out_of[node["nodeID"]]
        assert nodes[premise]["type"] == nodes[conclusion]["type"] == "I"
    # Every statement is asserted by its party: L-node -> Asserting YA-node -> I-node.
    people = {p["participantID"]: p["firstname"] for p in aif["participants"]}
    said = {loc["nodeID"]: people[loc["personID"]] for loc in aif["locutions"]}
    for node in (n for n in nodes.values() if n["type"] == "I"):
        (asserting,) = [n for n in into[node["nodeID"]] if nodes[n]["type"] == "YA"]
        (locution,) = into[asserting]
        assert nodes[asserting]["text"] == "Asserting"
        assert nodes[locution]["text"] == f"{said[locution]}: {node['text']}"
    assert {f["nodeID"] for f in aif["schemefulfillments"]} <= set(nodes)
    assert [n["nodeID"] for n in data["OVA"]["nodes"]] == list(nodes)


def test_edges_run_premise_to_scheme_to_conclusion_as_the_aif_spec_says(debate):
    """AIF (Chesñevar et al. 2006; AIFdb's JSON): an RA-node's incoming edge comes from the
    premise, its outgoing edge goes to the conclusion; a CA-node's from the attacker to the
    attacked. Checked on the written JSON by node text, without argmap's reader."""
    aif = json.loads(debate.dumps("aif"))["AIF"]
    text = {n["nodeID"]: n["text"] for n in aif["nodes"]}
    kind = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    chains = sorted(
        (text[first["fromID"]], kind[first["toID"]], text[second["toID"]])
        for first in aif["edges"]
        for second in aif["edges"]
        if first["toID"] == second["fromID"] and kind[first["toID"]] in ("RA", "CA")
    )
    said = {s.id: s.text for s in debate.statements}
    assert chains == sorted(
        [
            (said["P1"], "RA", said["P0"]),  # P1 supports P0
            (said["C1"], "CA", said["P1"]),  # C1 attacks P1
            (said["F1"], "RA", said["C1"]),  # F1 upholds C1
        ]
    )


def test_a_hand_made_aif_graph_reads_in_the_direction_of_its_edges():
    nodes = [
        {"nodeID": "1", "text": "Conclusion.", "type": "I"},
        {"nodeID": "2", "text": "Premise.", "type": "I"},
        {"nodeID": "3", "text": "Attacker.", "type": "I"},
        {"nodeID": "4", "text": "Default Inference", "type": "RA"},
        {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
    ]
    edges = [
        {"edgeID": "1", "fromID": "2", "toID": "4"},
        {"edgeID": "2", "fromID": "4", "toID": "1"},
        {"edgeID": "3", "fromID": "3", "toID": "5"},
        {"edgeID": "4", "fromID": "5", "toID": "2"},
    ]
    data = {"nodes": nodes, "edges": edges, "locutions": []}
    themap = argmap.loads(json.dumps(data), "aif")
    assert _relations(themap) == [("2", "support", "1"), ("3", "attack", "2")]


def test_support_for_an_inference_is_refused_not_read_as_an_attack():
    """I -> RA -> RA (backing an inference) has no place in argmap; only CA -> RA is read,
    as an undercut."""
    nodes = [
        {"nodeID": "1", "text": "A.", "type": "I"},
        {"nodeID": "2", "text": "B.", "type": "I"},
        {"nodeID": "3", "text": "C.", "type": "I"},
        {"nodeID": "4", "text": "Default Inference", "type": "RA"},
        {"nodeID": "5", "text": "Default Inference", "type": "RA"},
    ]
    edges = [
        {"fromID": "2", "toID": "4"},
        {"fromID": "4", "toID": "1"},
        {"fromID": "3", "toID": "5"},
        {"fromID": "5", "toID": "4"},
    ]
    with pytest.raises(ValidationError) as caught:
        argmap.loads(json.dumps({"nodes": nodes, "edges": edges, "locutions": []}), "aif")
    (problem,) = caught.value.problems
    assert problem.message == "RA node '5' points to RA node '4', which argmap cannot hold"


def test_the_extension_field_holds_what_aif_cannot(parler):
    ext = json.loads(parler.dumps("aif"))["argmap"]
    assert ext["version"] == 1 and ext["title"] == parler.title
    assert [p["role"] for p in ext["parties"]] == ["plaintiff", "defendant", "court"]
    assert ext["tests"][0]["id"] == "winter"
    assert ext["statements"]["1"] == {
        "id": "P0",
        "kind": "position",
        "title": "AWS had no right",
        "citations": [{"source": "t3n", "quote": "Amazon habe kein Recht zur Abschaltung gehabt"}],
        "translations": {
            "de": "Amazon hatte kein Recht, Parler abzuschalten; der Dienst muss wiederhergestellt werden."
        },
    }
    assert sorted(set(ext["relations"].values())) == ["acknowledges", "rejects", "upholds"]
    (note,) = _aif.lossy(parler)
    assert note.startswith("AIF has no place for party roles, statement kinds, titles")
    assert "legal tests" in note and "'argmap' extension field" in note


def test_without_the_extension_the_structure_still_reads(parler):
    data = json.loads(parler.dumps("aif"))
    del data["argmap"]
    themap = _aif.from_data(data, "plain.aif.json", argmap.ArgumentMap)
    assert [p.name for p in themap.parties] == [p.name for p in parler.parties]
    assert [s.text for s in themap.statements] == [s.text for s in parler.statements]
    verdicts = {"upholds": "support", "acknowledges": "support", "rejects": "attack"}
    assert [k for _, k, _ in _relations(themap)] == [
        verdicts.get(r.kind, r.kind) for r in parler.relations
    ]


def test_an_ova3_file_reads_node_by_node():
    themap = argmap.load(DATA / "ova3_parler.json", format="aif")
    assert [(p.id, p.name, p.role) for p in themap.parties] == [
        ("Participant-Parler", "Participant Parler", "other"),
        ("Participant-AWS", "Participant AWS", "other"),
    ]
    t = "_170532964521346897"
    assert [(s.id, s.party, s.kind, s.text) for s in themap.statements] == [
        (f"2{t}", "Participant-Parler", "position", "AWS had no right to shut Parler down"),
        (f"5{t}", "Participant-Parler", "reason", "AWS gave Parler less than thirty hours' notice"),
        (
            f"8{t}",
            "Participant-AWS",
            "objection",
            "the Customer Agreement lets AWS terminate immediately upon notice for a material breach",
        ),
        (f"11{t}", "Participant-AWS", "objection", "Parler broke AWS's Acceptable Use Policy"),
        (
            f"14{t}",
            "Participant-AWS",
            "reason",
            "Parler's users posted content that incites violence",
        ),
    ]
    assert _relations(themap) == [
        (f"5{t}", "support", f"2{t}"),  # I -> RA -> I
        (f"11{t}", "attack", f"2{t}"),  # I -> CA -> I
        (f"8{t}", "attack", f"5{t}"),  # I -> CA -> RA: an undercut attacks the RA's premise
        (f"14{t}", "support", f"11{t}"),  # a named scheme is an RA all the same
    ]


def test_an_aifdb_file_reads_node_by_node():
    themap = argmap.load(DATA / "aifdb_four_day_week.json", format="aif")
    # No participants in the file: the speakers come from the locutions' "Speaker : text".
    assert [(p.id, p.name) for p in themap.parties] == [
        ("Anna", "Anna"),
        ("Ben", "Ben"),
        ("Moderator", "Moderator"),
    ]
    assert [(s.id, s.party, s.kind, s.text) for s in themap.statements] == [
        ("70101", "Anna", "position", "a four-day week would make people more productive"),
        (
            "70104",
            "Anna",
            "reason",
            "in the trials people got as much done in four days as in five",
        ),
        ("70110", "Ben", "objection", "the trials only covered office work"),
        ("70114", "Ben", "objection", "productivity fell when the hospital in the pilot cut a day"),
        ("70120", "Moderator", "position", "the trials were representative"),
    ]
    assert _relations(themap) == [
        ("70104", "support", "70101"),
        ("70110", "attack", "70104"),
        ("70114", "attack", "70101"),
    ]


def _good() -> dict:
    return json.loads((DATA / "aifdb_four_day_week.json").read_text("utf-8"))


def _node(data: dict, node_id: str) -> dict:
    return next(n for n in data["nodes"] if n["nodeID"] == node_id)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["edges"][5].update(toID="99999"),
            "$.edges[5] (edge '93006'): toID '99999' names no node",
        ),
        (
            lambda d: d["edges"].append({"fromID": True, "toID": "70101"}),
            "$.edges[24]: 'fromID' must be a string or a number",
        ),
        (
            lambda d: _node(d, "70107").update(type="XA"),
            "$.nodes[6] (node '70107'): unknown node type: 'XA' (must be one of "
            "['I', 'L', 'RA', 'CA', 'MA', 'PA', 'YA', 'TA'])",
        ),
        (
            lambda d: _node(d, "70101").update(text=42),
            "$.nodes[0] (node '70101'): 'text' must be a string, not a number",
        ),
        (
            lambda d: d["nodes"].append(dict(d["nodes"][0])),
            "$.nodes[23] (node '70101'): duplicate nodeID",
        ),
        (
            lambda d: d["nodes"][1].pop("nodeID"),
            "$.nodes[1]: 'nodeID' must be a string or a number",
        ),
        (lambda d: d.update(nodes={}), "$.nodes: expected an array, not an object"),
        (lambda d: d.pop("nodes"), "$: no 'nodes': this is not AIF"),
        (
            lambda d: d["locutions"][0].update(nodeID="1"),
            "$.locutions[0]: nodeID '1' names no node",
        ),
        (
            lambda d: d["edges"].__delitem__(5),
            "$.nodes[6] (node '70107'): RA node '70107' has no conclusion",
        ),
        (
            lambda d: _node(d, "70101").update(text="  "),
            "$.nodes[0] (node '70101'): text: '  ' does not match",
        ),
        (
            lambda d: d.update(argmap={"version": 2}),
            "$.argmap.version: unsupported argmap version 2",
        ),
        (
            lambda d: d.update(argmap={"version": 1, "statements": {"70103": {"kind": "reason"}}}),
            "$.argmap.statements['70103']: no I-node '70103'",
        ),
        (
            lambda d: d.update(argmap={"version": 1, "statements": {"70101": {"kind": "claim"}}}),
            "$.nodes[0] (node '70101'): kind: 'claim' is not one of",
        ),
    ],
)
def test_each_kind_of_bad_file_names_the_place(tmp_path, change, expected):
    data = copy.deepcopy(_good())
    change(data)
    path = tmp_path / "bad.aif.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ValidationError) as caught:
        argmap.load(path)
    assert f"{path}: {expected}" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", "$: expected an object, not an array"),
        ('{"AIF": []}', "$.AIF: expected an object, not an array"),
        ('{"nodes": [', "line 1, column 12: malformed JSON"),
    ],
)
def test_files_that_are_no_aif_at_all(text, expected):
    with pytest.raises(ValidationError, match=expected.replace("$", r"\$").replace("[", r"\[")):
        argmap.loads(text, "aif")


_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-1, 3)
    | st.sampled_from(["I", "RA", "CA", "70101", ""]),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from(["id", "kind"]), inner)
    ),
    max_leaves=4,
)


@st.composite
def _damaged(draw: st.DrawFn) -> dict:
    """The AIFdb fixture with a few values replaced or removed, anywhere."""
    data = _good()
    data["argmap"] = {"version": 1, "statements": {"70101": {"kind": "position"}}}
    for _ in range(draw(st.integers(1, 3))):
        parent, key = None, None
        target = data
        while isinstance(target, (dict, list)) and target and draw(st.integers(0, 3)):
            keys = list(target) if isinstance(target, dict) else list(range(len(target)))
            parent, key = target, draw(st.sampled_from(keys))
            target = target[key]
        if parent is not None:
            if isinstance(parent, dict) and draw(st.booleans()):
                del parent[key]
            else:
                parent[key] = draw(_VALUES)
    return data


@given(_damaged())
def test_damaged_aif_reads_or_has_its_problems_placed(data):
    try:
        _aif.from_data(data, "x.json", argmap.ArgumentMap)
    except ValidationError as error:
        assert error.problems and all(p.place.startswith("$") for p in error.problems)
