"""Canvas geometry and auto-layout (pure Python, no Qt)."""

from designer.layout.auto import auto_layout, count_crossings, place_missing
from designer.layout.geometry import card_contents, card_height, card_sizes

__all__ = ["auto_layout", "card_contents", "card_height", "card_sizes", "count_crossings", "place_missing"]
