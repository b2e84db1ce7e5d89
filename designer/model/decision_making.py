"""How a group decides: its protocol with structured parameters, and further mechanisms.

``state.practice.decision_making`` keeps the template's free-text fields (simple and formal
decisions, dispute resolution, escalation, log) and adds the parameters that make a protocol
checkable: quorum and threshold in percent, the voting or objection period, a Moloch grace period,
the voting token and the tool. ``mechanisms`` lists other ways the group decides (say a token vote
for budgets beside consent for everything else); :func:`decision_mechanisms` returns the main one
and the others in one list.
"""

from __future__ import annotations

from pydantic import Field

from designer.model.base import StrictModel, empty_list
from designer.model.kinds import DecisionProtocol
from designer.model.values import Duration, Percent, Text, Texts


class DecisionParameters(StrictModel):
    """A protocol and the numbers that define it."""

    protocol: DecisionProtocol | None = Field(None, description="The decision protocol")
    quorum: Percent | None = Field(None, description="Share of eligible members or voting power that must take part, %")
    threshold: Percent | None = Field(None, description="Share of votes cast in favour needed to pass, %")
    period: Duration | None = Field(None, description="How long a vote or objection window stays open")
    grace_period: Duration | None = Field(
        None, description="Time between passing and execution in which members can exit (Moloch ragequit)"
    )
    token: str | None = Field(None, max_length=1_000, description="What gives voting power: a token, shares, a badge")
    tool: str | None = Field(None, max_length=1_000, description="Where decisions run: a Snapshot space, a contract")


class _Scope(StrictModel):
    """What a further mechanism is called and which decisions it covers (written first)."""

    name: str | None = Field(None, max_length=1_000, description="e.g. Budget vote")
    applies_to: Texts = Field(default_factory=empty_list, description="The types of decision it covers")


class DecisionMechanism(DecisionParameters, _Scope):
    """A further way of deciding, for the decisions it ``applies_to``."""


class DecisionMaking(DecisionParameters):
    """Template: Decision-making. The inherited fields describe the main protocol."""

    simple: Text | None = Field(None, description="How everyday decisions are made")
    formal: Text | None = Field(None, description="How formal decisions (treasury, state changes) are made")
    excluded: Texts = Field(default_factory=empty_list, description="Decisions the protocol does not cover")
    dispute_resolution: Text | None = None
    escalation: Text | None = Field(None, description="Escalation protocol between teams or layers")
    decision_log: Text | None = Field(None, description="Where decisions are recorded")
    mechanisms: list[DecisionMechanism] = Field(
        default_factory=empty_list, description="Other ways the group decides, each with its own parameters"
    )


_PARAMETERS = tuple(DecisionParameters.model_fields)


def decision_mechanisms(dm: DecisionMaking) -> list[DecisionMechanism]:
    """The main protocol (when any of its parameters is set) followed by ``mechanisms``, all as
    :class:`DecisionMechanism`, so a rule or export reads one list."""
    out: list[DecisionMechanism] = []
    if any(getattr(dm, name) is not None for name in _PARAMETERS):
        out.append(DecisionMechanism(**{name: getattr(dm, name) for name in _PARAMETERS}))
    out.extend(dm.mechanisms)
    return out
