"""networkx and pandas: a map as a graph and tables, a graph back as the same map."""

from __future__ import annotations

import pytest
from hypothesis import given

import argmap
from argmap.exceptions import ValidationError

from ..strategies import argument_maps, pinned

nx = pytest.importorskip("networkx")
pd = pytest.importorskip("pandas")


def test_the_graph_carries_every_field(parler):
    graph = parler.to_networkx()
    assert isinstance(graph, nx.DiGraph)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (22, 37)
    assert graph.graph["title"] == parler.title
    assert [p["id"] for p in graph.graph["parties"]] == ["parler", "aws", "court"]
    assert graph.graph["tests"][0]["factors"][0] == {
        "id": "success",
        "name": "Likely success on the merits",
        "deciding": ["F1"],
    }
    assert graph.nodes["A0"] == {
        "party": "aws",
        "kind": "position",
        "title": "Not about free speech",
        "text": parler.statements["A0"].text,
        "citations": [
            {"source": "reuters", "quote": parler.statements["A0"].citations[0].quote},
            {"source": "t3n", "quote": parler.statements["A0"].citations[1].quote},
        ],
        "tags": ["A4"],
        "translations": dict(parler.statements["A0"].translations),
    }
    assert graph.edges["F2", "P4"] == {"kind": "acknowledges", "order": 26}
    # The graph is networkx's own: its algorithms apply.
    assert nx.has_path(graph, "P1a", "P0") and not nx.is_directed_acyclic_graph(graph)


def test_the_parler_graph_comes_back_as_the_map(parler):
    assert argmap.from_networkx(parler.to_networkx()) == parler


@given(argument_maps())
@pinned
def test_random_maps_come_back_from_their_graphs(themap):
    assert argmap.from_networkx(themap.to_networkx()) == themap


def test_a_graph_built_by_hand_becomes_a_map():
    graph = nx.MultiDiGraph(title="Lunch")
    graph.add_node("eat", text="Let's eat.", party="ann")
    graph.add_node("hungry", text="I am hungry.", party="ann", tags=("urgent",))
    graph.add_node("late", text="It is too late.")
    graph.add_edge("hungry", "eat", kind="support")
    graph.add_edge("late", "eat", kind="attack")
    themap = argmap.from_networkx(graph)
    assert themap.title == "Lunch"
    assert [(p.id, p.name, p.role) for p in themap.parties] == [
        ("ann", "ann", "other"),
        ("author", "Author", "other"),
    ]
    assert [(s.id, s.party, s.kind, s.tags) for s in themap.statements] == [
        ("eat", "ann", "position", ()),
        ("hungry", "ann", "reason", ("urgent",)),
        ("late", "author", "objection", ()),
    ]


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda g: g.add_node("x", party="p"), "node 'x': 'text' is a required property"),
        (
            lambda g: (g.add_node("x", text="X"), g.add_node("y", text="Y"), g.add_edge("x", "y")),
            "edge 'x' -> 'y': 'kind' is a required property",
        ),
        (
            lambda g: (g.add_node("x", text="X"), g.add_edge("x", "nowhere", kind="support")),
            "node 'nowhere': 'text' is a required property",
        ),
        (lambda g: g.add_node(7, text="Seven"), "node 7: id: 7 is not of type 'string'"),
        (
            lambda g: (
                g.add_node("x", text="X"),
                g.add_node("y", text="Y"),
                g.add_edge("x", "y", kind="support"),
                g.add_edge("x", "y", kind="attack"),
            ),
            "edge 'x' -> 'y': 'x' and 'y' are already linked (support)",
        ),
        (
            lambda g: g.graph.update(parties=[{"id": "p", "name": "P", "role": "judge"}]),
            "graph['parties'][0]: role: 'judge' is not one of",
        ),
    ],
)
def test_a_bad_graph_names_the_node_or_edge(build, expected):
    graph = nx.MultiDiGraph()
    build(graph)
    with pytest.raises(ValidationError) as caught:
        argmap.from_networkx(graph)
    assert f"<networkx>: {expected}" in str(caught.value)


def test_an_undirected_graph_is_refused():
    with pytest.raises(ValidationError, match="expected a directed networkx graph"):
        argmap.from_networkx(nx.Graph())


def test_the_tables_have_one_row_a_statement_and_a_relation(parler):
    statements = parler.statements_frame()
    assert list(statements.columns) == [
        "party",
        "kind",
        "title",
        "text",
        "citations",
        "tags",
        "translations",
    ]
    assert statements.index.name == "id" and list(statements.index) == parler.statements.keys()
    assert statements.loc["F2", "kind"] == "finding"
    assert statements.groupby("party").size().to_dict() == {"aws": 6, "court": 9, "parler": 7}
    relations = parler.relations_frame()
    assert list(relations.columns) == ["origin", "target", "kind"]
    assert len(relations) == 37 and tuple(relations.iloc[0]) == ("P1", "P0", "support")
    assert relations["kind"].value_counts()["rejects"] == 6


def test_an_empty_map_gives_empty_tables():
    themap = argmap.ArgumentMap()
    assert themap.statements_frame().empty and themap.relations_frame().empty
    assert list(themap.relations_frame().columns) == ["origin", "target", "kind"]
