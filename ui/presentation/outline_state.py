"""The Outline panel's folding and scroll, kept across presentation mode.

Each step selects its card, and the Outline follows the selection: it unfolds the card's
ancestors and scrolls to it. Leaving puts the selection back, but not the folding, so the panel
came back unfolded and scrolled to the last card shown. This takes a note of which rows are
unfolded and where the panel is scrolled on entering, and puts both back on leaving.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex


@dataclass
class OutlineState:
    panel: Any
    """The :class:`ui.panels.outline_panel.OutlinePanel` (built: an unbuilt one has nothing to keep)."""
    unfolded: list[str]
    scroll: tuple[int, int]

    @classmethod
    def take(cls, panels: Any) -> OutlineState | None:
        slot = getattr(panels, "slots", {}).get("outline")
        panel = getattr(slot, "panel", None)
        if panel is None:
            return None
        tree, unfolded = panel.tree, []
        todo = [QModelIndex()]
        while todo:
            parent = todo.pop()
            for row in range(panel.proxy.rowCount(parent)):
                index = panel.proxy.index(row, 0, parent)
                if tree.isExpanded(index):
                    pid = panel.source.id_at(panel.proxy.mapToSource(index))
                    if pid is not None:
                        unfolded.append(pid)
                    todo.append(index)
        return cls(panel, unfolded, (tree.horizontalScrollBar().value(), tree.verticalScrollBar().value()))

    def put_back(self) -> None:
        panel = self.panel
        tree = panel.tree
        tree.collapseAll()
        for pid in self.unfolded:
            index = panel.proxy.mapFromSource(panel.source.index_of(pid))
            if index.isValid():
                tree.expand(index)
        tree.horizontalScrollBar().setValue(self.scroll[0])
        tree.verticalScrollBar().setValue(self.scroll[1])
