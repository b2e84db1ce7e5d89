"""Tab and Shift+Tab on the canvas: the next or previous card in reading order.

Reading order is how a person reads the lanes: lane by lane from the network down, in each lane row
by row, in each row left to right; after a card come its role chips, top to bottom. A row is the
cards whose tops lie within half a card header of the row's first card, so cards a few units out of
line still read as one row.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from designer.layout.geometry import CARD_HEADER
from ui.canvas.card_item import CardItem
from ui.canvas.chip_item import ChipItem
from ui.canvas.scene import CanvasScene

ROW_SLACK = CARD_HEADER / 2


def reading_order(scene: CanvasScene) -> list[QGraphicsItem]:
    """The cards (and their visible role chips) of ``scene`` in the order Tab visits them."""
    by_lane: dict[int, list[CardItem]] = {}
    for pid, card in scene.cards.items():
        if card.isVisible():
            by_lane.setdefault(scene.lane_of(pid), []).append(card)
    order: list[QGraphicsItem] = []
    for lane in sorted(by_lane):
        cards = sorted(by_lane[lane], key=lambda c: c.sceneBoundingRect().top())
        rows: list[list[CardItem]] = []
        for card in cards:
            top = card.sceneBoundingRect().top()
            if rows and top - rows[-1][0].sceneBoundingRect().top() <= ROW_SLACK:
                rows[-1].append(card)
            else:
                rows.append([card])
        for row in rows:
            for card in sorted(row, key=lambda c: c.sceneBoundingRect().left()):
                order.append(card)
                chips = [c for c in card.childItems() if isinstance(c, ChipItem) and c.isVisible()]
                order.extend(sorted(chips, key=lambda c: (c.sceneBoundingRect().top(), c.sceneBoundingRect().left())))
    return order


def step_from(order: list[QGraphicsItem], current: QGraphicsItem | None, forward: bool) -> QGraphicsItem | None:
    """The item after (or before) ``current`` in ``order``, wrapping round; the first (or last)
    when nothing, or something outside the order, is current."""
    if not order:
        return None
    if current not in order:
        return order[0] if forward else order[-1]
    at = order.index(current) + (1 if forward else -1)
    return order[at % len(order)]
