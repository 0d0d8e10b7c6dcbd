"""Model to DOT text, in pure code: the diagram's layout, labels, tooltips and links."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from ..model import ArgumentMap, LegalTest, Party, Relation, Statement
from . import layout
from .quoting import esc_string, html_text, plain_label, quote_id, safe_url, wrap
from .sketch import Band, Sketch
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

    This is one text for ``dot`` alone: every box and line, in the rows and columns argmap
    planned, but without the bands' backgrounds. argmap's own drawings (``render``,
    ``export``, the widgets) take two passes instead: see ``argmap.render.sketch``.

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
    return sketch(themap, options, evaluation, collapsed).whole


def sketch(
    themap: ArgumentMap,
    options: RenderOptions | None = None,
    evaluation: EvaluationView | None = None,
    collapsed: Mapping[str, int] | None = None,
) -> Sketch:
    """The drawing's parts for the two passes (see ``argmap.render.sketch``)."""
    options = options or RenderOptions()
    if options.evaluate and evaluation is None:
        raise ValueError(
            "RenderOptions(evaluate=True) needs the evaluation: pass "
            "evaluation=argmap.evaluate(themap), or draw with the map's render(), export() "
            "or to_dot()"
        )
    colours = _colours(themap)
    notes = _notes(themap, evaluation)
    for statement_id, count in (collapsed or {}).items():
        if statement_id in themap.statements and count > 0:
            hidden = f"▸ {count} more statement{'s' if count != 1 else ''} folded away"
            notes.setdefault(statement_id, []).append((hidden, "#3A3A3A"))
    outcomes = list(_outcome_nodes(themap, options, evaluation))
    court = next((p.id for p in themap.parties if p.role == "court"), None)
    # Each outcome box sits next to its test's ruling, in the court's band.
    beside = {
        outcome_id(test): ruling
        for test, _, _, ruling in outcomes
        if ruling in themap.statements and court and themap.statements[ruling].party == court
    }
    the_plan = layout.plan(themap, beside)
    cells = {quote_id(name): place for name, place in _drawing_cells(the_plan).items()}
    rows = {name: row for name, (row, _) in cells.items()}

    drawing = Sketch(rows_run="x" if options.direction in ("BT", "TB") else "y")
    graph = {
        "fontname": f'"{FONT}"',
        "nodesep": "0.16",
        "ranksep": "0.4",
        "bgcolor": '"white"',
        "pad": "0.12",
        "tooltip": '" "',
        "outputorder": "edgesfirst",
    }
    if themap.title and options.title:
        graph.update(label=_title_label(themap.title, options), labelloc="t", fontsize="20")
    drawing.header += [
        f"  graph [{_attrs(graph)}];",
        f'  node [fontname="{FONT}", margin="0.1,0.07"];',
        f'  edge [fontname="{FONT}", fontsize="10", arrowsize="0.9"];',
    ]
    standings = evaluation.statements if evaluation is not None else {}
    for band in the_plan.bands:
        party = themap.parties[band.party]
        members = []
        for statement in themap.statements_of(party.id):
            line = _node(
                themap,
                statement,
                party,
                colours[party.id],
                options,
                notes.get(statement.id, []),
                standings.get(statement.id),
            )
            drawing.nodes.append((quote_id(statement.id), "  " + line))
            members.append(quote_id(statement.id))
        if band.court:
            for test, node, _, _ in outcomes:
                if outcome_id(test) in beside:
                    drawing.nodes.append((quote_id(outcome_id(test)), "  " + node))
                    members.append(quote_id(outcome_id(test)))
        drawing.bands.append(
            Band(
                quote_id("cluster_" + party.id),
                _band_attributes(party, colours[party.id], options),
                tuple(members),
                span=band.court,
            )
        )
    for test, node, _, _ in outcomes:
        if outcome_id(test) not in beside:  # a test without a ruling in the court's band
            drawing.nodes.append((quote_id(outcome_id(test)), "  " + node))
            rows.setdefault(quote_id(outcome_id(test)), 0)
    order = [band.party for band in the_plan.bands]
    attacks = {(r.origin, r.target) for r in themap.relations if r.kind == "attack"}
    for relation in themap.relations:
        pair = (relation.origin, relation.target)
        mutual = relation.kind == "attack" and pair[::-1] in attacks
        if mutual and pair[::-1] < pair:
            continue  # two positions that attack each other: one line for both
        fallen = all(
            (s := standings.get(end)) is not None and s.status == "rejected"
            for end in (pair if mutual else pair[:1])
        )
        key = f"relation-{relation.origin}-{relation.target}"
        line = "  " + _edge(themap, relation, rows, order, fallen, mutual)
        origin, target = themap.statements[relation.origin], themap.statements[relation.target]
        span = abs(rows[quote_id(origin.id)] - rows[quote_id(target.id)])
        if origin.party == target.party and span <= _LAID_OUT_SPAN:
            drawing.edges.append((key, line))
        else:  # drawn over the finished layout (see argmap.render.sketch)
            drawing.late.append((key, line))
    for test, _, edge, ruling in outcomes:
        if edge:
            drawing.edges.append((f"outcome-{test}-{ruling}", "  " + edge))
    last = max(rows.values(), default=0)
    if options.legend:
        last = _legend(drawing, themap, options, evaluation, last + 2, rows)
    # Only the first pass lays out; the second draws the layout as it is.
    drawing.scaffold.append(f"  graph [rankdir={_RANKDIRS[options.direction]}, newrank=true];")
    drawing.scaffold += _scaffold(cells, rows)
    return drawing


