"""Changing a map: only valid changes pass, each is announced and can be undone."""

from __future__ import annotations

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


def test_maps_compare_by_content_and_order():
    a, b = ArgumentMap(title="x"), ArgumentMap(title="x")
    for m in (a, b):
        m.add_party("p", "P")
    assert a == b
    b.add_party("q", "Q")
    assert a != b
