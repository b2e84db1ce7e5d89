"""The canvas view: zoom, pan, selection, gestures, palette drops, nudges and rename in place.

Every drag (cards, a link from a handle, a palette item) scrolls the view near its edges
(:mod:`ui.canvas.autoscroll`), so its two ends need not be on screen at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QLineEdit, QMenu, QScrollBar, QWidget

from designer.commands.primitives import AddPrimitive, MovePrimitives, Rename
from designer.commands.stack import CommandError, UndoStack
from designer.layout.geometry import LANE_PITCH, card_height
from designer.model.kinds import SCALED_KINDS, SCALES
from ui.canvas.autoscroll import AutoScroller
from ui.canvas.card_item import HANDLE_RADIUS, CardItem
from ui.canvas.chip_item import ChipItem, TaskItem
from ui.canvas.drop_target import DropHighlight
from ui.canvas.interactions import DrawLink, MoveCards, MoveIntoContainer, container_at, describe
from ui.canvas.lane_headers import STRIP_WIDTH, paint_pinned_headers, pinned_headers
from ui.canvas.lane_item import legend_overlay_rect, paint_legend_overlay
from ui.canvas.org_header import OrgHeaderStrip, header_text, place_strip
from ui.canvas.palette import KIND_MIME, NEW_NAMES
from ui.canvas.placement import free_spot_near, layout_at
from ui.canvas.reading_order import reading_order, step_from
from ui.canvas.scene import CanvasScene
from ui.canvas.style import LINK_LABELS, presenting

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.05, 6.0, 1.2
READABLE_ZOOM = 0.6
"""The least zoom at which card names stay readable on a projector."""
NUDGE, NUDGE_FINE = 10.0, 1.0
HANDLE_HIT_PX = 9.0
"""Least hit radius of a link handle in screen pixels, so it can be grabbed when zoomed out."""
KEEP_PARENT = Qt.KeyboardModifier.AltModifier
"""Held while dragging a card: move it without putting it into the container under the pointer."""


class CanvasView(QGraphicsView):
    status = Signal(str)
    zoomChanged = Signal(float)
    filesDropped = Signal(list)
    viewportMoved = Signal()

    def __init__(self, scene: CanvasScene, stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.stack = stack
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._gesture: MoveCards | MoveIntoContainer | DrawLink | None = None
        self._pan_from: QPoint | None = None
        self._space = False
        self._editor: QLineEdit | None = None
        self._editing: str | None = None
        self._rename_merge: object = None
        self._rename_added: AddPrimitive | None = None
        self.snap = True
        """Snap moved and dropped cards to the 10-unit grid (View > Snap to Grid)."""
        self._tags_drawn = False
        self.show_legend = True
        """The key to the link styles in the view's bottom-right corner (View > Show Legend)."""
        self.after_rename: Callable[[str], None] | None = None
        """Called with the id of a renamed primitive (the window offers an id from the new name)."""
        self._header_wanted = True
        self.header = OrgHeaderStrip(self)
        """The organization's name in a strip above the viewport (:mod:`ui.canvas.org_header`)."""
        self.autoscroll = AutoScroller(self, self._autoscrolled)
        self._drop_highlight = DropHighlight()
        self._drop_kind = ""
        self._last_point = QPoint()
        self.horizontalScrollBar().valueChanged.connect(self.viewportMoved)
        self.verticalScrollBar().valueChanged.connect(self.viewportMoved)

    def canvas(self) -> CanvasScene:
        scene = self.scene()
        assert isinstance(scene, CanvasScene)
        return scene

    def report(self, message: str) -> None:
        self.status.emit(message)

    # --- pinned lane names ----------------------------------------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        self._tags_drawn = paint_pinned_headers(self, painter)
        if self.show_legend:
            paint_legend_overlay(self, painter)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # The scroll blitted the overlays (pinned lane names, legend) along with the scene: repaint
        # where they are drawn and where the blit moved their old pixels to.
        vp = self.viewport()
        if self._tags_drawn or pinned_headers(self):
            strip = QRect(0, 0, STRIP_WIDTH, vp.height())
            vp.update(strip)
            vp.update(strip.translated(dx, dy))
        for rect in [legend_overlay_rect(self)] if self.show_legend else []:
            box = rect.toAlignedRect().adjusted(-2, -2, 2, 2)
            vp.update(box)
            vp.update(box.translated(dx, dy))

    # --- the organization's name above the viewport ------------------------------------------------

    def set_header_visible(self, shown: bool) -> None:
        """Show or hide the organization's name strip above the canvas (hidden while presenting:
        presentation mode may call this; the view also hides it by itself while
        :func:`ui.canvas.style.presenting` is on, checked at every resize)."""
        self._header_wanted = shown
        self.refresh_header()

    def header_visible(self) -> bool:
        return not self.header.isHidden()

    def refresh_header(self) -> None:
        """Re-read the name and place the strip (after a rename of the organization, a resize,
        a change of style)."""
        place_strip(self, self.header, self._header_wanted and not presenting() and bool(header_text(self)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refresh_header()

    # --- zoom ----------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(ZOOM_MIN, min(ZOOM_MAX, factor))
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        self.fitInView(self.canvas().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomChanged.emit(self.zoom())

    def show_document(self, readable: float = READABLE_ZOOM) -> None:
        """The view a file opens with: all the cards when they fit at a zoom where their names can
        be read (from the back of a workshop room, too); otherwise that zoom, from the top left of
        the cards, since a fit at 30 % shows boxes without names."""
        cards = [card.sceneBoundingRect() for card in self.canvas().cards.values()]
        if not cards:
            self.fit()
            return
        area = cards[0]
        for rect in cards[1:]:
            area = area.united(rect)
        area = area.adjusted(-40, -40, 40, 40)
        scene = self.canvas().sceneRect()
        area.setLeft(min(area.left(), scene.left()))  # keep the lane names in view
        area.setTop(min(area.top(), scene.top()))  # and the network lane, empty in a new document
        self.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() < readable:
            self.set_zoom(readable)
            half = self.viewport().rect()
            self.centerOn(area.left() + half.width() / 2 / readable, area.top() + half.height() / 2 / readable)
        self.zoomChanged.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.AltModifier:
            # Alt+wheel pans up and down (some platforms deliver it as a sideways delta)
            self._wheel_pan(self.verticalScrollBar(), delta.y() or delta.x())
            event.accept()
            return
        sideways = delta.x() or (delta.y() if mods & Qt.KeyboardModifier.ShiftModifier else 0)
        if sideways:
            # Shift+wheel and a sideways wheel (or touchpad swipe) pan left and right
            self._wheel_pan(self.horizontalScrollBar(), sideways)
            event.accept()
            return
        steps = delta.y() / 120
        if steps:
            self.set_zoom(self.zoom() * ZOOM_STEP**steps)
        event.accept()

    @staticmethod
    def _wheel_pan(bar: QScrollBar, delta: int) -> None:
        bar.setValue(bar.value() - round(delta / 120 * bar.singleStep() * 3))

    # --- mouse ---------------------------------------------------------------------------------

    def _top_item(self, pos: QPoint) -> CardItem | ChipItem | TaskItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem | ChipItem | TaskItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        ):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        scene = self.canvas()
        reach = max(HANDLE_RADIUS + 2, HANDLE_HIT_PX / max(self.zoom(), 0.01))
        for owner in (i for i in scene.selectedItems() if isinstance(i, CardItem | ChipItem)):
            handle = owner.mapToScene(owner.handle_center())
            if QLineF_len(handle, pos) <= reach:
                self._gesture = DrawLink(scene, owner.pid, handle)
                return
        item = self._top_item(event.position().toPoint())
        toggle = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        if item is None:
            super().mousePressEvent(event)
            return
        if isinstance(item, CardItem) and item.fold_rect().contains(item.mapFromScene(pos)) and item.childItems():
            scene.set_folded(item.pid, not item.folded)
            return
        if toggle:
            item.setSelected(not item.isSelected())
            return
        if not item.isSelected():
            scene.clearSelection()
            item.setSelected(True)
        if isinstance(item, CardItem):
            cards = [i for i in scene.selectedItems() if isinstance(i, CardItem)]
            self._gesture = MoveCards(scene, cards, pos, snap=self.snap)
        else:
            self._gesture = MoveIntoContainer(scene, item, pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self._gesture is not None:
            point = event.position().toPoint()
            self._last_point = point
            self._gesture.move(self.mapToScene(point), bool(event.modifiers() & KEEP_PARENT))
            self.autoscroll.update(point)
            return
        super().mouseMoveEvent(event)

    def _autoscrolled(self, point: QPoint) -> None:
        """The view scrolled under a still pointer: the dragged thing follows it."""
        if self._gesture is not None:
            keep = bool(QApplication.keyboardModifiers() & KEEP_PARENT)
            self._gesture.move(self.mapToScene(point), keep)
        elif self._drop_highlight.scene() is not None:
            self._aim_palette_drop(self._drop_kind, self.mapToScene(point))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            return
        self.autoscroll.stop()
        gesture, self._gesture = self._gesture, None
        if gesture is None:
            super().mouseReleaseEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        if isinstance(gesture, MoveCards):
            gesture.aim(pos, bool(event.modifiers() & KEEP_PARENT))
            gesture.finish(self.stack, self.report)
        elif isinstance(gesture, MoveIntoContainer):
            gesture.finish(self.stack, self.report, pos)
        else:
            gesture.finish(self.stack, self.report, pos, self.choose_link_kind)
        self.canvas().flush()

    def choose_link_kind(self, kinds: list[str]) -> str | None:
        """Ask which kind of link to draw (a menu at the cursor). Tests replace this method."""
        menu = QMenu(self)
        actions: dict[QAction, str] = {}
        for kind in kinds:
            actions[menu.addAction(LINK_LABELS.get(kind, kind))] = kind
        chosen = menu.exec(self.cursor().pos())
        return actions.get(chosen) if chosen is not None else None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self._top_item(event.position().toPoint())
        if item is not None:
            self.start_rename(item.pid)
            return
        super().mouseDoubleClickEvent(event)

    # --- keys ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab walk the cards (:mod:`ui.canvas.reading_order`); Ctrl+Tab and
        Ctrl+Shift+Tab leave the canvas for the next or previous widget, as Tab does elsewhere."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & Qt.KeyboardModifier.AltModifier:
                backward = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
                if mods & Qt.KeyboardModifier.ControlModifier:
                    QWidget.focusNextPrevChild(self, not backward)
                else:
                    self.select_next(forward=not backward)
                return True
        return super().event(event)

    def select_next(self, forward: bool = True) -> str | None:
        """Select the next (or previous) card or role chip in reading order and scroll it into view."""
        scene = self.canvas()
        order = reading_order(scene)
        selected = [i for i in order if i.isSelected()]
        current = (selected[-1] if forward else selected[0]) if selected else None
        item = step_from(order, current, forward)
        pid = getattr(item, "pid", None)
        if item is None or pid is None:
            return None
        scene.clearSelection()
        item.setSelected(True)
        self.ensureVisible(item.sceneBoundingRect(), 40, 40)
        p = scene.model.get(pid)
        if p is not None:
            self.report(f"{p.kind} '{p.name}' — Tab: next, Shift+Tab: previous, Ctrl+Tab: leave the canvas")
        return str(pid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_Escape and self._gesture is not None:
            self.autoscroll.stop()
            self._gesture.cancel()
            self._gesture = None
            return
        if key == Qt.Key.Key_Alt and isinstance(self._gesture, MoveCards):
            self._reaim(keep_parent=True)
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows:
            step = NUDGE_FINE if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE
            self.nudge(arrows[key][0] * step, arrows[key][1] * step)  # type: ignore[index]
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Alt and isinstance(self._gesture, MoveCards):
            self._reaim(keep_parent=False)
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)

    def _reaim(self, keep_parent: bool) -> None:
        """Alt pressed or released mid-drag: show (or drop) the container highlight at once."""
        if isinstance(self._gesture, MoveCards):
            self._gesture.aim(self.mapToScene(self._last_point), keep_parent)

    def nudge(self, dx: float, dy: float) -> None:
        scene = self.canvas()
        cards = [i.pid for i in scene.selectedItems() if isinstance(i, CardItem)]
        if not cards:
            return
        positions = {}
        for cid in cards:
            x, y = scene.layout_position(cid)
            lane_top = scene.lane_of(cid) * LANE_PITCH
            positions[cid] = (x + dx, max(lane_top, y + dy))
        try:
            self.stack.push(MovePrimitives(positions, nudge=True))
        except CommandError as exc:
            self.report(str(exc))
        scene.flush()

    # --- rename in place -----------------------------------------------------------------------

    def start_rename(self, pid: str, merge_key: object = None, added: AddPrimitive | None = None) -> QLineEdit | None:
        """Open the in-place editor on ``pid``'s name, selected. With ``merge_key`` and ``added``
        (the step that added ``pid``), naming it redoes that step under the typed name, so the id
        comes from the name ("estuary-trust", not "new-dao-2"): one Undo removes the named item."""
        scene = self.canvas()
        item = scene.item_for(pid)
        p = scene.model.get(pid)
        if item is None or p is None or not hasattr(item, "name_rect"):
            return None
        self.finish_rename(commit=False)
        self.ensureVisible(item.sceneBoundingRect(), 40, 40)  # F2 on a card scrolled away: bring it back
        rect = self.mapFromScene(item.mapToScene(item.name_rect())).boundingRect()  # type: ignore[attr-defined]
        editor = QLineEdit(p.name, self.viewport())
        editor.setGeometry(_readable(rect.adjusted(-2, -2, 2, 2), editor.sizeHint().height()))
        editor.selectAll()
        editor.returnPressed.connect(lambda: self.finish_rename(commit=True))
        editor.editingFinished.connect(lambda: self.finish_rename(commit=True))
        editor.show()
        editor.setFocus()
        self._editor, self._editing, self._rename_merge = editor, pid, merge_key
        self._rename_added = added
        editor.installEventFilter(self)
        return editor

    def eventFilter(self, obj: object, event: object) -> bool:
        if obj is self._editor and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.finish_rename(commit=False)
                return True
        return False

    def finish_rename(self, commit: bool) -> None:
        editor, pid, merge_key, added = self._editor, self._editing, self._rename_merge, self._rename_added
        if editor is None or pid is None:
            return
        self._editor, self._editing, self._rename_merge, self._rename_added = None, None, None, None
        text = editor.text().strip()
        editor.hide()
        editor.deleteLater()
        self.setFocus()
        scene = self.canvas()
        p = scene.model.get(pid)
        if not (commit and p is not None and text and text != p.name):
            if added is not None and p is not None:
                self.report(f"added {p.kind} '{p.name}'")
            return
        try:
            if added is not None and self._untouched(pid):
                new_id = self.stack.replace_last(merge_key, _renamed(added, text))
                scene.flush()
                scene.select_ids([new_id])
                self.report(f"added {added.kind} '{text}'")
                pid = new_id
            else:
                command = Rename(pid, text)
                command.merge_key = merge_key or ("rename", pid, object())  # an id change may join it
                self.stack.push(command)
                self.report(f"renamed to '{text}'")
                if self.after_rename is not None:
                    self.after_rename(pid)
        except CommandError as exc:
            self.report(str(exc))
        scene.flush()
        self.keep_in_view(pid)

    def keep_in_view(self, pid: str) -> None:
        """Scroll ``pid``'s card into view now and once more after the panels have followed the
        change (a named or renamed card stays where the person can see it, so F2 next is on it)."""
        self.show_ids([pid])
        QTimer.singleShot(0, lambda: self.show_ids([pid]) if pid in self.canvas().model else None)

    def _untouched(self, pid: str) -> bool:
        """Whether nothing refers to ``pid`` yet (no links, nothing inside), so it can be added
        again under another id."""
        model = self.canvas().model
        return not any(pid in (link.source, link.target) for link in model.links) and not any(
            q.parent == pid for q in model.primitives)

    # --- drops: palette items and files --------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(KIND_MIME) or event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        if not (mime.hasFormat(KIND_MIME) or mime.hasUrls()):
            event.ignore()
            return
        event.acceptProposedAction()
        if mime.hasFormat(KIND_MIME):
            point = event.position().toPoint()
            self._drop_kind = bytes(mime.data(KIND_MIME).data()).decode()
            self._aim_palette_drop(self._drop_kind, self.mapToScene(point))
            self.autoscroll.update(point)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._end_palette_drag()
        super().dragLeaveEvent(event)

    def _end_palette_drag(self) -> None:
        self.autoscroll.stop()
        self._drop_highlight.remove()

    def _aim_palette_drop(self, kind: str, pos: QPointF) -> None:
        """Highlight the container a palette item would go into if dropped at ``pos``."""
        scene = self.canvas()
        parent, item = container_at(scene, pos, kind)
        if parent is None or item is None or scene.model[parent].kind not in _containers(kind):
            self._drop_highlight.clear()
            return
        rect = item.mapRectToScene(item.shape().boundingRect())
        card = item.topLevelItem()
        self._drop_highlight.show_on(scene, parent, rect, f"add into {describe(scene, parent)}",
                                     label_over=card.mapRectToScene(card.shape().boundingRect()))

    def dropEvent(self, event: QDropEvent) -> None:
        self._end_palette_drag()
        mime = event.mimeData()
        if mime.hasUrls() and not mime.hasFormat(KIND_MIME):
            self.filesDropped.emit([u.toLocalFile() for u in mime.urls() if u.isLocalFile()])
            event.acceptProposedAction()
            return
        kind = bytes(mime.data(KIND_MIME).data()).decode()
        self.drop_new(kind, self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()

    def drop_new(self, kind: str, pos: QPointF, free_spot: bool = False) -> str | None:
        """Add a primitive of ``kind`` dropped at scene ``pos``: the lane sets the scale, a container the parent.

        A card dropped onto a container goes into the container's lane at the free spot nearest the
        drop point (the view scrolls to it if needed). The new item opens in rename with its
        placeholder selected; the name typed there merges into this step. With ``free_spot`` (Insert >
        New …) a card not put into a container also goes to the free spot nearest ``pos``."""
        scene = self.canvas()
        parent, _ = container_at(scene, pos, kind)
        if parent is not None and scene.model[parent].kind not in _containers(kind):
            parent = None
        lane = scene.lane_at(pos.y())
        position = None
        if kind in SCALED_KINDS:
            top_left = QPointF(pos.x() - 40, pos.y() - 20)
            if parent is not None:
                lane = scene.lane_of(parent)
            if parent is not None or free_spot:
                top_left = free_spot_near(scene, lane, top_left, card_height(None, False))
            position = layout_at(scene, lane, top_left, self.snap)
        name = NEW_NAMES.get(kind, kind)
        command = AddPrimitive(
            kind, name, parent=parent,  # type: ignore[arg-type]
            scale=SCALES[lane] if kind in SCALED_KINDS else None, position=position,
        )
        command.merge_key = ("new", object())
        try:
            new_id: str = self.stack.push(command)
        except CommandError as exc:
            self.report(str(exc))
            return None
        scene.flush()
        scene.clearSelection()
        item = scene.item_for(new_id)
        if item is not None and getattr(item, "pid", None) == new_id:
            item.setSelected(True)
            self.ensureVisible(item.sceneBoundingRect(), 40, 40)
        self.report(f"added {kind} '{name}': type its name, Enter (Esc keeps '{name}')")
        self.start_rename(new_id, merge_key=command.merge_key, added=command)
        return new_id

    def _rect_of(self, ids: list[str]) -> QRectF:
        rect = QRectF()
        for pid in ids:
            item = self.canvas().item_for(pid)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def centre_on_ids(self, ids: list[str]) -> None:
        rect = self._rect_of(ids)
        if not rect.isNull():
            self.centerOn(rect.center())

    def show_ids(self, ids: list[str]) -> None:
        """Scroll just enough that the items of ``ids`` show (new items on a free spot may lie outside)."""
        rect = self._rect_of(ids)
        if not rect.isNull():
            self.ensureVisible(rect, 40, 40)


def _renamed(added: AddPrimitive, name: str) -> AddPrimitive:
    """``added`` again, under ``name`` (its id then comes from the name)."""
    again = AddPrimitive(added.kind, name, parent=added.parent, scale=added.scale, position=added.position,
                         phase=added.phase, fields=added.fields)
    again.title = f"{added.title} '{name}'"  # History and Undo name what was added
    return again


def _readable(rect: QRect, height: int) -> QRect:
    """The editor's rect: the name's, but never smaller than a legible line (zoomed out, the name is tiny)."""
    r = QRect(rect)
    if r.width() < 160:
        r.setWidth(160)
    if r.height() < height:
        r.setTop(r.center().y() - height // 2)
        r.setHeight(height)
    return r


def _containers(kind: str) -> tuple[str, ...]:
    from designer.model.kinds import CONTAINERS

    return tuple(CONTAINERS.get(kind, ()))  # type: ignore[call-overload]


def QLineF_len(a: QPointF, b: QPointF) -> float:
    d = a - b
    return float((d.x() ** 2 + d.y() ** 2) ** 0.5)
