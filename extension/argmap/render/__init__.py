"""Drawing maps: DOT text from the model, pictures from Graphviz, files written atomically."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .._atomic import write_atomic
from ..exceptions import UnknownFormatError
from ..model import ArgumentMap
from .dot import DIRECTIONS, EvaluationView, RenderOptions, node_id, outcome_id, sketch, to_dot
from .sketch import Sketch

__all__ = [
    "DIRECTIONS",
    "OUTPUTS",
    "Drawing",
    "EvaluationView",
    "RenderOptions",
    "export",
    "node_id",
    "outcome_id",
    "output_format",
    "prepare",
    "render",
    "to_dot",
]

#: The ending of argmap's own files, which no drawing may take.
MAP_SUFFIX = ".argmap.json"
#: What a diagram can be written as: format name -> (file endings, MIME type).
#: "dot" is the finished drawing as DOT, every position in it (``neato -n2`` draws it again;
#: ``to_dot`` gives the one-pass source instead); "json" is Graphviz's JSON of the
#: laid-out diagram (positions of every box and line), for web pages and other tools.
OUTPUTS: Mapping[str, tuple[tuple[str, ...], str]] = MappingProxyType(
    {
        "svg": ((".svg",), "image/svg+xml"),
        "png": ((".png",), "image/png"),
        "pdf": ((".pdf",), "application/pdf"),
        "dot": ((".dot", ".gv"), "text/vnd.graphviz"),
        "json": ((".json",), "application/json"),
    }
)


def output_format(path: str | os.PathLike[str] | None = None, format: str | None = None) -> str:
    """The output format named, or else the one the file name's ending means.

    >>> output_format("figure.PDF")
    'pdf'
    >>> output_format("case.argmap.json", "json")
    Traceback (most recent call last):
    ...
    argmap.exceptions.UnknownFormatError: 'case.argmap.json' is the name of an argument map, not of a drawing: writing a drawing there would replace the map (Graphviz's layout JSON goes to a name like 'case.layout.json'; maps are written with save())
    >>> output_format("figure.jpg")
    Traceback (most recent call last):
    ...
    argmap.exceptions.UnknownFormatError: cannot tell the output format of 'figure.jpg' from its name (must end in one of ['.dot', '.gv', '.json', '.pdf', '.png', '.svg'])
    """
    name = Path(path or "").name.lower()
    if name.endswith(MAP_SUFFIX):
        raise UnknownFormatError(
            f"{str(path)!r} is the name of an argument map, not of a drawing: writing a "
            f"drawing there would replace the map (Graphviz's layout JSON goes to a name like "
            f"{name[: -len(MAP_SUFFIX)] + '.layout.json'!r}; maps are written with save())"
        )
    if format is not None:
        if format.lower() not in OUTPUTS:
            raise UnknownFormatError(
                f"unknown format: {format!r} (must be one of {sorted(OUTPUTS)})"
            )
        return format.lower()
    for candidate, (suffixes, _) in OUTPUTS.items():
        if name.endswith(suffixes):
            return candidate
    endings = sorted(s for suffixes, _ in OUTPUTS.values() for s in suffixes)
    raise UnknownFormatError(
        f"cannot tell the output format of {str(path)!r} from its name (must end in one of {endings})"
    )


@dataclasses.dataclass(frozen=True)
class Drawing:
    """A drawing made ready in Python, for Graphviz to finish (``run``), in any thread.

    ``key`` tells drawings apart: the same key, the same bytes (a cache keeps them by it).
    """

    sketch: Sketch
    format: str
    engine: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.format, self.engine, self.sketch.source)

    def run(self) -> bytes:
        """Graphviz's two passes: ``dot`` lays the boxes out, ``nop2`` draws them with the
        bands (see argmap.render.sketch)."""
        import json

        from . import _backend

        laid_out = json.loads(_backend.run(self.sketch.source, "json0", engine=self.engine))
        return _backend.run(
            self.sketch.finish(laid_out), self.format, engine=self.engine, layout="nop2"
        )

    def made(self, cache: MutableMapping[tuple[str, str, str], bytes] | None = None) -> bytes:
        """``run``, or the drawing ``cache`` kept by its key; either way the cache keeps it
        as the latest used (the caller bounds it)."""
        if cache is None:
            return self.run()
        drawn = cache.pop(self.key, None)
        if drawn is None:
            drawn = self.run()
        cache[self.key] = drawn
        return drawn


def prepare(
    themap: ArgumentMap,
    format: str = "svg",
    *,
    engine: str = "auto",
    options: RenderOptions | None = None,
    evaluation: EvaluationView | None = None,
    collapsed: Mapping[str, int] | None = None,
    **choices: Any,
) -> Drawing:
    """Everything of a drawing that reads the map (see ``render``), Graphviz not yet run."""
    fmt = output_format(format=format)
    if options is None:
        options = RenderOptions(**choices)
    from . import _backend  # Graphviz machinery loads on the first drawing, not on import

    chosen = _backend.choose_engine(fmt, engine)
    if chosen == "wasm" and options.html_labels:
        options = dataclasses.replace(options, html_labels=False)  # that build lacks them
    return Drawing(sketch(themap, options, evaluation, collapsed), fmt, chosen)


def render(
    themap: ArgumentMap,
    format: str = "svg",
    *,
    engine: str = "auto",
    options: RenderOptions | None = None,
    evaluation: EvaluationView | None = None,
    collapsed: Mapping[str, int] | None = None,
    cache: MutableMapping[tuple[str, str, str], bytes] | None = None,
    **choices: Any,
) -> bytes:
    """Draw the map; ``choices`` are fields of RenderOptions (direction, legend, width …).

    ``evaluation`` (from ``argmap.evaluate``) is drawn too: statuses and tests' outcomes.
    ``collapsed``: statements whose subtree the drawing leaves out, and how many it hides.
    ``cache``: drawings by their ``Drawing.key``, used and filled, the latest last: the
    same map drawn the same way again (an undo, a toggle back) needs no Graphviz run. The
    caller bounds it.
    """
    drawing = prepare(
        themap,
        format,
        engine=engine,
        options=options,
        evaluation=evaluation,
        collapsed=collapsed,
        **choices,
    )
    return drawing.made(cache)


def export(
    themap: ArgumentMap,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    engine: str = "auto",
    evaluation: EvaluationView | None = None,
    **choices: Any,
) -> Path:
    """Write the diagram to a file, format by name or by the file's ending.

    The file is written only once the drawing has succeeded: an existing file is never
    left half-written or replaced by a failed drawing.
    """
    fmt = output_format(path, format)
    data = render(themap, fmt, engine=engine, evaluation=evaluation, **choices)
    return write_atomic(path, data)
