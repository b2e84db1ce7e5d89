"""DP4: roles (responsibilities, authorities, accountability, holders) and tasks."""

from __future__ import annotations

from designer.model.kinds import Phase
from designer.model.primitives import Role, Task
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least, filled
from designer.rules.registry import Rule, rule

_ROLES = "data/concepts/roles.md; roles.md before commit 9ca5a1db"
_TASKS = "tasks.md before commit 9ca5a1db"


def _phase(p: Role, ctx: Context) -> Phase | None:
    """A role's own phase, or its defining group's (a role sits directly in a DAO or cell)."""
    if p.phase is not None:
        return p.phase
    holder = ctx.by_id.get(p.parent)
    return holder.phase if holder is not None else None


def _defined(p: Role, ctx: Context) -> bool:
    """Roles are held to their definition once their group has left conversation."""
    phase = _phase(p, ctx)
    return phase is None or at_least(phase, "formation")


@rule(
    "DP401",
    "role-responsibilities",
    "warning",
    kinds=("role",),
    title="Role without responsibilities",
    rationale="""A role is a container for responsibilities. Without them, nobody can tell what
    the holder is expected to do, or notice when it is not done. Checked once the role's group has
    left conversation; a role may be shared by several cells, so no one cell is required.""",
    source=_ROLES,
    hint="List state.purpose.responsibilities.",
)
def role_responsibilities(r: Rule, p: Role, ctx: Context) -> list[Finding]:
    if _defined(p, ctx) and not p.state.purpose.responsibilities:
        return [r.at(ctx, p.id, "lists no responsibilities", "state", "purpose")]
    return []


@rule(
    "DP402",
    "role-authorities",
    "warning",
    kinds=("role",),
    title="Role without authorities or permissions",
    rationale="""Responsibility without authority sets a holder up to fail. A role says what its
    holder may decide or do (authorities) and which tools, keys or channels come with it
    (permissions); either is enough to pass.""",
    source=_ROLES,
    hint="List state.purpose.authorities or state.practice.permissions.",
)
def role_authorities(r: Rule, p: Role, ctx: Context) -> list[Finding]:
    if _defined(p, ctx) and not (p.state.purpose.authorities or p.state.practice.permissions):
        return [r.at(ctx, p.id, "lists no authorities or permissions", "state", "purpose")]
    return []


@rule(
    "DP403",
    "role-accountability",
    "warning",
    kinds=("role",),
    title="Role without accountability",
    rationale="""A role answers to someone: the entity that defined it, or another the design
    names. Writing down to whom and how the holder reports is what makes the authority safe to
    grant.""",
    source=_ROLES,
    hint="Fill state.purpose.accountability.",
)
def role_accountability(r: Rule, p: Role, ctx: Context) -> list[Finding]:
    if _defined(p, ctx) and not filled(p.state.purpose.accountability):
        return [r.at(ctx, p.id, "does not say to whom its holder is accountable", "state", "purpose")]
    return []


@rule(
    "DP404",
    "role-removal",
    "warning",
    kinds=("role",),
    title="Role without a removal process",
    rationale="""Who can remove a holder, and how, is part of a role's definition: without it,
    a role that is not working can only be fixed through conflict.""",
    source=_ROLES,
    hint="Fill state.practice.removal.",
)
def role_removal(r: Rule, p: Role, ctx: Context) -> list[Finding]:
    if _defined(p, ctx) and not filled(p.state.practice.removal):
        return [r.at(ctx, p.id, "does not say who can remove its holder", "state", "practice")]
    return []


@rule(
    "DP405",
    "role-unfilled",
    "warning",
    kinds=("role",),
    title="Role without holders from organization on",
    rationale="""Leaving formation requires the key roles to be filled, and leaving organization
    requires roles to be resourced. A role with nobody in it in an organized group is work that
    falls to no one. Holders may be people or cells.""",
    source="formation-phase.md, organization-phase.md (signs of readiness)",
    hint="Add holders (people, or the ids of cells).",
)
def role_unfilled(r: Rule, p: Role, ctx: Context) -> list[Finding]:
    phase = _phase(p, ctx)
    if at_least(phase, "organization") and phase != "completion" and not p.holders:
        return [r.at(ctx, p.id, f"has no holders while its group is in {phase}", "holders")]
    return []


@rule(
    "DP410",
    "task-deliverable",
    "warning",
    kinds=("task",),
    title="Task without a deliverable",
    rationale="""A task is a defined piece of work someone commits to deliver. Without a
    deliverable there is nothing to commit to and no way to tell when it is done.""",
    source=_TASKS,
    hint="Fill state.purpose.deliverable.",
)
def task_deliverable(r: Rule, p: Task, ctx: Context) -> list[Finding]:
    if not filled(p.state.purpose.deliverable):
        return [r.at(ctx, p.id, "has no deliverable", "state", "purpose")]
    return []


@rule(
    "DP411",
    "task-assignee",
    "warning",
    kinds=("task",),
    title="Task without an assignee",
    rationale="""Every task needs a responsible party: a role, a cell, or a named person or
    agent. Unassigned work is work nobody has agreed to do.""",
    source=_TASKS,
    hint="Set assignee (a role or cell) or agent (a person).",
)
def task_assignee(r: Rule, p: Task, ctx: Context) -> list[Finding]:
    if p.assignee is None and not filled(p.agent):
        return [r.at(ctx, p.id, "has no assignee or agent")]
    return []


@rule(
    "DP412",
    "task-approval",
    "warning",
    kinds=("task",),
    title="Task without an approval record",
    rationale="""Tasks that spend shared time or money should trace back to a decision. A
    personal task, which someone takes on for themselves, needs none.""",
    source=_TASKS,
    hint="Record the approval under state.practice.approval, or mark the task personal.",
)
def task_approval(r: Rule, p: Task, ctx: Context) -> list[Finding]:
    practice = p.state.practice
    approval = practice.approval
    if (approval.by and approval.by.strip()) or practice.personal is True or p.state.progress.status == "cancelled":
        return []
    if not filled(approval.reference):
        return [r.at(ctx, p.id, "has no approval record and is not marked personal", "state", "practice")]
    return []


@rule(
    "DP413",
    "recurring-task",
    "info",
    kinds=("task",),
    title="Ongoing task",
    rationale="""A task ends with its deliverable. Work that recurs without end is a
    responsibility, which is what roles are for.""",
    source="tasks.md, roles.md",
    hint="Turn it into a role, or give it an end.",
)
def recurring_task(r: Rule, p: Task, ctx: Context) -> list[Finding]:
    if p.state.practice.recurring is True:
        return [r.at(ctx, p.id, "is ongoing work; a role suits it better", "state", "practice", "recurring")]
    return []
