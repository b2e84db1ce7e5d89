"""The framework's closed vocabularies: kinds, scales, phases, link kinds.

They are ``Literal`` types rather than enums so that strict validation accepts the plain strings a
YAML file holds, and the JSON Schema lists them as enums.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

Kind = Literal["dao", "cell", "role", "task", "partner"]
Scale = Literal["network", "constituency", "coordination", "collaboration"]
Phase = Literal["conversation", "formation", "organization", "iteration", "completion"]
LinkKind = Literal["accountable-to", "coordinates-with", "partners-with", "funds", "uses-role"]
Approach = Literal["top-down", "unconstrained", "hybrid"]
Period = Literal["once", "week", "month", "quarter", "year"]
TaskStatus = Literal["todo", "in-progress", "blocked", "done", "cancelled"]
DecisionProtocol = Literal[
    "consent", "decider", "consensus", "advice", "vote", "token-vote", "moloch", "optimistic", "delegated", "other"
]
EntityKind = Literal["dao", "legal-entity"]
"""What a ``dao`` primitive is: a DAO, or another legal entity (a cooperative, a nonprofit, a company)
that anchors a network in its place."""
Pathway = Literal["operational-scaling", "community-operationalization", "partnership", "permissionless"]

KINDS: Final[tuple[Kind, ...]] = get_args(Kind)
SCALES: Final[tuple[Scale, ...]] = get_args(Scale)
"""Top to bottom, as the canvas lanes are drawn."""
PHASES: Final[tuple[Phase, ...]] = get_args(Phase)
"""In lifecycle order."""
LINK_KINDS: Final[tuple[LinkKind, ...]] = get_args(LinkKind)
APPROACHES: Final[tuple[Approach, ...]] = get_args(Approach)

PHASE_ALIASES: Final[dict[str, Phase]] = {"coordination": "iteration"}
"""The guide's older phase name, read on load and never written."""

CONTAINERS: Final[dict[Kind, tuple[Kind, ...]]] = {
    "dao": ("dao",),
    "cell": ("dao", "cell"),
    "role": ("dao", "cell"),
    "task": ("dao", "role", "cell", "task"),
    "partner": ("dao", "cell"),
}
"""Which kinds each kind may sit inside (its ``parent``)."""

SCALED_KINDS: Final[frozenset[Kind]] = frozenset({"dao", "cell", "partner"})
"""Kinds that carry their own scale and phase; roles and tasks live in their container's lane."""


def phase_index(phase: Phase) -> int:
    return PHASES.index(phase)


def normalize_phase(value: object) -> object:
    """Map the alias to the canonical name; anything else is left for validation to judge."""
    if isinstance(value, str):
        return PHASE_ALIASES.get(value, value)
    return value
