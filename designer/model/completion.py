"""The completion record: how a group closed, after the completion phase's checklist.

``state.progress.completion`` on DAOs, cells, roles and partners records who decided to close and
when, the plan for the remaining assets and its approval, every transfer (funds, assets, signers,
roles, credentials, responsibilities, knowledge) with where it went, the archive, how contributors
were recognised and the final document. Which field evidences which checklist item is framework
data (``evidence`` in ``resources/framework/phases.yaml``), read by
``designer.framework.completion``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from designer.model.base import StrictModel, empty_list
from designer.model.numbers import Amount
from designer.model.values import IsoDate, Text

TransferKind = Literal[
    "funds", "assets", "signers", "roles", "credentials", "responsibilities", "knowledge", "other"
]


class Transfer(StrictModel):
    """One thing the group handed on as it closed, and where it went."""

    what: Text = Field(min_length=1, description="What was transferred, e.g. the remaining USDC, signer seats")
    kind: TransferKind | None = Field(None, description="What sort of thing it was")
    to: str | None = Field(None, max_length=1_000, description="Where it went: a primitive id, a person, a body")
    amount: Amount | None = None
    currency: str | None = Field(None, max_length=32)
    date: IsoDate | None = None
    reference: str | None = Field(None, max_length=1_000, description="A transaction, proposal or hand-over note")


class Completion(StrictModel):
    """What closing the group left on record (the completion phase's checklist)."""

    decided_by: str | None = Field(
        None, max_length=1_000, description="Who decided to close: the team or whoever coordinates it"
    )
    decided: IsoDate | None = Field(None, description="When closure was decided")
    decision: str | None = Field(None, max_length=1_000, description="Link to the decision to close")
    impact: Text | None = Field(None, description="Impact and lessons learned, or where they are written up")
    assets_plan: Text | None = Field(None, description="The plan for the remaining treasury and assets")
    assets_plan_approval: str | None = Field(
        None, max_length=1_000, description="Link to governance's approval of the assets plan"
    )
    transfers: list[Transfer] = Field(default_factory=empty_list, description="What was transferred where")
    archive: str | None = Field(None, max_length=1_000, description="Where channels and knowledge are archived")
    subscriptions_cancelled: bool | None = Field(None, description="Paid tools and subscriptions are cancelled")
    recognition: Text | None = Field(None, description="How contributors were thanked and recognised")
    final_document: str | None = Field(None, max_length=1_000, description="Link to the final completion document")
    closed: IsoDate | None = Field(None, description="When the group formally closed")


_EMPTY = Completion()


def completion_of(primitive: object) -> Completion:
    """A primitive's completion record (``state.progress.completion``); tasks have none and give
    an empty record."""
    progress = getattr(getattr(primitive, "state", None), "progress", None)
    record = getattr(progress, "completion", None)
    return record if isinstance(record, Completion) else _EMPTY


def status_of(primitive: object) -> str | None:
    """``state.progress.status`` of any kind: free text for DAOs, cells, roles and partners, one
    of the task states for tasks; None when unset."""
    progress = getattr(getattr(primitive, "state", None), "progress", None)
    status = getattr(progress, "status", None)
    return status if isinstance(status, str) else None


def has_record(record: Completion) -> bool:
    """Whether anything of the completion record is filled in."""
    return record != _EMPTY
