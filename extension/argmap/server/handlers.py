"""``POST /argmap/render``: a map file's text in, its SVG and the graph the front end needs out.

The body is the text of an ``*.argmap.json`` file, as the document holds it; query arguments
choose what is drawn, as the View's traits do: ``file`` (the name problems are reported
under), ``direction``, ``legend``, ``evaluate``, ``title``, ``focus``, ``root``, ``hidden``
and ``collapsed`` (repeated for several ids). Answers, all JSON:

- 200 ``{"svg", "graph", "title"}``;
- 400 ``{"message", "problems"}`` for a map that breaks the rules, one problem a line as
  ``argmap validate`` prints them, or for a bad query argument;
- 413 for a body over :data:`MAX_BODY` bytes; 500 ``{"message", "problems"}`` when Graphviz
  cannot draw it.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import tornado.web
from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler

from .. import _drawing, formats
from ..exceptions import ArgmapError, ValidationError
from ..render import RenderOptions

__all__ = ["MAX_BODY", "RenderHandler", "answer"]

#: The largest map text drawn, in bytes: the Parler map is 30 kB; a map of 10,000 statements
#: is about 3 MB.
MAX_BODY = 5 * 1024 * 1024

_TRUTH = {"true": True, "1": True, "false": False, "0": False}


def _flag(value: str, name: str) -> bool:
    try:
        return _TRUTH[value.lower()]
    except KeyError:
        raise ValueError(f"{name} must be true or false, not {value!r}") from None


def _count(value: str, name: str) -> int:
    if not value.isdigit():
        raise ValueError(f"{name} must be a whole number of 0 or more, not {value!r}")
    return int(value)


def answer(text: str, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
    """The status and JSON answer for a map's text and the query's arguments."""
    file = (query.get("file") or ["map"])[-1]
    try:
        one = {name: values[-1] for name, values in query.items() if values}
        options = RenderOptions(
            direction=one.get("direction", "BT"),  # type: ignore[arg-type]  # checked by RenderOptions
            legend=_flag(one.get("legend", "false"), "legend"),
            evaluate=_flag(one.get("evaluate", "false"), "evaluate"),
            title=_flag(one.get("title", "true"), "title"),
        )
        focus = _count(one.get("focus", "0"), "focus")
    except ValueError as error:
        return 400, {"message": f"bad request: {error}", "problems": [str(error)]}
    try:
        themap = formats.loads(text, file=file)
    except ValidationError as error:
        problems = str(error).splitlines()
        return 400, {"message": f"{file} is not a valid argument map", "problems": problems}
    part, folds = _drawing.shown(
        themap,
        hidden_parties=query.get("hidden", []),
        focus=focus,
        root=one.get("root", ""),
        collapsed=query.get("collapsed", []),
    )
    try:
        svg = _drawing.draw(themap, "svg", options, part, folds).decode("utf-8") if part else ""
    except ArgmapError as error:
        return 500, {"message": f"cannot draw {file}", "problems": str(error).splitlines()}
    return 200, {
        "svg": svg,
        "graph": _drawing.graph_data(themap, part, folds),
        "title": themap.title,
    }


class RenderHandler(APIHandler):
    """Draws the POSTed map; the server's authentication, authorization and XSRF checks
    apply as usual. Drawing changes nothing on the server: the action is "read"."""

    auth_resource = "argmap"

    @tornado.web.authenticated
    @authorized("read")  # type: ignore[untyped-decorator]  # jupyter_server leaves it untyped
    async def post(self) -> None:
        body = self.request.body
        if len(body) > MAX_BODY:
            raise tornado.web.HTTPError(
                413, f"the map is {len(body):,} bytes; at most {MAX_BODY:,} are drawn"
            )
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            status, result = 400, {"message": "the map is not UTF-8", "problems": [str(error)]}
        else:
            query = {
                name: [v.decode("utf-8", "replace") for v in values]
                for name, values in self.request.query_arguments.items()
            }
            # Graphviz runs outside the server's event loop: other requests go on meanwhile.
            status, result = await asyncio.to_thread(answer, text, query)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(result))
