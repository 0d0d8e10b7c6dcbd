"""A quick yes to "does this document follow the schema?", never more lenient than jsonschema.

Importing jsonschema costs over a second where its format extras are installed (JupyterLab
installs them): ``rfc3987_syntax`` builds some forty grammars at import. Nearly every file
a user loads is valid, so a small checker answers first for the keywords argmap's schema
uses. Its "yes" is always right; its "no" may be too strict (it does not know a keyword,
counts 1.0 as no integer), and then jsonschema looks again and names the problems.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

__all__ = ["conforms"]

#: Keywords that only describe: they never make a document invalid.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "default"})


def conforms(instance: Any, schema: Mapping[str, Any]) -> bool:
    """Whether ``instance`` is valid against ``schema`` (False also for "cannot tell").

    >>> schema = {"type": "object", "required": ["a"], "additionalProperties": False,
    ...           "properties": {"a": {"type": "integer", "minimum": 1}}}
    >>> conforms({"a": 2}, schema), conforms({"a": 0}, schema), conforms({"a": 1, "b": 2}, schema)
    (True, False, False)
    >>> conforms({"a": True}, schema)  # a boolean is no integer in JSON Schema
    False
    >>> conforms("x", {"type": "string", "format": "email"})  # unknown keyword: cannot tell
    False
    """
    return _valid(instance, schema, schema)


def _valid(instance: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        check = _CHECKS.get(keyword)
        if check is None or not check(instance, value, schema, root):
            return False
    return True


def _ref(instance: Any, value: str, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not value.startswith("#/"):
        return False  # only references within the schema are followed here
    target: Any = root
    for part in value[2:].split("/"):
        if not isinstance(target, Mapping) or part not in target:
            return False
        target = target[part]
    return isinstance(target, Mapping) and _valid(instance, target, root)


def _type(instance: Any, value: str | list[str], *_: Any) -> bool:
    names = [value] if isinstance(value, str) else value
    return any(_is(instance, name) for name in names)


def _is(instance: Any, name: str) -> bool:
    """Whether a value is of a JSON Schema type; 1.0 counts as no integer here (too strict).

    >>> [_is(v, "number") for v in (1, 1.5, True, "1")]
    [True, True, False, False]
    """
    if isinstance(instance, bool):
        return name == "boolean"
    kinds: dict[str, type | tuple[type, ...]] = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "number": (int, float),
        "null": type(None),
    }
    kind = kinds.get(name)
    return kind is not None and isinstance(instance, kind)


def _properties(instance: Any, value: Mapping[str, Any], _: Any, root: Any) -> bool:
    if not isinstance(instance, dict):
        return True
    return all(_valid(instance[k], sub, root) for k, sub in value.items() if k in instance)


def _additional(instance: Any, value: Any, schema: Mapping[str, Any], root: Any) -> bool:
    if not isinstance(instance, dict):
        return True
    extra = [k for k in instance if k not in schema.get("properties", {})]
    if value is False:
        return not extra
    if value is True:
        return True
    return isinstance(value, Mapping) and all(_valid(instance[k], value, root) for k in extra)


def _required(instance: Any, value: list[str], *_: Any) -> bool:
    return not isinstance(instance, dict) or all(k in instance for k in value)


def _property_names(instance: Any, value: Mapping[str, Any], _: Any, root: Any) -> bool:
    return not isinstance(instance, dict) or all(_valid(k, value, root) for k in instance)


def _items(instance: Any, value: Any, _: Any, root: Any) -> bool:
    if not isinstance(instance, list):
        return True
    return isinstance(value, Mapping) and all(_valid(item, value, root) for item in instance)


def _min_items(instance: Any, value: int, *_: Any) -> bool:
    return not isinstance(instance, list) or len(instance) >= value


def _unique(instance: Any, value: bool, *_: Any) -> bool:
    if not value or not isinstance(instance, list):
        return True
    keys = [_key(item) for item in instance]
    return len(set(keys)) == len(keys)


def _key(value: Any) -> Any:
    """A hashable key equal for values JSON Schema calls equal (and, to be safe, a few more:
    integers too large for a float may share a key, which only makes the check stricter).

    >>> _key(1) == _key(1.0), _key(1) == _key(True), _key([1, "a"]) == _key([1.0, "a"])
    (True, False, True)
    """
    if isinstance(value, bool) or value is None:
        return ("literal", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, list):
        return ("array", tuple(_key(v) for v in value))
    if isinstance(value, dict):
        return ("object", frozenset((k, _key(v)) for k, v in value.items()))
    return ("string", value)


def _min_length(instance: Any, value: int, *_: Any) -> bool:
    return not isinstance(instance, str) or len(instance) >= value


def _pattern(instance: Any, value: str, *_: Any) -> bool:
    return not isinstance(instance, str) or _compiled(value).search(instance) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _minimum(instance: Any, value: float, *_: Any) -> bool:
    if isinstance(instance, bool) or not isinstance(instance, int | float):
        return True
    return instance >= value


def _enum(instance: Any, value: list[Any], *_: Any) -> bool:
    return any(_equal(instance, option) for option in value)


def _const(instance: Any, value: Any, *_: Any) -> bool:
    return _equal(instance, value)


def _equal(one: Any, other: Any) -> bool:
    """Equality as JSON Schema has it: 1 equals 1.0, but true is not 1.

    >>> _equal(1, 1.0), _equal(1, True), _equal({"a": [1]}, {"a": [1.0]}), _equal([1], [1, 2])
    (True, False, True, False)
    """
    if isinstance(one, bool) or isinstance(other, bool):
        return isinstance(one, bool) and isinstance(other, bool) and one == other
    if isinstance(one, list) and isinstance(other, list):
        return len(one) == len(other) and all(map(_equal, one, other))
    if isinstance(one, dict) and isinstance(other, dict):
        return one.keys() == other.keys() and all(_equal(one[k], other[k]) for k in one)
    if isinstance(one, list | dict) or isinstance(other, list | dict):
        return False
    return bool(one == other)


_CHECKS: Mapping[str, Any] = {
    "$ref": _ref,
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "propertyNames": _property_names,
    "items": _items,
    "minItems": _min_items,
    "uniqueItems": _unique,
    "minLength": _min_length,
    "pattern": _pattern,
    "minimum": _minimum,
    "enum": _enum,
    "const": _const,
}
