"""Model to DOT text, in pure code: the diagram's layout, labels, tooltips and links."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from ..model import ArgumentMap, LegalTest, Party, Relation, Statement
from .quoting import esc_string, html_text, plain_label, quote_id, safe_url, wrap
from .style import (
    COURT_COLOURS,
    FONT,
    KIND_STYLES,
    OUTCOME_MARKS,
    RELATION_STYLES,
    STATUS_STYLES,
    VERDICTS,
    PartyColours,
    party_colours,
    washed,
)

__all__ = [
    "DIRECTIONS",
    "EvaluationView",
    "FactorView",
    "OutcomeView",
    "RenderOptions",
    "StandingView",
    "node_id",
    "outcome_id",
    "to_dot",
]

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
    evaluate: show which statements stand (accepted, rejected, undecided) and the outcome of
        each legal test. The drawing needs the evaluation itself: ``ArgumentMap.render``,
        ``export`` and ``to_dot`` compute it; ``to_dot(m, options, evaluation)`` takes it.
    title: draw the map's title above the diagram.
    """

    direction: Direction = "BT"
    legend: bool = False
    width: int = 34
    max_lines: int = 6
    html_labels: bool = True
    evaluate: bool = False
    title: bool = True

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise ValueError(
                f"unknown direction: {self.direction!r} (must be one of {list(DIRECTIONS)})"
            )
        if not 8 <= self.width <= 200:
            raise ValueError(f"width must be from 8 to 200 characters, not {self.width!r}")
        if self.max_lines < 0:
            raise ValueError(f"max_lines must not be negative, not {self.max_lines!r}")


class StandingView(Protocol):
    """What the diagram reads of a statement's evaluation (an ``argmap.evaluate.Standing``)."""

    @property
    def status(self) -> str:
        """ "accepted", "rejected" or "undecided"."""

    @property
    def decisive(self) -> bool:
        """False for a statement the court acknowledged but did not rest on."""

    @property
    def by_court(self) -> bool:
        """Whether the court fixed the status (then the box's verdict lines say why)."""

    @property
    def summary(self) -> str:
        """The reasons in a few words, with ids."""


class FactorView(Protocol):
    """What the diagram reads of a factor's outcome (an ``argmap.evaluate.FactorOutcome``)."""

    @property
    def factor(self) -> str:
        """The factor's id."""

    @property
    def status(self) -> str:
        """ "met", "not met" or "undecided"."""

    @property
    def decisive(self) -> bool:
        """False when only acknowledgements decide the factor."""


class OutcomeView(Protocol):
    """What the diagram reads of a legal test's outcome (an ``argmap.evaluate.Outcome``)."""

    @property
    def status(self) -> str:
        """ "met", "not met" or "undecided"."""

    @property
    def result(self) -> str:
        """ "granted", "denied", "met", "not met" or "undecided"."""

    @property
    def factors(self) -> Sequence[FactorView]:
        """The outcome of each factor, in the test's order."""


class EvaluationView(Protocol):
    """What the diagram reads of an evaluation (an ``argmap.evaluate.Evaluation``).

    The renderer takes the evaluation as data: it does not compute it (``argmap.evaluate``
    and ``argmap.render`` stand side by side and do not import each other).
    """

    @property
    def statements(self) -> Mapping[str, StandingView]:
        """A standing for every statement, by id."""

    @property
    def tests(self) -> Mapping[str, OutcomeView]:
        """An outcome for every legal test, by id."""


def node_id(statement_id: str) -> str:
    """The SVG element id of a statement's node (the widgets find nodes by it).

    >>> node_id("F1a")
    'statement-F1a'
    """
    return f"statement-{statement_id}"


def outcome_id(test_id: str) -> str:
    """The DOT and SVG id of the node that shows a legal test's outcome.

    >>> outcome_id("winter")
    'outcome-winter'
    """
    return f"outcome-{test_id}"


def to_dot(
    themap: ArgumentMap,
    options: RenderOptions | None = None,
    evaluation: EvaluationView | None = None,
    collapsed: Mapping[str, int] | None = None,
) -> str:
    """The DOT text of the map's diagram; with ``evaluation``, the statuses and outcomes too.

    ``collapsed`` maps a statement to how many statements of its subtree the drawing leaves
    out (a view that folds a claim's reasons away); its box says so.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(title="T")
    >>> _ = m.add_party("p", "P", role="plaintiff")
    >>> _ = m.add_statement("P0", party="p", kind="position", text="x")
    >>> print(to_dot(m).splitlines()[0])
    digraph argmap {
    >>> to_dot(m, RenderOptions(evaluate=True))
    Traceback (most recent call last):
    ...
    ValueError: RenderOptions(evaluate=True) needs the evaluation: pass evaluation=argmap.evaluate(themap), or draw with the map's render(), export() or to_dot()
    """
    options = options or RenderOptions()
    if options.evaluate and evaluation is None:
        raise ValueError(
            "RenderOptions(evaluate=True) needs the evaluation: pass "
            "evaluation=argmap.evaluate(themap), or draw with the map's render(), export() "
            "or to_dot()"
        )
    return "\n".join(_lines(themap, options, evaluation, collapsed or {})) + "\n"


