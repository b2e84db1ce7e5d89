"""Gestures as objects: moving cards, dragging a role or task into another container, drawing a link.

A gesture moves items freely while the mouse is down (feedback only); on release it pushes
commands (one macro per gesture) and the scene redraws from the model. When the command is
refused, the scene is redrawn from the unchanged model and the message goes to the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem

from designer.commands.links import AddLink
from designer.commands.primitives import MovePrimitives, Reparent, SetScale
from designer.commands.stack import CommandError, UndoStack
from designer.model.kinds import CONTAINERS, LINK_KINDS, SCALES
from ui.canvas.card_item import CardItem
from ui.canvas.chip_item import ChipItem, TaskItem
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
    """Drag selected cards; on release one Move (+ Change scale) step."""

    def __init__(self, scene: CanvasScene, cards: list[CardItem], start: QPointF) -> None:
        self.scene, self.cards, self.start = scene, cards, start
        self.origins = {c.pid: c.pos() for c in cards}
        self.moved = False

    def move(self, pos: QPointF) -> None:
        delta = pos - self.start
        if not self.moved and abs(delta.x()) + abs(delta.y()) < 3:
            return
        self.moved = True
        for card in self.cards:
            card.setPos(self.origins[card.pid] + delta)
        self.scene.route_edges_of_cards({c.pid for c in self.cards})

    def finish(self, stack: UndoStack, report: Report) -> bool:
        if not self.moved:
            return False
        positions: dict[str, tuple[float, float]] = {}
        scales: dict[str, str] = {}
        for card in self.cards:
            top_left = card.pos()
            lane = self.scene.lane_at(top_left.y() + min(card.height, 60) / 2)
            positions[card.pid] = self.scene.to_layout(lane, top_left)
            if self.scene.lane_of(card.pid) != lane:
                scales[card.pid] = SCALES[lane]
        commands: list[object] = [MovePrimitives(positions)]
        for scale in set(scales.values()):
            commands.append(SetScale([k for k, v in scales.items() if v == scale], scale))  # type: ignore[arg-type]
        title = "Move" if not scales else "Move to another lane"
        ok = push_gesture(stack, title, commands, report)
        if not ok:
            self.cancel()
        return ok

    def cancel(self) -> None:
        for card in self.cards:
            card.setPos(self.origins[card.pid])
        self.scene.route_edges_of_cards({c.pid for c in self.cards})


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

    def move(self, pos: QPointF) -> None:
        delta = pos - self.start
        if not self.moved and abs(delta.x()) + abs(delta.y()) < 3:
            return
        self.moved = True
        self.item.setPos(self.origin + delta)

    def finish(self, stack: UndoStack, report: Report, pos: QPointF) -> bool:
        self.item.setZValue(0)
        if not self.moved:
            return False
        self.item.setVisible(False)  # look through the dragged item
        target, _ = container_at(self.scene, pos, self.item.kind)
        self.item.setVisible(True)
        current = self.scene.model.get(self.item.pid)
        self.item.setPos(self.origin)
        if current is None or target is None or target == current.parent or target == self.item.pid:
            if target is None:
                report(f"drop the {self.item.kind} onto a container to move it there")
            return False
        return push_gesture(stack, "Move into container", [Reparent(self.item.pid, target)], report)

    def cancel(self) -> None:
        self.item.setZValue(0)
        self.item.setPos(self.origin)


class DrawLink:
    """Drag from a card's handle to another primitive; the kind is chosen on release."""

    def __init__(self, scene: CanvasScene, source: str, start: QPointF) -> None:
        self.scene, self.source = scene, source
        self.line = QGraphicsLineItem(QLineF(start, start))
        pen = QPen(style().select, 2)
        pen.setDashPattern([4, 3])
        self.line.setPen(pen)
        self.line.setZValue(20)
        scene.addItem(self.line)

    def move(self, pos: QPointF) -> None:
        self.line.setLine(QLineF(self.line.line().p1(), pos))

    def target_at(self, pos: QPointF) -> str | None:
        for item in self.scene.items(pos):
            pid = getattr(item, "pid", None)
            if pid is not None and pid != self.source and isinstance(item, CardItem | ChipItem | TaskItem):
                return str(pid)
        return None

    def finish(
        self, stack: UndoStack, report: Report, pos: QPointF, choose: Callable[[list[str]], str | None]
    ) -> bool:
        self.cancel()
        target = self.target_at(pos)
        if target is None:
            report("drop the link onto another DAO, cell, role, task or partner")
            return False
        target_kind = self.scene.model[target].kind
        kinds = [k for k in LINK_KINDS if k != "uses-role" or target_kind == "role"]
        kind = choose(kinds)
        if kind is None:
            return False
        return push_gesture(stack, f"Add {kind} link", [AddLink(self.source, target, kind)], report)  # type: ignore[arg-type]

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
