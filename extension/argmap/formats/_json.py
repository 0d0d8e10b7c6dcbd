"""The native format, ``*.argmap.json``: versioned, human-editable, stable in its order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Any

from ..exceptions import ArgmapError, Problem, ValidationError
from ..model import ArgumentMap, Citation, Factor, LegalTest, Source, Statement
from ._conform import conforms

__all__ = ["VERSION", "from_data", "read", "schema", "to_data", "write"]

#: The version of the format this module reads and writes.
VERSION = 1


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the format, as shipped in the package."""
    text = resources.files(__package__).joinpath("argmap.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> Any:
    import jsonschema  # imported here: it is slow to import and only loading needs it

    return jsonschema.Draft202012Validator(schema())


def json_path(parts: Iterable[str | int]) -> str:
    """A JSON path for a place in a document.

    >>> json_path(["statements", 3, "kind"])
    '$.statements[3].kind'
    >>> json_path(["translations", "de-CH"])
    "$.translations['de-CH']"
    """
    path = "$"
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.isidentifier():
            path += f".{part}"
        else:
            path += f"[{part!r}]"
    return path


def parse(text: str, file: str) -> Any:
    """JSON text as data; malformed JSON raises a ValidationError with line and column.

    A key given twice in one object is refused: JSON readers keep the last one, so a second
    "statements" would silently drop every statement of the first.

    >>> parse('{"a": [{"id": 1, "id": 2}]}', "m.json")
    Traceback (most recent call last):
    ...
    argmap.exceptions.ValidationError: m.json: $.a[0]: the key 'id' is given twice (only one would count)
    """
    twice: list[tuple[str, dict[str, Any]]] = []

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made: dict[str, Any] = {}
        for key, value in pairs:
            if key in made:
                twice.append((key, made))
            made[key] = value
        return made

    try:
        data = json.loads(text, object_pairs_hook=unique)
    except json.JSONDecodeError as error:
        raise ValidationError(
            Problem(
                f"malformed JSON: {error.msg}", f"line {error.lineno}, column {error.colno}", file
            )
        ) from None
    if twice:
        raise ValidationError(
            [
                Problem(f"the key {key!r} is given twice (only one would count)", place, file)
                for key, where in twice
                for place in [json_path(_path_to(data, where) or [])]
            ]
        )
    return data


def _path_to(
    data: Any, wanted: object, path: tuple[str | int, ...] = ()
) -> list[str | int] | None:
    """The path of an object inside the data, found by identity."""
    if data is wanted:
        return list(path)
    items: Iterable[tuple[str | int, Any]] = ()
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    for key, value in items:
        found = _path_to(value, wanted, (*path, key))
        if found is not None:
            return found
    return None


def read(text: str, file: str, factory: Callable[[], ArgumentMap] = ArgumentMap) -> ArgumentMap:
    """Parse a ``*.argmap.json`` text; raise one ValidationError naming every problem."""
    return from_data(parse(text, file), file, factory)


def _describe(instance: Any, path: Sequence[str | int], data: Any) -> str:
    """The id of the item at a path, to make the place easier to find."""
    if len(path) >= 2 and isinstance(path[1], int):
        try:
            item = data[path[0]][path[1]]
        except (KeyError, IndexError, TypeError):
            return ""
        if isinstance(item, dict):
            if isinstance(item.get("id"), str):
                return f" (id {item['id']!r})"
            if isinstance(item.get("from"), str) and isinstance(item.get("to"), str):
                return f" ({item['from']} -> {item['to']})"
    return ""


def _schema_problems(data: Any, file: str) -> Iterator[Problem]:
    """What the schema finds wrong (``from_data`` has checked the version before)."""
    if conforms(data, schema()):
        return  # the common case, without importing jsonschema (see _conform)
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        path = list(error.absolute_path)
        message = error.message
        description = error.schema.get("description") if isinstance(error.schema, dict) else None
        if error.validator == "pattern" and description:
            message = f"{error.instance!r} is not valid here: {description}"
        yield Problem(message, json_path(path) + _describe(data, path, data), file)


def from_data(
    data: Any, file: str = "<data>", factory: Callable[[], ArgumentMap] = ArgumentMap
) -> ArgumentMap:
    """Build a map from parsed JSON; raise one ValidationError naming every problem."""
    if not isinstance(data, dict):
        raise ValidationError(Problem(f"expected an object, not {_json_type(data)}", "$", file))
    version = data.get("argmap")
    if version is None:
        raise ValidationError(
            Problem(f'missing format version (expected "argmap": {VERSION})', "$.argmap", file)
        )
    if version != VERSION or isinstance(version, bool):
        raise ValidationError(
            Problem(
                f"unsupported format version {version!r} (this argmap reads version {VERSION})",
                "$.argmap",
                file,
            )
        )
    problems = list(_schema_problems(data, file))
    if problems:
        raise ValidationError(problems)
    themap = factory()
    themap.update(title=data.get("title", ""), description=data.get("description", ""))
    steps: list[tuple[str, Callable[[dict[str, Any]], object]]] = [
        ("parties", lambda d: themap.add_party(d["id"], d["name"], role=d.get("role", "other"))),
        ("sources", lambda d: themap.add_source(**_source_fields(d))),
        ("statements", lambda d: themap.add_statement(**_statement_fields(d))),
        ("relations", lambda d: themap.add_relation(d["from"], d["to"], d["kind"])),
        ("tests", lambda d: themap.add_test(**_test_fields(d))),
    ]
    refused: set[str] = set()  # ids of items not loaded: what names them gets a pointer
    for table, add in steps:
        for index, item in enumerate(data.get(table, ())):
            try:
                add(item)
            except (ArgmapError, ValueError) as error:
                place = json_path([table, index]) + _describe(data, [table, index], data)
                named = [item.get(k) for k in ("from", "to", "ruling") if item.get(k) in refused]
                why = str(error) + "".join(
                    f" ({name!r} was not loaded: see its own problem)" for name in named
                )
                problems.append(Problem(why, place, file))
                if isinstance(item.get("id"), str):
                    refused.add(item["id"])
    if problems:
        raise ValidationError(problems)
    themap.clear_history()
    return themap


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else "null")


