"""Networks (projects) inside one document, and the cells that are members of a DAO.

A document may hold several networks. No field declares them: each ``dao`` primitive, whether a
DAO or a legal entity (``entity: legal-entity``), anchors a network, and so does a stakeholder
group that sits at the top (no parent), as in the multi-stakeholder pattern with no DAO above it.
Every other primitive belongs to the network of its nearest anchor above it. Primitives with no
anchor above them (partners listed at the top, say) form one more network without an anchor
(``anchor`` None), which is also what a file of loose cells amounts to. A DAO nested in another
anchors its own network, whose ``parent_network`` is the outer one. So "one top-level cell and
one stakeholder group per network" is checked per :class:`Network`, not per document.

A DAO's ``members`` are free strings; one that names a cell makes that cell a member, as
``holders`` may name cells (:func:`member_cells`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Network:
    """One network: its anchor and every primitive in it, in file order."""

    anchor: str | None
    parent_network: str | None
    members: tuple[str, ...]
    top_level_cells: tuple[str, ...]
    stakeholder_groups: tuple[str, ...]


def is_anchor(primitive: Any) -> bool:
    """Whether a primitive anchors a network: a DAO or legal entity, or a top stakeholder group."""
    kind = getattr(primitive, "kind", None)
    return kind == "dao" or (
        kind == "cell" and bool(primitive.stakeholder_group) and primitive.parent is None
    )


def network_anchors(primitives: Iterable[Any]) -> dict[str, str | None]:
    """For every primitive id, the id of the primitive anchoring its network (an anchor anchors
    its own), or None. Linear in the document's size. The rules also run on documents being
    edited, whose containment may loop: a walk that comes back on itself ends there, unanchored."""
    prims = list(primitives)
    parent = {p.id: p.parent for p in prims}
    anchors = {p.id for p in prims if is_anchor(p)}
    out: dict[str, str | None] = {}
    for p in prims:
        walk: list[str] = []
        seen: set[str] = set()
        current: str | None = p.id
        while current is not None and current not in out:
            if current in anchors:
                out[current] = current
                break
            if current in seen:  # a containment cycle
                current = None
                break
            walk.append(current)
            seen.add(current)
            current = parent.get(current)
        anchor = out.get(current) if current is not None else None
        for node in walk:
            out[node] = anchor
    return out


def networks(primitives: Iterable[Any]) -> list[Network]:
    """Every network of a document: anchored ones in the order of their anchors, the unanchored
    one (if any primitive has no anchor above it) last."""
    prims = list(primitives)
    anchors = network_anchors(prims)
    by_id = {p.id: p for p in prims}
    groups: dict[str | None, list[Any]] = {p.id: [] for p in prims if is_anchor(p)}
    for p in prims:
        groups.setdefault(anchors[p.id], []).append(p)
    out: list[Network] = []
    for anchor, members in groups.items():
        outer = by_id[anchor].parent if anchor is not None else None
        out.append(
            Network(
                anchor=anchor,
                parent_network=anchors.get(outer) if outer is not None else None,
                members=tuple(p.id for p in members),
                top_level_cells=tuple(p.id for p in members if p.kind == "cell" and p.top_level),
                stakeholder_groups=tuple(p.id for p in members if p.kind == "cell" and p.stakeholder_group),
            )
        )
    return out


def member_cells(primitive: Any, by_id: Mapping[str, Any]) -> list[str]:
    """Ids of the cells among a primitive's ``members`` (a DAO's member cells), in order."""
    return [m for m in getattr(primitive, "members", ()) if getattr(by_id.get(m), "kind", None) == "cell"]


def is_legal_entity(primitive: Any) -> bool:
    """Whether a ``dao`` primitive is a legal entity anchoring a network in a DAO's place."""
    return getattr(primitive, "entity", None) == "legal-entity"
