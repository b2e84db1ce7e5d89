"""Numbers as they are written: rounded, and whole numbers without a trailing ``.0``.

Rounding on save keeps float noise (``0.30000000000000004``) out of diffs.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PlainSerializer


def tidy(value: float, digits: int) -> float | int:
    rounded = round(value, digits)
    if rounded == int(rounded):
        return int(rounded)
    return rounded


Amount = Annotated[
    float,
    Field(ge=0, allow_inf_nan=False, le=1e15),
    PlainSerializer(lambda v: tidy(v, 6), return_type=float | int),
]
Coordinate = Annotated[
    float,
    Field(allow_inf_nan=False, ge=-1e7, le=1e7),
    PlainSerializer(lambda v: tidy(v, 1), return_type=float | int),
]
