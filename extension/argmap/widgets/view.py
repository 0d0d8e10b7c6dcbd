"""The diagram as a live widget: redraws when the map changes, click a box to select it."""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from .. import _drawing
from .._map import ArgumentMap
from ..exceptions import ArgmapError
from ..model import Change
from ..render import DIRECTIONS, Drawing, RenderOptions, output_format

__all__ = ["FALLBACK_MIME", "View", "show"]

STATIC = Path(__file__).parent / "static"
#: Drawings a View keeps, by their DOT text: undo, redo and toggling back draw at once.
DRAWINGS_KEPT = 12
#: From this many statements on, Graphviz draws in a thread of its own, so that the kernel
#: runs other cells meanwhile (smaller maps draw in a blink, and their cells wait for it).
BACKGROUND_FROM = 300

#: Marks the output that carries a widget's drawing as a plain SVG, beside the widget itself.
#: Where widgets do not run (nbconvert's HTML, also of executed notebooks, nbviewer, GitHub)
#: the SVG shows; JupyterLab's argmap extension hides the output, as the widget shows there.
FALLBACK_MIME = "application/vnd.argmap.fallback+json"

#: The drawing choices the toolbar offers: trait name -> field of RenderOptions.
TOOLBAR_OPTIONS = {
    "direction": "direction",
    "legend": "legend",
    "evaluate": "evaluate",
    "show_title": "title",
}


