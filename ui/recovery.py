"""Autosave to a recovery file (JSON) while there are unsaved changes, and recovery at the next start.

One recovery file per open document and session, in the app's data folder (or
``DAO_DESIGNER_RECOVERY_DIR``). It holds the document, the path it belongs to, the process that
wrote it and a stamp of the file as that session read it. It is removed on save and on a clean
close, so one still there at start-up means a session did not close properly. A new session
never writes over an older session's file (the name includes the session), and files of an
instance that is still running are not offered: a session holds an OS lock while it has recovery
files (:mod:`ui.session_lock`), so "still running" does not rest on process ids.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from designer.io.load import parse_document
from designer.io.save import atomic_write, document_text, process_alive, remove_stale_temps
from designer.io.stamp import FileStamp
from designer.model.document import Document
from ui.session_lock import SessionLock, held_elsewhere

_SESSIONS = itertools.count()


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
    base: FileStamp | None = None
    """The file as the crashed session read it, so a later save still sees changes made since."""


class Recovery:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.session = f"{os.getpid()}-{int(time.time() * 1000)}-{next(_SESSIONS)}"
        self.lock = SessionLock(self.folder, self.session)

    def file_for(self, path: str | None) -> Path:
        key = hashlib.sha1(f"{self.session}\n{path or 'untitled'}".encode()).hexdigest()[:16]
        return self.folder / f"{key}.recovery.json"

    def save(self, doc: Document, path: str | None, base: FileStamp | None = None) -> Path:
        target = self.file_for(path)
        document = json.loads(document_text(doc, "json"))
        self.lock.hold()
        payload = {"path": path, "saved_at": time.time(), "pid": os.getpid(), "session": self.session,
                   "document": document, "base": asdict(base) if base is not None else None}
        atomic_write(target, json.dumps(payload, ensure_ascii=False))
        return target

    def discard(self, path: str | None) -> None:
        self.file_for(path).unlink(missing_ok=True)

    def pending(self) -> list[Recovered]:
        """Recovery files left behind by sessions that did not close properly, newest first."""
        for leftover in self.folder.glob(".*.recovery.json.*.tmp"):  # of autosaves killed mid-write
            remove_stale_temps(self.folder / (leftover.name[1:].split(".recovery.json.")[0] + ".recovery.json"))
        found: list[Recovered] = []
        for f in sorted(self.folder.glob("*.recovery.json")):
            try:
                payload = json.loads(f.read_text(encoding="utf-8"))
                if self._running_elsewhere(payload):
                    continue
                doc = parse_document(json.dumps(payload["document"]), str(f), "json")
                base = FileStamp(**payload["base"]) if isinstance(payload.get("base"), dict) else None
            except Exception:  # a broken recovery file is not worth a crash at start-up
                continue
            found.append(Recovered(f, payload.get("path"), float(payload.get("saved_at", 0)), doc, base))
        return sorted(found, key=lambda r: -r.saved_at)


    def _running_elsewhere(self, payload: dict[str, object]) -> bool:
        """Whether another live app instance wrote the file (its autosaves are not a crash's
        leftovers). Windows of this process are not "elsewhere"; a file with its session's name is
        judged by that session's lock, an older one by its process id."""
        pid, session = payload.get("pid"), payload.get("session")
        if pid == os.getpid():
            return False
        if isinstance(session, str):
            return held_elsewhere(self.folder, session)
        return _pid_running_elsewhere(pid)


def _pid_running_elsewhere(pid: object) -> bool:
    """For recovery files written before session locks: a guess from the process id."""
    if not isinstance(pid, int) or pid <= 0 or not process_alive(pid):
        return False
    try:  # a crash long ago: the id may now belong to an unrelated program
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True
    return b"designer" in command or b"ui.launch" in command
