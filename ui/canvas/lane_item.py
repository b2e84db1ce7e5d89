"""Scale lanes (a labelled band each) and the legend of link styles."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from designer.layout.geometry import LANE_GUTTER
from ui.canvas.style import LANE_TITLE_WIDTH, LINK_LABELS, SCALE_LABELS, style


class LaneItem(QGraphicsItem):
    """One scale lane across the whole scene width, its name and size in the left gutter."""

    def __init__(self, index: int, scale: str) -> None:
        super().__init__()
        self.index = index
        self.scale = scale
        self._rect = QRectF()
        self.setZValue(-10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        s = style()
        r = self._rect
        painter.fillRect(option.exposedRect.intersected(r), s.lane_fill[self.index % 2])
        painter.setPen(s.lane_pen)
        painter.drawLine(QLineF(r.left(), r.top(), r.right(), r.top()))
        gutter_right = r.left() + LANE_GUTTER - 30
        painter.drawLine(QLineF(gutter_right, r.top(), gutter_right, r.bottom()))
        if not option.exposedRect.intersects(QRectF(r.left(), r.top(), LANE_GUTTER, r.height())):
            return
        title, sub = SCALE_LABELS.get(self.scale, (self.scale.upper(), ""))
        painter.setPen(s.lane_title)
        painter.setFont(s.lane_font)
        painter.drawText(QRectF(r.left() + 16, r.top() + 14, LANE_TITLE_WIDTH, 22),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setPen(s.lane_sub)
        painter.setFont(s.lane_sub_font)
        painter.drawText(QRectF(r.left() + 16, r.top() + 36, LANE_TITLE_WIDTH, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sub)


LEGEND_KINDS = ("accountable-to", "funds", "coordinates-with", "partners-with", "uses-role")


class LegendItem(QGraphicsItem):
    """The key to the edge styles, kept in the bottom-right corner of the scene. Its size follows
    the current style's legend font (the projector's type is larger)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(5)
        self.SIZE = QRectF()
        self.restyle()

    def restyle(self) -> None:
        """Measure the rows for the current style (the scene calls it when it rebuilds)."""
        metrics = QFontMetricsF(style().legend_font)
        self.row = max(20.0, metrics.height() + 6)
        self.text_width = max(metrics.horizontalAdvance(LINK_LABELS[k]) for k in LEGEND_KINDS) + 4
        size = QRectF(0, 0, 62 + self.text_width + 10, 16 + self.row * len(LEGEND_KINDS))
        if size != self.SIZE:
            self.prepareGeometryChange()
            self.SIZE = size

    def boundingRect(self) -> QRectF:
        return self.SIZE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if widget is not None:
            return  # on screen the view keeps the key in its corner (paint_legend_overlay)
        self.draw(painter)

    def draw(self, painter: QPainter) -> None:
        """The key at the painter's origin: in the scene for ``render``, in the view's corner on screen."""
        s = style()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(s.lane_line, 1))
        painter.setBrush(s.card_brush)
        painter.drawRoundedRect(self.SIZE, 6, 6)
        painter.setFont(s.legend_font)
        for i, kind in enumerate(LEGEND_KINDS):
            y = 8 + self.row * i + self.row / 2
            ls = s.links[kind]
            painter.setPen(ls.pen)
            painter.drawLine(QPointF(12, y), QPointF(52, y))
            painter.setPen(s.card_text)
            painter.drawText(QRectF(62, y - self.row / 2, self.text_width, self.row), Qt.AlignmentFlag.AlignVCenter,
                             LINK_LABELS[kind])


OVERLAY_MARGIN = 12.0


def legend_overlay_rect(view: QGraphicsView) -> QRectF:
    """Where the key sits in ``view``'s viewport (pixels): its bottom-right corner."""
    legend = getattr(view.scene(), "legend", None)
    if not isinstance(legend, LegendItem):
        return QRectF()
    vp = view.viewport().rect()
    size = legend.SIZE
    return QRectF(vp.right() - OVERLAY_MARGIN - size.width(), vp.bottom() - OVERLAY_MARGIN - size.height(),
                  size.width(), size.height())


def paint_legend_overlay(view: QGraphicsView, painter: QPainter) -> None:
    """Paint the scene's key in ``view``'s corner, at screen size whatever the zoom."""
    legend = getattr(view.scene(), "legend", None)
    rect = legend_overlay_rect(view)
    if not isinstance(legend, LegendItem) or rect.isEmpty():
        return
    painter.save()
    painter.resetTransform()
    painter.translate(rect.topLeft())
    legend.draw(painter)
    painter.restore()
