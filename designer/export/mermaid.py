"""Mermaid flowchart, for READMEs on code hosts that draw ``mermaid`` code blocks.

Containers with contents become subgraphs, links keep a line style per kind (as in the DOT
export), and every label is written as a quoted string with Mermaid's ``#code;`` entities for
the characters that could end the string, open HTML, start a comment or close the Markdown
fence around the block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from designer.export.dot import link_caption
from designer.export.labels import label
from designer.export.registry import Exporter, register
from designer.export.tree import Tree
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
    "partners-with": "o--o",
    "funds": "==>",
    "uses-role": "-.->",
}
"""Solid for accountability, dotted for coordination and shared roles, thick for money."""
CLASSES: Mapping[str, str] = {
    "dao": "fill:#dbe7f6,stroke:#3b5b92,stroke-width:2px",
    "cell": "fill:#e2f1e5,stroke:#3c7d4a",
    "role": "fill:#fff3d1,stroke:#a07a14",
    "task": "fill:#f2f2f2,stroke:#707070",
    "partner": "fill:#f3e8f8,stroke:#7d4a91,stroke-dasharray:4 3",
}


def escape(text: str) -> str:
    """Mermaid string content: risky characters as numeric entities (``"`` is ``#34;``)."""
    return _ENTITY.sub(lambda m: f"#{ord(m.group())};", text)


def text(value: str, limit: int = 80) -> str:
    return '"' + escape(label(value, limit)) + '"'


def node_id(primitive_id: str) -> str:
    """``p_`` keeps ids clear of Mermaid keywords (``end``, ``graph``); ids never hold ``_``."""
    return "p_" + primitive_id.replace("-", "_")


def caption(p: AnyPrimitive) -> str:
    phase = getattr(p, "phase", None)
    return f"{label(p.name)} · {p.kind}" + (f" · {phase}" if phase else "")


def to_mermaid(doc: Document) -> str:
    """The flowchart source without a Markdown fence."""
    tree = Tree.of(doc)
    containers = {pid for pid, kids in tree.children.items() if kids and tree.by_id[pid].kind in ("dao", "cell")}
    out = ["flowchart TB", f"  %% {escape(label(doc.organization.name))}, drawn by dao-designer"]
    stack: list[tuple[AnyPrimitive, int, bool]] = [(p, 1, False) for p in reversed(tree.roots)]
    while stack:
        p, depth, closing = stack.pop()
        pad = "  " * depth
        if closing:
            out.append(f"{pad}end")
            continue
        if p.id in containers:
            out.append(f"{pad}subgraph {node_id(p.id)} [{text(caption(p), 120)}]")
            out.append(f"{pad}  direction TB")
            stack.append((p, depth, True))
            stack.extend((c, depth + 1, False) for c in reversed(tree.children[p.id]))
            continue
        left, right = SHAPES[p.kind]
        out.append(f"{pad}{node_id(p.id)}{left}{text(caption(p), 120)}{right}")
        stack.extend((c, depth, False) for c in reversed(tree.children[p.id]))
    for p in doc.primitives:
        if p.kind == "task" and p.parent is not None and tree.by_id[p.parent].kind in ("role", "task"):
            out.append(f"  {node_id(p.parent)} --- {node_id(p.id)}")
    for link in doc.links:
        words = '"' + escape(link_caption(link)) + '"'
        out.append(f"  {node_id(link.source)} {ARROWS[link.kind]}|{words}| {node_id(link.target)}")
    for kind, style in CLASSES.items():
        members = [node_id(p.id) for p in doc.primitives if p.kind == kind and p.id not in containers]
        if members:
            out.append(f"  classDef {kind} {style}")
            out.append(f"  class {','.join(members)} {kind}")
    return "\n".join(out) + "\n"


register(Exporter("mermaid", "Mermaid flowchart source, for READMEs", ".mmd", to_mermaid))
