"""Issue 10 in the app: two windows on one file, failed saves and autosaves, recovery of several
documents, and a crash right after recovering."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton

from designer.io.load import load_document
from tests.ui.conftest import ROOT, SAMPLE
from ui import save_flow

REAL_EXEC = QMessageBox.exec  # taken before the fixtures close every dialog unanswered


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(SAMPLE, target)
    return target


def _answer_with_a_click(qtbot, label: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click ``label`` in the next message box, with the mouse, as the user would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == label)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def _ctrl_s(w) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+S in the window, as typed (the window is brought to the front first)."""
    w.view.finish_rename(commit=True)
    w.raise_()
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    w.view.setFocus()
    QTest.keyClick(w.view.viewport(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_two_windows_on_one_file_the_second_save_asks(make_window, qtbot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = _copy(tmp_path, "shared.dao.yaml")
    first, second = make_window(target), make_window(target)
    first.insert_new("partner")
    _ctrl_s(first)
    assert not first.isWindowModified()
    theirs = target.read_bytes()
    second.insert_new("cell")
    qtbot.waitUntil(second.notice.isVisible, timeout=3000)  # the "changed on disk" bar
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    seen: list[str] = []

    _answer_with_a_click(qtbot, "Cancel", seen)
    _ctrl_s(second)
    assert seen and "shared.dao.yaml was changed on disk" in seen[0]
    assert target.read_bytes() == theirs and second.isWindowModified()

    _answer_with_a_click(qtbot, "Save As…", seen)
    other = tmp_path / "mine.dao.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    _ctrl_s(second)
    assert target.read_bytes() == theirs
    assert load_document(other) == second.model.snapshot() and second.path == str(other)


def test_overwrite_after_asking_writes_and_clears_the_bar(make_window, qtbot, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = _copy(tmp_path, "shared.dao.yaml")
    first, second = make_window(target), make_window(target)
    first.insert_new("partner")
    assert first.save()
    second.insert_new("cell")
    qtbot.waitUntil(second.notice.isVisible, timeout=3000)
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    seen: list[str] = []
    _answer_with_a_click(qtbot, "Overwrite", seen)
    _ctrl_s(second)
    assert seen and load_document(target) == second.model.snapshot()
    assert not second.notice.isVisible() and not second.isWindowModified()
    # the first window now holds an old copy: its next save asks in turn
    first.insert_new("dao")
    _answer_with_a_click(qtbot, "Reload from Disk", seen)
    _ctrl_s(first)
    assert len(seen) == 2 and first.model.snapshot() == second.model.snapshot()


def test_another_program_writing_the_file_is_caught_too(make_window, tmp_path: Path, no_dialogs,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = _copy(tmp_path, "org.dao.yaml")
    w = make_window(target)
    w.insert_new("cell")
    layout = subprocess.run([sys.executable, "-m", "designer", "layout", str(target), "-o", str(target)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert layout.returncode == 0, layout.stderr
    theirs = target.read_bytes()
    assert not w.save()  # closed unanswered: Cancel
    assert no_dialogs[-1][0] == "choose" and target.read_bytes() == theirs


def test_a_touch_or_the_same_bytes_is_no_conflict(make_window, tmp_path: Path, no_dialogs) -> None:
    target = _copy(tmp_path, "org.dao.yaml")
    w = make_window(target)
    target.write_bytes(target.read_bytes())
    w.insert_new("cell")
    assert w.save() and not no_dialogs


def test_a_failed_save_says_so(make_window, tmp_path: Path, no_dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    from designer.io.save import UnwritableDocument, document_text

    target = tmp_path / "org.dao.json"
    target.write_text(document_text(load_document(SAMPLE), "json"))
    w = make_window(target)
    w.insert_new("cell")

    def fail(*_args: object) -> str:
        raise UnwritableDocument("cannot be written as JSON: Out of range float values are not JSON compliant: nan")

    monkeypatch.setattr(save_flow, "document_text", fail)
    _ctrl_s(w)
    assert no_dialogs == [("critical", f"Cannot save {target}:\n\ncannot be written as JSON: Out of range float "
                           "values are not JSON compliant: nan\n\nYour changes are not saved.")]
    assert w.isWindowModified() and w.statusBar().currentMessage().startswith("Not saved: cannot be written")


def test_a_failed_autosave_says_so_until_one_works(make_window, monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window()
    w.insert_new("cell")
    real = w.recovery.save

    def full(*_args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(w.recovery, "save", full)
    assert w.autosave_now() is None
    warning = w.statusBar().findChild(QLabel, "autosave-warning")
    assert warning.isVisible() and warning.text() == "⚠ Autosave failed: No space left on device (save with Ctrl+S)"
    w.report("some other message")
    assert warning.isVisible()  # stays until an autosave works
    monkeypatch.setattr(w.recovery, "save", real)
    assert w.autosave_now() is not None
    assert not warning.isVisible() and w.statusBar().currentMessage() == "Autosave works again"


def _crashed(make_window, tmp_path: Path, name: str, kind: str) -> tuple[Path, object]:  # type: ignore[no-untyped-def]
    target = _copy(tmp_path, name)
    w = make_window(target)
    w.insert_new(kind)
    written = w.autosave_now()
    assert written is not None
    return written, w.model.snapshot()  # the process "dies": no close event


def _answers(monkeypatch: pytest.MonkeyPatch, rule: Callable[[str], str]) -> list[str]:
    asked: list[str] = []

    def choose(_parent: object, _title: str, text: str, _options: list[str], _escape: str) -> str:
        asked.append(text)
        return rule(text)

    monkeypatch.setattr(save_flow, "choose", choose)
    return asked


def test_two_crashed_documents_are_each_offered_and_kept_until_answered(
        make_window, tmp_path: Path, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file_a, _doc_a = _crashed(make_window, tmp_path, "a.dao.yaml", "cell")
    file_b, doc_b = _crashed(make_window, tmp_path, "b.dao.yaml", "partner")
    asked = _answers(monkeypatch, lambda text: "Recover" if "b.dao.yaml" in text else "Later")
    w = make_window(None)
    assert w.offer_recovery()
    assert len(asked) == 2 and "(1 of 2)" in asked[0] and "b.dao.yaml" in asked[0] and "a.dao.yaml" in asked[1]
    assert w.model.snapshot() == doc_b and w.isWindowModified()
    assert file_a.exists() and file_b.exists()  # 'Later' kept a; b stays until saved or autosaved

    # a crash right after recovering loses nothing: b is offered again
    asked = _answers(monkeypatch, lambda text: "Recover" if "b.dao.yaml" in text else "Later")
    again = make_window(None)
    assert again.offer_recovery() and again.model.snapshot() == doc_b

    # autosaving the recovered document anew replaces its old recovery file
    fresh = w.autosave_now()
    assert fresh is not None and fresh != file_b and not file_b.exists()

    # declining a deletes a's file only
    asked = _answers(monkeypatch, lambda text: "Discard" if "a.dao.yaml" in text else "Later")
    make_window(None).offer_recovery()
    assert not file_a.exists() and fresh.exists()


def test_recover_both_opens_the_second_in_a_window_of_its_own(
        make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file_a, doc_a = _crashed(make_window, tmp_path, "a.dao.yaml", "cell")
    file_b, doc_b = _crashed(make_window, tmp_path, "b.dao.yaml", "partner")
    _answers(monkeypatch, lambda _text: "Recover")
    w = make_window(None)
    assert w.offer_recovery()
    try:
        assert w.model.snapshot() == doc_b and len(w.others) == 1
        assert w.others[0].model.snapshot() == doc_a and w.others[0].isVisible()
        # saving a recovered document removes its recovery file
        assert w.others[0].save()
        assert not file_a.exists() and file_b.exists()
        assert load_document(tmp_path / "a.dao.yaml") == doc_a
    finally:
        for other in w.others:
            other.stack.set_clean()
            other.close()


def test_a_recovered_document_still_sees_changes_made_on_disk_before_the_crash(
        make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_dialogs) -> None:
    _file, _doc = _crashed(make_window, tmp_path, "a.dao.yaml", "cell")
    target = tmp_path / "a.dao.yaml"
    target.write_text(target.read_text().replace("Regen Commons DAO", "Changed Elsewhere"))
    _answers(monkeypatch, lambda _text: "Recover")
    w = make_window(None)
    assert w.offer_recovery()
    monkeypatch.setattr(save_flow, "choose", lambda *_a: "Cancel")
    assert not w.save()
    assert "Changed Elsewhere" in target.read_text()


def test_leftovers_of_killed_autosaves_are_cleaned_at_start(make_window, recovery_dir: Path) -> None:
    import os
    import time

    old = recovery_dir / ".0123456789abcdef.recovery.json.dao-save-00000000-1-x.tmp"
    old.write_text("{")
    then = time.time() - 7200
    os.utime(old, (then, then))
    fresh = recovery_dir / ".0123456789abcdef.recovery.json.dao-save-00000000-1-y.tmp"
    fresh.write_text("{")  # another machine's autosave, maybe still being written
    assert not make_window(None).offer_recovery()
    assert not old.exists() and fresh.exists()