#: Lines within a band that span more rows than this are drawn over the finished layout,
#: like those between bands: laid out by ``dot``, each would add a hidden point to every row
#: it crosses, which pushes the columns apart (and thousands of them take minutes).
_LAID_OUT_SPAN = 1

#: The rankdir that draws the plan's rows (claims in row 0) with arrows pointing as asked.
_RANKDIRS = {"BT": "TB", "TB": "BT", "LR": "RL", "RL": "LR"}


def _drawing_cells(the_plan: layout.Plan) -> dict[str, tuple[int, int]]:
    """Each box's row and column in the drawing: the plan's, one row down for the parties'
    band names on top, and one more for the court's band name between the bands."""
    parties = max((len(band.rows) for band in the_plan.parties), default=0)
    return {
        name: (row + 1 + (row >= parties), column)
        for name, (row, column) in the_plan.cells().items()
    }


def _scaffold(cells: Mapping[str, tuple[int, int]], rows: Mapping[str, int]) -> list[str]:
    """The invisible lines that hold the plan in place.

    In every row, the boxes, and invisible points in empty cells, are chained left to right
    in their columns' order, so Graphviz keeps that order; each column's cells are chained
    top to bottom in one ``group``, so Graphviz keeps the column straight; and each row is
    tied to the next at its distance, so that empty rows (room for the bands' names) stay.
    """
    point = 'shape=point, style=invis, width="0", height="0"'
    lines = []
    grid: dict[int, dict[int, str]] = {}
    for name, (row, column) in cells.items():
        grid.setdefault(row, {})[column] = name
    width = max((column + 1 for _, column in cells.values()), default=0)
    for row in sorted(grid):
        for column in range(width):
            if column not in grid[row]:
                grid[row][column] = f'"cell {row} {column}"'
                lines.append(f"  {grid[row][column]} [{point}];")
            lines.append(f'  {grid[row][column]} [group="column {column}"];')
    by_row: dict[int, list[str]] = {}
    for name, row in rows.items():
        by_row.setdefault(row, []).append(name)
    for row in grid:
        by_row[row] = [grid[row][c] for c in range(width)] + [
            m for m in by_row.get(row, ()) if m not in grid[row].values()
        ]
    occupied = sorted(by_row)
    for row in occupied:
        lines.append("  { rank=same; " + " ".join(f"{m};" for m in by_row[row]) + " }")
        if row in grid and width > 1:
            lines.append("  " + " -> ".join(grid[row][c] for c in range(width)) + " [style=invis];")
    for upper, lower in itertools.pairwise(occupied):
        gap = f'minlen="{lower - upper}"'
        if upper in grid and lower in grid:
            lines += [
                f"  {grid[upper][c]} -> {grid[lower][c]} [style=invis, {gap}];"
                for c in range(width)
            ]
        else:
            lines.append(
                f'  {by_row[upper][0]} -> {by_row[lower][0]} [style=invis, {gap}, weight="0"];'
            )
    return lines


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


def _band_attributes(party: Party, colours: PartyColours, options: RenderOptions) -> str:
    """A party's band as a cluster: its name at the top left, its colours, its id."""
    role = _ROLE_NAMES[party.role]
    if role and role.split()[-1] in party.name.lower():
        role = ""  # "The court (the court)" says nothing twice
    heading = html_text(party.name) + (
        f'&#160;<FONT POINT-SIZE="11" COLOR="{colours.ink}">({role})</FONT>' if role else ""
    )
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
        "labelloc": "t",
        "fontsize": "14",
        "id": esc_string(f"party-{party.id}"),
        "tooltip": esc_string(f"{party.name} ({party.role})"),
    }
    return _attrs(cluster)


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
        note = _html_lines(wrap(text, options.width))
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


