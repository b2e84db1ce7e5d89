"""The drop-target highlight: what a drag will land on, shown while hovering (transient feedback).

A dragged card that will go *into* a container, a link that will end at a role rather than its
cell, a palette item that will get a parent: the user must see it before releasing, so nothing
is reparented or linked by accident. The highlight is an overlay item owned by the gesture; it
never changes the items it outlines. Its outline is cosmetic and its label ignores the zoom, so it
reads the same at 25 % as at 100 %.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ui.canvas.style import style

REFUSED = QColor("#d64545")


OVERVIEW = "dao-designer-overview"
"""A property the overview sets on its viewport: feedback meant for the main view skips it."""


def in_overview(widget: QWidget | None) -> bool:
    return widget is not None and bool(widget.property(OVERVIEW))


class _Label(QGraphicsItem):
    """The tag above the outline, in screen pixels."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.text = ""
        self.colour = QColor()
        self._rect = QRectF()

    def set_text(self, text: str, colour: QColor) -> None:
        self.prepareGeometryChange()
        self.text, self.colour = text, colour
        width = QFontMetricsF(style().edge_font).horizontalAdvance(text) + 16
        self._rect = QRectF(0, -24, width, 20)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if in_overview(widget):
            return  # screen-sized, it would cover the whole overview
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(self._rect, 6, 6)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(style().edge_font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


class DropHighlight(QGraphicsItem):
    """An outline around the drop target plus a label saying what the drop will do."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(30)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.target: str | None = None
        self.ok = True
        self._rect = QRectF()
        self._over_top = 0.0
        self._label = _Label(self)

    @property
    def text(self) -> str:
        return self._label.text

    def show_on(self, scene: QGraphicsScene, target: str, rect: QRectF, text: str, ok: bool = True,
                label_over: QRectF | None = None) -> None:
        """Outline scene ``rect`` (the item of primitive ``target``) and say ``text`` above
        ``label_over`` (the card a chip or task row sits in: above the chip the tag would hide
        the card's name), or above ``rect``."""
        if self.scene() is not scene:
            scene.addItem(self)
        over = label_over if label_over is not None else rect
        if (target, rect, text, ok, over.top()) == (self.target, self._rect, self.text, self.ok, self._over_top):
            return
        self.prepareGeometryChange()
        self.target, self.ok, self._rect = target, ok, QRectF(rect)
        self._over_top = over.top()
        self._label.setPos(QPointF(rect.left(), over.top() - 4))
        self._label.set_text(text, style().select if ok else REFUSED)
        self.setVisible(True)
        self.update()

    def clear(self) -> None:
        """Hide it (the pointer left the target)."""
        self.target = None
        if self.isVisible():
            self.setVisible(False)

    def remove(self) -> None:
        """Take it off the scene (the drag ended)."""
        self.clear()
        if self.scene() is not None:
            self.scene().removeItem(self)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = style().select if self.ok else REFUSED
        fill = QColor(colour)
        fill.setAlpha(36)
        pen = QPen(colour, 3)
        pen.setCosmetic(True)
        if not self.ok:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self._rect.adjusted(-3, -3, 3, 3), 8, 8)
