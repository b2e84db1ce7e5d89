"""What a card shows and how big it is: shared by the canvas (ui/) and the auto-layout.

The canvas and the layout must agree on card sizes, so the numbers live here, in the core.

Layout coordinates: ``layout[id] = [x, y]`` gives a card's top-left corner. ``x`` is absolute.
``y`` is measured on a nominal grid where every scale lane is ``LANE_PITCH`` high (network at 0,
constituency at 300, ...): the card's offset inside its lane is ``y - lane_index * LANE_PITCH``.
The canvas stretches a lane when its cards need more room, so a file written against the nominal
grid looks exactly as written, and a tall card never spills into the next lane.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from designer.model.kinds import SCALED_KINDS, SCALES
from designer.model.primitives import AnyPrimitive

LANE_PITCH = 300.0
LANE_PAD_TOP = 34.0
LANE_PAD_BOTTOM = 30.0
LANE_MIN_HEIGHT = 300.0
LANE_GUTTER = 215.0
"""Room left of x = 0 for the lane labels."""

CARD_WIDTH = 264.0
CARD_HEADER = 84.0
"""Kind, phase, a name on up to two lines and the summary line (in presentation mode: the name
alone, two lines of large type)."""
CARD_PAD = 10.0
CARD_BOTTOM = 10.0
CHIP_HEIGHT = 26.0
CHIP_GAP = 5.0
TASK_HEIGHT = 20.0
MAX_TASKS_SHOWN = 5
"""Tasks listed under one role or cell before a "+ N more" row."""

H_GAP = 70.0
V_GAP = 50.0


@dataclass
class TaskRow:
    id: str
    depth: int


@dataclass
class Block:
    """A role chip with its tasks, or (``role`` None) the tasks sitting directly in the card."""

    role: str | None
    tasks: list[TaskRow] = field(default_factory=list)
    hidden: int = 0


@dataclass
class CardContent:
    id: str
    blocks: list[Block] = field(default_factory=list)

    def task_count(self) -> int:
        return sum(len(b.tasks) + b.hidden for b in self.blocks)


def lane_index(scale: str) -> int:
    return SCALES.index(scale)  # type: ignore[arg-type,unused-ignore]


def owner_card(p: AnyPrimitive, by_id: Mapping[str, AnyPrimitive]) -> str | None:
    """The card that shows ``p``: itself for DAOs, cells and partners; the nearest one above otherwise."""
    seen: set[str] = set()
    current: AnyPrimitive | None = p
    while current is not None and current.id not in seen:
        if current.kind in SCALED_KINDS:
            return current.id
        seen.add(current.id)
        current = by_id.get(current.parent) if current.parent is not None else None
    return None


def card_contents(primitives: Sequence[AnyPrimitive]) -> tuple[dict[str, CardContent], dict[str, str]]:
    """Every card's chips and task rows, and for every primitive the card that shows it."""
    cards: dict[str, CardContent] = {}
    owner: dict[str, str] = {}
    children: dict[str, list[AnyPrimitive]] = {}
    for p in primitives:
        if p.kind in SCALED_KINDS:
            cards[p.id] = CardContent(p.id)
            owner[p.id] = p.id
        if p.parent is not None:
            children.setdefault(p.parent, []).append(p)
    for card_id, content in cards.items():
        loose = Block(None)
        _collect_tasks(card_id, 0, children, loose, owner, card_id)
        for child in children.get(card_id, []):
            if child.kind == "role":
                owner[child.id] = card_id
                block = Block(child.id)
                _collect_tasks(child.id, 0, children, block, owner, card_id)
                content.blocks.append(block)
        if loose.tasks or loose.hidden:
            content.blocks.append(loose)
    return cards, owner


def _collect_tasks(
    parent: str,
    depth: int,
    children: Mapping[str, list[AnyPrimitive]],
    block: Block,
    owner: dict[str, str],
    card_id: str,
) -> None:
    """The tasks under ``parent``, depth first, into ``block``. A loop, not recursion: a chain of
    subtasks thousands deep is valid input and must not exhaust the interpreter's stack."""
    stack = [(child, depth) for child in reversed(children.get(parent, []))]
    while stack:
        child, level = stack.pop()
        if child.kind != "task" or child.id in owner:
            continue
        owner[child.id] = card_id
        if len(block.tasks) < MAX_TASKS_SHOWN:
            block.tasks.append(TaskRow(child.id, level))
        else:
            block.hidden += 1
        stack.extend((grandchild, level + 1) for grandchild in reversed(children.get(child.id, [])))


def block_height(block: Block, folded: bool = False) -> float:
    h = CHIP_HEIGHT + CHIP_GAP if block.role is not None else 0.0
    if not folded:
        h += TASK_HEIGHT * (len(block.tasks) + (1 if block.hidden else 0))
        if block.role is None and (block.tasks or block.hidden):
            h += CHIP_GAP
    return h


def card_height(content: CardContent | None, folded: bool = False) -> float:
    if content is None or not content.blocks:
        return CARD_HEADER
    return CARD_HEADER + sum(block_height(b, folded) for b in content.blocks) + CARD_BOTTOM - CHIP_GAP


def card_sizes(primitives: Sequence[AnyPrimitive], folded: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    folded_set = set(folded)
    cards, _ = card_contents(primitives)
    return {cid: (CARD_WIDTH, card_height(c, cid in folded_set)) for cid, c in cards.items()}


def lane_bands(offsets: Iterable[tuple[int, float, float]], lanes: int = len(SCALES)) -> list[tuple[float, float]]:
    """Each lane's ``(top, height)`` on the canvas, given ``(lane, offset in lane, card height)`` of
    every card: a lane is stretched to hold its lowest card, as the canvas draws it."""
    need = [LANE_MIN_HEIGHT] * lanes
    for lane, offset, height in offsets:
        need[lane] = max(need[lane], LANE_PAD_TOP + max(0.0, offset) + height + LANE_PAD_BOTTOM)
    bands, top = [], 0.0
    for h in need:
        bands.append((top, h))
        top += h
    return bands
