"""Changing a map: only valid changes pass, each is announced and can be undone."""

from __future__ import annotations

import contextlib

import pytest

from argmap import Citation, DuplicateIdError, Factor, UnknownIdError, ValidationError
from argmap.model import ArgumentMap, Change


def test_collections_are_read_only_views(debate):
    assert [s.id for s in debate.statements] == ["P0", "P1", "C0", "C1", "F1"]
    assert debate.statements["P1"].text == "Because of the contract."
    assert "P1" in debate.statements and ("P1", "P0") in debate.relations
    assert not hasattr(debate.statements, "append") and not hasattr(
        debate.statements, "__setitem__"
    )
    with pytest.raises(UnknownIdError, match="unknown statement: 'nope'"):
        debate.statements["nope"]


def test_duplicate_ids_are_refused(debate):
    with pytest.raises(DuplicateIdError, match="duplicate statement id: 'P1'"):
        debate.add_statement("P1", party="pro", kind="reason", text="again")
    with pytest.raises(DuplicateIdError, match="already linked"):
        debate.add_relation("P1", "P0", "attack")
    with pytest.raises(DuplicateIdError, match="duplicate party id"):
        debate.add_party("pro", "Again")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.add_relation("P1", "P1", "support"), "itself"),
        (lambda m: m.add_relation("P1", "ghost", "support"), "unknown statement: 'ghost'"),
        (lambda m: m.add_relation("P1", "C0", "upholds"), "only a finding or ruling"),
        (lambda m: m.add_relation("P1", "C0", "refutes"), "unknown relation kind: 'refutes'"),
        (
            lambda m: m.add_statement(party="ghost", kind="reason", text="x"),
            "unknown party: 'ghost'",
        ),
        (lambda m: m.add_statement(party="pro", kind="finding", text="x"), "only the court"),
        (lambda m: m.add_statement(party="court", kind="reason", text="x"), "the court"),
        (lambda m: m.add_statement(party="pro", kind="reason", text="   "), "must not be empty"),
        (lambda m: m.add_statement(party="pro", kind="claim", text="x"), "unknown statement kind"),
        (
            lambda m: m.add_statement("a b", party="pro", kind="reason", text="x"),
            "invalid statement id",
        ),
        (
            lambda m: m.add_statement(
                party="pro", kind="reason", text="x", citations=[Citation("ghost")]
            ),
            "unknown source: 'ghost'",
        ),
        (lambda m: m.add_source("s", "S", url="javascript:alert(1)"), "http:// or https://"),
        (lambda m: m.add_party("court2", "Another court", role="court"), "one court"),
        (lambda m: m.update_statement("F1", kind="reason"), "the court"),
        (lambda m: m.update_statement("P1", party="court"), "the court"),
        (lambda m: m.remove_party("pro"), "still has 2 statements"),
        (lambda m: m.remove_source("order"), "still cited by F1"),
        (
            lambda m: m.add_test("t", "T", [Factor("f", "F", ("P1",))]),
            "'P1' is a reason, not a finding",
        ),
        (
            lambda m: m.add_test("t", "T", [Factor("f", "F")], rule="at_least", threshold=2),
            "threshold from 1 to 1",
        ),
        (lambda m: m.add_test("t", "T", [Factor("f", "F")], ruling="F1"), "not a ruling"),
    ],
)
def test_invalid_changes_raise_and_change_nothing(debate, call, message):
    before = debate.copy()
    with pytest.raises((ValidationError, UnknownIdError), match=message):
        call(debate)
    assert debate == before
    assert not debate.can_undo


def test_lone_surrogates_are_refused(debate):
    with pytest.raises(ValidationError, match="unpaired surrogate"):
        debate.add_statement(party="pro", kind="reason", text="bad \ud800 text")


def test_new_ids_follow_the_party(debate):
    assert debate.add_statement(party="pro", kind="reason", text="x").id == "P2"
    assert debate.add_statement(party="court", kind="finding", text="y").id == "F2"
    assert debate.add_statement(party="court", kind="ruling", text="z").id == "R1"


def test_every_change_is_announced_and_undoable(debate):
    heard: list[Change] = []
    debate.observe(heard.append)
    original = debate.copy()
    debate.add_statement("P2", party="pro", kind="reason", text="Also this.")
    debate.add_relation("P2", "P0", "support")
    debate.update_statement("P2", text="Also that.", title="That")
    debate.update(title="Renamed")
    assert [c.description for c in heard] == [
        "add reason P2",
        "add support P2 -> P0",
        "edit reason P2",
        "edit title and description",
    ]
    changed = debate.copy()
    for _ in range(4):
        debate.undo()
    assert debate == original
    assert [c.origin for c in heard[-4:]] == ["undo"] * 4
    for _ in range(4):
        debate.redo()
    assert debate == changed
    with pytest.raises(IndexError, match="nothing to redo"):
        debate.redo()