def _edge(
    themap: ArgumentMap,
    relation: Relation,
    rows: Mapping[str, int],
    bands: Sequence[str],
    fallen: bool = False,
    mutual: bool = False,
) -> str:
    """A relation's line; ``fallen``: its origin is rejected, so the line fades (it no longer
    counts) and what still stands carries the picture. ``mutual``: the target attacks the
    origin too, and this one line, with a bar at both ends, stands for both attacks.

    Every line is written from the upper box to the lower one (from the left band to the
    right in one row) and turned with ``dir=back`` where the arrow points up: Graphviz routes
    a line best along the ranks it joins, and its rows are the plan's (``minlen``).
    """
    style = RELATION_STYLES[relation.kind]
    origin = themap.statements[relation.origin]
    target = themap.statements[relation.target]
    colour = washed(style.colour, STATUS_STYLES["rejected"].wash) if fallen else style.colour
    tooltip = f"{origin.id} {_VERBS[relation.kind]} {target.id}: {target.label}"
    if mutual:
        tooltip = (
            f"{origin.id} and {target.id} attack each other: "
            f"{origin.id} {origin.label} / {target.id} {target.label}"
        )
    attributes = {
        "id": esc_string(f"relation-{relation.origin}-{relation.target}"),
        "class": esc_string(
            f"argmap-relation relation-{relation.kind}" + (" relation-mutual" if mutual else "")
        ),
        "style": f'"{style.style}"',
        "arrowhead": style.arrowhead,
        "color": f'"{colour}"',
        "penwidth": str(style.penwidth),
        "tooltip": esc_string(tooltip),
    }
    tail, head = relation.origin, relation.target
    upper, lower = rows[quote_id(tail)], rows[quote_id(head)]
    if mutual:
        attributes.update(dir="both", arrowtail=style.arrowhead)
        if upper > lower or (
            upper == lower and bands.index(origin.party) > bands.index(target.party)
        ):
            tail, head = head, tail
    elif upper > lower or (
        upper == lower and bands.index(origin.party) > bands.index(target.party)
    ):
        tail, head = head, tail
        attributes["dir"] = "back"
    attributes["minlen"] = str(abs(upper - lower))
    if origin.party != target.party:
        # Lines between bands order the boxes (fewer crossings) but do not pull them
        # sideways: else a finding drags its row across the width toward what it decides.
        attributes["weight"] = "0"
    return f"{quote_id(tail)} -> {quote_id(head)} [{_attrs(attributes)}];"


#: The colour of a test's result word: that of the status a met / not met factor resembles.
_RESULT_COLOURS = {
    "met": STATUS_STYLES["accepted"].colour,
    "not met": STATUS_STYLES["rejected"].colour,
    "undecided": STATUS_STYLES["undecided"].colour,
}
_RULE_WORDS = {"all": "every factor must be met", "any": "one factor suffices"}


