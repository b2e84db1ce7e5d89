"""The keyboard between the panels and the canvas: Esc from any panel goes back to the canvas, and
View > Hide All Panels (Ctrl+Shift+H) clears the docks away and brings the same ones back.

Esc is taken only when the widget with the focus did not use it (a combo box's open list, an edit
in a table and the find bar keep theirs): the key then travels up to the dock, whose event filter
here gives the focus to the canvas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDockWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def back_to_canvas(window: MainWindow, dialog: QDialog | None = None) -> None:
    """Give the keyboard back to the canvas (a dialog that closed: drop it too)."""
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    if dialog is not None:
        dialog.deleteLater()


class EscapeToCanvas(QObject):
    """Installed on every dock: an Esc no widget in it used puts the focus back on the canvas."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and not event.modifiers()):
            back_to_canvas(self.window)  # a floating panel is a window of its own
            return True
        return False

    def watch(self, dock: QDockWidget) -> None:
        dock.installEventFilter(self)


class PanelsHider:
    """Hide every dock at once, and show again the ones that were open (not the ones closed before)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.hidden: list[QDockWidget] = []
        self.in_front: list[QDockWidget] = []

    def is_hiding(self) -> bool:
        return bool(self.hidden)

    def set_hidden(self, hide: bool) -> None:
        docks = list(self.window.docks.values())
        if hide:
            self.hidden = [d for d in docks if d.isVisible()]
            self.in_front = [d for d in self.hidden if d.isFloating() or not d.visibleRegion().isEmpty()]
            for dock in self.hidden:
                dock.hide()
            self.window.view.setFocus()
            self.window.report(f"hid {len(self.hidden)} panels — Ctrl+Shift+H shows them again")
        else:
            for dock in self.hidden:
                dock.show()
            for dock in self.in_front:  # the same tab in front of each tabbed group as before
                dock.raise_()
            self.hidden, self.in_front = [], []
