"""A real Jupyter Server on 127.0.0.1, started as a user starts it, with a token."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import jupyter_port


@dataclass
class Server:
    """A running Jupyter Server: where it listens and its token."""

    url: str
    token: str

    def post(
        self, path: str, body: bytes, *, token: bool = True, query: str = ""
    ) -> tuple[int, dict[str, object]]:
        """POST ``body`` and return the status and the JSON answer."""
        request = urllib.request.Request(
            f"{self.url}{path}{'?' + query if query else ''}", data=body, method="POST"
        )
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"token {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            text = error.read()
            return error.code, json.loads(text) if text.strip().startswith(b"{") else {}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``jupyter server`` from this environment: extensions enabled by their config files."""
    base = tmp_path_factory.mktemp("server")
    token = secrets.token_hex(16)
    log = (base / "server.log").open("w")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyter"),
            "server",
            "--no-browser",
            "--allow-root",
            "--port=0",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={base}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(base / "config"),
            "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        },
    )
    port = jupyter_port(process, base / "runtime", base / "server.log")
    try:
        yield Server(f"http://127.0.0.1:{port}", token)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
