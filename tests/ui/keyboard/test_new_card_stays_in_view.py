"""Insert > New Cell, a name and Enter: the new card stays in view while it is named and after, so
F2 next renames a card the person can see (the view used to scroll it below the visible area)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ROOT
from tests.ui.panels.helpers import select_on_canvas

WORKSHOP = ROOT / "samples" / "workshop-30.dao.yaml"


def _in_view(w, pid: str) -> bool:  # type: ignore[no-untyped-def]
    rect = w.view.mapFromScene(w.scene.cards[pid].sceneBoundingRect()).boundingRect()
    return w.view.viewport().rect().contains(rect)


def test_a_named_new_card_stays_in_view_and_f2_edits_it_there(window, qtbot) -> None:
    w = window(WORKSHOP)
    w.set_theme("projector")
    w.resize(1920, 1080)
    QApplication.processEvents()
    w.view.show_document()
    QApplication.processEvents()
    select_on_canvas(w, qtbot, "water-testing")  # a cell with a cell below it
    # as in the tryout: the selected card at the bottom edge of the view
    bar = w.view.verticalScrollBar()
    bottom = w.view.mapFromScene(w.scene.cards["mapping"].sceneBoundingRect().bottomLeft()).y()
    bar.setValue(bar.value() + bottom - w.view.viewport().height() + 12)
    QApplication.processEvents()
    assert _in_view(w, "mapping")
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor = w.view._editor
    assert editor is not None and editor.hasFocus()
    new = w.view._editing
    assert new is not None and _in_view(w, new)
    assert w.view.viewport().rect().contains(editor.geometry())
    qtbot.keyClicks(editor, "Sediment Survey Crew")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    for _ in range(3):
        QApplication.processEvents()
    (named,) = [p.id for p in w.model.primitives if p.name == "Sediment Survey Crew"]
    assert w.scene.selected_ids() == [named]
    assert _in_view(w, named)
    assert w.statusBar().currentMessage() == "added cell 'Sediment Survey Crew'"
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    editor = w.view._editor
    assert editor is not None and w.view._editing == named
    assert w.view.viewport().rect().contains(editor.geometry())
    qtbot.keyClicks(editor, "Silt Crew")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    for _ in range(3):
        QApplication.processEvents()
    assert _in_view(w, w.scene.selected_ids()[0])


def test_f2_on_a_card_scrolled_out_of_view_brings_it_back(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    bar = w.view.verticalScrollBar()
    w.view.set_zoom(1.5)
    card = w.scene.cards["ops"].sceneBoundingRect()
    w.view.centerOn(card.center().x(), card.bottom() + w.view.viewport().height() * 2)
    QApplication.processEvents()
    assert not _in_view(w, "ops") and bar.value() > 0
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    editor = w.view._editor
    assert editor is not None and w.view._editing == "ops"
    assert _in_view(w, "ops") and w.view.viewport().rect().contains(editor.geometry())


def test_a_card_panned_away_while_named_comes_back_after_enter(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    w.actions_.insert_actions["role"].trigger()
    editor = w.view._editor
    assert editor is not None
    qtbot.keyClicks(editor, "Tide Clerk")
    # the person pans away with the wheel while the editor is open (Alt+wheel pans up and down)
    w.view.set_zoom(1.5)
    card = w.scene.cards["ops"].sceneBoundingRect()
    w.view.centerOn(card.center().x(), card.bottom() + w.view.viewport().height() * 2)
    QApplication.processEvents()
    assert not _in_view(w, "ops")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    (named,) = [p.id for p in w.model.primitives if p.name == "Tide Clerk"]
    chip = w.view.mapFromScene(w.scene.item_for(named).sceneBoundingRect()).boundingRect()
    assert w.view.viewport().rect().contains(chip)


def test_a_rename_says_so_replacing_the_find_count(window, qtbot) -> None:
    w = window()
    w.path = "/tmp/saved.dao.yaml"  # a saved file: no id offer follows the rename
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(w.find_bar, "Operations")
    assert w.statusBar().currentMessage().endswith("matches")
    qtbot.keyClick(w.find_bar, Qt.Key.Key_Escape)
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    editor = w.view._editor
    assert editor is not None
    qtbot.keyClicks(editor, "Harbour Operations")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert w.statusBar().currentMessage() == "renamed to 'Harbour Operations'"


def test_showing_the_panels_again_replaces_the_hid_message(window, qtbot) -> None:
    w = window()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_H, shift_ctrl)
    hid = w.statusBar().currentMessage()
    assert hid.startswith("hid ")
    count = int(hid.split()[1])
    qtbot.keyClick(w.view, Qt.Key.Key_H, shift_ctrl)
    assert w.statusBar().currentMessage() == f"showed {count} panels again"
