"""Indexes the rules share, built once per full run and patched in place after an edit.

Rules never scan the whole document for something local: they ask for a primitive's children,
container or links here, each a dictionary lookup. The incremental engine patches these indexes
for the changed ids only (:meth:`Context.apply`), so an edit costs what it touches.

Orders: ``children`` lists and ``of_kind`` follow the document order. The lists of links at a
primitive do not (an edit appends); rules that print several link ends sort them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from designer.framework.settings import Settings
from designer.model.document import Document
from designer.model.kinds import KINDS, SCALED_KINDS, Approach, Kind, Phase
from designer.model.links import Link
from designer.model.networks import network_anchors
from designer.model.primitives import AnyPrimitive

LinkKey = tuple[str, str, str]
"""A link's identity, ``(from, to, kind)``: unique in a whole document. (Links compare equal by
value but do not hash by value, so they are never used as dictionary keys themselves.)"""


@dataclass
class Delta:
    """What :meth:`Context.apply` changed: old and new versions of the changed primitives and links."""

    old: dict[str, AnyPrimitive | None]
    new: dict[str, AnyPrimitive | None]
    old_links: dict[LinkKey, Link] = field(default_factory=dict)
    new_links: dict[LinkKey, Link] = field(default_factory=dict)
    positions_moved: bool = False
    links_moved: bool = False

    @property
    def link_kinds(self) -> set[str]:
        """Kinds of the links that were added, removed or edited."""
        kinds = set()
        for key in self.old_links.keys() | self.new_links.keys():
            before, after = self.old_links.get(key), self.new_links.get(key)
            if before is None or after is None or before != after:
                kinds.add(key[2])
        return kinds


class Context:
    """One document's indexes, settings, approach and date, as the rules see them."""

    def __init__(self, doc: Document, settings: Settings, today: date) -> None:
        self.settings = settings
        self.today = today
        self.doc = doc
        self.approach: Approach = doc.organization.approach
        self.by_id: dict[str, AnyPrimitive] = {}
        self.pos: dict[str, int] = {}
        self.children: dict[str | None, list[str]] = {}
        self.links_from: dict[str, list[Link]] = {}
        self.links_to: dict[str, list[Link]] = {}
        self.kind_ids: dict[Kind, set[str]] = {}
        self._kind_order: dict[Kind, list[str]] = {}
        self._link_pos: dict[LinkKey, int] | None = None
        self._anchors: tuple[Document, dict[str, str | None]] | None = None
        self._build(doc)

    # --- building ------------------------------------------------------------------------

    def _build(self, doc: Document) -> None:
        by_id: dict[str, AnyPrimitive] = {}
        pos: dict[str, int] = {}
        children: dict[str | None, list[str]] = {}
        kind_ids: dict[Kind, set[str]] = {k: set() for k in KINDS}
        for i, p in enumerate(doc.primitives):
            pid, parent = p.id, p.parent
            by_id[pid] = p
            pos[pid] = i
            bucket = children.get(parent)
            if bucket is None:
                children[parent] = [pid]
            else:
                bucket.append(pid)
            kind_ids[p.kind].add(pid)
        self.by_id, self.pos = by_id, pos
        self.children = children
        self.kind_ids = kind_ids
        self._kind_order = {}
        self.links_from, self.links_to = {}, {}
        for link in doc.links:
            self._add_link(link)
        self._link_pos = None

    def _add_link(self, link: Link) -> None:
        self.links_from.setdefault(link.source, []).append(link)
        self.links_to.setdefault(link.target, []).append(link)

    def _drop_link(self, link: Link) -> None:
        for index, end in ((self.links_from, link.source), (self.links_to, link.target)):
            bucket = index.get(end)
            if bucket is not None and link in bucket:
                bucket.remove(link)
                if not bucket:
                    del index[end]

    # --- patching after an edit ------------------------------------------------------------

    def apply(self, doc: Document, changed: Iterable[str]) -> Delta:
        """Bring the indexes from the previous document to ``doc``, given every changed id.

        ``changed`` must name each primitive that was added, removed, edited or moved, and both
        ends of each link that was added, removed or edited.
        """
        changed = set(changed)
        prims = doc.primitives
        old = {c: self.by_id.get(c) for c in changed}
        in_place = len(prims) == len(self.doc.primitives) and all(
            c in self.pos and prims[self.pos[c]].id == c for c in changed
        )
        if in_place:
            for c in changed:
                self.by_id[c] = prims[self.pos[c]]
        else:
            self.by_id = {p.id: p for p in prims}
            self.pos = {p.id: i for i, p in enumerate(prims)}
            self._kind_order = {}
        new = {c: self.by_id.get(c) for c in changed}

        touched: set[str | None] = set()
        for c in changed:
            before, after = old[c], new[c]
            if before is not None and (after is None or after.parent != before.parent or not in_place):
                bucket = self.children.get(before.parent)
                if bucket is not None and c in bucket:
                    bucket.remove(c)
                touched.add(before.parent)
            if after is not None and (before is None or after.parent != before.parent or not in_place):
                self.children.setdefault(after.parent, []).append(c)
                touched.add(after.parent)
            if before is not None and (after is None or after.kind != before.kind):
                self.kind_ids[before.kind].discard(c)
                self._kind_order.pop(before.kind, None)
            if after is not None and (before is None or after.kind != before.kind):
                self.kind_ids.setdefault(after.kind, set()).add(c)
                self._kind_order.pop(after.kind, None)
        for parent in touched:
            bucket = self.children.get(parent)
            if bucket is not None:
                if bucket:
                    bucket.sort(key=self.pos.__getitem__)
                else:
                    del self.children[parent]

        delta = Delta(old, new, positions_moved=not in_place)
        if doc.links is not self.doc.links:
            for c in changed:
                for link in self.links_of(c):
                    delta.old_links[link.key] = link
            delta.new_links = {
                link.key: link for link in doc.links if link.source in changed or link.target in changed
            }
            for link in delta.old_links.values():
                self._drop_link(link)
            for link in delta.new_links.values():
                self._add_link(link)
            delta.links_moved = True  # positions may have shifted; link findings are re-pointed (few)
            self._link_pos = None
        self.doc = doc
        return delta

    # --- questions the rules ask -------------------------------------------------------------

    def get(self, primitive_id: str | None) -> AnyPrimitive | None:
        return self.by_id.get(primitive_id) if primitive_id is not None else None

    def kids(self, primitive_id: str | None) -> list[AnyPrimitive]:
        """Direct children in document order; ``None`` gives the primitives at the top."""
        by_id = self.by_id
        return [by_id[c] for c in self.children.get(primitive_id, ())]

    def container(self, p: AnyPrimitive) -> AnyPrimitive | None:
        """The nearest DAO, cell or partner above ``p`` (through roles and tasks)."""
        current = self.get(p.parent)
        steps = 0
        while current is not None and current.kind not in SCALED_KINDS and steps < len(self.by_id):
            current = self.get(current.parent)
            steps += 1
        return current

    def upchain(self, primitive_id: str) -> list[str]:
        """Ancestors of ``primitive_id`` up to and including the nearest DAO, cell or partner."""
        out: list[str] = []
        current = self.get(self.by_id[primitive_id].parent) if primitive_id in self.by_id else None
        while current is not None and len(out) <= len(self.by_id):
            out.append(current.id)
            if current.kind in SCALED_KINDS:
                break
            current = self.get(current.parent)
        return out

    def downtree(self, primitive_id: str) -> list[str]:
        """Children, and below them everything reached through roles and tasks only."""
        out: list[str] = []
        first = self.children.get(primitive_id)
        if not first:
            return out
        by_id, children, limit = self.by_id, self.children, len(self.by_id)
        stack = list(first)
        while stack and len(out) <= limit:  # the limit only matters for a containment cycle
            c = stack.pop()
            out.append(c)
            child = by_id.get(c)
            if child is not None and child.kind not in SCALED_KINDS:
                below = children.get(c)
                if below:
                    stack.extend(below)
        return out

    def links_of(self, primitive_id: str) -> list[Link]:
        return [*self.links_from.get(primitive_id, ()), *self.links_to.get(primitive_id, ())]

    def neighbourhood(self, primitive_id: str) -> set[str]:
        """Every primitive whose primitive-scope rules may read ``primitive_id`` (see the registry)."""
        area = {primitive_id, *self.upchain(primitive_id), *self.downtree(primitive_id)}
        for link in self.links_from.get(primitive_id, ()):
            area.add(link.target)
        for link in self.links_to.get(primitive_id, ()):
            area.add(link.source)
        return area

    def effective_phase(self, p: AnyPrimitive) -> Phase | None:
        """A primitive's own phase, or the phase of the group it works in."""
        if p.phase is not None:
            return p.phase
        holder = self.container(p)
        return holder.phase if holder is not None else None

    def of_kind(self, kind: Kind) -> list[AnyPrimitive]:
        """Every primitive of ``kind``, in document order."""
        order = self._kind_order.get(kind)
        if order is None:
            order = sorted(self.kind_ids.get(kind, ()), key=self.pos.__getitem__)
            self._kind_order[kind] = order
        by_id = self.by_id
        return [by_id[i] for i in order]

    def network_anchors(self) -> dict[str, str | None]:
        """Each primitive's network anchor (designer.model.networks), computed once per document."""
        if self._anchors is None or self._anchors[0] is not self.doc:
            self._anchors = (self.doc, network_anchors(self.doc.primitives))
        return self._anchors[1]

    def link_position(self, link: Link) -> int:
        """Index of ``link`` in the document's list (built on first use after each links edit)."""
        if self._link_pos is None:
            self._link_pos = {}
            for i, item in enumerate(self.doc.links):
                self._link_pos.setdefault(item.key, i)
        return self._link_pos.get(link.key, -1)
