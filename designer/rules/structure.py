"""DP5 (structure): DAOs and their cells, the link to community governance, layers, names.

The accountability graph itself (cycles, the approaches' trees) lives in ``accountability.py``.
Retired codes: DP507 (domain), DP508 (budget per cell: cells may be financially autonomous) and
DP509 (escalation), now items of the completeness meter (DP311) where the seed asks for them.
"""

from __future__ import annotations

from collections.abc import Iterator

from designer.framework.decisions import decision_types
from designer.model.kinds import Kind
from designer.model.primitives import AnyPrimitive, Cell, Dao
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least, filled, quoted
from designer.rules.registry import Rule, rule

_OPS = "implementation-guide-operational-governance.md"
_CONTAINERS: tuple[Kind, ...] = ("dao", "cell", "role", "task")


@rule(
    "DP501",
    "dao-few-cells",
    "info",
    scope="document",
    kinds=("dao", "cell"),
    watch_fields=("parent", "phase", "members"),
    title="DAO with fewer than two cells",
    rationale="""A DAO is the container that lets many small teams work under shared governance.
    The framework advises against a DAO when a single team suffices: when the DAO has fewer than
    two cells and no more people than one cell can hold (setting: cell_size_max), its machinery
    costs more than it gives. A constituency of many members with one working cell is a DAO for
    its members' sake and is left alone, as is a DAO whose members are not listed. Cells anywhere
    below the DAO count (a top-down tree may hang every team under one board), and so do cells
    listed among its members. A note from organization on.""",
    source="data/concepts/daos.md (don't use a DAO if a single team suffices)",
    hint="Add the cells the DAO coordinates, or model the group as a cell (setting: dao_min_cells).",
)
def dao_few_cells(r: Rule, ctx: Context) -> Iterator[Finding]:
    floor = ctx.settings.integer("dao_min_cells")
    counts: dict[str, set[str]] = {}
    for c in ctx.of_kind("cell"):
        above = ctx.get(c.parent)
        steps = 0
        while above is not None and steps <= len(ctx.by_id):
            if above.kind == "dao":
                counts.setdefault(above.id, set()).add(c.id)
            above = ctx.get(above.parent)
            steps += 1
    cells = ctx.kind_ids.get("cell", set())
    for d in ctx.of_kind("dao"):
        if not at_least(d.phase, "organization") or d.phase == "completion":
            continue
        mine = counts.get(d.id, set()) | {m for m in getattr(d, "members", ()) if m in cells}
        people = sum(1 for m in getattr(d, "members", ()) if m not in cells)
        if len(mine) < floor and 0 < people <= ctx.settings.integer("cell_size_max"):
            n = len(mine)
            yield r.at(ctx, d.id, f"contains {n} cell{'s' if n != 1 else ''} and {people} "
                       f"{'person' if people == 1 else 'people'}; a single team may suffice")


def _answers_to_dao(cell: AnyPrimitive, ctx: Context) -> bool:
    """Whether ``cell`` answers directly to a DAO (a functional area taking its instructions)."""
    return any(
        link.kind == "accountable-to" and getattr(ctx.by_id.get(link.target), "kind", None) == "dao"
        for link in ctx.links_from.get(cell.id, ())
    )


def _answers_to(cell: AnyPrimitive, dao: Dao, ctx: Context) -> bool:
    return any(link.kind == "accountable-to" and link.source == cell.id for link in ctx.links_to.get(dao.id, ()))


