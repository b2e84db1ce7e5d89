"""Writing state files: the same document always gives the same bytes, written atomically.

The new content goes to a temporary file beside the target, is flushed to disk, then renamed
over the target, so a crash leaves either the old file or the new one, never half of either.

- A symbolic link is saved through: the file it points to is replaced and the link stays a link.
- A file with several hard links gets a new inode from the rename: the name saved to holds the
  new content, the other names keep the old content. Writing in place would keep the links but
  could leave a torn file after a crash; torn files are the worse loss, so saves always rename.
- A save killed between writing its temporary file and the rename leaves that file behind; the
  next save of the same target removes such leftovers (only files of this module's naming, only
  when the process that wrote them is gone or they are over an hour old).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import sys
import tempfile
import time
from pathlib import Path

from designer.io.load import SourceFormat, format_of
from designer.io.yaml_write import dump_json, dump_yaml
from designer.model.document import Document

TEMP_TAG = "dao-save"
STALE_AFTER = 3600.0
"""Seconds after which a leftover temporary file is stale whoever wrote it: no save takes an hour."""
_HOST = hashlib.sha1(socket.gethostname().encode()).hexdigest()[:8]


class UnwritableDocument(ValueError):
    """The document holds something the chosen format cannot store (e.g. NaN in JSON)."""


def document_text(doc: Document, fmt: SourceFormat = "yaml") -> str:
    data = doc.to_data()
    try:
        return dump_json(data) if fmt == "json" else dump_yaml(data)
    except (ValueError, TypeError, RecursionError) as exc:
        raise UnwritableDocument(f"cannot be written as {fmt.upper()}: {exc}") from None


def save_target(path: str | Path) -> Path:
    """The file a save really replaces: a symbolic link's destination, so the link survives."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def atomic_write(path: str | Path, content: str | bytes) -> None:
    """Replace ``path`` with ``content`` in one step; keeps the old file's permissions and saves
    through a symbolic link. Removes stale temporary files of earlier, killed saves first."""
    target = save_target(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    directory = target.parent if str(target.parent) else Path(".")
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = target.stat().st_mode & 0o777
    remove_stale_temps(target)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode if mode is not None else 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_directory(directory)


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.{TEMP_TAG}-{_HOST}-{os.getpid()}-"


def remove_stale_temps(target: str | Path, now: float | None = None) -> list[Path]:
    """Delete leftovers of killed saves of ``target``: our naming only, and only stale ones (their
    process is gone, or they are over an hour old), never another process's save in flight.
    Returns what was removed; a file that cannot be removed is left alone."""
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    ours = re.compile(
        re.escape(f".{target.name}.")
        + r"(?:" + re.escape(TEMP_TAG) + r"-(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-[a-z0-9_]+|[a-z0-9_]{8})\.tmp"
    )
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    prefix = f".{target.name}."
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        match = ours.fullmatch(entry.name)
        if match is None:
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if not entry.is_file(follow_symlinks=False):
                continue
        except OSError:
            continue
        pid = match.group("pid")
        gone = (match.group("host") == _HOST and pid is not None and int(pid) != os.getpid()
                and not process_alive(int(pid)))
        if gone or age > STALE_AFTER:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process of this id runs on this machine (unknown counts as alive)."""
    if sys.platform == "win32":
        return True  # os.kill would end it; the age rule cleans up there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_document(doc: Document, path: str | Path, fmt: SourceFormat | None = None) -> None:
    atomic_write(path, document_text(doc, fmt or format_of(path)))
