"""The exceptions argmap raises; every one subclasses ArgmapError and a built-in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "ArgmapError",
    "DuplicateIdError",
    "EngineNotFoundError",
    "Problem",
    "RenderError",
    "UnknownFormatError",
    "UnknownIdError",
    "ValidationError",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a map: where it is and what is wrong.

    >>> str(Problem("what is wrong", place="$.statements[2].kind", file="m.argmap.json"))
    'm.argmap.json: $.statements[2].kind: what is wrong'
    """

    message: str
    place: str = ""
    file: str = ""

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.place, self.message) if part)


class ValidationError(ArgmapError, ValueError):
    """A map, a file or a change breaks the rules of the format; names every problem found.

    >>> error = ValidationError([Problem("bad", "$.a", "x.json"), Problem("worse", "$.b", "x.json")])
    >>> print(error)
    x.json: $.a: bad
    x.json: $.b: worse
    """

    def __init__(self, problems: str | Problem | Iterable[Problem]) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def located(self, *, place: str = "", file: str = "") -> ValidationError:
        """The same problems, with a place and a file filled in where they had none."""
        return type(self)(
            Problem(p.message, p.place or place, p.file or file) for p in self.problems
        )


class DuplicateIdError(ValidationError):
    """An id is already taken by another item of the same table."""


class UnknownIdError(ArgmapError, KeyError):
    """No item has this id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownFormatError(ArgmapError, ValueError):
    """A file format or output format name that argmap does not know."""


class RenderError(ArgmapError, RuntimeError):
    """Graphviz could not draw the diagram."""


class EngineNotFoundError(RenderError):
    """No Graphviz engine can produce the requested format on this machine."""
