"""The native format: round trips, one clear error for every kind of bad file, atomic saves."""

from __future__ import annotations

import copy
import json
import os

import jsonschema
import pytest
from hypothesis import given

import argmap
from argmap.exceptions import ValidationError
from argmap.formats import _json, find_format

from ..conftest import DATA, EXAMPLE
from ..strategies import argument_maps, pinned


def test_round_trip_is_equal_and_byte_stable(tmp_path, parler):
    first, second = tmp_path / "a.argmap.json", tmp_path / "b.argmap.json"
    parler.save(first)
    again = argmap.load(first)
    assert again == parler
    again.save(second)
    assert first.read_bytes() == second.read_bytes()


@given(argument_maps())
@pinned
def test_random_maps_survive_a_round_trip(themap):
    text = themap.dumps()
    again = argmap.loads(text, "json")
    assert again == themap and again.dumps() == text


def test_the_bundled_file_is_in_canonical_form(parler):
    assert parler.dumps() == EXAMPLE.read_text("utf-8")


def test_the_shipped_schema_accepts_what_argmap_writes(parler, debate):
    validator = jsonschema.Draft202012Validator(_json.schema())
    for m in (parler, debate):
        validator.validate(json.loads(m.dumps()))


def test_saved_files_are_readable_and_diff_friendly(tmp_path, debate):
    text = debate.dumps()
    assert text.endswith("\n") and text.startswith('{\n  "argmap": 1,')
    assert '"title": "Small debate"' in text
    assert "\\u" not in argmap.example().dumps()  # Unicode stays readable, not escaped


def _problems(data, tmp_path, name="bad.argmap.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    with pytest.raises(ValidationError) as caught:
        argmap.load(path)
    message = str(caught.value)
    assert all(line.startswith(str(path) + ": ") for line in message.splitlines()), message
    return message


def _good():
    return json.loads((DATA / "small.argmap.json").read_text("utf-8"))


def _mutated(change):
    data = copy.deepcopy(_good())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d.update(argmap=2),
            "$.argmap: unsupported format version 2 (this argmap reads version 1)",
        ),
        (lambda d: d.pop("argmap"), "$.argmap: missing format version"),
        (
            lambda d: d["statements"][1].update(kind="claim"),
            "$.statements[1].kind (id 'P1'): 'claim' is not one of",
        ),
        (
            lambda d: d["statements"][2].update(text=42),
            "$.statements[2].text (id 'C1'): 42 is not of type 'string'",
        ),
        (
            lambda d: d["statements"][0].pop("party"),
            "$.statements[0] (id 'P0'): 'party' is a required property",
        ),
        (
            lambda d: d["statements"][0].update(colour="red"),
            "$.statements[0] (id 'P0'): Additional properties",
        ),
        (
            lambda d: d["relations"][0].update(kind="refutes"),
            "$.relations[0].kind (P1 -> P0): 'refutes' is not one of",
        ),
        (
            lambda d: d["statements"].append(dict(d["statements"][1])),
            "$.statements[3] (id 'P1'): duplicate statement id: 'P1'",
        ),
        (
            lambda d: d["relations"].append({"from": "P1", "to": "P7", "kind": "support"}),
            "$.relations[2] (P1 -> P7): relation P1 -> P7: unknown statement: 'P7'",
        ),
        (
            lambda d: d["relations"].append({"from": "C1", "to": "C1", "kind": "attack"}),
            "$.relations[2] (C1 -> C1): a relation cannot link a statement to itself",
        ),
        (
            lambda d: d["statements"][1].update(party="nobody"),
            "$.statements[1] (id 'P1'): unknown party: 'nobody'",
        ),
        (
            lambda d: d["statements"][1].update(id="P 1"),
            "$.statements[1].id (id 'P 1'): 'P 1' is not valid here: Letters, digits",
        ),
        (
            lambda d: d.update(sources=[{"id": "s", "title": "S", "url": "javascript:alert(1)"}]),
            "$.sources[0].url (id 's'): 'javascript:alert(1)' is not valid here: http or https only.",
        ),
        (
            lambda d: d["statements"][1].update(text="\ud800"),
            "$.statements[1] (id 'P1'): statement text holds an unpaired surrogate",
        ),
        (lambda d: d.update(parties="everyone"), "$.parties: 'everyone' is not of type 'array'"),
    ],
)
def test_each_kind_of_bad_file_names_the_place(tmp_path, change, expected):
    assert expected in _problems(_mutated(change), tmp_path)


