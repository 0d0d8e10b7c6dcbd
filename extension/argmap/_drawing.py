"""What a front end needs to show a map: the part drawn, its SVG and the graph beside it.

The notebook's ``View`` and the server extension's document both draw through here, so a
map looks and behaves the same in a widget and in a JupyterLab document.
"""

from __future__ import annotations

from collections.abc import Collection, MutableMapping
from typing import Any

from .evaluate import evaluate
from .model import ArgumentMap
from .render import Drawing, RenderOptions
from .render import prepare as render_prepare

__all__ = ["draw", "graph_data", "prepare", "shown"]


def shown(
    themap: ArgumentMap,
    *,
    hidden_parties: Collection[str] = (),
    focus: int = 0,
    root: str = "",
    collapsed: Collection[str] = (),
) -> tuple[set[str], dict[str, set[str]]]:
    """The statements drawn, and each fold's statements that it leaves out.

    ``focus`` links around ``root`` (0: the whole map); folds of statements not drawn or
    not in the map are ignored.
    """
    drawn = {s.id for s in themap.statements if s.party not in hidden_parties}
    if focus and root in themap.statements:
        drawn &= themap.neighbourhood(root, focus)
    folds = {c: themap.subtree(c) & drawn for c in collapsed if c in drawn}
    return drawn.difference(*folds.values()), folds


def prepare(
    themap: ArgumentMap,
    fmt: str,
    options: RenderOptions,
    part: set[str],
    folds: dict[str, set[str]],
) -> Drawing:
    """The drawing of ``part`` of the map, folds marked with how many statements they hide,
    ready for Graphviz (``Drawing.run``, in any thread)."""
    drawn = themap if len(part) == len(themap.statements) else themap.subset(part)
    # Statuses come from the whole map, even when only a part of it is drawn.
    evaluation = evaluate(themap) if options.evaluate else None
    counts = {root: len(hidden) for root, hidden in folds.items()}
    return render_prepare(drawn, fmt, options=options, evaluation=evaluation, collapsed=counts)


def draw(
    themap: ArgumentMap,
    fmt: str,
    options: RenderOptions,
    part: set[str],
    folds: dict[str, set[str]],
    cache: MutableMapping[tuple[str, str, str], bytes] | None = None,
) -> bytes:
    """The drawing of ``part`` of the map (see ``prepare``), made or taken from ``cache``."""
    return prepare(themap, fmt, options, part, folds).made(cache)


def graph_data(themap: ArgumentMap, part: set[str], folds: dict[str, set[str]]) -> dict[str, Any]:
    """Parties, drawn statements and links; folded statements with the folds hiding them.

    Titles and texts go along so the browser can search without asking Python, and find a
    folded statement to unfold.
    """
    under: dict[str, list[str]] = {}
    for root, hidden in folds.items():
        for statement_id in hidden:
            under.setdefault(statement_id, []).append(root)

    def about(statement_id: str) -> dict[str, Any]:
        s = themap.statements[statement_id]
        return {
            "party": s.party,
            "kind": s.kind,
            "label": s.label,
            "title": s.title,
            "text": s.text,
        }

    order = themap.statements.keys()
    return {
        "parties": [{"id": p.id, "name": p.name, "role": p.role} for p in themap.parties],
        "nodes": {
            statement_id: about(statement_id) for statement_id in order if statement_id in part
        },
        "links": [
            [r.origin, r.target, r.kind]
            for r in themap.relations
            if r.origin in part and r.target in part
        ],
        "folded": {
            statement_id: {**about(statement_id), "under": roots}
            for statement_id in order
            if (roots := under.get(statement_id))
        },
    }
