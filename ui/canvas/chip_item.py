"""Role chips and task rows: children of their card, positioned by the card's layout."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.layout.geometry import CARD_PAD, CARD_WIDTH, CHIP_HEIGHT, TASK_HEIGHT
from ui.canvas.style import style

CHIP_X = CARD_PAD + 6
"""A chip's x inside its card."""
CHIP_WIDTH = CARD_WIDTH - 2 * CARD_PAD - 6
HANDLE_X = CARD_WIDTH - CHIP_X
"""A selected chip's link handle sits on its card's right edge, where the card's own handle is."""
HANDLE_R = 5.5
STATUS_MARK = {"done": "☑", "in-progress": "◐", "blocked": "⊘", "cancelled": "☒"}
SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
ELIDE_RIGHT = Qt.TextElideMode.ElideRight


class ChipItem(QGraphicsItem):
    """A role inside its DAO or cell: a rounded chip with a diamond and the role's name.

    Selected, it shows a link handle (like a card's) so a link can start at the role: roles are
    the ends of uses-role links and can themselves be accountable to a cell or another role."""

    kind = "role"

    def __init__(self, pid: str, name: str, holders: int) -> None:
        super().__init__()
        self.pid = pid
        self._rect = QRectF(0, 0, CHIP_WIDTH, CHIP_HEIGHT)
        self._outline = QPainterPath()
        self._outline.addRoundedRect(self._rect, CHIP_HEIGHT / 2, CHIP_HEIGHT / 2)
        self.setFlag(SELECTABLE, True)
        self.set_text(name, holders)

    def set_text(self, name: str, holders: int) -> None:
        self.name = name
        self._suffix = f"  ·  {holders}" if holders else ""
        self._elided: str | None = None
        self.update()

    def text(self) -> str:
        """The name as drawn, elided to fit; measured on first use (a zoomed-out canvas never needs it)."""
        if self._elided is None:
            self._elided = QFontMetricsF(style().chip_font).elidedText("◆ " + self.name, ELIDE_RIGHT, CHIP_WIDTH - 44)
        return self._elided

    def name_rect(self) -> QRectF:
        return QRectF(10, 1, CHIP_WIDTH - 20, CHIP_HEIGHT - 2)

    def handle_center(self) -> QPointF:
        return QPointF(HANDLE_X, CHIP_HEIGHT / 2)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, HANDLE_X + HANDLE_R + 2 - CHIP_WIDTH, 2)

    def shape(self) -> QPainterPath:
        return self._outline

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        s = style()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.4:
            if lod > 0.15:
                painter.fillRect(self._rect, s.chip_fill)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(s.select_pen if self.isSelected() else Qt.PenStyle.NoPen)
        painter.setBrush(s.chip_brush)
        painter.drawPath(self._outline)
        painter.setPen(s.chip_text)
        painter.setFont(s.chip_font)
        painter.drawText(self.name_rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.text())
        if self._suffix:
            painter.setPen(s.card_muted)
            painter.drawText(self.name_rect(), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self._suffix.strip(" ·") + " ⚇")
        if self.isSelected():
            handle = self.handle_center()
            painter.setPen(s.select_pen)
            painter.drawLine(QPointF(CHIP_WIDTH, handle.y()), QPointF(handle.x() - HANDLE_R, handle.y()))
            painter.setBrush(s.card_brush)
            painter.drawEllipse(handle, HANDLE_R, HANDLE_R)


class TaskItem(QGraphicsItem):
    """A task row under its role or cell (indented when it sits in another task)."""

    kind = "task"

    def __init__(self, pid: str, name: str, depth: int, status: str | None) -> None:
        super().__init__()
        self.pid = pid
        self.depth = depth
        self._rect = QRectF(0, 0, CHIP_WIDTH - 12 - depth * 12, TASK_HEIGHT)
        self.setFlag(SELECTABLE, True)
        self.set_text(name, status)

    def set_text(self, name: str, status: str | None) -> None:
        self.name = name
        self._status = status
        self._elided: str | None = None
        self.update()

    def text(self) -> str:
        """The row as drawn, elided to fit; measured on first use (a zoomed-out canvas never needs it)."""
        if self._elided is None:
            mark = STATUS_MARK.get(self._status or "", "☐")
            self._elided = QFontMetricsF(style().task_font).elidedText(
                f"{mark}  {self.name}", ELIDE_RIGHT, self._rect.width() - 6
            )
        return self._elided

    def name_rect(self) -> QRectF:
        return self._rect.adjusted(18, 0, 0, 0)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.5:
            return
        s = style()
        if self.isSelected():
            painter.setPen(s.select_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(1, 1, -1, -1), 4, 4)
        painter.setPen(s.task_text)
        painter.setFont(s.task_font)
        painter.drawText(self._rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.text())


class MoreItem(QGraphicsItem):
    """"+ N more" under a role whose tasks do not all fit."""

    def __init__(self, hidden: int) -> None:
        super().__init__()
        self._text = f"+ {hidden} more task{'s' if hidden != 1 else ''}"
        self._rect = QRectF(0, 0, CHIP_WIDTH - 12, TASK_HEIGHT)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.5:
            return
        s = style()
        painter.setPen(s.card_muted)
        painter.setFont(s.task_font)
        painter.drawText(self._rect.adjusted(22, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self._text)
