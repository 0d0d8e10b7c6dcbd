"""The argument map of the public API: the model plus files, drawings and notebook display."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import formats, render
from .exceptions import ArgmapError
from .model import ArgumentMap as _Model
from .render import RenderOptions

__all__ = ["ArgumentMap"]


class ArgumentMap(_Model):
    """An argument map you can load, save, draw and show in a notebook.

    Everything about its content is in :class:`argmap.model.ArgumentMap`; this class adds
    what touches files and Graphviz. ``options`` are the drawing choices of the notebook
    display (direction, legend, width, max_lines).
    """

    def __init__(self, *, title: str = "", description: str = "") -> None:
        super().__init__(title=title, description=description)
        self.options = RenderOptions()

    def save(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the map to a file (format by name or ending), atomically."""
        return formats.dump(self, path, format)

    def dumps(self, format: str = "json") -> str:
        """The map as the text of a file format."""
        return formats.dumps(self, format)

    def to_dot(self, **choices: Any) -> str:
        """The DOT text of the diagram; ``choices`` as for :class:`RenderOptions`."""
        return render.to_dot(self, self._options(choices))

    def render(self, format: str = "svg", *, engine: str = "auto", **choices: Any) -> bytes:
        """The diagram as bytes: svg, png, pdf, dot or json."""
        return render.render(self, format, engine=engine, options=self._options(choices))

    def export(
        self,
        path: str | os.PathLike[str],
        format: str | None = None,
        *,
        engine: str = "auto",
        **choices: Any,
    ) -> Path:
        """Write the diagram to a file (svg, png, pdf, dot, json by ending), atomically."""
        fmt = render.output_format(path, format)
        data = render.render(self, fmt, engine=engine, options=self._options(choices))
        from ._atomic import write_atomic

        return write_atomic(path, data)

    def _options(self, choices: dict[str, Any]) -> RenderOptions:
        if not choices:
            return self.options
        import dataclasses

        return dataclasses.replace(self.options, **choices)

    def copy(self) -> ArgumentMap:
        """An independent copy of the map, with no undo history."""
        return formats.loads(self.dumps(), file="<copy>", factory=ArgumentMap)  # type: ignore[return-value]

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        bundle = {"text/plain": self.summary()}
        try:
            bundle["image/svg+xml"] = self.render("svg").decode("utf-8")
        except ArgmapError as error:
            bundle["text/plain"] += f"\n(no diagram: {error})"
        return bundle
