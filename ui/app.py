"""Starting the desktop app: ``dao-designer [FILE]``."""

from __future__ import annotations

import gc
import importlib
import os
import sys

from designer.framework.resources import default_sample

SAMPLE = default_sample()
"""Opened when no file is given: in the source tree or, installed, shipped in the package."""


def run_app(path: str | None = None) -> int:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Start-up builds objects that live as long as the app (modules, models, widgets): the cyclic
    # collector stays off until the window is up, then they are frozen out of its way.
    collecting = gc.isenabled()
    gc.disable()
    # The core first: PySide6 installs an import hook that reads the source of every module
    # imported after it, which makes pydantic and the models about 35 ms slower to import.
    for core in ("designer.io.load", "designer.commands.clipboard"):
        importlib.import_module(core)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ui.main_window import ICON, MainWindow
    from ui.settings import APP, ORG, Settings
    from ui.themes import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setDesktopFileName("dao-designer")
    app.setWindowIcon(QIcon(str(ICON)))
    settings = Settings()
    apply_theme(app, settings.theme())
    window = MainWindow(settings)
    window.show()
    if path and window.open_path(path, ask=False):
        # the file asked for first, then the question about a crash's leftovers over it (not over
        # an empty window); another document recovered opens in a window of its own
        window.offer_recovery(keep_open=True)
    elif not window.offer_recovery() and (path or SAMPLE.exists()):
        window.open_path(path or str(SAMPLE), ask=False)
    app.styleHints().colorSchemeChanged.connect(lambda _s: window.set_theme(settings.theme()))
    gc.freeze()
    if collecting:
        gc.enable()
    if os.environ.get("DAO_DESIGNER_QUIT_AFTER_SHOW"):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return int(app.exec())
