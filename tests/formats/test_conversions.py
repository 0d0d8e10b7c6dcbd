"""The command line converts the Parler map through every format, pair by pair, and draws it."""

from __future__ import annotations

import subprocess
import sys

from ..conftest import EXAMPLE


def argmap_cmd(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_convert_between_every_pair_of_formats_and_render(tmp_path):
    original = EXAMPLE.read_text("utf-8")
    chains = [
        ("a.argdown", "a.aif.json", "a.argmap.json"),  # json -> argdown -> aif -> json
        ("b.aif.json", "b.argdown", "b.argmap.json"),  # json -> aif -> argdown -> json
    ]
    for chain in chains:
        source = EXAMPLE
        for name in chain:
            target = tmp_path / name
            result = argmap_cmd("convert", source, target)
            assert result.returncode == 0, result.stderr
            notes = result.stderr.splitlines()
            if name.endswith(".aif.json"):  # what AIF cannot hold is said, not dropped
                assert len(notes) == 1 and notes[0].startswith("argmap: note: AIF has no place")
            else:
                assert notes == []
            source = target
        assert source.read_text("utf-8") == original

    for drawn in ("a.argdown", "b.aif.json"):
        result = argmap_cmd("render", tmp_path / drawn, "-o", tmp_path / f"{drawn}.svg")
        assert result.returncode == 0, result.stderr
        svg = (tmp_path / f"{drawn}.svg").read_text("utf-8")
        assert "<svg" in svg and "AWS had no right" in svg


def test_a_file_read_with_a_named_format(tmp_path):
    aif = tmp_path / "from-ova.json"  # OVA saves plain ".json": say what it is
    assert argmap_cmd("convert", EXAMPLE, aif, "--to", "aif").returncode == 0
    out = tmp_path / "back.argmap.json"
    result = argmap_cmd("convert", aif, out, "--from", "aif")
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8") == EXAMPLE.read_text("utf-8")


def test_a_bad_file_converts_to_nothing(tmp_path):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[a]: A.\n    => [b]: B.\n", "utf-8")
    out = tmp_path / "out.argmap.json"
    result = argmap_cmd("convert", bad, out)
    assert result.returncode == 1 and not out.exists()
    assert result.stderr == (
        f"argmap: error: {bad}: line 2, column 5: unknown relation symbol: '=>' "
        "(must be one of ['+', '-', '<+', '<-', '+>', '->', '><', '_', '<_', '_>'])\n"
    )
