"""Recovery files of a session that still runs are not offered; a crashed session's are, whatever
became of its process id (reused by another program, or not checkable as on Windows)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from designer.io.load import parse_document
from tests.docs import SMALL
from ui.recovery import Recovery
from ui.session_lock import SessionLock, held_elsewhere

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys, time
from designer.io.load import parse_document
from tests.docs import SMALL
from ui.recovery import Recovery
r = Recovery(__import__('pathlib').Path(sys.argv[1]))
r.save(parse_document(SMALL), sys.argv[2])
print('ready', flush=True)
time.sleep(60)
"""


def test_a_running_sessions_file_is_not_offered_and_is_once_the_process_is_killed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    other = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(tmp_path / "a.dao.yaml")],
                             stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        assert Recovery(tmp_path).pending() == []  # another instance's autosave, not a crash
        other.send_signal(signal.SIGKILL)
        other.wait(timeout=10)
        offered = Recovery(tmp_path).pending()
        assert [r.path for r in offered] == [str(tmp_path / "a.dao.yaml")]
        assert not list(tmp_path.glob("*.lock"))  # the dead session's lock file is cleaned away
    finally:
        if other.poll() is None:
            other.kill()


def test_a_crashed_sessions_file_is_offered_although_its_process_id_lives_on(tmp_path: Path) -> None:
    """The id was reused, by a program whose command line even looks like the app's: only the
    session's lock tells (process ids and /proc guessed wrong here, and cannot ask at all on
    Windows or macOS)."""
    crashed = Recovery(tmp_path)
    written = crashed.save(parse_document(SMALL), str(tmp_path / "b.dao.yaml"))
    crashed.lock.release()  # as the OS does when the process dies
    lookalike = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)  # ui.launch designer"])
    try:
        payload = json.loads(written.read_text(encoding="utf-8"))
        payload["pid"] = lookalike.pid
        written.write_text(json.dumps(payload), encoding="utf-8")
        assert [r.path for r in Recovery(tmp_path).pending()] == [str(tmp_path / "b.dao.yaml")]
    finally:
        lookalike.kill()
        lookalike.wait()


def test_the_lock_is_held_until_released(tmp_path: Path) -> None:
    lock = SessionLock(tmp_path, "s1")
    assert not held_elsewhere(tmp_path, "s1")  # never held: no lock file
    lock.hold()
    assert held_elsewhere(tmp_path, "s1") and lock.path.exists()
    lock.release()
    assert not held_elsewhere(tmp_path, "s1") and not lock.path.exists()
