"""Atomic writes: a reader sees the old file or the new, the file keeps its mode, no litter."""

from __future__ import annotations

import os
import stat

import pytest

from argmap._atomic import write_atomic


def test_a_reader_of_the_old_file_keeps_reading_the_old_file(tmp_path):
    """The new content goes to a new file renamed over the old one, never into the old one."""
    target = tmp_path / "m.argmap.json"
    target.write_bytes(b"old content")
    before = target.stat().st_ino
    with target.open("rb") as reader:
        write_atomic(target, b"new content, longer than the old")
        assert reader.read() == b"old content"
    assert target.read_bytes() == b"new content, longer than the old"
    assert target.stat().st_ino != before


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o664, 0o755])
def test_an_existing_file_keeps_its_permission_bits(tmp_path, mode):
    target = tmp_path / "m.argmap.json"
    target.write_bytes(b"{}")
    target.chmod(mode)
    write_atomic(target, b'{"title": "x"}')
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path, umask):
    """As open() would make it (0o666 less the umask), not mkstemp's private 0o600."""
    old = os.umask(umask)
    try:
        target = write_atomic(tmp_path / "new.argmap.json", b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "m.argmap.json"
    target.write_bytes(b"good")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["m.argmap.json"]


def test_writing_through_a_link_keeps_the_link_and_the_target_mode(tmp_path):
    real = tmp_path / "real.argmap.json"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.argmap.json"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_another_writers_fresh_temporary_file_is_left_alone(tmp_path):
    target = tmp_path / "m.argmap.json"
    busy = tmp_path / ".m.argmap.json.abc123.tmp"
    busy.write_bytes(b"half written by someone else")
    write_atomic(target, b"{}")
    assert busy.read_bytes() == b"half written by someone else"
