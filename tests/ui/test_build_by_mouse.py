"""Acceptance: build the multi-stakeholder sample with the mouse alone, save it, reopen it.

The issue's criterion: "a person can build the multi-stakeholder sample
(samples/coastal-alliance.dao.yaml) from an empty document with the mouse alone, save it, reopen it
and get the same document". This test does it in a real :class:`MainWindow` with real events only:

* File > New is opened from the menu bar with mouse clicks, and the template dialog is answered by
  clicking the "Blank" row and OK;
* every primitive comes from a palette drag (drag-enter / drag-move / drop on the viewport): a card
  dropped into an empty spot of a lane takes that lane's scale; a card, role or task dropped onto a
  container gets it as its parent (partners into the stakeholder group, cells into cells, roles into
  cells, tasks onto role chips);
* a child card whose lane differs from its container's (the top-level coordination cell below the
  stakeholder group, the four cells below the coordination cell) is then dragged by its header into
  its own lane (one "Move to another lane" step), and to the sample's x position;
* every name is typed in place: a drop leaves the new item in rename with its placeholder
  selected, so the name is typed straight away and Enter commits it into the drop's undo step;
* every link is drawn from the source card's link handle (click the card to select it, press on the
  handle on its right edge, drag onto the target) and its kind is picked by clicking the entry in
  the real pop-up menu the canvas shows on release;
* the file is written with File > Save As, the window is closed with File > Close Window, and a new
  window opens the file with File > Open (the two file dialogs are the only things replaced: they
  return a path in ``tmp_path``).

The build plan is derived from the sample itself (kinds, names, parents, scales, links), so it stays
in step with the file. The reopened document must equal the saved one (``document_text``) and have
the sample's structure: the same (kind, name, parent name, scale) for every primitive and the same
(from name, to name, kind) link set.

Left out, because the canvas has no mouse path for them (the Inspector panel, another engineer's
work in progress, is meant for them and is not driven here):

* all state text (``state:`` purposes, practices, progress), descriptions, members, holders (also
  the Secretary's holder "policy"), approvals, tools, checklists, the ``design:`` section and the
  organization's name, description and website;
* ``top_level: true`` on the coordination cell and ``stakeholder_group: true`` on the stakeholder
  group: the card summary shows these flags, but no canvas gesture sets them;
* ``phase`` (every new card starts in "conversation") and ``pathway``;
* a task's ``assignee`` (a task dropped onto a role gets the role as its parent only);
* the ``amount`` / ``currency`` / ``period`` of funds links and every link ``label`` ("founding
  agreement", "boat time", ...): the link menu asks for the kind only, and double-clicking an edge
  does nothing;
* ids for names that clash: the ids come from the typed names ("estuary-trust"), but two cells
  both named "Working Group" get "working-group" and "working-group-2", so structure is compared
  by name, never by id.

Awkward or surprising, found while building (viewport 704 x 746 at 100 %), and what became of it:

1. A card dropped onto a container takes the container's lane, so the coordination cell and the
   four cells below it each need a second drag into their own lane. (Fixed in part: a card already
   on the canvas can now be dragged into a container, so the order is no longer forced.)
2. A child card used to land at the first free spot right of its container (x = 3672, off screen).
   Fixed: it lands at the free spot nearest the drop point, keeps that position in the file, and
   the view scrolls to it when needed.
3. The view did not scroll while dragging, so both ends had to be on screen (zoomed out to 19-33 %).
   Fixed: the view scrolls near its edges during every drag (tests/ui/test_autoscroll.py). This
   test still zooms out as far as needed (:func:`both_visible`), which keeps it fast.
4. A new item was not put into rename mode. Fixed (and the in-place editor keeps a legible size
   when zoomed out).
5. A link takes two gestures: a click to select the source, then the drag from its handle. Selected
   role chips now have a handle too; task rows do not (see docs/canvas.md).
6. A link dropped on a cell's body went to the role chip or task row under the pointer without
   warning. The target is now outlined and named while dragging; this test still aims at the
   card's 70-unit header for cards.
7. A task dropped onto a task row becomes a sub-task of that task; a second task for a role has to
   be aimed at the 26-unit chip itself, not at the rows under it (the highlight shows which).
8. Cards moved at less than 100 % landed a unit or two off the grid (959 for 960). Fixed: View >
   Snap to Grid, on by default.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMenu, QWidget

from designer.io.save import document_text
from designer.layout.geometry import CARD_WIDTH, LANE_PAD_TOP, LANE_PITCH, lane_index
from designer.model.ids import unique_id
from designer.model.kinds import SCALED_KINDS
from tests.ui.conftest import ROOT
from ui.canvas.palette import KIND_MIME
from ui.canvas.style import LINK_LABELS

COASTAL = ROOT / "samples" / "coastal-alliance.dao.yaml"
LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier

# --- what the sample holds, by name ---------------------------------------------------------------


def sample_data() -> dict:
    return yaml.safe_load(COASTAL.read_text(encoding="utf-8"))


def structure(prims: list[dict], links: list[dict]) -> tuple[set[tuple], set[tuple]]:
    """(kind, name, parent name, scale) per primitive and (from name, to name, kind) per link."""
    names = {p["id"]: p["name"] for p in prims}
    assert len(set(names.values())) == len(names), "names must be unique to compare by name"
    nodes = {(p["kind"], p["name"], names.get(p.get("parent")), p.get("scale")) for p in prims}
    edges = {(names[lk["from"]], names[lk["to"]], lk["kind"]) for lk in links}
    return nodes, edges


def doc_structure(doc) -> tuple[set[tuple], set[tuple]]:  # type: ignore[no-untyped-def]
    data = doc.to_data()
    return structure(data.get("primitives", []), data.get("links", []))


# --- gestures -------------------------------------------------------------------------------------


def vp_pos(view, scene_point: QPointF) -> QPoint:  # type: ignore[no-untyped-def]
    """Viewport position of a scene point; scrolls it into view first, as a person would."""
    vp_rect = view.viewport().rect().adjusted(20, 20, -20, -20)
    pos = view.mapFromScene(scene_point)
    if not vp_rect.contains(pos):
        view.centerOn(scene_point)
        pos = view.mapFromScene(scene_point)
    return pos


def both_visible(view, a: QPointF, b: QPointF) -> tuple[QPoint, QPoint]:  # type: ignore[no-untyped-def]
    """Viewport positions of two scene points: from 100 %, scrolled and zoomed out (as Ctrl+- does) until
    both show. (Dragging to the view's edge scrolls it too, but waiting for that would slow the test.)"""
    vp_rect = view.viewport().rect().adjusted(20, 20, -20, -20)
    view.zoom_reset()
    pa, pb = view.mapFromScene(a), view.mapFromScene(b)
    if not (vp_rect.contains(pa) and vp_rect.contains(pb)):
        view.centerOn((a + b) / 2)
        pa, pb = view.mapFromScene(a), view.mapFromScene(b)
        while not (vp_rect.contains(pa) and vp_rect.contains(pb)):
            view.zoom_out()
            view.centerOn((a + b) / 2)
            pa, pb = view.mapFromScene(a), view.mapFromScene(b)
    return pa, pb


def palette_drop(w, kind: str, scene_point: QPointF) -> str:  # type: ignore[no-untyped-def]
    """Drag ``kind`` from the palette and drop it at ``scene_point``; returns the new id."""
    before = set(w.model.ids())
    pos = vp_pos(w.view, scene_point)
    mime = QMimeData()
    mime.setData(KIND_MIME, kind.encode())
    vp = w.view.viewport()
    action = Qt.DropAction.CopyAction
    QApplication.sendEvent(vp, QDragEnterEvent(pos, action, mime, LEFT, NO_MOD))
    QApplication.sendEvent(vp, QDragMoveEvent(pos, action, mime, LEFT, NO_MOD))
    QApplication.sendEvent(vp, QDropEvent(QPointF(pos), action, mime, LEFT, NO_MOD))
    w.scene.flush()
    new = set(w.model.ids()) - before
    assert len(new) == 1, f"dropping a {kind}: {w.statusBar().currentMessage()!r}"
    return new.pop()


def mouse_drag(qtbot, w, start: QPointF, end: QPointF, steps: int = 6) -> None:  # type: ignore[no-untyped-def]
    vp = w.view.viewport()
    p0, p1 = both_visible(w.view, start, end)
    qtbot.mousePress(vp, LEFT, pos=p0)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, p0 + (p1 - p0) * i / steps)
    qtbot.mouseRelease(vp, LEFT, pos=p1)
    w.scene.flush()


