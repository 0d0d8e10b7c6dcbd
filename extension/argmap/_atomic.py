"""Write a file all at once: a crash or an error never leaves half a file behind.

A writer killed mid-write (``kill -9``) leaves its hidden temporary file; the next write of
the same file removes such leftovers once they are clearly stale.
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    The rename is atomic on POSIX and Windows: readers see the old file or the new one,
    never a mixture. An existing file keeps its permission bits; through a symbolic link,
    the file it points to is written and the link stays.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> write_atomic(target, b"hello").read_bytes()
    b'hello'
    """
    target = Path(path)
    if target.is_symlink():
        # Write the file the link points to: replacing the link itself would leave the real
        # file unchanged and turn the link into a copy.
        target = target.resolve()
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sweep(target)
    return target


#: A temporary file beside a target older than this was left by a writer that was killed
#: (a save takes well under a second); a younger one may be another writer's, at work.
STALE_SECONDS = 15 * 60


def _sweep(target: Path) -> None:
    """Remove temporary files that killed writers left beside ``target``.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> old, new = folder / ".m.json.abc.tmp", folder / ".m.json.def.tmp"
    >>> _ = old.write_bytes(b"half"), new.write_bytes(b"half")
    >>> os.utime(old, (0, 0))
    >>> _ = write_atomic(folder / "m.json", b"{}")
    >>> old.exists(), new.exists()
    (False, True)
    """
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            if now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: it does no harm where it is
