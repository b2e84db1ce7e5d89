"""Insert > New … lands by the selected card (in its lane) or under the mouse, not mid-view;
deleting says what went, with a count; a new document opens with the network lane in view."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from designer.framework.templates import template
from designer.model.kinds import SCALES
from tests.ui.panels.helpers import select_on_canvas


def _name_it(w, qtbot, name: str) -> str:  # type: ignore[no-untyped-def]
    editor = w.view._editor
    assert editor is not None and editor.hasFocus()
    qtbot.keyClicks(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return next(p.id for p in w.model.primitives if p.name == name)


def _overlaps(w, pid: str) -> int:  # type: ignore[no-untyped-def]
    rect = w.scene.cards[pid].sceneBoundingRect().adjusted(2, 2, -2, -2)
    return sum(rect.intersects(c.sceneBoundingRect()) for cid, c in w.scene.cards.items() if cid != pid)


def test_insert_goes_into_the_selected_cards_lane_next_to_it(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "coastal-institute")  # a partner: it holds no cell
    w.actions_.insert_actions["cell"].trigger()
    new = _name_it(w, qtbot, "Dune Cell")
    assert w.model[new].scale == w.model["coastal-institute"].scale  # type: ignore[union-attr]
    assert w.model[new].parent is None
    assert _overlaps(w, new) == 0
    near = w.scene.cards["coastal-institute"].sceneBoundingRect().center()
    assert (w.scene.cards[new].sceneBoundingRect().center() - near).manhattanLength() < 900
    w.stack_undo()
    assert new not in w.model


def test_insert_with_nothing_selected_goes_to_the_lane_under_the_mouse(window, qtbot) -> None:
    w = window()
    w.view.fit()
    w.scene.clearSelection()
    vp = w.view.viewport()
    middle_lane = w.scene.lane_at(w.view.mapToScene(vp.rect().center()).y())
    lane = 0 if middle_lane != 0 else len(SCALES) - 1
    top = w.scene.lane_tops[lane]
    # an empty spot of that lane, on screen
    spot = None
    for x in range(0, 4000, 40):
        point = QPointF(x, top + 60)
        pos = w.view.mapFromScene(point)
        if vp.rect().contains(pos) and not any(
                c.sceneBoundingRect().adjusted(-60, -60, 60, 60).contains(point) for c in w.scene.cards.values()):
            spot = pos
            break
    assert spot is not None
    QTest.mouseMove(vp, spot)
    w.actions_.insert_actions["cell"].trigger()
    new = _name_it(w, qtbot, "Mouse Cell")
    assert w.model[new].scale == SCALES[lane]  # type: ignore[union-attr]
    card = w.scene.cards[new].sceneBoundingRect()
    assert (card.topLeft() - w.view.mapToScene(spot)).manhattanLength() < 200


def test_delete_says_how_many_items_and_links_went(window, qtbot) -> None:
    w = window()
    model = w.model
    doomed = {"ops", *model.descendants("ops")}
    links = sum(1 for lk in model.links if lk.source in doomed or lk.target in doomed)
    select_on_canvas(w, qtbot, "ops")
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert "ops" not in model
    message = w.statusBar().currentMessage()
    assert message == f"deleted {len(doomed)} items, {links} links — Ctrl+Z to undo"
    assert len(doomed) > 1 and links > 1
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "ops" in model and len(model.descendants("ops")) == len(doomed) - 1


def test_a_new_document_opens_with_the_network_lane_in_view(make_window, qtbot) -> None:
    w = make_window(None)
    w.resize(1300, 900)
    w.new_document(template("hybrid").document(), "Tide Commons")
    QTest.qWait(100)  # the view is set once the window has laid the document out
    shown = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
    network_top = w.scene.lane_tops[0]
    assert shown.top() <= network_top + 40, (shown, network_top)
    assert shown.intersects(w.scene.cards["community"].sceneBoundingRect())
    # and the lane names: the left edge of the scene shows
    assert shown.left() <= w.scene.sceneRect().left() + 40


def test_insert_point_is_the_view_centre_without_mouse_or_selection(make_window) -> None:
    from ui.canvas.placement import insert_point

    w = make_window()
    w.scene.clearSelection()
    QTest.mouseMove(w, QPoint(5, 5))  # over the menu bar, not the canvas
    centre = w.view.mapToScene(w.view.viewport().rect().center())
    assert (insert_point(w.view) - centre).manhattanLength() < 1
