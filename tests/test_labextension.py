"""The JupyterLab extension's own checks: its TypeScript unit tests and what it declares."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import argmap

LABEXTENSION = Path(__file__).parent.parent / "extension" / "labextension"


def test_the_front_end_unit_tests_pass():
    """`npm test` in extension/labextension: node's test runner on src/edits.ts.

    node_modules comes from installing the package (pip runs npm install there)."""
    assert (LABEXTENSION / "node_modules").is_dir(), "install the package first: make test does"
    npm = shutil.which("npm")
    assert npm, "npm is needed: scripts/ensure-system-deps nodejs npm"
    result = subprocess.run(
        [npm, "test"], cwd=LABEXTENSION, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "# fail 0" in result.stdout


def test_the_new_map_template_is_a_valid_two_party_map_as_argmap_writes_it():
    path = LABEXTENSION / "src" / "template.argmap.json"
    themap = argmap.load(path)
    assert [p.role for p in themap.parties] == ["plaintiff", "defendant"]
    assert themap.dumps() == path.read_text("utf-8")


def test_the_mime_types_agree_with_the_python_side():
    from argmap._map import MIME_TYPE
    from argmap.widgets.view import FALLBACK_MIME

    source = (LABEXTENSION / "src" / "mime.ts").read_text("utf-8")
    assert f"const MIME_TYPE = '{MIME_TYPE}';" in source
    assert f"const FALLBACK_MIME = '{FALLBACK_MIME}';" in source


def test_the_document_draws_with_the_views_module_not_a_copy():
    source = (LABEXTENSION / "src" / "drawing.ts").read_text("utf-8")
    assert "from '../../argmap/widgets/static/view.js'" in source
    package = json.loads((LABEXTENSION / "package.json").read_text("utf-8"))
    assert package["jupyterlab"]["outputDir"] == "prebuilt"
