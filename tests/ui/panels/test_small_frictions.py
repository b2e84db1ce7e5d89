"""Small frictions from the walkthrough: arrowing through a box is one step, a listed signer says so,
History names the primitive an edit changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.panels.helpers import click_index, select_on_canvas


def test_arrowing_through_the_approach_is_one_undo_step(window, qtbot) -> None:
    w = window()
    w.panels.focus("guide")
    guide = w.panels.get("guide")
    qtbot.waitUntil(guide.isVisible, timeout=2000)
    row = next(i for i, s in enumerate(guide.sections) if s.id == "approach")
    click_index(qtbot, guide.list, guide.list.model().index(row, 0))
    choice = guide.stack.currentWidget().editors[("approach", "choice")]
    before = w.model.design.approach.choice
    steps = w.stack.index
    choice.input.setFocus()
    choice.input.setCurrentIndex(0)
    for _ in range(3):
        qtbot.keyClick(choice.input, Qt.Key.Key_Down)
    assert w.stack.index == steps + 1
    w.stack.undo()
    assert w.model.design.approach.choice == before


def test_adding_a_listed_signer_says_so(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    signers = w.panels.get("inspector").form.editors[("state", "practice", "treasury", "signers")]
    existing = w.model["ops"].state.practice.treasury.signers[0]
    steps = w.stack.index
    signers.add_box.setFocus()
    qtbot.keyClicks(signers.add_box.lineEdit(), existing)
    qtbot.keyClick(signers.add_box.lineEdit(), Qt.Key.Key_Return)
    assert w.stack.index == steps
    assert signers.message.isVisibleTo(signers) and "already listed" in signers.message.text()


def test_history_names_the_primitive(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "site-lead")
    editor = w.panels.get("inspector").form.editors[("description",)]
    editor.input.setFocus()
    editor.input.selectAll()
    qtbot.keyClicks(editor.input, "Leads the restoration site.")
    qtbot.keyClick(editor.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.stack.undo_text() == "Edit description of Site Lead"
