"""Saves never tear, go through symbolic links, and clean up after saves that were killed.

Issue 10: saving to a symlink replaced the link with a file and left the real file unchanged;
temporary files of killed saves stayed beside the target forever.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from designer.io.load import load_document
from designer.io.save import TEMP_TAG, _temp_prefix, atomic_write, remove_stale_temps, save_document
from designer.model.document import Document, Organization

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and signals")


def _doc(name: str) -> Document:
    return Document(organization=Organization(name=name))


@posix_only
def test_saving_to_a_symlink_writes_the_real_file_and_keeps_the_link(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "org.dao.yaml"
    save_document(_doc("Old"), real)
    link = tmp_path / "org.dao.yaml"
    link.symlink_to(os.path.relpath(real, tmp_path))
    save_document(_doc("New"), link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert load_document(real).organization.name == "New"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@posix_only
def test_a_link_to_a_missing_file_creates_that_file(tmp_path: Path) -> None:
    link = tmp_path / "org.dao.yaml"
    link.symlink_to(tmp_path / "target.dao.yaml")
    save_document(_doc("New"), link)
    assert link.is_symlink() and load_document(tmp_path / "target.dao.yaml").organization.name == "New"


@posix_only
def test_a_hard_link_keeps_the_old_content_as_the_readme_says(tmp_path: Path) -> None:
    first = tmp_path / "a.dao.yaml"
    save_document(_doc("Old"), first)
    other = tmp_path / "b.dao.yaml"
    os.link(first, other)
    save_document(_doc("New"), first)
    assert load_document(first).organization.name == "New"
    assert load_document(other).organization.name == "Old"  # the rename gave 'a' a new file


def _leftover(target: Path, pid: int, age: float = 0.0, name: str | None = None) -> Path:
    host = _temp_prefix(target).split(f"{TEMP_TAG}-")[1].split("-")[0]
    path = target.parent / (name or f".{target.name}.{TEMP_TAG}-{host}-{pid}-abc123.tmp")
    path.write_text("partial")
    if age:
        then = time.time() - age
        os.utime(path, (then, then))
    return path


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@posix_only
def test_only_our_own_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "org.dao.yaml"
    dead = _leftover(target, _dead_pid())
    alive = _leftover(target, os.getppid())  # another process still saving: kept
    alive_but_old = _leftover(target, os.getppid(), age=7200, name=f".{target.name}.{TEMP_TAG}-00000000-1-x.tmp")
    older_naming_old = _leftover(target, 0, age=7200, name=f".{target.name}.k2j_9xq1.tmp")
    older_naming_new = _leftover(target, 0, name=f".{target.name}.a8b7c6d5.tmp")
    not_ours = _leftover(target, 0, age=7200, name=f".{target.name}.notes.tmp")
    other_target = _leftover(tmp_path / "other.dao.yaml", _dead_pid())
    save_document(_doc("New"), target)
    left = set(tmp_path.iterdir())
    assert {dead, alive_but_old, older_naming_old}.isdisjoint(left)
    assert {alive, older_naming_new, not_ours, other_target, target} == left


def test_stale_cleanup_never_fails_a_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "org.dao.yaml"
    _leftover(target, 1, age=7200)
    monkeypatch.setattr(os, "unlink", lambda *_a, **_k: (_ for _ in ()).throw(PermissionError(13, "denied")))
    atomic_write(target, "format: dao-designer/1\norganization: {name: X}\n")
    assert remove_stale_temps(target) == []
    assert load_document(target).organization.name == "X"


_SAVER = """
import sys
from designer.io.save import atomic_write
target, a, b = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
print("ready", flush=True)
while True:
    atomic_write(target, a)
    atomic_write(target, b)
"""


@posix_only
def test_kill_9_during_saves_leaves_the_old_or_the_new_file_and_no_litter(tmp_path: Path) -> None:
    """A saver is killed at random moments 25 times; each time the file loads as one of the two
    versions, and the next save removes every temporary file the killed ones left."""
    from designer.io.save import document_text
    from designer.layout.synthetic import synthetic_document

    big = synthetic_document(3000)
    a = document_text(big.model_copy(update={"organization": Organization(name="Version A")}))
    b = document_text(big.model_copy(update={"organization": Organization(name="Version B")}))
    (tmp_path / "a.txt").write_text(a)
    (tmp_path / "b.txt").write_text(b)
    folder = tmp_path / "docs"
    folder.mkdir()
    target = folder / "org.dao.yaml"
    target.write_text(a)
    rng = random.Random(10)
    litter_seen = 0
    for _ in range(25):
        saver = subprocess.Popen([sys.executable, "-c", _SAVER, str(target), str(tmp_path / "a.txt"),
                                  str(tmp_path / "b.txt")], cwd=ROOT, stdout=subprocess.PIPE)
        assert saver.stdout is not None and saver.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.15))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        assert load_document(target).organization.name in ("Version A", "Version B")
        litter = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        litter_seen = max(litter_seen, len(litter))
        assert len(litter) <= 1  # each save cleared what the killed one before it left
    save_document(load_document(target), target)
    assert [p.name for p in folder.iterdir()] == ["org.dao.yaml"]
    assert litter_seen >= 1, "no kill landed inside a save; the test proved nothing"
