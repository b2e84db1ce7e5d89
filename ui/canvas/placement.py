"""Where a card lands: snapping to the grid, and the free spot nearest to where it was dropped.

Moves at zoom below 100 % used to land a unit off the tidy grid (959 for 960), so positions are
snapped to :data:`GRID` in layout coordinates (x, and the offset within the lane). A card dropped
onto its container used to go to the first free spot right of everything (x = 3672 for a drop
near 900); :func:`free_spot_near` keeps it next to the drop point instead, without covering
another card.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QGraphicsView

from designer.layout.geometry import CARD_WIDTH, LANE_PAD_TOP, LANE_PITCH
from ui.canvas.scene import CanvasScene

GRID = 10.0
GAP = 30.0
"""Space kept around other cards when looking for a free spot."""
SEARCH = 1600.0
"""Only cards this near to the drop point are considered (keeps a drop fast on a 10k canvas)."""


def snap(value: float, grid: float = GRID) -> float:
    return float(round(value / grid) * grid)


def snap_layout(position: tuple[float, float], lane: int, grid: float = GRID) -> tuple[float, float]:
    """Snap a nominal-grid layout position: x, and y's offset within ``lane``."""
    top = lane * LANE_PITCH
    return (snap(position[0], grid), top + max(0.0, snap(position[1] - top, grid)))


def layout_at(scene: CanvasScene, lane: int, top_left: QPointF, on_grid: bool) -> tuple[float, float]:
    """The layout position of a card whose scene top-left is ``top_left`` in ``lane``, snapped to the
    grid when ``on_grid`` (View > Snap to Grid)."""
    position = scene.to_layout(lane, top_left)
    return snap_layout(position, lane) if on_grid else position


def _free(rect: QRectF, others: list[QRectF]) -> bool:
    return not any(rect.intersects(o) for o in others)


def free_spot_near(
    scene: CanvasScene, lane: int, top_left: QPointF, height: float, ignore: Iterable[str] = ()
) -> QPointF:
    """The scene top-left nearest to ``top_left`` where a card of ``height`` covers no other card
    of ``lane`` (cards in ``ignore``, the ones being moved, do not count)."""
    skip = set(ignore)
    min_y = scene.lane_tops[lane] + LANE_PAD_TOP
    want = QPointF(top_left.x(), max(min_y, top_left.y()))
    area = QRectF(want.x() - SEARCH, want.y() - SEARCH, 2 * SEARCH + CARD_WIDTH, 2 * SEARCH + height)
    others = []
    for cid, card in scene.cards.items():
        if cid in skip or scene.lane_of(cid) != lane:
            continue
        r = QRectF(card.pos(), QSizeF(CARD_WIDTH, card.height))
        if r.intersects(area):
            others.append(r.adjusted(-GAP, -GAP, GAP, GAP))
    size = QRectF(0, 0, CARD_WIDTH, height)
    xs = {want.x()} | {o.right() for o in others} | {o.left() - CARD_WIDTH for o in others}
    ys = {want.y()} | {o.bottom() for o in others} | {o.top() - height for o in others}
    candidates = sorted((math.hypot(x - want.x(), y - want.y()), x, y) for x in xs for y in ys if y >= min_y)
    for _, x, y in candidates:
        if _free(size.translated(x, y), others):
            return QPointF(x, y)
    return QPointF(max([want.x(), *[o.right() for o in others]]), want.y())


def insert_point(view: QGraphicsView) -> QPointF:
    """Where Insert > New … puts an item (scene point, as if dropped there): by the selected card,
    so it lands in that card's lane (inside it when it can hold the item); else under the mouse
    when the mouse is over the canvas (menus opened with the keyboard leave it there); else the
    middle of the view."""
    scene = view.scene()
    selected = [i for i in scene.selectedItems() if getattr(i, "pid", None)]
    if selected:
        return QPointF(selected[0].topLevelItem().sceneBoundingRect().center())
    viewport = view.viewport()
    under = viewport.mapFromGlobal(QCursor.pos())
    # where the pointer is, not underMouse(): the Insert menu has just closed over the canvas, and
    # enter/leave bookkeeping around a popup is not something to lean on
    if viewport.rect().contains(under) and view.window().isActiveWindow():
        return view.mapToScene(under)
    return view.mapToScene(viewport.rect().center())
