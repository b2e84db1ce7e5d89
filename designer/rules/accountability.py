"""DP5 (accountability): the accountable-to graph — cycles, and what each approach asks of it.

* top-down: cells answer to the cells above them; a cell answering to no one, to two, or up a
  chain that never reaches a DAO is a warning.
* hybrid: each cell chooses; a chain that a cell does climb should end at the body that governs
  the network (a note: the end may be an autonomous cell by design).
* unconstrained: accountability is relaxed; only cells linked to nobody at all get a note.

A cycle is a warning when nobody in it answers to anyone outside it (double-linked circles, a
sociocratic pattern, answer both ways and are fine as long as one of them answers up).

The graph is small (one edge per cell, typically), so a
plain iterative search beats building a networkx graph on every edit.
"""

from __future__ import annotations

from collections.abc import Iterator

from designer.model.kinds import KINDS
from designer.model.primitives import AnyPrimitive, Cell
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.helpers import at_least, quoted
from designer.rules.registry import Rule, rule

_GUIDE = "implementation-guide-operational-governance.md (Governance Approach Selection)"


def _targets(ctx: Context, source: str) -> list[str]:
    """Where ``source`` answers to: existing targets of its accountable-to links, sorted by position."""
    out = {
        link.target
        for link in ctx.links_from.get(source, ())
        if link.kind == "accountable-to" and link.target != source and link.target in ctx.by_id
    }
    return sorted(out, key=ctx.pos.__getitem__)


def cycles(ctx: Context) -> list[list[str]]:
    """One cycle per strongly connected group of the accountable-to graph."""
    return [_ring(ctx, g) for g in strong_groups(ctx)]


