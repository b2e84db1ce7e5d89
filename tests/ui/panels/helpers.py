"""Small gestures the panel tests share: clicks on item views and on canvas items."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView


def click_index(qtbot, view: QAbstractItemView, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    """A real left click in the middle of ``index``'s row."""
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "the row is not visible"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def select_on_canvas(w, qtbot, pid: str) -> None:  # type: ignore[no-untyped-def]
    """Click ``pid``'s item on the canvas, as a person would."""
    from tests.ui.conftest import at

    item = w.scene.item_for(pid)
    assert item is not None and getattr(item, "pid", None) == pid
    rect = item.sceneBoundingRect()
    point = rect.topLeft() + (rect.bottomRight() - rect.topLeft()) * 0.3
    pos = at(w.view, point)
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    w.panels.hub.sync_now()
    assert w.panels.hub.selected() == [pid]


def type_into_cell(qtbot, table, row: int, col: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """F2 on a table cell, type ``text`` over it, Return: the way a person edits a record."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "F2 did not open the cell editor"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the item delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState, timeout=2000)
    qtbot.wait(1)
