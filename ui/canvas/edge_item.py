"""Links as edges: a cached path, an arrowhead, and a label on a pill above the cards.

The route comes from :mod:`ui.canvas.routing` via :meth:`EdgeItem.set_route` (when an end moves),
never in ``paint()``; ``shape()`` returns a cached stroke (plus the label) so hit tests stay cheap.
Edges sit under the cards; their labels are separate label items *above* the cards, placed
by the scene where they cover no card and no other label.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.model.links import Link
from ui.canvas.routing import Route
from ui.canvas.style import LINK_LABELS, style

LinkKey = tuple[str, str, str]
ARROW = 9.0
LABEL_HEIGHT = 18.0
LABEL_LOD = 0.45
"""Labels are drawn from this zoom up (smaller, the text could not be read)."""


def _short(amount: float) -> str:
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:g}M"
    if amount >= 1_000:
        return f"{amount / 1_000:g}k"
    return f"{amount:g}"


def link_label(link: Link) -> str:
    if link.label:
        return link.label
    if link.kind == "funds":
        parts = ["funds"]
        if link.amount is not None:
            parts.append(_short(float(link.amount)) + (f" {link.currency}" if link.currency else ""))
        if link.percent is not None:
            parts.append(f"{link.percent:g}%")
        text = " ".join(parts)
        return text + (f" / {link.period}" if link.period and link.period != "once" else "")
    if link.kind in ("accountable-to",):
        return ""
    return LINK_LABELS.get(link.kind, link.kind)


class EdgeItem(QGraphicsItem):
    """One link (or, with ``kind == "contains"``, a containment connector that is not a link)."""

    def __init__(self, key: LinkKey, label: str = "") -> None:
        super().__init__()
        self.key = key
        self.kind = key[2]
        self.label_item = LabelItem(self)
        self._path = QPainterPath()
        self._stroke = QPainterPath()
        self._shape = QPainterPath()
        self._arrow = QPolygonF()
        self._bounds = QRectF()
        if self.kind != "contains":
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(0.5 if self.kind != "contains" else 0.2)
        self.set_label(label)

    @property
    def label(self) -> str:
        return self.label_item.text

    def set_label(self, label: str) -> None:
        self.label_item.set_text(label)

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def set_route(self, route: Route) -> None:
        """Take a new route (the label keeps its place until :meth:`set_label_rect`)."""
        self.prepareGeometryChange()
        self._path = route.path
        p2, c2 = route.tip, route.before_tip
        angle = math.atan2(p2.y() - c2.y(), p2.x() - c2.x())
        self._arrow = QPolygonF(
            [
                p2,
                QPointF(p2.x() - ARROW * math.cos(angle - 0.4), p2.y() - ARROW * math.sin(angle - 0.4)),
                QPointF(p2.x() - ARROW * math.cos(angle + 0.4), p2.y() - ARROW * math.sin(angle + 0.4)),
            ]
        )
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        self._stroke = stroker.createStroke(self._path)
        self._update_shape()

    def set_label_rect(self, rect: QRectF) -> None:
        """Put the label at ``rect`` (scene coordinates); clicking it selects the edge."""
        self.label_item.set_rect(rect)
        self.prepareGeometryChange()
        self._update_shape()

    def _update_shape(self) -> None:
        self._shape = QPainterPath(self._stroke)
        self._bounds = self._path.boundingRect().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        rect = self.label_item.rect() if self.label_item.text else QRectF()
        if not rect.isEmpty():
            self._shape.addRect(rect)
            self._bounds = self._bounds.united(rect)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        s = style()
        ls = s.links.get(self.kind, s.links["accountable-to"])
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.25:
            painter.setPen(ls.color)
            painter.drawLine(self._path.pointAtPercent(0), self._path.pointAtPercent(1))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = s.select_pen if self.isSelected() else ls.pen
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if ls.arrow:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pen.color())
            painter.drawPolygon(self._arrow)


class LabelItem(QGraphicsItem):
    """An edge's label: text on a pill, drawn above the cards at the spot the scene chose for it.

    It takes no mouse buttons, so a click falls through to the edge (whose shape includes the pill)."""

    def __init__(self, edge: EdgeItem) -> None:
        super().__init__()
        self.edge = edge
        self.text = ""
        self._size = QSizeF()
        self.setZValue(3)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_text(self, text: str) -> None:
        if text == self.text:
            return
        self.prepareGeometryChange()
        self.text = text
        width = QFontMetricsF(style().edge_font).horizontalAdvance(text) + 16 if text else 0.0
        self._size = QSizeF(math.ceil(width), LABEL_HEIGHT if text else 0.0)
        self.setVisible(bool(text))
        self.update()

    def size(self) -> QSizeF:
        return QSizeF(self._size)

    def rect(self) -> QRectF:
        """The pill in scene coordinates."""
        return QRectF(self.pos(), self._size)

    def set_rect(self, rect: QRectF) -> None:
        self.setPos(rect.topLeft())

    def boundingRect(self) -> QRectF:
        return QRectF(QPointF(0, 0), self._size).adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LABEL_LOD:
            return
        s = style()
        ls = s.links.get(self.edge.kind, s.links["accountable-to"])
        rect = QRectF(QPointF(0, 0), self._size)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        border = QColor(s.select if self.edge.isSelected() else ls.color)
        alpha, width = s.label_border
        if not self.edge.isSelected():
            border.setAlpha(alpha)
        painter.setPen(QPen(border, width))
        painter.setBrush(s.label_bg)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), LABEL_HEIGHT / 2, LABEL_HEIGHT / 2)
        painter.setPen(ls.color)
        painter.setFont(s.edge_font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
