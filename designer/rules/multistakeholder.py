"""DP6: multi-stakeholder networks — one stakeholder group, one top-level cell, and their agreement.

A multi-stakeholder design is recognised by a cell marked ``stakeholder_group``; none of these
rules fire without one.
"""

from __future__ import annotations

from collections.abc import Iterator

from designer.model.primitives import AnyPrimitive, Cell
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import filled, quoted
from designer.rules.registry import Rule, rule

_MSG = "implementation-guide-multi-stakeholder-governance.md"
_WATCH = ("top_level", "stakeholder_group", "state")


def _shgs(ctx: Context) -> list[AnyPrimitive]:
    return [c for c in ctx.of_kind("cell") if getattr(c, "stakeholder_group", False)]


def _tlcs(ctx: Context) -> list[AnyPrimitive]:
    return [c for c in ctx.of_kind("cell") if getattr(c, "top_level", False)]


def _pair(ctx: Context) -> tuple[Cell, Cell] | None:
    """The stakeholder group and its top-level cell, when there is exactly one of each."""
    shgs, tlcs = _shgs(ctx), _tlcs(ctx)
    if len(shgs) == 1 and len(tlcs) == 1:
        shg, tlc = shgs[0], tlcs[0]
        if isinstance(shg, Cell) and isinstance(tlc, Cell):
            return shg, tlc
    return None


@rule(
    "DP601",
    "stakeholder-group-multiple",
    "error",
    scope="document",
    kinds=("cell",),
    watch_fields=_WATCH,
    title="More than one stakeholder group",
    rationale="""A multi-stakeholder network is a small DAO of organizations with one
    stakeholder group at the top, which holds the purpose, the overall budget and the founding
    agreements. Two such groups are two networks and should be two documents, or one group.""",
    source=_MSG,
    hint="Keep stakeholder_group on one cell.",
)
def stakeholder_group_multiple(r: Rule, ctx: Context) -> Iterator[Finding]:
    shgs = _shgs(ctx)
    if len(shgs) > 1:
        names = quoted(s.id for s in shgs)
        for extra in shgs[1:]:
            yield r.at(ctx, extra.id, f"is one of {len(shgs)} stakeholder groups ({names}); a network has one")


@rule(
    "DP602",
    "top-level-count",
    "error",
    scope="document",
    kinds=("cell",),
    watch_fields=_WATCH,
    title="Stakeholder group without exactly one top-level cell",
    rationale="""Below the stakeholder group sits one top-level cell, which turns the group's
    purpose and budget into strategy, structure and allocations, and creates the first cells.
    Without it nobody runs the network day to day; with two, nobody knows who does.""",
    source=_MSG,
    hint="Mark one cell top_level.",
)
def top_level_count(r: Rule, ctx: Context) -> Iterator[Finding]:
    shgs = _shgs(ctx)
    if not shgs:
        return
    tlcs = _tlcs(ctx)
    if not tlcs:
        yield r.at(ctx, shgs[0].id, "is a stakeholder group, but the network has no top-level cell", "top_level")
    elif len(tlcs) > 1:
        yield r.at(
            ctx, shgs[0].id, f"is a stakeholder group with {len(tlcs)} top-level cells ({quoted(t.id for t in tlcs)})"
        )


@rule(
    "DP603",
    "top-level-not-accountable",
    "error",
    scope="document",
    kinds=("cell",),
    watch_fields=_WATCH,
    watch_links=("accountable-to",),
    title="Top-level cell not accountable to the stakeholder group",
    rationale="""The top-level cell acts within a budget and boundaries the stakeholder group
    sets, and brings its budget proposals back to it. That relation is an accountable-to link from
    the top-level cell to the stakeholder group.""",
    source=_MSG,
    hint="Add an accountable-to link from the top-level cell to the stakeholder group.",
)
def top_level_not_accountable(r: Rule, ctx: Context) -> Iterator[Finding]:
    pair = _pair(ctx)
    if pair is None:
        return
    shg, tlc = pair
    if not any(link.kind == "accountable-to" and link.target == shg.id for link in ctx.links_from.get(tlc.id, ())):
        yield r.at(ctx, tlc.id, f"is the top-level cell but has no accountable-to link to '{shg.id}'")


AGREEMENT_TERMS: tuple[tuple[str, str], ...] = (
    ("review_period", "review period"),
    ("quorum", "quorum"),
    ("rejection_criteria", "rejection criteria"),
    ("escalation_path", "escalation path"),
)


@rule(
    "DP604",
    "agreement-terms",
    "error",
    scope="document",
    kinds=("cell",),
    watch_fields=_WATCH,
    title="Stakeholder agreement missing a term",
    rationale="""The stakeholder group and its top-level cell work by an agreement: proposals
    from the cell pass unless rejected (optimistic governance), so the agreement must say how long
    the group has to review, how many must take part, on what grounds it rejects, and where a
    dispute goes next. The sources give no numbers; the document must choose them. The
    agreement is read from the top-level cell, or else from the stakeholder group.""",
    source=_MSG + " (SHG-TLC agreement)",
    hint="Fill state.practice.agreement on the top-level cell.",
)
def agreement_terms(r: Rule, ctx: Context) -> Iterator[Finding]:
    pair = _pair(ctx)
    if pair is None:
        return
    shg, tlc = pair
    mine, theirs = tlc.state.practice.agreement, shg.state.practice.agreement
    for key, label in AGREEMENT_TERMS:
        if not (filled(getattr(mine, key)) or filled(getattr(theirs, key))):
            yield r.at(ctx, tlc.id, f"the stakeholder agreement sets no {label}", "state", "practice", "agreement")


@rule(
    "DP605",
    "stakeholder-group-size",
    "warning",
    kinds=("cell",),
    title="Stakeholder group of many organizations",
    rationale="""The multi-stakeholder pattern is meant for a modest number of organizations,
    typically under twenty; beyond that, agreement by optimistic review gets slow and the network
    may need its own layers. Organizations are counted from the group's members and the partners
    inside it.""",
    source=_MSG,
    hint="Split the network, or add a layer (setting: shg_max_organizations).",
)
def stakeholder_group_size(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not p.stakeholder_group:
        return found
    orgs = set(p.members) | {c.id for c in ctx.kids(p.id) if c.kind == "partner"}
    limit = ctx.settings.integer("shg_max_organizations")
    if len(orgs) > limit:
        found.append(r.at(ctx, p.id, f"has {len(orgs)} organizations; the pattern suits up to {limit}", "members"))
    return found


@rule(
    "DP606",
    "stakeholder-group-scale",
    "warning",
    kinds=("cell",),
    title="Stakeholder group not at network scale",
    rationale="""A stakeholder group brings organizations together, which is the network
    scale by definition; drawing it in another lane hides what kind of body it is.""",
    source=_MSG + "; group-scale/*.md",
    hint="Set scale: network.",
)
def stakeholder_group_scale(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if p.stakeholder_group and p.scale != "network":
        message = f"is a stakeholder group at the {p.scale} scale; it belongs at network scale"
        found.append(r.at(ctx, p.id, message, "scale"))
    return found
