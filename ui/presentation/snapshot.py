"""Pictures of presentation mode, made by the app itself, offscreen, for the README.

``python -m ui.presentation.snapshot samples/workshop-30.dao.yaml docs/workshop`` opens the file in
a main window with the projector theme (settings and recovery files in a temporary folder, so the
user's own are untouched), enters presentation mode on a 1920x1080 window and saves the overview
(``docs/workshop-fit.png``) and the step of one cell with two items ticked (``docs/workshop.png``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1920, 1080)
CELL = "monitoring"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m ui.presentation.snapshot FILE OUT_PREFIX", file=sys.stderr)
        return 2
    source, prefix = argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="dao-designer-snapshot-"))
    os.environ["DAO_DESIGNER_RECOVERY_DIR"] = str(folder)
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from designer.presentation import build_steps
    from ui.main_window import MainWindow
    from ui.recovery import Recovery
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(["dao-designer-snapshot"])

    def settle() -> None:
        for _ in range(15):
            app.processEvents()
            QTest.qWait(10)

    window = MainWindow(Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)),
                        Recovery(folder))
    window.show()
    window.set_theme("projector")
    if not window.open_path(source, ask=False):
        return 2
    settle()
    window.present()
    settle()  # full screen first (the offscreen screen is smaller), then the projector's size
    window.resize(*SIZE)
    settle()
    presentation = window.presentation
    assert presentation is not None
    presentation.frame()
    settle()
    window.grab().save(f"{prefix}-fit.png")
    presentation.go(next(i for i, s in enumerate(build_steps(window.model)) if s.key == CELL))
    presentation.tick(0)
    presentation.tick(1)
    settle()
    window.grab().save(f"{prefix}.png")
    presentation.leave()
    window.stack.set_clean()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
