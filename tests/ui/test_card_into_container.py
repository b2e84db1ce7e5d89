"""Dragging a card that is already on the canvas into a container card (or, with Alt, past it)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from tests.ui.conftest import at
from tests.ui.gestures import drag_path, release

ALT = Qt.KeyboardModifier.AltModifier


def grip(w, cid: str) -> QPointF:  # type: ignore[no-untyped-def]
    return w.scene.cards[cid].mapToScene(QPointF(60, 12))


def header(w, cid: str) -> QPointF:  # type: ignore[no-untyped-def]
    return w.scene.cards[cid].mapToScene(QPointF(130, 34))


def drag_card(w, cid: str, onto: str, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    """Press on ``cid``'s header and move onto ``onto``'s header, the button still down."""
    view = w.view
    view.set_zoom(0.5)
    view.centerOn((grip(w, cid) + header(w, onto)) / 2)
    start, end = view.mapFromScene(grip(w, cid)), view.mapFromScene(header(w, onto))
    drag_path(view, start, end, mods=mods)
    return end


def test_card_released_over_a_container_moves_into_it_in_one_step(qtbot, make_window) -> None:
    w = make_window()
    before = w.model.snapshot()
    assert w.model["festival"].parent == "grants-council"
    end = drag_card(w, "festival", "ops")
    highlight = w.view._gesture.highlight
    assert highlight.isVisible() and highlight.target == "ops" and highlight.ok
    assert "Ops" in highlight.text or w.model["ops"].name in highlight.text
    release(w.view, end)
    assert highlight.scene() is None
    p = w.model["festival"]
    # the parent changes, the scale does not: it follows the group's headcount (Restoration Cell,
    # a collaboration cell, sits in the coordination-scale Operations Cell too)
    assert p.parent == "ops" and p.scale == "collaboration"
    assert w.stack.titles() == ["Move into container"]
    assert w.statusBar().currentMessage() == (
        "moved 'Festival Cell' into 'Operations Cell' (kept at the collaboration scale)")
    card, ops = w.scene.cards["festival"].sceneBoundingRect(), w.scene.cards["ops"].sceneBoundingRect()
    assert w.scene.lane_of("festival") == w.scene.lane_at(card.top() + 30)  # still in its own lane
    assert not card.adjusted(8, 8, -8, -8).intersects(ops)
    assert abs(card.center().x() - ops.center().x()) < 300  # moved across, under its new parent
    w.stack.undo()
    assert w.model.snapshot() == before


def test_a_card_of_the_containers_lane_lands_beside_it(qtbot, make_window) -> None:
    w = make_window()
    end = drag_card(w, "comms", "restoration")  # both in the collaboration lane
    release(w.view, end)
    assert w.model["comms"].parent == "restoration" and w.model["comms"].scale == "collaboration"
    assert w.statusBar().currentMessage() == "moved 'Comms Cell' into 'Restoration Cell'"
    card, target = w.scene.cards["comms"].sceneBoundingRect(), w.scene.cards["restoration"].sceneBoundingRect()
    assert not card.adjusted(8, 8, -8, -8).intersects(target)
    assert (card.center() - target.center()).manhattanLength() < 900


def test_alt_moves_without_reparenting(qtbot, make_window) -> None:
    w = make_window()
    end = drag_card(w, "festival", "ops", mods=ALT)
    assert not w.view._gesture.highlight.isVisible()
    release(w.view, end, ALT)
    assert w.model["festival"].parent == "grants-council"
    assert w.stack.titles() == ["Move to another lane"]


def test_refused_container_is_marked_and_the_status_bar_says_why(qtbot, make_window) -> None:
    w = make_window()
    end = drag_card(w, "ops", "restoration")  # restoration sits inside ops
    highlight = w.view._gesture.highlight
    assert highlight.isVisible() and highlight.target == "restoration" and not highlight.ok
    release(w.view, end)
    assert w.model["ops"].parent == "regen-dao"
    assert "cannot go inside itself or its own contents" in w.statusBar().currentMessage()


def test_no_highlight_over_the_current_parent_or_empty_canvas(qtbot, make_window) -> None:
    w = make_window()
    view = w.view
    start = at(view, grip(w, "festival"))
    drag_path(view, start, start + (view.mapFromScene(QPointF(0, 0)) - view.mapFromScene(QPointF(-200, 0))))
    assert not view._gesture.highlight.isVisible()
    release(view, view._last_point)
    assert w.model["festival"].parent == "grants-council"
