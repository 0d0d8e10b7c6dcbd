"""Which statements stand, which fall and why; the outcome of each legal test, factor by factor.

How a status comes about, in three steps:

1. **The court decides what it addresses.** What a finding or the ruling ``upholds`` is
   accepted, what it ``rejects`` is rejected, what it ``acknowledges`` is accepted but not
   decisive (``Standing.decisive`` is False). The court's own statements (findings, rulings,
   the court's facts) are accepted as given. When the court says both (upheld or stated, and
   rejected), the statement is undecided and the reason names the conflict. A verdict counts
   because the court gave it, whatever else the map says about the finding that gave it.
2. **An attack on what the court accepted fails.** A statement that attacks a statement the
   court accepted is rejected ("overruled"): the court decided the point against it.
3. **Everything else follows from support and attack** by the grounded labelling of a bipolar
   framework in which *a statement stands when no attacker stands and, if it has reasons,
   at least one of its reasons stands*; it falls when an attacker stands or every one of its
   reasons falls; otherwise it is undecided. This is the grounded semantics of a bipolar
   abstract dialectical framework (Brewka & Woltran 2010; Brewka et al. 2013) with that
   acceptance condition, i.e. support read as *evidential* support (Oren & Norman 2008;
   Polberg & Oren 2014): a statement nobody gave reasons for is taken at face value until
   attacked, and a statement argued for rests on its reasons. It is the least fixed point,
   so mutual attacks nobody decides stay undecided and odd cycles end undecided too.

Why this variant and not Cayrol & Lagasquie-Schiex's supported and secondary attacks
(2005, 2013) or Nouioua & Risch's necessary support (2010): in a court case a position rests on
several independent claims (Parler's P0 on P1–P5). Secondary (necessary-support) attacks make
the position fall as soon as *one* claim falls; supported attacks let a reason for an objection
that has itself fallen still knock out what the objection attacked. Both surprise a reader.
Evidential support gives what a reader expects: a chain of reasons undercut at its root falls
link by link, a position stands while one of its reasons stands, and a reason that backs a
claim the court rejected still stands on its own (Parler's harm, acknowledged by F2, backs P0,
which the ruling rejects). Without supports the labelling is exactly Dung's grounded labelling.

It is computed in time linear in the size of the map: a worklist over the relations, each
relation looked at a bounded number of times, no repeated passes. The reason for an accepted or
rejected statement names only statements settled *before* it (or the court's findings), so
following such reasons from one settled statement to the next never goes round a cycle;
undecided statements name the undecided statements they wait on, which may form one.

Legal tests: a factor is decided by its deciding findings and the court findings that support
them (transitively). A verdict counts *for* the movant when it upholds or acknowledges a
statement of the movant or rejects one of another party, *against* it when it rejects a
statement of the movant or upholds or acknowledges one of another party (acknowledging the
other side's claim goes against the movant, not decisively). Any ground against: the factor
is not met; else any ground for: met; none: undecided. It is not decisive when every ground that
decides it is an acknowledgement (Parler's irreparable harm). A test without a movant counts
upholds and acknowledges as for, rejects as against. The rule (all / any / at least n)
combines the factors; a test with a movant is GRANTED, DENIED or UNDECIDED, else MET, NOT MET
or UNDECIDED.
"""

from __future__ import annotations

import textwrap
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, get_args

from .exceptions import UnknownIdError, ValidationError
from .model import ArgumentMap, LegalTest, Statement

__all__ = [
    "Evaluation",
    "FactorOutcome",
    "Ground",
    "Outcome",
    "Reason",
    "ReasonKind",
    "Side",
    "Standing",
    "Status",
    "TestStatus",
    "combine",
    "evaluate",
]

