"""AIF JSON, the Argument Interchange Format as OVA and AIFdb write it: read and written.

Reading takes plain AIF (``{"nodes": …, "edges": …, "locutions": …}``, as AIFdb exports it)
and OVA3's wrapper (``{"AIF": {…}, "OVA": {…}, "text": …}``):

- each I-node (a proposition) becomes a statement, its ``nodeID`` the id where it is a valid id;
- premise I → RA → conclusion I is a support; attacker I → CA → target I an attack;
  MA (a rephrase) a support from the restatement to what it restates;
- an undercut, attacker I → CA → RA, becomes an attack on each premise of that RA: the
  inference falls and the conclusion loses that support, but is not itself attacked;
- the speaker of a statement is the one who asserts it: L-node → YA-node → I-node, the L-node's
  participant (``locutions`` and ``participants``) or else the ``Speaker : text`` of its text.
  Each speaker becomes a party (role ``other``); statements nobody asserts are ``author``'s.
  Kinds are guessed as for Argdown. TA-nodes, other illocutions, PA-nodes (preferences),
  schemes, timestamps and OVA's layout are not kept.

Writing gives OVA3's wrapper with valid AIF: an I-node, an L-node (``Party: text``) and an
``Asserting`` YA-node a statement, one RA-node (``Default Inference``) a support and one
CA-node (``Default Conflict``) an attack; the court's ``upholds`` and ``acknowledges`` are RA,
its ``rejects`` CA. What AIF has no place for goes into a top-level ``"argmap"`` extension
field: ``version``, ``title``, ``description``, ``parties`` (with ``participants`` mapping
participant ids to parties), ``sources``, ``tests``, ``statements`` (by I-node: id, kind,
title, citations, tags, translations) and ``relations`` (by RA/CA-node: the verdict, where it
is not plain support or attack). With it, a map read back is the map written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..exceptions import Problem, ValidationError
from ..model import FINDING_RELATIONS, ArgumentMap
from . import _interchange, _json

__all__ = ["NODE_TYPES", "from_data", "lossy", "read", "to_data", "write"]

#: The node types of AIF (and of OVA's dialogue extension).
NODE_TYPES = ("I", "L", "RA", "CA", "MA", "PA", "YA", "TA")

_SCHEMES = {"RA": ("Default Inference", "72"), "CA": ("Default Conflict", "71")}
_ASSERTING = ("Asserting", "74")
# The relations an S-node can stand for: AIF's own first, then the court's verdicts.
_VERDICTS = {
    "RA": ("support", "upholds", "acknowledges"),
    "CA": ("attack", "rejects"),
    "MA": ("support",),
}
_EXTENSION_FIELDS: dict[str, type] = {
    "parties": list,
    "participants": dict,
    "sources": list,
    "statements": dict,
    "relations": dict,
    "tests": list,
}


# ---- reading ----------------------------------------------------------------------------


@dataclass
class _Graph:
    """The nodes and edges of an AIF document, checked, with where each came from."""

    base: str
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    incoming: dict[str, list[str]] = field(default_factory=dict)
    outgoing: dict[str, list[str]] = field(default_factory=dict)

    def type(self, node_id: str) -> str:
        return str(self.nodes[node_id]["type"])

    def sources(self, node_id: str, *types: str) -> list[str]:
        return [n for n in self.incoming.get(node_id, []) if self.type(n) in types]

    def targets(self, node_id: str) -> list[str]:
        return self.outgoing.get(node_id, [])


def _key(value: Any) -> str | None:
    """An AIF id (a string, or a number in some files) as a string; None if it is neither."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value)


def _items(
    container: dict[str, Any], name: str, path: str, problems: list[Problem], file: str
) -> list[Any]:
    value = container.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(
            Problem(f"expected an array, not {_json._json_type(value)}", f"{path}.{name}", file)
        )
        return []
    return value


