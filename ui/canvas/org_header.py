"""The organization's name over the canvas: a small header pinned to the view's top-right corner.

Workshops project the canvas without the window title, so the name the facilitator set in
File > Properties stays in sight there whatever is scrolled or zoomed. Like the legend it is drawn in
the view's foreground in viewport pixels (top-left belongs to the pinned lane names); exports carry
the name in their own title line instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsView

from ui.canvas.lane_headers import paint_tag
from ui.canvas.style import style

MARGIN = 8.0
MAX_SHARE = 0.45
"""At most this share of the viewport's width; a longer name is elided in the middle."""


def header_text(view: QGraphicsView) -> str:
    model = getattr(view.scene(), "model", None)
    org = getattr(model, "organization", None)
    return str(getattr(org, "name", "") or "")


def _font() -> QFont:
    font = QFont(style().name_font)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    return font


def header_rect(view: QGraphicsView) -> tuple[str, QRectF]:
    """(the shown text, its viewport rect); an empty text and rect when there is no name."""
    text = header_text(view)
    if not text:
        return "", QRectF()
    metrics = QFontMetricsF(_font())
    vp = view.viewport().rect()
    room = max(80.0, vp.width() * MAX_SHARE)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room)
    width = metrics.horizontalAdvance(shown) + 20
    return shown, QRectF(vp.right() - MARGIN - width, MARGIN, width, metrics.height() + 10)


def paint_org_header(view: QGraphicsView, painter: QPainter) -> QRectF:
    """Paint the header over the scene (``painter`` is the view's); returns where it went."""
    text, rect = header_rect(view)
    if text:
        paint_tag(painter, rect, text, _font(), radius=6.0, pad=10.0)
    return rect
