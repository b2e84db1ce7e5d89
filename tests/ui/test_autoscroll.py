"""Edge auto-scroll during drags: cards, links from a handle, palette items."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

from tests.ui.conftest import at
from tests.ui.gestures import drag_path, move, palette_enter, palette_leave, palette_move, release
from ui.canvas.autoscroll import EDGE_BAND, edge_speed


def test_speed_grows_towards_the_edge() -> None:
    assert edge_speed(400, 800) == 0.0
    assert edge_speed(EDGE_BAND + 1, 800) == 0.0
    slow, fast, beyond = edge_speed(EDGE_BAND - 4, 800), edge_speed(2, 800), edge_speed(-30, 800)
    assert 0 > slow > fast >= beyond
    assert edge_speed(800 - 2, 800) == -fast


def test_dragging_a_card_to_the_edge_scrolls_and_the_card_follows(qtbot, make_window) -> None:
    w = make_window()
    view, card = w.view, w.scene.cards["restoration"]
    hbar = view.horizontalScrollBar()
    grip = at(view, card.sceneBoundingRect().topLeft() + QPointF(60, 12))
    edge = QPoint(view.viewport().width() - 4, grip.y())
    drag_path(view, grip, edge)
    start_value = hbar.value()
    qtbot.waitUntil(lambda: hbar.value() > start_value + 150, timeout=3000)
    assert view.autoscroll.is_active()
    # the card stays under the pointer while the view scrolls
    assert abs(view.mapFromScene(card.pos() + QPointF(60, 12)).x() - edge.x()) <= 4
    # back out of the band: scrolling stops
    inside = QPoint(view.viewport().width() // 2, grip.y())
    move(view, inside)
    assert not view.autoscroll.is_active()
    settled = hbar.value()
    qtbot.wait(60)
    assert hbar.value() == settled
    release(view, inside)
    assert w.model.layout["restoration"][0] > 150
    assert w.stack.titles() == ["Move"]


def test_drawing_a_link_scrolls_and_stops_on_release(qtbot, make_window) -> None:
    w = make_window()
    view, card = w.view, w.scene.cards["regen-dao"]
    card.setSelected(True)
    vbar = view.verticalScrollBar()
    handle = at(view, card.mapToScene(card.handle_center()))
    bottom = QPoint(handle.x(), view.viewport().height() - 3)
    drag_path(view, handle, bottom)
    start_value = vbar.value()
    qtbot.waitUntil(lambda: vbar.value() > start_value + 100, timeout=3000)
    line = view._gesture.line.line()
    assert (view.mapFromScene(line.p2()) - bottom).manhattanLength() <= 3
    release(view, QPoint(view.viewport().width() - 60, view.viewport().height() // 2))
    assert not view.autoscroll.is_active()


def test_palette_drag_scrolls_until_it_leaves(qtbot, make_window) -> None:
    w = make_window()
    view = w.view
    hbar = view.horizontalScrollBar()
    view.centerOn(QPointF(1200, 600))
    start_value = hbar.value()
    mime = palette_enter(view, "cell", QPoint(view.viewport().width() // 2, 300))
    assert not view.autoscroll.is_active()
    palette_move(view, mime, QPoint(3, 300))
    qtbot.waitUntil(lambda: hbar.value() < start_value - 100, timeout=3000)
    palette_leave(view)
    assert not view.autoscroll.is_active()
