"""DP1: the phase lifecycle — valid phases, skipped steps, readiness left open, closure, staleness."""

from __future__ import annotations

from datetime import date

from designer.framework.phases import closing_items, phase_info, phases
from designer.model.completion import completion_of
from designer.model.kinds import KINDS, PHASE_ALIASES, PHASES, Kind
from designer.model.primitives import AnyPrimitive, Cell, Dao
from designer.rules.completeness import closure_done, readiness_open
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import phase_index
from designer.rules.registry import Rule, rule
from designer.wording import plural

GROUPS: tuple[Kind, ...] = ("dao", "cell")
_PHASE_SOURCE = "group-phase/index.md, group-facilitation.md"
_KNOWN_PHASES = frozenset((*PHASES, None))
CLOSED = "formally-closed"


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
    "phase-skipped",
    "info",
    kinds=GROUPS,
    title="Phase skipped",
    rationale="""Groups normally mature one phase at a time, and a jump leaves the work of the
    skipped phase to be caught up. The phases are a maturity model, not a strict sequence, and
    groups can cycle back, so going back is never reported and a skip is only a note.""",
    source="data/concepts/groups.md (a maturity model; groups can cycle back); Seed, Group Phase "
    "Implementation: 'formalizing Cells and other primitives as they are ready'",
    hint="Record why in the group's state, or step through the phases in order.",
)
def phase_skipped(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    before, now = phase_index(p.previous_phase), phase_index(p.phase)
    if before < 0 or now <= before + 1:
        return []
    skipped = ", ".join(PHASES[before + 1 : now])
    return [r.at(ctx, p.id, f"moved from {p.previous_phase} to {p.phase}, skipping {skipped}", "phase")]


@rule(
    "DP103",
    "readiness-unticked",
    "warning",
    kinds=GROUPS,
    title="Moved on with readiness signs left open",
    rationale="""Each phase ends when the group shows certain signs of readiness: a settled
    direction before formation, filled key roles and a written design before organization, and
    so on. When some signs of a phase the group has left are ticked and others are not, the group
    looked at the list and moved on with items open; so did a group whose last phase change (its
    previous_phase, which the app records) stepped past a phase with signs open. That is the
    risk reported here, once per group. A checklist nobody has used in a phase nobody stepped
    out of here says nothing about readiness; it only lowers the completeness meter (DP311).
    The ways out of iteration are alternatives, so one is enough, and a cell formed on the
    permissionless pathway needs no proposal's support.""",
    source="group-phase/*.md ('Signs of Readiness'); Seed, Group Phase Implementation: 'formalizing "
    "Cells and other primitives as they are ready, rather than forcing a completed governance design "
    "all at once'; cells.md (permissionless pathway: no approval needed)",
    hint="In the Phase panel, open that phase (click its step) and tick the items that are done; "
    "or move the group back to that phase.",
)
def readiness_unticked(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    now = phase_index(p.phase)
    checklist = p.checklist
    stepped = phase_index(p.previous_phase)
    if now <= 0 or (not checklist and not 0 <= stepped < now):
        return []
    parts: list[str] = []
    for i, info in enumerate(phases()[:now]):
        ticked = checklist.get(info.id, ())
        if ticked and info.readiness_set.issubset(ticked):
            continue
        if (stepped < 0 or i < stepped) and not any(t in info.readiness_set for t in ticked):
            continue
        missing = readiness_open(p, info)
        if missing:
            texts = [item.text.rstrip(".") for item in info.readiness if item.id in missing]
            parts.append(f"{len(missing)} {info.id} sign{'s' if len(missing) != 1 else ''} open ({'; '.join(texts)})")
    if not parts:
        return []
    return [r.at(ctx, p.id, f"is in {p.phase} with readiness left open: {'; and '.join(parts)}", "checklist")]


@rule(
    "DP104",
    "unknown-checklist-item",
    "error",
    kinds=KINDS,
    title="Ticked checklist item that does not exist",
    rationale="""A checklist entry is the id of an item from the framework's phase checklists.
    An id that the phase does not have is a typo or an item from another phase, and it silently
    counts for nothing.""",
    source="Tool check: the ids of resources/framework/phases.yaml (the framework's signs of readiness, "
    "the seed's implementation activities, the completion items)",
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
    "DP106",
    "closed-too-early",
    "error",
    kinds=GROUPS,
    title="Recorded as closed with closure items not done",
    rationale="""A group cannot be closed until what it held is returned: the asset plan
    approved by governance, wallet signers transferred (for a group that records a treasury),
    responsibilities and credentials handed over, channels archived, and a final document
    written. A group still in completion is closing, and what is left shows on its completeness
    meter (DP311). A group recorded as closed (the 'formally closed' item ticked, or a closing
    date in its completion record) with any of them neither ticked nor shown by the record has
    stranded funds or access.""",
    source="completion-phase.md ('wallet signers are transferred before closing'; a final "
    "completion document)",
    hint="Finish and tick the completion items in the Phase panel, or untick 'formally closed'.",
)
def closed_too_early(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    if p.phase != "completion":
        return []
    if CLOSED not in p.checklist.get("completion", ()) and completion_of(p).closed is None:
        return []
    missing = [item.text.rstrip(".") for item in closing_items() if not closure_done(p, item)]
    if not missing:
        return []
    return [r.at(ctx, p.id, f"is recorded as closed, but {len(missing)} closure "
                 f"item{'s are' if len(missing) != 1 else ' is'} not done: {'; '.join(missing)}", "checklist")]


@rule(
    "DP107",
    "stale-state",
    "warning",
    kinds=GROUPS,
    title="Stale state during iteration",
    rationale="""In iteration a group's state is its public interface: partners read it to
    decide whether to rely on the group, and out-of-date state is a warning sign to them. The
    framework gives no number of days, so the limit is a setting. A missing date only lowers the
    completeness meter.""",
    source="iteration-phase.md (stale state is 'a red flag' for partners); Seed, Coordination phase: "
    "'Ongoing upkeep of documentation and systems'",
    hint="Bring the state up to date and set state.progress.updated (setting: stale_state_days).",
)
def stale_state(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    if p.phase != "iteration":
        return []
    updated = p.state.progress.updated
    if updated is None:
        return []
    limit = ctx.settings.integer("stale_state_days")
    try:
        age = (ctx.today - date.fromisoformat(updated)).days
    except ValueError:
        return []
    if age <= limit:
        return []
    return [r.at(
        ctx,
        p.id,
        f"state was last updated {plural(age, 'day')} ago ({updated}); the limit is {limit}",
        "state",
        "progress",
        "updated",
    )]
