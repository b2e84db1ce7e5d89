"""Packing ordered lanes into a picture of sensible proportions (auto-layout's last step).

The canvas is four horizontal lane bands, network at the top and collaboration at the bottom, and
that order is the framework's picture, so packing never moves a card out of its band. What it
chooses is how wide the picture gets: a file of thousands of cards drawn as one row per lane is a
strip hundreds of thousands of units long, every containment edge runs across it, and painting and
saving it grows with the square of the file.

So the cards are grouped into **clusters**: a containment tree (a DAO with its cells and their
sub-cells, whatever lanes they sit in), plus the lone cards (in no tree) that a link ties to it,
such as the partners of that DAO. Each cluster gets a **column** of the picture, ``k`` card slots wide, and
in every lane its cards fill that column in rows of at most ``k``. A DAO's cells thus sit below
the DAO, wrapped into a block, instead of trailing off to the right. Small clusters that would
waste a column of their own (a partner alone in the network lane above a DAO's column) share one
with their neighbours, taking only the rows the column had free.

The number of rows the fullest column may take is chosen so that the whole picture comes out
nearest :data:`ASPECT` (16:9, a screen); a file that fits in one row per lane at up to 3:1 keeps
one row, which is the plain layered layout. In a lane that fits one row of its column, the cards
are placed as near the middle of their neighbours in the other lanes as the order allows, so a
DAO sits over its cells. A wrapped lane is a grid of slots whose rows follow containment inside
the lane (a sub-cell in the row under its cell), each card in the slot nearest the cards it links
to that are placed already, so linked cards stand in one column and edges run down it.

Linear in the number of cards, times the few row counts tried (a galloping search).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence

from designer.layout.geometry import (
    CARD_WIDTH,
    H_GAP,
    LANE_GUTTER,
    LANE_MIN_HEIGHT,
    LANE_PAD_BOTTOM,
    LANE_PAD_TOP,
    LANE_PITCH,
    V_GAP,
)

Position = tuple[float, float]
ASPECT = 16 / 9
"""The proportion (width / height) packing aims the whole picture at."""
ONE_ROW_UP_TO = 3.0
"""A picture that fits one row per lane at no more than this proportion keeps one row: a small
file reads best as the plain layered layout (wrapping brings crossings and crowds the labels of
edges between rows)."""
PICTURE_EXTRA = LANE_GUTTER + 400.0
"""Width the canvas adds to the cards' extent: the lane names on the left, the margin and the
link key on the right (estimated; the aim is a proportion, not a pixel)."""
STEP = CARD_WIDTH + H_GAP
COLUMN_GAP = H_GAP
"""Extra room between two columns, so that clusters read as groups."""

Counts = list[int]
"""Cards of a cluster or column per lane."""


def clusters(
    lanes: Sequence[Sequence[str]],
    parent_card: Mapping[str, str],
    neighbours: Mapping[str, Sequence[str]],
    rank: Mapping[str, int],
    key: Mapping[str, float],
) -> list[list[list[str]]]:
    """The cards of ``lanes`` grouped into clusters, each a list of its cards per lane in lane order.

    Clusters are ordered by the mean of their cards' ``key`` (the barycentre sweeps' positions),
    then by the containment order ``rank`` of their first card."""
    placed = {cid for lane in lanes for cid in lane}
    root: dict[str, str] = {}
    for cid in placed:
        path: list[str] = []
        seen: set[str] = set()
        current = cid
        while current not in root and current in parent_card and current not in seen:
            path.append(current)
            seen.add(current)
            current = parent_card[current]
        top = root.get(current, current)
        for step in path:
            root[step] = top
        root.setdefault(cid, top)
    has_children = {root[c] for c in placed if root[c] != c}
    # A card in no containment tree that a link ties to one goes with that tree (a DAO's partners).
    for cid in sorted(placed, key=rank.__getitem__):
        if root[cid] == cid and cid not in has_children:
            trees = [root[n] for n in neighbours.get(cid, ()) if n in root and root[n] in has_children]
            if trees:
                root[cid] = min(trees, key=rank.__getitem__)
    members: dict[str, list[list[str]]] = {}
    for li, lane in enumerate(lanes):
        for cid in lane:
            members.setdefault(root[cid], [[] for _ in lanes])[li].append(cid)
    sums: dict[str, float] = {}
    for top, per_lane in members.items():
        cards = [c for lane in per_lane for c in lane]
        sums[top] = sum(key[c] for c in cards) / len(cards)
    order = sorted(members, key=lambda top: (sums[top], rank[top]))
    return [members[top] for top in order]


Column = tuple[int, list[int], Counts]
"""Slots wide, the indices of its clusters, its cards per lane."""


def columns(cluster_counts: Sequence[Counts], rows: int) -> list[Column]:
    """Consecutive clusters joined into columns at most ``rows`` rows deep.

    A cluster joins the column before it when that does not make the column wider than the wider
    of the two: it fills rows the column leaves free, as partners above a DAO's column, or many
    small trees stacked row by row. Otherwise it starts a column of its own, so two DAOs with a
    block of cells each never share one."""
    out: list[Column] = []
    current: Counts = []
    width = 0
    for i, counts in enumerate(cluster_counts):
        own = max(1, -(-max(counts) // rows))  # slots for the fullest lane; runs for every row count tried
        if out:
            merged = [a + b for a, b in zip(current, counts, strict=True)]
            k = max(1, -(-max(merged) // rows))
            if k <= width or k <= own:
                out[-1][1].append(i)
                width, current = k, merged
                continue
            out[-1] = (width, out[-1][1], current)
        out.append((own, [i], list(counts)))
        width, current = own, list(counts)
    if out:
        out[-1] = (width, out[-1][1], current)
    return out


def _aspect(cluster_counts: Sequence[Counts], rows: int, row_heights: Sequence[float]) -> float:
    cols = columns(cluster_counts, rows)
    width = sum(k for k, _, _ in cols) * STEP + (len(cols) - 1) * COLUMN_GAP - H_GAP + PICTURE_EXTRA
    height = 0.0
    for li, row_h in enumerate(row_heights):
        deepest = max((-(-totals[li] // k) for k, _, totals in cols), default=0)
        height += max(LANE_MIN_HEIGHT, LANE_PAD_TOP + deepest * row_h - V_GAP + LANE_PAD_BOTTOM)
    return width / height


def choose_rows(cluster_counts: Sequence[Counts], row_heights: Sequence[float]) -> int:
    """The row count whose picture comes nearest :data:`ASPECT`, or one row up to :data:`ONE_ROW_UP_TO`.

    More rows make the picture narrower and taller, so the proportion falls as the count grows:
    a search finds the first count at or under the aim, then the nearer of it and the one before
    wins (nearer as a ratio)."""
    lanes = len(row_heights)
    most = max((sum(counts[li] for counts in cluster_counts) for li in range(lanes)), default=1)
    if _aspect(cluster_counts, 1, row_heights) <= ONE_ROW_UP_TO:
        return 1
    lo, hi = 1, 2  # gallop to a count at or under the aim, then halve the gap (few tries: each is linear)
    while hi < most and _aspect(cluster_counts, hi, row_heights) > ASPECT:
        lo, hi = hi + 1, hi * 2
    hi = min(hi, max(1, most))
    while lo < hi:
        mid = (lo + hi) // 2
        if _aspect(cluster_counts, mid, row_heights) <= ASPECT:
            hi = mid
        else:
            lo = mid + 1
    under = _aspect(cluster_counts, lo, row_heights)
    if lo > 1:
        over = _aspect(cluster_counts, lo - 1, row_heights)
        if over / ASPECT < ASPECT / under:
            return lo - 1
    return lo


def pack(
    lanes: Sequence[Sequence[str]],
    groups: Sequence[Sequence[Sequence[str]]],
    heights: Mapping[str, float],
    neighbours: Mapping[str, Sequence[str]],
    parent_card: Mapping[str, str],
) -> dict[str, Position]:
    """Top-left positions (nominal grid, see :mod:`designer.layout.geometry`) for the cards of
    ``groups`` (from :func:`clusters`), lane ``i`` of each in band ``i``; ``parent_card`` is each
    card's containment parent."""
    n_lanes = len(lanes)
    counts = [[len(lane) for lane in cluster] for cluster in groups]
    row_heights = []
    for lane in lanes:
        hs = [heights[c] for c in lane]
        row_heights.append((sum(hs) / len(hs) if hs else 0.0) + V_GAP)
    rows = choose_rows(counts, row_heights)
    lane_of = {cid: li for li, lane in enumerate(lanes) for cid in lane}
    out: dict[str, Position] = {}
    left = 0.0
    for k, members, _ in columns(counts, rows):
        per_lane = [[c for i in members for c in groups[i][li]] for li in range(n_lanes)]
        right = left + k * STEP - H_GAP
        counts_here = [len(cards) for cards in per_lane]
        wrapped = [li for li in _lane_order(counts_here) if counts_here[li] > k]
        for li in wrapped:
            blocks = [groups[i][li] for i in members]
            _wrap(blocks, k, left, li, heights, neighbours, parent_card, out)
        rows_of_one = [li for li in _lane_order(counts_here, wrapped) if 0 < counts_here[li] <= k]
        for li in rows_of_one * 2:  # again, once every lane has its cards in place
            _row(per_lane[li], left, right, li, neighbours, lane_of, out)
        left += k * STEP + COLUMN_GAP
    return out