class View(anywidget.AnyWidget):
    """The map's diagram in a notebook, kept in step with the map.

    One synced SVG and one small JSON of ids and links make the whole view, so large maps
    stay fast. Selecting highlights in the browser without a new Graphviz layout; focus,
    the party filter and folded subtrees draw the part of the map they show, and
    :meth:`drawing` gives exactly that part, with the same options, for downloads.
    """

    _esm = STATIC / "view.js"
    _css = STATIC / "view.css"

    svg = traitlets.Unicode("", help="the drawing, SVG made by Graphviz").tag(sync=True)
    graph = traitlets.Dict(
        help="parties, statements and links of the drawing, and the folded statements, "
        "for the browser"
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
    collapsed = traitlets.List(
        traitlets.Unicode(),
        help="ids of statements whose subtree (what argues for or against them) is folded away",
    ).tag(sync=True)
    direction = traitlets.Enum(
        DIRECTIONS, "BT", help="where arrows point: BT draws reasons below their claims"
    ).tag(sync=True)
    legend = traitlets.Bool(False, help="draw a key to the shapes and lines").tag(sync=True)
    evaluate = traitlets.Bool(
        False, help="show which statements stand and each legal test's outcome"
    ).tag(sync=True)
    show_title = traitlets.Bool(True, help="draw the map's title above the diagram").tag(sync=True)
    status = traitlets.Unicode("", help="a message shown under the diagram").tag(sync=True)
    busy = traitlets.Bool(
        False, help="Graphviz is drawing a newer state of the map (the browser says so)"
    ).tag(sync=True)
    height = traitlets.Unicode(
        "auto",
        help="CSS height of the drawing area; 'auto' follows the drawing, up to most of the screen",
    ).tag(sync=True)

    def __init__(self, themap: ArgumentMap, *, options: RenderOptions | None = None, **kwargs: Any):
        # Validators read the map, and traits given here are validated during __init__.
        self.map = themap
        self._options = options or themap.options
        self._paused = False
        self._drawings: dict[tuple[str, str, str], bytes] = {}
        self._fallbacks: list[Any] = []  # IPython display handles of the static drawings
        # The background drawing: the latest state waiting to be drawn (older ones are
        # dropped: only the last state matters), and whether a thread is drawing.
        self._lock = threading.Lock()
        self._waiting: tuple[int, Drawing, dict[str, Any]] | None = None
        self._state = 0  # counts refreshes: a drawing shows only if no newer state came
        self._idle = threading.Event()
        self._idle.set()
        choices = {trait: getattr(self._options, field) for trait, field in TOOLBAR_OPTIONS.items()}
        super().__init__(**{**choices, **kwargs})
        self.renders = 0  # Graphviz layouts made so far (tests and benchmarks read it)
        themap.observe(self._map_changed)
        self.observe(
            self._redraw,
            names=["focus", "focus_root", "hidden_parties", "collapsed", *TOOLBAR_OPTIONS],
        )
        self.observe(self._follow_selection, names=["selected"])
        self.refresh()

    @property
    def options(self) -> RenderOptions:
        """The drawing choices in use: the toolbar's (direction, legend, statuses, title) and
        the rest (width, max_lines, html_labels) as given. Setting it draws once."""
        toolbar = {field: getattr(self, trait) for trait, field in TOOLBAR_OPTIONS.items()}
        return dataclasses.replace(self._options, **toolbar)

    @options.setter
    def options(self, value: RenderOptions) -> None:
        with self._one_drawing():
            self._options = value
            for trait, field in TOOLBAR_OPTIONS.items():
                setattr(self, trait, getattr(value, field))

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

    @traitlets.validate("collapsed")
    def _valid_collapsed(self, proposal: dict[str, Any]) -> list[str]:
        value = list(dict.fromkeys(str(v) for v in proposal["value"]))
        for statement_id in value:
            if statement_id not in self.map.statements:
                raise traitlets.TraitError(f"unknown statement: {statement_id!r}")
        return value

    def visible(self) -> set[str]:
        """Ids of the statements the drawing shows, after focus, party filter and folds."""
        return self._shown()[0]

    def _shown(self) -> tuple[set[str], dict[str, set[str]]]:
        """What the drawing shows, and each fold's statements that it leaves out."""
        return _drawing.shown(
            self.map,
            hidden_parties=self.hidden_parties,
            focus=self.focus,
            root=self.focus_root or self.selected,
            collapsed=self.collapsed,
        )

    def drawing(self, fmt: str = "svg") -> bytes:
        """The diagram as on screen, as svg, png, pdf or dot: the same options, focus, party
        filter and folds. The screen (``refresh``) and the Editor's downloads draw with it."""
        return self._draw(output_format(format=fmt), *self._shown())

    def _draw(self, fmt: str, shown: set[str], folds: dict[str, set[str]]) -> bytes:
        drawing = _drawing.prepare(self.map, fmt, self.options, shown, folds)
        drawn = self._kept(drawing)
        return drawn if drawn is not None else self._keep(drawing, drawing.run())

    def _kept(self, drawing: Drawing) -> bytes | None:
        """A drawing made before, now the most recently used; else None."""
        with self._lock:
            drawn = self._drawings.pop(drawing.key, None)
            if drawn is not None:
                self._drawings[drawing.key] = drawn
            return drawn

    def _keep(self, drawing: Drawing, drawn: bytes) -> bytes:
        with self._lock:
            self._drawings[drawing.key] = drawn
            while len(self._drawings) > DRAWINGS_KEPT:
                del self._drawings[next(iter(self._drawings))]  # the least recently used
        return drawn

    def refresh(self) -> None:
        """Draw the map again; problems show in ``status``.

        A drawing made before (an undo, a toggle back) shows at once. Otherwise Graphviz
        runs once: on a map of ``BACKGROUND_FROM`` statements or more in a thread of its
        own, while ``busy`` is true and the browser says it is drawing; changes made
        meanwhile are drawn together afterwards. ``wait()`` waits for it.
        """
        shown, folds = self._shown()
        graph = _drawing.graph_data(self.map, shown, folds)
        with self._lock:
            self._state += 1
            state = self._state
            self._waiting = None  # this state is newer than any still waiting
        if not shown:
            self._show("", graph)
            return
        try:
            drawing = _drawing.prepare(self.map, "svg", self.options, shown, folds)
            drawn = self._kept(drawing)
            if drawn is None and len(shown) >= BACKGROUND_FROM:
                self._in_background(state, drawing, graph)
                return
            if drawn is None:
                drawn = self._keep(drawing, drawing.run())
                self.renders += 1
        except ArgmapError as error:
            self.status = f"cannot draw the map: {error}"
            return
        self._show(drawn.decode("utf-8"), graph)

    def _show(self, svg: str, graph: dict[str, Any]) -> None:
        with self.hold_sync():
            self.svg = svg
            self.graph = graph
            if self.status.startswith("cannot draw"):
                self.status = ""
        for handle in self._fallbacks:
            handle.update(self._fallback(), raw=True)

    def _in_background(self, state: int, drawing: Drawing, graph: dict[str, Any]) -> None:
        with self._lock:
            self._waiting = (state, drawing, graph)
            if not self._idle.is_set():
                return  # the thread drawing now takes this one next
            self._idle.clear()
        self.busy = True
        threading.Thread(target=self._draw_waiting, name="argmap-view", daemon=True).start()

    def _draw_waiting(self) -> None:
        """The drawing thread: draw the latest waiting state until none is left."""
        while True:
            with self._lock:
                waiting, self._waiting = self._waiting, None
                if waiting is None:
                    self.busy = False
                    self._idle.set()
                    return
            state, drawing, graph = waiting
            try:
                svg = self._keep(drawing, drawing.run()).decode("utf-8")
            except ArgmapError as error:
                self.status = f"cannot draw the map: {error}"
                continue
            except Exception as error:  # a thread must not die silently
                self.status = f"cannot draw the map: {type(error).__name__}: {error}"
                continue
            self.renders += 1
            with self._lock:
                latest = state == self._state
            if latest:  # else a newer state is drawn next, or has shown already
                self._show(svg, graph)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the drawing shows the map as it is now; False if ``timeout`` (seconds)
        passed first. Only large maps draw in the background (see ``refresh``)."""
        return self._idle.wait(timeout)

    def download(self, data: bytes, filename: str, mime: str) -> None:
        """Make the browser save ``data`` as a file (the view must be on screen)."""
        self.send({"type": "download", "filename": filename, "mime": mime}, [data])

    @contextlib.contextmanager
    def _one_drawing(self) -> Iterator[None]:
        """Change several traits inside, then draw once (not once a trait)."""
        paused, self._paused = self._paused, True
        try:
            yield
        finally:
            self._paused = paused
        if not paused:
            self.refresh()

    def _map_changed(self, change: Change) -> None:
        with self._one_drawing():
            if self.selected and self.selected not in self.map.statements:
                self.selected = ""
            if self.focus_root and self.focus_root not in self.map.statements:
                self.focus_root = ""
            self.collapsed = [c for c in self.collapsed if c in self.map.statements]

    def _redraw(self, change: dict[str, Any]) -> None:
        if not self._paused:
            self.refresh()

    def _follow_selection(self, change: dict[str, Any]) -> None:
        if self.focus and not self.focus_root:
            self._redraw(change)  # a focus that follows the selection must draw its new part

    def close(self) -> None:
        """Stop following the map and close the widget."""
        with contextlib.suppress(ValueError):  # already closed
            self.map.unobserve(self._map_changed)
        super().close()

    def _ipython_display_(self, **kwargs: Any) -> None:
        show(self, self)

    def _fallback(self) -> dict[str, Any]:
        """The static output beside the widget: the drawing, for where widgets do not run."""
        bundle: dict[str, Any] = {
            FALLBACK_MIME: {},
            "text/plain": self.status or f"argument map: {self.map.title or 'untitled'}",
        }
        if self.svg:
            bundle["image/svg+xml"] = self.svg
        return bundle

    def with_options(self, **choices: Any) -> View:
        """Change drawing choices (direction, legend, width, max_lines, evaluate, title), draw
        again once."""
        self.options = dataclasses.replace(self.options, **choices)
        return self


def show(widget: Any, view: View) -> None:
    """Display ``widget`` and, as an output of its own, ``view``'s drawing as a plain SVG.

    One output cannot do both: nbconvert shows a widget's output as the widget whenever the
    notebook holds widget state (as ``nbconvert --execute`` stores it), which needs scripts
    from the network; the separate output keeps the drawing offline. It follows the map.
    """
    from IPython.display import display

    shown = widget._repr_mimebundle_() or {}
    data, metadata = shown if isinstance(shown, tuple) else (shown, {})
    # A line saying what it is, not ipywidgets' repr of every child.
    data = {**data, "text/plain": f"{type(widget).__name__} of {view.map.title or 'untitled'}"}
    display(data, metadata=metadata, raw=True)  # type: ignore[no-untyped-call]
    handle = display(view._fallback(), raw=True, display_id=True)  # type: ignore[no-untyped-call]
    view._fallbacks.append(handle)
