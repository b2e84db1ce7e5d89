"""Containment as a tree: children in document order, roots, depth, and walks that never recurse.

Every exporter needs the same view of ``parent`` ids. Walks use an explicit stack so that a
document nested thousands of levels deep cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from designer.model.document import Document
from designer.model.primitives import AnyPrimitive

INDENT_MAX = 8
"""Nesting levels that text exports indent; deeper levels keep this indent. DOT and Mermaid read
nesting from braces and ``end``, not from spaces, so capping keeps a document nested 10,000 deep
linear in output size (unbounded, its DOT was 400 MB for a 1 MB file)."""


def indent(depth: int) -> str:
    """Two spaces a level, up to ``INDENT_MAX`` levels."""
    return "  " * min(depth, INDENT_MAX)


@dataclass
class Tree:
    """Children of each primitive and the top-level primitives, all in document order."""

    doc: Document
    by_id: dict[str, AnyPrimitive] = field(default_factory=dict)
    children: dict[str, list[AnyPrimitive]] = field(default_factory=dict)
    roots: list[AnyPrimitive] = field(default_factory=list)
    _span: dict[str, tuple[int, int]] = field(default_factory=dict)

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

    def inside(self, inner: str, outer: str) -> bool:
        """Whether ``outer`` contains ``inner`` (at any depth; not itself), in constant time.

        Walking up ``ancestors`` costs the depth for each question, which made a 10,000-deep chain
        take seconds; the walk's entry and exit order answers every question at once."""
        if not self._span:
            self._spans()
        a, b = self._span.get(inner), self._span.get(outer)
        return a is not None and b is not None and b[0] < a[0] and a[1] <= b[1]

    def _spans(self) -> None:
        order = 0
        stack: list[tuple[AnyPrimitive, bool]] = [(p, False) for p in reversed(self.roots)]
        entry: dict[str, int] = {}
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self._span[node.id] = (entry[node.id], order)
                continue
            order += 1
            entry[node.id] = order
            stack.append((node, True))
            stack.extend((c, False) for c in reversed(self.children[node.id]))

    def top_level_cell(self) -> AnyPrimitive | None:
        """The cell marked ``top_level`` (the first, if several are)."""
        for p in self.doc.primitives:
            if p.kind == "cell" and getattr(p, "top_level", False):
                return p
        return None