Status = Literal["accepted", "rejected", "undecided"]
TestStatus = Literal["met", "not met", "undecided"]
Side = Literal["for", "against"]
ReasonKind = Literal[
    "court",  # accepted: the court's own statement
    "upheld",  # accepted: a finding or the ruling upholds it
    "acknowledged",  # accepted, not decisive: a finding acknowledges it
    "rejected",  # rejected: a finding or the ruling rejects it
    "conflict",  # undecided: the court both accepts and rejects it
    "overruled",  # rejected: it attacks a statement the court accepted
    "unchallenged",  # accepted: no attacker, no reasons
    "defended",  # accepted: every attacker is rejected
    "supported",  # accepted: one of its reasons is accepted
    "attacked",  # rejected: an attacker is accepted
    "unfounded",  # rejected: every one of its reasons is rejected
    "contested",  # undecided: an attacker is undecided
    "unsettled",  # undecided: no reason accepted, some undecided
]

_PHRASES: Mapping[str, str] = MappingProxyType(
    {
        "court": "stated by the court",
        "upheld": "upheld by {}",
        "acknowledged": "acknowledged by {}",
        "rejected": "rejected by {}",
        "conflict": "the court's findings conflict",
        "overruled": "it attacks {}, which the court accepted",
        "unchallenged": "nothing attacks it",
        "defended": "every attacker is rejected: {}",
        "supported": "backed by {}",
        "attacked": "attacked by {}",
        "unfounded": "every reason for it is rejected: {}",
        "contested": "attacked by undecided {}",
        "unsettled": "its reasons are undecided: {}",
    }
)
_VERDICT_REASONS = frozenset({"court", "upheld", "acknowledged", "rejected", "conflict"})


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a status: what decided it, and the statements that did (ids).

    >>> Reason("rejected", ("F1a",)).describe()
    'rejected by F1a'
    >>> Reason("attacked", ("A3", "A4")).describe(lambda i: i.lower())
    'attacked by a3, a4'
    >>> Reason("guessed")
    Traceback (most recent call last):
    ...
    argmap.exceptions.ValidationError: unknown reason kind: 'guessed' (must be one of ['court', 'upheld', 'acknowledged', 'rejected', 'conflict', 'overruled', 'unchallenged', 'defended', 'supported', 'attacked', 'unfounded', 'contested', 'unsettled'])
    """

    kind: ReasonKind
    by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in _PHRASES:
            raise ValidationError(
                f"unknown reason kind: {self.kind!r} (must be one of {list(get_args(ReasonKind))})"
            )

    def describe(self, name: Callable[[str], str] = str) -> str:
        """The reason in words; ``name`` turns an id into what to print (e.g. with its title)."""
        return _PHRASES[self.kind].format(", ".join(name(i) for i in self.by))


@dataclass(frozen=True, slots=True)
class Standing:
    """How a statement stands: its status, whether it is decisive, and the reasons.

    ``decisive`` is False only for a statement accepted because the court acknowledged it
    (accepted as true, but the decision does not rest on it).

    >>> Standing("rejected", (Reason("rejected", ("R",)),)).describe()
    'rejected by R'
    >>> conflict = (Reason("conflict"), Reason("upheld", ("F1",)), Reason("rejected", ("F2",)))
    >>> Standing("undecided", conflict).describe()
    "the court's findings conflict: upheld by F1, rejected by F2"
    """

    status: Status
    reasons: tuple[Reason, ...]
    decisive: bool = True

    @property
    def by_court(self) -> bool:
        """Whether the court fixed this status (a verdict, or the court's own statement)."""
        return bool(self.reasons) and self.reasons[0].kind in _VERDICT_REASONS

    def describe(self, name: Callable[[str], str] = str) -> str:
        """The reasons in words, most decisive first."""
        if self.reasons and self.reasons[0].kind == "conflict":
            rest = ", ".join(r.describe(name) for r in self.reasons[1:])
            return f"{self.reasons[0].describe(name)}: {rest}"
        return "; ".join(r.describe(name) for r in self.reasons)

    @property
    def summary(self) -> str:
        """The reasons in words, with bare ids (what a box of the diagram says)."""
        return self.describe()


@dataclass(frozen=True, slots=True)
class Ground:
    """One verdict that bears on a factor: ``finding`` ``verdict`` ``statement``, for or against.

    >>> Ground("F1a", "rejects", "P1", "against").describe()
    'F1a rejects P1'
    """

    finding: str
    verdict: str
    statement: str
    side: Side

    def describe(self, name: Callable[[str], str] = str) -> str:
        """The ground in words."""
        return f"{name(self.finding)} {self.verdict} {name(self.statement)}"


@dataclass(frozen=True, slots=True)
class FactorOutcome:
    """Whether one factor of a legal test is met, and on which grounds."""

    factor: str
    status: TestStatus
    decisive: bool
    grounds: tuple[Ground, ...]

    @property
    def words(self) -> str:
        """The status as a report prints it: "MET", "NOT MET (not decisive)", "UNDECIDED"."""
        shown = self.status.upper()
        return shown if self.decisive or self.status == "undecided" else f"{shown} (not decisive)"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The outcome of a legal test: its factors combined by the test's rule."""

    test: str
    status: TestStatus
    motion: bool
    factors: tuple[FactorOutcome, ...]

    @property
    def result(self) -> Literal["granted", "denied", "met", "not met", "undecided"]:
        """GRANTED/DENIED for a motion (a test with a movant), else MET/NOT MET; or UNDECIDED."""
        if self.status == "undecided":
            return "undecided"
        if self.motion:
            return "granted" if self.status == "met" else "denied"
        return self.status

    def factor(self, factor_id: str) -> FactorOutcome:
        """The outcome of one factor."""
        for factor in self.factors:
            if factor.factor == factor_id:
                return factor
        known = [f.factor for f in self.factors]
        raise UnknownIdError(f"unknown factor: {factor_id!r} (must be one of {known})")


def combine(rule: str, statuses: Sequence[str], threshold: int | None = None) -> TestStatus:
    """The status of a test whose factors have these statuses, under its rule.

    >>> combine("all", ["met", "not met", "met"])
    'not met'
    >>> combine("all", ["met", "undecided"])
    'undecided'
    >>> combine("any", ["undecided", "met"])
    'met'
    >>> combine("at_least", ["met", "undecided", "not met"], 2)
    'undecided'
    >>> combine("most", ["met"])
    Traceback (most recent call last):
    ...
    argmap.exceptions.ValidationError: unknown rule: 'most' (must be one of ['all', 'any', 'at_least'])
    """
    needed = {"all": len(statuses), "any": 1, "at_least": threshold or 1}
    if rule not in needed:
        raise ValidationError(f"unknown rule: {rule!r} (must be one of {list(needed)})")
    met = sum(1 for s in statuses if s == "met")
    open_ = sum(1 for s in statuses if s == "undecided")
    if met >= needed[rule]:
        return "met"
    if met + open_ < needed[rule]:
        return "not met"
    return "undecided"


@dataclass(frozen=True)
class Evaluation:
    """The result of :func:`evaluate`: a standing for every statement, an outcome every test.

    A snapshot: changing the map afterwards does not change it; evaluate again.
    """

    statements: Mapping[str, Standing]
    tests: Mapping[str, Outcome]

    def status(self, statement_id: str) -> Status:
        """The status of one statement."""
        try:
            return self.statements[statement_id].status
        except KeyError:
            raise UnknownIdError(f"unknown statement: {statement_id!r}") from None

    def having(self, status: Status) -> list[str]:
        """The ids of the statements with this status, in the map's order."""
        if status not in get_args(Status):
            raise ValidationError(
                f"unknown status: {status!r} (must be one of {list(get_args(Status))})"
            )
        return [i for i, standing in self.statements.items() if standing.status == status]

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.having(s))} {s}" for s in get_args(Status))
        tests = "".join(f"; {t}: {o.result}" for t, o in self.tests.items())
        return f"<Evaluation: {counts}{tests}>"

    def to_dict(self, themap: ArgumentMap) -> dict[str, Any]:
        """The report as plain data for JSON: tests, each party's positions, every status.

        ``themap`` is the map evaluated; titles, names and citations are read from it.
        """
        return _report_data(themap, self)

    def report(self, themap: ArgumentMap, *, verbose: bool = False, width: int = 100) -> str:
        """The report as text: each test and its factors, then each party's positions.

        With ``verbose``, every statement of every party with its reasons, two levels deep.
        """
        return "\n".join(_report_lines(themap, self, self.to_dict(themap), verbose, width))


