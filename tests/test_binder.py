"""Binder: the badge, the build repo2docker plans, and the build replayed in a fresh venv."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import copy_tracked

ROOT = Path(__file__).parent.parent
BINDER = ROOT / "binder"


def test_the_badge_opens_an_existing_notebook_in_jupyterlab():
    readme = (ROOT / "README.md").read_text("utf-8")
    links = re.findall(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    assert links, "no Binder badge in the README"
    for link in links:
        query = parse_qs(urlsplit(link).query)
        urlpath = query["urlpath"][0]
        assert urlpath.startswith("lab/tree/")
        assert (ROOT / urlpath.removeprefix("lab/tree/")).is_file(), urlpath


def test_binder_files():
    assert "graphviz" in (BINDER / "apt.txt").read_text().split()
    requirements = [
        line.strip()
        for line in (BINDER / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert "." in requirements and any(r.startswith("jupyterlab") for r in requirements)
    assert os.access(BINDER / "postBuild", os.X_OK)


@pytest.mark.slow
def test_repo2docker_plans_graphviz_the_requirements_and_postbuild():
    repo2docker = Path(sys.executable).parent / "repo2docker"
    result = subprocess.run(
        [str(repo2docker), "--no-build", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    plan = result.stdout + result.stderr
    assert result.returncode == 0, plan[-2000:]
    assert re.search(r"apt-get install --yes --no-install-recommends [^\n]*graphviz", plan)
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in plan
    assert "RUN ./binder/postBuild" in plan


@pytest.mark.slow
@pytest.mark.graphviz
def test_the_binder_build_replayed(tmp_path):
    """What repo2docker does with binder/, in a fresh venv; then every example notebook runs."""
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    home = tmp_path / "home"
    home.mkdir()
    environ = {**os.environ, "HOME": str(home), "PATH": f"{env_dir / 'bin'}:{os.environ['PATH']}"}
    environ.pop("PYTHONPATH", None)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt"],
        cwd=ROOT,
        env=environ,
        check=True,
        timeout=1200,
    )
    subprocess.run(["./binder/postBuild"], cwd=ROOT, env=environ, check=True, timeout=300)
    # Both halves of the JupyterLab extension, built and enabled by that install.
    for kind, name in (("labextension", "jupyter-argmap"), ("server extension", "argmap.server")):
        listed = subprocess.run(
            [str(env_dir / "bin" / "jupyter"), *kind.split(), "list"],
            env=environ,
            capture_output=True,
            text=True,
            timeout=120,
        )
        lines = (listed.stdout + listed.stderr).splitlines()
        line = next((text for text in lines if name in text), "")
        assert "enabled" in line, listed.stdout + listed.stderr
    assert (
        home
        / ".jupyter/lab/user-settings/@jupyterlab/apputils-extension"
        / "notification.jupyterlab-settings"
    ).exists()
    # The package pip built and installed (a wheel, not an editable install) draws from the shell.
    drawn = tmp_path / "parler.svg"
    subprocess.run(
        [
            str(env_dir / "bin" / "argmap"),
            "example",
            "parler-v-aws",
            "-o",
            str(tmp_path / "p.argmap.json"),
        ],
        env=environ,
        check=True,
        timeout=120,
        capture_output=True,
    )
    subprocess.run(
        [
            str(env_dir / "bin" / "argmap"),
            "render",
            str(tmp_path / "p.argmap.json"),
            "-o",
            str(drawn),
        ],
        env=environ,
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert drawn.read_bytes().startswith(b"<?xml") and b"Injunction denied" in drawn.read_bytes()
    installed = subprocess.run(
        [str(python), "-c", "import argmap; print(argmap.__file__)"],
        env=environ,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(env_dir) in installed  # its own copy, not this checkout
    work = tmp_path / "examples"
    work.mkdir()
    copy_tracked(ROOT / "examples", work)
    for notebook in sorted(work.glob("*.ipynb")):
        subprocess.run(
            [
                str(env_dir / "bin" / "jupyter"),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.timeout=300",
                "--output",
                f"{notebook.stem}.out",
                notebook.name,
            ],
            cwd=work,
            env=environ,
            check=True,
            timeout=600,
            capture_output=True,
        )
        executed = (work / f"{notebook.stem}.out.ipynb").read_text("utf-8")
        assert '"output_type": "error"' not in executed
        assert (
            "image/svg+xml" in executed and "application/vnd.jupyter.widget-view+json" in executed
        )
