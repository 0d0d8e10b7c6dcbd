"""What readers of other tools' formats share: fresh ids, guessed kinds, problems in place."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from ..exceptions import Problem, ValidationError
from ..model import ArgumentMap
from ..model.elements import check_id
from . import _json

__all__ = ["DEFAULT_PARTY", "build", "fresh_id", "guess_kind", "outgoing", "plain", "slug"]

#: The party of statements whose speaker a file does not name.
DEFAULT_PARTY = {"id": "author", "name": "Author", "role": "other"}

K = TypeVar("K", bound=Hashable)

_PATH = re.compile(r"\$\.(\w+)\[(\d+)\](\S*)(?: \(.*\))?$")


def slug(text: str) -> str:
    """An id made from a title: ASCII letters and digits, words joined by hyphens.

    >>> slug("Argdown is the best!")
    'Argdown-is-the-best'
    >>> slug("Ökonomie & Recht")
    'Okonomie-Recht'
    >>> slug("…")
    ''
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:64].rstrip("-")


def fresh_id(wanted: str, taken: set[str], fallback: str = "S") -> str:
    """``wanted`` if it is a valid id nobody has, else the nearest free one; marks it taken.

    >>> taken = {"P0"}
    >>> fresh_id("P0", taken), fresh_id("a b", taken), fresh_id("", taken), sorted(taken)
    ('P0-2', 'a-b', 'S1', ['P0', 'P0-2', 'S1', 'a-b'])
    """
    try:
        base = check_id(wanted)
    except ValidationError:
        base = slug(wanted)
    candidate, n = base, 1
    while not candidate or candidate in taken:
        n += 1
        candidate = f"{base[:58]}-{n}" if base else f"{fallback}{n - 1}"
    taken.add(candidate)
    return candidate


def guess_kind(role: str, outgoing: Iterable[str]) -> str:
    """The kind of a statement a file does not give: from its speaker and its relations.

    The court states findings; a statement that supports or attacks nothing is a position;
    one that only attacks is an objection; any other is a reason.

    >>> guess_kind("court", []), guess_kind("other", []), guess_kind("other", ["attack"])
    ('finding', 'position', 'objection')
    >>> guess_kind("plaintiff", ["attack", "support"])
    'reason'
    """
    kinds = set(outgoing)
    if role == "court":
        return "finding"
    if not kinds:
        return "position"
    return "objection" if kinds == {"attack"} else "reason"


def outgoing(relations: Iterable[tuple[K, K, str]]) -> dict[K, list[str]]:
    """The kinds of relations each statement starts, for ``guess_kind``.

    Attacks that are answered by an attack back (a contradiction) do not count: two claims
    that contradict each other are both positions.

    >>> outgoing([("a", "b", "attack"), ("b", "a", "attack"), ("c", "a", "support")])
    {'c': ['support']}
    """
    relations = list(relations)
    attacks = {(origin, target) for origin, target, kind in relations if kind == "attack"}
    found: dict[K, list[str]] = {}
    for origin, target, kind in relations:
        if kind != "attack" or (target, origin) not in attacks:
            found.setdefault(origin, []).append(kind)
    return found


def plain(value: Any) -> Any:
    """Model objects and tuples as plain JSON data (dicts, lists, strings, numbers).

    >>> from argmap.model import Citation
    >>> plain((Citation("order", "quote"),))
    [{'source': 'order', 'quote': 'quote', 'locator': ''}]
    """
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def build(
    data: dict[str, Any],
    file: str,
    factory: Callable[[], ArgumentMap],
    places: Mapping[str, Sequence[str]],
    elsewhere: str = "",
) -> ArgumentMap:
    """Build a map from native JSON data through the model; name each problem's place.

    ``places[table][i]`` says where the ``i``-th item of a table (parties, sources,
    statements, relations, tests) came from in the file that was read, so that a problem
    the model finds is reported there and not at a JSON path the user never saw.
    """
    try:
        return _json.from_data(data, file, factory)
    except ValidationError as error:
        raise ValidationError(_placed(p, places, elsewhere) for p in error.problems) from None


def _placed(problem: Problem, places: Mapping[str, Sequence[str]], elsewhere: str) -> Problem:
    match = _PATH.match(problem.place)
    if match is None:
        return Problem(problem.message, elsewhere or problem.place, problem.file)
    table, index, rest = match.group(1), int(match.group(2)), match.group(3).lstrip(".")
    where = places.get(table, ())
    if index >= len(where):
        return problem
    message = f"{rest}: {problem.message}" if rest else problem.message
    return Problem(message, where[index], problem.file)
