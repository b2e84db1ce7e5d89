"""The incremental engine always agrees with a full run, whatever the sequence of edits.

Hypothesis builds small random documents (valid containment, random phases, sizes, flags,
states, names that collide, links that dangle or loop) and random edits: change fields, move
under another parent, add, delete (with or without the subtree), reorder, add or drop links,
switch the approach. After each edit, ``update`` with the changed ids and ``update`` without
them must both equal a fresh full run, finding for finding and in the same order.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.model.document import Document
from designer.model.kinds import CONTAINERS, LINK_KINDS, PHASES, SCALES
from designer.rules import Engine
from tests.rules.rule_builders import TODAY

IDS = [f"p{i}" for i in range(10)]
NAMES = ["Ops", "ops", "Grants", "Treasury", "Steward"]
CHECK = {"formation": ["design-defined", "key-roles-filled"], "completion": ["signers-transferred"],
         "iteration": ["purpose-fulfilled", "bogus"]}


@st.composite
def primitive(draw: st.DrawFn, pid: str, existing: list[dict[str, Any]]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["dao", "cell", "cell", "role", "task", "partner"]))
    hosts = [p for p in existing if p["kind"] in CONTAINERS[kind]]  # type: ignore[index]
    if kind in ("role", "task") and not hosts:
        kind = "cell"
        hosts = [p for p in existing if p["kind"] in CONTAINERS["cell"]]
    parent = draw(st.sampled_from(hosts))["id"] if hosts and (kind in ("role", "task") or draw(st.booleans())) else None
    out: dict[str, Any] = {"id": pid, "kind": kind, "name": draw(st.sampled_from(NAMES))}
    if parent:
        out["parent"] = parent
    phase = draw(st.sampled_from(PHASES))
    if kind in ("dao", "cell", "partner"):
        out.update(scale=draw(st.sampled_from(SCALES)), phase=phase)
        out["members"] = [f"m{i}" for i in range(draw(st.sampled_from([0, 2, 4, 9, 11])))]
    elif draw(st.booleans()):
        out["phase"] = phase
    if kind in ("dao", "cell"):
        if draw(st.booleans()):
            out["previous_phase"] = draw(st.sampled_from(PHASES))
        if draw(st.booleans()):
            out["checklist"] = {k: v for k, v in CHECK.items() if draw(st.booleans())}
        state: dict[str, Any] = {"purpose": {}, "practice": {}, "progress": {}}
        if draw(st.booleans()):
            state["purpose"] = {"statement": "Do it", "goals": ["g"]}
        if draw(st.booleans()):
            state["practice"]["treasury"] = {"signers": ["a"], "threshold": draw(st.sampled_from([1, 2]))}
        if draw(st.booleans()):
            state["practice"]["decision_making"] = {"protocol": "consent"}
        if draw(st.booleans()):
            state["progress"]["updated"] = draw(st.sampled_from(["2026-02-01", "2025-01-01"]))
        out["state"] = state
    if kind == "cell":
        out.update(top_level=draw(st.booleans()), stakeholder_group=draw(st.booleans()),
                   ephemeral=draw(st.booleans()))
    if kind == "role" and draw(st.booleans()):
        out["holders"] = ["ann"]
        out["state"] = {"purpose": {"responsibilities": ["r"], "authorities": ["a"]}}
    if kind == "task":
        out["state"] = {"purpose": {"deliverable": "d"} if draw(st.booleans()) else {},
                        "progress": {"status": draw(st.sampled_from(["todo", "done", "cancelled"]))}}
    return out


@st.composite
def link(draw: st.DrawFn, ids: list[str]) -> dict[str, Any]:
    pool = [*ids, "ghost"] if ids else ["ghost"]
    return {"from": draw(st.sampled_from(pool)), "to": draw(st.sampled_from(pool)),
            "kind": draw(st.sampled_from([k for k in LINK_KINDS if k != "uses-role"]))}


def _doc(prims: list[dict[str, Any]], links: list[dict[str, Any]], approach: str) -> Document:
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for item in links:
        key = (item["from"], item["to"], item["kind"])
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return Document.model_validate({"format": "dao-designer/1", "organization": {"name": "T", "approach": approach},
                                    "primitives": prims, "links": unique})


@st.composite
def scenario(draw: st.DrawFn) -> list[tuple[Document, set[str]]]:
    prims: list[dict[str, Any]] = []
    for pid in IDS[: draw(st.integers(1, 8))]:
        prims.append(draw(primitive(pid, prims)))
    links = draw(st.lists(link([p["id"] for p in prims]), max_size=6))
    approach = draw(st.sampled_from(["hybrid", "top-down", "unconstrained"]))
    steps = [(_doc(prims, links, approach), set[str]())]
    for _ in range(draw(st.integers(1, 6))):
        ids = [p["id"] for p in prims]
        action = draw(st.sampled_from(["edit", "edit", "add", "remove", "remove-tree", "move", "link", "unlink",
                                       "approach"]))
        changed: set[str] = set()
        if action == "edit" and prims:
            i = draw(st.integers(0, len(prims) - 1))
            old = prims[i]
            new = draw(primitive(old["id"], [p for p in prims if p["id"] != old["id"] and
                                             not _below(prims, p["id"], old["id"])]))
            prims[i] = new
            changed = {old["id"]}
        elif action == "add":
            free = [x for x in IDS if x not in ids]
            if free:
                new = draw(primitive(free[0], prims))
                prims.insert(draw(st.integers(0, len(prims))), new)
                changed = {new["id"]}
        elif action in ("remove", "remove-tree") and prims:
            victim = draw(st.sampled_from(ids))
            gone = {victim} | ({p["id"] for p in prims if _below(prims, p["id"], victim)} if action == "remove-tree"
                               else set())
            prims = [p for p in prims if p["id"] not in gone]
            changed = set(gone)
            for item in links:
                if item["from"] in gone or item["to"] in gone:
                    changed |= {item["from"], item["to"]}
            links = [x for x in links if x["from"] not in gone and x["to"] not in gone]
        elif action == "move" and len(prims) > 1:
            i = draw(st.integers(0, len(prims) - 1))
            moving = prims.pop(i)
            j = draw(st.integers(0, len(prims)))
            prims.insert(j, moving)
            lo, hi = min(i, j), max(i, j)
            changed = {p["id"] for p in prims[lo : hi + 1]}
        elif action == "link":
            new_link = draw(link(ids))
            links = [*links, new_link]
            changed = {new_link["from"], new_link["to"]}
        elif action == "unlink" and links:
            k = draw(st.integers(0, len(links) - 1))
            changed = {links[k]["from"], links[k]["to"]}
            links = links[:k] + links[k + 1 :]
        elif action == "approach":
            approach = draw(st.sampled_from(["hybrid", "top-down", "unconstrained"]))
        steps.append((_doc(prims, links, approach), changed))
    return steps


def _below(prims: list[dict[str, Any]], pid: str, ancestor: str) -> bool:
    parents = {p["id"]: p.get("parent") for p in prims}
    current = parents.get(pid)
    for _ in range(len(prims) + 1):
        if current is None:
            return False
        if current == ancestor:
            return True
        current = parents.get(current)
    return False


EXAMPLES = int(os.environ.get("RULES_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario())
def test_incremental_equals_full_run(steps: list[tuple[Document, set[str]]]) -> None:
    told = Engine(today=TODAY)
    guessed = Engine(today=TODAY)
    first = steps[0][0]
    assert told.run(first) == guessed.run(first)
    for doc, changed in steps[1:]:
        full = Engine(today=TODAY).run(doc)
        assert told.update(doc, changed) == full
        assert guessed.update(doc) == full


def test_moving_untouched_primitives_reorders_document_findings() -> None:
    """A move keeps the very same objects; order-dependent document rules must still re-run."""
    doc = _doc([{"id": "a", "kind": "dao", "name": "Same", "scale": "network", "phase": "conversation"},
                {"id": "b", "kind": "dao", "name": "Same", "scale": "network", "phase": "conversation"}], [], "hybrid")
    engine = Engine(today=TODAY, select="DP505")
    assert [f.primitive for f in engine.run(doc)] == ["b"]
    moved = doc.model_copy(update={"primitives": list(reversed(doc.primitives))})
    assert [f.primitive for f in engine.update(moved, {"a", "b"})] == ["a"]
    assert engine.update(doc) == Engine(today=TODAY, select="DP505").run(doc)