def _lane_order(counts: Sequence[int], placed: Sequence[int] = ()) -> list[int]:
    """The lanes ``placed`` first, else the fullest, then outwards from them: each lane is placed
    over or under one whose cards are already in place, so its cards can sit by their neighbours."""
    order = list(placed) or [min(range(len(counts)), key=lambda i: (-counts[i], i))]
    while len(order) < len(counts):
        rest = [i for i in range(len(counts)) if i not in order]
        order.append(min(rest, key=lambda i: (min(abs(i - j) for j in order), -counts[i], i)))
    return order


def _wrap(blocks: Sequence[Sequence[str]], k: int, left: float, lane: int, heights: Mapping[str, float],
          neighbours: Mapping[str, Sequence[str]], parent_card: Mapping[str, str],
          out: dict[str, Position]) -> None:
    """The cards of ``blocks`` (one per cluster, in order) in rows of equal length (at most ``k``)
    on the column's grid of slots.

    Rows follow containment inside the lane: in each cluster a card comes after every card above it
    in the same lane (a cell's sub-cell in a row below the cell), so a chain of cells reads
    downwards instead of sideways. Each card then takes the free slot nearest its neighbours
    already placed (its parent in the row above, cards of lanes placed before), keeping the order
    of the row; a card with none keeps its place in the order. So a sub-cell sits under its cell
    and the edges between rows run straight down a column instead of behind other cards."""
    here = {cid for block in blocks for cid in block}
    depth: dict[str, int] = {}
    for block in blocks:
        for cid in block:  # containment depth inside the lane, by a walk up (no recursion)
            path: list[str] = []
            current = cid
            while current not in depth and current in here and len(path) <= len(here):
                path.append(current)
                current = parent_card.get(current, "")
            base = depth.get(current, -1)
            for step in reversed(path):
                base += 1
                depth[step] = base
    ordered = [(b, cid) for b, block in enumerate(blocks)
               for cid in sorted(block, key=depth.__getitem__)]  # stable: keeps the order
    n_rows = math.ceil(len(ordered) / k)
    per_row = math.ceil(len(ordered) / n_rows)
    rows = (_rows_by_containment(ordered, per_row, parent_card, here) if any(depth.values())
            else [ordered[i : i + per_row] for i in range(0, len(ordered), per_row)])
    y = 0.0
    for row in rows:
        wants = []
        want = -1.0
        for i, (b, cid) in enumerate(row):
            xs = [out[n][0] for n in neighbours.get(cid, ()) if n in out]
            want = (sum(xs) / len(xs) - left) / STEP if xs else want + 1  # none: after the card before
            wants.append((b, want, i, cid))
        wants.sort()
        slot = -1
        for i, (_b, want, _i, cid) in enumerate(wants):
            slot = min(max(round(want), slot + 1), k - (len(wants) - i))
            out[cid] = (left + slot * STEP, lane * LANE_PITCH + y)
        y += max(heights[c] for _b, c in row) + V_GAP


