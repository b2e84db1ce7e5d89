"""Ticking a readiness item keeps the Phase panel where it was scrolled to, and the keyboard on the box."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.panels.helpers import select_on_canvas


def test_tick_keeps_the_scroll_position(window, qtbot) -> None:
    w = window()
    w.panels.focus("phase")
    panel = w.panels.get("phase")
    select_on_canvas(w, qtbot, "data")
    panel.window().resize(panel.window().width(), 500)  # short enough that the checklists scroll
    qtbot.waitUntil(lambda: panel.scroll.verticalScrollBar().maximum() > 100, timeout=2000)
    bar = panel.scroll.verticalScrollBar()
    key = [k for k in panel.checks if k[0] == "organization"][-1]  # far down, above the next phase's list
    box = panel.checks[key]
    panel.scroll.ensureWidgetVisible(box)
    QApplication.processEvents()
    before = bar.value()
    assert before > 50
    was = box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    QApplication.processEvents()
    assert (key[1] in w.model["data"].checklist.get(key[0], [])) is (not was)
    assert bar.value() == before
    # the keyboard goes on from the same box: Space ticks it back
    assert QApplication.focusWidget() is panel.checks[key]
    qtbot.keyClick(panel.checks[key], Qt.Key.Key_Space)
    QApplication.processEvents()
    assert (key[1] in w.model["data"].checklist.get(key[0], [])) is was
    assert bar.value() == before
    w.stack_undo()
    assert (key[1] in w.model["data"].checklist.get(key[0], [])) is (not was)
