"""POST /argmap/render on a real Jupyter Server: drawings, problems, auth and size limits."""

from __future__ import annotations

import subprocess
import sys

import pytest
from defusedxml import ElementTree

from argmap.server.handlers import MAX_BODY, answer

from ..conftest import DATA, EXAMPLE

RENDER = "/argmap/render"


@pytest.mark.graphviz
def test_a_good_map_comes_back_as_svg_and_graph(server):
    status, result = server.post(RENDER, EXAMPLE.read_bytes())
    assert status == 200, result
    assert ElementTree.fromstring(result["svg"]).tag.endswith("svg")
    assert 'id="statement&#45;P0"' in result["svg"]
    graph = result["graph"]
    assert {"parties", "nodes", "links", "folded"} <= set(graph)
    assert graph["nodes"]["A0"]["title"] == "Not about free speech"
    assert result["title"]


@pytest.mark.graphviz
def test_query_arguments_choose_what_is_drawn(server):
    status, result = server.post(
        RENDER, EXAMPLE.read_bytes(), query="collapsed=P0&hidden=aws&direction=LR&legend=true"
    )
    assert status == 200, result
    nodes = result["graph"]["nodes"]
    assert "P0" in nodes and "P1" not in nodes and "A0" not in nodes
    assert "P1" in result["graph"]["folded"]


def test_an_invalid_map_gets_400_with_the_problems_argmap_validate_prints(server):
    path = DATA / "bad" / "dangling.argmap.json"
    status, result = server.post(RENDER, path.read_bytes(), query=f"file={path}")
    assert status == 400
    printed = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(path)], capture_output=True, text=True
    ).stderr.splitlines()
    assert result["problems"] == [line.removeprefix("argmap: error: ") for line in printed]
    assert len(result["problems"]) >= 3


@pytest.mark.parametrize("body", [b"{not json", b"", b"[]", b'{"argmap": 1}', b"\xff\xfe"])
def test_bad_json_gets_400_with_problems(server, body):
    status, result = server.post(RENDER, body)
    assert status == 400
    assert result["problems"] and all(isinstance(p, str) for p in result["problems"])


def test_no_token_gets_403(server):
    status, _ = server.post(RENDER, EXAMPLE.read_bytes(), token=False)
    assert status == 403


def test_a_body_over_the_limit_gets_413(server):
    status, result = server.post(RENDER, b" " * (10 * 1024 * 1024))
    assert status == 413
    assert f"{MAX_BODY:,}" in str(result.get("message", ""))


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({"direction": ["XY"]}, "unknown direction: 'XY'"),
        ({"legend": ["maybe"]}, "legend must be true or false"),
        ({"focus": ["-1"]}, "focus must be a whole number"),
    ],
)
def test_bad_query_arguments_are_named(query, says):
    status, result = answer(EXAMPLE.read_text("utf-8"), query)
    assert status == 400
    assert says in result["problems"][0]


def test_the_server_part_is_listed_enabled_and_ok():
    listed = subprocess.run(
        [sys.executable, "-m", "jupyter", "server", "extension", "list"],
        capture_output=True,
        text=True,
    )
    text = listed.stdout + listed.stderr
    assert "argmap.server" in text and "enabled" in text
    assert "argmap.server  \x1b[32mOK" in text or "argmap.server  OK" in text
