"""The design guide's steps, kept as sections of the document (``design:``).

Every field is optional: a section is "filled" when it holds something. The Guide panel and the
handbook export read these; the option lists a facilitator picks from live in
``resources/framework/guide.yaml``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from designer.model.base import StrictModel, empty_dict, empty_list, shared
from designer.model.kinds import Approach, Phase
from designer.model.state import Approval, Text, Texts

DecisionLayer = Literal["community", "operational", "cell"]


class PurposeSection(StrictModel):
    statement: Text | None = None
    essential_purpose: Text | None = Field(None, description="What is the network's essential purpose?")
    community_link: Text | None = Field(None, description="How does it connect to community governance?")
    values: Text | None = Field(None, description="Which values must operational governance uphold?")
    critical_functions: Text | None = Field(None, description="Which operational functions matter most?")
    goals: Texts = Field(default_factory=empty_list)
    impact_model: Text | None = None


class Requirement(StrictModel):
    choices: Texts = Field(default_factory=empty_list)
    notes: Text | None = None


class RequirementsSection(StrictModel):
    scale_and_scope: Requirement = Field(default_factory=shared(Requirement))
    decision_scope: Requirement = Field(default_factory=shared(Requirement))
    stakeholder_inclusion: Requirement = Field(default_factory=shared(Requirement))
    time_horizons: Requirement = Field(default_factory=shared(Requirement))
    resources: Requirement = Field(default_factory=shared(Requirement))
    dynamics: Requirement = Field(default_factory=shared(Requirement))
    system_properties: Requirement = Field(default_factory=shared(Requirement))


class ApproachSection(StrictModel):
    choice: Approach | None = None
    rationale: Text | None = None


class BoundariesSection(StrictModel):
    community: Text | None = Field(None, description="Constituency scale: instructions, constraints, flows")
    coordination: Text | None = Field(None, description="How operations connect, strategy, legal status")
    cell: Text | None = Field(None, description="Collaboration scale: state standards, cell templates")
    partnerships: Text | None = Field(None, description="Network scale: partnering with other organizations")


class StructureSection(StrictModel):
    approach: Text | None = None
    components: Text | None = None
    decision_processes: Text | None = None
    roles_and_responsibilities: Text | None = None
    resource_allocation: Text | None = None
    boundaries_and_constraints: Text | None = None
    evolution: Text | None = None


class PlanSection(StrictModel):
    timeline: Text | None = None
    dependencies: Text | None = None
    resources: Text | None = None
    owners: Text | None = None
    success_criteria: Text | None = None
    sequence_done: list[int] = Field(
        default_factory=empty_list, description="Steps of the six-step sequence already done (1-6)"
    )


class PhasePlan(StrictModel):
    timeframe: Text | None = None
    deliverables: Texts = Field(default_factory=empty_list)
    review: Text | None = None


class TechnicalSection(StrictModel):
    on_chain: Texts = Field(default_factory=empty_list)
    off_chain: Texts = Field(default_factory=empty_list)
    knowledge_repository: str | None = None
    state_repository: str | None = None
    proposals_voting: str | None = None
    token_authority: str | None = None
    communication: str | None = None
    treasury: str | None = None


class AdaptationSection(StrictModel):
    network: Text | None = None
    constituency: Text | None = None
    coordination: Text | None = None
    collaboration: Text | None = None


class DesignGuide(StrictModel):
    purpose: PurposeSection = Field(default_factory=shared(PurposeSection))
    requirements: RequirementsSection = Field(default_factory=shared(RequirementsSection))
    approach: ApproachSection = Field(default_factory=shared(ApproachSection))
    boundaries: BoundariesSection = Field(default_factory=shared(BoundariesSection))
    structure: StructureSection = Field(default_factory=shared(StructureSection))
    approval: Approval = Field(default_factory=shared(Approval))
    plan: PlanSection = Field(default_factory=shared(PlanSection))
    phases: dict[Phase, PhasePlan] = Field(default_factory=empty_dict)
    technical: TechnicalSection = Field(default_factory=shared(TechnicalSection))
    decision_layers: dict[str, DecisionLayer] = Field(
        default_factory=empty_dict,
        description="Which layer decides each type of decision: community, operational or cell",
    )
    feedback: Text | None = None
    metrics: Texts = Field(default_factory=empty_list)
    adaptation: AdaptationSection = Field(default_factory=shared(AdaptationSection))
