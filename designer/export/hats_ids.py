"""Hats Protocol hat ids: a 256-bit number, 32 bits of tree id then 14 levels of 16 bits each.

The top hat of tree ``n`` is ``n << 224``; its first child is ``n.1`` in the dotted "hat IP"
notation, and so on down. Ids are written as ``0x`` and 64 hex digits, as the Hats app does.
"""

from __future__ import annotations

import re

TREE_BITS = 32
LEVEL_BITS = 16
LEVELS = 14
"""Levels below the top hat; with it, a tree has at most 15 levels."""
MAX_CHILDREN = (1 << LEVEL_BITS) - 1
"""Child index 0 means "no hat", so a hat has at most 65,535 children."""
PLACEHOLDER_TREE = 0
"""Used when no tree id is known. No real tree has id 0, so the ids cannot be mistaken for real
hats; the Hats app rewrites the tree part of every id to the target tree on import."""

_HEX_ID = re.compile(r"^0x[0-9a-fA-F]{64}$")
_SHORT_HEX = re.compile(r"^0x[0-9a-fA-F]{1,8}$")


def hat_id(tree: int, path: tuple[int, ...]) -> str:
    """The id of the hat reached from the top hat by child indices ``path``."""
    value = tree << (256 - TREE_BITS)
    for level, index in enumerate(path, start=1):
        value |= index << (256 - TREE_BITS - LEVEL_BITS * level)
    return f"0x{value:064x}"


def is_hat_id(text: str) -> bool:
    return bool(_HEX_ID.match(text))


def split_id(text: str) -> tuple[int, tuple[int, ...]]:
    """(tree, child indices) of a hat id; trailing zero levels are not part of the path."""
    value = int(text, 16)
    tree = value >> (256 - TREE_BITS)
    levels = [(value >> (256 - TREE_BITS - LEVEL_BITS * i)) & MAX_CHILDREN for i in range(1, LEVELS + 1)]
    while levels and levels[-1] == 0:
        levels.pop()
    return tree, tuple(levels)


def hat_ip(tree: int, path: tuple[int, ...]) -> str:
    """The dotted form shown in the Hats app, e.g. ``42.1.3``."""
    return ".".join(str(n) for n in (tree, *path))


def parse_tree_id(text: str) -> int | None:
    """A tree id from what a user may have typed: ``42``, ``0x0000002a`` or a top hat's full id."""
    text = text.strip()
    value: int | None = None
    if text.isdigit():
        value = int(text)
    elif _SHORT_HEX.match(text):
        value = int(text, 16)
    elif _HEX_ID.match(text):
        value = int(text, 16) >> (256 - TREE_BITS)
    if value is None or not 0 < value < (1 << TREE_BITS):
        return None
    return value