def _graph(aif: dict[str, Any], base: str, file: str, problems: list[Problem]) -> _Graph:
    graph = _Graph(base)
    if "nodes" not in aif:
        problems.append(Problem("no 'nodes': this is not AIF", base, file))
    for index, node in enumerate(_items(aif, "nodes", base, problems, file)):
        path = f"{base}.nodes[{index}]"
        if not isinstance(node, dict):
            problems.append(
                Problem(f"expected an object, not {_json._json_type(node)}", path, file)
            )
            continue
        node_id = _key(node.get("nodeID"))
        if node_id is None:
            problems.append(Problem("'nodeID' must be a string or a number", path, file))
            continue
        path += f" (node {node_id!r})"
        kind = node.get("type")
        if node_id in graph.nodes:
            problems.append(Problem(f"duplicate nodeID: {node_id!r}", path, file))
        elif kind not in NODE_TYPES:
            problems.append(
                Problem(
                    f"unknown node type: {kind!r} (must be one of {list(NODE_TYPES)})", path, file
                )
            )
        elif not isinstance(node.get("text", ""), str):
            problems.append(
                Problem(
                    f"'text' must be a string, not {_json._json_type(node['text'])}", path, file
                )
            )
        else:
            graph.nodes[node_id] = node
            graph.paths[node_id] = path
    for index, edge in enumerate(_items(aif, "edges", base, problems, file)):
        path = f"{base}.edges[{index}]"
        if not isinstance(edge, dict):
            problems.append(
                Problem(f"expected an object, not {_json._json_type(edge)}", path, file)
            )
            continue
        if _key(edge.get("edgeID")) is not None:
            path += f" (edge {_key(edge.get('edgeID'))!r})"
        ends = []
        for end in ("fromID", "toID"):
            node_id = _key(edge.get(end))
            if node_id is None:
                problems.append(Problem(f"{end!r} must be a string or a number", path, file))
            elif node_id not in graph.nodes:
                problems.append(Problem(f"{end} {node_id!r} names no node", path, file))
            else:
                ends.append(node_id)
        if len(ends) == 2:
            graph.outgoing.setdefault(ends[0], []).append(ends[1])
            graph.incoming.setdefault(ends[1], []).append(ends[0])
    return graph


def _speakers(
    aif: dict[str, Any], base: str, graph: _Graph, file: str, problems: list[Problem]
) -> tuple[dict[str, str], dict[str, str]]:
    """Who said each L-node (participant id, by locution) and each participant's name."""
    people: dict[str, str] = {}
    for index, item in enumerate(_items(aif, "participants", base, problems, file)):
        path = f"{base}.participants[{index}]"
        person = _key(item.get("participantID")) if isinstance(item, dict) else None
        if person is None:
            problems.append(Problem("a participant needs a 'participantID'", path, file))
            continue
        names = [item.get("firstname"), item.get("surname")]
        people[person] = " ".join(str(n).strip() for n in names if isinstance(n, str) and n.strip())
    said: dict[str, str] = {}
    for index, item in enumerate(_items(aif, "locutions", base, problems, file)):
        path = f"{base}.locutions[{index}]"
        node_id = _key(item.get("nodeID")) if isinstance(item, dict) else None
        person = _key(item.get("personID")) if isinstance(item, dict) else None
        if node_id is None or person is None:
            problems.append(Problem("a locution needs a 'nodeID' and a 'personID'", path, file))
        elif node_id not in graph.nodes:
            problems.append(Problem(f"nodeID {node_id!r} names no node", path, file))
        else:
            said.setdefault(node_id, person)
    return said, people


def _extension(data: dict[str, Any], file: str, problems: list[Problem]) -> dict[str, Any]:
    ext = data.get("argmap")
    if ext is None:
        return {}
    if not isinstance(ext, dict):
        problems.append(
            Problem(f"expected an object, not {_json._json_type(ext)}", "$.argmap", file)
        )
        return {}
    if ext.get("version") != _json.VERSION:
        problems.append(
            Problem(
                f"unsupported argmap version {ext.get('version')!r} "
                f"(this argmap reads version {_json.VERSION})",
                "$.argmap.version",
                file,
            )
        )
    for name, kind in _EXTENSION_FIELDS.items():
        if not isinstance(ext.get(name, kind()), kind):
            problems.append(
                Problem(
                    f"expected {_json._json_type(kind())}, not {_json._json_type(ext[name])}",
                    f"$.argmap.{name}",
                    file,
                )
            )
            ext[name] = kind()
    return ext


def read(text: str, file: str, factory: Callable[[], ArgumentMap] = ArgumentMap) -> ArgumentMap:
    """Parse AIF JSON (plain or in OVA3's wrapper); raise one ValidationError for every problem."""
    return from_data(_json.parse(text, file), file, factory)


