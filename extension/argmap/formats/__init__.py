"""Reading and writing maps: one private module a format, one table of formats."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .._atomic import write_atomic
from ..exceptions import Problem, UnknownFormatError, ValidationError
from ..model import ArgumentMap
from . import _aif, _argdown, _json

__all__ = ["FORMATS", "Format", "dump", "dumps", "find_format", "load", "loads"]


@dataclass(frozen=True)
class Format:
    """A file format: its name, the file endings that mean it, and how to read and write it."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    read: Callable[[str, str, Callable[[], ArgumentMap]], ArgumentMap]
    write: Callable[[ArgumentMap], str]
    #: What the format itself cannot hold (kept only in argmap's own extension), as notes.
    lossy: Callable[[ArgumentMap], list[str]] | None = None


#: Every format argmap reads and writes, by name.
FORMATS: Mapping[str, Format] = MappingProxyType(
    {
        "json": Format(
            "json",
            (".argmap.json", ".json"),
            "argmap's own JSON (version 1)",
            _json.read,
            _json.write,
        ),
        "argdown": Format(
            "argdown",
            (".argdown",),
            "Argdown text (argdown.org); argmap's data in its front matter and {data}",
            _argdown.read,
            _argdown.write,
        ),
        "aif": Format(
            "aif",
            (".aif.json",),
            "AIF JSON as OVA3 and AIFdb write it; argmap's data in an extension field",
            _aif.read,
            _aif.write,
            _aif.lossy,
        ),
    }
)


def find_format(path: str | os.PathLike[str] | None = None, format: str | None = None) -> Format:
    """The format named, or else the one the file name's ending means.

    >>> find_format("case.argmap.json").name, find_format("case.aif.json").name
    ('json', 'aif')
    >>> find_format(format="xml")
    Traceback (most recent call last):
    ...
    argmap.exceptions.UnknownFormatError: unknown format: 'xml' (must be one of ['aif', 'argdown', 'json'])
    """
    if format is not None:
        try:
            return FORMATS[format.lower()]
        except KeyError:
            raise UnknownFormatError(
                f"unknown format: {format!r} (must be one of {sorted(FORMATS)})"
            ) from None
    name = Path(path or "").name.lower()
    # The longest ending wins: "x.aif.json" is AIF, though it ends in ".json" too.
    matches = [(s, f) for f in FORMATS.values() for s in f.suffixes if name.endswith(s)]
    if matches:
        return max(matches, key=lambda match: len(match[0]))[1]
    endings = sorted(s for f in FORMATS.values() for s in f.suffixes)
    raise UnknownFormatError(
        f"cannot tell the format of {str(path)!r} from its name (endings known: {endings}); "
        f"name one of {sorted(FORMATS)}"
    )


def loads(
    text: str,
    format: str = "json",
    *,
    file: str = "<string>",
    factory: Callable[[], ArgumentMap] = ArgumentMap,
) -> ArgumentMap:
    """Read a map from text."""
    return find_format(format=format).read(text, file, factory)


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    factory: Callable[[], ArgumentMap] = ArgumentMap,
) -> ArgumentMap:
    """Read a map from a file; a problem raises ValidationError naming the file and the place."""
    chosen = find_format(path, format)
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(
            Problem(f"cannot read the file: {error.strerror or error}", "", file)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            Problem(f"not UTF-8 text: byte {raw[error.start]:#04x}", f"byte {error.start}", file)
        ) from None
    return chosen.read(text, file, factory)


def dumps(themap: ArgumentMap, format: str = "json") -> str:
    """Write a map as text."""
    return find_format(format=format).write(themap)


def dump(themap: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write a map to a file atomically: the old file stays whole until the new one is."""
    text = find_format(path, format).write(themap)
    return write_atomic(path, text.encode("utf-8"))
