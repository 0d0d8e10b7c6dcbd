"""Model to DOT text, in pure code: the diagram's layout, labels, tooltips and links."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..model import ArgumentMap, Party, Relation, Statement
from .quoting import esc_string, html_text, plain_label, quote_id, safe_url, wrap
from .style import (
    FONT,
    KIND_STYLES,
    RELATION_STYLES,
    VERDICTS,
    PartyColours,
    party_colours,
)

__all__ = ["DIRECTIONS", "RenderOptions", "node_id", "to_dot"]

Direction = Literal["BT", "TB", "LR", "RL"]
#: Layout directions: where arrows point. "BT" draws reasons below the claims they back.
DIRECTIONS: tuple[Direction, ...] = ("BT", "TB", "LR", "RL")


@dataclass(frozen=True)
class RenderOptions:
    """Choices for one drawing of a map.

    direction: "BT" (reasons below their claims, the default), "TB", "LR" or "RL".
    legend: add a key explaining the shapes and lines used.
    width: characters a line of a statement's text.
    max_lines: lines of text shown in a box (the tooltip always has all of it); 0 hides text.
    html_labels: bold titles and small headers (HTML-like labels); off for Graphviz builds
        without them, such as the WebAssembly one, which then get plain text labels.
    """

    direction: Direction = "BT"
    legend: bool = False
    width: int = 34
    max_lines: int = 6
    html_labels: bool = True

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise ValueError(
                f"unknown direction: {self.direction!r} (must be one of {list(DIRECTIONS)})"
            )
        if not 8 <= self.width <= 200:
            raise ValueError(f"width must be from 8 to 200 characters, not {self.width!r}")
        if self.max_lines < 0:
            raise ValueError(f"max_lines must not be negative, not {self.max_lines!r}")


def node_id(statement_id: str) -> str:
    """The SVG element id of a statement's node (the widgets find nodes by it).

    >>> node_id("F1a")
    'statement-F1a'
    """
    return f"statement-{statement_id}"


def to_dot(themap: ArgumentMap, options: RenderOptions | None = None) -> str:
    """The DOT text of the map's diagram.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(title="T")
    >>> _ = m.add_party("p", "P", role="plaintiff")
    >>> _ = m.add_statement("P0", party="p", kind="position", text="x")
    >>> print(to_dot(m).splitlines()[0])
    digraph argmap {
    """
    return "\n".join(_lines(themap, options or RenderOptions())) + "\n"


def _lines(themap: ArgumentMap, options: RenderOptions) -> Iterator[str]:
    colours = _colours(themap)
    notes = _notes(themap)
    yield "digraph argmap {"
    graph = {
        "rankdir": options.direction,
        "newrank": "true",
        "fontname": f'"{FONT}"',
        "nodesep": "0.3",
        "ranksep": "0.45",
        "bgcolor": '"white"',
        "pad": "0.2",
        "tooltip": '" "',
        "outputorder": "edgesfirst",
    }
    if themap.title:
        graph.update(label=_title_label(themap.title, options), labelloc="t", fontsize="20")
    yield f"  graph [{_attrs(graph)}];"
    yield f'  node [fontname="{FONT}", margin="0.14,0.08"];'
    yield f'  edge [fontname="{FONT}", fontsize="10", arrowsize="0.9"];'
    for party in themap.parties:
        yield from _party_cluster(themap, party, colours[party.id], options, notes)
    for relation in themap.relations:
        yield "  " + _edge(themap, relation)
    yield from _positions_row(themap)
    if options.legend:
        yield from _legend(themap, options)
    yield "}"


def _positions_row(themap: ArgumentMap) -> Iterator[str]:
    """The parties' positions side by side in one row, in the order of the parties."""
    heads = [
        s.id
        for party in themap.parties
        if party.role != "court"
        for s in themap.statements_of(party.id)
        if s.kind == "position"
    ]
    if len(heads) > 1:
        yield "  { rank=same; " + " ".join(quote_id(h) + ";" for h in heads) + " }"
        yield "  " + " -> ".join(quote_id(h) for h in heads) + " [style=invis];"


Note = tuple[str, str]  # a line of text in a box, and its colour


def _notes(themap: ArgumentMap) -> dict[str, list[Note]]:
    """What the court decided about each statement, and which factor each finding decides.

    These lines put the verdict in the box itself, so a reader need not trace the lines.
    """
    verdicts: dict[str, dict[str, list[str]]] = {}
    for relation in themap.relations:
        if relation.kind in VERDICTS:
            by_kind = verdicts.setdefault(relation.target, {})
            by_kind.setdefault(relation.kind, []).append(relation.origin)
    notes: dict[str, list[Note]] = {}
    for target, by_kind in verdicts.items():
        for kind, origins in by_kind.items():
            word, colour = VERDICTS[kind]
            notes.setdefault(target, []).append((f"{word} by {', '.join(origins)}", colour))
    for test in themap.tests:
        for factor in test.factors:
            for finding in factor.deciding:
                notes.setdefault(finding, []).append((f"decides: {factor.name}", "#3A3A3A"))
    return notes


def _colours(themap: ArgumentMap) -> dict[str, PartyColours]:
    colours = {}
    index = 0
    for party in themap.parties:
        colours[party.id] = party_colours(index, party.role)
        if party.role != "court":
            index += 1
    return colours


def _attrs(attributes: dict[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in attributes.items())


def _title_label(title: str, options: RenderOptions) -> str:
    if not options.html_labels:
        return plain_label(wrap(title, 90), "c")
    return f"<<B>{_html_lines(wrap(title, 90))}</B>>"


_ROLE_NAMES = {
    "plaintiff": "plaintiff",
    "defendant": "defendant",
    "court": "the court",
    "other": "",
}


def _party_cluster(
    themap: ArgumentMap,
    party: Party,
    colours: PartyColours,
    options: RenderOptions,
    notes: dict[str, list[Note]],
) -> Iterator[str]:
    statements = themap.statements_of(party.id)
    if not statements:
        return
    role = _ROLE_NAMES[party.role]
    if role and role.split()[-1] in party.name.lower():
        role = ""  # "The court (the court)" says nothing twice
    heading = html_text(party.name) + (
        f' <FONT POINT-SIZE="11" COLOR="{colours.ink}">({role})</FONT>' if role else ""
    )
    yield f"  subgraph {quote_id('cluster_' + party.id)} {{"
    label = f'<<FONT POINT-SIZE="14" COLOR="{colours.ink}"><B>{heading}</B></FONT>>'
    if not options.html_labels:
        label = plain_label([f"{party.name} ({role})" if role else party.name], "c")
    cluster = {
        "label": label,
        "fontcolor": f'"{colours.ink}"',
        "style": '"rounded,filled"',
        "fillcolor": f'"{colours.band}"',
        "color": f'"{colours.ink}"',
        "penwidth": "1.2",
        "labeljust": "l",
        "labelloc": _label_top(options),
        "id": esc_string(f"party-{party.id}"),
        "tooltip": esc_string(f"{party.name} ({party.role})"),
    }
    yield f"    graph [{_attrs(cluster)}];"
    for statement in statements:
        yield "    " + _node(
            themap, statement, party, colours, options, notes.get(statement.id, [])
        )
    yield "  }"


def _node(
    themap: ArgumentMap,
    statement: Statement,
    party: Party,
    colours: PartyColours,
    options: RenderOptions,
    notes: list[Note],
) -> str:
    kind = KIND_STYLES[statement.kind]
    court = party.role == "court"
    attributes = {
        "id": esc_string(node_id(statement.id)),
        "class": esc_string(f"argmap-statement kind-{statement.kind} party-{party.id}"),
        "shape": kind.shape,
        "style": f'"{kind.style}"',
        "penwidth": str(kind.penwidth),
        "color": f'"{colours.ink}"',
        "fillcolor": f'"{"#FFFFFF" if court and statement.kind == "fact" else colours.fill}"',
        "label": _label(statement, colours, options, notes),
        "tooltip": esc_string(_tooltip(themap, statement, party)),
    }
    if kind.peripheries > 1:
        attributes["peripheries"] = str(kind.peripheries)
    url = _first_url(themap, statement)
    if url:
        attributes.update(URL=esc_string(safe_url(url)), target='"_blank"')
    return f"{quote_id(statement.id)} [{_attrs(attributes)}];"


def _label_top(options: RenderOptions) -> str:
    """The labelloc that puts a cluster's label on top: Graphviz flips it when drawing BT."""
    return "b" if options.direction == "BT" else "t"


def _label(
    statement: Statement, colours: PartyColours, options: RenderOptions, notes: list[Note]
) -> str:
    kind = KIND_STYLES[statement.kind]
    if not options.html_labels:
        return _plain_label(statement, options, notes)
    rows = [
        f'<FONT POINT-SIZE="9" COLOR="{colours.ink}">'
        f"{html_text(statement.id)} · {statement.kind.upper()}</FONT>"
    ]
    for text, colour in notes:
        note = _html_lines(wrap(text, options.width + 4))
        rows.append(f'<FONT POINT-SIZE="10" COLOR="{colour}"><B>{note}</B></FONT>')
    title_width = max(8, options.width * 12 // kind.title_size - 2)
    if statement.title:
        title = _html_lines(wrap(statement.title, title_width, 3))
        rows.append(f'<FONT POINT-SIZE="{kind.title_size}"><B>{title}</B></FONT>')
    body_lines = options.max_lines if statement.title else max(options.max_lines, 3)
    if body_lines:
        size = 11 if statement.title else kind.title_size
        text = _html_lines(
            wrap(statement.text, options.width if statement.title else title_width, body_lines)
        )
        rows.append(f'<FONT POINT-SIZE="{size}">{text}</FONT>')
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>>'


def _html_lines(lines: list[str]) -> str:
    return "<BR/>".join(html_text(line) for line in lines)


def _plain_label(statement: Statement, options: RenderOptions, notes: list[Note]) -> str:
    lines = [f"{statement.id} · {statement.kind.upper()}"]
    lines += [line for text, _ in notes for line in wrap(text, options.width)]
    if statement.title:
        lines += wrap(statement.title, options.width, 3)
    body_lines = options.max_lines if statement.title else max(options.max_lines, 3)
    if body_lines:
        lines += wrap(statement.text, options.width, body_lines)
    return plain_label(lines)


def _tooltip(themap: ArgumentMap, statement: Statement, party: Party) -> str:
    parts = [f"{statement.id} · {party.name} · {statement.kind}"]
    if statement.title:
        parts.append(statement.title)
    parts.append(statement.text)
    parts.extend(
        f"[{language}] {text}" for language, text in sorted(statement.translations.items())
    )
    for citation in statement.citations:
        source = themap.sources[citation.source]
        where = ", ".join(part for part in (source.title, citation.locator) if part)
        quote = f"“{citation.quote}” — " if citation.quote else "— "
        parts.append(quote + where)
    return "\n".join(parts)


def _first_url(themap: ArgumentMap, statement: Statement) -> str:
    for citation in statement.citations:
        url = themap.sources[citation.source].url
        if url:
            return url
    return ""


def _edge(themap: ArgumentMap, relation: Relation) -> str:
    style = RELATION_STYLES[relation.kind]
    origin = themap.statements[relation.origin]
    target = themap.statements[relation.target]
    attributes = {
        "id": esc_string(f"relation-{relation.origin}-{relation.target}"),
        "class": esc_string(f"argmap-relation relation-{relation.kind}"),
        "style": f'"{style.style}"',
        "arrowhead": style.arrowhead,
        "color": f'"{style.colour}"',
        "penwidth": str(style.penwidth),
        "tooltip": esc_string(f"{origin.id} {_VERBS[relation.kind]} {target.id}: {target.label}"),
    }
    if style.label:
        attributes.update(label=f'"{style.label}"', fontcolor=f'"{style.colour}"')
    # Arrows between the parties must not stack one party's boxes above the other's:
    # only a party's own arguments and the court's verdicts set the ranks.
    if origin.party != target.party and relation.kind in ("support", "attack"):
        attributes["constraint"] = "false"
    tail, head = relation.origin, relation.target
    order = themap.parties.keys()
    court_internal = _is_court(themap, origin) and _is_court(themap, target)
    cross = attributes.get("constraint") == "false"
    if court_internal or (cross and order.index(origin.party) > order.index(target.party)):
        # The court's reasoning runs the other way: from its findings down to the ruling at
        # the foot of the diagram, so the court's band sits below the parties' arguments.
        # Lines between parties all run from the earlier party to the later one, so that
        # two positions that attack each other keep the parties' order side by side.
        tail, head = head, tail
        attributes["dir"] = "back"
    return f"{quote_id(tail)} -> {quote_id(head)} [{_attrs(attributes)}];"


def _is_court(themap: ArgumentMap, statement: Statement) -> bool:
    return themap.parties[statement.party].role == "court"


_VERBS = {
    "support": "supports",
    "attack": "attacks",
    "upholds": "upholds",
    "rejects": "rejects",
    "acknowledges": "acknowledges (accepted, not decisive)",
}

_KIND_NAMES = {
    "position": "a party's position",
    "reason": "reason (pro)",
    "objection": "objection (contra)",
    "fact": "fact or evidence",
    "finding": "court finding",
    "ruling": "ruling",
}


def _legend(themap: ArgumentMap, options: RenderOptions) -> Iterator[str]:
    """A key in rows: the shapes used, then one short horizontal line a relation used."""
    kinds = [k for k in KIND_STYLES if any(s.kind == k for s in themap.statements)]
    relations = [k for k in RELATION_STYLES if any(r.kind == k for r in themap.relations)]
    yield '  subgraph "cluster_legend" {'
    yield (
        '    graph [label=<<B>Key</B>>, style="rounded", color="#999999", labeljust="l", '
        f'labelloc="{_label_top(options)}", id="legend", fontsize="12", tooltip="Key"];'
    )
    yield '    node [fontsize="10", color="#555555", fillcolor="#F4F4F4", height="0.3"];'
    rows: list[list[str]] = []
    for start in range(0, len(kinds), 3):
        row = []
        for kind in kinds[start : start + 3]:
            shape = KIND_STYLES[kind]
            extra = f', peripheries="{shape.peripheries}"' if shape.peripheries > 1 else ""
            yield (
                f'    "legend_{kind}" [shape={shape.shape}, style="{shape.style}", '
                f'penwidth="{min(shape.penwidth, 2.0)}", label="{_KIND_NAMES[kind]}"{extra}];'
            )
            row.append(f'"legend_{kind}"')
        rows.append(row)
    for kind in relations:
        style = RELATION_STYLES[kind]
        ends = (f'"legend_{kind}_from"', f'"legend_{kind}_to"')
        yield f'    {ends[0]} [shape=plaintext, label="{_VERBS[kind].split(" ")[0]}"];'
        yield f'    {ends[1]} [shape=point, width="0.05", color="{style.colour}"];'
        yield (
            f'    {ends[0]} -> {ends[1]} [style="{style.style}", arrowhead={style.arrowhead}, '
            f'color="{style.colour}", penwidth="{style.penwidth}", minlen="2"];'
        )
        rows.append(list(ends))
    for row in rows:
        yield "    { rank=same; " + " ".join(f"{name};" for name in row) + " }"
    for upper, lower in itertools.pairwise(rows):
        yield f"    {lower[0]} -> {upper[0]} [style=invis];"
    yield "  }"
