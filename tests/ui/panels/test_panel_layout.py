"""Panels dock, float and close; the layout comes back next time; shortcuts reach every panel."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_layout_persists_across_windows(window, qtbot) -> None:
    w = window()
    w.panels.docks["problems"].close()
    w.panels.docks["outline"].setFloating(True)
    assert w.close()
    w2 = window()
    assert not w2.panels.docks["problems"].isVisible()
    assert w2.panels.docks["outline"].isFloating()
    assert w2.panels.docks["guide"].objectName() == "dock-guide"


def test_keyboard_shortcuts_bring_each_panel_forward(window, qtbot) -> None:
    w = window()
    for i, name in enumerate(("inspector", "phase", "problems", "outline", "guide", "records"), start=1):
        qtbot.keyClick(w, Qt.Key(Qt.Key.Key_0 + i), Qt.KeyboardModifier.ControlModifier)
        dock = w.panels.docks[name]
        assert dock.isVisible(), name
        assert w.panels.slots[name].panel is not None
        focus = w.focusWidget()
        assert focus is not None and dock.isAncestorOf(focus), name
