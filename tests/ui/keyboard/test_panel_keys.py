"""Esc from any panel returns to the canvas; Ctrl+Shift+H hides every panel and brings the same back;
F1 lists the new keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.panels.helpers import select_on_canvas

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_esc_from_any_panel_goes_back_to_the_canvas(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    for name in ("inspector", "phase", "problems", "outline", "guide", "records"):
        w.panels.focus(name)
        panel = w.panels.get(name)
        qtbot.waitUntil(panel.isVisible, timeout=2000)
        focused = QApplication.focusWidget()
        assert (focused is not None and panel.isAncestorOf(focused)) or focused is panel, name
        qtbot.keyClick(focused, Qt.Key.Key_Escape)
        assert QApplication.focusWidget() is w.view, name
    # from a field in the middle of the Inspector, too, and the typing there is kept
    inspector = w.panels.get("inspector")
    w.panels.focus("inspector")
    name_field = inspector.form.editors[("name",)].input
    name_field.setFocus()
    qtbot.keyClick(name_field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is w.view
    assert w.selected_cards() and w.selected_cards()[0].pid == "ops"


def test_hide_all_panels_and_back(window, qtbot) -> None:
    w = window()
    w.docks["problems"].hide()  # closed before: stays closed afterwards
    w.panels.focus("guide")  # a tab behind the Inspector brought to the front
    open_before = {n for n, d in w.docks.items() if d.isVisible()}
    assert open_before
    qtbot.keyClick(w.view, Qt.Key.Key_H, CTRL_SHIFT)
    assert not any(d.isVisible() for d in w.docks.values())
    assert w.actions_.hide_panels.isChecked()
    assert QApplication.focusWidget() is w.view
    qtbot.keyClick(w.view, Qt.Key.Key_H, CTRL_SHIFT)
    assert {n for n, d in w.docks.items() if d.isVisible()} == open_before
    QApplication.processEvents()
    assert not w.docks["guide"].visibleRegion().isEmpty() and w.docks["inspector"].visibleRegion().isEmpty()
    assert not w.actions_.hide_panels.isChecked()


def test_f1_lists_the_new_keys(make_window) -> None:
    w = make_window()
    rows = dict(w.shortcut_rows())
    assert rows["Link to"] == "L"
    assert rows["Hide All Panels"] == "Ctrl+Shift+H"
    assert rows["Id from Name"] == "Ctrl+Shift+I"
    assert rows["Back to the canvas from any panel"] == "Esc"
    keys = [k for _, ks in w.shortcut_rows() for k in ks.split(" / ")]
    assert keys.count("Ctrl+Shift+H") == 1 and keys.count("Ctrl+Shift+I") == 1 and keys.count("L") == 1
