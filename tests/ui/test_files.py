"""Files from the app: save and reopen, recovery after a crash, the close prompt, load errors, render."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import ROOT, SAMPLE


def test_save_and_reopen(make_window, tmp_path: Path) -> None:
    w = make_window()
    w.insert_new("partner")
    assert w.isWindowModified()
    target = tmp_path / "out.dao.yaml"
    assert w.save_to(str(target))
    assert not w.isWindowModified()
    w2 = make_window(target)
    assert w2.model.snapshot() == w.model.snapshot()
    assert str(target.resolve()) in w2.settings.recent_files()


def test_recovery_after_a_simulated_crash(make_window, monkeypatch, recovery_dir: Path) -> None:
    w = make_window()
    w.insert_new("dao")
    assert w.autosave_now() is not None
    expected = w.model.snapshot()
    # the process "dies": no close event, the recovery file stays behind
    monkeypatch.setattr("ui.save_flow.choose", lambda *a, **k: "Recover")
    w2 = make_window(None)
    assert w2.offer_recovery()
    assert w2.model.snapshot() == expected
    assert w2.isWindowModified() and w2.path == str(SAMPLE)
    assert len(list(recovery_dir.glob("*.json"))) == 1  # kept until saved or autosaved anew


def test_close_prompt_cancel_keeps_the_window(make_window, monkeypatch) -> None:
    w = make_window()
    w.insert_new("cell")
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return "Cancel"

    monkeypatch.setattr("ui.save_flow.ask_save", answer)
    assert not w.close()
    assert w.isVisible() and asked
    monkeypatch.setattr("ui.save_flow.ask_save", lambda *a, **k: "Don't Save")
    assert w.close()


def test_load_error_shows_the_message_and_keeps_the_document(make_window, tmp_path: Path, no_dialogs) -> None:
    w = make_window()
    before = w.model.snapshot()
    bad = tmp_path / "bad.dao.yaml"
    bad.write_text("format: dao-designer/1\norganization: {name: X}\nprimitives: [{id: a, kind: blob}]\n")
    assert not w.open_path(str(bad), ask=False)
    assert no_dialogs and no_dialogs[-1][0] == "critical" and "bad.dao.yaml" in no_dialogs[-1][1]
    assert w.model.snapshot() == before


def test_file_changed_on_disk_shows_a_notice(make_window, tmp_path: Path, qtbot) -> None:
    target = tmp_path / "watched.dao.yaml"
    target.write_bytes(SAMPLE.read_bytes())
    w = make_window(target)
    target.write_text(SAMPLE.read_text().replace("Regen Commons DAO", "Regen DAO"))
    qtbot.waitUntil(w.notice.isVisible, timeout=3000)
    w.reload_from_disk()
    assert w.model["regen-dao"].name == "Regen DAO"


def test_render_png_and_svg(tmp_path: Path) -> None:
    for suffix in ("png", "svg"):
        out = tmp_path / f"c.{suffix}"
        r = subprocess.run([sys.executable, "-m", "ui.launch", "render", str(SAMPLE), "-o", str(out)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 1000


def test_save_as_of_a_new_document_starts_in_the_recent_folder_named_after_it(make_window, tmp_path: Path,
                                                                               monkeypatch) -> None:
    """Not in the folder the app was started from (a tryout found its Save As in the repository)."""
    from PySide6.QtWidgets import QFileDialog

    earlier = tmp_path / "earlier.dao.yaml"
    earlier.write_text("", encoding="utf-8")
    w = make_window(None)  # File > New: an untitled document
    w.settings.add_recent(str(earlier))
    starts: list[str] = []

    def cancel(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    assert not w.save_as()
    assert starts == [str(tmp_path / "untitled-network.dao.yaml")]
