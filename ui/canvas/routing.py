"""Where an edge runs and where its label sits: plain geometry, no items.

Routes are computed when an end moves (never in ``paint()``):

* between lanes, an edge leaves the bottom of the upper card and enters the top of the lower one;
  its port on the card side is shifted towards the other end, so edges fanning out of one card
  leave at different points. A role or task end is entered from its card's side, level with it;
* within a lane, cards close enough with nothing between them are joined by a short curve from
  side to side; otherwise the edge dips as an arc *below* the cards (and below every card between
  them), so it never runs behind a card; the arc rises to a role or task end beside its card and
  enters level with it;
* a route that would still cross a card it does not connect detours around that card's nearest side.

Labels are placed greedily: the first spot along the path (middle first) whose pill meets no card
and no label placed before it; see :func:`place_label`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainterPath

Box = tuple[float, float, float, float]
"""left, top, right, bottom"""
Obstacles = Callable[[Box], list[Box]]
"""The boxes of the cards (other than the edge's own) that meet a scene box."""

ARC_GAP = 20.0
"""How far a same-lane arc runs below the lowest card it passes."""
ARC_EXTRA = 22.0
"""How much deeper the longest arcs run (so arcs from one card nest)."""
DETOUR = 26.0
"""How far a detour passes beside the card it avoids."""
SIDE_GAP = 24.0
"""The least gap between two cards in a lane for a side-to-side edge (plus the label's width)."""
MIN_RISER_GAP = 6.0
"""The least room beside a card for a riser; with less the arc meets the card at its bottom."""
SIDE_REACH = 20.0
"""How far beside a card an arc rises to enter it level with a role or task (less in a narrow gap)."""
LABEL_STEPS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88)
"""Where along its path a label is tried, middle first."""
LABEL_NUDGES = (0.0, -16.0, 16.0)
"""Vertical nudges tried when no spot on the path itself is free."""


@dataclass(frozen=True)
class End:
    """One end of an edge: the item's scene rect (a chip, a task row or the card) and its card's."""

    item: QRectF
    card: QRectF
    on_card: bool


@dataclass
class Route:
    path: QPainterPath
    tip: QPointF
    before_tip: QPointF
    """A point the path comes from just before ``tip`` (the arrowhead points from it to the tip)."""


def _clamp(value: float, limit: float) -> float:
    return max(-limit, min(limit, value))


def _cubic(p1: QPointF, c1: QPointF, c2: QPointF, p2: QPointF) -> Route:
    path = QPainterPath(p1)
    path.cubicTo(c1, c2, p2)
    return Route(path, p2, c2)


def _segment_hits(x0: float, y0: float, x1: float, y1: float, r: Box) -> bool:
    """Whether the segment from (x0, y0) to (x1, y1) meets box ``r`` (Liang-Barsky clipping)."""
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, x0 - r[0]), (dx, r[2] - x0), (-dy, y0 - r[1]), (dy, r[3] - y0)):
        if pk == 0:
            if qk < 0:
                return False
            continue
        t = qk / pk
        if pk < 0:
            if t > t1:
                return False
            t0 = max(t0, t)
        else:
            if t < t0:
                return False
            t1 = min(t1, t)
    return t0 <= t1


def _points(path: QPainterPath, per_curve: int = 10) -> list[tuple[float, float]]:
    """The path (a move and cubics, as routes are) sampled at ``per_curve`` points per cubic."""
    elements = [path.elementAt(i) for i in range(path.elementCount())]
    points = [(elements[0].x, elements[0].y)] if elements else []
    for i in range(1, len(elements) - 2, 3):
        (x0, y0), c1, c2, p = points[-1], elements[i], elements[i + 1], elements[i + 2]
        for k in range(1, per_curve + 1):
            t = k / per_curve
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            points.append((a * x0 + b * c1.x + c * c2.x + d * p.x, a * y0 + b * c1.y + c * c2.y + d * p.y))
    return points


