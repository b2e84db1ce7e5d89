"""``dao-designer FILE`` after a crash: the named file opens first and the recovery question comes
over it, not over an empty "Untitled network" window; another document recovered gets its own window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from designer.model.document import Document, Organization
from tests.ui.conftest import SAMPLE
from ui import save_flow
from ui.main_window import MainWindow
from ui.recovery import Recovery


def test_a_named_file_opens_before_the_recovery_question(recovery_dir: Path, tmp_path: Path, qtbot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.settings
    from ui.app import run_app

    crashed = Recovery(recovery_dir)
    crashed.save(Document(organization=Organization(name="Lost Harbor")), None)
    settings_file = str(tmp_path / "settings.ini")
    real = ui.settings.Settings
    monkeypatch.setattr(ui.settings, "Settings", lambda: real(QSettings(settings_file, QSettings.Format.IniFormat)))
    asked: list[tuple[str, str | None]] = []

    def choose(parent, title, text, options, escape):  # type: ignore[no-untyped-def]
        asked.append((parent.windowTitle(), parent.path))
        return save_flow.RECOVER

    monkeypatch.setattr(save_flow, "choose", choose)
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)  # start up, then hand back at once
    run_app(str(SAMPLE))
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    try:
        assert asked and asked[0][1] == str(SAMPLE) and asked[0][0].startswith("Regen Commons")
        main = next(w for w in windows if w.path == str(SAMPLE))
        assert main.model.organization.name == "Regen Commons" and not main.is_dirty()
        others = [w for w in windows if w is not main and w.model.organization.name == "Lost Harbor"]
        assert len(others) == 1 and others[0].is_dirty()
    finally:
        for w in windows:
            w.stack.set_clean()
            w.close()

