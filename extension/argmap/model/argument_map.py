"""The argument map: tables of parties, sources, statements, relations and legal tests.

Every change goes through a method that keeps the map valid, is announced to listeners
and can be undone. Changes are recorded as edits of single table rows, so undo and redo
are one mechanism for every method, and a batch of edits is atomic.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from ..exceptions import DuplicateIdError, UnknownIdError, ValidationError
from .elements import (
    COURT_KINDS,
    FINDING_RELATIONS,
    PARTY_KINDS,
    Citation,
    Factor,
    LegalTest,
    Party,
    PartyRole,
    Relation,
    RelationKind,
    Rule,
    Source,
    Statement,
    StatementKind,
    check_text,
)

__all__ = ["ArgumentMap", "Change", "Collection", "Edit", "Listener"]

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

_TABLES = ("meta", "parties", "sources", "statements", "relations", "tests")
_META_DEFAULTS = {"title": "", "description": ""}


@dataclass(frozen=True)
class Edit:
    """One row of one table before and after a change (``None``: the row is absent)."""

    table: str
    key: Hashable
    before: Any
    after: Any
    index: int

    def inverse(self) -> Edit:
        """The edit that takes the row back."""
        return Edit(self.table, self.key, self.after, self.before, self.index)


@dataclass(frozen=True)
class Change:
    """What one call changed: its description, its edits, and how it came about."""

    description: str
    edits: tuple[Edit, ...]
    origin: Literal["do", "undo", "redo"] = "do"

    def inverse(self) -> Change:
        """The change that takes this one back (edits in reverse order)."""
        return Change(self.description, tuple(e.inverse() for e in reversed(self.edits)), "undo")

    @property
    def tables(self) -> frozenset[str]:
        """Names of the tables this change touched."""
        return frozenset(edit.table for edit in self.edits)


Listener = Callable[[Change], None]


class Collection(Generic[K, T]):
    """A read-only view of one table: iterates over items, looks them up by id."""

    __slots__ = ("_rows", "_what")

    def __init__(self, rows: dict[K, T], what: str) -> None:
        self._rows = rows
        self._what = what

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, key: K) -> T:
        try:
            return self._rows[key]
        except KeyError:
            raise UnknownIdError(f"unknown {self._what}: {key!r}") from None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Hashable) and item in self._rows:
            return True
        return item in self._rows.values()

    def get(self, key: K, default: T | None = None) -> T | None:
        """The item with this id, or ``default``."""
        return self._rows.get(key, default)

    def keys(self) -> list[K]:
        """The ids, in the map's order."""
        return list(self._rows)

    def __repr__(self) -> str:
        return f"<{len(self)} {self._what}s: {', '.join(map(str, list(self._rows)[:8]))}{' …' if len(self) > 8 else ''}>"


