"""DP6: multi-stakeholder networks — one stakeholder group, one top-level cell, and their agreement.

A multi-stakeholder design is recognised by a cell marked ``stakeholder_group``; none of these
rules fire without one. Counts are per network (each containment tree), since a document may
hold several. Retired: DP606 (stakeholder group not at network scale), which the RPP case study
contradicts (its stakeholder group sits at the coordination scale).
"""

from __future__ import annotations

from collections.abc import Iterator

from designer.model.kinds import Kind
from designer.model.primitives import Cell
from designer.rules.completeness import agreement_gaps
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least, quoted
from designer.rules.registry import Rule, rule

_MSG = "implementation-guide-multi-stakeholder-governance.md"
_WATCH = ("top_level", "stakeholder_group", "state", "phase", "parent")
_KINDS: tuple[Kind, ...] = ("cell", "dao")  # a DAO's parent moves the networks below it


def _networks(ctx: Context) -> dict[str | None, tuple[list[Cell], list[Cell]]]:
    """Stakeholder groups and top-level cells by network (designer.model.networks: the nearest DAO,
    legal entity or top stakeholder group above them), a top-level cell that answers to a
    stakeholder group counting in that group's network. Only networks with a stakeholder group
    are listed."""
    groups = [c for c in ctx.of_kind("cell") if isinstance(c, Cell) and c.stakeholder_group]
    if not groups:
        return {}
    anchors = ctx.network_anchors()
    shgs: dict[str | None, list[Cell]] = {}
    for c in groups:
        shgs.setdefault(anchors.get(c.id), []).append(c)
    by_id = ctx.by_id
    out: dict[str | None, tuple[list[Cell], list[Cell]]] = {root: (found, []) for root, found in shgs.items()}
    for t in ctx.of_kind("cell"):
        if not (isinstance(t, Cell) and t.top_level):
            continue
        roots = {
            anchors.get(link.target)
            for link in ctx.links_from.get(t.id, ())
            if link.kind == "accountable-to" and getattr(by_id.get(link.target), "stakeholder_group", False)
        } or {anchors.get(t.id)}
        for root in roots:
            if root in out:
                out[root][1].append(t)
    return out


def _pairs(ctx: Context) -> Iterator[tuple[Cell, Cell]]:
    """Each network's stakeholder group and top-level cell, where it has exactly one of each."""
    for shgs, tlcs in _networks(ctx).values():
        if len(shgs) == 1 and len(tlcs) == 1:
            yield shgs[0], tlcs[0]


@rule(
    "DP601",
    "stakeholder-group-multiple",
    "error",
    scope="document",
    kinds=_KINDS,
    watch_fields=_WATCH,
    watch_links=("accountable-to",),
    title="More than one stakeholder group in one network",
    rationale="""A multi-stakeholder network is a small DAO of organizations with one
    stakeholder group at the top, which holds the purpose, the overall budget and the founding
    agreements. A document may hold several networks (each its own containment tree); two
    stakeholder groups inside one network contradict the pattern: they should be one group, or
    two networks.""",
    source=_MSG + " (layers: Stakeholder Group -> Top Level Cell -> Cells); Seed, Partnerships level: "
    "'See Multi-Stakeholder Governance Implementation Guide'",
    hint="Keep stakeholder_group on one cell of the network, or move the other group out into a network of its own.",
)
def stakeholder_group_multiple(r: Rule, ctx: Context) -> Iterator[Finding]:
    for root, (shgs, _) in _networks(ctx).items():
        if len(shgs) > 1:
            names = quoted(s.id for s in shgs)
            for extra in shgs[1:]:
                where = f"network '{root}'" if root else "the same network"
                yield r.at(ctx, extra.id, f"is one of {len(shgs)} stakeholder groups in {where} "
                           f"({names}); a network has one")


@rule(
    "DP602",
    "top-level-count",
    "warning",
    scope="document",
    kinds=_KINDS,
    watch_fields=_WATCH,
    watch_links=("accountable-to",),
    title="Stakeholder group without exactly one top-level cell",
    rationale="""Below the stakeholder group sits one top-level cell, which turns the group's
    purpose and budget into strategy, structure and allocations, and creates the first cells.
    Without it nobody runs the network day to day; with two, nobody knows who does. Counted per
    network; a missing one is reported once the stakeholder group is in organization (formation
    is when the two are set up).""",
    source=_MSG + " (roll-out: Formation establishes the SHG and TLC; Organization has the TLC create the "
    "first Cells)",
    hint="Mark one cell top_level.",
)
def top_level_count(r: Rule, ctx: Context) -> Iterator[Finding]:
    for shgs, tlcs in _networks(ctx).values():
        shg = shgs[0]
        if not tlcs and at_least(shg.phase, "organization") and shg.phase != "completion":
            yield r.at(ctx, shg.id, "is a stakeholder group, but its network has no top-level cell", "top_level")
        elif len(tlcs) > 1:
            yield r.at(
                ctx, shg.id, f"is a stakeholder group with {len(tlcs)} top-level cells ({quoted(t.id for t in tlcs)})"
            )


@rule(
    "DP603",
    "top-level-not-accountable",
    "warning",
    scope="document",
    kinds=_KINDS,
    watch_fields=_WATCH,
    watch_links=("accountable-to",),
    title="Top-level cell not accountable to the stakeholder group",
    rationale="""The top-level cell acts within a budget and boundaries the stakeholder group
    sets, and brings its budget proposals back to it. That relation is an accountable-to link from
    the top-level cell to the stakeholder group. Checked once the top-level cell is in formation.""",
    source=_MSG,
    hint="Add an accountable-to link from the top-level cell to the stakeholder group.",
)
def top_level_not_accountable(r: Rule, ctx: Context) -> Iterator[Finding]:
    for shg, tlc in _pairs(ctx):
        if not at_least(tlc.phase, "formation") or tlc.phase == "completion":
            continue
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
    "warning",
    scope="document",
    kinds=_KINDS,
    watch_fields=_WATCH,
    watch_links=("accountable-to",),
    title="Stakeholder agreement missing a term",
    rationale="""The stakeholder group and its top-level cell work by an agreement: proposals
    from the cell pass unless rejected (optimistic governance), so the agreement must say how long
    the group has to review, how many must take part, on what grounds it rejects, and where a
    dispute goes next. The sources give no numbers; the document must choose them. The
    agreement is read from the top-level cell, or else from the stakeholder group. Reported once,
    with every missing term, when the top-level cell is in organization or later (proposals are
    then passing under it).""",
    source=_MSG + " (SHG-TLC agreement)",
    hint="Fill state.practice.agreement on the top-level cell.",
)
def agreement_terms(r: Rule, ctx: Context) -> Iterator[Finding]:
    for shg, tlc in _pairs(ctx):
        if not at_least(tlc.phase, "organization") or tlc.phase == "completion":
            continue
        gaps = agreement_gaps(tlc, shg)
        missing = [label for key, label in AGREEMENT_TERMS if key in gaps]
        if missing:
            yield r.at(ctx, tlc.id, f"the stakeholder agreement sets no {', '.join(missing)}",
                       "state", "practice", "agreement")


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
