"""The diagram as a live widget: redraws when the map changes, click a box to select it."""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from .._map import ArgumentMap
from ..evaluate import evaluate
from ..exceptions import ArgmapError
from ..model import ArgumentMap as Model
from ..model import Change
from ..render import RenderOptions, render

__all__ = ["View"]

STATIC = Path(__file__).parent / "static"


class View(anywidget.AnyWidget):
    """The map's diagram in a notebook, kept in step with the map.

    One synced SVG and one small JSON of ids and links make the whole view, so large maps
    stay fast. Selecting highlights in the browser without a new Graphviz layout; focus
    and the party filter draw the part of the map they show.
    """

    _esm = STATIC / "view.js"
    _css = STATIC / "view.css"

    svg = traitlets.Unicode("", help="the drawing, SVG made by Graphviz").tag(sync=True)
    graph = traitlets.Dict(
        help="parties, statements and links of the drawing, for the browser"
    ).tag(sync=True)
    selected = traitlets.Unicode("", help="id of the selected statement, or ''").tag(sync=True)
    focus = traitlets.Int(
        0, help="show only statements within this many links of focus_root; 0 shows all"
    ).tag(sync=True)
    focus_root = traitlets.Unicode(
        "", help="the statement focus is on ('' means the selected one)"
    ).tag(sync=True)
    hidden_parties = traitlets.List(
        traitlets.Unicode(), help="ids of parties whose statements are not shown"
    ).tag(sync=True)
    status = traitlets.Unicode("", help="a message shown under the diagram").tag(sync=True)
    height = traitlets.Unicode(
        "auto", help="CSS height of the drawing area; 'auto' fits the drawing to the width"
    ).tag(sync=True)

    def __init__(self, themap: ArgumentMap, *, options: RenderOptions | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.map = themap
        self.options = options or themap.options
        self.renders = 0  # Graphviz layouts made so far (tests and benchmarks read it)
        themap.observe(self._map_changed)
        self.observe(self._refresh_on, names=["focus", "focus_root", "hidden_parties"])
        self.observe(self._follow_selection, names=["selected"])
        self.refresh()

    @traitlets.validate("selected")
    def _valid_selection(self, proposal: dict[str, Any]) -> str:
        value = str(proposal["value"])
        if value and value not in self.map.statements:
            raise traitlets.TraitError(f"unknown statement: {value!r}")
        return value

    @traitlets.validate("focus")
    def _valid_focus(self, proposal: dict[str, Any]) -> int:
        value = int(proposal["value"])
        if value < 0:
            raise traitlets.TraitError(f"focus must be 0 or more links, not {value}")
        return value

    def visible(self) -> set[str]:
        """Ids of the statements the drawing shows, after focus and the party filter."""
        shown = {s.id for s in self.map.statements if s.party not in self.hidden_parties}
        root = self.focus_root or self.selected
        if self.focus and root in self.map.statements:
            shown &= self.map.neighbourhood(root, self.focus)
        return shown

    def refresh(self) -> None:
        """Draw the map again (Graphviz runs once); problems show in ``status``."""
        shown = self.visible()
        part = self.map if len(shown) == len(self.map.statements) else self.map.subset(shown)
        try:
            # Statuses come from the whole map, even when only a part of it is drawn.
            evaluation = evaluate(self.map) if self.options.evaluate else None
            svg = (
                render(part, "svg", options=self.options, evaluation=evaluation).decode("utf-8")
                if shown
                else ""
            )
        except ArgmapError as error:
            self.status = f"cannot draw the map: {error}"
            return
        self.renders += 1
        with self.hold_sync():
            self.svg = svg
            self.graph = _graph_data(part)
            if self.status.startswith("cannot draw"):
                self.status = ""

    def download(self, data: bytes, filename: str, mime: str) -> None:
        """Make the browser save ``data`` as a file (the view must be on screen)."""
        self.send({"type": "download", "filename": filename, "mime": mime}, [data])

    def _map_changed(self, change: Change) -> None:
        if self.selected and self.selected not in self.map.statements:
            self.selected = ""
        if self.focus_root and self.focus_root not in self.map.statements:
            self.focus_root = ""
        self.refresh()

    def _refresh_on(self, change: dict[str, Any]) -> None:
        self.refresh()

    def _follow_selection(self, change: dict[str, Any]) -> None:
        if self.focus and not self.focus_root:
            self.refresh()  # a focus that follows the selection must draw its new part

    def close(self) -> None:
        """Stop following the map and close the widget."""
        with contextlib.suppress(ValueError):  # already closed
            self.map.unobserve(self._map_changed)
        super().close()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        # Where widgets do not run (GitHub, nbviewer, a saved notebook), the drawing still shows.
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        if isinstance(data, dict) and self.svg:
            data["image/svg+xml"] = self.svg
        return bundle

    def with_options(self, **choices: Any) -> View:
        """Change drawing choices (direction, legend, width, max_lines, evaluate), draw again."""
        self.options = dataclasses.replace(self.options, **choices)
        self.refresh()
        return self


def _graph_data(themap: Model) -> dict[str, Any]:
    return {
        "parties": [{"id": p.id, "name": p.name, "role": p.role} for p in themap.parties],
        "nodes": {
            s.id: {"party": s.party, "kind": s.kind, "label": s.label} for s in themap.statements
        },
        "links": [[r.origin, r.target, r.kind] for r in themap.relations],
    }
