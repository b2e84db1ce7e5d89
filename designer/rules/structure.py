"""DP5 (structure): DAOs and their cells, the link to community governance, layers, names.

The accountability graph itself (cycles, the approaches' trees) lives in ``accountability.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from designer.framework.decisions import decision_types
from designer.model.kinds import SCALED_KINDS, Kind
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
    "warning",
    kinds=("dao",),
    title="DAO with fewer than two cells",
    rationale="""A DAO is the container that lets many small teams work under shared governance.
    With a single team (or none) the DAO's machinery costs more than it gives; the framework
    advises against a DAO when one team suffices.""",
    source="data/concepts/daos.md",
    hint="Add the cells the DAO coordinates, or model the group as a cell (setting: dao_min_cells).",
)
def dao_few_cells(r: Rule, p: Dao, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    floor = ctx.settings.integer("dao_min_cells")
    n = sum(1 for c in ctx.kids(p.id) if c.kind == "cell")
    if n < floor:
        found.append(r.at(ctx, p.id, f"contains {n} cell{'s' if n != 1 else ''}; a DAO coordinates at least {floor}"))
    return found


def _answers_to(cell: AnyPrimitive, dao: Dao, ctx: Context) -> bool:
    return any(link.kind == "accountable-to" and link.source == cell.id for link in ctx.links_to.get(dao.id, ()))


@rule(
    "DP502",
    "operational-link",
    "error",
    kinds=("dao",),
    approaches=("top-down", "hybrid"),
    title="Operations not answerable to community governance",
    rationale="""The operational structure connects to community governance either through one
    top-level cell that takes its instructions, or through each functional area (each cell
    directly inside the DAO) answering on its own. Either way there must be an accountable-to
    link to the DAO; otherwise operations spend the community's resources with no line back. The
    unconstrained approach relaxes this.""",
    source=_OPS + " (Community-Operational Boundary Design)",
    hint="Add an accountable-to link from the cell to the DAO.",
)
def operational_link(r: Rule, p: Dao, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    cells = [c for c in ctx.kids(p.id) if c.kind == "cell" and not getattr(c, "stakeholder_group", False)]
    top = [c for c in cells if getattr(c, "top_level", False)]
    for c in top or cells:
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
    source=_OPS,
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
    "warning",
    kinds=_CONTAINERS,
    title="Two primitives with the same name in one container",
    rationale="""Names are how people talk about the structure: two cells called "Treasury" in
    the same DAO make every conversation, export and vote ambiguous. Ids stay unique regardless;
    this is about what readers see. Names compare without case and extra spaces.""",
    source="This project (exports and diagrams label primitives by name)",
    hint="Rename one of them.",
)
def duplicate_name(r: Rule, p: AnyPrimitive, ctx: Context) -> list[Finding]:
    kids = ctx.children.get(p.id)
    if kids is None or len(kids) < 2:
        return []
    return [
        r.at(ctx, item.id, f"has the same name as '{seen.id}' in '{p.id}': '{item.name}'", "name")
        for item, seen in _duplicates(ctx.kids(p.id))
    ]


@rule(
    "DP505",
    "duplicate-top-name",
    "warning",
    scope="document",
    kinds=("dao", "cell", "role", "task", "partner"),
    watch_fields=("name", "parent"),
    title="Two top-level primitives with the same name",
    rationale="""The same as DP504 for primitives that sit in no container (the DAOs at the top
    of the canvas and free-standing partners).""",
    source="This project (exports and diagrams label primitives by name)",
    hint="Rename one of them.",
)
def duplicate_top_name(r: Rule, ctx: Context) -> Iterator[Finding]:
    for item, seen in _duplicates(ctx.kids(None)):
        yield r.at(ctx, item.id, f"has the same name as '{seen.id}' at the top level: '{item.name}'", "name")


@rule(
    "DP506",
    "missing-layer",
    "warning",
    scope="document",
    kinds=("dao", "cell"),
    watch_fields=("scale", "top_level", "stakeholder_group"),
    watch_design=True,
    title="Design missing a governance layer or its approval",
    rationale="""The guides build governance in three layers: community governance (a DAO at
    constituency scale; in a multi-stakeholder network, the stakeholder group of member
    organizations), operational coordination (a top-level or coordination-scale cell), and
    autonomous cells at collaboration scale, and they end the design step with an approval by the
    community. A missing layer is either a gap or a choice worth writing down.""",
    source="implementation guides (operational, community, multi-stakeholder)",
    hint="Add the layer, or record the design's approval under design.approval.",
)
def missing_layer(r: Rule, ctx: Context) -> Iterator[Finding]:
    cells = [c for c in ctx.of_kind("cell") if isinstance(c, Cell)]
    daos = ctx.of_kind("dao")
    if not cells and not daos:
        return
    if not daos and not any(c.stakeholder_group for c in cells):
        yield r.at_doc("the design has no DAO for community governance", "primitives")
    if not any(getattr(c, "top_level", False) or c.scale == "coordination" for c in cells):
        yield r.at_doc("the design has no operational layer (a top-level or coordination-scale cell)", "primitives")
    if not any(c.scale == "collaboration" and not getattr(c, "stakeholder_group", False) for c in cells):
        yield r.at_doc("the design has no collaboration-scale cells", "primitives")
    approval = ctx.doc.design.approval
    if not (filled(approval.by) or filled(approval.reference)):
        yield r.at_doc("the design has no approval record", "design", "approval")


def _operational(p: Cell, ctx: Context) -> bool:
    return (
        not p.stakeholder_group
        and p.scale in ("coordination", "collaboration")
        and at_least(p.phase, "formation")
        and p.phase != "completion"
    )


@rule(
    "DP507",
    "cell-domain",
    "warning",
    kinds=("cell",),
    title="Operational cell without a domain",
    rationale="""In operational governance each team gets an explicit domain: the area it
    decides on without asking. Without one, autonomy collides with other cells' and nobody can
    tell whose call a decision is. Checked from formation on, when boundaries are drawn.""",
    source="data/resources/patterns/operational-governance.md",
    hint="Fill state.purpose.domain.",
)
def cell_domain(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if _operational(p, ctx) and not filled(p.state.purpose.domain):
        found.append(r.at(ctx, p.id, "declares no domain", "state", "purpose"))
    return found


@rule(
    "DP508",
    "cell-budget",
    "warning",
    kinds=("cell",),
    approaches=("top-down", "hybrid"),
    title="Operational cell without a budget",
    rationale="""Operational governance gives each team a budget along with its domain and
    authority, so it can act without asking for every expense. Free-forming cells in an
    unconstrained network find their own resources, so the rule does not apply there.""",
    source="data/resources/patterns/operational-governance.md",
    hint="Fill state.practice.budget (amount, currency, period).",
)
def cell_budget(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if _operational(p, ctx) and p.state.practice.budget.amount is None:
        found.append(r.at(ctx, p.id, "declares no budget", "state", "practice"))
    return found


@rule(
    "DP509",
    "escalation-missing",
    "warning",
    kinds=("cell",),
    approaches=("top-down", "hybrid"),
    title="No escalation protocol",
    rationale="""Teams with their own domains will disagree at the edges. Operational governance
    settles this with an escalation protocol, either the cell's own or one set by the group it
    sits in.""",
    source="data/resources/patterns/operational-governance.md",
    hint="Describe it under state.practice.decision_making.escalation, here or in the container.",
)
def escalation_missing(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not _operational(p, ctx) or filled(p.state.practice.decision_making.escalation):
        return found
    holder = ctx.container(p)
    if holder is not None and holder.kind in SCALED_KINDS and holder.kind != "partner":
        practice = getattr(holder.state, "practice", None)
        if practice is not None and filled(practice.decision_making.escalation):
            return found
    found.append(r.at(ctx, p.id, "has no escalation protocol, and neither does its container", "state", "practice"))
    return found


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
    source="operational guide (decision scope), multi-stakeholder guide (decision boundaries), two-house article",
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
