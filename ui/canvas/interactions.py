"""Gestures as objects: moving cards, dragging a role or task into another container, drawing a link.

A gesture moves items freely while the mouse is down (feedback only); on release it pushes
commands (one macro per gesture) and the scene redraws from the model. When the command is
refused, the scene is redrawn from the unchanged model and the message goes to the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem

from designer.commands.links import AddLink
from designer.commands.primitives import MovePrimitives, Reparent, SetScale, check_parent
from designer.commands.stack import CommandError, UndoStack
from designer.model.kinds import CONTAINERS, LINK_KINDS, SCALES
from ui.canvas.card_item import KIND_LABEL, CardItem
from ui.canvas.chip_item import ChipItem, TaskItem
from ui.canvas.drop_target import DropHighlight
from ui.canvas.placement import free_spot_near, layout_at
from ui.canvas.scene import CanvasScene
from ui.canvas.style import style

Report = Callable[[str], None]


def push_gesture(stack: UndoStack, title: str, commands: list[object], report: Report) -> bool:
    """Push ``commands`` as one undo step; on refusal undo what ran and report why."""
    stack.begin_macro(title)
    try:
        for command in commands:
            stack.push(command)  # type: ignore[arg-type]
    except CommandError as exc:
        stack.abort_macro()
        report(str(exc))
        return False
    stack.end_macro()
    return True


class MoveCards:
    """Drag selected cards; on release one Move (+ Change scale) step, or, released over a container
    that may hold them, one "Move into container" step (Reparent + Move; the scale stays).

    The container under the pointer is highlighted while hovering (red, with the reason, when it
    may not hold them), so a card never changes parent by accident; with ``keep_parent`` (Alt held)
    nothing is highlighted and the drop is a plain move."""

    def __init__(self, scene: CanvasScene, cards: list[CardItem], start: QPointF, snap: bool = True) -> None:
        self.scene, self.cards, self.start, self.snap = scene, cards, start, snap
        self.origins = {c.pid: c.pos() for c in cards}
        self.moving = set(self.origins)
        self.moved = False
        self.target: str | None = None
        self.refusal: str | None = None
        self.highlight = DropHighlight()

    def move(self, pos: QPointF, keep_parent: bool = False) -> None:
        delta = pos - self.start
        if not self.moved and abs(delta.x()) + abs(delta.y()) < 3:
            return
        self.moved = True
        for card in self.cards:
            card.setPos(self.origins[card.pid] + delta)
        self.scene.route_edges_of_cards(self.moving)
        self.aim(pos, keep_parent)

    def _card_under(self, pos: QPointF) -> CardItem | None:
        for item in self.scene.items(pos):
            card = item if isinstance(item, CardItem) else item.parentItem()
            if isinstance(card, CardItem) and card.pid not in self.moving:
                return card
        return None

    def aim(self, pos: QPointF, keep_parent: bool = False) -> None:
        """Find (and highlight) the container the cards would go into if released at ``pos``."""
        self.target = self.refusal = None
        card = None if keep_parent or not self.moved else self._card_under(pos)
        model = self.scene.model
        if card is None or all(model[pid].parent == card.pid for pid in self.moving):
            self.highlight.clear()
            return
        name = model[card.pid].name
        try:
            for pid in self.moving:
                check_parent(model, model[pid].kind, card.pid, moving=pid)
        except CommandError as exc:
            self.refusal = f"not moved into '{name}': {exc}"
            self.highlight.show_on(self.scene, card.pid, _outline(card), f"cannot go into {name}", ok=False)
            return
        self.target = card.pid
        self.highlight.show_on(self.scene, card.pid, _outline(card), f"move into {name}  (Alt: just move)")

    def finish(self, stack: UndoStack, report: Report) -> bool:
        self.highlight.remove()
        if not self.moved:
            return False
        if self.target is not None:
            return self._finish_into(stack, report, self.target)
        positions: dict[str, tuple[float, float]] = {}
        scales: dict[str, str] = {}
        for card in self.cards:
            top_left = card.pos()
            lane = self.scene.lane_at(top_left.y() + min(card.height, 60) / 2)
            positions[card.pid] = self._layout(lane, top_left)
            if self.scene.lane_of(card.pid) != lane:
                scales[card.pid] = SCALES[lane]
        title = "Move" if not scales else "Move to another lane"
        ok = push_gesture(stack, title, self._commands(positions, scales), report)
        if not ok:
            self.cancel()
        elif self.refusal:
            report(self.refusal)
        return ok

    def _finish_into(self, stack: UndoStack, report: Report, target: str) -> bool:
        """Put the cards into ``target``, each keeping its scale (a scale follows a group's headcount,
        not its parent's: a collaboration cell can sit in a coordination cell). A card of the
        container's lane goes to the free spot nearest where it was dropped; a card of another lane
        stays in its lane, moved across to where it was dropped."""
        target_lane = self.scene.lane_of(target)
        positions: dict[str, tuple[float, float]] = {}
        unplaced = set(self.moving)
        others: list[str] = []
        for card in self.cards:
            lane = self.scene.lane_of(card.pid)
            wanted = card.pos() if lane == target_lane else QPointF(card.pos().x(), self.origins[card.pid].y())
            spot = free_spot_near(self.scene, lane, wanted, card.height, ignore=unplaced)
            card.setPos(spot)  # feedback only: later cards of the group avoid it
            unplaced.discard(card.pid)
            positions[card.pid] = self._layout(lane, spot)
            if lane != target_lane:
                others.append(card.pid)
        commands = self._commands(positions, {})
        commands += [Reparent(pid, target) for pid in self.origins if self.scene.model[pid].parent != target]
        ok = push_gesture(stack, "Move into container", commands, report)
        if ok:
            model = self.scene.model
            names = ", ".join(f"'{model[pid].name}'" for pid in self.origins)
            kept = sorted({str(getattr(model[pid], "scale", "")) for pid in others})
            note = f" (kept at the {' and '.join(kept)} scale)" if kept else ""
            report(f"moved {names} into '{model[target].name}'{note}")
        else:
            self.cancel()
        return ok

    def _layout(self, lane: int, top_left: QPointF) -> tuple[float, float]:
        return layout_at(self.scene, lane, top_left, self.snap)

    @staticmethod
    def _commands(positions: dict[str, tuple[float, float]], scales: dict[str, str]) -> list[object]:
        commands: list[object] = [MovePrimitives(positions)]
        for scale in sorted(set(scales.values())):
            commands.append(SetScale([k for k, v in scales.items() if v == scale], scale))  # type: ignore[arg-type]
        return commands

    def cancel(self) -> None:
        self.highlight.remove()
        for card in self.cards:
            card.setPos(self.origins[card.pid])
        self.scene.route_edges_of_cards(self.moving, live=False)


def _outline(item: QGraphicsItem) -> QRectF:
    """The scene rect of what an item draws (its shape, without handle or badge margins)."""
    return item.mapRectToScene(item.shape().boundingRect())


def container_at(scene: CanvasScene, pos: QPointF, kind: str) -> tuple[str | None, QGraphicsItem | None]:
    """The primitive under ``pos`` that ``kind`` may sit in (or the topmost item, to explain why not)."""
    top: QGraphicsItem | None = None
    for item in scene.items(pos):
        pid = getattr(item, "pid", None)
        if pid is None or not isinstance(item, CardItem | ChipItem | TaskItem):
            continue
        if top is None:
            top = item
        p = scene.model.get(pid)
        if p is not None and p.kind in CONTAINERS.get(kind, ()):  # type: ignore[call-overload]
            return pid, item
    return (getattr(top, "pid", None), top)


class MoveIntoContainer:
    """Drag a role chip or task row onto another container: one Reparent step."""

    def __init__(self, scene: CanvasScene, item: ChipItem | TaskItem, start: QPointF) -> None:
        self.scene, self.item, self.start = scene, item, start
        self.origin = item.pos()
        self.moved = False
        self.item.setZValue(10)
        self.highlight = DropHighlight()

    def move(self, pos: QPointF, keep_parent: bool = False) -> None:
        delta = pos - self.start
        if not self.moved and abs(delta.x()) + abs(delta.y()) < 3:
            return
        self.moved = True
        self.item.setPos(self.origin + delta)
        target, under = self._target(pos)
        current = self.scene.model.get(self.item.pid)
        if target is None or under is None or current is None or target in (current.parent, self.item.pid):
            self.highlight.clear()
            return
        name = self.scene.model[target].name
        self.highlight.show_on(self.scene, target, _outline(under), f"move into {name}",
                               label_over=_outline(under.topLevelItem()))

    def _target(self, pos: QPointF) -> tuple[str | None, QGraphicsItem | None]:
        self.item.setVisible(False)  # look through the dragged item
        found = container_at(self.scene, pos, self.item.kind)
        self.item.setVisible(True)
        return found

    def finish(self, stack: UndoStack, report: Report, pos: QPointF) -> bool:
        self.highlight.remove()
        self.item.setZValue(0)
        if not self.moved:
            return False
        target, _ = self._target(pos)
        current = self.scene.model.get(self.item.pid)
        self.item.setPos(self.origin)
        if current is None or target is None or target == current.parent or target == self.item.pid:
            if target is None:
                report(f"drop the {self.item.kind} onto a container to move it there")
            return False
        return push_gesture(stack, "Move into container", [Reparent(self.item.pid, target)], report)

    def cancel(self) -> None:
        self.highlight.remove()
        self.item.setZValue(0)
        self.item.setPos(self.origin)


def describe(scene: CanvasScene, pid: str) -> str:
    """"cell 'Policy Cell'": how a highlight names the primitive it outlines."""
    p = scene.model[pid]
    return f"{KIND_LABEL.get(p.kind, p.kind).lower().replace('dao', 'DAO')} '{p.name}'"


class DrawLink:
    """Drag from a card's or role chip's handle to another primitive; the kind is chosen on release.

    The item the link would end at (a card, or the role chip or task row under the pointer) is
    highlighted and named while dragging, so a link never lands on a role or task by surprise."""

    def __init__(self, scene: CanvasScene, source: str, start: QPointF) -> None:
        self.scene, self.source = scene, source
        self.line = QGraphicsLineItem(QLineF(start, start))
        pen = QPen(style().select, 2)
        pen.setDashPattern([4, 3])
        self.line.setPen(pen)
        self.line.setZValue(20)
        scene.addItem(self.line)
        self.highlight = DropHighlight()

    def move(self, pos: QPointF, keep_parent: bool = False) -> None:
        self.line.setLine(QLineF(self.line.line().p1(), pos))
        target, item = self._target_item(pos)
        if target is None or item is None:
            self.highlight.clear()
            return
        self.highlight.show_on(self.scene, target, _outline(item), f"link to {describe(self.scene, target)}",
                               label_over=_outline(item.topLevelItem()))

    def _target_item(self, pos: QPointF) -> tuple[str | None, QGraphicsItem | None]:
        for item in self.scene.items(pos):
            pid = getattr(item, "pid", None)
            if pid is not None and pid != self.source and isinstance(item, CardItem | ChipItem | TaskItem):
                return str(pid), item
        return None, None

    def target_at(self, pos: QPointF) -> str | None:
        return self._target_item(pos)[0]

    def finish(
        self, stack: UndoStack, report: Report, pos: QPointF, choose: Callable[[list[str]], str | None]
    ) -> bool:
        target = self.target_at(pos)
        if target is None:
            self.cancel()
            report("drop the link onto another DAO, cell, role, task or partner")
            return False
        target_kind = self.scene.model[target].kind
        kinds = [k for k in LINK_KINDS if k != "uses-role" or target_kind == "role"]
        kind = choose(kinds)  # the highlight stays on while the menu asks
        self.cancel()
        if kind is None:
            return False
        return push_gesture(stack, f"Add {kind} link", [AddLink(self.source, target, kind)], report)  # type: ignore[arg-type]

    def cancel(self) -> None:
        self.highlight.remove()
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