def from_data(
    data: Any, file: str = "<data>", factory: Callable[[], ArgumentMap] = ArgumentMap
) -> ArgumentMap:
    """Build a map from parsed AIF JSON; raise one ValidationError naming every problem."""
    if not isinstance(data, dict):
        raise ValidationError(
            Problem(f"expected an object, not {_json._json_type(data)}", "$", file)
        )
    problems: list[Problem] = []
    aif, base = (data["AIF"], "$.AIF") if "AIF" in data else (data, "$")
    if not isinstance(aif, dict):
        raise ValidationError(
            Problem(f"expected an object, not {_json._json_type(aif)}", base, file)
        )
    graph = _graph(aif, base, file, problems)
    said, people = _speakers(aif, base, graph, file, problems)
    ext = _extension(data, file, problems)
    if problems:
        raise ValidationError(problems)
    return _Builder(graph, said, people, ext, file).build(factory)


@dataclass
class _Builder:
    """Turns a checked AIF graph (and argmap's extension) into native data, then a map."""

    graph: _Graph
    said: dict[str, str]
    people: dict[str, str]
    ext: dict[str, Any]
    file: str
    problems: list[Problem] = field(default_factory=list)
    parties: list[Any] = field(default_factory=list)
    places: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)

    def build(self, factory: Callable[[], ArgumentMap]) -> ArgumentMap:
        graph, ext = self.graph, self.ext
        self.parties = _list(ext.get("parties"))
        self.places = {
            table: [f"$.argmap.{table}[{i}]" for i in range(len(_list(ext.get(table))))]
            for table in ("parties", "sources", "tests")
        }
        self.roles = {
            p["id"]: p.get("role", "other")
            for p in self.parties
            if isinstance(p, dict) and isinstance(p.get("id"), str)
        }
        i_nodes = [n for n in graph.nodes if graph.type(n) == "I"]
        statements_ext = self.statements_ext()
        ids = self.ids(i_nodes, statements_ext)
        speakers = {n: self.party_of(n) for n in i_nodes}
        default = _interchange.DEFAULT_PARTY["id"]
        if not all(speakers.values()) and default not in self.roles:
            self.parties.append(dict(_interchange.DEFAULT_PARTY))
            self.places["parties"].append(graph.base)
        links = self.links(ids)
        outgoing = _interchange.outgoing((o, t, k) for o, t, k, _ in links)
        statements = []
        for node_id in i_nodes:
            extra = statements_ext.get(node_id, {})
            party = speakers[node_id] or default
            guessed = _interchange.guess_kind(
                str(self.roles.get(party)), outgoing.get(ids[node_id], [])
            )
            statements.append(
                {
                    "id": ids[node_id],
                    "party": party,
                    "kind": extra.get("kind") or guessed,
                    "text": graph.nodes[node_id].get("text", ""),
                    "title": extra.get("title", ""),
                    "citations": extra.get("citations", []),
                    "tags": extra.get("tags", []),
                    "translations": extra.get("translations", {}),
                }
            )
        if self.problems:
            raise ValidationError(self.problems)
        data = {
            "argmap": _json.VERSION,
            "title": ext.get("title", ""),
            "description": ext.get("description", ""),
            "parties": self.parties,
            "sources": _list(ext.get("sources")),
            "statements": statements,
            "relations": [{"from": o, "to": t, "kind": k} for o, t, k, _ in links],
            "tests": _list(ext.get("tests")),
        }
        self.places["statements"] = [graph.paths[n] for n in i_nodes]
        self.places["relations"] = [place for *_, place in links]
        return _interchange.build(data, self.file, factory, self.places, "$.argmap")

    def statements_ext(self) -> dict[str, dict[str, Any]]:
        """The extension's fields of each statement, by I-node; each checked to name one."""
        found = {}
        for node_id, extra in self.ext.get("statements", {}).items():
            place = f"$.argmap.statements[{node_id!r}]"
            if node_id not in self.graph.nodes or self.graph.type(node_id) != "I":
                self.problem(f"no I-node {node_id!r}", place)
            if not isinstance(extra, dict):
                self.problem(f"expected an object, not {_json._json_type(extra)}", place)
            found[str(node_id)] = extra if isinstance(extra, dict) else {}
        return found

    def party_of(self, node_id: str) -> str:
        """The party of whoever asserts an I-node (L-node -> YA-node -> it); "" if nobody."""
        graph = self.graph
        by_participant = self.ext.get("participants", {})
        for ya in graph.sources(node_id, "YA"):
            for locution in graph.sources(ya, "L"):
                person = self.said.get(locution)
                if person is not None and person in by_participant:
                    return str(by_participant[person])
                text = str(graph.nodes[locution].get("text", ""))
                name = self.people.get(person, "") if person is not None else ""
                if not name and ":" in text:  # AIFdb's "Speaker : what they said"
                    name = text.partition(":")[0].strip()
                if not name and person is not None:
                    name = f"Participant {person}"
                if name:
                    return self.party_named(name, graph.paths[locution])
        return ""

    def party_named(self, name: str, place: str) -> str:
        if name not in self.by_name:
            party_id = _interchange.fresh_id(name, set(self.roles), "party")
            self.by_name[name] = party_id
            self.parties.append({"id": party_id, "name": name, "role": "other"})
            self.places["parties"].append(place)
            self.roles[party_id] = "other"
        return self.by_name[name]

    def problem(self, message: str, place: str) -> None:
        self.problems.append(Problem(message, place, self.file))

    def ids(self, i_nodes: list[str], statements_ext: dict[str, Any]) -> dict[str, str]:
        taken: set[str] = set()
        ids: dict[str, str] = {}
        for node_id in i_nodes:
            wanted = statements_ext.get(node_id, {}).get("id")
            if isinstance(wanted, str):
                ids[node_id] = wanted
                taken.add(wanted)
            elif wanted is not None:
                place = f"$.argmap.statements[{node_id!r}].id"
                self.problem(f"an id must be a string, not {_json._json_type(wanted)}", place)
        for node_id in i_nodes:
            if node_id not in ids:
                ids[node_id] = _interchange.fresh_id(node_id, taken)
        return ids

    def links(self, ids: dict[str, str]) -> list[tuple[str, str, str, str]]:
        """(origin, target, kind, place) for every relation the S-nodes make, each once."""
        graph = self.graph
        kinds = {str(k): v for k, v in self.ext.get("relations", {}).items()}
        found: dict[tuple[str, str, str], str] = {}
        for node_id in graph.nodes:
            kind = graph.type(node_id)
            if kind not in ("RA", "CA", "MA"):
                continue
            path = graph.paths[node_id]
            premises = graph.sources(node_id, "I")
            ends = [t for t in graph.targets(node_id) if graph.type(t) not in ("YA", "TA", "L")]
            if not premises or not ends:
                missing = "premise (an I-node pointing to it)" if not premises else "conclusion"
                self.problem(f"{kind} node {node_id!r} has no {missing}", path)
                continue
            for end in ends:
                if graph.type(end) == "I":
                    allowed = _VERDICTS[kind]
                    verdict = kinds.get(node_id, allowed[0])
                    if verdict not in allowed:
                        self.problem(
                            f"unknown relation kind for a {kind} node: {verdict!r} "
                            f"(must be one of {list(allowed)})",
                            f"$.argmap.relations[{node_id!r}]",
                        )
                        continue
                    pairs = [(p, end, verdict) for p in premises]
                elif kind == "CA" and graph.type(end) == "RA":
                    pairs = [(p, q, "attack") for p in premises for q in graph.sources(end, "I")]
                else:
                    self.problem(
                        f"{kind} node {node_id!r} points to {graph.type(end)} node {end!r}, "
                        "which argmap cannot hold",
                        path,
                    )
                    continue
                for origin, target, relation in pairs:
                    found.setdefault((ids[origin], ids[target], relation), path)
        return [(o, t, k, place) for (o, t, k), place in found.items()]


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


