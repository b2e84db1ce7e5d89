"""The canvas scene: draws a :class:`DocumentModel` and redraws from its events, nothing else.

User actions never touch items here; they push commands, the model emits events, and
:meth:`CanvasScene.flush` brings the items up to date (the orange-canvas-core pattern). Events are
collected and applied together, after each command (the undo stack's listener calls ``flush``),
or on the next turn of the event loop.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from designer.commands.events import (
    DocumentReplaced,
    Event,
    LinkAdded,
    LinkRemoved,
    PositionChanged,
    PrimitiveAdded,
    PrimitiveChanged,
    PrimitiveRemoved,
)
from designer.commands.model import DocumentModel
from designer.layout.auto import place_missing
from designer.layout.geometry import (
    CARD_HEADER,
    CARD_PAD,
    CARD_WIDTH,
    CHIP_GAP,
    CHIP_HEIGHT,
    LANE_GUTTER,
    LANE_MIN_HEIGHT,
    LANE_PAD_BOTTOM,
    LANE_PAD_TOP,
    LANE_PITCH,
    TASK_HEIGHT,
    CardContent,
    card_contents,
    card_height,
    lane_index,
)
from designer.model.kinds import SCALES
from ui.canvas.card_item import CardItem
from ui.canvas.chip_item import ChipItem, MoreItem, TaskItem
from ui.canvas.edge_item import EdgeItem, LabelItem, LinkKey, link_label
from ui.canvas.lane_item import LaneItem, LegendItem
from ui.canvas.rect_index import RectIndex
from ui.canvas.routing import Box, End, box_of, place_label, route
from ui.canvas.style import style

SCENE_MARGIN = 160.0
PARALLEL = 34.0
"""How far apart parallel edges (between the same two items) run."""
BOUNDING = Qt.ItemSelectionMode.IntersectsItemBoundingRect


class CanvasScene(QGraphicsScene):
    def __init__(self, model: DocumentModel, parent: object | None = None) -> None:
        super().__init__()
        self.model = model
        self.cards: dict[str, CardItem] = {}
        self.chips: dict[str, ChipItem] = {}
        self.tasks: dict[str, TaskItem] = {}
        self.edges: dict[LinkKey, EdgeItem] = {}
        self.lanes = [LaneItem(i, s) for i, s in enumerate(SCALES)]
        self.legend = LegendItem()
        self.lane_tops = [i * LANE_PITCH for i in range(len(SCALES))]
        self.lane_heights = [LANE_MIN_HEIGHT] * len(SCALES)
        self.folded: set[str] = set()
        self.show_tasks = True
        self.show_badges = True
        """Whether cards draw their problem badges (View > Show Problem Badges; off while presenting)."""
        self.contents: dict[str, CardContent] = {}
        self.owner: dict[str, str] = {}
        self._auto: dict[str, tuple[float, float]] = {}
        self._edges_by_card: dict[str, set[LinkKey]] = defaultdict(set)
        self._card_index = RectIndex()
        self._label_index = RectIndex()
        self._dirty: set[str] = set()
        self._moved: set[str] = set()
        self._links_dirty = False
        self._full = True
        self._flush_scheduled = False
        self.setBackgroundBrush(style().background)
        for lane in self.lanes:
            self.addItem(lane)
        self.addItem(self.legend)
        self._unsubscribe = model.events.subscribe(self._on_event)
        self.flush()

    def detach(self) -> None:
        self._unsubscribe()

    # --- events --------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if isinstance(event, DocumentReplaced):
            self._full = True
            self.clearSelection()  # another document: nothing of the old selection is kept
        elif isinstance(event, PrimitiveAdded | PrimitiveRemoved):
            self._dirty.add(event.id)
            self._links_dirty = True
        elif isinstance(event, PrimitiveChanged):
            self._dirty.add(event.id)
            if "parent" in event.fields or "kind" in event.fields:
                self._links_dirty = True
        elif isinstance(event, LinkAdded | LinkRemoved):
            self._links_dirty = True
        elif isinstance(event, PositionChanged):
            self._moved.add(event.id)
        if not self._flush_scheduled:
            self._flush_scheduled = True
            QTimer.singleShot(0, self.flush)

    def flush(self) -> None:
        """Apply the collected changes to the items. What was selected stays selected: a card's chips
        and task rows are rebuilt with it, and a theme change rebuilds every card."""
        self._flush_scheduled = False
        if self._full:
            keep = self.selected_ids()
            self._rebuild()
            self._reselect(keep)
            return
        if not (self._dirty or self._moved or self._links_dirty):
            return
        keep = self.selected_ids()
        old_owner = self.owner
        self.contents, self.owner = card_contents(self.model.primitives)
        affected = {old_owner[i] for i in self._dirty if i in old_owner}
        affected |= {self.owner[i] for i in self._dirty if i in self.owner}
        for cid in affected:
            self._sync_card(cid)
        moved = {i for i in self._moved if i in self.cards} | affected
        self._place_missing()
        lanes_changed = self._update_lanes()
        self._position_cards(self.cards if lanes_changed else moved)
        if self._links_dirty:
            self._sync_edges()
        else:
            self._route_edges_of(moved, lanes_changed)
        self._dirty.clear()
        self._moved.clear()
        self._links_dirty = False
        self._update_scene_rect()
        self._reselect(keep)

    def _rebuild(self) -> None:
        self._full = False
        self.legend.restyle()
        self._dirty.clear()
        self._moved.clear()
        self._links_dirty = False
        for item in list(self.cards.values()) + list(self.edges.values()):
            self.removeItem(item)
        for edge in self.edges.values():
            self.removeItem(edge.label_item)
        self.cards.clear()
        self.chips.clear()
        self.tasks.clear()
        self.edges.clear()
        self._edges_by_card.clear()
        self._card_index.clear()
        self._label_index.clear()
        self._auto = {k: v for k, v in self._auto.items() if k in self.model}
        self.folded &= self.model.ids()
        self.contents, self.owner = card_contents(self.model.primitives)
        for cid in self.contents:
            self._sync_card(cid)
        self._place_missing()
        self._update_lanes(force=True)
        self._position_cards(self.cards)
        self._sync_edges()
        self._update_scene_rect()

    def select_ids(self, ids: list[str]) -> None:
        """Select exactly the items of ``ids`` (each primitive's own card, chip or task row)."""
        self.clearSelection()
        self._reselect(ids)

    def _reselect(self, ids: list[str]) -> None:
        """Select again the items of ``ids`` that were rebuilt (a removed item loses its selection)."""
        for pid in ids:
            item = self.item_for(pid)
            if item is not None and getattr(item, "pid", None) == pid and not item.isSelected():
                item.setSelected(True)

    # --- cards ---------------------------------------------------------------------------------

    def card_height(self, cid: str) -> float:
        return card_height(self.contents.get(cid), cid in self.folded or not self.show_tasks)

    def _sync_card(self, cid: str) -> None:
        p = self.model.get(cid)
        item = self.cards.get(cid)
        if p is None or cid not in self.contents:
            if item is not None:
                self._drop_children(item)
                self.removeItem(item)
                self._card_index.remove(item)
                del self.cards[cid]
            self._auto.pop(cid, None)
            return
        height = self.card_height(cid)
        if item is None:
            item = CardItem(p, height)
            self.cards[cid] = item
            self.addItem(item)
        else:
            item.set_primitive(p, height)
            self._drop_children(item)
        item.folded = cid in self.folded
        self._build_children(item, self.contents[cid])

    def _drop_children(self, card: CardItem) -> None:
        for child in card.childItems():
            pid = getattr(child, "pid", None)
            if pid is not None:
                if self.chips.get(pid) is child:
                    del self.chips[pid]
                if self.tasks.get(pid) is child:
                    del self.tasks[pid]
            self.removeItem(child)

    def _build_children(self, card: CardItem, content: CardContent) -> None:
        folded = card.pid in self.folded or not self.show_tasks
        y = CARD_HEADER
        for block in content.blocks:
            if block.role is not None:
                role = self.model.get(block.role)
                if role is None:
                    continue
                chip = ChipItem(role.id, role.name, len(getattr(role, "holders", []) or []))
                chip.setParentItem(card)
                chip.setPos(CARD_PAD + 6, y)
                self.chips[role.id] = chip
                y += CHIP_HEIGHT + CHIP_GAP
            if folded:
                continue
            for row in block.tasks:
                task = self.model.get(row.id)
                if task is None:
                    continue
                status = getattr(getattr(task.state, "progress", None), "status", None)
                item = TaskItem(task.id, task.name, row.depth, status)
                item.setParentItem(card)
                item.setPos(CARD_PAD + 18 + row.depth * 12, y)
                self.tasks[task.id] = item
                y += TASK_HEIGHT
            if block.hidden:
                more = MoreItem(block.hidden)
                more.setParentItem(card)
                more.setPos(CARD_PAD + 18, y)
                y += TASK_HEIGHT
            if block.role is None:
                y += CHIP_GAP

    def _place_missing(self) -> None:
        layout: dict[str, tuple[float, float]] = {**self._auto, **self.model.layout}
        if all(cid in layout for cid in self.contents):
            return
        sizes = {cid: (CARD_WIDTH, self.card_height(cid)) for cid in self.contents}
        self._auto.update(place_missing(self.model.primitives, self.model.links, layout, sizes,
                                        known_contents=(self.contents, self.owner)))

    def layout_position(self, cid: str) -> tuple[float, float]:
        """The card's position on the nominal grid: the file's, or one the canvas chose for it."""
        pos = self.model.layout.get(cid) or self._auto.get(cid)
        return pos if pos is not None else (0.0, 0.0)

    def lane_of(self, cid: str) -> int:
        scale = getattr(self.model.get(cid), "scale", None)
        return lane_index(scale) if scale in SCALES else len(SCALES) - 1

    def _offset_in_lane(self, cid: str) -> float:
        return max(0.0, self.layout_position(cid)[1] - self.lane_of(cid) * LANE_PITCH)

    def _update_lanes(self, force: bool = False) -> bool:
        need = [LANE_MIN_HEIGHT] * len(SCALES)
        for cid, item in self.cards.items():
            li = self.lane_of(cid)
            need[li] = max(need[li], LANE_PAD_TOP + self._offset_in_lane(cid) + item.height + LANE_PAD_BOTTOM)
        tops, y = [], 0.0
        for h in need:
            tops.append(y)
            y += h
        changed = force or tops != self.lane_tops or need != self.lane_heights
        self.lane_tops, self.lane_heights = tops, need
        return changed

    def scene_pos_of(self, cid: str) -> QPointF:
        return self.from_layout(self.lane_of(cid), self.layout_position(cid))

    def from_layout(self, lane: int, position: tuple[float, float]) -> QPointF:
        """Nominal-grid layout position of a card in ``lane`` -> its scene top-left (see :meth:`to_layout`)."""
        x, y = position
        return QPointF(x, self.lane_tops[lane] + LANE_PAD_TOP + max(0.0, y - lane * LANE_PITCH))

    def _position_cards(self, ids: object) -> None:
        for cid in list(ids):  # type: ignore[call-overload]
            item = self.cards.get(cid)
            if item is not None:
                item.setPos(self.scene_pos_of(cid))
                self._card_index.set(item, card_rect(item))

    def to_layout(self, lane: int, top_left: QPointF) -> tuple[float, float]:
        """Scene top-left of a card dropped in ``lane`` -> nominal-grid layout position."""
        offset = max(0.0, top_left.y() - self.lane_tops[lane] - LANE_PAD_TOP)
        return (round(top_left.x()), round(lane * LANE_PITCH + offset))

    def lane_at(self, y: float) -> int:
        for i in range(len(SCALES) - 1, -1, -1):
            if y >= self.lane_tops[i]:
                return i
        return 0

    def _update_scene_rect(self) -> None:
        xs = [item.pos().x() for item in self.cards.values()]
        left = min([0.0, *xs]) - LANE_GUTTER
        right = max([900.0, *[x + CARD_WIDTH for x in xs]]) + SCENE_MARGIN + self.legend.SIZE.width()
        bottom = self.lane_tops[-1] + self.lane_heights[-1]
        # an arc below the last lane's cards may carry its label a little lower: keep it in the picture
        bottom = max([bottom, *[e.label_item.rect().bottom() + 6 for e in self.edges.values() if e.label]])
        for i, lane in enumerate(self.lanes):
            height = self.lane_heights[i] if i < len(self.lanes) - 1 else bottom - self.lane_tops[i]
            lane.set_rect(QRectF(left, self.lane_tops[i], right - left, height))
        legend = self.legend.SIZE
        self.legend.setPos(right - legend.width() - 24, bottom - legend.height() - 24)
        self.setSceneRect(QRectF(left, 0, right - left, bottom))

    # --- folding (view state, not part of the document) -------------------------------------------

    def set_folded(self, cid: str, folded: bool) -> None:
        if folded:
            self.folded.add(cid)
        else:
            self.folded.discard(cid)
        self._dirty.add(cid)
        self._links_dirty = True
        self.flush()

    def set_show_tasks(self, show: bool) -> None:
        self.show_tasks = show
        self._full = True
        self.flush()

    # --- edges ---------------------------------------------------------------------------------

    def item_for(self, pid: str) -> QGraphicsItem | None:
        """The item that shows ``pid``: its chip or task row, else its card."""
        item: QGraphicsItem | None = self.chips.get(pid) or self.tasks.get(pid)
        if item is None:
            owner = self.owner.get(pid)
            item = self.cards.get(owner) if owner is not None else None
        return item

    def _wanted_edges(self) -> dict[LinkKey, str]:
        wanted: dict[LinkKey, str] = {}
        pairs: set[frozenset[str]] = set()
        for link in self.model.links:
            wanted[link.key] = link_label(link)
            a, b = self.owner.get(link.source), self.owner.get(link.target)
            if a and b:
                pairs.add(frozenset((a, b)))
        for cid in self.cards:
            parent = self.model[cid].parent
            pc = self.owner.get(parent) if parent else None
            if pc and pc != cid and frozenset((cid, pc)) not in pairs:
                wanted[(cid, pc, "contains")] = ""
        return wanted

    def _sync_edges(self) -> None:
        wanted = self._wanted_edges()
        for key in [k for k in self.edges if k not in wanted]:
            edge = self.edges.pop(key)
            self.removeItem(edge)
            self.removeItem(edge.label_item)
            self._label_index.remove(edge.label_item)
        self._edges_by_card.clear()
        for key, label in wanted.items():
            edge = self.edges.get(key)
            if edge is None:
                edge = EdgeItem(key, label)
                self.edges[key] = edge
                self.addItem(edge)
                self.addItem(edge.label_item)
            else:
                edge.set_label(label)
            for end in key[:2]:
                owner = self.owner.get(end)
                if owner is not None:
                    self._edges_by_card[owner].add(key)
        self._route(list(self.edges))

    def _route_edges_of(self, cards: set[str] | object, everything: bool = False) -> None:
        if everything:
            self._route(list(self.edges))
            return
        keys: set[LinkKey] = set()
        for cid in cards:  # type: ignore[attr-defined]
            keys |= self._edges_by_card.get(cid, set())
        self._route(list(keys))

    def route_edges_of_cards(self, cards: set[str], live: bool = True) -> None:
        """Re-route the edges of cards being dragged (only their geometry; no model change).

        While the drag is live each label simply rides at the middle of its edge: placing labels
        around cards and other labels on every mouse move would cost a busy card (40+ edges) more
        than a frame. The drop re-routes from the model event and places them properly; a
        cancelled drag passes ``live=False``."""
        keys: set[LinkKey] = set()
        for cid in cards:
            card = self.cards.get(cid)
            if card is not None:
                self._card_index.set(card, card_rect(card))
            keys |= self._edges_by_card.get(cid, set())
        self._route(list(keys), detour=False, place=not live)

    def _route(self, keys: list[LinkKey], detour: bool = True, place: bool = True) -> None:
        groups: dict[frozenset[str], list[LinkKey]] = defaultdict(list)
        for key in self.edges:
            groups[frozenset(key[:2])].append(key)
        routed: list[EdgeItem] = []
        for key in keys:
            edge = self.edges.get(key)
            if edge is None:
                continue
            a, b = self._end(key[0]), self._end(key[1])
            if a is None or b is None or (a[0] is b[0] and a[1].item == b[1].item):
                edge.setVisible(False)
                edge.label_item.setVisible(False)
                continue
            edge.setVisible(True)
            edge.label_item.setVisible(bool(edge.label))
            group = sorted(groups[frozenset(key[:2])])
            offset = (group.index(key) - (len(group) - 1) / 2) * PARALLEL
            skip = (a[0], b[0])
            edge.set_route(route(a[1], b[1], offset, edge.label_item.size().width(),
                                 lambda box, skip=skip: self.card_boxes_in(box, skip), detour))
            routed.append(edge)
        if place:
            self._place_labels(routed)
            return
        for edge in routed:
            if edge.label:
                size = edge.label_item.size()
                middle = edge.path().pointAtPercent(0.5)
                edge.set_label_rect(QRectF(middle.x() - size.width() / 2, middle.y() - size.height() / 2,
                                           size.width(), size.height()))

    def _end(self, pid: str) -> tuple[CardItem, End] | None:
        """The card an end of an edge sits on, and the end's geometry (its chip or task row, or the card)."""
        item = self.item_for(pid)
        card = item if isinstance(item, CardItem) else (item.parentItem() if item is not None else None)
        if item is None or not isinstance(card, CardItem):
            return None
        rect = card_rect(card)
        return card, End(rect if item is card else item.sceneBoundingRect(), rect, item is card)

    def card_boxes_in(self, box: Box, skip: tuple[QGraphicsItem, ...] = ()) -> list[Box]:
        """The boxes (left, top, right, bottom) of the cards (but ``skip``) that meet ``box``."""
        return [b for card, b in self._card_index.query(box) if card not in skip]

    def _place_labels(self, edges: list[EdgeItem]) -> None:
        """Place the labels of ``edges`` (and of others now covered by their cards) greedily, each where
        it covers no card and no label placed before it. Only cards and labels near each spot are
        looked at (a grid index of their rectangles), so a drag in a 10k document stays cheap."""
        batch = [e for e in edges if e.label and e.isVisible()]
        for edge in edges:
            if edge not in batch:
                self._label_index.remove(edge.label_item)
        pending = {e.label_item for e in batch}
        around: set[CardItem] = set()
        for edge in edges:
            for end in edge.key[:2]:
                owner = self.owner.get(end)
                card = self.cards.get(owner) if owner is not None else None
                if card is not None:
                    around.add(card)
        for card in around:  # labels of other edges that a moved card now covers
            for label, _ in self._label_index.query(box_of(card_rect(card).adjusted(-3, -3, 3, 3))):
                if isinstance(label, LabelItem) and label not in pending and label.isVisible():
                    pending.add(label)
                    batch.append(label.edge)
        batch.sort(key=lambda e: e.key)
        legend = box_of(self.legend.sceneBoundingRect())
        for edge in batch:
            label = edge.label_item
            rect = place_label(edge.path(), label.size(),
                               lambda r, own=label: self._label_cost(r, own, pending, legend))
            pending.discard(label)
            edge.set_label_rect(rect)
            self._label_index.set(label, rect)

    def _label_cost(self, rect: QRectF, own: LabelItem, pending: set[LabelItem], legend: Box) -> float:
        """What a label at ``rect`` would cover: overlap with cards (weighted), placed labels, the legend."""
        x0, y0, x1, y1 = box_of(rect.adjusted(-3, -3, 3, 3))
        boxes = [(4.0, b) for _, b in self._card_index.query((x0, y0, x1, y1))]
        boxes += [(2.0, b) for label, b in self._label_index.query((x0, y0, x1, y1))
                  if label is not own and label not in pending]
        boxes.append((1.0, legend))
        cost = 0.0
        for weight, (bx0, by0, bx1, by1) in boxes:
            w, h = min(x1, bx1) - max(x0, bx0), min(y1, by1) - max(y0, by0)
            if w > 0 and h > 0:
                cost += weight * (1 + w * h / 100)
        return cost

    # --- validation badges -------------------------------------------------------------------

    def set_problems(self, counts: dict[str, tuple[int, str]]) -> None:
        """Problem badges by card id: ``{id: (count, worst severity)}``; other cards are cleared."""
        for cid, card in self.cards.items():
            count, severity = counts.get(cid, (0, "warning"))
            card.set_problems(count, severity)

    def restyle(self) -> None:
        """Rebuild every item in the current canvas look (a theme change, presentation mode)."""
        self._full = True
        self.flush()

    def set_show_badges(self, show: bool) -> None:
        self.show_badges = show
        for card in self.cards.values():
            card.update()

    def selected_ids(self) -> list[str]:
        return [pid for item in self.selectedItems() if (pid := getattr(item, "pid", None)) is not None]

    def selected_link_keys(self) -> list[LinkKey]:
        return [item.key for item in self.selectedItems() if isinstance(item, EdgeItem) and item.kind != "contains"]


def card_rect(card: CardItem) -> QRectF:
    """A card's outline in scene coordinates (without its handle and badge margins)."""
    return QRectF(card.pos(), QSizeF(CARD_WIDTH, card.height))
