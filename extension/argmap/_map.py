"""The argument map of the public API: the model plus files, drawings and notebook display."""

from __future__ import annotations

import json
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from . import formats, render
from .evaluate import Evaluation, evaluate
from .exceptions import ArgmapError
from .model import ArgumentMap as _Model
from .render import RenderOptions

__all__ = ["DISPLAY", "MIME_TYPE", "ArgumentMap"]

#: The map's own MIME type, drawn by the JupyterLab extension.
MIME_TYPE = "application/vnd.argmap+json"
#: The notebook display: MIME type -> the method that makes it, richest first.
DISPLAY = {
    MIME_TYPE: "_display_map",
    "image/svg+xml": "_display_svg",
    "text/plain": "summary",
}


class ArgumentMap(_Model):
    """An argument map you can load, save, draw and show in a notebook.

    Everything about its content is in :class:`argmap.model.ArgumentMap`; this class adds
    what touches files and Graphviz. ``options`` are the drawing choices of the notebook
    display (direction, legend, width, max_lines, evaluate).
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

    def evaluate(self) -> Evaluation:
        """Which statements stand and why, and each legal test's outcome: see ``argmap.evaluate``."""
        return evaluate(self)

    def to_dot(self, **choices: Any) -> str:
        """The DOT text of the diagram; ``choices`` as for :class:`RenderOptions`."""
        options = self._options(choices)
        return render.to_dot(self, options, self._evaluation(options))

    def render(self, format: str = "svg", *, engine: str = "auto", **choices: Any) -> bytes:
        """The diagram as bytes: svg, png, pdf, dot or json; ``evaluate=True`` shows statuses."""
        options = self._options(choices)
        return render.render(
            self, format, engine=engine, options=options, evaluation=self._evaluation(options)
        )

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
        options = self._options(choices)
        data = render.render(
            self, fmt, engine=engine, options=options, evaluation=self._evaluation(options)
        )
        from ._atomic import write_atomic

        return write_atomic(path, data)

    def _evaluation(self, options: RenderOptions) -> Evaluation | None:
        return evaluate(self) if options.evaluate else None

    def _options(self, choices: dict[str, Any]) -> RenderOptions:
        if not choices:
            return self.options
        import dataclasses

        return dataclasses.replace(self.options, **choices)

    def copy(self) -> ArgumentMap:
        """An independent copy of the map, with no undo history."""
        return formats.loads(self.dumps(), file="<copy>", factory=ArgumentMap)  # type: ignore[return-value]

    def _repr_mimebundle_(
        self,
        include: Collection[str] | None = None,
        exclude: Collection[str] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        """The notebook display: the map for JupyterLab's extension, an SVG and a summary.

        ``application/vnd.argmap+json`` is ``{"map": <the *.argmap.json content>, "options":
        {direction, legend, evaluate, title}}``; the extension draws it interactively. Only the
        types in ``include`` (all by default) and not in ``exclude`` are made.
        """
        wanted = [
            mime
            for mime in DISPLAY
            if (include is None or mime in include) and (exclude is None or mime not in exclude)
        ]
        bundle: dict[str, Any] = {}
        problem = None
        for mime in wanted:
            try:
                bundle[mime] = getattr(self, DISPLAY[mime])()
            except ArgmapError as error:  # no Graphviz: the rest still shows, and says why
                problem = error
        if problem is not None and "text/plain" in bundle:
            bundle["text/plain"] += f"\n(no diagram: {problem})"
        return bundle

    def _display_map(self) -> dict[str, Any]:
        options = self.options
        return {
            "map": json.loads(self.dumps()),
            "options": {
                "direction": options.direction,
                "legend": options.legend,
                "evaluate": options.evaluate,
                "title": options.title,
            },
        }

    def _display_svg(self) -> str:
        return self.render("svg").decode("utf-8")

    def to_networkx(self) -> Any:
        """The map as a ``networkx.DiGraph``: statements as nodes, relations as edges.

        Every field travels in node, edge and graph attributes, so that
        ``argmap.from_networkx(m.to_networkx()) == m``. Needs networkx (extra ``graph``).
        """
        from .formats import _graph

        return _graph.to_networkx(self)

    def statements_frame(self) -> Any:
        """The statements as a pandas DataFrame, one row each, indexed by id (extra ``graph``)."""
        from .formats import _graph

        return _graph.statements_frame(self)

    def relations_frame(self) -> Any:
        """The relations as a pandas DataFrame: origin, target, kind (extra ``graph``)."""
        from .formats import _graph

        return _graph.relations_frame(self)