def test_malformed_json_names_line_and_column():
    with pytest.raises(ValidationError) as caught:
        argmap.load(DATA / "bad" / "malformed.argmap.json")
    # Python's wording of the problem varies by version; the place does not.
    assert str(caught.value).startswith(
        f"{DATA / 'bad' / 'malformed.argmap.json'}: line 5, column 3: malformed JSON: "
    )


def test_every_problem_of_a_file_is_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        argmap.load(DATA / "bad" / "dangling.argmap.json")
    lines = str(caught.value).splitlines()
    assert len(lines) == 3 and len(caught.value.problems) == 3
    assert "$.statements[1] (id 'P1'): unknown party: 'x'" in lines[0]
    # Both ends are missing, and the one refused above is pointed to, not blamed twice.
    assert lines[1].endswith(
        "$.relations[0] (P1 -> P9): relation P1 -> P9: unknown statements: 'P1', 'P9' "
        "('P1' was not loaded: see its own problem)"
    )
    assert "$.relations[1] (P0 -> P0): a relation cannot link a statement to itself" in lines[2]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[]", "$: expected an object, not an array"),
        ("", "line 1, column 1: malformed JSON: Expecting value"),
        (b"\xff\xfe{}", "byte 0: not UTF-8 text"),
    ],
)
def test_files_that_are_no_map_at_all(tmp_path, content, expected):
    path = tmp_path / "x.argmap.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(ValidationError, match=expected.replace("$", r"\$").replace("(", r"\(")):
        argmap.load(path)


def test_a_missing_file_is_a_validation_error(tmp_path):
    with pytest.raises(ValidationError, match="cannot read the file: No such file"):
        argmap.load(tmp_path / "absent.argmap.json")


def test_unknown_formats_are_named_with_the_known_ones(tmp_path):
    with pytest.raises(
        argmap.UnknownFormatError,
        match=r"unknown format: 'yaml' \(must be one of \['aif', 'argdown', 'json'\]\)",
    ):
        argmap.load(DATA / "small.argmap.json", format="yaml")
    with pytest.raises(argmap.UnknownFormatError, match="cannot tell the format of"):
        find_format("map.txt")


def test_save_is_atomic_when_writing_fails(tmp_path, debate, monkeypatch):
    target = tmp_path / "keep.argmap.json"
    debate.save(target)
    before = target.read_bytes()
    debate.update(title="Changed")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        debate.save(target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.argmap.json"]


def test_loading_leaves_nothing_to_undo():
    assert not argmap.load(DATA / "small.argmap.json").can_undo


def test_a_key_given_twice_is_refused_where_it_is(tmp_path):
    text = EXAMPLE.read_text("utf-8")
    doubled = text.replace('"statements": [', '"statements": [], "statements": [', 1)
    path = tmp_path / "twice.argmap.json"
    path.write_text(doubled, "utf-8")
    with pytest.raises(argmap.ValidationError) as error:
        argmap.load(path)
    assert str(error.value) == (
        f"{path}: $: the key 'statements' is given twice (only one would count)"
    )
    inner = text.replace('"id": "P1",', '"id": "P1", "id": "P9",', 1)
    path.write_text(inner, "utf-8")
    with pytest.raises(argmap.ValidationError, match=r"\$\.statements\[1\]: the key 'id'"):
        argmap.load(path)


def test_saving_through_a_link_writes_the_file_it_points_to(tmp_path, debate):
    real = tmp_path / "maps" / "real.argmap.json"
    real.parent.mkdir()
    debate.save(real)
    link = tmp_path / "link.argmap.json"
    link.symlink_to(real)
    debate.add_statement("P2", party="pro", kind="reason", text="Through the link.")
    debate.save(link)
    assert link.is_symlink() and "Through the link." in real.read_text("utf-8")
