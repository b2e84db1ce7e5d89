"""Value types shared by the state sections: text, dates, percentages and durations.

Kept apart from the state models so that the treasury, decision and completion sections can use
them without importing the whole state module (``designer.model.state`` re-exports them).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

from designer.model.base import empty_list
from designer.model.numbers import tidy

Text = Annotated[str, Field(max_length=100_000)]
Texts = Annotated[list[Text], Field(default_factory=empty_list)]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="An ISO date, YYYY-MM-DD")]

PERCENT_TEXT_PATTERN = r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$"
_PERCENT_TEXT = re.compile(PERCENT_TEXT_PATTERN)


def _percent_text(value: Any) -> Any:
    """``"10%"`` as written by hand reads as ``10``; anything else is left for validation."""
    if isinstance(value, str):
        match = _PERCENT_TEXT.match(value)
        if match:
            number = float(match.group(1))
            return int(number) if number.is_integer() else number
    return value


Percent = Annotated[
    float,
    BeforeValidator(_percent_text),
    Field(ge=0, le=100, allow_inf_nan=False, description="A percentage, 0 to 100 ('10%' is read as 10)"),
    PlainSerializer(lambda v: tidy(v, 4), return_type=float | int),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": PERCENT_TEXT_PATTERN},
            ],
            "description": "A percentage, 0 to 100; '10%' is read as 10 and written as 10",
        }
    ),
]
"""A share in percent. Written as a number; ``"10%"`` in a hand-written file is accepted."""

DURATION_PATTERN = r"^[1-9][0-9]{0,4} (hour|day|week|month|year)s?$"
Duration = Annotated[
    str,
    Field(pattern=DURATION_PATTERN, description="A length of time: a count and a unit, e.g. '7 days', '1 week'"),
]
"""A structured length of time, readable as written: ``7 days``, ``48 hours``, ``1 month``."""
