"""Palette drops: the new item opens in rename (one Undo removes it, named), and a card dropped onto a
container lands next to the drop point, on screen."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import at
from tests.ui.gestures import new_ids, palette_drop


def empty_spot(scene, lane: int) -> QPointF:  # type: ignore[no-untyped-def]
    right = max(c.sceneBoundingRect().right() for c in scene.cards.values())
    return QPointF(right + 200, scene.lane_tops[lane] + 120)


def test_drop_opens_rename_and_one_undo_removes_the_named_item(qtbot, make_window) -> None:
    w = make_window()
    before = set(w.model.ids())
    palette_drop(w.view, "cell", at(w.view, empty_spot(w.scene, 2)))
    (new,) = new_ids(w.model, before)
    editor = w.view._editor
    assert editor is not None and w.view._editing == new and editor.hasFocus()
    assert editor.selectedText() == editor.text() == "New cell"
    QTest.keyClicks(editor, "Tide Cell")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    w.scene.flush()
    # the id comes from the typed name, not from the placeholder ("new-cell")
    assert new == "new-cell" and new not in w.model
    assert w.model["tide-cell"].name == "Tide Cell" and w.view._editor is None
    assert w.scene.selected_ids() == ["tide-cell"]
    assert w.statusBar().currentMessage() == "added cell 'Tide Cell'"
    assert w.stack.titles() == ["Add cell 'Tide Cell'"]
    QTest.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    w.scene.flush()
    assert "tide-cell" not in w.model and "tide-cell" not in w.scene.cards
    w.stack.redo()
    assert w.model["tide-cell"].name == "Tide Cell"


def test_a_dropped_item_named_like_another_gets_the_next_free_id(qtbot, make_window) -> None:
    w = make_window()
    before = set(w.model.ids())
    palette_drop(w.view, "cell", at(w.view, empty_spot(w.scene, 2)))
    QTest.keyClicks(w.view._editor, "Data Cell")  # the sample has a Data Cell, id "data"
    QTest.keyClick(w.view._editor, Qt.Key.Key_Return)
    w.scene.flush()
    (new,) = new_ids(w.model, before)
    assert new == "data-cell" and w.model[new].name == "Data Cell"
    palette_drop(w.view, "cell", at(w.view, empty_spot(w.scene, 2)))
    QTest.keyClicks(w.view._editor, "Data Cell")
    QTest.keyClick(w.view._editor, Qt.Key.Key_Return)
    w.scene.flush()
    assert w.model["data-cell-2"].name == "Data Cell"


def test_escape_keeps_the_placeholder_name(qtbot, make_window) -> None:
    w = make_window()
    card = w.scene.cards["grants-council"]
    before = set(w.model.ids())
    palette_drop(w.view, "role", at(w.view, card.sceneBoundingRect().center()))
    (new,) = new_ids(w.model, before)
    editor = w.view._editor
    assert editor is not None and w.view._editing == new
    QTest.keyClicks(editor, "Scribe")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert w.view._editor is None
    assert w.model[new].name == "New role" and w.model[new].parent == "grants-council"
    assert w.stack.titles() == ["Add role"]


def test_card_dropped_onto_a_container_lands_near_the_drop_point_and_is_shown(qtbot, make_window) -> None:
    w = make_window()
    view = w.view
    view.set_zoom(1.5)
    container = w.scene.cards["regen-dao"]
    point = container.mapToScene(QPointF(130, 34))
    before = set(w.model.ids())
    palette_drop(view, "cell", at(view, point))
    (new,) = new_ids(w.model, before)
    assert w.model[new].parent == "regen-dao" and w.model[new].scale == "constituency"
    assert new in w.model.layout, "a dropped card keeps the place it was given"
    rect = w.scene.cards[new].sceneBoundingRect()
    assert (rect.center() - point).manhattanLength() < 700, rect
    others = [c.sceneBoundingRect().adjusted(8, 8, -8, -8) for cid, c in w.scene.cards.items() if cid != new]
    assert not any(rect.intersects(o) for o in others)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(w.scene.cards[new].mapRectToScene(w.scene.cards[new].shape().boundingRect()))
