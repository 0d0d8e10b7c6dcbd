"""A real JupyterLab server on 127.0.0.1 and Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import copy_tracked, jupyter_port

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLES = Path(__file__).parent.parent.parent / "examples"
# Screenshots for a person to look at (every run, and of each failure); ignored by git.
ARTIFACTS = Path(__file__).parent / "artifacts"
# As the workplace's Chromium needs it: no sandbox as root, no GPU, no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Lab:
    """A running JupyterLab: where it listens, its token and the folder it serves."""

    url: str
    token: str
    root: Path

    def notebook(self, name: str, workspace: str) -> str:
        """The address of a notebook in a fresh, empty workspace."""
        return f"{self.url}/lab/workspaces/{workspace}/tree/{name}?token={self.token}&reset"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab serving a copy of examples/ with a token, stopped after the module.

    Only the files git tracks are copied (a map an earlier run saved must not be there), and
    the server picks its own free port (--port=0) and says which in its runtime file: no port
    is probed and released for another process to take first.
    """
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    root.mkdir()
    copy_tracked(EXAMPLES, root)
    # The settings binder/postBuild writes for a Binder session: no pop-ups, kernel starts.
    for extension, name, values in (
        ("apputils-extension", "notification", {"fetchNews": "false", "checkForUpdates": False}),
        ("notebook-extension", "tracker", {"autoStartDefaultKernel": True}),
    ):
        folder = base / "settings" / "@jupyterlab" / extension
        folder.mkdir(parents=True)
        (folder / f"{name}.jupyterlab-settings").write_text(json.dumps(values))
    token = secrets.token_hex(16)
    runtime = base / "runtime"
    environ = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(base / "settings"),
        "JUPYTER_RUNTIME_DIR": str(runtime),
    }
    log = (base / "server.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyter"),
            "lab",
            "--no-browser",
            "--allow-root",
            "--port=0",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.workspaces_dir={base / 'workspaces'}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=environ,
    )
    port = jupyter_port(server, runtime, base / "server.log")
    try:
        yield Lab(f"http://127.0.0.1:{port}", token, root)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless (Playwright cannot download a browser here)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "install Chromium: apt-get install chromium (.ci/run does)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request) -> Iterator[object]:
    """A new browser tab that accepts downloads; shows JupyterLab at 1500 x 1000."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(120_000)
    ARTIFACTS.mkdir(exist_ok=True)
    yield tab
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        shoot(tab, f"failed-{request.node.name}")
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so a failing test leaves a screenshot."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def shoot(page, name: str) -> Path:
    """Save a screenshot under tests/browser/artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def wait_for_kernel(page) -> None:
    """Wait until the notebook's kernel has started and is idle (the status bar says so)."""
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()


def run_all_cells(page) -> None:
    """Run > Run All Cells, through JupyterLab's menu as a user would, once the kernel is up."""
    wait_for_kernel(page)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
