"""Writing state files: the same document always gives the same bytes, written atomically.

The new content goes to a temporary file beside the target, is flushed to disk, then renamed
over the target, so a crash leaves either the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from designer.io.load import SourceFormat, format_of
from designer.io.yaml_write import dump_json, dump_yaml
from designer.model.document import Document


def document_text(doc: Document, fmt: SourceFormat = "yaml") -> str:
    data = doc.to_data()
    return dump_json(data) if fmt == "json" else dump_yaml(data)


def atomic_write(path: str | Path, content: str | bytes) -> None:
    """Replace ``path`` with ``content`` in one step; keeps the old file's permissions."""
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    directory = target.parent if str(target.parent) else Path(".")
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = target.stat().st_mode & 0o777
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
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