def click(qtbot, w, scene_point: QPointF) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(w.view.viewport(), LEFT, pos=vp_pos(w.view, scene_point))
    w.scene.flush()


def name_point(w, pid: str) -> QPointF:  # type: ignore[no-untyped-def]
    """The middle of the name as drawn: a card's title, a chip's or a task row's text."""
    item = w.scene.item_for(pid)
    assert item is not None and item.pid == pid, f"{pid} has no item of its own on the canvas"
    return item.mapToScene(item.name_rect().center())


def name_dropped(w, pid: str, name: str) -> str:  # type: ignore[no-untyped-def]
    """The drop left the new item in rename, its placeholder selected: type the name, Enter.
    The name joins the drop's undo step and gives the item its id; returns the id."""
    steps = w.stack.index
    editor = w.view._editor
    assert editor is not None and w.view._editing == pid, f"no in-place editor for {pid}"
    assert editor.hasSelectedText() and editor.selectedText() == editor.text(), "the old name is not selected"
    QTest.keyClicks(editor, name)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    w.scene.flush()
    assert pid not in w.model, "the placeholder's id stayed"
    (named,) = w.scene.selected_ids()
    assert w.model[named].name == name
    assert named == unique_id(name, set(w.model.ids()) - {named})
    assert w.stack.index == steps and w.stack.titles()[-1] == f"Add {w.model[named].kind} '{name}'"
    return named