def _lines(
    themap: ArgumentMap,
    options: RenderOptions,
    evaluation: EvaluationView | None,
    collapsed: Mapping[str, int],
) -> Iterator[str]:
    colours = _colours(themap)
    notes = _notes(themap, evaluation)
    for statement_id, count in collapsed.items():
        if statement_id in themap.statements and count > 0:
            hidden = f"▸ {count} more statement{'s' if count != 1 else ''} folded away"
            notes.setdefault(statement_id, []).append((hidden, "#3A3A3A"))
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
    if themap.title and options.title:
        graph.update(label=_title_label(themap.title, options), labelloc="t", fontsize="20")
    yield f"  graph [{_attrs(graph)}];"
    yield f'  node [fontname="{FONT}", margin="0.14,0.08"];'
    yield f'  edge [fontname="{FONT}", fontsize="10", arrowsize="0.9"];'
    outcomes = list(_outcome_nodes(themap, options, evaluation))
    for party in themap.parties:
        yield from _party_cluster(
            themap,
            party,
            colours[party.id],
            options,
            notes,
            evaluation,
            outcomes if party.role == "court" else [],
        )
    if not any(p.role == "court" and themap.statements_of(p.id) for p in themap.parties):
        yield from ("  " + node for node, _ in outcomes)
    standings = evaluation.statements if evaluation is not None else {}
    for relation in themap.relations:
        origin = standings.get(relation.origin)
        fallen = origin is not None and origin.status == "rejected"
        yield "  " + _edge(themap, relation, fallen)
    yield from ("  " + edge for _, edge in outcomes if edge)
    yield from _positions_row(themap)
    if options.legend:
        yield from _legend(themap, options, evaluation)
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


#: What a verdict makes of the statement it addresses: the status whose mark its line carries.
_VERDICT_STATUS = {"upholds": "accepted", "rejects": "rejected", "acknowledges": "accepted"}


