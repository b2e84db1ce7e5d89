"""Where a card lands: the free spot nearest to where it was dropped.

A card dropped onto its container used to go to the first free spot right of everything
(x = 3672 for a drop near 900); :func:`free_spot_near` keeps it next to the drop point instead,
without covering another card.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSizeF

from designer.layout.geometry import CARD_WIDTH, LANE_PAD_TOP
from ui.canvas.scene import CanvasScene

GAP = 30.0
"""Space kept around other cards when looking for a free spot."""
SEARCH = 1600.0
"""Only cards this near to the drop point are considered (keeps a drop fast on a 10k canvas)."""


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
