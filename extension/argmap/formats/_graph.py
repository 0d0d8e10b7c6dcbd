"""A map as a networkx graph and as pandas tables, for analysis; and a graph back as a map.

The graph is a ``networkx.DiGraph``: a node a statement (its id; attributes ``party``,
``kind``, ``text``, ``title``, ``citations``, ``tags``, ``translations``), an edge a relation
(``kind``, and ``order``: its place in the map, which networkx does not keep), and the rest in
``graph.graph``: ``title``, ``description``, ``parties``, ``sources``, ``tests``, as plain
data like that of ``*.argmap.json``. networkx and pandas are optional
(``pip install jupyter-argmap[graph]``) and imported only when called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..exceptions import Problem, ValidationError
from ..model import ArgumentMap, Statement
from . import _interchange, _json

if TYPE_CHECKING:
    import networkx
    import pandas

__all__ = ["from_networkx", "relations_frame", "statements_frame", "to_networkx"]

_STATEMENT_COLUMNS = ("id", "party", "kind", "title", "text", "citations", "tags", "translations")


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"{module} is not installed; install it with: pip install 'jupyter-argmap[graph]'"
        ) from None


def _fields(statement: Statement) -> dict[str, Any]:
    return {
        "party": statement.party,
        "kind": statement.kind,
        "title": statement.title,
        "text": statement.text,
        "citations": _json._citation_data(statement.citations),
        "tags": list(statement.tags),
        "translations": dict(statement.translations),
    }


def to_networkx(themap: ArgumentMap) -> networkx.DiGraph:
    """The map as a directed graph whose attributes carry every field of the map."""
    nx = _need("networkx")
    data = _json.to_data(themap)
    graph = nx.DiGraph(
        title=themap.title,
        description=themap.description,
        parties=data["parties"],
        sources=data.get("sources", []),
        tests=data.get("tests", []),
    )
    for statement in themap.statements:
        graph.add_node(statement.id, **_fields(statement))
    for order, relation in enumerate(themap.relations):
        graph.add_edge(relation.origin, relation.target, kind=relation.kind, order=order)
    return graph


def from_networkx(
    graph: Any, file: str = "<networkx>", factory: Callable[[], ArgumentMap] = ArgumentMap
) -> ArgumentMap:
    """A map from a directed graph shaped like ``to_networkx``'s; every problem named.

    Nodes are statements and edges relations. A graph without ``parties`` gets a party
    (role ``other``) for each ``party`` its nodes name, ``author`` for nodes that name none;
    a node without ``kind`` gets one guessed from its relations. Text and an edge's ``kind``
    are required.
    """
    if not getattr(graph, "is_directed", lambda: False)():
        raise ValidationError(Problem("expected a directed networkx graph", "graph", file))
    attributes = _interchange.plain(dict(graph.graph))
    parties = attributes.get("parties")
    parties = list(parties) if isinstance(parties, list) else []
    places = {
        "parties": [f"graph['parties'][{i}]" for i in range(len(parties))],
        "sources": [f"graph['sources'][{i}]" for i in range(len(attributes.get("sources") or []))],
        "tests": [f"graph['tests'][{i}]" for i in range(len(attributes.get("tests") or []))],
        "statements": [],
        "relations": [],
    }
    roles = {
        p["id"]: p.get("role", "other")
        for p in parties
        if isinstance(p, dict) and isinstance(p.get("id"), str)
    }
    edges = [(u, v, _interchange.plain(dict(d))) for u, v, d in graph.edges(data=True)]
    edges.sort(key=lambda edge: _order(edge[2]))
    outgoing = _interchange.outgoing((u, v, str(d.get("kind"))) for u, v, d in edges)
    statements = []
    for node, node_data in graph.nodes(data=True):
        fields = _interchange.plain(dict(node_data))
        party = fields.get("party") or _interchange.DEFAULT_PARTY["id"]
        if isinstance(party, str) and party not in roles:
            known = party == _interchange.DEFAULT_PARTY["id"]
            parties.append(
                dict(_interchange.DEFAULT_PARTY)
                if known
                else {"id": party, "name": party, "role": "other"}
            )
            places["parties"].append(f"node {node!r}")
            roles[party] = "other"
        statement = {
            "id": node,
            "party": party,
            "kind": fields.get("kind")
            or _interchange.guess_kind(str(roles.get(party)), outgoing.get(node, [])),
            **{k: v for k, v in fields.items() if k in _STATEMENT_COLUMNS[3:] and v is not None},
        }
        statements.append(statement)
        places["statements"].append(f"node {node!r}")
    data = {
        "argmap": _json.VERSION,
        "title": attributes.get("title") or "",
        "description": attributes.get("description") or "",
        "parties": parties,
        "sources": attributes.get("sources") or [],
        "statements": statements,
        "relations": [
            {"from": u, "to": v, **({"kind": d["kind"]} if "kind" in d else {})}
            for u, v, d in edges
        ],
        "tests": attributes.get("tests") or [],
    }
    places["relations"] = [f"edge {u!r} -> {v!r}" for u, v, _ in edges]
    return _interchange.build(data, file, factory, places, "graph")


def _order(attributes: dict[str, Any]) -> float:
    order = attributes.get("order")
    return order if isinstance(order, int) and not isinstance(order, bool) else float("inf")


def statements_frame(themap: ArgumentMap) -> pandas.DataFrame:
    """A table of the statements: one row a statement, indexed by id."""
    pd = _need("pandas")
    rows = [{"id": s.id, **_fields(s)} for s in themap.statements]
    return pd.DataFrame(rows, columns=list(_STATEMENT_COLUMNS)).set_index("id")


def relations_frame(themap: ArgumentMap) -> pandas.DataFrame:
    """A table of the relations: one row a relation (origin, target, kind), in the map's order."""
    pd = _need("pandas")
    rows = [(r.origin, r.target, r.kind) for r in themap.relations]
    return pd.DataFrame(rows, columns=["origin", "target", "kind"])
