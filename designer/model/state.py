"""Purpose / Practice / Progress state for each kind, after the framework's templates.

Cells follow the Cell State Template; the top-level cell adds the operational master state;
roles, tasks, DAOs and partners carry the fields the framework names for them. Field names are
snake_case versions of the template's headings. Descriptions become the published JSON Schema.
"""

from __future__ import annotations

from pydantic import Field

from designer.model.base import StrictModel, empty_list, shared
from designer.model.completion import Completion
from designer.model.decision_making import DecisionMaking
from designer.model.kinds import Period, TaskStatus
from designer.model.numbers import Amount
from designer.model.treasury import Treasury, TreasuryAccount
from designer.model.values import IsoDate, Text, Texts

__all__ = ["DecisionMaking", "IsoDate", "Text", "Texts", "Treasury"]

STATUS_HELP = "Where the group or role stands, in a few words (free text), e.g. active, paused, wound down"


class Money(StrictModel):
    """An amount over a period, for budgets and funding links."""

    amount: Amount | None = None
    currency: str | None = None
    period: Period | None = None


class StateStore(StrictModel):
    """Where the state lives (framework: one access point, restricted edits, history)."""

    location: str | None = None
    versioned: bool | None = None
    edit_restricted: bool | None = None
    network_readable: bool | None = None


class Approval(StrictModel):
    """Who approved the design or proposal, and where it is recorded."""

    by: str | None = None
    date: IsoDate | None = None
    reference: str | None = Field(None, description="Link to the proposal or vote")


class Agreement(StrictModel):
    """Terms between a stakeholder group and its top-level cell (multi-stakeholder guide)."""

    proposal_template: Text | None = None
    review_period: str | None = Field(None, description="e.g. 7 days")
    quorum: str | None = None
    rejection_criteria: Text | None = None
    escalation_path: Text | None = None
    optimistic: bool | None = Field(None, description="Proposals pass unless rejected")
    exit_rights: bool | None = Field(None, description="Members can withdraw uncommitted funds")


class DecisionRecord(StrictModel):
    """One row of the decision registry."""

    date: IsoDate | None = None
    title: Text
    decided_by: str | None = None
    rationale: Text | None = None
    reference: str | None = None


class AllocationRecord(StrictModel):
    """One row of the resource allocation records."""

    date: IsoDate | None = None
    recipient: str = Field(description="A primitive id or a name")
    amount: Amount | None = None
    currency: str | None = None
    purpose: Text | None = None
    decision: str | None = Field(None, description="Reference to the decision that approved it")


class MasterState(StrictModel):
    """The top-level cell's master state for the whole operational structure (9 items)."""

    governance_charter: Text | None = None
    decision_mechanisms: Text | None = None
    decision_registry: list[DecisionRecord] = Field(default_factory=empty_list)
    role_descriptions: Text | None = None
    process_maps: Text | None = None
    policies: Text | None = None
    proposal_mechanisms: Text | None = None
    resource_allocations: list[AllocationRecord] = Field(default_factory=empty_list)
    participation_guidelines: Text | None = None


# --- cells ---------------------------------------------------------------------------------


class CellPurpose(StrictModel):
    statement: Text | None = Field(None, description="Purpose / problem")
    problem: Text | None = Field(None, description="The problem statement, when told apart from the purpose")
    genesis: Text | None = Field(None, description="Genesis of the group")
    goals: Texts = Field(default_factory=empty_list, description="Goals, ideally with success criteria")
    design: Text | None = Field(None, description="Design / intentions")
    domain: Text | None = Field(None, description="The operational domain the cell owns")
    end_condition: Text | None = Field(None, description="When an ephemeral cell ends")
    expected_days: int | None = Field(
        None, ge=1, description="How long the cell's work is expected to last, in days (short work suits a task)"
    )


class CellPractice(StrictModel):
    relationships: Texts = Field(
        default_factory=empty_list, description="Commitments to the DAO, agreements with cells"
    )
    formal_structure: Text | None = Field(None, description="Legal or on-chain form")
    team_agreements: Texts = Field(default_factory=empty_list, description="Roles, availability, minimum contributions")
    decision_making: DecisionMaking = Field(default_factory=shared(DecisionMaking))
    treasury: Treasury = Field(default_factory=shared(Treasury))
    treasuries: list[TreasuryAccount] = Field(
        default_factory=empty_list, description="Further accounts: Safes, multisigs and others"
    )
    budget: Money = Field(default_factory=shared(Money))
    state_store: StateStore = Field(default_factory=shared(StateStore))
    agreement: Agreement = Field(default_factory=shared(Agreement))
    meetings: Text | None = Field(None, description="Meetings and channels")


class CellProgress(StrictModel):
    status: str | None = Field(None, max_length=1_000, description=STATUS_HELP)
    communication: Text | None = None
    strategy: Text | None = Field(None, description="Strategy / planning, roadmap")
    project_management: Text | None = Field(None, description="Project / progress management")
    milestones: Texts = Field(default_factory=empty_list)
    metrics: Texts = Field(default_factory=empty_list)
    deliverables: Texts = Field(default_factory=empty_list)
    updated: IsoDate | None = Field(None, description="When the state was last brought up to date")
    completion: Completion = Field(default_factory=shared(Completion))


