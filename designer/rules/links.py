"""DP7: links whose ends are missing or the same primitive.

Files are checked for missing ends on load; these rules also guard documents that other tools
build in memory, and the app while an edit is half done.
"""

from __future__ import annotations

from collections.abc import Iterator

from designer.model.links import Link
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.registry import Rule, rule


@rule(
    "DP701",
    "dangling-link",
    "error",
    scope="link",
    title="Link to a primitive that does not exist",
    rationale="""A link with a missing end draws nothing and means nothing, yet exports would
    still carry it (a funding flow to nobody). It usually follows a deletion or a mistyped id.""",
    source="Tool check: the document is broken (state file contract, DESIGN.md §5)",
    hint="Fix the id, or delete the link.",
)
def dangling_link(r: Rule, link: Link, ctx: Context) -> Iterator[Finding]:
    for end, ref in (("from", link.source), ("to", link.target)):
        if ref not in ctx.by_id:
            yield r.at_link(ctx, link, f"{link.kind} link {end} '{ref}', which does not exist", end)


@rule(
    "DP702",
    "self-link",
    "error",
    scope="link",
    title="Link from a primitive to itself",
    rationale="""Every link kind relates two parties: accountability, coordination, funding,
    partnership, use of a shared role. A primitive cannot answer to, fund or partner with itself;
    such a link is a slip of the mouse.""",
    source="Tool check: the document is broken (every link kind relates two parties, DESIGN.md §5)",
    hint="Delete the link, or point it at the other party.",
)
def self_link(r: Rule, link: Link, ctx: Context) -> Iterator[Finding]:
    if link.source == link.target:
        yield r.at_link(ctx, link, f"{link.kind} link from '{link.source}' to itself")