class ArgumentMap:
    """Parties, their statements, the relations between them, sources and legal tests.

    >>> m = ArgumentMap(title="Demo")
    >>> m.add_party("p", "Plaintiff", role="plaintiff").name
    'Plaintiff'
    >>> m.add_statement("P0", party="p", kind="position", text="We win.").kind
    'position'
    >>> m.add_statement("P1", party="p", kind="reason", text="Because.").id
    'P1'
    >>> m.add_relation("P1", "P0", "support").kind
    'support'
    >>> _ = m.undo(); len(m.relations)
    0
    >>> _ = m.redo(); [r.key for r in m.relations]
    [('P1', 'P0')]
    """

    def __init__(self, *, title: str = "", description: str = "") -> None:
        self._rows: dict[str, dict[Any, Any]] = {name: {} for name in _TABLES}
        self._rows["meta"].update(_META_DEFAULTS)
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._listeners: list[Listener] = []
        self._batch: list[Edit] | None = None
        with self._quietly():
            self.update(title=title, description=description)

    # ---- reading -------------------------------------------------------------------------

    @property
    def title(self) -> str:
        """The map's title."""
        return str(self._rows["meta"]["title"])

    @property
    def description(self) -> str:
        """A sentence or two on what the map is about."""
        return str(self._rows["meta"]["description"])

    @property
    def parties(self) -> Collection[str, Party]:
        """The parties, by id."""
        return Collection(self._rows["parties"], "party")

    @property
    def sources(self) -> Collection[str, Source]:
        """The sources cited, by id."""
        return Collection(self._rows["sources"], "source")

    @property
    def statements(self) -> Collection[str, Statement]:
        """The statements (findings and rulings included), by id."""
        return Collection(self._rows["statements"], "statement")

    @property
    def relations(self) -> Collection[tuple[str, str], Relation]:
        """The relations, by ``(origin, target)``."""
        return Collection(self._rows["relations"], "relation")

    @property
    def tests(self) -> Collection[str, LegalTest]:
        """The legal tests, by id."""
        return Collection(self._rows["tests"], "legal test")

    def statements_of(self, party_id: str) -> list[Statement]:
        """The statements of one party, in the map's order."""
        self.parties[party_id]
        return [s for s in self.statements if s.party == party_id]

    def relations_of(self, statement_id: str) -> list[Relation]:
        """Every relation that starts or ends at this statement."""
        self.statements[statement_id]
        return [r for r in self.relations if statement_id in r.key]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return all(list(self._rows[t].items()) == list(other._rows[t].items()) for t in _TABLES)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<ArgumentMap {self.title!r}: {len(self.parties)} parties, "
            f"{len(self.statements)} statements, {len(self.relations)} relations>"
        )

    def neighbourhood(self, statement_id: str, depth: int) -> set[str]:
        """The statements within ``depth`` links of one statement, in either direction.

        >>> m = ArgumentMap()
        >>> _ = m.add_party("p", "P")
        >>> for i in range(4):
        ...     _ = m.add_statement(f"S{i}", party="p", kind="reason", text="x")
        >>> _ = m.add_relation("S1", "S0", "support"); _ = m.add_relation("S2", "S1", "attack")
        >>> sorted(m.neighbourhood("S0", 1)), sorted(m.neighbourhood("S0", 2))
        (['S0', 'S1'], ['S0', 'S1', 'S2'])
        """
        self.statements[statement_id]
        links: dict[str, list[str]] = {}
        for origin, target in self._rows["relations"]:
            links.setdefault(origin, []).append(target)
            links.setdefault(target, []).append(origin)
        seen, frontier = {statement_id}, [statement_id]
        for _ in range(depth):
            frontier = [n for s in frontier for n in links.get(s, ()) if n not in seen]
            seen.update(frontier)
        return seen

    def subtree(self, statement_id: str) -> set[str]:
        """The statements that argue for or against one, directly or through others.

        Follows support and attack links backwards; the court's verdicts (upholds, rejects,
        acknowledges) are not arguments and are not followed. Never included, nor gone
        through: another party's position (an attack on a thesis does not make the rival
        thesis part of it), the statement itself, and whatever it argues for or against
        itself, so that two statements attacking each other do not fold each other away.
        Nor a statement that also argues for something outside the subtree.

        >>> m = ArgumentMap()
        >>> _ = m.add_party("p", "P", role="plaintiff"); _ = m.add_party("d", "D", role="defendant")
        >>> _ = m.add_party("c", "Court", role="court")
        >>> for s, party, kind in [("P0", "p", "position"), ("P1", "p", "reason"),
        ...         ("P2", "p", "fact"), ("D0", "d", "position"), ("D1", "d", "objection"),
        ...         ("D2", "d", "reason"), ("F1", "c", "finding")]:
        ...     _ = m.add_statement(s, party=party, kind=kind, text="x")
        >>> for origin, target, kind in [("P1", "P0", "support"), ("P2", "P1", "support"),
        ...         ("D1", "P1", "attack"), ("P1", "D1", "attack"), ("D2", "D1", "support"),
        ...         ("D0", "P0", "attack"), ("P0", "D0", "attack"), ("F1", "P1", "rejects")]:
        ...     _ = m.add_relation(origin, target, kind)
        >>> sorted(m.subtree("P0"))
        ['D1', 'D2', 'P1', 'P2']
        >>> sorted(m.subtree("P1")), sorted(m.subtree("D1")), sorted(m.subtree("D0"))
        (['P2'], ['D2'], [])
        >>> _ = m.add_relation("D2", "D0", "support")  # D2 now argues for D0 as well
        >>> sorted(m.subtree("P0"))
        ['D1', 'P1', 'P2']
        """
        root = self.statements[statement_id]
        arguments: dict[str, list[str]] = {}  # target -> the statements arguing about it
        claims: dict[str, list[str]] = {}  # origin -> what it argues about
        backs: dict[str, list[str]] = {}  # origin -> what it argues for
        for relation in self.relations:
            if relation.kind in ("support", "attack"):
                arguments.setdefault(relation.target, []).append(relation.origin)
                claims.setdefault(relation.origin, []).append(relation.target)
            if relation.kind == "support":
                backs.setdefault(relation.origin, []).append(relation.target)
        above, frontier = {statement_id}, [statement_id]
        while frontier:
            frontier = [t for s in frontier for t in claims.get(s, ()) if t not in above]
            above.update(frontier)
        seen, found, frontier = set(above), set(), [statement_id]
        while frontier:
            reached = []
            for origin in (o for s in frontier for o in arguments.get(s, ())):
                if origin in seen:
                    continue
                seen.add(origin)
                statement = self._rows["statements"][origin]
                if statement.kind == "position" and statement.party != root.party:
                    continue
                found.add(origin)
                reached.append(origin)
            frontier = reached
        # A statement that also argues for something outside the fold stays in view (a
        # reason of the other side that attacks an objection here is still a reason for its
        # own side's claim); so does one left arguing about nothing in the fold. Each drop
        # may strand others: repeat until none is left.
        while True:
            inside = found | {statement_id}
            outside = {
                s
                for s in found
                if any(t not in inside for t in backs.get(s, ()))
                or not any(t in inside for t in claims[s])
            }
            if not outside:
                return found
            found -= outside

    def subset(self, statement_ids: Iterable[str]) -> ArgumentMap:
        """A new map with only these statements, the relations among them, and what they cite.

        Parties, sources and legal tests stay as far as they still refer to something shown.
        """
        keep = set(statement_ids)
        part = type(self)(title=self.title, description=self.description)
        rows = part._rows
        rows["parties"].update(self._rows["parties"])
        rows["sources"].update(self._rows["sources"])
        rows["statements"].update((k, s) for k, s in self._rows["statements"].items() if k in keep)
        rows["relations"].update(
            (k, r) for k, r in self._rows["relations"].items() if k[0] in keep and k[1] in keep
        )
        for test in self.tests:
            factors = tuple(
                dataclasses.replace(f, deciding=tuple(d for d in f.deciding if d in keep))
                for f in test.factors
            )
            ruling = test.ruling if test.ruling in keep else ""
            rows["tests"][test.id] = dataclasses.replace(test, factors=factors, ruling=ruling)
        return part

    def summary(self) -> str:
        """A few lines of plain text: the title, then each party's positions."""
        lines = [self.title or "Untitled argument map"]
        for party in self.parties:
            stated = self.statements_of(party.id)
            heads = [s for s in stated if s.kind in ("position", "ruling")]
            lines.append(f"{party.name} ({party.role}): {len(stated)} statements")
            lines.extend(f"  {s.id}: {s.label}" for s in heads)
        return "\n".join(lines)

    # ---- listening, undo, redo -----------------------------------------------------------

    def observe(self, listener: Listener) -> None:
        """Call ``listener(change)`` after every change, undo and redo."""
        self._listeners.append(listener)

    def unobserve(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        self._listeners.remove(listener)

    @property
    def can_undo(self) -> bool:
        """Whether there is a change to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone change to redo."""
        return bool(self._redo)

    def undo(self) -> Change:
        """Take back the last change; raise IndexError when there is none."""
        if not self._undo:
            raise IndexError("nothing to undo")
        change = self._undo.pop()
        inverse = change.inverse()
        self._apply_all(inverse.edits)
        self._redo.append(change)
        self._announce(inverse)
        return inverse

    def redo(self) -> Change:
        """Make the last undone change again; raise IndexError when there is none."""
        if not self._redo:
            raise IndexError("nothing to redo")
        change = self._redo.pop()
        self._apply_all(change.edits)
        self._undo.append(change)
        again = dataclasses.replace(change, origin="redo")
        self._announce(again)
        return again

    def clear_history(self) -> None:
        """Forget every change, so there is nothing to undo (as after loading a file)."""
        self._undo.clear()
        self._redo.clear()

    @contextlib.contextmanager
    def batch(self, description: str) -> Iterator[None]:
        """Group the changes made inside into one change: one undo step, one announcement.

        When the block raises, everything it changed is taken back before the error goes on.
        """
        if self._batch is not None:
            yield
            return
        self._batch = []
        try:
            yield
        except BaseException:
            edits, self._batch = self._batch, None
            self._apply_all(e.inverse() for e in reversed(edits))
            raise
        edits, self._batch = self._batch, None
        if edits:
            self._record(Change(description, tuple(edits)))

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        listeners, self._listeners = self._listeners, []
        try:
            with self.batch("quiet"):
                yield
        finally:
            self._listeners = listeners
            self.clear_history()

    def _record(self, change: Change) -> None:
        self._undo.append(change)
        self._redo.clear()
        self._announce(change)

    def _announce(self, change: Change) -> None:
        errors = []
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception as error:  # every listener hears of the change; errors go on after
                errors.append(error)
        if errors:
            raise errors[0]

    def _put(self, table: str, key: Hashable, after: Any, description: str) -> None:
        rows = self._rows[table]
        before = rows.get(key)
        index = list(rows).index(key) if before is not None and after is None else len(rows)
        edit = Edit(table, key, before, after, index)
        self._apply(edit)
        if self._batch is not None:
            self._batch.append(edit)
        else:
            self._record(Change(description, (edit,)))

    def _apply_all(self, edits: Iterable[Edit]) -> None:
        for edit in edits:
            self._apply(edit)

    def _apply(self, edit: Edit) -> None:
        rows = self._rows[edit.table]
        if edit.after is None:
            del rows[edit.key]
        elif edit.key in rows or edit.index >= len(rows):
            rows[edit.key] = edit.after
        else:  # a removed row comes back where it stood
            items = list(rows.items())
            items.insert(edit.index, (edit.key, edit.after))
            rows.clear()
            rows.update(items)

    # ---- the map itself ------------------------------------------------------------------

    def update(self, *, title: str | None = None, description: str | None = None) -> None:
        """Change the title or the description."""
        with self.batch("edit title and description"):
            for key, value in (("title", title), ("description", description)):
                if value is not None and value != self._rows["meta"][key]:
                    check_text(value, key, required=False)
                    self._put("meta", key, value, f"edit {key}")

    def assign(self, other: ArgumentMap, description: str = "replace the map") -> None:
        """Make this map a copy of ``other``, as one change that undo takes back whole.

        Listeners keep listening, so a widget showing this map shows the new content.
        """
        with self.batch(description):
            for table in reversed(_TABLES[1:]):
                for key in list(self._rows[table]):
                    self._put(table, key, None, "")
            for table in _TABLES[1:]:
                for key, row in other._rows[table].items():
                    self._put(table, key, row, "")
            self.update(title=other.title, description=other.description)

    # ---- parties -------------------------------------------------------------------------

    def add_party(self, id: str, name: str, *, role: PartyRole = "other") -> Party:
        """Add a party; DuplicateIdError when the id is taken."""
        party = Party(id, name, role)
        if id in self._rows["parties"]:
            raise DuplicateIdError(f"duplicate party id: {id!r}")
        if role == "court" and any(p.role == "court" for p in self.parties):
            raise ValidationError(f"a map has one court; {self.court.id!r} is it")  # type: ignore[union-attr]
        self._put("parties", id, party, f"add party {id}")
        return party

    def update_party(
        self, party_id: str, *, name: str | None = None, role: PartyRole | None = None
    ) -> Party:
        """Rename a party or change its role."""
        old = self.parties[party_id]
        new = dataclasses.replace(
            old,
            name=old.name if name is None else name,
            role=old.role if role is None else role,
        )
        if new.role != old.role:
            if new.role == "court" and self.court is not None:
                raise ValidationError(f"a map has one court; {self.court.id!r} is it")
            for statement in self.statements_of(party_id):
                self._check_speaker(statement, new)
        if new != old:
            self._put("parties", party_id, new, f"edit party {party_id}")
        return new

    def remove_party(self, party_id: str, *, cascade: bool = False) -> None:
        """Remove a party; with ``cascade`` its statements go too, else they must be gone."""
        self.parties[party_id]
        stated = [s.id for s in self.statements if s.party == party_id]
        if stated and not cascade:
            raise ValidationError(
                f"party {party_id!r} still has {len(stated)} statements "
                f"({', '.join(stated[:5])}{' …' if len(stated) > 5 else ''}); "
                "remove them first or pass cascade=True"
            )
        with self.batch(f"remove party {party_id}"):
            for statement_id in stated:
                self.remove_statement(statement_id)
            for test in self.tests:
                if test.movant == party_id:
                    self._put("tests", test.id, dataclasses.replace(test, movant=""), "")
            self._put("parties", party_id, None, "")

    @property
    def court(self) -> Party | None:
        """The party whose role is court, if the map has one."""
        return next((p for p in self.parties if p.role == "court"), None)

    # ---- sources -------------------------------------------------------------------------

    def add_source(self, id: str, title: str, **fields: str) -> Source:
        """Add a source (fields: url, date, language, kind, publisher)."""
        source = Source(id, title, **fields)  # type: ignore[arg-type]
        if id in self._rows["sources"]:
            raise DuplicateIdError(f"duplicate source id: {id!r}")
        self._put("sources", id, source, f"add source {id}")
        return source

    def update_source(self, source_id: str, **fields: str) -> Source:
        """Change the fields of a source (not its id)."""
        old = self.sources[source_id]
        if "id" in fields:
            raise ValidationError("a source's id cannot change")
        new = dataclasses.replace(old, **fields)  # type: ignore[arg-type]
        if new != old:
            self._put("sources", source_id, new, f"edit source {source_id}")
        return new

    def remove_source(self, source_id: str, *, cascade: bool = False) -> None:
        """Remove a source; with ``cascade`` the citations of it go too, else none may be left."""
        self.sources[source_id]
        citing = [s for s in self.statements if any(c.source == source_id for c in s.citations)]
        citing_tests = [t for t in self.tests if any(c.source == source_id for c in t.citations)]
        if (citing or citing_tests) and not cascade:
            names = [s.id for s in citing] + [t.id for t in citing_tests]
            raise ValidationError(
                f"source {source_id!r} is still cited by {', '.join(names)}; "
                "remove the citations first or pass cascade=True"
            )
        with self.batch(f"remove source {source_id}"):
            for statement in citing:
                kept = tuple(c for c in statement.citations if c.source != source_id)
                self._put(
                    "statements", statement.id, dataclasses.replace(statement, citations=kept), ""
                )
            for test in citing_tests:
                kept = tuple(c for c in test.citations if c.source != source_id)
                self._put("tests", test.id, dataclasses.replace(test, citations=kept), "")
            self._put("sources", source_id, None, "")

    # ---- statements ----------------------------------------------------------------------

    def new_statement_id(self, party_id: str, kind: str = "reason") -> str:
        """A free id for a new statement: the party's initial and a number (``R`` for rulings)."""
        prefix = "R" if kind == "ruling" else "F" if kind == "finding" else party_id[:1].upper()
        if not prefix.isalnum():
            prefix = "S"
        taken = self._rows["statements"]
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    def add_statement(
        self,
        id: str | None = None,
        *,
        party: str,
        kind: StatementKind,
        text: str,
        title: str = "",
        citations: Iterable[Citation] = (),
        tags: Iterable[str] = (),
        translations: Mapping[str, str] | None = None,
    ) -> Statement:
        """Add a statement of a party; without an id one is made (see ``new_statement_id``)."""
        if id is None:
            id = self.new_statement_id(party, kind)
        statement = Statement(
            id,
            party,
            kind,
            text,
            title,
            tuple(citations),
            tuple(tags),
            translations or {},
        )
        if id in self._rows["statements"]:
            raise DuplicateIdError(f"duplicate statement id: {id!r}")
        self._check_statement(statement)
        self._put("statements", id, statement, f"add {kind} {id}")
        return statement

    def update_statement(self, statement_id: str, **fields: Any) -> Statement:
        """Change text, title, kind, party, citations, tags or translations of a statement."""
        old = self.statements[statement_id]
        if "id" in fields:
            raise ValidationError("a statement's id cannot change; add a new one instead")
        for name in ("citations", "tags"):
            if name in fields:
                fields[name] = tuple(fields[name])
        new = dataclasses.replace(old, **fields)
        if new == old:
            return old
        self._check_statement(new)
        for relation in self.relations_of(statement_id):
            self._check_relation(relation, replacing={statement_id: new})
        self._check_tests_refer_to(new)
        self._put("statements", statement_id, new, f"edit {new.kind} {statement_id}")
        return new

    def remove_statement(self, statement_id: str) -> None:
        """Remove a statement with its relations and the tests' references to it."""
        self.statements[statement_id]
        with self.batch(f"remove statement {statement_id}"):
            for relation in self.relations_of(statement_id):
                self._put("relations", relation.key, None, "")
            for test in self.tests:
                factors = tuple(
                    dataclasses.replace(
                        f, deciding=tuple(d for d in f.deciding if d != statement_id)
                    )
                    for f in test.factors
                )
                ruling = "" if test.ruling == statement_id else test.ruling
                if factors != test.factors or ruling != test.ruling:
                    self._put(
                        "tests",
                        test.id,
                        dataclasses.replace(test, factors=factors, ruling=ruling),
                        "",
                    )
            self._put("statements", statement_id, None, "")

    def _check_statement(self, statement: Statement) -> None:
        self._check_speaker(statement, self.parties[statement.party])
        self._check_citations(statement.citations)

    @staticmethod
    def _check_speaker(statement: Statement, party: Party) -> None:
        if party.role == "court" and statement.kind not in COURT_KINDS:
            raise ValidationError(
                f"the court ({party.id!r}) states findings, rulings and facts, "
                f"not a {statement.kind} ({statement.id!r})"
            )
        if party.role != "court" and statement.kind not in PARTY_KINDS:
            raise ValidationError(
                f"only the court states a {statement.kind}; {party.id!r} is a {party.role} "
                f"({statement.id!r})"
            )

    def _check_citations(self, citations: Iterable[Citation]) -> None:
        for citation in citations:
            if citation.source not in self._rows["sources"]:
                raise UnknownIdError(f"citation of an unknown source: {citation.source!r}")

    def _check_tests_refer_to(self, statement: Statement) -> None:
        for test in self.tests:
            if test.ruling == statement.id and statement.kind != "ruling":
                raise ValidationError(
                    f"{statement.id!r} is the ruling of test {test.id!r} and must stay a ruling"
                )
            for factor in test.factors:
                if statement.id in factor.deciding and statement.kind != "finding":
                    raise ValidationError(
                        f"{statement.id!r} decides factor {factor.id!r} of test {test.id!r} "
                        "and must stay a finding"
                    )

    # ---- relations -----------------------------------------------------------------------

    def add_relation(self, origin: str, target: str, kind: RelationKind) -> Relation:
        """Link two statements: support, attack, or (from a finding) upholds/rejects/acknowledges."""
        relation = Relation(origin, target, kind)
        if relation.key in self._rows["relations"]:
            existing = self._rows["relations"][relation.key]
            raise DuplicateIdError(
                f"{origin!r} and {target!r} are already linked ({existing.kind}); "
                "one relation a direction"
            )
        self._check_relation(relation)
        self._put("relations", relation.key, relation, f"add {kind} {origin} -> {target}")
        return relation

    def update_relation(self, origin: str, target: str, kind: RelationKind) -> Relation:
        """Change the kind of a relation."""
        old = self.relations[(origin, target)]
        new = Relation(origin, target, kind)
        if new != old:
            self._check_relation(new)
            self._put("relations", new.key, new, f"edit relation {origin} -> {target}")
        return new

    def remove_relation(self, origin: str, target: str) -> None:
        """Remove the relation from ``origin`` to ``target``."""
        self.relations[(origin, target)]
        self._put("relations", (origin, target), None, f"remove relation {origin} -> {target}")

    def _check_relation(self, relation: Relation, replacing: Mapping[str, Statement] = {}) -> None:
        found = [replacing.get(end) or self._rows["statements"].get(end) for end in relation.key]
        ends = [statement for statement in found if statement is not None]
        if len(ends) < len(found):
            unknown = [end for end, got in zip(relation.key, found, strict=True) if got is None]
            raise UnknownIdError(
                f"relation {relation.origin} -> {relation.target}: unknown "
                f"statement{'s' if len(unknown) > 1 else ''}: {', '.join(map(repr, unknown))}"
            )
        if relation.kind in FINDING_RELATIONS and ends[0].kind not in ("finding", "ruling"):
            raise ValidationError(
                f"only a finding or ruling {relation.kind} a statement; "
                f"{ends[0].id!r} is a {ends[0].kind}"
            )

    # ---- legal tests ---------------------------------------------------------------------

    def add_test(
        self,
        id: str,
        name: str,
        factors: Iterable[Factor],
        *,
        rule: Rule = "all",
        threshold: int | None = None,
        movant: str = "",
        ruling: str = "",
        description: str = "",
        citations: Iterable[Citation] = (),
    ) -> LegalTest:
        """Add a legal test with its factors and the findings that decide them."""
        test = LegalTest(
            id,
            name,
            tuple(factors),
            rule,
            threshold,
            movant,
            ruling,
            description,
            tuple(citations),
        )
        if id in self._rows["tests"]:
            raise DuplicateIdError(f"duplicate legal test id: {id!r}")
        self._check_test(test)
        self._put("tests", id, test, f"add legal test {id}")
        return test

    def update_test(self, test_id: str, **fields: Any) -> LegalTest:
        """Change name, factors, rule, threshold, movant, ruling, description or citations."""
        old = self.tests[test_id]
        if "id" in fields:
            raise ValidationError("a legal test's id cannot change")
        for name in ("factors", "citations"):
            if name in fields:
                fields[name] = tuple(fields[name])
        new = dataclasses.replace(old, **fields)
        if new != old:
            self._check_test(new)
            self._put("tests", test_id, new, f"edit legal test {test_id}")
        return new

    def remove_test(self, test_id: str) -> None:
        """Remove a legal test (its findings and ruling stay)."""
        self.tests[test_id]
        self._put("tests", test_id, None, f"remove legal test {test_id}")

    def _check_test(self, test: LegalTest) -> None:
        if test.movant and test.movant not in self._rows["parties"]:
            raise UnknownIdError(f"legal test {test.id!r}: unknown movant party: {test.movant!r}")
        if test.ruling:
            ruling = self._rows["statements"].get(test.ruling)
            if ruling is None:
                raise UnknownIdError(f"legal test {test.id!r}: unknown ruling: {test.ruling!r}")
            if ruling.kind != "ruling":
                raise ValidationError(
                    f"legal test {test.id!r}: {test.ruling!r} is a {ruling.kind}, not a ruling"
                )
        for factor in test.factors:
            for finding_id in factor.deciding:
                finding = self._rows["statements"].get(finding_id)
                if finding is None:
                    raise UnknownIdError(
                        f"factor {factor.id!r} of test {test.id!r}: unknown finding: {finding_id!r}"
                    )
                if finding.kind != "finding":
                    raise ValidationError(
                        f"factor {factor.id!r} of test {test.id!r}: {finding_id!r} is a "
                        f"{finding.kind}, not a finding"
                    )
        self._check_citations(test.citations)
