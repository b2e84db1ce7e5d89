"""The canvas driven as a person would: real mouse and keyboard events on the view's viewport."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from designer.layout.geometry import CARD_WIDTH
from designer.model.kinds import SCALES
from tests.ui.conftest import at
from ui.canvas.palette import KIND_MIME


def drop(view, kind: str, scene_point: QPointF) -> None:
    """A palette drag arriving at ``scene_point``: enter, move and drop events on the viewport."""
    pos = at(view, scene_point)
    mime = QMimeData()
    mime.setData(KIND_MIME, kind.encode())
    vp = view.viewport()
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(vp, QDragEnterEvent(pos, action, mime, buttons, mods))
    QApplication.sendEvent(vp, QDragMoveEvent(pos, action, mime, buttons, mods))
    QApplication.sendEvent(vp, QDropEvent(QPointF(pos), action, mime, buttons, mods))
    view.canvas().flush()


def drag(qtbot, view, start: QPointF, end: QPointF, steps: int = 6) -> None:
    vp = view.viewport()
    p0 = at(view, start)
    delta = view.mapFromScene(end) - view.mapFromScene(start)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=p0)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, p0 + QPoint(delta.x() * i // steps, delta.y() * i // steps))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=p0 + delta)
    view.canvas().flush()


def empty_spot(scene, lane: int) -> QPointF:
    right = max(c.sceneBoundingRect().right() for c in scene.cards.values())
    return QPointF(right + 200, scene.lane_tops[lane] + 120)


def test_palette_drop_into_each_lane_sets_the_scale(make_window) -> None:
    w = make_window()
    for lane, scale in enumerate(SCALES):
        before = set(w.model.ids())
        drop(w.view, "cell", empty_spot(w.scene, lane))
        (new,) = set(w.model.ids()) - before
        p = w.model[new]
        assert p.kind == "cell" and p.scale == scale and p.parent is None
        assert w.scene.lane_at(w.scene.cards[new].sceneBoundingRect().center().y()) == lane
    assert w.stack.index == 4
    w.stack.undo()
    assert len([p for p in w.model.primitives if p.name == "New cell"]) == 3


def test_role_dropped_into_a_cell_gets_the_cell_as_parent(make_window) -> None:
    w = make_window()
    card = w.scene.cards["grants-council"]
    drop(w.view, "role", card.sceneBoundingRect().center())
    roles = [p for p in w.model.primitives if p.name == "New role"]
    assert len(roles) == 1 and roles[0].parent == "grants-council"
    assert roles[0].id in w.scene.chips


def test_illegal_drop_says_why_and_changes_nothing(make_window) -> None:
    w = make_window()
    before = w.model.snapshot()
    drop(w.view, "role", empty_spot(w.scene, 2))
    assert w.model.snapshot() == before
    assert w.stack.index == 0
    assert "must sit inside" in w.statusBar().currentMessage()


def test_move_across_lanes_changes_scale_in_one_step(make_window) -> None:
    w = make_window()
    card = w.scene.cards["festival"]
    assert w.model["festival"].scale == "collaboration"
    start = card.sceneBoundingRect().topLeft() + QPointF(60, 12)
    end = QPointF(start.x() + 40, w.scene.lane_tops[2] + 80)
    drag(w.qtbot if hasattr(w, "qtbot") else _qtbot(w), w.view, start, end)
    assert w.model["festival"].scale == "coordination"
    assert w.stack.index == 1
    w.stack.undo()
    assert w.model["festival"].scale == "collaboration"


def _qtbot(w):  # the qtbot fixture's mouse helpers only need QTest
    class Bot:
        mousePress = staticmethod(lambda vp, b, pos: QTest.mousePress(vp, b, Qt.KeyboardModifier.NoModifier, pos))
        mouseRelease = staticmethod(lambda vp, b, pos: QTest.mouseRelease(vp, b, Qt.KeyboardModifier.NoModifier, pos))

    return Bot()


def test_move_within_a_lane_is_one_move_step(qtbot, make_window) -> None:
    w = make_window()
    card = w.scene.cards["comms"]
    x0 = w.model.layout["comms"][0]
    start = card.sceneBoundingRect().topLeft() + QPointF(60, 12)
    drag(qtbot, w.view, start, start + QPointF(120, 0))
    assert abs(w.model.layout["comms"][0] - (x0 + 120)) <= 1
    assert w.stack.titles() == ["Move"]


def test_drag_role_onto_another_cell_reparents_it(qtbot, make_window) -> None:
    w = make_window()
    role = next(p for p in w.model.primitives if p.kind == "role" and p.parent == "ops")
    chip = w.scene.chips[role.id]
    target = w.scene.cards["grants-council"].sceneBoundingRect().center()
    drag(qtbot, w.view, chip.sceneBoundingRect().center(), target)
    assert w.model[role.id].parent == "grants-council"
    assert role.id in w.scene.chips and w.scene.chips[role.id].parentItem() is w.scene.cards["grants-council"]


def test_draw_link_from_handle(qtbot, make_window, monkeypatch) -> None:
    w = make_window()
    monkeypatch.setattr(w.view, "choose_link_kind", lambda kinds: "coordinates-with")
    card = w.scene.cards["restoration"]
    card.setSelected(True)
    handle = card.mapToScene(card.handle_center())
    target = w.scene.cards["festival"].sceneBoundingRect().center()
    drag(qtbot, w.view, handle, target)
    assert ("restoration", "festival", "coordinates-with") in [lk.key for lk in w.model.links]
    assert ("restoration", "festival", "coordinates-with") in w.scene.edges
    assert w.stack.index == 1


def test_delete_then_undo_restores_everything(qtbot, make_window) -> None:
    w = make_window()
    before = w.model.snapshot()
    w.scene.cards["ops"].setSelected(True)
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key.Key_Delete)
    assert "ops" not in w.model and "ops" not in w.scene.cards
    assert not any("ops" in (lk.source, lk.target) for lk in w.model.links)
    assert w.stack.index == 1
    QTest.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    w.scene.flush()
    assert w.model.snapshot() == before
    assert "ops" in w.scene.cards


def test_copy_and_paste_with_new_ids(qtbot, make_window) -> None:
    w = make_window()
    n = len(w.model.primitives)
    inside = len(w.model.descendants("grants-council")) + 1
    w.scene.cards["grants-council"].setSelected(True)
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(w.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(w.model.primitives) == n + inside
    new = [i for i in w.scene.selected_ids() if i != "grants-council"]
    assert new and all(i in w.scene.cards for i in new)
    assert w.stack.titles() == ["Paste"]
    # the copy lands on a free spot of its lane, never over the original or another card
    (copy,) = [i for i in new if i in w.scene.cards and w.model[i].kind == "cell"]
    pasted = w.scene.cards[copy].sceneBoundingRect().adjusted(12, 12, -12, -12)
    for cid, card in w.scene.cards.items():
        if cid != copy:
            assert not pasted.intersects(card.sceneBoundingRect()), f"the pasted card covers {cid}"
    QTest.keyClick(w.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(w.model.primitives) == n + 2 * inside
    (twin,) = [i for i in w.scene.selected_ids() if i in w.scene.cards and w.model[i].kind == "cell"]
    doubled = w.scene.cards[twin].sceneBoundingRect().adjusted(12, 12, -12, -12)
    for cid, card in w.scene.cards.items():
        if cid != twin:
            assert not doubled.intersects(card.sceneBoundingRect()), f"the duplicate covers {cid}"


def test_cut_and_paste_puts_a_card_back_where_it_was(qtbot, make_window) -> None:
    w = make_window()
    where = list(w.model.layout["festival"])
    w.scene.cards["festival"].setSelected(True)
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert "festival" not in w.model
    QTest.keyClick(w.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (back,) = [i for i in w.scene.selected_ids() if w.model[i].kind == "cell"]
    assert list(w.model.layout[back]) == where


def test_nudges_merge_into_one_step(qtbot, make_window) -> None:
    w = make_window()
    x0 = w.model.layout["data"][0]
    w.scene.cards["data"].setSelected(True)
    w.view.setFocus()
    for _ in range(3):
        QTest.keyClick(w.view, Qt.Key.Key_Right)
    assert w.model.layout["data"][0] == x0 + 30
    assert w.stack.titles() == ["Nudge"]


def test_rename_in_place(qtbot, make_window) -> None:
    w = make_window()
    card = w.scene.cards["comms"]
    pos = at(w.view, card.mapToScene(card.name_rect().center()))
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = w.view._editor
    assert editor is not None
    editor.selectAll()
    QTest.keyClicks(editor, "Story Cell")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert w.model["comms"].name == "Story Cell"
    assert w.stack.titles() == ["Rename"]


def test_zoom_keys_and_fit(qtbot, make_window) -> None:
    w = make_window()
    w.view.setFocus()
    w.actions_.zoom_in.trigger()
    assert w.view.zoom() > 1.0
    w.actions_.zoom_reset.trigger()
    assert w.view.zoom() == 1.0
    w.actions_.fit.trigger()
    assert w.view.zoom() < 1.0
    assert w.zoom_label.text().endswith("%")


def test_fold_tasks_shortens_a_card(make_window) -> None:
    w = make_window()
    card = w.scene.cards["ops"]
    h = card.height
    w.scene.set_folded("ops", True)
    assert w.scene.cards["ops"].height < h
    assert w.model.snapshot() == w.model.snapshot()  # folding is view state: nothing to undo
    assert w.stack.index == 0


def test_new_cards_placed_without_overlap(make_window) -> None:
    w = make_window()
    w.insert_new("cell")
    new = [p.id for p in w.model.primitives if p.name == "New cell"]
    assert new
    rect = w.scene.cards[new[0]].sceneBoundingRect()
    others = [c.sceneBoundingRect() for cid, c in w.scene.cards.items() if cid != new[0]]
    assert rect.width() >= CARD_WIDTH
    assert sum(rect.intersects(o) for o in others) <= 1