def _notes(themap: ArgumentMap, evaluation: EvaluationView | None) -> dict[str, list[Note]]:
    """What the court decided about each statement, and which factor each finding decides.

    These lines put the verdict in the box itself, so a reader need not trace the lines.
    With an evaluation every verdict line carries the mark of what it makes of the statement
    (✓ or ✗); a statement whose status the court did not fix gets one line with its status
    and why; a finding that decides a factor says whether the factor is met.
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
            text = f"{word} by {', '.join(origins)}"
            if evaluation is not None:
                text = f"{STATUS_STYLES[_VERDICT_STATUS[kind]].mark} {text}"
                text += " (not decisive)" if kind == "acknowledges" else ""
            notes.setdefault(target, []).append((text, colour))
    if evaluation is not None:
        for statement_id, standing in evaluation.statements.items():
            style = STATUS_STYLES[standing.status]
            why = standing.summary
            if standing.by_court and standing.status == "undecided":
                why = "the court's findings conflict"
            elif standing.by_court:
                continue
            notes.setdefault(statement_id, []).append(
                (f"{style.mark} {style.word}: {why}", style.colour)
            )
    for test in themap.tests:
        outcome = evaluation.tests.get(test.id) if evaluation is not None else None
        for number, factor in enumerate(test.factors):
            line = f"decides: {factor.name}"
            if outcome is not None:
                result = outcome.factors[number]
                line += f" — {OUTCOME_MARKS[result.status]} {_factor_words(result)}"
            for finding in factor.deciding:
                notes.setdefault(finding, []).append((line, "#3A3A3A"))
    return notes


def _factor_words(factor: FactorView) -> str:
    """A factor's status in words: "met, not decisive", "not met", "undecided"."""
    shaky = not factor.decisive and factor.status != "undecided"
    return factor.status + (", not decisive" if shaky else "")


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
    evaluation: EvaluationView | None,
    outcomes: list[tuple[str, str]],
) -> Iterator[str]:
    statements = themap.statements_of(party.id)
    if not statements:
        return
    role = _ROLE_NAMES[party.role]
    if role and role.split()[-1] in party.name.lower():
        role = ""  # "The court (the court)" says nothing twice
    heading = html_text(party.name) + (
        f'&#160;<FONT POINT-SIZE="11" COLOR="{colours.ink}">({role})</FONT>' if role else ""
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
    standings = evaluation.statements if evaluation is not None else {}
    for statement in statements:
        yield "    " + _node(
            themap,
            statement,
            party,
            colours,
            options,
            notes.get(statement.id, []),
            standings.get(statement.id),
        )
    yield from ("    " + node for node, _ in outcomes)
    yield "  }"


def _node(
    themap: ArgumentMap,
    statement: Statement,
    party: Party,
    colours: PartyColours,
    options: RenderOptions,
    notes: list[Note],
    standing: StandingView | None = None,
) -> str:
    kind = KIND_STYLES[statement.kind]
    court = party.role == "court"
    fill = "#FFFFFF" if court and statement.kind == "fact" else colours.fill
    style, classes = kind.style, f"argmap-statement kind-{statement.kind} party-{party.id}"
    if standing is not None:
        status = STATUS_STYLES[standing.status]
        style += f",{status.border}" if status.border else ""
        fill = washed(fill, status.wash)
        classes += f" status-{standing.status}"
    tooltip = _tooltip(themap, statement, party)
    if standing is not None:
        tooltip += f"\n\n{standing.status.upper()}: {standing.summary}"
    attributes = {
        "id": esc_string(node_id(statement.id)),
        "class": esc_string(classes),
        "shape": kind.shape,
        "style": f'"{style}"',
        "penwidth": str(kind.penwidth),
        "color": f'"{colours.ink}"',
        "fillcolor": f'"{fill}"',
        "label": _label(statement, colours, options, notes),
        "tooltip": esc_string(tooltip),
    }
    if standing is not None and STATUS_STYLES[standing.status].text != "#000000":
        attributes["fontcolor"] = f'"{STATUS_STYLES[standing.status].text}"'
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


def _edge(themap: ArgumentMap, relation: Relation, fallen: bool = False) -> str:
    """A relation's line; ``fallen``: its origin is rejected, so the line fades (it no longer
    counts) and what still stands carries the picture."""
    style = RELATION_STYLES[relation.kind]
    origin = themap.statements[relation.origin]
    target = themap.statements[relation.target]
    colour = washed(style.colour, STATUS_STYLES["rejected"].wash) if fallen else style.colour
    attributes = {
        "id": esc_string(f"relation-{relation.origin}-{relation.target}"),
        "class": esc_string(f"argmap-relation relation-{relation.kind}"),
        "style": f'"{style.style}"',
        "arrowhead": style.arrowhead,
        "color": f'"{colour}"',
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


#: The colour of a test's result word: that of the status a met / not met factor resembles.
_RESULT_COLOURS = {
    "met": STATUS_STYLES["accepted"].colour,
    "not met": STATUS_STYLES["rejected"].colour,
    "undecided": STATUS_STYLES["undecided"].colour,
}
_RULE_WORDS = {"all": "every factor must be met", "any": "one factor suffices"}


def _outcome_nodes(
    themap: ArgumentMap, options: RenderOptions, evaluation: EvaluationView | None
) -> Iterator[tuple[str, str]]:
    """Each legal test's outcome as a node (for the court's band) and a line to its ruling."""
    if evaluation is None:
        return
    for test in themap.tests:
        outcome = evaluation.tests.get(test.id)
        if outcome is None:
            continue
        rows = _outcome_rows(test, outcome)
        attributes = {
            "id": esc_string(outcome_id(test.id)),
            "class": esc_string(f"argmap-outcome result-{outcome.result.replace(' ', '-')}"),
            "shape": "box",
            "style": '"rounded,filled"',
            "penwidth": "2.5",
            "color": f'"{COURT_COLOURS.ink}"',
            "fillcolor": '"#FFFFFF"',
            "margin": '"0.18,0.1"',
            "label": _outcome_label(rows, outcome, options),
            "tooltip": esc_string(
                "\n".join(
                    [row for row, _ in rows] + ([test.description] if test.description else [])
                )
            ),
        }
        node = f"{quote_id(outcome_id(test.id))} [{_attrs(attributes)}];"
        edge = ""
        if test.ruling in themap.statements:
            line = {
                "id": esc_string(f"outcome-{test.id}-{test.ruling}"),
                "class": esc_string("argmap-relation relation-outcome"),
                "style": '"bold"',
                "arrowhead": "empty",
                "color": f'"{COURT_COLOURS.ink}"',
                "penwidth": "1.6",
                "label": '"outcome"',
                "fontcolor": f'"{COURT_COLOURS.ink}"',
                "tooltip": esc_string(f"{test.name}: {outcome.result.upper()} — {test.ruling}"),
            }
            edge = f"{quote_id(outcome_id(test.id))} -> {quote_id(test.ruling)} [{_attrs(line)}];"
        yield node, edge


def _outcome_rows(test: LegalTest, outcome: OutcomeView) -> list[tuple[str, str]]:
    """The lines of an outcome node after its title: the result, each factor, the rule."""
    rows = [(f"{test.name}: {outcome.result.upper()}", "result")]
    for factor, result in zip(test.factors, outcome.factors, strict=False):
        deciding = f" ({', '.join(factor.deciding)})" if factor.deciding else ""
        mark = OUTCOME_MARKS[result.status]
        rows.append((f"{mark} {factor.name}: {_factor_words(result)}{deciding}", result.status))
    met = sum(1 for f in outcome.factors if f.status == "met")
    rule = _RULE_WORDS.get(test.rule, f"at least {test.threshold} factors must be met")
    rows.append((f"{rule}; {met} of {len(outcome.factors)} met", "rule"))
    return rows


def _outcome_label(
    rows: list[tuple[str, str]], outcome: OutcomeView, options: RenderOptions
) -> str:
    if not options.html_labels:
        lines = ["LEGAL TEST · OUTCOME"]
        for text, _ in rows:
            lines += wrap(text, options.width + 10)
        return plain_label(lines)
    name = rows[0][0].rsplit(": ", 1)[0]
    cells = [
        f'<FONT POINT-SIZE="9" COLOR="{COURT_COLOURS.ink}">LEGAL TEST · OUTCOME</FONT>',
        f'<FONT POINT-SIZE="12"><B>{_html_lines(wrap(name, options.width + 6))}</B></FONT>',
        f'<FONT POINT-SIZE="20" COLOR="{_RESULT_COLOURS[outcome.status]}">'
        f"<B>{html_text(outcome.result.upper())}</B></FONT>",
    ]
    for text, status in rows[1:-1]:
        colour = _RESULT_COLOURS[status]
        cells.append(
            f'<FONT POINT-SIZE="11" COLOR="{colour}">'
            f"{_html_lines(wrap(text, options.width + 16))}</FONT>"
        )
    cells.append(f'<FONT POINT-SIZE="9">{html_text(rows[-1][0])}</FONT>')
    body = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{cell}</TD></TR>' for cell in cells)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{body}</TABLE>>'


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


def _legend(
    themap: ArgumentMap, options: RenderOptions, evaluation: EvaluationView | None
) -> Iterator[str]:
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
    if evaluation is not None:
        for status_row in _legend_statuses(evaluation):
            yield from (line for _, line in status_row)
            rows.append([name for name, _ in status_row])
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
    if evaluation is not None and evaluation.tests and any(t.ruling for t in themap.tests):
        ends = ('"legend_outcome_from"', '"legend_outcome_to"')
        yield f'    {ends[0]} [shape=plaintext, label="outcome"];'
        yield f'    {ends[1]} [shape=point, width="0.05", color="{COURT_COLOURS.ink}"];'
        yield (
            f'    {ends[0]} -> {ends[1]} [style="bold", arrowhead=empty, '
            f'color="{COURT_COLOURS.ink}", penwidth="1.6", minlen="2"];'
        )
        rows.append(list(ends))
    for row in rows:
        yield "    { rank=same; " + " ".join(f"{name};" for name in row) + " }"
    for upper, lower in itertools.pairwise(rows):
        yield f"    {lower[0]} -> {upper[0]} [style=invis];"
    yield "  }"


_STATUS_NAMES = {
    "accepted": "accepted: stands",
    "rejected": "rejected: falls",
    "undecided": "undecided",
}


def _legend_statuses(evaluation: EvaluationView) -> list[list[tuple[str, str]]]:
    """Two rows of the key: a sample box a status used, then the outcome node and "not decisive".

    Each item is (node name, DOT line); the caller writes the lines and keeps the names.
    """
    used = {standing.status for standing in evaluation.statements.values()}
    statuses = []
    for status, style in STATUS_STYLES.items():
        if status not in used:
            continue
        name = f'"legend_status_{status}"'
        border = f",{style.border}" if style.border else ""
        line = (
            f'    {name} [shape=box, style="rounded,filled{border}", penwidth="1.6", '
            f'fillcolor="{washed("#DCDCDC", style.wash)}", fontcolor="{style.text}", '
            f'label="{style.mark} {_STATUS_NAMES[status]}"];'
        )
        statuses.append((name, line))
    extras = []
    if any(not s.decisive for s in evaluation.statements.values()):
        extras.append(
            (
                '"legend_not_decisive"',
                '    "legend_not_decisive" [shape=plaintext, '
                'label="(not decisive): accepted as true,\\nthe decision does not rest on it"];',
            )
        )
    if evaluation.tests:
        extras.append(
            (
                '"legend_outcome"',
                f'    "legend_outcome" [shape=box, style="rounded,filled", penwidth="2.5", '
                f'fillcolor="#FFFFFF", color="{COURT_COLOURS.ink}", '
                'label="legal test outcome"];',
            )
        )
    return [row for row in (statuses, extras) if row]