# ---- the labelling ----------------------------------------------------------------------

_NONE, _IN, _OUT, _UNDEC = 0, 1, 2, 3
_STATUS: dict[int, Status] = {_IN: "accepted", _OUT: "rejected", _UNDEC: "undecided"}
_UNCHALLENGED = (Reason("unchallenged"),)


class _Links:
    """Each statement's neighbours along one kind of relation, kept in one flat list (CSR).

    A map of n statements then costs a few lists instead of n small ones: Python's garbage
    collector walks every list alive, again and again while evaluation allocates, and with
    a list a statement that walking doubled the time of a 100,000-statement map.

    >>> links = _Links(3, [0, 2, 0], [1, 0, 2])
    >>> links[0], links[1], links[2], links.count(0)
    ([1, 2], [], [0], 2)
    """

    __slots__ = ("_offsets", "_values")

    def __init__(self, size: int, keys: Sequence[int], values: Sequence[int]) -> None:
        offsets = [0] * (size + 1)
        for key in keys:
            offsets[key + 1] += 1
        for n in range(size):
            offsets[n + 1] += offsets[n]
        free = offsets[:-1]
        ordered = [0] * len(keys)
        for key, value in zip(keys, values, strict=True):  # in the map's order, a key
            ordered[free[key]] = value
            free[key] += 1
        self._offsets, self._values = offsets, ordered

    def __getitem__(self, n: int) -> list[int]:
        return self._values[self._offsets[n] : self._offsets[n + 1]]

    def count(self, n: int) -> int:
        """How many neighbours statement ``n`` has."""
        return self._offsets[n + 1] - self._offsets[n]