def _outcome_nodes(
    themap: ArgumentMap, options: RenderOptions, evaluation: EvaluationView | None
) -> Iterator[tuple[str, str, str, str]]:
    """Each legal test's outcome: the test's id, the outcome's node (for the court's band),
    the line to its ruling (or ""), and the ruling's id."""
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
                "tooltip": esc_string(f"{test.name}: {outcome.result.upper()} — {test.ruling}"),
            }
            edge = f"{quote_id(outcome_id(test.id))} -> {quote_id(test.ruling)} [{_attrs(line)}];"
        yield test.id, node, edge, test.ruling


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
        f'<FONT POINT-SIZE="12"><B>{_html_lines(wrap(name, options.width))}</B></FONT>',
        f'<FONT POINT-SIZE="20" COLOR="{_RESULT_COLOURS[outcome.status]}">'
        f"<B>{html_text(outcome.result.upper())}</B></FONT>",
    ]
    for text, status in rows[1:-1]:
        colour = _RESULT_COLOURS[status]
        cells.append(
            f'<FONT POINT-SIZE="11" COLOR="{colour}">'
            f"{_html_lines(wrap(text, options.width + 4))}</FONT>"
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


#: The look the key's boxes share.
_LEGEND_NODE = 'fontsize="10", color="#555555", fillcolor="#F4F4F4", height="0.3"'


def _legend(
    drawing: Sketch,
    themap: ArgumentMap,
    options: RenderOptions,
    evaluation: EvaluationView | None,
    first: int,
    rows: dict[str, int],
) -> int:
    """A compact key under the map, from row ``first``, in at most three rows: the shapes
    used; the statuses; the lines used side by side. Returns its last row."""
    kinds = [k for k in KIND_STYLES if any(s.kind == k for s in themap.statements)]
    relations = [k for k in RELATION_STYLES if any(r.kind == k for r in themap.relations)]
    key_rows: list[list[str]] = []
    members: list[str] = []

    def node(name: str, attributes: str) -> None:
        drawing.nodes.append((name, f"  {name} [{_LEGEND_NODE}, {attributes}];"))
        members.append(name)

    row = []
    for kind in kinds:
        shape = KIND_STYLES[kind]
        extra = f', peripheries="{shape.peripheries}"' if shape.peripheries > 1 else ""
        name = f'"legend_{kind}"'
        node(
            name,
            f'shape={shape.shape}, style="{shape.style}", '
            f'penwidth="{min(shape.penwidth, 2.0)}", label="{_KIND_NAMES[kind]}"{extra}',
        )
        row.append(name)
    key_rows.append(row)
    if evaluation is not None:
        row = []
        for status_row in _legend_statuses(evaluation):
            for name, attributes in status_row:
                node(name, attributes)
                row.append(name)
        key_rows.append(row)
    lines = [(kind, RELATION_STYLES[kind]) for kind in relations]
    row = []
    for kind, style in lines:
        ends = (f'"legend_{kind}_from"', f'"legend_{kind}_to"')
        node(ends[0], f'shape=plaintext, label="{_VERBS[kind].split(" ")[0]}"')
        node(ends[1], f'shape=point, width="0.05", color="{style.colour}"')
        drawing.edges.append(
            (
                f"legend-{kind}",
                f'  {ends[0]} -> {ends[1]} [id="legend-{kind}", style="{style.style}", '
                f'arrowhead={style.arrowhead}, color="{style.colour}", '
                f'penwidth="{style.penwidth}", minlen="2"];',
            )
        )
        row += ends
    if evaluation is not None and evaluation.tests and any(t.ruling for t in themap.tests):
        ends = ('"legend_outcome_from"', '"legend_outcome_to"')
        node(ends[0], 'shape=plaintext, label="outcome"')
        node(ends[1], f'shape=point, width="0.05", color="{COURT_COLOURS.ink}"')
        drawing.edges.append(
            (
                "legend-outcome",
                f'  {ends[0]} -> {ends[1]} [id="legend-outcome", style="bold", '
                f'arrowhead=empty, color="{COURT_COLOURS.ink}", penwidth="1.6", minlen="2"];',
            )
        )
        row += ends
    key_rows.append(row)
    key_rows = [row for row in key_rows if row]
    for number, row in enumerate(key_rows):
        rows.update(dict.fromkeys(row, first + number))
    drawing.bands.append(
        Band(
            '"cluster_legend"',
            'label=<<B>Key</B>>, style="rounded", color="#999999", labeljust="l", '
            'labelloc="t", id="legend", fontsize="12", tooltip="Key"',
            tuple(members),
        )
    )
    return first + len(key_rows) - 1


_STATUS_NAMES = {
    "accepted": "accepted: stands",
    "rejected": "rejected: falls",
    "undecided": "undecided",
}


def _legend_statuses(evaluation: EvaluationView) -> list[list[tuple[str, str]]]:
    """The key's status samples: a box a status used, then "not decisive" and the outcome.

    Each item is (node name, its DOT attributes).
    """
    used = {standing.status for standing in evaluation.statements.values()}
    statuses = []
    for status, style in STATUS_STYLES.items():
        if status not in used:
            continue
        name = f'"legend_status_{status}"'
        border = f",{style.border}" if style.border else ""
        attributes = (
            f'shape=box, style="rounded,filled{border}", penwidth="1.6", '
            f'fillcolor="{washed("#DCDCDC", style.wash)}", fontcolor="{style.text}", '
            f'label="{style.mark} {_STATUS_NAMES[status]}"'
        )
        statuses.append((name, attributes))
    extras = []
    if any(not s.decisive for s in evaluation.statements.values()):
        extras.append(
            (
                '"legend_not_decisive"',
                "shape=plaintext, "
                'label="(not decisive): accepted as true,\\nthe decision does not rest on it"',
            )
        )
    if evaluation.tests:
        extras.append(
            (
                '"legend_outcome"',
                f'shape=box, style="rounded,filled", penwidth="2.5", '
                f'fillcolor="#FFFFFF", color="{COURT_COLOURS.ink}", '
                'label="legal test outcome"',
            )
        )
    return [row for row in (statuses, extras) if row]
