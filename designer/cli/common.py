"""Helpers shared by the CLI commands: loading with one-line errors, writing outputs."""

from __future__ import annotations

import sys
from pathlib import Path

from designer.cli.main import UsageError
from designer.io.errors import LoadError
from designer.io.load import load_document
from designer.io.save import atomic_write
from designer.model.document import Document


def load_or_fail(path: str) -> Document:
    """Load a document, or raise :class:`UsageError` with the file's first problem located."""
    try:
        return load_document(path)
    except LoadError as exc:
        raise UsageError(exc.summary()) from None


def write_output(path: str | None, content: str | bytes) -> None:
    """Write to ``path`` atomically, or to standard output when ``path`` is None or ``-``."""
    if path is None or path == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name with -o")
    if not target.parent.exists():
        raise UsageError(f"{path}: the folder {target.parent} does not exist")
    try:
        atomic_write(target, content)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
