"""DP3: what a group's state must hold by each phase, treasury configuration, DAO and master state."""

from __future__ import annotations

from collections.abc import Callable

from designer.model.primitives import Cell, Dao
from designer.model.state import Treasury
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least, filled
from designer.rules.registry import Rule, rule

Item = tuple[str, Callable[[Cell, Context], object], tuple[str, ...]]


@rule(
    "DP301",
    "purpose-missing",
    "error",
    kinds=("dao", "cell"),
    title="No purpose from formation on",
    rationale="""Unclear purpose is the first anti-pattern the framework names for cells. Once a
    group commits to forming it must say what it is for: every later decision about scope,
    members and money is judged against that statement.""",
    source="cells.md (unclear purpose), formation-phase.md",
    hint="Write state.purpose.statement.",
)
def purpose_missing(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if at_least(p.phase, "formation") and not filled(p.state.purpose.statement):
        found.append(r.at(ctx, p.id, f"is in {p.phase} but has no purpose statement", "state", "purpose"))
    return found


@rule(
    "DP302",
    "goals-missing",
    "error",
    kinds=("dao", "cell"),
    title="No goals from formation on",
    rationale="""Formation turns a shared direction into commitments. Goals, ideally with
    success criteria, are what the group and its parent will use to judge whether it delivers.""",
    source="formation-phase.md; implementation guides (3 to 5 goals)",
    hint="Add goals under state.purpose.goals.",
)
def goals_missing(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if at_least(p.phase, "formation") and not p.state.purpose.goals:
        found.append(r.at(ctx, p.id, f"is in {p.phase} but has no goals", "state", "purpose"))
    return found


def _has_role(p: Cell, ctx: Context) -> bool:
    return any(c.kind == "role" for c in ctx.kids(p.id))


def _treasury_approach(p: Cell, ctx: Context) -> bool:
    t = p.state.practice.treasury
    return _holds_treasury(t) or t.decision_rule is not None or p.state.practice.budget.amount is not None


FORMATION_MINIMUMS: tuple[Item, ...] = (
    ("members", lambda p, ctx: p.members, ("members",)),
    ("at least one role", _has_role, ()),
    ("a decision protocol", lambda p, ctx: p.state.practice.decision_making.protocol, ("state", "practice")),
    ("meetings and channels", lambda p, ctx: p.state.practice.meetings or p.tools.communication, ("state", "practice")),
    ("a resource and treasury approach", _treasury_approach, ("state", "practice")),
    ("a roadmap (progress.strategy)", lambda p, ctx: p.state.progress.strategy, ("state", "progress")),
    ("first deliverables", lambda p, ctx: p.state.progress.deliverables, ("state", "progress")),
)
"""The formation minimums besides purpose and goals (DP301, DP302): label, test, where to add it."""


@rule(
    "DP303",
    "formation-minimums",
    "warning",
    kinds=("cell",),
    title="Left formation without the formation minimums",
    rationale="""Formation ends with a proposal and a first state document that lets the parent
    and the network understand the group: who is in it and in which roles, how it decides, when
    and where it meets, how it will handle money, its roadmap and first deliverables. A cell in
    organization or later that still lacks one of these moved on before it was ready.""",
    source="formation-phase.md (state minimums), cells.md",
    hint="Fill the missing part of the cell's state.",
)
def formation_minimums(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not at_least(p.phase, "organization"):
        return found
    for label, test, path in FORMATION_MINIMUMS:
        if not filled(test(p, ctx)):
            found.append(r.at(ctx, p.id, f"is in {p.phase} but its state lacks {label}", *path))
    return found


@rule(
    "DP304",
    "approval-missing",
    "warning",
    kinds=("cell",),
    title="No approval record after formation",
    rationale="""Formation ends with a proposal to the parent governance; a cell acts on the
    parent's behalf only once that proposal is approved. Cells formed on the permissionless
    pathway need no approval.""",
    source="formation-phase.md, cells.md (formation pathways)",
    hint="Record who approved the cell under approval (by, date, reference), or set pathway: permissionless.",
)
def approval_missing(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not at_least(p.phase, "organization") or p.pathway == "permissionless":
        return found
    if not (filled(p.approval.by) or filled(p.approval.reference)):
        found.append(r.at(ctx, p.id, f"is in {p.phase} but has no approval record", "approval"))
    return found


TEMPLATE_FIELDS: tuple[Item, ...] = (
    ("genesis", lambda p, ctx: p.state.purpose.genesis, ("state", "purpose")),
    ("design / intentions", lambda p, ctx: p.state.purpose.design, ("state", "purpose")),
    ("scope boundaries (domain)", lambda p, ctx: p.state.purpose.domain, ("state", "purpose")),
    ("relationships", lambda p, ctx: p.state.practice.relationships, ("state", "practice")),
    ("formal structure", lambda p, ctx: p.state.practice.formal_structure, ("state", "practice")),
    ("team agreements", lambda p, ctx: p.state.practice.team_agreements, ("state", "practice")),
    ("formal decisions", lambda p, ctx: p.state.practice.decision_making.formal, ("state", "practice")),
    ("dispute resolution", lambda p, ctx: p.state.practice.decision_making.dispute_resolution, ("state", "practice")),
    ("communication", lambda p, ctx: p.state.progress.communication, ("state", "progress")),
    ("project management", lambda p, ctx: p.state.progress.project_management, ("state", "progress")),
    ("milestones", lambda p, ctx: p.state.progress.milestones, ("state", "progress")),
    ("metrics", lambda p, ctx: p.state.progress.metrics, ("state", "progress")),
)
"""Cell State Template fields and organization additions not already covered by DP301-DP303."""


@rule(
    "DP305",
    "template-field-empty",
    "warning",
    kinds=("cell",),
    title="Cell State Template field empty from organization on",
    rationale="""From organization on a cell's state is how the rest of the network works with
    it, so the whole Cell State Template should be filled, plus what organization adds: scope
    boundaries, measurable objectives, governance per decision type, dispute resolution,
    external relationships, milestones and metrics. Each empty field is reported on its own.""",
    source="organization-phase.md; implementation/cell-state-template.md",
    hint="Fill the field in the Inspector.",
)
def template_field_empty(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not at_least(p.phase, "organization"):
        return found
    for label, test, path in TEMPLATE_FIELDS:
        if not filled(test(p, ctx)):
            found.append(r.at(ctx, p.id, f"state field '{label}' is empty", *path))
    return found


@rule(
    "DP306",
    "state-store",
    "warning",
    kinds=("dao", "cell"),
    title="State store not versioned, restricted and readable",
    rationale="""From organization on, state needs one place to find it, edits limited to the
    group, history with attribution, and read access for the whole network: the nucleus beneath
    state is version-controlled, access-controlled and accessible.""",
    source="cell-state.md, nucleus.md",
    hint="Describe the store under state.practice.state_store.",
)
def state_store(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not at_least(p.phase, "organization"):
        return found
    s = p.state.practice.state_store
    missing = [
        name
        for name, ok in (
            ("a location", filled(s.location)),
            ("version history", s.versioned is True),
            ("restricted edits", s.edit_restricted is True),
            ("network read access", s.network_readable is True),
        )
        if not ok
    ]
    if missing:
        found.append(r.at(ctx, p.id, f"state store lacks {', '.join(missing)}", "state", "practice", "state_store"))
    return found


def _holds_treasury(t: Treasury) -> bool:
    return t.holds_funds is True or bool(t.signers) or t.address is not None or t.threshold is not None


@rule(
    "DP307",
    "treasury-incomplete",
    "error",
    kinds=("dao", "cell"),
    title="Treasury without its configuration",
    rationale="""A group that holds funds must say how: the multisig (or other) configuration,
    who the active signers are, how many must sign, and the rule by which treasury decisions are
    made. Without these nobody can check that money moves as agreed.""",
    source="cell-state.md (Treasury management)",
    hint="Fill state.practice.treasury: kind or address, signers, threshold, decision_rule.",
)
def treasury_incomplete(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    t = p.state.practice.treasury
    if not _holds_treasury(t):
        return found
    for label, ok in (
        ("its configuration (kind or address)", filled(t.kind) or filled(t.address)),
        ("signers", bool(t.signers)),
        ("a signing threshold", t.threshold is not None),
        ("a treasury decision rule", filled(t.decision_rule)),
    ):
        if not ok:
            message = f"holds a treasury but does not list {label}"
            found.append(r.at(ctx, p.id, message, "state", "practice", "treasury"))
    return found


@rule(
    "DP308",
    "treasury-threshold",
    "error",
    kinds=("dao", "cell"),
    title="Signing threshold above the number of signers",
    rationale="""A multisig that needs more signatures than it has signers can never move funds:
    the treasury is locked until the configuration changes, which itself may need those
    signatures.""",
    source="cell-state.md (multisig configuration)",
    hint="Lower the threshold or add signers.",
)
def treasury_threshold(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    t = p.state.practice.treasury
    if t.threshold is not None and t.signers and t.threshold > len(t.signers):
        found.append(r.at(
            ctx,
            p.id,
            f"needs {t.threshold} signatures but has only {len(t.signers)} signers",
            "state",
            "practice",
            "treasury",
            "threshold",
        ))
    return found


@rule(
    "DP309",
    "dao-state",
    "warning",
    kinds=("dao",),
    title="DAO state missing a category",
    rationale="""A DAO's state is where members find the rules they live by: its agreements,
    policies, proposals and decisions, and processes. Roles are checked by the role rules. These
    should exist once the DAO is organized.""",
    source="implementation/patterns/dao-state.md",
    hint="Add the category to the DAO's state.",
)
def dao_state(r: Rule, p: Dao, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not at_least(p.phase, "organization"):
        return found
    s = p.state
    for label, ok, path in (
        ("agreements", s.practice.agreements, ("state", "practice")),
        ("policies", s.practice.policies, ("state", "practice")),
        ("proposals or a decision log", s.progress.proposals or s.practice.decision_making.decision_log, ("state",)),
        ("processes", s.practice.processes, ("state", "practice")),
    ):
        if not filled(ok):
            found.append(r.at(ctx, p.id, f"DAO state has no {label}", *path))
    return found


MASTER_ITEMS: tuple[tuple[str, str], ...] = (
    ("governance_charter", "governance charter"),
    ("decision_mechanisms", "decision mechanisms"),
    ("decision_registry", "decision registry"),
    ("role_descriptions", "role descriptions"),
    ("process_maps", "process maps"),
    ("policies", "policies"),
    ("proposal_mechanisms", "proposal mechanisms"),
    ("resource_allocations", "resource allocation records"),
    ("participation_guidelines", "participation guidelines"),
)


@rule(
    "DP310",
    "master-state",
    "warning",
    kinds=("cell",),
    title="Top-level cell's master state incomplete",
    rationale="""The top-level cell anchors the operational structure: it answers to community
    governance and keeps the master state for the whole structure, nine items from the governance
    charter to participation guidelines. Each missing item, from organization on, is reported.""",
    source="implementation-guide-operational-governance.md (Group State Documentation)",
    hint="Fill the item under state.master.",
)
def master_state(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not p.top_level or not at_least(p.phase, "organization"):
        return found
    master = p.state.master
    missing = [label for key, label in MASTER_ITEMS if not filled(getattr(master, key))]
    for label in missing:
        found.append(r.at(ctx, p.id, f"master state has no {label}", "state", "master"))
    return found
