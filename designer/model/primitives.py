"""The five kinds of primitive, one model each, told apart by ``kind``.

Field order here is the order written to files, so that files read top-down: identity, place,
lifecycle, people, state.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Field, field_validator

from designer.model.base import StrictModel, empty_dict, empty_list, shared
from designer.model.ids import Id
from designer.model.kinds import EntityKind, Kind, Pathway, Phase, Scale, normalize_phase
from designer.model.state import (
    Approval,
    CellState,
    DaoState,
    PartnerState,
    RoleState,
    TaskState,
    Text,
    Texts,
)

Name = Annotated[str, Field(min_length=1, max_length=10_000)]
Person = Annotated[str, Field(min_length=1, max_length=1_000)]
Checklist = Annotated[
    dict[Phase, list[str]],
    Field(default_factory=empty_dict, description="Ids of the ticked checklist items, by phase"),
]


class ToolRef(StrictModel):
    """A tool the group uses for one function: a Snapshot space, a Safe, a Hats tree, a channel."""

    name: str | None = None
    url: str | None = None
    id: str | None = Field(None, description="The tool's own id (Snapshot space, Hats tree id)")
    address: str | None = Field(None, description="A contract or wallet address")
    chain: str | None = None


class Tools(StrictModel):
    """A tool for each function the guide names, plus on-chain or off-chain per element."""

    knowledge_repository: ToolRef = Field(default_factory=shared(ToolRef))
    state_repository: ToolRef = Field(default_factory=shared(ToolRef))
    proposals_voting: ToolRef = Field(default_factory=shared(ToolRef))
    token_authority: ToolRef = Field(default_factory=shared(ToolRef))
    communication: list[ToolRef] = Field(default_factory=empty_list)
    treasury: ToolRef = Field(default_factory=shared(ToolRef))
    on_chain: Texts = Field(default_factory=empty_list, description="Governance elements kept on-chain")
    off_chain: Texts = Field(default_factory=empty_list, description="Governance elements kept off-chain")


def _normalize_checklist(value: Any) -> Any:
    if isinstance(value, dict):
        return {normalize_phase(k): v for k, v in value.items()}
    return value


class _Primitive(StrictModel):
    """Fields every kind has."""

    id: Id
    kind: Kind
    name: Name

    @field_validator("phase", "previous_phase", mode="before", check_fields=False)
    @classmethod
    def _phase_alias(cls, value: Any) -> Any:
        return normalize_phase(value)

    @field_validator("checklist", mode="before", check_fields=False)
    @classmethod
    def _checklist_alias(cls, value: Any) -> Any:
        return _normalize_checklist(value)



class Dao(_Primitive):
    kind: Literal["dao"]
    parent: Id | None = Field(None, description="A DAO this one sits in (a network of DAOs)")
    entity: EntityKind = Field(
        "dao", description="dao, or legal-entity: a cooperative, nonprofit or company anchoring the network instead"
    )
    legal_form: str | None = Field(
        None, max_length=1_000, description="Legal form or wrapper, e.g. Ontario not-for-profit, Wyoming DUNA, UNA"
    )
    jurisdiction: str | None = Field(None, max_length=1_000)
    scale: Scale
    phase: Phase
    previous_phase: Phase | None = Field(
        None, description="The phase the group was in before this one; lets the rules spot skipped or reversed steps"
    )
    description: Text | None = None
    members: list[Person] = Field(
        default_factory=empty_list, description="People, addresses, or ids of cells that are members"
    )
    tools: Tools = Field(default_factory=shared(Tools))
    approval: Approval = Field(default_factory=shared(Approval))
    state: DaoState = Field(default_factory=shared(DaoState))
    checklist: Checklist


class Cell(_Primitive):
    kind: Literal["cell"]
    parent: Id | None = Field(None, description="The DAO or cell this cell sits in")
    scale: Scale
    phase: Phase
    previous_phase: Phase | None = Field(
        None, description="The phase the group was in before this one; lets the rules spot skipped or reversed steps"
    )
    description: Text | None = None
    top_level: bool = Field(False, description="The cell that answers to community governance")
    stakeholder_group: bool = Field(False, description="The stakeholder group of a multi-stakeholder network")
    ephemeral: bool = Field(False, description="A cell with a built-in end point")
    pathway: Pathway | None = Field(None, description="How the cell came to be")
    members: list[Person] = Field(default_factory=empty_list)
    tools: Tools = Field(default_factory=shared(Tools))
    approval: Approval = Field(default_factory=shared(Approval))
    state: CellState = Field(default_factory=shared(CellState))
    checklist: Checklist


class Role(_Primitive):
    kind: Literal["role"]
    parent: Id = Field(description="The DAO or cell that defines the role")
    phase: Phase | None = None
    description: Text | None = None
    holders: list[Person] = Field(default_factory=empty_list, description="People, or ids of cells")
    state: RoleState = Field(default_factory=shared(RoleState))
    checklist: Checklist


class Task(_Primitive):
    kind: Literal["task"]
    parent: Id = Field(description="The DAO, role, cell or task the task belongs to")
    phase: Phase | None = None
    description: Text | None = None
    assignee: Id | None = Field(None, description="The role or cell responsible")
    agent: Person | None = Field(None, description="A person or agent doing the task, when not a role")
    state: TaskState = Field(default_factory=shared(TaskState))
    checklist: Checklist


class Partner(_Primitive):
    kind: Literal["partner"]
    parent: Id | None = Field(None, description="The stakeholder group the partner belongs to, if any")
    scale: Scale
    phase: Phase
    description: Text | None = None
    members: list[Person] = Field(default_factory=empty_list)
    state: PartnerState = Field(default_factory=shared(PartnerState))
    checklist: Checklist


Primitive: TypeAlias = Annotated[Dao | Cell | Role | Task | Partner, Discriminator("kind")]
PRIMITIVE_CLASSES: dict[str, type[Dao | Cell | Role | Task | Partner]] = {
    "dao": Dao,
    "cell": Cell,
    "role": Role,
    "task": Task,
    "partner": Partner,
}
AnyPrimitive: TypeAlias = Dao | Cell | Role | Task | Partner
