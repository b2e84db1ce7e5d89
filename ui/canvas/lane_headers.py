"""Lane names that stay in sight: when a lane's own title (in the gutter at the lane's top left)
is scrolled out of the view, a small tag with the lane's name is pinned to the view's left edge,
at the top of what shows of that lane.

Drawn in the view's foreground, in viewport pixels, so it is never part of the scene (nor of
``render``, nor of the overview). Scrolling blits the viewport, so the view repaints the strip the
tags live in on every scroll (:data:`STRIP_WIDTH` pixels wide: a fraction of a full repaint).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from designer.layout.geometry import LANE_GUTTER
from ui.canvas.style import SCALE_LABELS, presenting, style

STRIP_WIDTH = 320
"""Viewport pixels from the left edge that pinned tags can cover."""
MARGIN = 6.0
MIN_SHOWN = 36.0
"""A lane showing fewer pixels than this gets no tag (it would sit on the next lane's)."""


def pinned_headers(view: QGraphicsView) -> list[tuple[str, QRectF]]:
    """The tags to draw: (text, viewport rect) for each lane whose own title is out of sight.
    None while presenting: there the caption names the step, and a tag would sit on the cards."""
    scene = view.scene()
    lanes = getattr(scene, "lanes", None)
    if not lanes or presenting():
        return []
    s = style()
    metrics = QFontMetricsF(s.badge_font)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    zoom = view.transform().m11()
    tags: list[tuple[str, QRectF]] = []
    for lane in lanes:
        r = lane.rect()
        if r.bottom() <= visible.top() or r.top() >= visible.bottom():
            continue
        gutter_hidden = r.left() + LANE_GUTTER - 30 < visible.left() + 4
        title_hidden = r.top() + 14 < visible.top()
        if not (gutter_hidden or title_hidden):
            continue
        top = max(r.top(), visible.top())
        shown = (min(r.bottom(), visible.bottom()) - top) * zoom
        if shown < MIN_SHOWN:
            continue
        title, sub = SCALE_LABELS.get(lane.scale, (lane.scale.upper(), ""))
        text = f"{title}  ·  {sub}" if sub else title
        if metrics.horizontalAdvance(text) + 16 > STRIP_WIDTH - MARGIN:
            text = title
        y = view.mapFromScene(QPointF(visible.left(), top)).y()
        width = metrics.horizontalAdvance(text) + 16
        tags.append((text, QRectF(MARGIN, y + MARGIN, min(width, STRIP_WIDTH - MARGIN), metrics.height() + 8)))
    return tags


def paint_pinned_headers(view: QGraphicsView, painter: QPainter) -> bool:
    """Paint :func:`pinned_headers` over the scene (``painter`` is the view's, in scene units);
    returns whether there were any."""
    tags = pinned_headers(view)
    if not tags:
        return False
    for text, rect in tags:
        paint_tag(painter, rect, text, style().badge_font)
    return True


def paint_tag(painter: QPainter, rect: QRectF, text: str, font: QFont, radius: float = 5.0, pad: float = 8.0) -> None:
    """A name on a rounded, nearly opaque card-coloured tag, at viewport pixels ``rect`` whatever
    the view's zoom (pinned lane names, the organization's header)."""
    s = style()
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fill = QColor(s.card_fill)
    fill.setAlpha(235)
    painter.setPen(QPen(s.lane_line, 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, radius, radius)
    painter.setFont(font)
    painter.setPen(s.lane_title)
    painter.drawText(rect.adjusted(pad, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    painter.restore()
