"""Which app sessions are running: an OS lock on a small file per session.

A recovery file left by a session that is still running (another window, another instance) is not
a crash's leftover and must not be offered. Process ids cannot tell: Windows offers no cheap check,
and after a crash the id may belong to an unrelated program (on macOS there is no ``/proc`` to ask).
The operating system can: a session holds an exclusive lock on ``SESSION.lock`` in the recovery
folder for as long as it lives, and the lock goes when the process ends, however it ends.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO


def _try_lock(fh: IO[bytes]) -> bool:
    """Take the exclusive lock on ``fh`` without waiting; False when another holder has it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def lock_file(folder: Path, session: str) -> Path:
    return folder / f"{session}.lock"


class SessionLock:
    """Held from the first recovery file a session writes until the process ends."""

    def __init__(self, folder: Path, session: str) -> None:
        self.path = lock_file(folder, session)
        self._fh: IO[bytes] | None = None

    def hold(self) -> None:
        if self._fh is not None:
            return
        fh = open(self.path, "a+b")
        if _try_lock(fh):
            self._fh = fh
        else:
            fh.close()

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self.path.unlink(missing_ok=True)


def held_elsewhere(folder: Path, session: str) -> bool:
    """Whether a live session other than this handle's holds ``session``'s lock. A lock file that
    nobody holds is a crashed session's: it is removed."""
    path = lock_file(folder, session)
    try:
        fh = open(path, "r+b")
    except OSError:
        return False  # no lock file: that session never held one, or ended and removed it
    with fh:
        free = _try_lock(fh)
    if free:
        path.unlink(missing_ok=True)
    return not free
