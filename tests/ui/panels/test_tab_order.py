"""Tab walks the panel in front, field after field, and never into a dock whose tab is not selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.panels.helpers import select_on_canvas


def _dock_of(w, widget):  # type: ignore[no-untyped-def]
    return next((n for n, d in w.panels.docks.items() if d.isAncestorOf(widget)), None)


def test_tab_never_enters_docks_behind_another_tab(window, qtbot) -> None:
    w = window()
    w.panels.focus("inspector")
    inspector = w.panels.get("inspector")
    qtbot.waitUntil(inspector.isVisible, timeout=2000)
    for name in ("phase", "guide", "records"):
        w.panels.get(name)  # built, but behind the Inspector's tab
    select_on_canvas(w, qtbot, "ops")
    inspector.form.editors[("name",)].input.setFocus()
    visited = set()
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        visited.add(_dock_of(w, focused))
    assert not visited & {"phase", "guide", "records"}, visited
    # once its tab is picked, a panel is reachable again
    w.panels.focus("records")
    assert w.panels.get("records").isVisible()
    assert not inspector.isVisible()


def test_ctrl_1_then_tab_lands_on_the_name_field(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    inspector = w.panels.get("inspector")
    qtbot.waitUntil(inspector.isVisible, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is inspector.form.editors[("name",)].input
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is inspector.form.editors[("parent",)].input


def test_tab_leaves_a_records_table(window, qtbot) -> None:
    w = window()
    w.panels.focus("records")
    panel = w.panels.get("records")
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    table = panel.tables["decision_registry"].table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.tables["decision_registry"].add
