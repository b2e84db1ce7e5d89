"""Lane names stay in sight: scrolled past the gutter (or below a lane's top), each lane shown
gets a tag with its name pinned to the view's left edge."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from ui.canvas.lane_headers import STRIP_WIDTH, pinned_headers
from ui.canvas.style import style


def test_no_tags_while_the_lane_titles_show(qtbot, make_window) -> None:
    w = make_window()
    w.view.set_zoom(0.5)
    w.view.centerOn(w.scene.sceneRect().topLeft() + QPointF(600, 500))
    QApplication.processEvents()
    assert pinned_headers(w.view) == []


def test_scrolled_right_every_visible_lane_is_named_at_the_left_edge(qtbot, make_window) -> None:
    w = make_window()
    view = w.view
    view.zoom_reset()
    view.centerOn(QPointF(900, 700))  # the gutter (x < 0) is off screen
    QApplication.processEvents()
    tags = pinned_headers(view)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    shown = [lane.scale.upper() for lane in w.scene.lanes
             if lane.rect().bottom() > visible.top() + 40 and lane.rect().top() < visible.bottom() - 40]
    assert [text.split()[0] for text, _ in tags] == shown and len(shown) >= 2
    for _text, rect in tags:
        assert rect.left() < 10 and rect.right() <= STRIP_WIDTH
        assert 0 <= rect.top() < view.viewport().height()
    # and they are painted: the first tag's box shows the tag's text colour
    image = view.viewport().grab().toImage()
    _, rect = tags[0]
    colours = {image.pixelColor(x, y).name() for x in range(int(rect.left()) + 8, int(rect.right()) - 6)
               for y in range(int(rect.top()) + 2, int(rect.bottom()) - 2)}
    assert style().lane_title.name() in colours


def test_a_lane_scrolled_below_its_top_keeps_its_name(qtbot, make_window) -> None:
    w = make_window()
    view = w.view
    view.set_zoom(2.0)
    lane = w.scene.lanes[2]  # coordination
    left, half = w.scene.sceneRect().left(), view.mapToScene(view.viewport().rect()).boundingRect().size() / 2
    view.centerOn(QPointF(left + half.width(), lane.rect().top() + 60 + half.height()))
    QApplication.processEvents()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.left() <= lane.rect().left() + 5, "the gutter shows"
    assert lane.rect().top() + 14 < visible.top() < lane.rect().bottom() - 40, "the lane's title is above the view"
    texts = [t for t, _ in pinned_headers(view)]
    assert any(t.startswith("COORDINATION") for t in texts)
