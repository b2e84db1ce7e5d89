"""Auto-layout: cards in the lane of their scale, containment kept together, few link crossings.

A layered layout in the spirit of Sugiyama's method, cut down to what a lane diagram needs:

1. order the cards of each lane by a depth-first walk of the containment tree, so that the
   contents of a DAO or cell start out next to each other;
2. sweep the lanes down and up a few times, sorting each lane by the barycentre of its
   neighbours (containment and links) in the other lanes, which removes most crossings;
3. pack the lanes (:mod:`designer.layout.pack`): each containment tree gets a column of the
   picture in which its cards wrap into rows of their lane's band, with as many rows as bring the
   whole picture nearest 16:9; in a lane that fits one row a card sits as close to the middle of
   its neighbours as the cards before it allow, and in a wrapped lane a sub-cell sits under its
   cell and a card under the cards it links to.

Everything is linear or ``n log n`` in the number of cards and links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from designer.layout.geometry import (
    CARD_WIDTH,
    H_GAP,
    LANE_PITCH,
    CardContent,
    card_contents,
    card_height,
    lane_index,
)
from designer.layout.pack import clusters, pack
from designer.model.kinds import SCALES
from designer.model.links import Link
from designer.model.primitives import AnyPrimitive

Position = tuple[float, float]
Contents = tuple[dict[str, CardContent], dict[str, str]]
"""What :func:`card_contents` returns: each card's contents, and the card showing each primitive."""
SWEEPS = 4


def _lane_of(p: AnyPrimitive) -> int:
    scale = getattr(p, "scale", None)
    return lane_index(scale) if scale in SCALES else len(SCALES) - 1


def auto_layout(
    primitives: Sequence[AnyPrimitive],
    links: Sequence[Link] = (),
    only: Iterable[str] | None = None,
    *,
    known_contents: Contents | None = None,
) -> dict[str, Position]:
    """Positions for every card (DAO, cell, partner), or for the cards in ``only``.

    With ``only``, the other cards are not moved; the chosen ones are laid out among themselves
    and put to the right of what is already in each lane (see :func:`place_missing`).
    ``known_contents`` is :func:`card_contents` of ``primitives`` when the caller already has it."""
    contents, owner = known_contents if known_contents is not None else card_contents(primitives)
    by_id = {p.id: p for p in primitives}
    card_ids = [p.id for p in primitives if p.id in contents]
    chosen = set(card_ids if only is None else [i for i in only if i in contents])
    heights = {cid: card_height(contents[cid]) for cid in chosen}

    # Containment parent card of each card, and neighbours through containment and links.
    parent_card: dict[str, str] = {}
    neighbours: dict[str, list[str]] = {cid: [] for cid in card_ids}
    for cid in card_ids:
        parent = by_id[cid].parent
        pc = owner.get(parent) if parent is not None else None
        if pc is not None and pc != cid:
            parent_card[cid] = pc
            neighbours[cid].append(pc)
            neighbours[pc].append(cid)
    for link in links:
        a, b = owner.get(link.source), owner.get(link.target)
        if a is not None and b is not None and a != b:
            neighbours[a].append(b)
            neighbours[b].append(a)

    # 1. depth-first order of the containment forest.
    kids: dict[str | None, list[str]] = {}
    for cid in card_ids:
        kids.setdefault(parent_card.get(cid), []).append(cid)
    rank: dict[str, int] = {}
    stack = list(reversed(kids.get(None, [])))
    while stack:
        cid = stack.pop()
        if cid in rank:
            continue
        rank[cid] = len(rank)
        stack.extend(reversed(kids.get(cid, [])))
    for cid in card_ids:  # cycles or dangling parents
        rank.setdefault(cid, len(rank))

    lanes: list[list[str]] = [[] for _ in SCALES]
    for cid in sorted(chosen, key=rank.__getitem__):
        lanes[_lane_of(by_id[cid])].append(cid)

    # 2. barycentre sweeps on slot positions.
    x: dict[str, float] = {}
    for lane in lanes:
        for i, cid in enumerate(lane):
            x[cid] = float(i)
    for lane in lanes:  # normalise lanes of different lengths to a common width
        _spread(lane, x, max(len(lane_) for lane_ in lanes) if lanes else 1)
    order = list(range(len(SCALES)))
    for sweep in range(SWEEPS):
        for li in order if sweep % 2 == 0 else reversed(order):
            lane = lanes[li]
            keys: dict[str, float] = {}
            for cid in lane:
                xs = [x[n] for n in neighbours[cid] if n in x and _lane_of(by_id[n]) != li]
                keys[cid] = sum(xs) / len(xs) if xs else x[cid]
            lane.sort(key=lambda c: (keys[c], rank[c]))
            _spread(lane, x, max(len(lane_) for lane_ in lanes))

    # 3. pack: containment clusters in columns, lanes wrapped into rows, near 16:9 (see pack.py).
    out = pack(lanes, clusters(lanes, parent_card, neighbours, rank, x), heights, neighbours, parent_card)
    if out:
        shift = min(p[0] for p in out.values())
        out = {k: (round(v[0] - shift), round(v[1])) for k, v in out.items()}
    return out


