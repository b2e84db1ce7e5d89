"""Text made safe to draw: one line, no control or direction-override characters, bounded length.

Diagrams (DOT, Mermaid) and the handbook show names to people, so a name must not be able to
break the surrounding syntax, reorder the text around it (the right-to-left override trick) or
swamp the picture. Data exports (CSV, JSON, YAML) keep text exactly and escape it instead.
"""

from __future__ import annotations

import re
import textwrap

LABEL_MAX = 80
"""Characters of a name shown in a diagram; the full name stays in the data exports."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates: they reorder text beyond themselves. The plain direction
marks (U+200E, U+200F, U+061C) only affect their neighbours and are kept."""
_SPACES = re.compile(r"\s+")


def strip_bidi(text: str) -> str:
    return _BIDI_CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Line breaks, tabs and other control characters become single spaces."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", strip_bidi(text))).strip()


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    """At most ``limit`` characters, cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def label(text: str, limit: int = LABEL_MAX) -> str:
    """A name as a diagram shows it: one line, bidi-safe, at most ``limit`` characters."""
    return shorten(one_line(text), limit)


def wrapped(text: str, width: int = 24, limit: int = LABEL_MAX) -> list[str]:
    """A label broken into short lines for a node box."""
    return textwrap.wrap(label(text, limit), width=width, break_long_words=True) or [""]


def money(amount: float | None, currency: str | None = None, period: str | None = None) -> str:
    """Money as every export shows it: ``60,000 USDC / quarter``, ``1,200.50 EUR``, ``3,000 USDC, once``.

    Whole amounts have no decimals, others two; thousands are separated by commas.
    """
    text = "amount not set" if amount is None else f"{int(amount):,}" if amount == int(amount) else f"{amount:,.2f}"
    if currency:
        text += f" {currency}"
    if period == "once":
        return text + ", once"
    return text + (f" / {period}" if period else "")


def share(percent: float, basis: str | None = None, period: str | None = None) -> str:
    """A percentage flow as every export shows it: ``10% of grant income / month``."""
    number = f"{int(percent)}" if percent == int(percent) else f"{percent:g}"
    text = f"{number}%" + (f" of {basis}" if basis else "")
    if period == "once":
        return text + ", once"
    return text + (f" / {period}" if period else "")
