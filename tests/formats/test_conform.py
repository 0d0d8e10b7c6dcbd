"""The quick schema check: never says yes where jsonschema finds a problem, says yes to valid maps."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.formats._conform import conforms
from argmap.formats._json import schema

from ..conftest import DATA, EXAMPLE
from ..strategies import argument_maps, pinned

_VALIDATOR = jsonschema.Draft202012Validator(schema())

#: JSON values of every type, including those JSON Schema treats specially (1.0, true, -1).
_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3),
        st.sampled_from([1.0, 0.5, -1.0]),
        st.sampled_from(["", "x", "P1", "support", "plaintiff", "https://e.org", "a b"]),
    ),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "text", "x", "kind"]), children, max_size=3)
    ),
    max_leaves=6,
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document: the paths of its values."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


@st.composite
def _documents(draw: st.DrawFn) -> Any:
    """A valid map's JSON, then changed in a few places: a value replaced, a key dropped or
    added, an item duplicated, so that most are invalid in one small way."""
    data = json.loads(draw(argument_maps()).dumps())
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_places(data)[1:] or [()]))
        if not path:
            break
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "drop", "add", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(_values)
        elif action == "drop":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "id", "title", "url"]))] = draw(_values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(parent[path[-1]])
    return data


@given(_documents())
def test_a_yes_is_never_wrong(data):
    if conforms(data, schema()):
        assert not list(_VALIDATOR.iter_errors(data))


@given(argument_maps())
@pinned
def test_valid_maps_are_answered_without_jsonschema(themap):
    assert conforms(json.loads(themap.dumps()), schema())


def test_the_bundled_and_test_maps():
    for path in (EXAMPLE, DATA / "small.argmap.json"):
        assert conforms(json.loads(path.read_text("utf-8")), schema()), path
    dangling = json.loads((DATA / "bad" / "dangling.argmap.json").read_text("utf-8"))
    assert conforms(dangling, schema()) == (not list(_VALIDATOR.iter_errors(dangling)))


def test_loading_a_valid_map_does_not_import_jsonschema():
    code = "import sys, argmap; argmap.load(sys.argv[1]); print('jsonschema' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_an_invalid_map_still_gets_every_problem_named(tmp_path: Path):
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["statements"][0]["kind"] = "thesis"
    data["statements"][1]["extra"] = 1
    (tmp_path / "m.argmap.json").write_text(json.dumps(data), "utf-8")
    try:
        argmap.load(tmp_path / "m.argmap.json")
    except argmap.ValidationError as error:
        text = str(error)
    assert "'thesis' is not one of" in text and "'extra' was unexpected" in text


def _edited(change: Any) -> Any:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    change(data)
    return data


#: One small edit for each keyword of the schema, each making the bundled map invalid.
_EDITS = {
    "const": lambda d: d.update(argmap=2),
    "required": lambda d: d["statements"][0].pop("text"),
    "additionalProperties: false": lambda d: d["statements"][0].update(extra=1),
    "additionalProperties: schema": lambda d: d["statements"][0].update(translations={"de": ""}),
    "propertyNames": lambda d: d["statements"][0].update(translations={"german": "Text"}),
    "type": lambda d: d["statements"][0].update(title=3),
    "type: a boolean is no string": lambda d: d["statements"][0].update(title=True),
    "enum": lambda d: d["statements"][0].update(kind="thesis"),
    "pattern": lambda d: d["statements"][0].update(id="a b"),
    "minLength": lambda d: d["statements"][0].update(tags=[""]),
    "pattern: blank text": lambda d: d["parties"][0].update(name="   "),
    "minimum": lambda d: d["tests"][0].update(threshold=0),
    "uniqueItems": lambda d: d["statements"][0].update(tags=["x", "x"]),
    "items": lambda d: d["statements"][0].update(citations=[{"quote": "no source"}]),
    "$ref": lambda d: d["parties"].append({"id": "x"}),
}


def test_each_keyword_says_no():
    for name, change in _EDITS.items():
        data = _edited(change)
        assert list(_VALIDATOR.iter_errors(data)), f"{name}: the edit should be invalid"
        assert not conforms(data, schema()), name