def card_header(w, pid: str) -> QPointF:  # type: ignore[no-untyped-def]
    """A point on the card's title line: never over a chip or a task row."""
    card = w.scene.cards[pid]
    return card.mapToScene(QPointF(CARD_WIDTH / 2, 34))


def run_popup(pick) -> None:  # type: ignore[no-untyped-def]
    """Call ``pick(popup)`` as soon as a pop-up menu or modal dialog is open (it blocks the test)."""
    deadline = time.monotonic() + 5

    def poll() -> None:
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            pick(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def click_menu_entry(menu: QMenu, text: str) -> None:
    action = next((a for a in menu.actions() if a.text().replace("&", "") == text), None)
    assert action is not None, f"no '{text}' in the menu: {[a.text() for a in menu.actions()]}"
    QTest.mouseClick(menu, LEFT, NO_MOD, menu.actionGeometry(action).center())


def menu_bar_command(qtbot, w, menu_title: str, entry: str, then=None) -> None:  # type: ignore[no-untyped-def]
    """Click ``menu_title`` in the menu bar, then ``entry`` in its menu; ``then`` answers a dialog."""
    bar = w.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(top).center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    answered: list[QWidget] = []
    if then is not None:
        # the entry opens a modal dialog, which blocks inside the click: answer it once it shows
        def answer(widget: QWidget) -> None:
            if isinstance(widget, QMenu):
                run_popup(answer)
                return
            answered.append(widget)
            then(widget)

        run_popup(answer)
    click_menu_entry(menu, entry)
    assert then is None or answered, f"{menu_title} > {entry} opened no dialog"


def draw_link(qtbot, w, source: str, target: str, kind: str, offered: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    """Select the source card, drag from its link handle onto the target, pick ``kind`` in the menu."""
    links = len(w.model.links)
    click(qtbot, w, card_header(w, source))
    card = w.scene.cards[source]
    assert card.isSelected()
    handle = card.mapToScene(card.handle_center())
    end = card_header(w, target) if target in w.scene.cards else name_point(w, target)

    def pick(menu: QWidget) -> None:
        assert isinstance(menu, QMenu), f"expected the link-kind menu, got {menu!r}"
        offered.append([a.text() for a in menu.actions()])
        click_menu_entry(menu, LINK_LABELS[kind])

    run_popup(pick)
    mouse_drag(qtbot, w, handle, end)
    assert len(w.model.links) == links + 1, w.statusBar().currentMessage()
    added = w.model.links[-1]
    assert (added.source, added.target, added.kind) == (source, target, kind)
    assert w.stack.titles()[-1] == f"Add {kind} link"


def lane_point(w, scale: str, x: float, offset: float = 0.0) -> QPointF:  # type: ignore[no-untyped-def]
    """The scene point of a card's top-left at nominal-grid ``(x, offset in lane)``."""
    li = lane_index(scale)
    return QPointF(x, w.scene.lane_tops[li] + LANE_PAD_TOP + offset)


def free_spot(w, scale: str) -> QPointF:  # type: ignore[no-untyped-def]
    """An empty place in a lane, right of every card in it."""
    li = lane_index(scale)
    rights = [c.sceneBoundingRect().right() for cid, c in w.scene.cards.items() if w.scene.lane_of(cid) == li]
    return lane_point(w, scale, max([0.0, *rights]) + 100, 0) + QPointF(40, 20)


def spot_for(w, scale: str, x: float | None) -> QPointF:  # type: ignore[no-untyped-def]
    """Where to drop a top card: at the sample's x at the top of its lane when free, else a free spot."""
    if x is not None:
        rect = QRectF(lane_point(w, scale, x), QSizeF(CARD_WIDTH, 80))
        if not any(rect.intersects(c.sceneBoundingRect()) for c in w.scene.cards.values()):
            return rect.topLeft() + QPointF(40, 20)
    return free_spot(w, scale)


# --- the test -------------------------------------------------------------------------------------


def test_build_coastal_alliance_by_mouse_save_and_reopen(qtbot, make_window, monkeypatch, tmp_path: Path) -> None:
    started = time.monotonic()
    sample = sample_data()
    prims: list[dict] = sample["primitives"]
    layout = sample.get("layout", {})
    expected_nodes, expected_links = structure(prims, sample["links"])

    w = make_window(None)
    w.view.setFocus()

    # File > New, "Blank" template.
    def choose_blank(dialog: QWidget) -> None:
        lst = dialog.list  # type: ignore[attr-defined]
        row = next(i for i, t in enumerate(dialog.templates) if t.name == "blank")  # type: ignore[attr-defined]
        rect = lst.visualItemRect(lst.item(row))
        QTest.mouseClick(lst.viewport(), LEFT, NO_MOD, rect.center())
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, LEFT)

    menu_bar_command(qtbot, w, "File", "New from Template…", then=choose_blank)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    assert not w.model.primitives and not w.model.links and w.stack.index == 0
    w.view.zoom_reset()

    ids: dict[str, str] = {}  # sample id -> id on the canvas
    for p in prims:
        kind, parent = p["kind"], p.get("parent")
        steps = w.stack.index
        if parent is None:
            assert kind in SCALED_KINDS, f"{p['id']}: a {kind} without a container cannot be dropped"
            new = palette_drop(w, kind, spot_for(w, p["scale"], layout.get(p["id"], [None])[0]))
        elif kind == "task":
            new = palette_drop(w, kind, name_point(w, ids[parent]))
        else:
            new = palette_drop(w, kind, card_header(w, ids[parent]))
        assert w.model[new].kind == kind
        assert w.model[new].parent == (ids[parent] if parent else None), w.statusBar().currentMessage()
        new = ids[p["id"]] = name_dropped(w, new, p["name"])
        assert w.stack.index == steps + 1, "one drop and its name, one undo step"
        if kind in SCALED_KINDS and w.model[new].scale != p["scale"]:
            # dropped onto its container, it took the container's lane: drag it into its own
            x = layout.get(p["id"], [w.scene.layout_position(new)[0]])[0]
            offset = (layout[p["id"]][1] - lane_index(p["scale"]) * LANE_PITCH) if p["id"] in layout else 0
            grip = QPointF(60, 12)
            start = w.scene.cards[new].pos() + grip
            mouse_drag(qtbot, w, start, lane_point(w, p["scale"], x, offset) + grip)
            assert w.model[new].scale == p["scale"], w.statusBar().currentMessage()
            assert w.stack.titles()[-1] == "Move to another lane"
            assert w.model[new].parent == (ids[parent] if parent else None)

    offered: list[list[str]] = []
    for lk in sample["links"]:
        draw_link(qtbot, w, ids[lk["from"]], ids[lk["to"]], lk["kind"], offered)
    # "uses role" is offered only when the link ends on a role
    for kinds, lk in zip(offered, sample["links"], strict=True):
        assert ("uses role" in kinds) == (lk["kind"] == "uses-role"), (lk, kinds)

    built = w.model.snapshot()
    assert doc_structure(built) == (expected_nodes, expected_links)

    # File > Save As..., to a path the (replaced) file dialog returns
    target = tmp_path / "coastal-by-mouse.dao.yaml"
    asked: list[str] = []

    def save_dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append("save")
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    menu_bar_command(qtbot, w, "File", "Save As…")
    assert asked == ["save"] and target.exists()
    assert not w.isWindowModified()
    saved_text = target.read_text(encoding="utf-8")
    assert saved_text == document_text(built)
    positions = {cid: card.pos() for cid, card in w.scene.cards.items()}
    menu_bar_command(qtbot, w, "File", "Close Window")
    assert not w.isVisible()

    # a new window, File > Open...
    w2 = make_window(None)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    menu_bar_command(qtbot, w2, "File", "Open…")
    assert w2.path == str(target)
    reopened = w2.model.snapshot()
    assert document_text(reopened) == saved_text
    assert doc_structure(reopened) == (expected_nodes, expected_links)
    # the canvas looks as it did: every card is where it was
    assert {cid: card.pos() for cid, card in w2.scene.cards.items()} == positions
    assert time.monotonic() - started < 30