def _citations(items: Iterable[dict[str, str]]) -> tuple[Citation, ...]:
    return tuple(Citation(c["source"], c.get("quote", ""), c.get("locator", "")) for c in items)


def _source_fields(d: dict[str, Any]) -> dict[str, Any]:
    return {
        key: d[key]
        for key in ("id", "title", "url", "date", "language", "kind", "publisher")
        if key in d
    }


def _statement_fields(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": d["id"],
        "party": d["party"],
        "kind": d["kind"],
        "text": d["text"],
        "title": d.get("title", ""),
        "citations": _citations(d.get("citations", ())),
        "tags": tuple(d.get("tags", ())),
        "translations": d.get("translations", {}),
    }


def _test_fields(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": d["id"],
        "name": d["name"],
        "factors": tuple(
            Factor(f["id"], f["name"], tuple(f.get("deciding", ()))) for f in d["factors"]
        ),
        "rule": d.get("rule", "all"),
        "threshold": d.get("threshold"),
        "movant": d.get("movant", ""),
        "ruling": d.get("ruling", ""),
        "description": d.get("description", ""),
        "citations": _citations(d.get("citations", ())),
    }


def _drop_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if value not in ("", (), [], {}, None)}


def _citation_data(citations: Iterable[Citation]) -> list[dict[str, str]]:
    return [
        _drop_empty({"source": c.source, "quote": c.quote, "locator": c.locator}) for c in citations
    ]


def _statement_data(s: Statement) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": s.id,
            "party": s.party,
            "kind": s.kind,
            "title": s.title,
            "text": s.text,
            "citations": _citation_data(s.citations),
            "tags": list(s.tags),
            "translations": dict(sorted(s.translations.items())),
        }
    )


def _source_data(s: Source) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": s.id,
            "title": s.title,
            "url": s.url,
            "date": s.date,
            "language": s.language,
            "kind": s.kind,
            "publisher": s.publisher,
        }
    )


def _test_data(t: LegalTest) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": t.id,
            "name": t.name,
            "description": t.description,
            "movant": t.movant,
            "rule": t.rule,
            "threshold": t.threshold,
            "factors": [
                _drop_empty({"id": f.id, "name": f.name, "deciding": list(f.deciding)})
                for f in t.factors
            ],
            "ruling": t.ruling,
            "citations": _citation_data(t.citations),
        }
    )


def to_data(themap: ArgumentMap) -> dict[str, Any]:
    """The map as plain JSON data, keys in the order of the schema."""
    data: dict[str, Any] = {
        "argmap": VERSION,
        "title": themap.title,
        "description": themap.description,
    }
    data["parties"] = [{"id": p.id, "name": p.name, "role": p.role} for p in themap.parties]
    data["sources"] = [_source_data(s) for s in themap.sources]
    data["statements"] = [_statement_data(s) for s in themap.statements]
    data["relations"] = [
        {"from": r.origin, "to": r.target, "kind": r.kind} for r in themap.relations
    ]
    data["tests"] = [_test_data(t) for t in themap.tests]
    return {
        key: value
        for key, value in data.items()
        if value not in ("", []) or key in ("parties", "statements")
    }


def write(themap: ArgumentMap) -> str:
    """The map as ``*.argmap.json`` text: two-space indents, UTF-8 as is, a final newline."""
    return json.dumps(to_data(themap), ensure_ascii=False, indent=2) + "\n"