# ---- writing ----------------------------------------------------------------------------


def to_data(themap: ArgumentMap) -> dict[str, Any]:
    """The map as AIF in OVA3's wrapper, with argmap's ``"argmap"`` extension field."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    layout: list[dict[str, Any]] = []
    schemes: list[dict[str, str]] = []
    locutions: list[dict[str, Any]] = []
    layout_edges: list[dict[str, Any]] = []

    def node(text: str, kind: str, x: float = 0, y: float = 0, visible: bool = True) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, "text": text, "type": kind})
        layout.append({"nodeID": node_id, "visible": visible, "x": x, "y": y, "timestamp": ""})
        return node_id

    def edge(origin: str, target: str, visible: bool = True) -> None:
        edges.append({"edgeID": len(edges) + 1, "fromID": origin, "toID": target})
        layout_edges.append({"fromID": origin, "toID": target, "visible": visible})

    participants = {p.id: i + 1 for i, p in enumerate(themap.parties)}
    columns = {p.id: i for i, p in enumerate(themap.parties)}
    rows: dict[str, int] = {}
    i_nodes: dict[str, str] = {}
    places: dict[str, tuple[float, float]] = {}
    statements_ext: dict[str, Any] = {}
    for statement in themap.statements:
        row = rows[statement.party] = rows.get(statement.party, -1) + 1
        x, y = 400 * columns[statement.party] + 50, 160 * row + 50
        i_node = i_nodes[statement.id] = node(statement.text, "I", x, y)
        places[statement.id] = (x, y)
        party = themap.parties[statement.party]
        locution = node(f"{party.name}: {statement.text}", "L", visible=False)
        asserting = node(_ASSERTING[0], "YA", visible=False)
        schemes.append({"nodeID": asserting, "schemeID": _ASSERTING[1]})
        locutions.append({"nodeID": locution, "personID": participants[party.id]})
        edge(locution, asserting, visible=False)
        edge(asserting, i_node, visible=False)
        statements_ext[i_node] = _json._drop_empty(
            {
                "id": statement.id,
                "kind": statement.kind,
                "title": statement.title,
                "citations": _json._citation_data(statement.citations),
                "tags": list(statement.tags),
                "translations": dict(sorted(statement.translations.items())),
            }
        )
    verdicts: dict[str, str] = {}
    for relation in themap.relations:
        kind = "CA" if relation.kind in ("attack", "rejects") else "RA"
        (x0, y0), (x1, y1) = places[relation.origin], places[relation.target]
        s_node = node(_SCHEMES[kind][0], kind, (x0 + x1) / 2 + 20, (y0 + y1) / 2 + 20)
        schemes.append({"nodeID": s_node, "schemeID": _SCHEMES[kind][1]})
        edge(i_nodes[relation.origin], s_node)
        edge(s_node, i_nodes[relation.target])
        if relation.kind in FINDING_RELATIONS:
            verdicts[s_node] = relation.kind
    data = _json.to_data(themap)
    return {
        "AIF": {
            "nodes": nodes,
            "edges": edges,
            "schemefulfillments": schemes,
            "descriptorfulfillments": [],
            "participants": [
                {"participantID": participants[p.id], "firstname": p.name, "surname": ""}
                for p in themap.parties
            ],
            "locutions": locutions,
        },
        "text": "",
        "OVA": {"firstname": "", "surname": "", "url": "", "nodes": layout, "edges": layout_edges},
        "argmap": _json._drop_empty(
            {
                "version": _json.VERSION,
                "title": themap.title,
                "description": themap.description,
                "parties": data["parties"],
                "participants": {str(n): party for party, n in participants.items()},
                "sources": data.get("sources", []),
                "statements": statements_ext,
                "relations": verdicts,
                "tests": data.get("tests", []),
            }
        ),
    }


def write(themap: ArgumentMap) -> str:
    """The map as AIF JSON (OVA3's wrapper), two-space indents, UTF-8 as is."""
    return json.dumps(to_data(themap), ensure_ascii=False, indent=2) + "\n"


def lossy(themap: ArgumentMap) -> list[str]:
    """What AIF itself cannot hold, so that only argmap reads it (from the extension field)."""
    statements = list(themap.statements)
    held = [
        ("party roles", any(p.role != "other" for p in themap.parties)),
        ("statement kinds", bool(statements)),
        ("titles", any(s.title for s in statements)),
        ("sources and citations", len(themap.sources) > 0),
        ("tags", any(s.tags for s in statements)),
        ("translations", any(s.translations for s in statements)),
        (
            "the court's verdicts (upholds, rejects, acknowledges: written as RA/CA nodes)",
            any(r.kind in FINDING_RELATIONS for r in themap.relations),
        ),
        ("legal tests", len(themap.tests) > 0),
    ]
    what = [name for name, present in held if present]
    if not what:
        return []
    return [
        f"AIF has no place for {', '.join(what)}; they are kept in the 'argmap' extension "
        "field, which only argmap reads"
    ]
