"""F1's Keyboard Shortcuts window fits the screen in the Projector theme: its table scrolls and its
OK button is on screen (a message box grew past a 1080-line screen)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ui.shortcuts_dialog import ShortcutsDialog


def test_f1_window_fits_the_screen_and_scrolls(window, qtbot) -> None:
    w = window()
    w.set_theme("projector")
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F1)
    dialogs = [d for d in w.findChildren(ShortcutsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert screen.contains(QRect(ok.mapToGlobal(ok.rect().topLeft()), ok.size()))
    bar = dialog.table.verticalScrollBar()
    assert bar.maximum() > 0, "the rows that do not fit scroll"
    assert dialog.table.horizontalScrollBar().maximum() == 0
    assert "Tab / Shift+Tab" in dialog.table.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