Entry = tuple[int, str]
"""A card of a wrapped lane with the index of its cluster in the column."""


def _rows_by_containment(ordered: Sequence[Entry], per_row: int, parent_card: Mapping[str, str],
                         here: set[str]) -> list[list[Entry]]:
    """``ordered`` in rows of ``per_row``, each row taking first the cards whose parent is in the
    row before (so they sit right under it), then the cards whose parent is placed or in another
    lane, in order; a row still short takes the next cards anyway, each after its parent.

    ``n log n``: the cards that became ready wait in a heap by their place in the order."""
    rank = {cid: i for i, (_b, cid) in enumerate(ordered)}
    kids: dict[str, list[int]] = {}
    ready: list[int] = []
    for i, (_b, cid) in enumerate(ordered):
        parent = parent_card.get(cid, "")
        if parent in here and parent != cid:
            kids.setdefault(parent, []).append(i)
        else:
            ready.append(i)
    heapq.heapify(ready)
    taken: set[int] = set()
    rows: list[list[Entry]] = []
    previous: list[int] = []
    cursor = 0
    while len(taken) < len(ordered):
        take = sorted(i for p in previous for i in kids.get(ordered[p][1], ()) if i not in taken)[:per_row]
        chosen = set(take)
        while ready and len(take) < per_row:
            i = heapq.heappop(ready)
            if i not in taken and i not in chosen:
                take.append(i)
                chosen.add(i)
        take.sort()
        after: dict[int, list[int]] = {}
        while len(chosen) < per_row and cursor < len(ordered):  # short: the next cards anyway
            if cursor not in taken and cursor not in chosen:
                chosen.add(cursor)
                above = rank.get(parent_card.get(ordered[cursor][1], ""), -1)
                after.setdefault(above if above in chosen else -1, []).append(cursor)
            cursor += 1
        row: list[int] = []
        stack = list(reversed(take + after.pop(-1, [])))
        while stack:  # each card followed by the cards taken after it
            i = stack.pop()
            row.append(i)
            stack.extend(reversed(after.pop(i, [])))
        taken |= chosen
        for i in row:  # their sub-cells may come in the rows after
            for kid in kids.get(ordered[i][1], ()):
                heapq.heappush(ready, kid)
        rows.append([ordered[i] for i in row])
        previous = row
    return rows


def _row(cards: Sequence[str], left: float, right: float, lane: int, neighbours: Mapping[str, Sequence[str]],
         lane_of: Mapping[str, int], out: dict[str, Position]) -> None:
    """One row between ``left`` and ``right``, each card as near the middle of its placed neighbours
    as the cards before it and the room the cards after it need allow."""
    edge = left - H_GAP
    for i, cid in enumerate(cards):
        lowest = edge + H_GAP
        highest = right - (len(cards) - i) * STEP + H_GAP
        xs = [out[n][0] for n in neighbours.get(cid, ()) if n in out and lane_of[n] != lane]
        want = sum(xs) / len(xs) if xs else lowest
        x = min(max(want, lowest), max(highest, lowest))
        out[cid] = (x, lane * LANE_PITCH)
        edge = x + CARD_WIDTH