def test_removing_a_statement_takes_its_relations_and_undo_restores_order(debate):
    debate.add_test("t", "Test", [Factor("f", "Factor", ("F1",))])
    original = debate.copy()
    debate.remove_statement("F1")
    assert "F1" not in debate.statements
    assert all("F1" not in r.key for r in debate.relations)
    assert debate.tests["t"].factors[0].deciding == ()
    change = debate.undo()
    assert change.description == "remove statement F1"
    assert debate == original
    assert [s.id for s in debate.statements] == ["P0", "P1", "C0", "C1", "F1"]


def test_a_new_change_clears_redo(debate):
    debate.add_statement("P2", party="pro", kind="reason", text="x")
    debate.undo()
    assert debate.can_redo
    debate.add_statement("P3", party="pro", kind="reason", text="y")
    assert not debate.can_redo


def test_a_failing_batch_is_rolled_back_whole(debate):
    original = debate.copy()
    with pytest.raises(UnknownIdError), debate.batch("two steps"):
        debate.add_statement("P2", party="pro", kind="reason", text="x")
        debate.add_relation("P2", "ghost", "support")
    assert debate == original and not debate.can_undo


def test_a_batch_is_one_undo_step_and_one_announcement(debate):
    heard: list[Change] = []
    debate.observe(heard.append)
    with debate.batch("add a reason"):
        debate.add_statement("P2", party="pro", kind="reason", text="x")
        debate.add_relation("P2", "P0", "support")
    assert [c.description for c in heard] == ["add a reason"]
    assert heard[0].tables == {"statements", "relations"}
    debate.undo()
    assert "P2" not in debate.statements


def test_cascading_removal_of_a_party_and_a_source(debate):
    debate.remove_source("order", cascade=True)
    assert debate.statements["F1"].citations == ()
    debate.remove_party("pro", cascade=True)
    assert "pro" not in debate.parties and "P0" not in debate.statements
    assert all(r.origin != "P1" for r in debate.relations)


def test_listener_errors_surface_after_every_listener_heard(debate):
    heard = []

    def broken(change):
        raise RuntimeError("listener broke")

    debate.observe(broken)
    debate.observe(heard.append)
    with pytest.raises(RuntimeError, match="listener broke"):
        debate.add_statement("P2", party="pro", kind="reason", text="x")
    assert len(heard) == 1 and "P2" in debate.statements


def test_a_subset_keeps_the_statements_named_and_the_relations_among_them(debate):
    part = debate.subset(["P0", "P1", "C1"])
    assert [s.id for s in part.statements] == ["P0", "P1", "C1"]
    assert [r.key for r in part.relations] == [("P1", "P0"), ("C1", "P1")]
    assert [p.id for p in part.parties] == [p.id for p in debate.parties]


def test_the_summary_names_each_party_s_positions_and_rulings(debate):
    debate.add_statement("R", party="court", kind="ruling", text="Judgment for Con.")
    lines = debate.summary().splitlines()
    assert lines[0] == "Small debate"
    assert "  P0: We should win." in lines and "  C0: They should lose." in lines
    assert "  R: Judgment for Con." in lines
    assert not any(line.startswith(("  P1", "  C1", "  F1")) for line in lines)


def test_maps_compare_by_content_and_order():
    a, b = ArgumentMap(title="x"), ArgumentMap(title="x")
    for m in (a, b):
        m.add_party("p", "P")
    assert a == b
    b.add_party("q", "Q")
    assert a != b


# ---- every public way of changing a map, one row each ----------------------------------------

#: What a map offers that does not change it (reading, listening, history, files, drawings).
_NOT_CHANGES = {
    "batch",
    "can_redo",
    "can_undo",
    "clear_history",
    "copy",
    "court",
    "description",
    "dumps",
    "evaluate",
    "export",
    "neighbourhood",
    "new_statement_id",
    "observe",
    "parties",
    "redo",
    "relations",
    "relations_frame",
    "relations_of",
    "render",
    "save",
    "sources",
    "statements",
    "statements_frame",
    "statements_of",
    "subset",
    "subtree",
    "summary",
    "tests",
    "title",
    "to_dot",
    "to_networkx",
    "undo",
    "unobserve",
}


def _other() -> ArgumentMap:
    """A map with something in every table, for assign."""
    other = ArgumentMap(title="Other", description="Another map")
    other.add_party("x", "X", role="plaintiff")
    other.add_party("judge", "Judge", role="court")
    other.add_source("src", "A source")
    other.add_statement("X0", party="x", kind="position", text="X.", citations=[Citation("src")])
    other.add_statement("J1", party="judge", kind="finding", text="J.")
    other.add_relation("J1", "X0", "rejects")
    other.add_test("law", "Law", [Factor("only", "Only", ("J1",))], movant="x")
    other.clear_history()
    return other


def _with_test(m: ArgumentMap) -> ArgumentMap:
    m.add_test("t", "Test", [Factor("f", "Factor", ("F1",))], movant="pro")
    m.clear_history()
    return m


