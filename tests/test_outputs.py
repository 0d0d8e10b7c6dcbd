"""What a notebook shows of maps, Views and Editors where no widget runs: nbconvert's HTML."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import argmap
from argmap._map import MIME_TYPE

CELLS = [
    "import argmap\nm = argmap.example()\nm",
    "argmap.View(m)",
    "argmap.Editor(m)",
    'm.add_statement("Z9", party="parler", kind="reason", text="A late reason.")',
]


def test_a_map_displays_its_own_type_svg_and_text(parler):
    bundle = parler._repr_mimebundle_()
    assert list(bundle) == [MIME_TYPE, "image/svg+xml", "text/plain"]
    assert argmap.loads(__import__("json").dumps(bundle[MIME_TYPE]["map"])) == parler
    assert bundle[MIME_TYPE]["options"] == {
        "direction": "BT",
        "legend": False,
        "evaluate": False,
        "title": True,
    }


def test_include_and_exclude_choose_the_types(parler):
    assert list(parler._repr_mimebundle_(include=["image/svg+xml"])) == ["image/svg+xml"]
    assert list(parler._repr_mimebundle_(exclude=["image/svg+xml"])) == [MIME_TYPE, "text/plain"]
    assert parler._repr_mimebundle_(include=[MIME_TYPE], exclude=[MIME_TYPE]) == {}


def _notebook(folder: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = folder / "maps.ipynb"
    nbformat.write(notebook, path)
    return path


def _nbconvert(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=600,
    )


def _drawings(html: str) -> list[str]:
    """The SVG images of the page's outputs, decoded."""
    return [
        base64.b64decode(data).decode("utf-8")
        for data in re.findall(r'<img [^>]*src="data:image/svg\+xml;base64,([^"]+)"', html)
    ]


@pytest.mark.slow
@pytest.mark.graphviz
@pytest.mark.parametrize("how", ["--execute to html", "execute, then to html"])
def test_nbconvert_html_shows_every_diagram_without_widgets(tmp_path, how):
    """The map, the View and the Editor each show a drawing as a plain image, with no script
    needed; the View's and the Editor's follow the map to its last change (Z9)."""
    notebook = _notebook(tmp_path)
    if how == "--execute to html":
        _nbconvert("--to", "html", "--execute", notebook.name, "--output", "page", cwd=tmp_path)
    else:
        _nbconvert("--to", "notebook", "--execute", notebook.name, "--output", "run", cwd=tmp_path)
        assert "application/vnd.jupyter.widget-state+json" in (tmp_path / "run.ipynb").read_text()
        _nbconvert("--to", "html", "run.ipynb", "--output", "page", cwd=tmp_path)
    html = (tmp_path / "page.html").read_text("utf-8")
    drawings = _drawings(html)
    assert len(drawings) == 3
    assert all("statement&#45;P0" in svg for svg in drawings)
    assert ["statement&#45;Z9" in svg for svg in drawings] == [False, True, True]
    assert "Editor(children" not in html and "View(" not in html
