"""The organization's name above the canvas: a title strip of the view's own, outside the viewport.

Workshops project the canvas without the window title, so the name the facilitator set in
File > Properties stays in sight there whatever is scrolled or zoomed. It lives in a margin the view
keeps free above its viewport (``QAbstractScrollArea.setViewportMargins``), so it can never cover a
card, however long the name or wherever the cards are. Presentation mode hides it (the caption names
the step); exports carry the name in their own title line instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGraphicsView, QWidget

from ui.canvas.lane_headers import paint_tag
from ui.canvas.style import style

MARGIN = 4.0
MAX_SHARE = 0.9
"""At most this share of the strip's width; a longer name is elided in the middle."""


def header_text(view: QGraphicsView) -> str:
    model = getattr(view.scene(), "model", None)
    org = getattr(model, "organization", None)
    return str(getattr(org, "name", "") or "")


def _font() -> QFont:
    font = QFont(style().name_font)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    return font


def strip_height() -> int:
    """The strip's height for the current style: one line of the header font and its tag."""
    return int(QFontMetricsF(_font()).height() + 10 + 2 * MARGIN + 0.999)


class OrgHeaderStrip(QWidget):
    """The strip above the viewport; it paints the name on a tag at its right end."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.setObjectName("org-header")
        self.view = view
        self.text = ""

    def tag_rect(self) -> tuple[str, QRectF]:
        """(the shown text, its tag's rect in the strip's pixels); empty when there is no name."""
        if not self.text:
            return "", QRectF()
        metrics = QFontMetricsF(_font())
        room = max(80.0, self.width() * MAX_SHARE)
        shown = metrics.elidedText(self.text, Qt.TextElideMode.ElideMiddle, room)
        width = metrics.horizontalAdvance(shown) + 20
        return shown, QRectF(self.width() - MARGIN - width, MARGIN, width, metrics.height() + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        s = style()
        painter = QPainter(self)
        painter.fillRect(self.rect(), s.background)
        painter.setPen(QPen(s.lane_line, 1))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        text, rect = self.tag_rect()
        if text:
            paint_tag(painter, rect, text, _font(), radius=6.0, pad=10.0)
        painter.end()


def header_rect(view: QGraphicsView) -> tuple[str, QRectF]:
    """(the shown text, its tag's rect in the view's own pixels); an empty text and rect when the
    strip is hidden or there is no name. The viewport starts below it."""
    strip = view.findChild(OrgHeaderStrip, "org-header")
    if strip is None or strip.isHidden():
        return "", QRectF()
    text, rect = strip.tag_rect()
    return text, rect.translated(strip.pos().x(), strip.pos().y()) if text else rect


def place_strip(view: QGraphicsView, strip: OrgHeaderStrip, shown: bool) -> None:
    """Show ``strip`` (with the name) above the viewport or hide it, keeping the viewport's margin
    in step: the viewport is never under the strip."""
    height = strip_height() if shown else 0
    if view.viewportMargins().top() != height:
        view.setViewportMargins(0, height, 0, 0)
    strip.text = header_text(view) if shown else ""
    strip.setVisible(shown)
    if shown:
        port = view.viewport().geometry()
        strip.setGeometry(QRect(port.left(), port.top() - height, port.width(), height))
        strip.raise_()
        strip.update()
