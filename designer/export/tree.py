"""Containment as a tree: children in document order, roots, depth, and walks that never recurse.

Every exporter needs the same view of ``parent`` ids. Walks use an explicit stack so that a
document nested thousands of levels deep cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from designer.model.document import Document
from designer.model.primitives import AnyPrimitive


@dataclass
class Tree:
    """Children of each primitive and the top-level primitives, all in document order."""

    doc: Document
    by_id: dict[str, AnyPrimitive] = field(default_factory=dict)
    children: dict[str, list[AnyPrimitive]] = field(default_factory=dict)
    roots: list[AnyPrimitive] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> Tree:
        tree = cls(doc)
        tree.by_id = doc.by_id()
        for p in doc.primitives:
            tree.children.setdefault(p.id, [])
        for p in doc.primitives:
            if p.parent is None or p.parent not in tree.by_id:
                tree.roots.append(p)
            else:
                tree.children[p.parent].append(p)
        return tree

    def walk(self, start: list[AnyPrimitive] | None = None) -> Iterator[tuple[AnyPrimitive, int]]:
        """Depth-first, parents before children, document order among siblings; yields (primitive, depth)."""
        stack: list[tuple[AnyPrimitive, int]] = [(p, 0) for p in reversed(self.roots if start is None else start)]
        while stack:
            node, depth = stack.pop()
            yield node, depth
            stack.extend((c, depth + 1) for c in reversed(self.children[node.id]))

    def ancestors(self, primitive: AnyPrimitive) -> list[AnyPrimitive]:
        """From the parent up to the root."""
        out: list[AnyPrimitive] = []
        current = primitive.parent
        while current is not None and current in self.by_id:
            parent = self.by_id[current]
            out.append(parent)
            current = parent.parent
        return out

    def top_level_cell(self) -> AnyPrimitive | None:
        """The cell marked ``top_level`` (the first, if several are)."""
        for p in self.doc.primitives:
            if p.kind == "cell" and getattr(p, "top_level", False):
                return p
        return None
