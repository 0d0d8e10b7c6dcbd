"""The package as released: one version number, the licence, the project's links."""

from __future__ import annotations

import json
from importlib.metadata import metadata
from pathlib import Path

import argmap

ROOT = Path(__file__).parent.parent
PACKAGE_JSON = ROOT / "extension" / "labextension" / "package.json"


def test_one_version_number():
    """package.json holds it; the wheel's metadata and argmap.__version__ read it."""
    version = json.loads(PACKAGE_JSON.read_text("utf-8"))["version"]
    assert argmap.__version__ == metadata("jupyter-argmap")["Version"] == version


def test_mit_licence_and_links():
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License") and "2026 jupyter-argmap developers" in licence
    meta = metadata("jupyter-argmap")
    assert meta["License-Expression"] == "MIT"
    urls = dict(url.split(", ", 1) for url in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    assert (ROOT / "CHANGELOG.md").read_text("utf-8").startswith("# Changelog")