#: Verdicts as numbers: a verdict link stores ``3 * statement + the verdict's index``.
_VERDICTS = ("upholds", "acknowledges", "rejects")


class _Graph:
    """The map's relations as statement numbers, both directions, built once."""

    def __init__(self, themap: ArgumentMap) -> None:
        self.statements: list[Statement] = list(themap.statements)
        self.ids = [s.id for s in self.statements]
        self.number = number = {sid: n for n, sid in enumerate(self.ids)}
        size = len(self.ids)
        courts = {p.id for p in themap.parties if p.role == "court"}
        self.court = [s.party in courts for s in self.statements]
        ends: dict[str, tuple[list[int], list[int]]] = {"attack": ([], []), "support": ([], [])}
        verdicts: tuple[list[int], list[int], list[int]] = ([], [], [])
        for relation in themap.relations:
            origin, target = number[relation.origin], number[relation.target]
            if relation.kind in ends:
                ends[relation.kind][0].append(origin)
                ends[relation.kind][1].append(target)
            else:
                verdicts[0].append(origin)
                verdicts[1].append(target)
                verdicts[2].append(_VERDICTS.index(relation.kind))
        origins, targets = ends["attack"]
        self.attacks, self.attackers = (
            _Links(size, origins, targets),
            _Links(size, targets, origins),
        )
        origins, targets = ends["support"]
        self.supports = _Links(size, origins, targets)
        self.supporters = _Links(size, targets, origins)
        origins, targets, kinds = verdicts
        self.verdicts_on = _Links(
            size, targets, [3 * o + k for o, k in zip(origins, kinds, strict=True)]
        )
        self.verdicts_by = _Links(
            size, origins, [3 * t + k for t, k in zip(targets, kinds, strict=True)]
        )


