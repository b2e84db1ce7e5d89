"""A template item renamed in an unsaved document can take the id its new name gives: offered in
the status bar, Ctrl+Shift+I, one undo step with the rename; refused once saved and referred to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from designer.framework.templates import template
from designer.model.integrity import check_integrity
from tests.ui.conftest import at

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def rename_in_place(w, qtbot, pid: str, name: str) -> None:  # type: ignore[no-untyped-def]
    card = w.scene.cards[pid]
    pos = at(w.view, card.mapToScene(card.name_rect().center()))
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    editor = w.view._editor
    assert editor is not None
    qtbot.keyClicks(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_rename_then_id_from_name_is_one_undo_step(make_window, qtbot) -> None:
    w = make_window(None)
    w.new_document(template("hybrid").document(), "Tide Commons")
    w.scene.flush()
    QApplication.processEvents()
    links_before = len(w.model.links_of("team-b"))
    rename_in_place(w, qtbot, "team-b", "Tide Cell")
    assert w.model["team-b"].name == "Tide Cell"
    assert w.statusBar().currentMessage() == (
        "renamed; the id is still 'team-b' — Ctrl+Shift+I (Edit > Id from Name) makes it 'tide-cell'")
    steps = w.stack.index
    qtbot.keyClick(w.view, Qt.Key.Key_I, CTRL_SHIFT)
    assert "team-b" not in w.model and w.model["tide-cell"].name == "Tide Cell"
    assert len(w.model.links_of("tide-cell")) == links_before
    assert check_integrity(w.model.snapshot()) == []
    assert w.stack.index == steps, "the id change joined the rename's step"
    assert w.stack.undo_text() == "Rename to 'Tide Cell' with id 'tide-cell'"
    assert [c.pid for c in w.selected_cards()] == ["tide-cell"]
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.model["team-b"].name != "Tide Cell" and "tide-cell" not in w.model


def test_id_from_name_is_refused_once_saved_and_referred_to(make_window, qtbot, tmp_path: Path) -> None:
    w = make_window()
    assert w.model.links_of("ops")
    rename_in_place(w, qtbot, "ops", "Operations Hub")
    assert "Ctrl+Shift+I" not in w.statusBar().currentMessage()
    qtbot.keyClick(w.view, Qt.Key.Key_I, CTRL_SHIFT)
    assert "ops" in w.model
    message = w.statusBar().currentMessage()
    assert message.startswith("'ops' is saved and ") and message.endswith(
        "things refer to it in this document; ids stay stable once saved")


def test_renaming_in_the_inspector_offers_the_id_too(window, qtbot) -> None:
    from tests.ui.panels.helpers import select_on_canvas

    w = window(None)
    w.new_document(template("hybrid").document(), "Tide Commons")
    w.scene.flush()
    QApplication.processEvents()
    select_on_canvas(w, qtbot, "team-a")
    w.panels.focus("inspector")
    inspector = w.panels.get("inspector")
    field = inspector.form.editors[("name",)].input
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Dune Cell")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert w.model["team-a"].name == "Dune Cell"
    assert w.statusBar().currentMessage().endswith("makes it 'dune-cell'")
    w.id_from_name()
    assert "dune-cell" in w.model and w.stack.undo_text() == "Rename to 'Dune Cell' with id 'dune-cell'"
