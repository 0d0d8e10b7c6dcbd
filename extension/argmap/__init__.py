"""Argument maps in Jupyter: parties' positions, the court's findings, Graphviz diagrams.

>>> import argmap
>>> m = argmap.example("parler-v-aws")
>>> m.statements["A0"].title
'Not about free speech'
"""

from __future__ import annotations

import os

from . import model
from ._map import ArgumentMap
from .evaluate import Evaluation, evaluate
from .exceptions import (
    ArgmapError,
    DuplicateIdError,
    EngineNotFoundError,
    Problem,
    RenderError,
    UnknownFormatError,
    UnknownIdError,
    ValidationError,
)
from .model import Citation, Factor, LegalTest, Party, Relation, Source, Statement
from .render import RenderOptions

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Citation",
    "DuplicateIdError",
    "Editor",
    "EngineNotFoundError",
    "Evaluation",
    "Factor",
    "LegalTest",
    "Party",
    "Problem",
    "Relation",
    "RenderError",
    "RenderOptions",
    "Source",
    "Statement",
    "UnknownFormatError",
    "UnknownIdError",
    "ValidationError",
    "View",
    "__version__",
    "evaluate",
    "example",
    "examples",
    "from_networkx",
    "load",
    "loads",
    "model",
]

_CASES = {"parler-v-aws": "parler_v_aws.argmap.json"}


def load(path: str | os.PathLike[str], format: str | None = None) -> ArgumentMap:
    """Read a map from a file; the format comes from ``format`` or the file's ending.

    A bad file raises :class:`ValidationError` naming the file, the place and the problem.
    """
    from . import formats

    return formats.load(path, format, factory=ArgumentMap)  # type: ignore[return-value]


def loads(text: str, format: str = "json") -> ArgumentMap:
    """Read a map from text in a file format."""
    from . import formats

    return formats.loads(text, format, factory=ArgumentMap)  # type: ignore[return-value]


def from_networkx(graph: object) -> ArgumentMap:
    """A map from a networkx directed graph shaped like ``ArgumentMap.to_networkx``'s.

    A bad graph raises :class:`ValidationError` naming each node or edge at fault.
    """
    from .formats import _graph

    return _graph.from_networkx(graph, factory=ArgumentMap)  # type: ignore[return-value]


def __getattr__(name: str) -> object:
    # The widgets load on first use: `import argmap` stays free of Jupyter machinery.
    if name in ("View", "Editor"):
        from . import widgets

        return getattr(widgets, name)
    if name == "__version__":
        # The one version number is the labextension's package.json (see pyproject.toml);
        # the installed metadata carries it.
        from importlib.metadata import version

        return version("jupyter-argmap")
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def examples() -> list[str]:
    """The names of the bundled example maps."""
    return sorted(_CASES)


def example(name: str = "parler-v-aws") -> ArgumentMap:
    """A fresh copy of a bundled example map, e.g. ``example("parler-v-aws")``."""
    try:
        file = _CASES[name]
    except KeyError:
        raise UnknownIdError(f"unknown example: {name!r} (must be one of {examples()})") from None
    from importlib import resources  # slow to import; only examples need it

    with resources.as_file(resources.files(__package__).joinpath("cases", file)) as path:
        return load(path)
