"""Graphviz DOT: clusters for containment, one rank band per scale, an edge style per link kind.

The DOT text is the single source for the SVG, PNG and PDF exports (``graphviz_run``). Every
label is reduced to one bounded line of text (``labels.label``) and then quoted with DOT's own
escapes, so no name can end a string, start an attribute or smuggle a record-label field.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from designer.export.labels import label, money, share, wrapped
from designer.export.registry import Exporter, register
from designer.export.tree import Tree
from designer.model.document import Document
from designer.model.kinds import SCALES
from designer.model.links import Link
from designer.model.primitives import AnyPrimitive

FONT = "Helvetica"

NODE_STYLES: Mapping[str, Mapping[str, str]] = {
    "dao": {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#dbe7f6", "color": "#3b5b92"},
    "cell": {"shape": "box", "style": "rounded,filled", "fillcolor": "#e2f1e5", "color": "#3c7d4a"},
    "role": {"shape": "ellipse", "style": "filled", "fillcolor": "#fff3d1", "color": "#a07a14"},
    "task": {"shape": "note", "style": "filled", "fillcolor": "#f2f2f2", "color": "#707070"},
    "partner": {"shape": "box", "style": "rounded,dashed,filled", "fillcolor": "#f3e8f8", "color": "#7d4a91"},
}
CLUSTER_STYLES: Mapping[str, Mapping[str, str]] = {
    "dao": {"style": "rounded", "color": "#3b5b92", "penwidth": "1.5"},
    "cell": {"style": "rounded,dashed", "color": "#3c7d4a"},
}
LINK_STYLES: Mapping[str, Mapping[str, str]] = {
    "accountable-to": {"style": "solid", "color": "#3b5b92", "arrowhead": "normal"},
    "coordinates-with": {
        "style": "dashed",
        "color": "#2a8a80",
        "dir": "both",
        "arrowhead": "open",
        "arrowtail": "open",
    },
    "partners-with": {"style": "dotted", "color": "#7d4a91", "dir": "none", "penwidth": "1.5"},
    "funds": {"style": "bold", "color": "#2f8f3a", "arrowhead": "normal"},
    "uses-role": {"style": "dashed", "color": "#8a8a8a", "arrowhead": "odot"},
}
"""One look per link kind; the Mermaid export and the canvas legend follow the same scheme."""
LINK_WORDS: Mapping[str, str] = {
    "accountable-to": "accountable to",
    "coordinates-with": "coordinates with",
    "partners-with": "partners with",
    "funds": "funds",
    "uses-role": "uses role",
}
LANE_GAP = 3
"""Ranks between two scale bands: one for the band, one for roles, one for tasks."""


def quote(text: str) -> str:
    """A DOT double-quoted string. Backslashes are doubled so that ``\\N``, ``\\G`` and ``\\l``
    in a name stay literal text instead of Graphviz escapes."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def label_text(lines: list[str]) -> str:
    """Lines joined with DOT's centred line break, each line already safe text."""
    return "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)


def attrs(values: Mapping[str, str], raw_label: str | None = None, label_key: str = "label") -> str:
    parts = [f"{k}={quote(v)}" for k, v in values.items()]
    if raw_label is not None:
        parts.insert(0, f'{label_key}="{raw_label}"')
    return "[" + ", ".join(parts) + "]"


def amount_text(link: Link) -> str:
    if link.amount is None:
        return share(link.percent, label(link.basis, 30) if link.basis else None, link.period) if link.percent else ""
    return money(link.amount, label(link.currency, 12) if link.currency else None, link.period)


def link_caption(link: Link) -> str:
    """The words drawn on an edge: its kind, its amount for funding, its own label if any."""
    words = LINK_WORDS[link.kind]
    if link.kind == "funds" and (link.amount is not None or link.percent):
        words = f"funds {amount_text(link)}"
    if link.label:
        words = f"{words}: {label(link.label, 40)}"
    return words


def node_lines(p: AnyPrimitive) -> list[str]:
    phase = getattr(p, "phase", None)
    sub = p.kind if phase is None else f"{p.kind} · {phase}"
    return [*wrapped(p.name), sub]


def cluster_id(p: AnyPrimitive) -> str:
    return f"cluster_{p.id}"


