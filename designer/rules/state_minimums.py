"""DP3: state — the completeness meter for each phase, a missing purpose, and the treasury.

What each phase asks a primitive's state to hold is data (``resources/framework/completeness.yaml``)
measured by :mod:`designer.rules.completeness`; a gap is one info finding per primitive with a
count, never one finding per empty field. Warnings and errors here are kept for what the seed
names as a risk (implementing with no stated purpose, funds nobody is known to control) or what
cannot work (a threshold no set of signers can meet).

Retired codes (their checks are items of the meter now): DP302 goals, DP303 formation minimums,
DP304 approval record, DP305 template fields, DP306 state store, DP309 DAO state, DP310 master
state.
"""

from __future__ import annotations

from designer.model.primitives import AnyPrimitive, Cell, Dao
from designer.model.treasury import TreasuryView, signer_seats, treasuries
from designer.rules.completeness import METER_CODE, gaps, holds_treasury
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least, filled
from designer.rules.registry import Rule, rule

_SHOWN = 3
"""Missing items named in a completeness message; the rest are counted."""


@rule(
    "DP301",
    "purpose-missing",
    "warning",
    kinds=("dao", "cell"),
    title="Implementing without a purpose statement",
    rationale="""Unclear purpose is the first anti-pattern the framework names for cells, and the
    seed starts every design from a purpose statement. A group still forming may be writing it;
    a group in organization or later is implementing a design that does not say what it is for,
    and every decision about scope, members and money lacks its yardstick.""",
    source="Seed, 1. Define Purpose: 'Document the results in a concise purpose statement that can guide "
    "governance design decisions'; cells.md (unclear purpose)",
    hint="Write state.purpose.statement.",
)
def purpose_missing(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    if at_least(p.phase, "organization") and p.phase != "completion" and not filled(p.state.purpose.statement):
        return [r.at(ctx, p.id, f"is in {p.phase} but has no purpose statement", "state", "purpose")]
    return []


@rule(
    "DP307",
    "treasury-no-signers",
    "warning",
    kinds=("dao", "cell"),
    title="Treasury with nobody named who can move it",
    rationale="""A group that holds funds must say who controls them: the active signers (or,
    for a treasury that is not a multisig, the rule by which treasury decisions are made).
    Signers with a threshold are such a rule. A missing Safe address or chain is not a risk in a
    design; it only lowers the completeness meter. Checked from organization on, when the
    treasury is set up.""",
    source="cell-state.md (Treasury: 'multisig configuration and active signers'); Seed, Tool "
    "Selection: 'The operational network will need to secure and manage resource flows'",
    hint="List state.practice.treasury.signers (and a threshold), or a decision_rule.",
)
def treasury_no_signers(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    if not at_least(p.phase, "organization") or p.phase == "completion" or not holds_treasury(p):
        return []
    practice = p.state.practice
    if filled(practice.treasury.decision_rule):
        return []
    accounts = treasuries(practice, ctx.by_id)
    if not accounts:
        return [r.at(ctx, p.id, "holds a treasury but names no signers and no treasury decision rule",
                     "state", "practice", "treasury")]
    return [
        r.at(ctx, p.id, f"holds {_account(a)} but names no signers and no treasury decision rule", *a.path)
        for a in accounts
        if not a.signers
    ]


def _account(a: TreasuryView) -> str:
    return f"the treasury '{a.name}'" if a.name else "a treasury" if a.index is None else f"treasury {a.index + 1}"


@rule(
    "DP308",
    "treasury-threshold",
    "error",
    kinds=("dao", "cell"),
    title="Signing threshold above the number of signers",
    rationale="""A multisig that needs more signatures than it has signers can never move funds:
    the treasury is locked until the configuration changes, which itself may need those
    signatures. A role that signs (a Hats signer gate) seats each of its holders, a cell each of
    its members.""",
    source="cell-state.md (multisig configuration and active signers)",
    hint="Lower the threshold or add signers.",
)
def treasury_threshold(r: Rule, p: Dao | Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    for a in treasuries(p.state.practice, ctx.by_id):
        if a.threshold is None or not a.signers:
            continue
        seats = signer_seats(a, ctx.by_id)
        if a.threshold > seats:
            whose = "" if a.index is None else f"{_account(a)} "
            found.append(r.at(
                ctx,
                p.id,
                f"{whose}needs {a.threshold} signatures but has only {seats} signer{'s' if seats != 1 else ''}",
                *a.path,
                "threshold",
            ))
    return found


@rule(
    METER_CODE,
    "phase-completeness",
    "info",
    kinds=("dao", "cell", "role", "task"),
    title="State not yet complete for the phase",
    rationale="""Requirements grow with the phase: nothing is asked in conversation; formation
    asks for the formation minimums (purpose, goals, members and roles, a decision protocol,
    meetings, a resource approach, a roadmap, first deliverables); organization adds the rest of
    the Cell State Template, scope boundaries, dispute resolution, milestones, metrics, a state
    store, an approval record and, for the top-level cell, the nine items of the master state;
    iteration adds current progress state; completion measures the closure items. Readiness
    signs of each phase already left count as one item each. This is a meter, not a defect: one
    note per primitive with the count and the first items missing. Roles and tasks are measured
    in their group's phase.""",
    source="Seed, Technical Implementation: 'Start with minimum viable governance tools as required by "
    "the phase of development'; Seed, Group State Documentation; framework phase minimums and Cell State "
    "Template (each item's source is listed in resources/framework/completeness.yaml)",
    hint="Open the primitive in the Inspector and fill what the meter lists.",
)
def phase_completeness(r: Rule, p: AnyPrimitive, ctx: Context) -> list[Finding]:
    phase, total, missing = gaps(p, ctx)
    if not missing:
        return []
    names = [i.label for i in missing[:_SHOWN]]
    more = len(missing) - len(names)
    listed = ", ".join(names) + (f" and {more} more" if more else "")
    return [r.at(ctx, p.id, f"state {total - len(missing)} of {total} items filled for {phase} (missing: {listed})")]
