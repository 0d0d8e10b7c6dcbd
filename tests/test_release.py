"""The package as released: one version number, the licence, the project's links."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from importlib.metadata import metadata
from pathlib import Path

import pytest

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


@pytest.mark.slow
def test_the_sdist_builds_a_wheel_with_the_labextension_and_the_server_config(tmp_path):
    """`python -m build`: the sdist has the TypeScript sources (no node_modules, no build);
    the wheel, built from it, has the prebuilt labextension and the server's config."""
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=1500,
    )
    version = json.loads(PACKAGE_JSON.read_text("utf-8"))["version"]
    (sdist,) = tmp_path.glob(f"jupyter_argmap-{version}.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "extension/labextension/src/plugin.ts", "extension/argmap/cli.py"} <= names
    assert not any("node_modules" in name or "/prebuilt/" in name for name in names)

    (wheel,) = tmp_path.glob(f"jupyter_argmap-{version}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        data = f"jupyter_argmap-{version}.data/data"
        lab = f"{data}/share/jupyter/labextensions/jupyter-argmap"
        shipped = json.loads(archive.read(f"{lab}/package.json"))
        config = json.loads(
            archive.read(f"{data}/etc/jupyter/jupyter_server_config.d/jupyter_argmap.json")
        )
    assert shipped["name"] == "jupyter-argmap" and shipped["version"] == version
    assert any(name.startswith(f"{lab}/static/remoteEntry.") for name in names)
    assert f"{lab}/install.json" in names
    assert config == {"ServerApp": {"jpserver_extensions": {"argmap.server": True}}}
    assert {"argmap/server/handlers.py", "argmap/widgets/static/view.js"} <= names
    assert f"jupyter_argmap-{version}.dist-info/licenses/LICENSE" in names