class _DotWriter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tree = Tree.of(doc)
        self.out: list[str] = []
        self.clustered = {
            pid for pid, kids in self.tree.children.items() if kids and self.tree.by_id[pid].kind in CLUSTER_STYLES
        }

    def render(self) -> str:
        org = self.doc.organization
        self.out += [
            f"digraph {quote('dao-designer')} {{",
            f"  graph [label={quote(label(org.name))}, labelloc=t, fontname={quote(FONT)}, fontsize=16,"
            " compound=true, newrank=true, rankdir=TB, nodesep=0.35, ranksep=0.45, forcelabels=true];",
            f'  node [fontname={quote(FONT)}, fontsize=11, margin="0.12,0.06"];',
            f"  edge [fontname={quote(FONT)}, fontsize=9];",
        ]
        self._lanes()
        self._containment()
        self._rank_bands()
        self._task_edges()
        self._links()
        self.out.append("}")
        return "\n".join(self.out) + "\n"

    def _used_scales(self) -> list[str]:
        used = {getattr(p, "scale", None) for p in self.doc.primitives}
        return [s for s in SCALES if s in used]

    def _lanes(self) -> None:
        scales = self._used_scales()
        if not scales:
            return
        self.out.append("  // scale bands, top to bottom; invisible anchors that order the ranks")
        for s in scales:
            self.out.append(f'  {quote("lane:" + s)} [shape=point, style=invis, width=0, height=0, label=""];')
        for upper, lower in pairwise(scales):
            self.out.append(f"  {quote('lane:' + upper)} -> {quote('lane:' + lower)} [style=invis, minlen={LANE_GAP}];")

    def _node(self, p: AnyPrimitive, indent: str) -> None:
        self.out.append(f"{indent}{quote(p.id)} {attrs(NODE_STYLES[p.kind], label_text(node_lines(p)))};")

    def _containment(self) -> None:
        """Nodes inside nested clusters, written with an explicit stack (no recursion)."""
        self.out.append("  // primitives; a DAO or cell that contains others is drawn as a cluster")
        stack: list[tuple[AnyPrimitive, int, bool]] = [(p, 1, False) for p in reversed(self.tree.roots)]
        while stack:
            p, depth, closing = stack.pop()
            indent = "  " * depth
            if closing:
                self.out.append(f"{indent}}}")
                continue
            if p.id not in self.clustered:
                self._node(p, indent)
                # A role's tasks sit beside it, in the same cluster.
                stack.extend((c, depth, False) for c in reversed(self.tree.children[p.id]))
                continue
            style = CLUSTER_STYLES[p.kind]
            self.out.append(f"{indent}subgraph {quote(cluster_id(p))} {{")
            self.out.append(f"{indent}  graph {attrs(style, '')};")
            self._node(p, indent + "  ")
            stack.append((p, depth, True))
            stack.extend((c, depth + 1, False) for c in reversed(self.tree.children[p.id]))
        # Keep each container's own node above what it holds.
        # Cells and partners have a scale band of their own.
        for p in self.doc.primitives:
            parent = self.tree.by_id.get(p.parent) if p.parent else None
            if parent is not None and p.kind in ("role", "task") and parent.kind in ("dao", "cell"):
                self.out.append(f"  {quote(parent.id)} -> {quote(p.id)} [style=invis];")

    def _rank_bands(self) -> None:
        bands: dict[str, list[str]] = {}
        for p in self.doc.primitives:
            scale = getattr(p, "scale", None)
            if scale is not None:
                bands.setdefault(scale, []).append(p.id)
        for s in self._used_scales():
            members = "; ".join(quote(i) for i in ["lane:" + s, *bands[s]])
            self.out.append(f"  {{ rank=same; {members}; }}")

    def _task_edges(self) -> None:
        for p in self.doc.primitives:
            if p.kind == "task" and p.parent is not None:
                parent = self.tree.by_id[p.parent]
                if parent.kind in ("role", "task"):
                    self.out.append(f'  {quote(parent.id)} -> {quote(p.id)} [color="#9a9a9a", arrowhead=none];')

    def _inside(self, inner: str, outer: str) -> bool:
        return any(a.id == outer for a in self.tree.ancestors(self.tree.by_id[inner]))

    def _links(self) -> None:
        if self.doc.links:
            self.out.append("  // links, styled by kind")
        for link in self.doc.links:
            style = dict(LINK_STYLES[link.kind])
            src, dst = link.source, link.target
            if src in self.clustered and not self._inside(dst, src):
                style["ltail"] = f"cluster_{src}"
            if dst in self.clustered and not self._inside(src, dst):
                style["lhead"] = f"cluster_{dst}"
            if link.kind in ("partners-with", "coordinates-with", "uses-role"):
                style["constraint"] = "false"
            caption = label_text([link_caption(link)])
            # An edge within one scale band runs between nodes of the same rank; a plain label on
            # such an edge makes dot's spline router give up with a warning, so it gets an
            # external label, placed after layout.
            key = "xlabel" if self._lane(src) == self._lane(dst) else "label"
            self.out.append(f"  {quote(src)} -> {quote(dst)} {attrs(style, caption, key)};")

    def _lane(self, primitive_id: str) -> str | None:
        """The scale band a primitive is drawn in: its own scale, or its nearest container's."""
        p = self.tree.by_id.get(primitive_id)
        while p is not None:
            scale = getattr(p, "scale", None)
            if scale is not None:
                return str(scale)
            p = self.tree.by_id.get(p.parent) if p.parent else None
        return None


def to_dot(doc: Document) -> str:
    """The DOT text of a document: same document, same text."""
    return _DotWriter(doc).render()


register(Exporter("dot", "Graphviz DOT source (clusters for containment, ranks by scale)", ".dot", to_dot))
