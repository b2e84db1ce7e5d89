"""DP1: the phase lifecycle — valid phases, steps between them, checklists, closure, staleness."""

from __future__ import annotations

from datetime import date

from designer.framework.phases import closing_items, phase_info, phases
from designer.model.kinds import KINDS, PHASE_ALIASES, PHASES, SCALED_KINDS, Kind
from designer.model.primitives import AnyPrimitive, Cell, Dao
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import phase_index, plural
from designer.rules.registry import Rule, rule

GROUPS: tuple[Kind, ...] = ("dao", "cell")
_PHASE_SOURCE = "group-phase/index.md, group-facilitation.md"
_KNOWN_PHASES = frozenset((*PHASES, None))


@rule(
    "DP101",
    "unknown-phase",
    "error",
    kinds=KINDS,
    title="Phase is not one of the five",
    rationale="""A group is in exactly one of five phases: conversation, formation, organization,
    iteration, completion. Every other rule that depends on maturity reads this value, so
    anything else makes those rules guess. Files are checked on load; this catches documents built
    in memory by other tools.""",
    source=_PHASE_SOURCE,
    hint="Use conversation, formation, organization, iteration or completion.",
)
def unknown_phase(r: Rule, p: AnyPrimitive, ctx: Context) -> list[Finding]:
    if p.phase in _KNOWN_PHASES and (not isinstance(p, (Dao, Cell)) or p.previous_phase in _KNOWN_PHASES):
        return []  # the common case, checked without building anything (a full run visits 10k)
    found: list[Finding] = []
    values = (("phase", p.phase), ("previous_phase", p.previous_phase)) if isinstance(p, (Dao, Cell)) else (
        ("phase", p.phase),
    )
    for field, value in values:
        if value is not None and value not in PHASES:
            extra = f" (write '{PHASE_ALIASES[value]}')" if value in PHASE_ALIASES else ""
            found.append(r.at(ctx, p.id, f"'{value}' is not a phase{extra}", field))
    if p.checklist:
        for key in p.checklist:
            if key not in PHASES:
                found.append(r.at(ctx, p.id, f"checklist names '{key}', which is not a phase", "checklist", key))
    return found


