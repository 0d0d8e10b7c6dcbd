"""The example notebooks run top to bottom against a real kernel and show the diagram."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))


def test_examples_exist_and_are_committed_without_outputs():
    assert {p.name for p in NOTEBOOKS} >= {"parler_v_aws.ipynb", "build_your_own.ipynb"}
    for path in NOTEBOOKS:
        notebook = json.loads(path.read_text("utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


def run(path: Path, workdir: Path) -> nbformat.NotebookNode:
    copy = workdir / path.name
    shutil.copy(path, copy)
    notebook = nbformat.read(copy, as_version=4)
    NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    ).execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


@pytest.mark.slow
@pytest.mark.graphviz
def test_the_parler_notebook(tmp_path):
    notebook = run(EXAMPLES / "parler_v_aws.ipynb", tmp_path)
    shown = outputs(notebook)
    assert not [o for o in shown if o.output_type == "error"]
    widgets = [o for o in shown if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widgets) >= 2  # the View and the Editor
    # Each widget's drawing as plain SVG, in an output of its own beside it
    copies = [o for o in shown if "application/vnd.argmap.fallback+json" in o.get("data", {})]
    assert len(copies) == len(widgets)
    svg = copies[0]["data"]["image/svg+xml"]
    for statement_id in ("P0", "A0", "F1a", "R"):
        assert f"statement&#45;{statement_id}" in svg or f"statement-{statement_id}" in svg
    text = "".join(o.get("text", "") for o in shown if o.output_type == "stream")
    assert "F1a  No evidence of conspiracy" in text and "rejects P1" in text
    assert "added reason P1, which supports P0" in text
    assert "Preliminary injunction (Winter v. NRDC, 2008): DENIED" in text
    assert len(widgets) >= 3  # and the evaluated View
    assert (tmp_path / "parler_v_aws.svg").exists() and (tmp_path / "parler_v_aws.pdf").exists()
    assert text.rstrip().endswith("True")


@pytest.mark.slow
@pytest.mark.graphviz
def test_the_template_notebook_runs_twice(tmp_path):
    for _ in range(2):  # the second run carries on from the saved file
        notebook = run(EXAMPLES / "build_your_own.ipynb", tmp_path)
        assert not [o for o in outputs(notebook) if o.output_type == "error"]
    assert (tmp_path / "my_map.argmap.json").exists() and (tmp_path / "my_map.svg").exists()
