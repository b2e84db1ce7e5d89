"""Small pieces of English the core and the app both write: counts of things, names cut to fit.

One place for them, so a message in the Problems panel, an import summary and a workshop caption
count and shorten the same way.
"""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 cell``, ``2 cells``; ``many`` where the plural is not the word plus "s"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def shorten(text: str, n: int = 40) -> str:
    """``text`` cut to at most ``n`` characters, ending in "…" when it was cut."""
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
