"""Edge auto-scroll: while something is dragged near the viewport's edge, the view scrolls that way.

Without it both ends of a drag had to be on screen at once, so people zoomed out to 20-30 %,
where names and handles are not drawn. The speed grows as the pointer nears (or passes) the
edge; scrolling stops when the pointer leaves the edge band or the drag ends. After each step
the owner is told, so the dragged thing follows the pointer over the newly shown part.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QAbstractScrollArea

EDGE_BAND = 48
"""Pixels from the viewport's edge where scrolling starts."""
MAX_STEP = 36.0
"""Pixels per tick at (or beyond) the edge."""
TICK_MS = 16


def edge_speed(pos: int, length: int, band: int = EDGE_BAND, top: float = MAX_STEP) -> float:
    """Signed scroll step along one axis: negative near the start edge, positive near the end edge.

    Quadratic in the depth into the band, so a pointer just inside the band creeps and one at the
    edge (or outside it, the pointer being grabbed) moves at ``top``."""
    band = max(1, min(band, length // 3))
    if pos < band:
        depth = min(1.0, (band - pos) / band)
        return -max(1.0, top * depth * depth)
    if pos > length - band:
        depth = min(1.0, (pos - (length - band)) / band)
        return max(1.0, top * depth * depth)
    return 0.0


class AutoScroller(QObject):
    """Scrolls ``area`` while :meth:`update` says the pointer is in the edge band.

    ``scrolled`` is called after each step with the last pointer position (viewport coordinates),
    so a gesture can re-map it to the scene and move its feedback."""

    def __init__(self, area: QAbstractScrollArea, scrolled: Callable[[QPoint], None] | None = None) -> None:
        super().__init__(area)
        self.area = area
        self.scrolled = scrolled
        self.pos = QPoint()
        self.velocity = (0.0, 0.0)
        self._carry = [0.0, 0.0]
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def is_active(self) -> bool:
        return self.timer.isActive()

    def update(self, pos: QPoint) -> None:
        """The pointer is at ``pos`` (viewport coordinates) during a drag: start, steer or stop."""
        self.pos = QPoint(pos)
        vp = self.area.viewport().rect()
        self.velocity = (edge_speed(pos.x(), vp.width()), edge_speed(pos.y(), vp.height()))
        if self.velocity == (0.0, 0.0):
            self.stop()
        elif not self.timer.isActive():
            self._carry = [0.0, 0.0]
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.velocity = (0.0, 0.0)

    def _tick(self) -> None:
        moved = False
        bars = (self.area.horizontalScrollBar(), self.area.verticalScrollBar())
        for axis, bar in enumerate(bars):
            self._carry[axis] += self.velocity[axis]
            step = int(self._carry[axis])
            self._carry[axis] -= step
            if step:
                before = bar.value()
                bar.setValue(before + step)
                moved |= bar.value() != before
        if moved and self.scrolled is not None:
            self.scrolled(self.pos)
