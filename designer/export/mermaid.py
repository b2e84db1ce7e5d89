"""Mermaid flowchart, for READMEs on code hosts that draw ``mermaid`` code blocks.

Containment is drawn as nesting only: a DAO or cell with contents becomes a subgraph that holds
the container's own node and its contents. Links always run between nodes, never from or to a
subgraph: Mermaid re-anchors an edge that ends on a subgraph onto some node inside it, and an edge
between a subgraph and something it contains then ends inside itself and is not drawn. Each link
kind has one look, as in the DOT export: an arrow form plus a ``linkStyle`` line that colours it by
index. Every label is a quoted string with Mermaid's ``#code;`` entities for the characters that
could end the string, open HTML, start a comment or close the Markdown fence around the block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from designer.export.dot import link_caption
from designer.export.labels import label
from designer.export.registry import Exporter, register
from designer.export.tree import Tree, indent
from designer.model.document import Document
from designer.model.primitives import AnyPrimitive

MERMAID_MAX_TEXT = 50_000
"""Mermaid's default ``maxTextSize``: larger diagrams are refused by the renderer."""

_ENTITY = re.compile(r"[\"#<>&`|%;\\{}\[\]()]")
SHAPES: Mapping[str, tuple[str, str]] = {
    "dao": ("[[", "]]"),
    "cell": ("(", ")"),
    "role": ("([", "])"),
    "task": ("[", "]"),
    "partner": ("{{", "}}"),
}
ARROWS: Mapping[str, str] = {
    "accountable-to": "-->",
    "coordinates-with": "<-.->",
    "partners-with": "-.-",
    "funds": "==>",
    "uses-role": "-.-o",
}
"""The line and its heads; ``LINK_STYLES`` sets colour and dash pattern (as DOT's ``LINK_STYLES``)."""
TASK_ARROW = "---"
LINK_STYLES: Mapping[str, str] = {
    "accountable-to": "stroke:#3b5b92,stroke-width:1.5px",
    "coordinates-with": "stroke:#2a8a80,stroke-width:1.5px,stroke-dasharray:6 4",
    "partners-with": "stroke:#7d4a91,stroke-width:2px,stroke-dasharray:2 3",
    "funds": "stroke:#2f8f3a,stroke-width:3px",
    "uses-role": "stroke:#8a8a8a,stroke-width:1.5px,stroke-dasharray:6 4",
    "task": "stroke:#9a9a9a,stroke-width:1px",
}
"""Solid blue accountability, dashed teal coordination, dotted purple partnership, bold green
money, dashed grey shared roles, thin grey task lines."""
CLASSES: Mapping[str, str] = {
    "dao": "fill:#dbe7f6,stroke:#3b5b92,stroke-width:2px",
    "cell": "fill:#e2f1e5,stroke:#3c7d4a",
    "role": "fill:#fff3d1,stroke:#a07a14",
    "task": "fill:#f2f2f2,stroke:#707070",
    "partner": "fill:#f3e8f8,stroke:#7d4a91,stroke-dasharray:4 3",
}
GROUP_CLASSES: Mapping[str, str] = {
    "dao": "fill:#f7f9fd,stroke:#3b5b92,stroke-width:1.5px",
    "cell": "fill:#f6fbf7,stroke:#3c7d4a,stroke-dasharray:5 4",
}
"""The boxes around a container's contents: solid for a DAO, dashed for a cell (as DOT's clusters)."""


def escape(text: str) -> str:
    """Mermaid string content: risky characters as numeric entities (``"`` is ``#34;``)."""
    return _ENTITY.sub(lambda m: f"#{ord(m.group())};", text)


def text(value: str, limit: int = 80) -> str:
    return '"' + escape(label(value, limit)) + '"'


def node_id(primitive_id: str) -> str:
    """``p_`` keeps ids clear of Mermaid keywords (``end``, ``graph``); ids never hold ``_``."""
    return "p_" + primitive_id.replace("-", "_")


def group_id(primitive_id: str) -> str:
    """The subgraph around a container; node and subgraph ids share one namespace in Mermaid."""
    return "c_" + primitive_id.replace("-", "_")


def caption(p: AnyPrimitive) -> str:
    phase = getattr(p, "phase", None)
    return f"{label(p.name)} · {p.kind}" + (f" · {phase}" if phase else "")


def _node(p: AnyPrimitive) -> str:
    left, right = SHAPES[p.kind]
    return f"{node_id(p.id)}{left}{text(caption(p), 120)}{right}"


def _indices(numbers: list[int]) -> str:
    return ",".join(str(n) for n in numbers)


def to_mermaid(doc: Document) -> str:
    """The flowchart source without a Markdown fence."""
    tree = Tree.of(doc)
    containers = {pid for pid, kids in tree.children.items() if kids and tree.by_id[pid].kind in GROUP_CLASSES}
    out = ["flowchart TB", f"  %% {escape(label(doc.organization.name))}, drawn by dao-designer"]
    stack: list[tuple[AnyPrimitive, int, bool]] = [(p, 1, False) for p in reversed(tree.roots)]
    while stack:
        p, depth, closing = stack.pop()
        pad = indent(depth)
        if closing:
            out.append(f"{pad}end")
            continue
        if p.id in containers:
            inner = indent(depth + 1)
            out += [f'{pad}subgraph {group_id(p.id)} [" "]', f"{inner}direction TB", f"{inner}{_node(p)}"]
            stack.append((p, depth, True))
            stack.extend((c, depth + 1, False) for c in reversed(tree.children[p.id]))
            continue
        out.append(f"{pad}{_node(p)}")
        stack.extend((c, depth, False) for c in reversed(tree.children[p.id]))
    # linkStyle addresses edges by their order in the source, counted from 0.
    edges: dict[str, list[int]] = {}
    count = 0
    for p in doc.primitives:
        if p.kind == "task" and p.parent is not None and tree.by_id[p.parent].kind in ("role", "task"):
            out.append(f"  {node_id(p.parent)} {TASK_ARROW} {node_id(p.id)}")
            edges.setdefault("task", []).append(count)
            count += 1
    for link in doc.links:
        words = '"' + escape(link_caption(link)) + '"'
        out.append(f"  {node_id(link.source)} {ARROWS[link.kind]}|{words}| {node_id(link.target)}")
        edges.setdefault(link.kind, []).append(count)
        count += 1
    for kind, style in LINK_STYLES.items():
        if edges.get(kind):
            out.append(f"  linkStyle {_indices(edges[kind])} {style}")
    for kind, style in CLASSES.items():
        members = [node_id(p.id) for p in doc.primitives if p.kind == kind]
        if members:
            out += [f"  classDef {kind} {style}", f"  class {','.join(members)} {kind}"]
    for kind, style in GROUP_CLASSES.items():
        groups = [group_id(p.id) for p in doc.primitives if p.kind == kind and p.id in containers]
        if groups:
            out += [f"  classDef {kind}-group {style}", f"  class {','.join(groups)} {kind}-group"]
    return "\n".join(out) + "\n"


register(Exporter("mermaid", "Mermaid flowchart source, for READMEs", ".mmd", to_mermaid))
