"""DP2: cells as small teams — size, scale against headcount, consent, ephemeral and zombie cells."""

from __future__ import annotations

from designer.model.primitives import Cell, Dao, Task
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least
from designer.rules.registry import Rule, rule

_CELLS = "cells.md, collaboration-scale.md"


def _team(p: Cell) -> bool:
    """A cell whose members are people: a stakeholder group's are organizations."""
    return not p.stakeholder_group


def headcount(p: Dao | Cell, ctx: Context, limit: int | None = None) -> int:
    """Distinct people in a group: its members and those of the DAOs and cells directly inside it.

    With ``limit``, a cheap upper bound that is within the limit is returned as is: only groups
    that might exceed it pay for the distinct count.
    """
    groups = [p.members, *(c.members for c in ctx.kids(p.id) if isinstance(c, Dao | Cell))]
    bound = sum(len(g) for g in groups)
    if limit is not None and bound <= limit:
        return bound
    by_id = ctx.by_id  # a DAO's members may name its member cells: those are not people
    return len({person for g in groups for person in g if getattr(by_id.get(person), "kind", None) != "cell"})


@rule(
    "DP201",
    "cell-too-large",
    "warning",
    kinds=("cell",),
    title="Cell above the maximum size",
    rationale="""A cell is a small autonomous team: trust, synchronous talk and light process
    only work for about ten people. Beyond that the group should split into several cells or move
    up a scale. The texts say both "ten or fewer" and "fewer than ten", so the limit is a
    setting. Checked from formation on (conversation is open exploration, people choosing
    themselves in); a stakeholder group's members are organizations and are not counted here
    (DP605).""",
    source="Seed: 'Cells - the basic operational unit in a DAO - a small autonomous team'; " + _CELLS
    + " (split a cell of more than 10)",
    hint="Split the cell, or model the group at the coordination scale (setting: cell_size_max).",
)
def cell_too_large(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    limit = ctx.settings.integer("cell_size_max")
    n = len(p.members)
    if n > limit and _team(p) and at_least(p.phase, "formation"):
        found.append(r.at(ctx, p.id, f"has {n} members; a cell has at most {limit}", "members"))
    return found


@rule(
    "DP202",
    "cell-large",
    "info",
    kinds=("cell",),
    title="Cell larger than typical",
    rationale="""Cells typically have three to eight members. A cell just above that still works
    but is where coordination costs start to bite; it is worth deciding now how it will split.
    A note, not a risk: ten or fewer is within the framework's limit.""",
    source=_CELLS + " (typically 3-8 people; above 8-10, go up a scale or spawn parallel teams)",
    hint="Plan a split or a parallel cell (setting: cell_size_warn).",
)
def cell_large(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    warn, limit = ctx.settings.integer("cell_size_warn"), ctx.settings.integer("cell_size_max")
    n = len(p.members)
    if warn < n <= limit and _team(p) and at_least(p.phase, "formation"):
        found.append(r.at(ctx, p.id, f"has {n} members; cells typically have at most {warn}", "members"))
    return found


@rule(
    "DP203",
    "cell-too-small",
    "warning",
    kinds=("cell",),
    title="Cell of one or two people",
    rationale="""A cell carries state, decisions and often a treasury. For one or two people that
    overhead buys nothing: the framework suggests a role, which can still hold authority and be
    shared between cells. Checked from organization on, once the team is in place; a cell with no
    members listed is left to the completeness meter.""",
    source="cells.md (when not to use a cell: 1-2 people, use a Role)",
    hint="Use a role instead of a cell (setting: cell_size_min).",
)
def cell_too_small(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    floor = ctx.settings.integer("cell_size_min")
    n = len(p.members)
    if 0 < n < floor and _team(p) and at_least(p.phase, "organization") and p.phase != "completion":
        message = f"has {n} member{'s' if n != 1 else ''}; a cell needs at least {floor}"
        found.append(r.at(ctx, p.id, message, "members"))
    return found


@rule(
    "DP204",
    "scale-headcount",
    "warning",
    kinds=("dao", "cell"),
    title="Scale does not fit the headcount",
    rationale="""Scale follows from the number of people: collaboration under ten, coordination
    from ten to about 150, constituency in the hundreds and up. A collaboration-scale group of
    twenty, or a coordination-scale group past Dunbar's number, is running with tools made for a
    different size. Headcount counts the group's members and those of the groups directly inside
    it. Small coordinating cells and small DAOs are legitimate, so there is no lower bound.""",
    source="group-scale/*.md",
    hint="Change the scale, or split the group (settings: collaboration_max, coordination_max).",
)
def scale_headcount(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if p.scale not in ("collaboration", "coordination"):
        return []
    key = "collaboration_max" if p.scale == "collaboration" else "coordination_max"
    if isinstance(p, Cell) and p.stakeholder_group:
        return []  # its members are organizations; the network scale has no headcount (DP605)
    n = headcount(p, ctx, ctx.settings.integer(key))
    if p.scale == "collaboration":
        limit = ctx.settings.integer("collaboration_max")
        if n > limit and not (p.kind == "cell" and len(p.members) > ctx.settings.integer("cell_size_warn")):
            found.append(r.at(
                ctx, p.id, f"has {n} people, too many for the collaboration scale (at most {limit})", "scale"
            ))
    elif p.scale == "coordination":
        limit = ctx.settings.integer("coordination_max")
        if n > limit:
            found.append(r.at(
                ctx,
                p.id,
                f"has {n} people, more than the coordination scale holds ({limit}); split it or move it "
                "to the constituency scale",
                "scale",
            ))
    return found


@rule(
    "DP205",
    "consent-large-group",
    "warning",
    kinds=("dao", "cell"),
    title="Consent decisions in a large group",
    rationale="""Consent-style protocols (the Decider, in-room consent) pass a proposal when
    nobody objects. That works when everyone can be heard, which stops being true past about ten
    people; larger groups should use a formal proposal process.""",
    source="decider.md",
    hint="Use a formal proposal process, or decide in a smaller cell (setting: consent_max).",
)
def consent_large_group(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    protocol = p.state.practice.decision_making.protocol
    if protocol not in ("consent", "decider"):
        return found
    limit = ctx.settings.integer("consent_max")
    n = len(p.members)
    if n > limit:
        found.append(r.at(
            ctx,
            p.id,
            f"decides by {protocol} with {n} members; consent works for groups of {limit} or fewer",
            "state",
            "practice",
            "decision_making",
            "protocol",
        ))
    return found


@rule(
    "DP206",
    "ephemeral-no-end",
    "warning",
    kinds=("cell",),
    title="Ephemeral cell without an end condition",
    rationale="""An ephemeral cell is defined by its built-in end point. Without one written
    down, it quietly becomes a permanent cell that nobody decided to create. Checked from
    formation on, when the cell draws its boundaries.""",
    source="data/concepts/ephemeral-cell.md",
    hint="Fill state.purpose.end_condition.",
)
def ephemeral_no_end(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    end = p.state.purpose.end_condition
    if p.ephemeral and at_least(p.phase, "formation") and not (end and end.strip()):
        found.append(r.at(ctx, p.id, "is ephemeral but has no end condition", "state", "purpose"))
    return found


_OPEN = ("todo", "in-progress", "blocked")


@rule(
    "DP207",
    "zombie-cell",
    "warning",
    kinds=("cell",),
    title="Zombie cell",
    rationale="""A zombie cell is still on the chart after its reason to exist has gone: all its
    work is done. It keeps holding roles, funds and attention. The check looks at cells in
    iteration whose tasks (under the cell and its roles) are all done or cancelled. An empty
    progress section is not evidence of a zombie, only of state not written yet (DP311).""",
    source="cells.md (anti-patterns: zombie cell); Seed, Launch & Evolution: formalize cells 'as they "
    "are needed'",
    hint="Give the cell new work, or move it to completion and close it.",
)
def zombie_cell(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    if p.phase != "iteration":
        return []
    by_id = ctx.by_id
    tasks = 0
    for c in ctx.downtree(p.id):
        item = by_id.get(c)
        if isinstance(item, Task):
            if item.state.progress.status in _OPEN:
                return []  # open work: alive, whatever else is true
            tasks += 1
    if tasks:
        return [r.at(ctx, p.id, f"all {tasks} of its tasks are done or cancelled; its purpose may be met")]
    return []


@rule(
    "DP208",
    "short-lived-cell",
    "info",
    kinds=("cell",),
    title="Cell for less than a week of work",
    rationale="""Setting up a cell (state, agreements, decisions) pays off over weeks or more.
    Work expected to take less than a week is better written as a task. A note: only the team
    knows whether more work will follow.""",
    source="cells.md, tasks.md (don't use a cell for work under a week; a tool heuristic)",
    hint="Make it a task (setting: cell_min_days).",
)
def short_lived_cell(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    days = p.state.purpose.expected_days
    limit = ctx.settings.integer("cell_min_days")
    if days is not None and days < limit:
        found.append(r.at(
            ctx,
            p.id,
            f"expects {days} day{'s' if days != 1 else ''} of work; under {limit} days a task fits better",
            "state",
            "purpose",
            "expected_days",
        ))
    return found