def strong_groups(ctx: Context) -> list[set[str]]:
    """The strongly connected groups (of two or more) of the accountable-to graph (Tarjan, iterative)."""
    nodes = sorted({link.source for link in ctx.doc.links if link.kind == "accountable-to"} & ctx.pos.keys(),
                   key=ctx.pos.__getitem__)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(_targets(ctx, root)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            advanced = False
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(_targets(ctx, nxt))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
    return [set(g) for g in groups]


def _ring(ctx: Context, group: set[str]) -> list[str]:
    """A concrete cycle inside a strongly connected group, starting at its first member in file order."""
    start = min(group, key=ctx.pos.__getitem__)
    path, seen = [start], {start: 0}
    current = start
    while True:
        current = next(t for t in _targets(ctx, current) if t in group)
        if current in seen:
            ring = path[seen[current] :]
            first = min(range(len(ring)), key=lambda i: ctx.pos[ring[i]])
            return ring[first:] + ring[:first]
        seen[current] = len(path)
        path.append(current)


@rule(
    "DP550",
    "accountability-cycle",
    "warning",
    scope="document",
    watch_links=("accountable-to",),
    kinds=KINDS,
    title="Accountability cycle with no way out",
    rationale="""Accountability has to end somewhere: with the community. Groups may answer to
    each other both ways (double-linked circles do), but when every group in a cycle answers only
    to others in the cycle, none of them answers to the community, whatever the chart looks
    like.""",
    source="Seed, Three-Layer Structure: 'Community Interface Layer: The mechanisms by which operational "
    "governance receives direction, resources, and accountability oversight from community governance'",
    hint="Link one group of the cycle to the DAO (or the body it answers to), or remove a link.",
)
def accountability_cycle(r: Rule, ctx: Context) -> Iterator[Finding]:
    for group in strong_groups(ctx):
        if any(t not in group for member in group for t in _targets(ctx, member)):
            continue
        ring = _ring(ctx, group)
        yield r.at(ctx, ring[0], "accountability cycle with no link out of it: " + " → ".join([*ring, ring[0]]))


def _chain_end(ctx: Context, start: str, memo: dict[str, str | None]) -> str | None:
    """Follow the first accountable-to target from ``start``; the id where the chain stops, or
    None on a cycle (reported by DP550)."""
    path: list[str] = []
    seen: set[str] = set()
    current = start
    end: str | None
    while True:
        if current in memo:
            end = memo[current]
            break
        if current in seen:
            end = None
            break
        seen.add(current)
        path.append(current)
        targets = _targets(ctx, current)
        if not targets or ctx.by_id[current].kind == "dao":
            end = current
            break
        current = targets[0]
    for node in path:
        memo[node] = end
    return end


@rule(
    "DP551",
    "top-down-tree",
    "warning",
    scope="document",
    approaches=("top-down",),
    kinds=KINDS,
    watch_fields=("phase",),
    watch_links=("accountable-to",),
    title="Top-down design with a cell outside the hierarchy",
    rationale="""The top-down approach builds hierarchies of cells that answer to the cells above
    them, like an org chart. A cell that answers to no one, answers to two, or sits on a chain that
    never reaches the DAO is outside that hierarchy. Checked from formation on.""",
    source="Seed, Governance Approach Selection: 'Highly structured top-down decision-making ... Build "
    "hierarchies of cells that answer to cells above them - Could resemble a traditional corporate org chart'",
    hint="Give each cell one accountable-to link, to the cell or DAO above it.",
)
def top_down_tree(r: Rule, ctx: Context) -> Iterator[Finding]:
    memo: dict[str, str | None] = {}
    for cell in ctx.of_kind("cell"):
        if not at_least(cell.phase, "formation") or cell.phase == "completion":
            continue
        targets = _targets(ctx, cell.id)
        if not targets:
            yield r.at(ctx, cell.id, "answers to no one; in a top-down design every cell has one accountable-to link")
            continue
        if len(targets) > 1:
            yield r.at(ctx, cell.id, f"answers to {len(targets)} parents ({quoted(targets)}); a tree has one")
            continue
        end = _chain_end(ctx, cell.id, memo)
        if end is not None and ctx.by_id[end].kind != "dao":
            yield r.at(ctx, cell.id, f"its chain of accountability stops at '{end}' without reaching a DAO")


@rule(
    "DP552",
    "hybrid-chain",
    "info",
    scope="document",
    approaches=("hybrid",),
    kinds=KINDS,
    watch_fields=("stakeholder_group", "top_level"),
    watch_links=("accountable-to",),
    title="Accountability chain that stops short of a DAO",
    rationale="""In a hybrid design each cell chooses how much structure it takes on: it may
    stand alone, or answer to another cell. But a chain of cells answering to each other must end
    at the body that governs the network: the DAO, or in a multi-stakeholder network its
    stakeholder group. If it stops at a cell that answers to no one, the whole branch is
    unaccountable while looking accountable. The seed lets a hybrid design give some cells more
    autonomy, so a chain ending at an autonomous cell may be a choice: a note, not a warning. A
    chain that stops at the top-level cell is left to DP502, which asks that cell to answer to
    the DAO.""",
    source="Seed, Three-Layer Structure: 'creates clear boundaries between community stewardship and "
    "operational execution while maintaining accountability relationships'; multi-stakeholder guide "
    "(stakeholder group over the top-level cell)",
    hint="Link the last cell of the chain to the DAO (or the stakeholder group), or drop the chain.",
)
def hybrid_chain(r: Rule, ctx: Context) -> Iterator[Finding]:
    memo: dict[str, str | None] = {}
    for cell in ctx.of_kind("cell"):
        if not _targets(ctx, cell.id):
            continue
        end = _chain_end(ctx, cell.id, memo)
        if end is not None and not _governing_body(ctx.by_id[end]) and not getattr(ctx.by_id[end], "top_level", False):
            yield r.at(ctx, cell.id, f"answers up a chain that stops at '{end}' without reaching a DAO")


def _governing_body(p: AnyPrimitive) -> bool:
    """Where an accountability chain may end: a DAO, or a multi-stakeholder network's stakeholder group."""
    return p.kind == "dao" or (isinstance(p, Cell) and p.stakeholder_group)


@rule(
    "DP553",
    "isolated-cell",
    "info",
    kinds=("cell",),
    approaches=("unconstrained",),
    title="Cell linked to nothing",
    rationale="""Unconstrained networks drop formal accountability, but cells still coordinate
    with each other; that is what makes them a network. A cell with no link of any kind is
    invisible to the rest of it.""",
    source="Seed, Governance Approach Selection: 'Free-forming of cells that coordinate without constraints "
    "from the larger network' (a note: coordination shows as links)",
    hint="Add a coordinates-with, partners-with or funds link.",
)
def isolated_cell(r: Rule, p: Cell, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    if not any(link.source != link.target for link in ctx.links_of(p.id)):
        found.append(r.at(ctx, p.id, "has no links to any other primitive"))
    return found