@rule(
    "DP502",
    "operational-link",
    "warning",
    kinds=("dao",),
    approaches=("top-down", "hybrid"),
    title="Operations not answerable to community governance",
    rationale="""The operational structure connects to community governance either through one
    top-level cell that takes its instructions, or through each functional area (each cell
    directly inside the DAO) answering on its own. Either way there must be an accountable-to
    link to the DAO; otherwise operations spend the community's resources with no line back. The
    unconstrained approach relaxes this. Cells still in conversation are left alone: the
    connection is drawn when the design is.""",
    source="Seed, Community-Operational Boundary Design: 'How the operational network connects with community "
    "governance - Perhaps via a top-level Cell that takes instruction from community governance - Or "
    "different functional areas that each take instructions from community governance'",
    hint="Add an accountable-to link from the cell to the DAO.",
)
def operational_link(r: Rule, p: Dao, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    cells = [c for c in ctx.kids(p.id) if c.kind == "cell" and not getattr(c, "stakeholder_group", False)]
    top = [c for c in cells if getattr(c, "top_level", False)]
    for c in top or cells:
        if c.phase in ("conversation", "completion") or c.phase is None:
            continue
        if not _answers_to(c, p, ctx):
            via = "the top-level cell" if top else "a top-level functional cell"
            found.append(r.at(ctx, c.id, f"is {via} of DAO '{p.id}' but has no accountable-to link to it"))
    return found


@rule(
    "DP503",
    "top-level-multiple",
    "warning",
    kinds=("dao",),
    title="More than one top-level cell in a DAO",
    rationale="""A top-level cell is the single anchor of a DAO's operations: it answers to the
    community and keeps the master state. Two anchors split that state and that accountability;
    several functional areas answering directly is the other option, and needs no flag.""",
    source="Seed, Group State Documentation: 'there will likely be a top-level-cell or other entity that will "
    "serve as the anchor for the governance structure ... In this entity build out a master state'",
    hint="Keep top_level on one cell, or drop it and let each functional cell answer directly.",
)
def top_level_multiple(r: Rule, p: Dao, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    top = [c.id for c in ctx.kids(p.id) if c.kind == "cell" and getattr(c, "top_level", False)]
    if len(top) > 1:
        found.append(r.at(ctx, p.id, f"has {len(top)} top-level cells: {quoted(top)}"))
    return found


def _key(p: AnyPrimitive) -> str:
    return " ".join(p.name.split()).casefold()


def _duplicates(items: list[AnyPrimitive]) -> Iterator[tuple[AnyPrimitive, AnyPrimitive]]:
    """Each later item whose name repeats an earlier one, with that first item."""
    first: dict[str, AnyPrimitive] = {}
    for item in items:
        seen = first.setdefault(_key(item), item)
        if seen is not item:
            yield item, seen


@rule(
    "DP504",
    "duplicate-name",
    "info",
    kinds=_CONTAINERS,
    title="Two primitives with the same name in one container",
    rationale="""Names are how people talk about the structure: two cells called "Treasury" in
    the same DAO make every conversation, export and vote ambiguous. Ids stay unique regardless;
    this is about what readers see. Names compare without case and extra spaces.""",
    source="Tool heuristic, not from the seed (exports and diagrams label primitives by name)",
    hint="Rename one of them.",
)
def duplicate_name(r: Rule, p: AnyPrimitive, ctx: Context) -> list[Finding]:
    kids = ctx.children.get(p.id)
    if kids is None or len(kids) < 2:
        return []
    by_id = ctx.by_id
    names = {by_id[c].name for c in kids}
    if len(names) == len(kids) and len({" ".join(n.split()).casefold() for n in names}) == len(kids):
        return []  # the common case, without building the kids' list
    return [
        r.at(ctx, item.id, f"has the same name as '{seen.id}' in '{p.id}': '{item.name}'", "name")
        for item, seen in _duplicates(ctx.kids(p.id))
    ]


@rule(
    "DP505",
    "duplicate-top-name",
    "info",
    scope="document",
    kinds=("dao", "cell", "role", "task", "partner"),
    watch_fields=("name", "parent"),
    title="Two top-level primitives with the same name",
    rationale="""The same as DP504 for primitives that sit in no container (the DAOs at the top
    of the canvas and free-standing partners).""",
    source="Tool heuristic, not from the seed (exports and diagrams label primitives by name)",
    hint="Rename one of them.",
)
def duplicate_top_name(r: Rule, ctx: Context) -> Iterator[Finding]:
    for item, seen in _duplicates(ctx.kids(None)):
        yield r.at(ctx, item.id, f"has the same name as '{seen.id}' at the top level: '{item.name}'", "name")


@rule(
    "DP506",
    "missing-layer",
    "info",
    scope="document",
    kinds=("dao", "cell"),
    watch_fields=("scale", "top_level", "stakeholder_group"),
    watch_links=("accountable-to",),
    title="Design without one of the governance layers",
    rationale="""The seed builds operational governance in layers: community governance at the
    constituency scale (a DAO; in a multi-stakeholder network, the stakeholder group), cell
    coordination (a top-level or coordination-scale cell, or functional cells that each answer to
    the DAO), and cells at the collaboration scale.
    The same guide can also build operations that interface with community governance designed
    elsewhere, and free-forming networks may have no coordinating layer, so a missing layer is
    a note, listed once for the document.""",
    source="Seed, Community-Operational Boundary Design: 'It needs to cover four different levels of scale' "
    "(community governance, cell coordination, cell level, partnerships)",
    hint="Add the layer, or write in design.boundaries why the design does without it.",
)
def missing_layer(r: Rule, ctx: Context) -> Iterator[Finding]:
    cells = [c for c in ctx.of_kind("cell") if isinstance(c, Cell)]
    daos = ctx.of_kind("dao")
    if not cells and not daos:
        return
    missing: list[str] = []
    if not daos and not any(c.stakeholder_group for c in cells):
        missing.append("a DAO for community governance")
    if not any(c.top_level or c.scale == "coordination" or _answers_to_dao(c, ctx) for c in cells):
        missing.append("an operational layer (a top-level or coordination-scale cell, or cells answering "
                       "to the DAO)")
    if not any(c.scale == "collaboration" and not c.stakeholder_group for c in cells):
        missing.append("collaboration-scale cells")
    if missing:
        yield r.at_doc("the design lacks " + "; ".join(missing), "primitives")


@rule(
    "DP511",
    "design-unapproved",
    "warning",
    scope="document",
    kinds=("dao", "cell"),
    watch_fields=("phase", "stakeholder_group"),
    watch_design=True,
    title="Implementing a design nobody approved",
    rationale="""The seed ends the design step with a proposal: the design is approved by the
    community it is made for (a community vote, or for a nascent community a less formal
    confirmation) before it is implemented. A design whose groups are already in organization
    or later, with no approval recorded under design.approval, is being implemented on no one's
    say-so. Before organization, the approval is simply still to come.""",
    source="Seed, Proposal: 'the design of the community governance system should be approved by the "
    "community on whose behalf the system is being designed'",
    hint="Record the approval under design.approval (by, date, reference).",
)
def design_unapproved(r: Rule, ctx: Context) -> Iterator[Finding]:
    approval = ctx.doc.design.approval
    if filled(approval.by) or filled(approval.reference):
        return
    groups = (*ctx.of_kind("dao"), *ctx.of_kind("cell"))
    if any(at_least(p.phase, "organization") and p.phase != "completion"
           for p in groups if not (isinstance(p, Cell) and p.stakeholder_group)):
        yield r.at_doc("groups are in organization or later, but the design has no approval record",
                       "design", "approval")


@rule(
    "DP510",
    "decision-layer",
    "warning",
    scope="document",
    watch_design=True,
    title="Community governance takes operational decisions",
    rationale="""The guides draw decision boundaries: community governance sets purpose, strategy,
    the high-level budget and membership, and stays out of operations; the operational layer
    decides how strategy is carried out, allocates within its budget and settles conflicts between
    teams; cells decide how they work. When a design gives an operational or cell decision to the
    community, operations wait on votes and the two houses blur. Each decision type sits in
    exactly one layer, which the design records under design.decision_layers.""",
    source="Seed, Define Requirements: 'Decision Scope: What types of decisions need operational governance? "
    "Strategic implementation decisions; Resource allocation within operations; Process standards and protocols; "
    "Coordination between cells; Conflict resolution between teams'; multi-stakeholder guide (decision "
    "boundaries); two-house article",
    hint="Give the decision to the operational layer (or the cells), or explain in design.boundaries why not.",
)
def decision_layer(r: Rule, ctx: Context) -> Iterator[Finding]:
    guide = decision_types()
    for decision, layer in ctx.doc.design.decision_layers.items():
        expected = guide.get(decision)
        if layer == "community" and expected in ("operational", "cell"):
            yield r.at_doc(
                f"community governance decides '{decision}', which the guides give to the {expected} layer",
                "design",
                "decision_layers",
                decision,
            )
