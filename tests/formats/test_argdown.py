"""Argdown: maps written and read back whole, hand-written files read, every problem placed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.exceptions import ValidationError
from argmap.formats import _argdown, find_format

from ..conftest import DATA
from ..strategies import argument_maps, pinned, texts

# Pieces of Argdown, to make text that is nearly right as often as plainly wrong.
_PIECES = st.sampled_from(
    "[a]|[a]:|<b>|<b>:|\n|\n\n|    |+ |- |<+ |+> |-> |><|_ |=> |#t|#(x y)|{id: x}|{|}|(1) |----"
    "|===|# |//|/*|<!--|-->|\\|* |1. |argmap:|  parties: x|\t|#kind-finding|'".split("|")
)


def _relations(themap: argmap.ArgumentMap) -> list[tuple[str, str, str]]:
    return [(r.origin, r.kind, r.target) for r in themap.relations]


def test_the_parler_map_survives_a_round_trip(tmp_path, parler):
    path = tmp_path / "parler.argdown"
    parler.save(path)
    assert find_format(path).name == "argdown"
    assert argmap.load(path) == parler


@given(argument_maps())
@pinned
def test_random_maps_survive_a_round_trip(themap):
    assert argmap.loads(themap.dumps("argdown"), "argdown") == themap


def test_a_written_map_reads_as_argdown(parler):
    text = parler.dumps("argdown")
    assert text.startswith('===\ntitle: "Parler v. Amazon Web Services (W.D. Wash. 2021)"\n')
    assert "\n  tagColors: {" in text and '"party-parler": 1' in text
    assert "\n# Parler LLC\n\n[AWS had no right]: AWS had no right to shut Parler down" in text
    assert '#party-parler #kind-position\n{id: "P0", citations: [' in text
    # Reasons and objections are Argdown arguments; the court's verdicts are in its data.
    assert "<Antitrust: conspiracy with Twitter>: AWS acted together" in text
    assert 'rejects: ["P1", "P1a"], upholds: ["A3"]}' in text
    assert "# Relations {isGroup: false}\n\n[AWS had no right]\n    + <Antitrust" in text
    assert "[AWS had no right]\n    >< [Not about free speech]" in text  # attacks both ways


def test_what_argdown_text_cannot_hold_goes_into_data():
    themap = argmap.ArgumentMap()
    themap.add_party("p", "P")
    themap.add_statement(
        "s1", party="p", kind="position", text=" Two\nlines ", title="[x]", tags=["a)b", "ok"]
    )
    themap.add_statement(
        "s2", party="p", kind="reason", text="#not a tag, {not data} //", title="s2"
    )
    text = themap.dumps("argdown")
    assert (
        '[s1]: Two lines #party-p #kind-position\n{title: "[x]", text: " Two\\nlines ", tags: ["a)b", "ok"]}'
        in text
    )
    assert r"<s2>: \#not a tag, \{not data\} \//" in text
    assert argmap.loads(text, "argdown") == themap


def test_a_hand_written_file_reads_node_by_node():
    themap = argmap.load(DATA / "school_start.argdown")
    assert themap.title == "Should school start later?"
    assert [(p.id, p.name, p.role) for p in themap.parties] == [
        ("author", "Debate class 9b", "other")
    ]
    expected = [
        (
            "Later-start",
            "position",
            "Later start",
            "School should start at nine, not at eight.",
            (),
        ),
        (
            "Sleep-science",
            "reason",
            "Sleep science",
            "Teenagers' body clocks run late; at eight they are still __half asleep__.",
            ("biology",),
        ),
        (
            "Screens-not-biology",
            "objection",
            "Screens, not biology",
            "They are tired because they look at screens until midnight.",
            (),
        ),
        (
            "Studies-control-for-screens",
            "objection",
            "Studies control for screens",
            "The sleep studies control for screen time (see @[Later start]).",
            (),
        ),
        (
            "Buses",
            "reason",
            "Buses",
            "The district has one fleet of buses, and the primary schools need it at nine.",
            ("logistics",),
        ),
        ("Staggered-routes", "objection", "Staggered routes", "Routes can be staggered.", ()),
        ("Early-start", "position", "Early start", "School should keep starting at eight.", ()),
        (
            "Better-grades",
            "position",
            "Better grades",
            "Later starts improve grades.",
            ("outcome",),
        ),
        ("S1", "reason", "", "The district has one fleet of buses.", ()),
        ("S2", "reason", "", "The primary schools need the buses at nine.", ()),
    ]
    assert [(s.id, s.kind, s.title, s.text, s.tags) for s in themap.statements] == expected
    assert all(s.party == "author" and not s.citations for s in themap.statements)
    assert _relations(themap) == [
        ("Sleep-science", "support", "Later-start"),
        ("Screens-not-biology", "attack", "Sleep-science"),
        ("Studies-control-for-screens", "attack", "Screens-not-biology"),
        ("Buses", "attack", "Later-start"),
        ("Staggered-routes", "attack", "Buses"),
        ("Early-start", "attack", "Later-start"),  # >< : a contradiction, two attacks
        ("Later-start", "attack", "Early-start"),
        ("Sleep-science", "support", "Better-grades"),
        ("S1", "support", "Buses"),  # the premises support the argument,
        ("S2", "support", "Buses"),
        ("Buses", "support", "Early-start"),  # the argument its conclusion
    ]


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        # Examples of Argdown's syntax guide: one relation a relation line.
        (
            "s1\n    + <a>\n    <+ <b>\n    +> <c>\n",
            [("a", "support", "S1"), ("b", "support", "S1"), ("S1", "support", "c")],
        ),
        (
            "<a>\n    - <b>\n        + <c>\n            - <a>\n",
            [("b", "attack", "a"), ("c", "support", "b"), ("a", "attack", "c")],
        ),
        (
            "<a>\n    <- <b>\n    <- [c]\n\n<a>\n    -> <d>\n    _ <e>\n    _> <f>\n",
            [
                ("b", "attack", "a"),
                ("c", "attack", "a"),
                ("a", "attack", "d"),
                ("e", "attack", "a"),
                ("a", "attack", "f"),
            ],
        ),
        (
            "[A]\n    - [B] // contrary\n\n[A]\n    + <C>\n",
            [("B", "attack", "A"), ("C", "support", "A")],
        ),
        # Undercuts below an inference line attack the argument.
        (
            "<a>\n\n(1) s1\n(2) s2\n-----\n    <_ <b>\n(3) s3\n",
            [
                ("b", "attack", "a"),
                ("S1", "support", "a"),
                ("S2", "support", "a"),
                ("a", "support", "S3"),
            ],
        ),
        # Without an argument, a step's premises support its conclusion.
        (
            "(1) s1\n(2) s2\n--\nModus ponens {uses: [1, 2]}\n--\n(3) s3\n(4) s4\n----\n(5) s5\n",
            [
                ("S1", "support", "S3"),
                ("S2", "support", "S3"),
                ("S3", "support", "S5"),
                ("S4", "support", "S5"),
            ],
        ),
    ],
)
def test_argdown_relations_in_each_form(text, relations):
    assert _relations(argmap.loads(text, "argdown")) == relations


def test_two_positions_attacking_each_other_last_are_still_a_contradiction():
    themap = argmap.ArgumentMap()
    themap.add_party("p", "P")
    for sid in ("a", "b", "c"):
        themap.add_statement(sid, party="p", kind="position", text=f"{sid.upper()}.")
    themap.add_relation("c", "a", "attack")
    themap.add_relation("a", "b", "attack")
    themap.add_relation("b", "a", "attack")  # the last pair of relations
    text = themap.dumps("argdown")
    assert "[b]\n    >< [a]" in text and "    - [b]" not in text
    assert argmap.loads(text, "argdown") == themap


def test_a_statement_keeps_its_first_text():
    # As in Argdown's equivalence classes: a later mention adds nothing to the text; a bare
    # reference leaves it as it was.
    themap = argmap.loads("[a]: A.\n\n[a]\n    + [b]: B.\n\n[a]: Other.\n", "argdown")
    assert [(s.id, s.text) for s in themap.statements] == [("a", "A."), ("b", "B.")]


def test_a_relation_said_twice_is_one_relation():
    themap = argmap.loads("[a]: A.\n    + [b]: B.\n\n[a]\n    <+ [b]\n", "argdown")
    assert _relations(themap) == [("b", "support", "a")]


def test_tags_and_data_give_parties_kinds_and_the_rest():
    text = (
        "===\ntitle: Edited by hand\nargmap:\n  parties:\n    - {id: court, name: The court, role: court}\n"
        "  sources:\n    - {id: order, title: The order}\n===\n\n"
        "[Claim]: We win. #party-pro #kind-position #(first tag)\n\n"
        "[Finding]: They lose. #party-court #kind-finding\n"
        "{citations: [{source: order, locator: p. 2}], rejects: [Claim]}\n"
        "    -> [Claim]\n"
    )
    themap = argmap.loads(text, "argdown")
    assert [(p.id, p.name, p.role) for p in themap.parties] == [
        ("court", "The court", "court"),
        ("pro", "pro", "other"),
    ]
    claim, finding = themap.statements
    assert (claim.party, claim.kind, claim.title, claim.tags) == (
        "pro",
        "position",
        "",
        ("first tag",),
    )
    assert finding.citations == (argmap.Citation("order", "", "p. 2"),)
    assert _relations(themap) == [("Finding", "rejects", "Claim")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[a]: A.\n    + [b]: B.\n        - [c]: C.\n      + [d]: D.\n",
            "line 4, column 7: broken indentation: relation '+' is indented 6 characters, "
            "which matches no line above it (indented 0, 4, 8)",
        ),
        (
            "[a]: A.\n    => [b]: B.\n",
            "line 2, column 5: unknown relation symbol: '=>' (must be one of "
            "['+', '-', '<+', '<-', '+>', '->', '><', '_', '<_', '_>'])",
        ),
        ("[a]: A.\n+ [b]: B.\n", "line 2, column 1: relation '+' must be indented below"),
        (
            "[a]: A.\n\n    + [b]: B.\n",
            "line 3, column 5: relation '+' has no statement or argument above it",
        ),
        (
            "[a]: A.\n    -> \n",
            "line 2, column 5: relation '->' has no statement or argument after it",
        ),
        ("# H\n    + [a]\n", "line 2, column 5: relation '+' cannot go here"),
        ("[a]: A.\n----\n", "line 2, column 1: an inference line (----) goes only between"),
        (
            "(1) A.\n(2) B.\n",
            "line 1, column 1: a premise-conclusion structure ends with its conclusion",
        ),
        ("[a]: A. {id: [1, }\n", "line 1, column 18: invalid YAML data: expected the node content"),
        (
            "[a]: A. {\n- x\n}\n",
            "line 1, column 9: data must be a mapping of keys to values, not list",
        ),
        (
            "===\ntitle: [oops\n===\n\n[a]: A.\n",
            "line 3, column 1: invalid YAML in the front matter",
        ),
        ("===\nargmap:\n  version: 2\n===\n", "line 1, column 1: unsupported argmap version 2"),
        (
            "===\nargmap:\n  parties:\n    - {id: 'a b', name: X}\n===\n",
            "line 4, column 7 (front matter, argmap.parties[0]): id: 'a b' is not valid here",
        ),
        ("[a]: A.\n\n[a] more words\n", "line 3, column 4: text after the reference [a]"),
        (
            "[a]: A. {id: x}\n\n[a] {id: y}\n",
            "line 3, column 5: [a] has two values for 'id': 'x' and 'y'",
        ),
        ("[a]: A. #party-x #party-y\n", "line 1, column 1: [a] has two party tags: 'x' and 'y'"),
        ("[a]: A. #kind-claim\n", "line 1, column 1: kind: 'claim' is not one of ['position'"),
        ("#just-a-tag\n", "line 1, column 1: this statement has no text"),
        # What the model refuses is placed where the file says it.
        ("[a]: A. #kind-finding\n", "line 1, column 1: only the court states a finding"),
        (
            "[a]: A.\n    + [a]\n",
            "line 2, column 5: a relation cannot link a statement to itself: 'a'",
        ),
        (
            "[a]: A.\n    + [b]: B.\n    - [b]\n",
            "line 3, column 5: 'b' and 'a' are already linked (support)",
        ),
        ("[a]: A. {id: x}\n\n[b]: B. {id: x}\n", "line 3, column 1: duplicate statement id: 'x'"),
        (
            "[f]: F. #kind-position {upholds: [x]}\n",
            "line 1, column 1: [f] upholds 'x' in its data, but no relation '+' links it to 'x'",
        ),
    ],
)
def test_each_kind_of_bad_file_names_line_and_column(tmp_path, text, expected):
    path = tmp_path / "bad.argdown"
    path.write_text(text, "utf-8")
    with pytest.raises(ValidationError) as caught:
        argmap.load(path)
    assert f"{path}: {expected}" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Counted by hand, 1-based: the character YAML stumbles on.
        ("[a]: A. {id: [1, }\n", "line 1, column 18"),  # the '}'
        ("[a]: A.\n    {id: x, : }\n", "line 2, column 13"),  # the second ':'
        ("[a]: A. {id: x,\n  title: [1, }\n", "line 2, column 14"),  # inline, second line
        ("[a]: A. {\n  id: x\n   bad: y\n}\n", "line 3, column 7"),  # block: the ':' of bad
        (
            "[a]: A.\n    + [b]: B. {\n        id: x\n         bad: y\n      }\n",
            "line 4, column 13",
        ),
        ("[a]: A.\n{\n  id: x\n  title: [1, \n}\n", "line 5, column 1"),  # the end: the '}' line
    ],
)
def test_a_yaml_error_in_data_is_placed_exactly(text, place):
    with pytest.raises(ValidationError) as caught:
        argmap.loads(text, "argdown")
    (problem,) = caught.value.problems
    assert problem.place == place and problem.message.startswith("invalid YAML data: ")


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        argmap.loads("[a]: A. #kind-finding\n\n[b]: B.\n    + [b]\n", "argdown")
    assert [p.place for p in caught.value.problems] == ["line 1, column 1", "line 4, column 5"]


@given(st.lists(st.one_of(_PIECES, texts(required=False, max_size=5)), max_size=30).map("".join))
def test_any_text_reads_or_has_its_problems_placed(text):
    try:
        argmap.loads(text, "argdown")
    except ValidationError as error:
        assert error.problems and all(p.place.startswith("line ") for p in error.problems)


def test_windows_line_endings_read_like_any_others(parler):
    text = parler.dumps("argdown").replace("\n", "\r\n")
    assert argmap.loads(text, "argdown") == parler


def test_the_grammar_ships_in_the_package():
    from importlib import resources

    grammar = resources.files("argmap.formats").joinpath("argdown.lark").read_text("utf-8")
    assert "relation: (RELATION | BAD_RELATION) element children?" in grammar
    assert _argdown.SYMBOLS == ("+", "-", "<+", "<-", "+>", "->", "><", "_", "<_", "_>")


def test_arguments_that_attack_each_other_are_two_attacks(parler):
    text = parler.dumps("argdown")
    # P2 and A2 are reasons (Argdown arguments): "><" is for statements only.
    assert "<Contract: thirty days to cure>\n    - <Contract permits immediate termination>" in text
    assert "<Contract permits immediate termination>\n    - <Contract: thirty days to cure>" in text
    assert argmap.loads(text, "argdown") == parler
