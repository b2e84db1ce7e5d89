"""Links between primitives: accountability, coordination, partnership, funding, shared roles."""

from __future__ import annotations

from pydantic import Field, model_validator

from designer.model.base import StrictModel
from designer.model.ids import Id
from designer.model.kinds import LinkKind, Period
from designer.model.numbers import Amount
from designer.model.values import Percent, Text

FUNDS_ONLY = ("amount", "percent", "basis", "currency", "period")


class Link(StrictModel):
    """A directed edge ``from`` → ``to``. Only ``funds`` links carry an amount, a percentage
    (``percent`` of a ``basis``, e.g. 10 % of grant income) and a ``period`` (recurring unless
    ``once``)."""

    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    kind: LinkKind
    amount: Amount | None = None
    percent: Percent | None = Field(None, description="A share instead of (or beside) an amount, %")
    basis: str | None = Field(None, max_length=1_000, description="What the percentage is of, e.g. grant income")
    currency: str | None = Field(None, max_length=32)
    period: Period | None = None
    label: str | None = Field(None, max_length=1_000)
    note: Text | None = None

    @model_validator(mode="after")
    def _funds_fields(self) -> Link:
        if self.kind != "funds":
            for name in FUNDS_ONLY:
                if getattr(self, name) is not None:
                    raise ValueError(f"'{name}' is only allowed on a 'funds' link, not on '{self.kind}'")
        return self

    @property
    def recurring(self) -> bool:
        """A funding flow that repeats: it has a period other than ``once``."""
        return self.period is not None and self.period != "once"

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of a link: at most one link of a kind between two primitives."""
        return (self.source, self.target, self.kind)
