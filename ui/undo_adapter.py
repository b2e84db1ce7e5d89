"""The undo history view: a list over the core stack's titles; clicking a row goes back to it.

The core ``UndoStack`` stays the only history; this view only reads ``titles()`` and ``index`` and
calls ``set_index`` (no second QUndoStack to keep in step).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from designer.commands.stack import UndoStack


class HistoryView(QListWidget):
    def __init__(self, stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self._updating = False
        self._unsubscribe: Callable[[], None] = stack.subscribe(self.refresh)
        self.currentRowChanged.connect(self._go)
        self.refresh()

    def set_stack(self, stack: UndoStack) -> None:
        self._unsubscribe()
        self.stack = stack
        self._unsubscribe = stack.subscribe(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self._updating = True
        try:
            self.clear()
            self.addItem(QListWidgetItem("<opened>"))
            for i, title in enumerate(self.stack.titles(), start=1):
                item = QListWidgetItem(title)
                if i > self.stack.index:
                    item.setForeground(Qt.GlobalColor.gray)
                self.addItem(item)
            self.setCurrentRow(self.stack.index)
        finally:
            self._updating = False

    def _go(self, row: int) -> None:
        if not self._updating and row >= 0 and row != self.stack.index:
            self.stack.set_index(row)