@rule(
    "DP102",
    "phase-step",
    "warning",
    kinds=GROUPS,
    title="Phase skipped or reversed",
    rationale="""Groups normally mature one phase at a time. Jumping ahead leaves the work of the
    skipped phase undone; going back is allowed (the phases are a maturity model, and groups do
    cycle) but deserves a second look, so both are flagged, gently.""",
    source="data/concepts/groups.md (maturity model; groups can cycle back)",
    hint="Record why in the group's state, or step through the phases in order.",
)
def phase_step(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    before, now = phase_index(p.previous_phase), phase_index(p.phase)
    if before < 0 or now < 0:
        return found
    if now > before + 1:
        skipped = ", ".join(PHASES[before + 1 : now])
        found.append(r.at(ctx, p.id, f"moved from {p.previous_phase} to {p.phase}, skipping {skipped}", "phase"))
    elif now < before:
        found.append(r.at(ctx, p.id, f"moved back from {p.previous_phase} to {p.phase}", "phase"))
    return found


@rule(
    "DP103",
    "readiness-unticked",
    "warning",
    kinds=GROUPS,
    title="Moved past a phase with readiness items unticked",
    rationale="""Each phase ends when the group shows certain signs of readiness: a settled
    direction before formation, filled key roles and a written design before organization, and
    so on. A group that sits in a later phase without them ticked may have moved on too early,
    or has not recorded what it did. The ways out of iteration are alternatives: one is enough.""",
    source="group-phase/*.md ('Signs of Readiness' sections)",
    hint="In the Phase panel, open that phase (click its step) and tick the items that are done; "
    "or move the group back to that phase.",
)
def readiness_unticked(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    now = phase_index(p.phase)
    found: list[Finding] = []
    checklist = p.checklist
    for info in phases()[: max(now, 0)]:
        ticked = checklist.get(info.id, ())
        if info.readiness_set.issubset(ticked):
            continue
        missing = [i for i in info.readiness_ids if i not in ticked]
        if info.readiness_mode == "any":
            if len(missing) == len(info.readiness):
                found.append(
                    r.at(
                        ctx,
                        p.id,
                        f"is in {p.phase} but none of the signs for leaving {info.id} is ticked "
                        f"({', '.join(missing)})",
                        "checklist",
                    )
                )
            continue
        texts = [item.text.rstrip(".") for item in info.readiness if item.id in missing]
        found.append(
            r.at(
                ctx,
                p.id,
                f"is in {p.phase} but {len(missing)} of {len(info.readiness)} {info.id} readiness items "
                f"are not ticked: {'; '.join(texts)}",
                "checklist",
            )
        )
    return found


@rule(
    "DP104",
    "unknown-checklist-item",
    "error",
    kinds=KINDS,
    title="Ticked checklist item that does not exist",
    rationale="""A checklist entry is the id of an item from the framework's phase checklists.
    An id that the phase does not have is a typo or an item from another phase, and it silently
    counts for nothing.""",
    source="resources/framework/phases.yaml (this project's checklist data)",
    hint="Pick the item from the Phase panel; 'dao-designer rules' lists the ids in docs/rules.md.",
)
def unknown_checklist_item(r: Rule, p: AnyPrimitive, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not p.checklist:
        return found
    for phase, ticked in p.checklist.items():
        if phase not in PHASES:
            continue
        known = phase_info(phase).item_ids
        for i, item in enumerate(ticked):
            if item in known:
                continue
            elsewhere = [info.id for info in phases() if item in info.item_ids]
            where = f" (it belongs to {elsewhere[0]})" if elsewhere else ""
            found.append(r.at(ctx, p.id, f"'{item}' is not a {phase} checklist item{where}", "checklist", phase, i))
    return found


@rule(
    "DP105",
    "phase-after-container",
    "warning",
    kinds=KINDS,
    title="Further along than its container",
    rationale="""Parts of a structure may be in different phases, but a part cannot be more
    mature than the group it works in: a cell in iteration inside a DAO still in formation is
    running on agreements that do not exist yet. Closing is the exception: a part may complete
    while the whole carries on.""",
    source="group-facilitation.md (parts of a structure in different phases)",
    hint="Move the part back, or the container forward.",
)
def phase_after_container(r: Rule, p: AnyPrimitive, ctx: Context) -> list[Finding]:
    phase = p.phase
    if phase is None or phase == "completion" or phase not in PHASES:
        return []
    above = ctx.get(p.parent)
    steps = 0
    while above is not None and above.phase is None and above.kind not in SCALED_KINDS and steps <= len(ctx.by_id):
        above = ctx.get(above.parent)
        steps += 1
    if above is None or above.phase is None or phase_index(phase) <= phase_index(above.phase):
        return []
    return [r.at(ctx, p.id, f"is in {phase}, but its container '{above.id}' is only in {above.phase}", "phase")]


@rule(
    "DP106",
    "closure-incomplete",
    "error",
    kinds=GROUPS,
    title="Closing without the closure items done",
    rationale="""A group cannot be closed until what it held is returned: the treasury plan
    approved, wallet signers handed over, roles and credentials passed on, knowledge archived,
    and a final document written. Closing without them strands funds and access.""",
    source="completion-phase.md",
    hint="Finish and tick the completion items in the Phase panel.",
)
def closure_incomplete(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if p.phase != "completion":
        return found
    ticked = set(p.checklist.get("completion", ()))
    for item in closing_items():
        if item.id not in ticked:
            found.append(r.at(ctx, p.id, f"is closing but '{item.id}' is not ticked: {item.text}", "checklist"))
    return found


@rule(
    "DP107",
    "stale-state",
    "warning",
    kinds=GROUPS,
    title="Stale state during iteration",
    rationale="""In iteration a group's state is its public interface: partners read it to
    decide whether to rely on the group, and out-of-date state is a warning sign to them. The
    framework gives no number of days, so the limit is a setting.""",
    source="iteration-phase.md",
    hint="Bring the state up to date and set state.progress.updated (setting: stale_state_days).",
)
def stale_state(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if p.phase != "iteration":
        return found
    limit = ctx.settings.integer("stale_state_days")
    updated = p.state.progress.updated
    if updated is None:
        found.append(r.at(ctx, p.id, "is in iteration but its state has no 'updated' date", "state", "progress"))
        return found
    try:
        age = (ctx.today - date.fromisoformat(updated)).days
    except ValueError:
        return found
    if age > limit:
        found.append(r.at(
            ctx,
            p.id,
            f"state was last updated {plural(age, 'day')} ago ({updated}); the limit is {limit}",
            "state",
            "progress",
            "updated",
        ))
    return found