def _court_standing(graph: _Graph, n: int) -> Standing | None:
    """The status the court fixes for statement ``n``, or None where it fixes none."""
    stated = graph.court[n]
    if not stated and not graph.verdicts_on.count(n):
        return None
    by: tuple[list[str], list[str], list[str]] = ([], [], [])
    for code in graph.verdicts_on[n]:
        by[code % 3].append(graph.ids[code // 3])
    upheld, acknowledged, rejected = (tuple(ids) for ids in by)
    accepting = [Reason("court")] if stated else []
    accepting += [Reason("upheld", upheld)] if upheld else []
    accepting += [Reason("acknowledged", acknowledged)] if acknowledged else []
    if rejected:
        if accepting:
            return Standing(
                "undecided", (Reason("conflict"), *accepting, Reason("rejected", rejected))
            )
        return Standing("rejected", (Reason("rejected", rejected),))
    return Standing("accepted", tuple(accepting), stated or bool(upheld))


def _label(graph: _Graph) -> list[Standing]:
    """Label every statement: the court's verdicts first, then a worklist over the relations."""
    size = len(graph.ids)
    label = [_NONE] * size
    standing: list[Standing | None] = [None] * size
    queue: deque[int] = deque()

    def named(numbers: Iterable[int]) -> tuple[str, ...]:
        return tuple(graph.ids[m] for m in numbers)

    def settle(n: int, state: int, reasons: tuple[Reason, ...]) -> None:
        label[n] = state
        standing[n] = Standing(_STATUS[state], reasons)
        queue.append(n)

    def accept(n: int) -> None:
        reasons = []
        if graph.attackers.count(n):
            reasons.append(Reason("defended", named(graph.attackers[n])))
        if graph.supporters.count(n):
            backing = (m for m in graph.supporters[n] if label[m] == _IN)
            reasons.append(Reason("supported", named(backing)))
        settle(n, _IN, tuple(reasons) or _UNCHALLENGED)

    fixed_in = [False] * size
    for n in range(size):
        decided = _court_standing(graph, n)
        if decided is not None:
            label[n] = {"accepted": _IN, "rejected": _OUT, "undecided": _UNDEC}[decided.status]
            fixed_in[n] = label[n] == _IN
            standing[n] = decided
            queue.append(n)
    for n in range(size):
        if label[n] != _NONE:
            continue
        overruled = [m for m in graph.attacks[n] if fixed_in[m]]
        if overruled:
            settle(n, _OUT, (Reason("overruled", named(overruled)),))
        elif not graph.attackers.count(n) and not graph.supporters.count(n):
            settle(n, _IN, _UNCHALLENGED)

    attackers_left = [graph.attackers.count(n) for n in range(size)]
    reasons_left = [graph.supporters.count(n) for n in range(size)]
    backed = [False] * size
    while queue:
        n = queue.popleft()
        if label[n] == _IN:
            for target in graph.attacks[n]:
                if label[target] == _NONE:
                    standing_by = (m for m in graph.attackers[target] if label[m] == _IN)
                    settle(target, _OUT, (Reason("attacked", named(standing_by)),))
            for target in graph.supports[n]:
                backed[target] = True
                if label[target] == _NONE and attackers_left[target] == 0:
                    accept(target)
        elif label[n] == _OUT:
            for target in graph.attacks[n]:
                attackers_left[target] -= 1
                if (
                    label[target] == _NONE
                    and attackers_left[target] == 0
                    and (backed[target] or not graph.supporters.count(target))
                ):
                    accept(target)
            for target in graph.supports[n]:
                reasons_left[target] -= 1
                if label[target] == _NONE and reasons_left[target] == 0:
                    fallen = named(graph.supporters[target])
                    settle(target, _OUT, (Reason("unfounded", fallen),))

    for n in range(size):
        if label[n] == _NONE:
            label[n] = _UNDEC
    for n in range(size):
        if standing[n] is None:
            reasons = []
            open_attackers = [m for m in graph.attackers[n] if label[m] == _UNDEC]
            if open_attackers:
                reasons.append(Reason("contested", named(open_attackers)))
            if graph.supporters.count(n) and not backed[n]:
                open_reasons = (m for m in graph.supporters[n] if label[m] == _UNDEC)
                reasons.append(Reason("unsettled", named(open_reasons)))
            standing[n] = Standing("undecided", tuple(reasons))
    return [s for s in standing if s is not None]


# ---- legal tests ------------------------------------------------------------------------


def _grounds(graph: _Graph, deciding: Sequence[str], movant: str) -> list[Ground]:
    """The verdicts of the deciding findings and of the court findings that support them."""
    grounds = []
    seen: set[int] = set()
    todo = deque(graph.number[d] for d in deciding)
    while todo:
        n = todo.popleft()
        if n in seen:
            continue
        seen.add(n)
        for code in graph.verdicts_by[n]:
            target, verdict = code // 3, _VERDICTS[code % 3]
            side = _side(verdict, graph.statements[target].party, movant, graph.court[target])
            if side is not None:
                grounds.append(Ground(graph.ids[n], verdict, graph.ids[target], side))
        todo.extend(m for m in graph.supporters[n] if graph.court[m])
    return grounds


def _side(verdict: str, party: str, movant: str, court: bool) -> Side | None:
    """Whether a verdict on a statement of ``party`` counts for or against the movant.

    >>> _side("rejects", "parler", "parler", False), _side("rejects", "aws", "parler", False)
    ('against', 'for')
    >>> _side("acknowledges", "aws", "", False), _side("upholds", "court", "parler", True)
    ('for', None)
    """
    if court:
        return None
    favourable = verdict != "rejects"
    if movant and party != movant:
        favourable = not favourable
    return "for" if favourable else "against"


def _factor_outcome(factor_id: str, grounds: list[Ground]) -> FactorOutcome:
    against = [g for g in grounds if g.side == "against"]
    deciding = against or [g for g in grounds if g.side == "for"]
    status: TestStatus = "not met" if against else "met" if deciding else "undecided"
    decisive = any(g.verdict != "acknowledges" for g in deciding)
    return FactorOutcome(factor_id, status, decisive, tuple(grounds))


def _outcome(graph: _Graph, test: LegalTest) -> Outcome:
    factors = tuple(
        _factor_outcome(f.id, _grounds(graph, f.deciding, test.movant)) for f in test.factors
    )
    status = combine(test.rule, [f.status for f in factors], test.threshold)
    return Outcome(test.id, status, bool(test.movant), factors)


def evaluate(themap: ArgumentMap) -> Evaluation:
    """Evaluate the map: the standing of every statement and the outcome of every legal test.

    See the module's documentation for the semantics. Time is linear in the map's size.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.add_party("p", "Pro", role="plaintiff"), m.add_party("c", "Con", role="defendant")
    >>> _ = m.add_statement("P0", party="p", kind="position", text="We win.")
    >>> _ = m.add_statement("C1", party="c", kind="objection", text="No.")
    >>> _ = m.add_statement("P1", party="p", kind="objection", text="Yes.")
    >>> _ = m.add_relation("C1", "P0", "attack"), m.add_relation("P1", "C1", "attack")
    >>> result = evaluate(m)
    >>> [result.status(i) for i in ("P0", "C1", "P1")]
    ['accepted', 'rejected', 'accepted']
    >>> result.statements["C1"].describe()
    'attacked by P1'
    """
    graph = _Graph(themap)
    standings = _label(graph)
    return Evaluation(
        MappingProxyType(dict(zip(graph.ids, standings, strict=True))),
        MappingProxyType({test.id: _outcome(graph, test) for test in themap.tests}),
    )


# ---- the report -------------------------------------------------------------------------


def _title(themap: ArgumentMap, statement_id: str) -> str:
    statement = themap.statements[statement_id]
    if statement.title:
        return statement.title
    return textwrap.shorten(statement.text, 60, placeholder="…").removesuffix(".")


def _citation(themap: ArgumentMap, statement_id: str) -> dict[str, str] | None:
    citations = themap.statements[statement_id].citations
    if not citations:
        return None
    first = citations[0]
    source = themap.sources[first.source]
    return {
        "source": source.id,
        "title": source.title,
        "quote": first.quote,
        "locator": first.locator,
        "url": source.url,
    }


def _standing_data(
    themap: ArgumentMap, statement_id: str, standing: Standing, name: Callable[[str], str]
) -> dict[str, Any]:
    return {
        "id": statement_id,
        "title": _title(themap, statement_id),
        "kind": themap.statements[statement_id].kind,
        "status": standing.status,
        "decisive": standing.decisive,
        "reasons": [
            {"kind": r.kind, "by": list(r.by), "text": r.describe(name)} for r in standing.reasons
        ],
        "because": standing.describe(name),
    }


def _report_data(themap: ArgumentMap, evaluation: Evaluation) -> dict[str, Any]:
    def name(statement_id: str) -> str:
        return f"{statement_id} ({_title(themap, statement_id)})"

    tests = []
    for test in themap.tests:
        outcome = evaluation.tests[test.id]
        factors = []
        for factor in test.factors:
            result = outcome.factor(factor.id)
            factors.append(
                {
                    "id": factor.id,
                    "name": factor.name,
                    "status": result.status,
                    "decisive": result.decisive,
                    "deciding": [
                        {"id": d, "title": _title(themap, d), "citation": _citation(themap, d)}
                        for d in factor.deciding
                    ],
                    "grounds": [
                        {
                            "finding": g.finding,
                            "verdict": g.verdict,
                            "statement": g.statement,
                            "side": g.side,
                        }
                        for g in result.grounds
                    ],
                }
            )
        tests.append(
            {
                "id": test.id,
                "name": test.name,
                "movant": test.movant,
                "rule": test.rule,
                "threshold": test.threshold,
                "ruling": test.ruling,
                "status": outcome.status,
                "result": outcome.result,
                "factors": factors,
            }
        )
    parties = []
    for party in themap.parties:
        stated = themap.statements_of(party.id)
        standings = [evaluation.statements[s.id] for s in stated]
        parties.append(
            {
                "id": party.id,
                "name": party.name,
                "role": party.role,
                "positions": [
                    _standing_data(themap, s.id, evaluation.statements[s.id], name)
                    for s in stated
                    if s.kind in ("position", "ruling")
                ],
                "counts": {
                    status: sum(1 for st in standings if st.status == status)
                    for status in get_args(Status)
                },
            }
        )
    return {
        "title": themap.title,
        "tests": tests,
        "parties": parties,
        "statements": {
            sid: _standing_data(themap, sid, standing, name)
            for sid, standing in evaluation.statements.items()
        },
    }


def _cite(citation: dict[str, str] | None) -> str:
    """A citation as a report prints it.

    >>> _cite({"title": "The order", "quote": "not a close call", "locator": "p. 9"})
    '“not a close call” (The order, p. 9)'
    >>> _cite({"title": "The order", "quote": "", "locator": ""})
    'The order'
    """
    if citation is None:
        return "no citation"
    where = ", ".join(part for part in (citation["title"], citation["locator"]) if part)
    return f"“{citation['quote']}” ({where})" if citation["quote"] else where


def _group(grounds: list[dict[str, str]]) -> str:
    """Grounds grouped by finding and verdict, in their order.

    >>> _group([{"finding": "F1a", "verdict": "rejects", "statement": "P1"},
    ...         {"finding": "F1a", "verdict": "rejects", "statement": "P1a"},
    ...         {"finding": "F1a", "verdict": "upholds", "statement": "A3"}])
    'F1a rejects P1, P1a, upholds A3'
    """
    parts: list[str] = []
    last: tuple[str, str] = ("", "")
    for g in grounds:
        if (g["finding"], g["verdict"]) == last:
            parts[-1] += f", {g['statement']}"
            continue
        lead = g["finding"] + " " if g["finding"] != last[0] else ""
        if lead and parts:
            parts[-1] += ";"
        parts.append(f"{lead}{g['verdict']} {g['statement']}")
        last = (g["finding"], g["verdict"])
    return ", ".join(parts).replace(";,", ";")


_RULES = {"all": "every factor must be met", "any": "one factor suffices"}
_MARKS = {"met": "✓", "not met": "✗", "undecided": "?"}


def _report_lines(
    themap: ArgumentMap,
    evaluation: Evaluation,
    data: dict[str, Any],
    verbose: bool,
    width: int,
) -> Iterator[str]:
    def para(text: str, indent: int) -> Iterator[str]:
        yield from textwrap.wrap(
            text,
            width,
            initial_indent=" " * indent,
            subsequent_indent=" " * (indent + 2),
            break_on_hyphens=False,
        )

    yield data["title"] or "Untitled argument map"
    for test in data["tests"]:
        yield ""
        yield from _test_lines(themap, evaluation, test, para)
    for party in data["parties"]:
        stated = themap.statements_of(party["id"])
        if not stated or (party["role"] == "court" and not verbose):
            continue
        yield ""
        yield f"{party['name']} ({party['role']})"
        if verbose:
            for statement in stated:
                yield from _standing_lines(data["statements"][statement.id], data, para)
        for item in [] if verbose else party["positions"]:
            yield from para(_standing_line(item), 2)
            yield from _neighbours(themap, evaluation, item["id"], para)
        counts = party["counts"]
        yield from para(
            f"{len(stated)} statement{'' if len(stated) == 1 else 's'} in all: "
            + ", ".join(f"{counts[s]} {s}" for s in get_args(Status)),
            2,
        )


def _test_lines(
    themap: ArgumentMap,
    evaluation: Evaluation,
    test: dict[str, Any],
    para: Callable[[str, int], Iterator[str]],
) -> Iterator[str]:
    yield f"{test['name']}: {test['result'].upper()}"
    met = sum(1 for f in test["factors"] if f["status"] == "met")
    rule = _RULES.get(test["rule"], f"at least {test['threshold']} factors must be met")
    line = f"{rule}; {met} of {len(test['factors'])} met"
    if test["movant"]:
        line = f"movant: {themap.parties[test['movant']].name}; {line}"
    if test["ruling"]:
        line += f"; ruling: {test['ruling']} {_title(themap, test['ruling'])}"
    yield from para(line, 2)
    sides = {"for": "for", "against": "against"}
    if test["movant"]:
        movant = themap.parties[test["movant"]].name
        sides = {"for": f"for {movant}", "against": f"against {movant}"}
    for factor in test["factors"]:
        outcome = evaluation.tests[test["id"]].factor(factor["id"])
        deciding = "; ".join(f"{d['id']} {d['title']}" for d in factor["deciding"])
        by = f" — {deciding}" if deciding else " — no finding decides it"
        yield from para(f"{_MARKS[outcome.status]} {factor['name']}: {outcome.words}{by}", 2)
        for d in factor["deciding"]:
            yield from para(_cite(d["citation"]), 6)
        for side in ("against", "for"):
            grounds = [g for g in factor["grounds"] if g["side"] == side]
            if grounds:
                yield from para(f"{sides[side]}: {_group(grounds)}", 6)
        if factor["deciding"] and not factor["grounds"]:
            yield from para("its findings decide no party's statement", 6)


def _standing_line(item: dict[str, Any]) -> str:
    words = item["status"].upper() + ("" if item["decisive"] else " (not decisive)")
    return f"{item['id']} {item['title']}: {words} — {item['because']}"


def _neighbours(
    themap: ArgumentMap,
    evaluation: Evaluation,
    statement_id: str,
    para: Callable[[str, int], Iterator[str]],
) -> Iterator[str]:
    """The statements for and against one (its reasons and attackers), with their status."""
    near: dict[str, list[str]] = {"support": [], "attack": []}
    for relation in themap.relations:
        if relation.target == statement_id and relation.kind in near:
            standing = evaluation.statements[relation.origin]
            status = standing.status + ("" if standing.decisive else ", not decisive")
            near[relation.kind].append(f"{relation.origin} ({status})")
    for kind, label in (("support", "its reasons"), ("attack", "attacked by")):
        if near[kind]:
            yield from para(f"{label}: {', '.join(near[kind])}", 6)


def _standing_lines(
    item: dict[str, Any],
    data: dict[str, Any],
    para: Callable[[str, int], Iterator[str]],
) -> Iterator[str]:
    """A statement and, one level down, how the statements its reasons name stand."""
    yield from para(_standing_line(item), 2)
    for reason in item["reasons"]:
        for by in reason["by"]:
            deeper = data["statements"][by]
            if deeper["status"] == "accepted" and deeper["kind"] in ("finding", "ruling"):
                continue  # the court's word needs no further reason
            yield from para(f"{by}: {deeper['status']} — {deeper['because']}", 6)
