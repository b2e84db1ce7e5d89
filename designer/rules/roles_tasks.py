"""DP4: roles and tasks — a role nobody holds, ongoing work written as a task.

What a role or task should say by its group's phase (responsibilities, authorities,
accountability, removal; deliverable, responsible party, status) is on the completeness meter
(DP311). Retired codes: DP401-DP404 and DP410-DP412, now items of that meter.
"""

from __future__ import annotations

from designer.model.kinds import Phase
from designer.model.primitives import Role, Task
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least
from designer.rules.registry import Rule, rule


def _phase(p: Role, ctx: Context) -> Phase | None:
    """A role's own phase, or its defining group's (a role sits directly in a DAO or cell)."""
    if p.phase is not None:
        return p.phase
    holder = ctx.by_id.get(p.parent)
    return holder.phase if holder is not None else None


@rule(
    "DP405",
    "role-unfilled",
    "warning",
    kinds=("role",),
    title="Role without holders from organization on",
    rationale="""Leaving formation requires the key roles to be filled, and leaving organization
    requires roles to be resourced. A role with nobody in it in an organized group is work that
    falls to no one. Holders may be people or cells.""",
    source="Seed, Formation phase key activities: 'Establish critical roles and select/elect initial "
    "occupants'; organization-phase.md (roles defined and resourced)",
    hint="Add holders (people, or the ids of cells).",
)
def role_unfilled(r: Rule, p: Role, ctx: Context) -> list[Finding]:
    phase = _phase(p, ctx)
    if at_least(phase, "organization") and phase != "completion" and not p.holders:
        return [r.at(ctx, p.id, f"has no holders while its group is in {phase}", "holders")]
    return []


@rule(
    "DP413",
    "recurring-task",
    "info",
    kinds=("task",),
    title="Ongoing task",
    rationale="""A task ends with its deliverable. Work that recurs without end is a
    responsibility, which is what roles are for.""",
    source="tasks.md, roles.md (a tool heuristic: an ongoing task suggests a role)",
    hint="Turn it into a role, or give it an end.",
)
def recurring_task(r: Rule, p: Task, ctx: Context) -> list[Finding]:
    if p.state.practice.recurring is True:
        return [r.at(ctx, p.id, "is ongoing work; a role suits it better", "state", "practice", "recurring")]
    return []
