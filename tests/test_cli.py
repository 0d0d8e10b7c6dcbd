"""The argmap command, run as a user runs it: a real process, real files, real Graphviz."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import DATA, EXAMPLE
from .test_release import PACKAGE_JSON


def argmap_cmd(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_help_explains_every_command():
    result = argmap_cmd("--help")
    assert result.returncode == 0
    for command in ("render", "validate", "convert", "example"):
        assert command in result.stdout


def test_version_names_the_engine():
    result = argmap_cmd("--version")
    assert result.returncode == 0
    version = json.loads(PACKAGE_JSON.read_text("utf-8"))["version"]
    assert result.stdout.startswith(f"argmap {version}\ngraphviz: ")


@pytest.mark.graphviz
@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf", ".dot", ".json"])
def test_render_by_suffix(tmp_path, suffix):
    out = tmp_path / f"parler{suffix}"
    result = argmap_cmd("render", EXAMPLE, "-o", out, "--legend")
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000


def test_render_to_standard_output_is_svg():
    result = argmap_cmd("render", DATA / "small.argmap.json")
    assert result.returncode == 0, result.stderr
    assert "<svg" in result.stdout and "Teenagers sleep later." in result.stdout


def test_validate_reports_ok_and_every_problem():
    good = argmap_cmd("validate", EXAMPLE)
    assert good.returncode == 0
    assert good.stdout.strip() == (
        f"{EXAMPLE}: ok (3 parties, 22 statements, 37 relations, 1 legal test)"
    )
    bad = argmap_cmd("validate", DATA / "bad" / "dangling.argmap.json", EXAMPLE)
    assert bad.returncode == 1
    lines = bad.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("argmap: error: ") for line in lines)
    assert "Traceback" not in bad.stderr
    assert "ok" in bad.stdout


def test_invalid_input_exits_1_without_traceback_and_keeps_the_output(tmp_path):
    out = tmp_path / "out.svg"
    out.write_text("previous drawing")
    result = argmap_cmd("render", DATA / "bad" / "malformed.argmap.json", "-o", out)
    assert result.returncode == 1
    assert result.stderr.startswith("argmap: error: ") and "line 5, column 3" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_text() == "previous drawing"


@pytest.mark.parametrize(
    "args",
    [("render",), ("frobnicate",), ("render", "x.json", "--format", "gif"), ()],
)
def test_usage_errors_exit_2(args):
    result = argmap_cmd(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage: argmap" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("render", "missing.argmap.json"), "cannot read the file"),
        (
            ("render", EXAMPLE, "-o", "picture.gif"),
            "cannot tell the output format of 'picture.gif'",
        ),
        (("render", EXAMPLE, "-o", "/nonexistent/dir/x.svg"), "No such file or directory"),
        (("render", EXAMPLE, "--width", "2"), "width must be from 8 to 200"),
        (("convert", EXAMPLE, "out.yaml"), "cannot tell the format of 'out.yaml'"),
    ],
)
def test_user_mistakes_get_one_line(tmp_path, args, message):
    result = argmap_cmd(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_convert_round_trips(tmp_path):
    out = tmp_path / "copy.argmap.json"
    result = argmap_cmd("convert", EXAMPLE, out)
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8") == EXAMPLE.read_text("utf-8")


def test_example_lists_and_writes(tmp_path):
    listed = argmap_cmd("example")
    assert listed.stdout.startswith("parler-v-aws: Parler v. Amazon Web Services")
    out = tmp_path / "mine.argmap.json"
    assert argmap_cmd("example", "parler-v-aws", "-o", out).returncode == 0
    assert json.loads(out.read_text("utf-8"))["argmap"] == 1


def test_a_drawing_never_replaces_a_map(tmp_path):
    themap = tmp_path / "m.argmap.json"
    original = EXAMPLE.read_bytes()
    themap.write_bytes(original)
    for extra in ((), ("--format", "json"), ("--format", "svg")):
        result = argmap_cmd("render", themap, "-o", themap, *extra)
        assert result.returncode != 0 and "would replace the map" in result.stderr
        assert "Traceback" not in result.stderr
        assert themap.read_bytes() == original
    layout = tmp_path / "m.layout.json"
    assert argmap_cmd("render", themap, "-o", layout).returncode == 0
    assert json.loads(layout.read_text("utf-8"))["name"] == "argmap"


def test_a_drawing_never_replaces_the_map_it_draws_whatever_its_name(tmp_path):
    themap = tmp_path / "m.json"
    themap.write_bytes(EXAMPLE.read_bytes())
    result = argmap_cmd("render", themap, "-o", themap)
    assert result.returncode == 1 and "that is the map being drawn" in result.stderr
    assert themap.read_bytes() == EXAMPLE.read_bytes()
