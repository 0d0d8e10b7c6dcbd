"""The Jupyter Server extension: draws maps for JupyterLab's documents, without a kernel.

Enabled on install by ``etc/jupyter/jupyter_server_config.d/jupyter_argmap.json``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["_jupyter_server_extension_points", "_load_jupyter_server_extension"]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "argmap.server"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from jupyter_server.utils import url_path_join

    from .handlers import RenderHandler

    base = serverapp.web_app.settings["base_url"]
    serverapp.web_app.add_handlers(
        ".*$", [(url_path_join(base, "argmap", "render"), RenderHandler)]
    )
    serverapp.log.info("argmap: drawing maps at %s", url_path_join(base, "argmap", "render"))