def _spread(lane: list[str], x: dict[str, float], width: int) -> None:
    n = len(lane)
    if n == 0:
        return
    scale = width / n
    for i, cid in enumerate(lane):
        x[cid] = (i + 0.5) * scale


def place_missing(
    primitives: Sequence[AnyPrimitive],
    links: Sequence[Link],
    layout: Mapping[str, Sequence[float]],
    sizes: Mapping[str, tuple[float, float]] | None = None,
    *,
    known_contents: Contents | None = None,
) -> dict[str, Position]:
    """Positions for the cards that have none in ``layout``; cards that have one do not move.

    A card with a placed container goes to the first free spot in its lane from the container's x
    rightwards; others go after the rightmost card of their lane. A document with no positions at
    all gets a full :func:`auto_layout`. ``known_contents`` is :func:`card_contents` of
    ``primitives`` when the caller already has it."""
    computed = known_contents if known_contents is not None else card_contents(primitives)
    contents, owner = computed
    missing = [p for p in primitives if p.id in contents and p.id not in layout]
    if not missing:
        return {}
    placed = [p for p in primitives if p.id in contents and p.id in layout]
    if not placed or len(missing) > 50:
        fresh = auto_layout(primitives, links, only=[p.id for p in missing], known_contents=computed)
        if not placed:
            return fresh
        right = max(float(layout[p.id][0]) for p in placed) + CARD_WIDTH + H_GAP * 2
        return {k: (v[0] + right, v[1]) for k, v in fresh.items()}
    boxes: list[list[tuple[float, float, float, float]]] = [[] for _ in SCALES]

    def size(cid: str) -> tuple[float, float]:
        if sizes is not None and cid in sizes:
            return sizes[cid]
        return (CARD_WIDTH, card_height(contents[cid]))

    for p in placed:
        li = _lane_of(p)
        px, py = float(layout[p.id][0]), float(layout[p.id][1]) - li * LANE_PITCH
        w, h = size(p.id)
        boxes[li].append((px, py, px + w, py + h))
    out: dict[str, Position] = {}
    for p in missing:
        li = _lane_of(p)
        w, h = size(p.id)
        anchor = owner.get(p.parent) if p.parent is not None else None
        if anchor is not None and anchor in layout:
            start = float(layout[anchor][0])
        elif anchor is not None and anchor in out:
            start = out[anchor][0]
        elif boxes[li]:
            start = max(b[2] for b in boxes[li]) + H_GAP
        else:
            start = 0.0
        x0, y0 = _free_spot(boxes[li], start, w, h)
        boxes[li].append((x0, y0, x0 + w, y0 + h))
        out[p.id] = (round(x0), round(li * LANE_PITCH + y0))
    return out


def _free_spot(boxes: list[tuple[float, float, float, float]], start: float, w: float, h: float) -> Position:
    x0, y0 = start, 0.0
    for _ in range(10_000):
        hit = next(
            (b for b in boxes if x0 < b[2] + H_GAP / 2 and b[0] < x0 + w + H_GAP / 2 and y0 < b[3] and b[1] < y0 + h),
            None,
        )
        if hit is None:
            return (x0, y0)
        x0 = hit[2] + H_GAP
    return (x0, y0)


def count_crossings(
    primitives: Sequence[AnyPrimitive], links: Sequence[Link], layout: Mapping[str, Sequence[float]]
) -> int:
    """Crossings between straight edges (containment and links) joining cards in adjacent lanes."""
    contents, owner = card_contents(primitives)
    by_id = {p.id: p for p in primitives}
    pairs: set[tuple[str, str]] = set()
    for p in primitives:
        if p.id in contents and p.parent is not None and owner.get(p.parent) not in (None, p.id):
            pairs.add((p.id, owner[p.parent]))
    for link in links:
        a, b = owner.get(link.source), owner.get(link.target)
        if a is not None and b is not None and a != b:
            pairs.add((a, b))
    edges: dict[int, list[tuple[float, float]]] = {}
    for a, b in pairs:
        if a not in layout or b not in layout:
            continue
        la, lb = _lane_of(by_id[a]), _lane_of(by_id[b])
        if abs(la - lb) != 1:
            continue
        if la > lb:
            a, b, la = b, a, lb
        edges.setdefault(la, []).append((float(layout[a][0]), float(layout[b][0])))
    crossings = 0
    for segs in edges.values():
        segs.sort()
        for i in range(len(segs)):
            for j in range(i + 1, len(segs)):
                if (segs[i][0] - segs[j][0]) * (segs[i][1] - segs[j][1]) < 0:
                    crossings += 1
    return crossings
