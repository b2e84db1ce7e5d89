"""Links as edges: a cached cubic path, an arrowhead, a label (the amount of a funds link).

The geometry is computed in :meth:`EdgeItem.set_ends` only (when an end moves), never in
``paint()``; ``shape()`` returns a cached stroke so hit tests stay cheap.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.model.links import Link
from ui.canvas.style import LINK_LABELS, style

LinkKey = tuple[str, str, str]
ARROW = 9.0


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
        self.label = label
        self._path = QPainterPath()
        self._shape = QPainterPath()
        self._arrow = QPolygonF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        if self.kind != "contains":
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(0.5 if self.kind != "contains" else 0.2)

    def set_label(self, label: str) -> None:
        self.label = label

    def set_ends(self, a: QRectF, b: QRectF, offset: float = 0.0) -> None:
        """Route from rect ``a`` (source) to rect ``b`` (target), ``offset`` apart from parallel edges."""
        self.prepareGeometryChange()
        if a.bottom() < b.top() - 4:  # target below
            p1, p2 = QPointF(a.center().x() + offset, a.bottom()), QPointF(b.center().x() + offset, b.top())
            d = max(40.0, (p2.y() - p1.y()) / 2)
            c1, c2 = QPointF(p1.x(), p1.y() + d), QPointF(p2.x(), p2.y() - d)
        elif b.bottom() < a.top() - 4:  # target above
            p1, p2 = QPointF(a.center().x() + offset, a.top()), QPointF(b.center().x() + offset, b.bottom())
            d = max(40.0, (p1.y() - p2.y()) / 2)
            c1, c2 = QPointF(p1.x(), p1.y() - d), QPointF(p2.x(), p2.y() + d)
        else:  # side by side
            left_to_right = a.center().x() <= b.center().x()
            p1 = QPointF(a.right() if left_to_right else a.left(), a.center().y() + offset / 3)
            p2 = QPointF(b.left() if left_to_right else b.right(), b.center().y() + offset / 3)
            d = max(30.0, abs(p2.x() - p1.x()) / 2) * (1 if left_to_right else -1)
            c1, c2 = QPointF(p1.x() + d, p1.y()), QPointF(p2.x() - d, p2.y())
        path = QPainterPath(p1)
        path.cubicTo(c1, c2, p2)
        self._path = path
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
        self._shape = stroker.createStroke(path)
        if self.label:
            mid = path.pointAtPercent(0.5)
            w = QFontMetricsF(style().edge_font).horizontalAdvance(self.label) + 14
            self._label_rect = QRectF(mid.x() - w / 2, mid.y() - 10, w, 20)
            self._shape.addRect(self._label_rect)
        else:
            self._label_rect = QRectF()
        self._bounds = path.boundingRect().adjusted(-ARROW, -ARROW, ARROW, ARROW).united(self._label_rect)

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
        if self.label and lod >= 0.45:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(s.label_bg)
            painter.drawRoundedRect(self._label_rect, 9, 9)
            painter.setPen(ls.color)
            painter.setFont(s.edge_font)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self.label)
