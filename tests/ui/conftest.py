"""UI test fixtures: a main window with its own settings and recovery folder, never a blocking dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "regen-commons.dao.yaml"


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box answers at once (tests override the answer) and is recorded."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: object) -> object:
        def box(*args: object, **kwargs: object) -> object:
            shown.append((kind, str(args[2]) if len(args) > 2 else ""))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Cancel))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    # A question with named buttons (ui.save_flow.choose) is closed unanswered: Esc's answer.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(("choose", box.text())) or 0)
    return shown


@pytest.fixture
def recovery_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "recovery"
    folder.mkdir()
    monkeypatch.setenv("DAO_DESIGNER_RECOVERY_DIR", str(folder))
    return folder


@pytest.fixture
def make_window(qtbot: object, tmp_path: Path, recovery_dir: Path) -> Iterator[object]:
    from ui.main_window import MainWindow
    from ui.recovery import Recovery
    from ui.settings import Settings

    made: list[MainWindow] = []
    settings_file = str(tmp_path / "settings.ini")

    def make(path: str | Path | None = SAMPLE) -> MainWindow:
        settings = Settings(QSettings(settings_file, QSettings.Format.IniFormat))
        w = MainWindow(settings, Recovery(recovery_dir))
        w.resize(1300, 900)
        qtbot.addWidget(w)  # type: ignore[attr-defined]
        w.show()
        qtbot.waitExposed(w)  # type: ignore[attr-defined]
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=2000)  # type: ignore[attr-defined]
        if path is not None:
            assert w.open_path(str(path), ask=False)
        w.scene.flush()
        QApplication.processEvents()  # the fit queued by the load, before the test sets the zoom
        w.view.zoom_reset()
        made.append(w)
        return w

    yield make
    for w in made:
        w.stack.set_clean()


def at(view: object, scene_point: QPointF) -> QPoint:
    """Viewport coordinates of a scene point, after centring the view on it."""
    view.centerOn(scene_point)  # type: ignore[attr-defined]
    return view.mapFromScene(scene_point)  # type: ignore[attr-defined,no-any-return]
