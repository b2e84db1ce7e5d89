"""A grid of rectangles by key: which cards (or labels) meet a rect, without asking the scene.

The scene's BSP index answers with every item, and a 10k document has thousands of chips and task
rows inside its cards, so a query over a long edge's bounds costs milliseconds. Edge routing and
label placement only need card and label rectangles; this index holds just those, in plain floats.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator

from PySide6.QtCore import QRectF

from ui.canvas.routing import Box, box_of

CELL = 512.0


class RectIndex:
    def __init__(self, cell: float = CELL) -> None:
        self.cell = cell
        self._boxes: dict[Hashable, Box] = {}
        self._grid: dict[tuple[int, int], set[Hashable]] = defaultdict(set)

    def _cells(self, box: Box) -> Iterator[tuple[int, int]]:
        c = self.cell
        for gx in range(int(box[0] // c), int(box[2] // c) + 1):
            for gy in range(int(box[1] // c), int(box[3] // c) + 1):
                yield gx, gy

    def set(self, key: Hashable, rect: QRectF) -> None:
        box = box_of(rect)
        if self._boxes.get(key) == box:
            return
        self.remove(key)
        self._boxes[key] = box
        for cell in self._cells(box):
            self._grid[cell].add(key)

    def remove(self, key: Hashable) -> None:
        box = self._boxes.pop(key, None)
        if box is None:
            return
        for cell in self._cells(box):
            keys = self._grid.get(cell)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._grid[cell]

    def clear(self) -> None:
        self._boxes.clear()
        self._grid.clear()

    def box(self, key: Hashable) -> Box | None:
        return self._boxes.get(key)

    def query(self, box: Box) -> list[tuple[Hashable, Box]]:
        """The keys (with their boxes) whose rectangles meet ``box`` (edges touching count).

        Edge routing asks this for every short segment of every path, so the common case (a box
        within one grid cell, where no key can be met twice) takes a path of its own."""
        x0, y0, x1, y1 = box
        c = self.cell
        gx0, gy0, gx1, gy1 = int(x0 // c), int(y0 // c), int(x1 // c), int(y1 // c)
        grid, boxes = self._grid, self._boxes
        if gx0 == gx1 and gy0 == gy1:
            keys = grid.get((gx0, gy0))
            if not keys:
                return []
            return [(key, b) for key in keys
                    if (b := boxes[key])[0] <= x1 and x0 <= b[2] and b[1] <= y1 and y0 <= b[3]]
        if (gx1 - gx0 + 1) * (gy1 - gy0 + 1) > len(grid):  # a wide box: walk the occupied cells
            cells = [k for (gx, gy), k in grid.items() if gx0 <= gx <= gx1 and gy0 <= gy <= gy1]
        else:
            cells = [k for gx in range(gx0, gx1 + 1) for gy in range(gy0, gy1 + 1)
                     if (k := grid.get((gx, gy))) is not None]
        found: dict[Hashable, Box] = {}
        for keys in cells:
            for key in keys:
                if key in found:
                    continue
                b = boxes[key]
                if b[0] <= x1 and x0 <= b[2] and b[1] <= y1 and y0 <= b[3]:
                    found[key] = b
        return list(found.items())