class CellState(StrictModel):
    purpose: CellPurpose = Field(default_factory=shared(CellPurpose))
    practice: CellPractice = Field(default_factory=shared(CellPractice))
    progress: CellProgress = Field(default_factory=shared(CellProgress))
    master: MasterState = Field(default_factory=shared(MasterState))


# --- DAOs ----------------------------------------------------------------------------------


class DaoPurpose(StrictModel):
    statement: Text | None = None
    goals: Texts = Field(default_factory=empty_list)
    values: Texts = Field(default_factory=empty_list)
    boundaries: Text | None = Field(None, description="Boundaries set for teams")


class DaoPractice(StrictModel):
    agreements: Texts = Field(default_factory=empty_list)
    policies: Texts = Field(default_factory=empty_list)
    decision_making: DecisionMaking = Field(default_factory=shared(DecisionMaking))
    allocation: Text | None = Field(None, description="How resources are allocated")
    conflicts: Text | None = Field(None, description="How conflicts are resolved")
    team_formation: Text | None = Field(None, description="How teams form")
    processes: Texts = Field(default_factory=empty_list)
    treasury: Treasury = Field(default_factory=shared(Treasury))
    treasuries: list[TreasuryAccount] = Field(
        default_factory=empty_list, description="Further accounts: Safes, multisigs and others"
    )
    state_store: StateStore = Field(default_factory=shared(StateStore))


class DaoProgress(StrictModel):
    status: str | None = Field(None, max_length=1_000, description=STATUS_HELP)
    flows: Text | None = None
    activity: Text | None = None
    proposals: Texts = Field(default_factory=empty_list)
    updated: IsoDate | None = None
    completion: Completion = Field(default_factory=shared(Completion))


class DaoState(StrictModel):
    purpose: DaoPurpose = Field(default_factory=shared(DaoPurpose))
    practice: DaoPractice = Field(default_factory=shared(DaoPractice))
    progress: DaoProgress = Field(default_factory=shared(DaoProgress))


# --- roles ---------------------------------------------------------------------------------


class RolePurpose(StrictModel):
    outcomes: Texts = Field(default_factory=empty_list)
    responsibilities: Texts = Field(default_factory=empty_list)
    authorities: Texts = Field(default_factory=empty_list)
    accountability: Text | None = Field(None, description="To whom and how the holder answers")


class RolePractice(StrictModel):
    permissions: Texts = Field(default_factory=empty_list, description="Permissions granted (tools, keys, channels)")
    interfaces: Texts = Field(default_factory=empty_list)
    eligibility: Text | None = Field(None, description="Who may hold the role")
    removal: Text | None = Field(None, description="Who can remove a holder, and how")
    term: str | None = Field(None, description="Term length, e.g. 6 months")


class RoleProgress(StrictModel):
    status: str | None = Field(None, max_length=1_000, description=STATUS_HELP)
    performance: Text | None = None
    reviewed: IsoDate | None = None
    completion: Completion = Field(default_factory=shared(Completion))


class RoleState(StrictModel):
    purpose: RolePurpose = Field(default_factory=shared(RolePurpose))
    practice: RolePractice = Field(default_factory=shared(RolePractice))
    progress: RoleProgress = Field(default_factory=shared(RoleProgress))


# --- tasks ---------------------------------------------------------------------------------


class TaskPurpose(StrictModel):
    deliverable: Text | None = None
    goals: Texts = Field(default_factory=empty_list)


class TaskPractice(StrictModel):
    approach: Text | None = None
    resources: Text | None = None
    dependencies: Texts = Field(default_factory=empty_list, description="Ids of tasks this one waits for")
    approval: Approval = Field(default_factory=shared(Approval))
    personal: bool | None = Field(None, description="A personal task needs no approval record")
    recurring: bool | None = Field(None, description="Ongoing work with no end; the framework suggests a role for it")


class TaskProgress(StrictModel):
    status: TaskStatus | None = None
    milestones: Texts = Field(default_factory=empty_list)
    due: IsoDate | None = None
    updated: IsoDate | None = None


class TaskState(StrictModel):
    purpose: TaskPurpose = Field(default_factory=shared(TaskPurpose))
    practice: TaskPractice = Field(default_factory=shared(TaskPractice))
    progress: TaskProgress = Field(default_factory=shared(TaskProgress))


# --- partners ------------------------------------------------------------------------------


class PartnerPurpose(StrictModel):
    statement: Text | None = None
    interests: Texts = Field(default_factory=empty_list)


class PartnerPractice(StrictModel):
    contact: str | None = None
    commitments: Texts = Field(default_factory=empty_list)
    url: str | None = None


class PartnerProgress(StrictModel):
    status: str | None = Field(None, max_length=1_000, description=STATUS_HELP)
    updated: IsoDate | None = None
    completion: Completion = Field(default_factory=shared(Completion))


class PartnerState(StrictModel):
    purpose: PartnerPurpose = Field(default_factory=shared(PartnerPurpose))
    practice: PartnerPractice = Field(default_factory=shared(PartnerPractice))
    progress: PartnerProgress = Field(default_factory=shared(PartnerProgress))