def _meets(a: Box, b: Box) -> bool:
    """Whether two boxes overlap or touch."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def box_of(rect: QRectF) -> Box:
    return (rect.left(), rect.top(), rect.right(), rect.bottom())


def rect_of(box: Box) -> QRectF:
    return QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1])


def path_hits(path: QPainterPath, obstacles: Obstacles, limit: int = 0) -> list[QRectF]:
    """The obstacle rects (shrunk by 3 units, so touching is fine) that the stroke of ``path`` crosses;
    with ``limit``, at most that many (the search stops there).

    ``obstacles`` is asked segment by segment, so only cards near the path are looked at."""
    near = obstacles(box_of(path.boundingRect()))
    if not near:
        return []
    hits: dict[Box, QRectF] = {}
    for (x0, y0), (x1, y1) in pairwise(_points(path, 10 if len(near) <= 32 else 6)):
        sx0, sy0, sx1, sy1 = min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
        if len(near) <= 32:  # few cards around: test them directly
            boxes = [b for b in near if _meets(b, (sx0, sy0, sx1, sy1))]
        else:
            boxes = obstacles((sx0, sy0, sx1, sy1))
        for b in boxes:
            if b not in hits and _segment_hits(x0, y0, x1, y1, (b[0] + 3, b[1] + 3, b[2] - 3, b[3] - 3)):
                hits[b] = rect_of(b)
                if len(hits) == limit:
                    return list(hits.values())
    return list(hits.values())


def _blocked(route: Route, obstacles: Obstacles) -> list[QRectF]:
    """The cards in the way of ``route``, up to three: more than two are not worth a detour."""
    return path_hits(route.path, obstacles, limit=3)


# --- ports -------------------------------------------------------------------------------------


def _side_port(end: End, towards_right: bool) -> tuple[QPointF, QPointF]:
    """On the card's left or right side, level with the item (a chip or task) or the card's middle."""
    c = end.card
    y = end.item.center().y() if not end.on_card else c.center().y()
    return QPointF(c.right() if towards_right else c.left(), y), QPointF(1 if towards_right else -1, 0)


def _vertical_port(end: End, other: End, down: bool, offset: float) -> tuple[QPointF, QPointF]:
    """Where an edge leaves ``end`` downwards (out of its bottom) or upwards, and its direction there."""
    c = end.card
    if not end.on_card:
        return _side_port(end, other.card.center().x() >= c.center().x())
    dx = other.card.center().x() - c.center().x()
    x = c.center().x() + _clamp(dx * 0.2 + offset, c.width() * 0.36)
    return QPointF(x, c.bottom() if down else c.top()), QPointF(0, 1 if down else -1)


# --- routes ------------------------------------------------------------------------------------


def route(a: End, b: End, offset: float, label_width: float, obstacles: Obstacles, detour: bool = True) -> Route:
    """The route from ``a`` (source) to ``b`` (target), ``offset`` apart from parallel edges.

    Without ``detour`` (while a card is dragged) an edge between lanes is not checked for cards in
    its way; the route is completed when the card is dropped."""
    if a.card == b.card:
        return _loop(a, b)
    if b.card.top() > a.card.bottom() + 4:
        return _between_lanes(a, b, True, offset, obstacles if detour else _nothing)
    if a.card.top() > b.card.bottom() + 4:
        return _between_lanes(a, b, False, offset, obstacles if detour else _nothing)
    return _within_lane(a, b, offset, label_width, obstacles)


def _nothing(box: Box) -> list[Box]:
    return []


def _loop(a: End, b: End) -> Route:
    """A role linked to its own card (or another role in it): a small loop out of the right side."""
    p1, _ = _side_port(a, True)
    p2, _ = _side_port(b, True)
    if abs(p2.y() - p1.y()) < 12:
        p2 = QPointF(p2.x(), a.card.top() + 14)
    return _cubic(p1, QPointF(p1.x() + 44, p1.y()), QPointF(p2.x() + 44, p2.y()), p2)


def _between_lanes(a: End, b: End, down: bool, offset: float, obstacles: Obstacles) -> Route:
    p1, d1 = _vertical_port(a, b, down, offset)
    p2, d2 = _vertical_port(b, a, not down, offset)
    reach = max(40.0, abs(p2.y() - p1.y()) / 2)
    r1 = reach if d1.y() else 40.0
    r2 = reach if d2.y() else 40.0
    best = _cubic(p1, p1 + d1 * r1, p2 + d2 * r2, p2)
    hits = _blocked(best, obstacles)
    if not hits:
        return best
    if len(hits) <= 2:  # one or two cards in the way: pass beside the nearest one
        best, fewest = _beside(best, len(hits), hits, p1, d1, p2, d2, down, obstacles)
        if not fewest:
            return best
    # still blocked, or rows of cards in the way (a wrapped lane): down a gutter between them
    gutter = _through_gutter(p1, d1, p2, d2, down, obstacles)
    return gutter if gutter is not None else best


def _beside(best: Route, fewest: int, hits: list[QRectF], p1: QPointF, d1: QPointF, p2: QPointF, d2: QPointF,
            down: bool, obstacles: Obstacles) -> tuple[Route, int]:
    """``best`` or a detour round the side of the card in the way nearest the source, whichever
    meets fewer cards, and how many it meets."""
    sign = 1.0 if down else -1.0
    for hit in _by_distance(hits, p1, p2):
        mid_x = (p1.x() + p2.x()) / 2
        sides = (hit.left() - DETOUR, hit.right() + DETOUR)
        for x in sorted(sides, key=lambda s: abs(s - mid_x)):
            w = QPointF(x, hit.center().y())
            k1 = max(30.0, abs(w.y() - p1.y()) / 2)
            k2 = max(30.0, abs(p2.y() - w.y()) / 2)
            path = QPainterPath(p1)
            path.cubicTo(p1 + d1 * (k1 if d1.y() else 40.0), QPointF(w.x(), w.y() - sign * k1), w)
            c2 = p2 + d2 * (k2 if d2.y() else 40.0)
            path.cubicTo(QPointF(w.x(), w.y() + sign * k2), c2, p2)
            candidate = Route(path, p2, c2)
            count = len(_blocked(candidate, obstacles))
            if count < fewest:
                best, fewest = candidate, count
            if not count:
                return best, 0
    return best, fewest


def _through_gutter(p1: QPointF, d1: QPointF, p2: QPointF, d2: QPointF, down: bool,
                    obstacles: Obstacles) -> Route | None:
    """A route that crosses the rows of cards between the two ends through a vertical gutter
    between cards, or None when the nearest gutters do not clear every card.

    Auto-layout wraps a long lane into rows on a grid of slots with gaps between them, so an edge
    into a card of the second row can come down between two cards of the first: it bends into the
    gutter in the free space after its source, runs down it, and bends to its target in the gap
    above it. The three gutters nearest the two ends are tried."""
    sign = 1.0 if down else -1.0
    lo, hi = min(p1.y(), p2.y()) + 2, max(p1.y(), p2.y()) - 2
    if hi - lo < 20:
        return None
    reach = abs(p2.x() - p1.x()) + 700
    xs = (min(p1.x(), p2.x()) - reach, max(p1.x(), p2.x()) + reach)
    # the cards wholly between the ends (a taller neighbour of an end is left to the final check)
    band = [b for b in obstacles((xs[0], lo, xs[1], hi)) if b[1] >= lo - 4 and b[3] <= hi + 4]
    if not band or len(band) > 400:
        return None
    enter = min(b[1] for b in band) if down else max(b[3] for b in band)  # first row met after p1
    leave = max(b[3] for b in band) if down else min(b[1] for b in band)  # last row before p2
    if (enter - p1.y()) * sign < 8 or (p2.y() - leave) * sign < 8:
        return None
    spans = sorted((b[0], b[2]) for b in band)
    candidates = [spans[0][0] - DETOUR]
    right = spans[0][1]
    for left, end in spans[1:]:
        if left - right >= 2 * MIN_RISER_GAP:
            candidates.append((left + right) / 2)
        right = max(right, end)
    candidates.append(right + DETOUR)
    candidates.sort(key=lambda x: abs(x - p1.x()) + abs(x - p2.x()))
    tried = 0
    for x in candidates:
        if any(b[0] - 3 <= x <= b[2] + 3 for b in band):
            continue  # a card of another row stands in this gutter: no need to trace the curves
        tried += 1
        if tried > 3:
            break
        a, b = QPointF(x, enter - sign * 4), QPointF(x, leave + sign * 4)
        down_the_gutter = obstacles((x - 1, min(a.y(), b.y()), x + 1, max(a.y(), b.y())))
        if any(r[0] + 3 < x < r[2] - 3 for r in down_the_gutter):
            continue
        k1 = abs(a.y() - p1.y()) / 2
        k2 = abs(p2.y() - b.y()) / 2
        into = QPainterPath(p1)  # each bend is checked alone: the whole path's box holds every row
        into.cubicTo(p1 + d1 * (k1 if d1.y() else 40.0), QPointF(x, a.y() - sign * k1), a)
        c2 = p2 + d2 * (k2 if d2.y() else 40.0)
        out_of = QPainterPath(b)
        out_of.cubicTo(QPointF(x, b.y() + sign * k2), c2, p2)
        if path_hits(into, obstacles, limit=1) or path_hits(out_of, obstacles, limit=1):
            continue
        path = QPainterPath(into)
        path.cubicTo(a + (b - a) / 3, a + (b - a) * (2 / 3), b)  # straight down (paths are cubics)
        path.cubicTo(QPointF(x, b.y() + sign * k2), c2, p2)
        return Route(path, p2, c2)
    return None


def _by_distance(hits: list[QRectF], p1: QPointF, p2: QPointF) -> list[QRectF]:
    """The card in the way nearest the source: the one worth detouring around (one detour, no search)."""
    return sorted(hits, key=lambda r: abs(r.center().y() - p1.y()))[:1]


def _within_lane(a: End, b: End, offset: float, label_width: float, obstacles: Obstacles) -> Route:
    rightwards = a.card.center().x() <= b.card.center().x()
    left, right = (a, b) if rightwards else (b, a)
    gap = right.card.left() - left.card.right()
    if gap >= SIDE_GAP + (label_width + 12 if label_width else 0):
        p1, d1 = _side_port(a, rightwards)
        p2, d2 = _side_port(b, not rightwards)
        p1 += QPointF(0, offset / 3 if a.on_card else 0)
        p2 += QPointF(0, offset / 3 if b.on_card else 0)
        reach = max(24.0, abs(p2.x() - p1.x()) / 2)
        top, bottom = min(p1.y(), p2.y()) - 2, max(p1.y(), p2.y()) + 2
        if not obstacles((left.card.right() + 1, top, right.card.left() - 1, bottom)):
            return _cubic(p1, p1 + d1 * reach, p2 + d2 * reach, p2)
    return _arc_below(a, b, offset, obstacles)


def _arc_below(a: End, b: End, offset: float, obstacles: Obstacles) -> Route:
    """A U below both cards and every card between them. It leaves and enters a card through its
    bottom; a role or task end is entered from its card's side, level with it (so the arrow shows
    which chip the link is for), by a riser that runs down beside the card to below every card."""
    span = a.card.united(b.card)
    lowest = max([span.bottom()] + [r[3] for r in obstacles(box_of(span))])
    distance = abs(b.card.center().x() - a.card.center().x())
    # longer arcs run deeper and leave nearer the far side of their cards, so arcs nest, never cross
    y = lowest + ARC_GAP + min(distance * 0.02, ARC_EXTRA) + max(0.0, offset) * 0.4
    sign = 1.0 if a.card.center().x() <= b.card.center().x() else -1.0
    inset = max(0.08, 0.42 - distance * 0.0004)
    p1, side1 = _arc_port(a, sign, inset, offset, lowest, _with(obstacles, b.card))
    p2, side2 = _arc_port(b, -sign, inset, offset, lowest, _with(obstacles, a.card))
    if side1 is not None and side2 is not None and abs(p2.x() - p1.x()) < 2 * MIN_RISER_GAP:
        # two chips on the facing sides of close cards: the risers would share one line
        return _cubic(side1, QPointF(side1.x() + sign * 30, side1.y()), QPointF(side2.x() - sign * 30, side2.y()),
                      side2)
    mid = QPointF((p1.x() + p2.x()) / 2, y)
    half = (p2.x() - p1.x()) / 2
    path = QPainterPath(side1 or p1)
    if side1 is not None:  # out of the side, then down beside the card
        turn = QPointF(p1.x(), side1.y())
        path.cubicTo(turn, turn, p1)
    path.cubicTo(QPointF(p1.x(), p1.y() + (y - p1.y()) * 0.9), QPointF(mid.x() - half * 0.55, y), mid)
    c2 = QPointF(p2.x(), p2.y() + (y - p2.y()) * 0.9)
    path.cubicTo(QPointF(mid.x() + half * 0.55, y), c2, p2)
    if side2 is None:
        return Route(path, p2, c2)
    turn = QPointF(p2.x(), side2.y())  # up beside the card, then into its side
    path.cubicTo(turn, turn, side2)
    return Route(path, side2, turn)


def _with(obstacles: Obstacles, card: QRectF) -> Obstacles:
    """``obstacles`` plus ``card`` (the other end's card counts when finding room beside this one)."""
    extra = box_of(card)

    def query(box: Box) -> list[Box]:
        found = obstacles(box)
        return [*found, extra] if _meets(extra, box) and extra not in found else found

    return query


def _arc_port(end: End, towards: float, inset: float, offset: float, lowest: float,
              obstacles: Obstacles) -> tuple[QPointF, QPointF | None]:
    """Where the U of an arc below starts at ``end``, and the point on the card's side it rises to
    for a role or task end (None for a card end, met at its bottom). ``towards`` is the side of the
    other end: +1 right, -1 left. The riser keeps to the gap beside the card."""
    c = end.card
    bottom = QPointF(c.center().x() + towards * c.width() * inset + offset * 0.5, c.bottom())
    if end.on_card:
        return bottom, None
    side, _ = _side_port(end, towards > 0)
    reach = SIDE_REACH
    probe = (side.x(), c.top(), side.x() + 2 * SIDE_REACH, lowest) if towards > 0 else (
        side.x() - 2 * SIDE_REACH, c.top(), side.x(), lowest)
    for box in obstacles(probe):
        gap = box[0] - side.x() if towards > 0 else side.x() - box[2]
        if gap < 2 * MIN_RISER_GAP:
            return bottom, None  # a neighbour touches this side: no room to rise beside the card
        reach = min(reach, gap / 2)
    return QPointF(side.x() + towards * reach, lowest), side


# --- painting long dashed paths ------------------------------------------------------------------


Cubic = tuple[QPointF, QPointF, QPointF, QPointF]


def _split_cubic(p0: QPointF, c1: QPointF, c2: QPointF, p3: QPointF, t: float) -> tuple[Cubic, Cubic]:
    """The cubic cut at ``t`` into two that trace it exactly (de Casteljau)."""
    a, b, c = p0 + (c1 - p0) * t, c1 + (c2 - c1) * t, c2 + (p3 - c2) * t
    d, e = a + (b - a) * t, b + (c - b) * t
    f = d + (e - d) * t
    return (p0, a, d, f), (f, e, c, p3)


def dash_pieces(path: QPainterPath, longest: float) -> list[tuple[QPainterPath, float]]:
    """``path`` (a move and cubics, as routes are) cut into pieces of about ``longest`` units or less,
    each with the length of the path before it; empty when the path is no longer than ``longest``.

    Qt's rasterizer fills a dashed stroke as one outline of every dash, and re-walks the whole outline
    for each band of scanlines it renders, so the time to paint one dashed path grows with the square
    of its length (a 60,000-pixel dotted arc: 3.4 s; cut into 600-pixel pieces: 0.19 s). The pieces
    are painted one by one, each with its dash offset, so the pattern runs on unbroken."""
    total = path.length()
    if total <= longest or path.elementCount() < 4:
        return []
    elements = [path.elementAt(i) for i in range(path.elementCount())]
    pieces: list[tuple[QPainterPath, float]] = []
    done = 0.0
    start = QPointF(elements[0].x, elements[0].y)
    for i in range(1, len(elements) - 2, 3):
        curve = (start, *(QPointF(elements[j].x, elements[j].y) for j in range(i, i + 3)))
        whole = QPainterPath(curve[0])
        whole.cubicTo(curve[1], curve[2], curve[3])
        count = max(1, math.ceil(whole.length() / longest))
        rest = curve
        for left in range(count, 0, -1):
            first, rest = _split_cubic(*rest, 1 / left) if left > 1 else (rest, rest)
            piece = QPainterPath(first[0])
            piece.cubicTo(first[1], first[2], first[3])
            pieces.append((piece, done))
            done += piece.length()
        start = curve[3]
    return pieces


# --- labels ------------------------------------------------------------------------------------


def place_label(path: QPainterPath, size: QSizeF, cost: Callable[[QRectF], float]) -> QRectF:
    """The first spot along ``path`` (middle first) where a label of ``size`` costs nothing, else the
    cheapest one tried; ``cost`` measures what a rect would cover (cards, labels placed before)."""
    w, h = size.width(), size.height()
    best, best_cost = QRectF(), float("inf")
    points: list[QPointF] = []  # found as they are first tried: most labels fit at the first spot
    for nudge in LABEL_NUDGES:
        for i, t in enumerate(LABEL_STEPS):
            if i == len(points):
                points.append(path.pointAtPercent(t))
            p = points[i]
            rect = QRectF(p.x() - w / 2, p.y() - h / 2 + nudge, w, h)
            c = cost(rect) + abs(nudge) * 0.01
            if c < 0.1:
                return rect
            if c < best_cost:
                best, best_cost = rect, c
    return best
