"""What a file looked like when it was read or written, to tell whether someone else changed it since.

Two windows or two app instances can edit one file. Before a save replaces the file, the app
compares the file on disk with the stamp taken when it read (or last wrote) it: a different
content hash means another save happened in between, and overwriting it would lose that work.
Modification time and size alone are not enough (a same-size rewrite within one clock tick, or
a copy that keeps times); the hash is the verdict, time and size are kept to report and to skip
re-hashing when nothing moved.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    mtime_ns: int
    size: int
    sha256: str

    def same_content(self, other: FileStamp | None) -> bool:
        return other is not None and other.size == self.size and other.sha256 == self.sha256


def stamp_bytes(data: bytes, path: str | Path) -> FileStamp:
    """The stamp of ``data`` just written to ``path`` (hash of what we wrote, time from the disk)."""
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        mtime = 0
    return FileStamp(mtime, len(data), hashlib.sha256(data).hexdigest())


def stamp_file(path: str | Path, known: FileStamp | None = None) -> FileStamp | None:
    """The stamp of the file now, or None when it does not exist or cannot be read. When time and
    size match ``known``, its hash is trusted instead of reading the file again."""
    try:
        info = os.stat(path)
        if known is not None and (info.st_mtime_ns, info.st_size) == (known.mtime_ns, known.size):
            return known
        data = Path(path).read_bytes()
    except OSError:
        return None
    return FileStamp(info.st_mtime_ns, len(data), hashlib.sha256(data).hexdigest())
