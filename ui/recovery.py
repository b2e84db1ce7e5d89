"""Autosave to a recovery file (JSON) while there are unsaved changes, and recovery at the next start.

One recovery file per open document, in the app's data folder (or ``DAO_DESIGNER_RECOVERY_DIR``).
It holds the document and the path it belongs to; it is removed on save and on a clean close,
so one that is still there at start-up means the app did not close properly.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from designer.io.load import parse_document
from designer.io.save import atomic_write, document_text
from designer.model.document import Document


def recovery_dir() -> Path:
    env = os.environ.get("DAO_DESIGNER_RECOVERY_DIR")
    base = Path(env) if env else Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder = base / "recovery" if not env else base
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Recovered:
    file: Path
    path: str | None
    saved_at: float
    document: Document


class Recovery:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.session = f"{os.getpid()}-{int(time.time() * 1000)}"

    def file_for(self, path: str | None) -> Path:
        key = hashlib.sha1((path or f"untitled-{self.session}").encode()).hexdigest()[:16]
        return self.folder / f"{key}.recovery.json"

    def save(self, doc: Document, path: str | None) -> Path:
        target = self.file_for(path)
        document = json.loads(document_text(doc, "json"))
        payload = {"path": path, "saved_at": time.time(), "pid": os.getpid(), "document": document}
        atomic_write(target, json.dumps(payload, ensure_ascii=False))
        return target

    def discard(self, path: str | None) -> None:
        self.file_for(path).unlink(missing_ok=True)

    def pending(self) -> list[Recovered]:
        """Recovery files left behind by a session that did not close properly, newest first."""
        found: list[Recovered] = []
        for f in sorted(self.folder.glob("*.recovery.json")):
            try:
                payload = json.loads(f.read_text(encoding="utf-8"))
                doc = parse_document(json.dumps(payload["document"]), str(f), "json")
            except Exception:  # a broken recovery file is not worth a crash at start-up
                continue
            found.append(Recovered(f, payload.get("path"), float(payload.get("saved_at", 0)), doc))
        return sorted(found, key=lambda r: -r.saved_at)