#: (method, the call, what the call changes, read back from the map afterwards).
CHANGES = [
    ("update", lambda m: m.update(title="Renamed"), lambda m: m.title == "Renamed"),
    (
        "assign",
        lambda m: m.assign(_other()),
        lambda m: m == _other() and m.title == "Other",
    ),
    ("add_party", lambda m: m.add_party("third", "Third"), lambda m: "third" in m.parties),
    (
        "update_party",
        lambda m: m.update_party("pro", name="Pro team", role="other"),
        lambda m: (m.parties["pro"].name, m.parties["pro"].role) == ("Pro team", "other"),
    ),
    (
        "remove_party",
        lambda m: m.remove_party("con", cascade=True),
        lambda m: "C1" not in m.statements,
    ),
    ("add_source", lambda m: m.add_source("s2", "Another"), lambda m: "s2" in m.sources),
    (
        "update_source",
        lambda m: m.update_source("order", title="The written order", date="2021-01-21"),
        lambda m: (
            (m.sources["order"].title, m.sources["order"].date)
            == ("The written order", "2021-01-21")
        ),
    ),
    (
        "remove_source",
        lambda m: m.remove_source("order", cascade=True),
        lambda m: "order" not in m.sources and m.statements["F1"].citations == (),
    ),
    (
        "add_statement",
        lambda m: m.add_statement("P2", party="pro", kind="reason", text="x"),
        lambda m: "P2" in m.statements,
    ),
    (
        "update_statement",
        lambda m: m.update_statement("P1", text="Changed."),
        lambda m: m.statements["P1"].text == "Changed.",
    ),
    ("remove_statement", lambda m: m.remove_statement("C1"), lambda m: "C1" not in m.statements),
    (
        "add_relation",
        lambda m: m.add_relation("C0", "P0", "attack"),
        lambda m: getattr(m.relations.get(("C0", "P0")), "kind", None) == "attack",
    ),
    (
        "update_relation",
        lambda m: m.update_relation("C1", "P1", "support"),
        lambda m: m.relations[("C1", "P1")].kind == "support",
    ),
    (
        "remove_relation",
        lambda m: m.remove_relation("P1", "P0"),
        lambda m: ("P1", "P0") not in m.relations,
    ),
    (
        "add_test",
        lambda m: m.add_test("t2", "T2", [Factor("g", "G", ("F1",))]),
        lambda m: "t2" in m.tests,
    ),
    (
        "update_test",
        lambda m: m.update_test("t", name="Renamed test", rule="any"),
        lambda m: (m.tests["t"].name, m.tests["t"].rule) == ("Renamed test", "any"),
    ),
    ("remove_test", lambda m: m.remove_test("t"), lambda m: "t" not in m.tests),
]


def test_every_public_change_has_a_row():
    public = {n for n in dir(ArgumentMap) if not n.startswith("_")}
    assert public - _NOT_CHANGES == {name for name, _, _ in CHANGES}


@pytest.mark.parametrize(("name", "call", "done"), CHANGES, ids=[c[0] for c in CHANGES])
def test_each_change_is_announced_once_undone_and_redone(debate, name, call, done):
    themap = _with_test(debate)
    before = themap.copy()
    heard: list[Change] = []
    themap.observe(heard.append)
    call(themap)
    assert done(themap) and themap != before
    after = themap.copy()
    assert len(heard) == 1 and heard[0].description and heard[0].origin != "undo"
    assert themap.can_undo and not themap.can_redo
    themap.undo()
    assert themap == before and not done(themap)
    assert len(heard) == 2 and heard[1].origin == "undo"
    themap.redo()
    assert themap == after and done(themap)
    assert len(heard) == 3


@pytest.mark.parametrize(("name", "call", "done"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_to_what_is_already_there_changes_nothing_or_raises(debate, name, call, done):
    """Calling a change twice: the second is refused (duplicate, unknown) or is no change."""
    themap = _with_test(debate)
    call(themap)
    again = themap.copy()
    heard: list[Change] = []
    themap.observe(heard.append)
    with contextlib.suppress(ValidationError, UnknownIdError):
        call(themap)
    assert themap == again
    assert heard == [] or name == "assign"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.update_party("pro", role="court"), "one court"),
        (lambda m: m.update_party("court", role="other"), "only the court states a finding"),
        (lambda m: m.update_party("ghost", name="x"), "unknown party: 'ghost'"),
        (lambda m: m.update_source("order", id="other"), "cannot change"),
        (lambda m: m.update_source("order", url="ftp://x"), "http:// or https://"),
        (lambda m: m.update_relation("P1", "P0", "upholds"), "only a finding or ruling"),
        (lambda m: m.update_relation("P0", "P1", "support"), "unknown relation"),
        (lambda m: m.update_test("t", factors=[Factor("f", "F", ("ghost",))]), "unknown finding"),
        (lambda m: m.update_test("t", movant="ghost"), "unknown movant"),
        (lambda m: m.remove_test("ghost"), "unknown legal test"),
    ],
)
def test_invalid_updates_raise_and_change_nothing(debate, call, message):
    themap = _with_test(debate)
    before = themap.copy()
    with pytest.raises((ValidationError, UnknownIdError), match=message):
        call(themap)
    assert themap == before and not themap.can_undo
