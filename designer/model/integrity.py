"""Referential integrity: every reference in a document points at something that can hold it.

Checked on every load, so a document in memory is always whole: ids are unique, parents exist and
may contain their children, containment has no cycles, link ends, assignees and layout entries
name primitives that exist. Commands keep these true while editing.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.model.document import Document
from designer.model.kinds import CONTAINERS
from designer.model.primitives import AnyPrimitive, Task

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class IntegrityIssue:
    path: Path
    message: str


_ARTICLE = {"dao": "a DAO", "cell": "a cell", "role": "a role", "task": "a task", "partner": "a partner"}


def _allowed(kinds: tuple[str, ...]) -> str:
    names = [_ARTICLE[k] for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def check_integrity(doc: Document) -> list[IntegrityIssue]:
    issues: list[IntegrityIssue] = []
    by_id: dict[str, AnyPrimitive] = {}
    for i, p in enumerate(doc.primitives):
        if p.id in by_id:
            issues.append(IntegrityIssue(("primitives", i, "id"), f"duplicate id '{p.id}'"))
        else:
            by_id[p.id] = p

    for i, p in enumerate(doc.primitives):
        if p.parent is not None:
            parent = by_id.get(p.parent)
            if parent is None:
                message = f"'{p.id}' names parent '{p.parent}', which does not exist"
                issues.append(IntegrityIssue(("primitives", i, "parent"), message))
            elif parent.kind not in CONTAINERS[p.kind]:
                issues.append(
                    IntegrityIssue(
                        ("primitives", i, "parent"),
                        f"{_ARTICLE[p.kind]} cannot sit inside {_ARTICLE[parent.kind]} ('{p.parent}'); "
                        f"its parent must be {_allowed(CONTAINERS[p.kind])}",
                    )
                )
        if isinstance(p, Task) and p.assignee is not None:
            assignee = by_id.get(p.assignee)
            if assignee is None:
                issues.append(
                    IntegrityIssue(
                        ("primitives", i, "assignee"), f"'{p.id}' is assigned to '{p.assignee}', which does not exist"
                    )
                )
            elif assignee.kind not in ("role", "cell"):
                issues.append(
                    IntegrityIssue(
                        ("primitives", i, "assignee"),
                        f"a task's assignee must be a role or a cell; '{p.assignee}' is {_ARTICLE[assignee.kind]}",
                    )
                )

    issues.extend(_cycles(doc, by_id))

    seen_links: set[tuple[str, str, str]] = set()
    for i, link in enumerate(doc.links):
        for end, ref in (("from", link.source), ("to", link.target)):
            if ref not in by_id:
                issues.append(IntegrityIssue(("links", i, end), f"link {end} '{ref}', which does not exist"))
        if link.key in seen_links:
            issues.append(
                IntegrityIssue(
                    ("links", i),
                    f"duplicate '{link.kind}' link from '{link.source}' to '{link.target}'",
                )
            )
        seen_links.add(link.key)
        if link.kind == "uses-role" and link.target in by_id and by_id[link.target].kind != "role":
            issues.append(
                IntegrityIssue(
                    ("links", i, "to"),
                    f"a 'uses-role' link must point at a role; '{link.target}' is {_ARTICLE[by_id[link.target].kind]}",
                )
            )

    for key in doc.layout:
        if key not in by_id:
            issues.append(IntegrityIssue(("layout", key), f"layout names '{key}', which does not exist"))
    return issues


def _cycles(doc: Document, by_id: dict[str, AnyPrimitive]) -> list[IntegrityIssue]:
    """Each containment cycle once, reported at the first member in file order."""
    index = {p.id: i for i, p in enumerate(doc.primitives)}
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = known to reach the top
    issues: list[IntegrityIssue] = []
    for p in doc.primitives:
        walk: list[str] = []
        current: str | None = p.id
        while current is not None and current in by_id and state.get(current) is None:
            state[current] = 1
            walk.append(current)
            current = by_id[current].parent
        if current is not None and state.get(current) == 1:
            cycle = walk[walk.index(current) :]
            first = min(cycle, key=lambda c: index[c])
            ring = " → ".join([*cycle, cycle[0]])
            issues.append(
                IntegrityIssue(("primitives", index[first], "parent"), f"containment cycle: {ring}")
            )
        for node in walk:
            state[node] = 2
    return issues
