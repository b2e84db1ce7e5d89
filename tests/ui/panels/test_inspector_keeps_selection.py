"""Editing a role or task in the Inspector keeps it selected and keeps the keyboard in the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.panels.helpers import select_on_canvas


def _form(w):  # type: ignore[no-untyped-def]
    return w.panels.get("inspector").form


def _open_inspector(w, qtbot) -> None:  # type: ignore[no-untyped-def]
    w.panels.focus("inspector")
    qtbot.waitUntil(w.panels.get("inspector").isVisible, timeout=2000)


def _settle(w, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(20)
    w.panels.hub.sync_now()


def test_ctrl_enter_in_responsibilities_keeps_the_role_selected_and_focused(window, qtbot) -> None:
    w = window()
    _open_inspector(w, qtbot)
    select_on_canvas(w, qtbot, "site-lead")
    editor = _form(w).editors[("state", "purpose", "responsibilities")]
    editor.input.setFocus()
    editor.input.moveCursor(editor.input.textCursor().MoveOperation.End)
    qtbot.keyClick(editor.input, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.input, "Keeps the dive log")
    qtbot.keyClick(editor.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.model["site-lead"].state.purpose.responsibilities[-1] == "Keeps the dive log"
    _settle(w, qtbot)
    assert w.scene.selected_ids() == ["site-lead"]
    assert w.panels.hub.selected() == ["site-lead"]
    assert _form(w) is not None and _form(w).editors[("state", "purpose", "responsibilities")] is editor
    assert QApplication.focusWidget() is editor.input


def test_tab_out_of_a_task_description_commits_and_moves_to_the_next_field(window, qtbot) -> None:
    w = window()
    _open_inspector(w, qtbot)
    select_on_canvas(w, qtbot, "seagrass-survey")
    form = _form(w)
    editor = form.editors[("description",)]
    editor.input.setFocus()
    editor.input.selectAll()
    qtbot.keyClicks(editor.input, "Survey the seagrass beds twice a year.")
    qtbot.keyClick(editor.input, Qt.Key.Key_Tab)
    _settle(w, qtbot)
    assert w.model["seagrass-survey"].description == "Survey the seagrass beds twice a year."
    assert w.scene.selected_ids() == ["seagrass-survey"]
    focused = QApplication.focusWidget()
    assert focused is not None and form.isAncestorOf(focused), "Tab left the Inspector's form"
    assert focused is not editor.input


def test_enter_in_a_line_field_keeps_focus_there(window, qtbot) -> None:
    w = window()
    _open_inspector(w, qtbot)
    select_on_canvas(w, qtbot, "site-lead")
    line = next(e for p, e in _form(w).editors.items() if p[-1] == "term")
    line.input.setFocus()
    line.input.selectAll()
    qtbot.keyClicks(line.input, "6 months")
    qtbot.keyClick(line.input, Qt.Key.Key_Return)
    _settle(w, qtbot)
    assert w.scene.selected_ids() == ["site-lead"]
    assert QApplication.focusWidget() is line.input
