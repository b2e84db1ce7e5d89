"""Realistic generated state files for the core benchmarks.

A network of DAOs, each with a top-level cell and functional cells (some with sub-cells), roles in
every cell and tasks under every role, with the state text a working team writes: purpose,
goals, members, decision making, treasury, responsibilities, deliverables and status. Links:
accountability up the tree, funding from each DAO, coordination between neighbouring cells and a
few shared roles. Layout puts DAOs and cells in their scale lanes, one long row per lane (as a
file laid out by hand over years might be); ``layout="none"`` leaves it out, as CSV and Hats imports
do, and ``layout="sparse"`` keeps every other card's position, as after adding many cards by import
to a laid-out file. Output is deterministic for a given size, seed and layout; 10,000 primitives
write to about 2.3 MB, as DESIGN.md section 7 assumes.
"""

from __future__ import annotations

import random
from typing import Any, Literal

Layout = Literal["full", "none", "sparse"]

WORDS = (
    "restore fund map survey publish review plan train host measure support repair collect share "
    "design test build report draft improve grow document coordinate onboard monitor prepare"
).split()
THINGS = (
    "seagrass plots, community garden, grant round, treasury report, volunteer roster, data portal, "
    "newsletter, workshop series, water samples, tool library, onboarding guide, budget proposal, "
    "partner agreement, field season, decision log, member survey"
).split(", ")
PEOPLE = ("ana ben chloe dev elif farah gus hana ines jun kofi lena maya noor omar priya rosa sam tomas yuki").split()
STATUSES = ("todo", "in-progress", "blocked", "done")
PHASES = ("formation", "organization", "iteration")
PROTOCOLS = ("consent", "decider", "advice", "vote")

TASKS_PER_ROLE = 9
ROLES_PER_CELL = 3
CELLS_PER_DAO = 24
"""At 10,000 primitives: 10 DAOs x 25 cells (one top-level) x 3 roles x 9 tasks, plus partners."""


def _sentence(rng: random.Random, words: int = 9) -> str:
    verb = rng.choice(WORDS)
    rest = " ".join(rng.choice(WORDS) for _ in range(words - 3))
    return f"{verb.capitalize()} the {rng.choice(THINGS)} and {rest}."


def _people(rng: random.Random, count: int) -> list[str]:
    return [f"{name}.eth" for name in rng.sample(PEOPLE, count)]


def _cell(rng: random.Random, cid: str, name: str, parent: str, scale: str, top: bool) -> dict[str, Any]:
    members = _people(rng, rng.randint(3, 7))
    cell: dict[str, Any] = {
        "id": cid,
        "kind": "cell",
        "name": name,
        "parent": parent,
        "scale": scale,
        "phase": rng.choice(PHASES),
        "members": members,
        "state": {
            "purpose": {
                "statement": _sentence(rng, 9),
                "goals": [_sentence(rng, 6)],
            },
            "practice": {
                "decision_making": {"protocol": rng.choice(PROTOCOLS), "simple": _sentence(rng, 5)},
                "treasury": {"signers": members[:3], "threshold": 2},
                "budget": {"amount": rng.randrange(1000, 60000, 500), "currency": "USDC", "period": "quarter"},
            },
            "progress": {"strategy": _sentence(rng, 6), "updated": f"2025-{rng.randint(1, 12):02d}-15"},
        },
    }
    if top:
        cell["top_level"] = True
        cell["state"]["master"] = {
            "governance_charter": _sentence(rng, 10),
            "decision_registry": [
                {"date": f"2025-0{i + 1}-10", "title": _sentence(rng, 6), "decided_by": name} for i in range(3)
            ],
        }
    return cell


def generate(size: int, seed: int = 7, layout_kind: Layout = "full") -> dict[str, Any]:
    """The data of a valid document with about ``size`` primitives (exactly ``size`` when >= 60),
    with a position for every card, for none, or (``"sparse"``) for every other card."""
    rng = random.Random(seed)
    per_dao = 1 + (CELLS_PER_DAO + 1) * (1 + ROLES_PER_CELL * (1 + TASKS_PER_ROLE))
    daos = max(1, round(size / per_dao))
    prims: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    layout: dict[str, list[int]] = {}
    budget = size
    for d in range(daos):
        if len(prims) >= budget:
            break
        did = f"dao-{d}"
        prims.append(
            {
                "id": did,
                "kind": "dao",
                "name": f"Bioregion {d} DAO",
                "scale": "constituency",
                "phase": "iteration",
                "state": {
                    "purpose": {"statement": _sentence(rng, 14), "goals": [_sentence(rng, 8) for _ in range(3)]},
                    "practice": {"decision_making": {"protocol": "token-vote", "formal": _sentence(rng, 10)}},
                },
            }
        )
        layout[did] = [d * 8000, 300]
        top = f"ops-{d}"
        prims.append(_cell(rng, top, f"Operations {d}", did, "coordination", True))
        layout[top] = [d * 8000, 600]
        links.append({"from": top, "to": did, "kind": "accountable-to"})
        links.append(
            {"from": did, "to": top, "kind": "funds", "amount": 60000, "currency": "USDC", "period": "quarter"}
        )
        cell_ids = [top]
        for c in range(CELLS_PER_DAO):
            if len(prims) >= budget:
                break
            cid = f"team-{d}-{c}"
            parent = top if c % 4 else cell_ids[-1] if c > 4 else top
            prims.append(_cell(rng, cid, f"Team {d}.{c}", parent, "collaboration", False))
            layout[cid] = [d * 8000 + (c % 24) * 320, 900]
            links.append({"from": cid, "to": parent, "kind": "accountable-to"})
            links.append(
                {"from": top, "to": cid, "kind": "funds", "amount": rng.randrange(500, 12000, 500), "currency": "USDC"}
            )
            if c and c % 3 == 0:
                links.append({"from": cid, "to": cell_ids[-1], "kind": "coordinates-with"})
            cell_ids.append(cid)
        for cid in cell_ids:
            for r in range(ROLES_PER_CELL):
                if len(prims) >= budget:
                    break
                rid = f"{cid}-r{r}"
                prims.append(
                    {
                        "id": rid,
                        "kind": "role",
                        "name": f"{rng.choice(WORDS).capitalize()} steward",
                        "parent": cid,
                        "holders": _people(rng, 1),
                        "state": {
                            "purpose": {
                                "responsibilities": [_sentence(rng, 4) for _ in range(2)],
                                "authorities": [_sentence(rng, 4)],
                                "accountability": f"Answers to {cid}.",
                            }
                        },
                    }
                )
                for t in range(TASKS_PER_ROLE):
                    if len(prims) >= budget:
                        break
                    task: dict[str, Any] = {
                        "id": f"{rid}-t{t}",
                        "kind": "task",
                        "name": f"{rng.choice(WORDS).capitalize()} {rng.choice(THINGS)}"[:20].strip(),
                        "parent": rid,
                        "state": {
                            "purpose": {"deliverable": f"{rng.choice(THINGS).capitalize()} v{t + 1}"},
                            "progress": {"status": rng.choice(STATUSES)},
                        },
                    }
                    if t == 0:
                        task["assignee"] = rid
                    prims.append(task)
            if cid != top and len(prims) < budget and rng.random() < 0.1:
                links.append({"from": cid, "to": f"{top}-r0", "kind": "uses-role"})
    partner = 0
    while len(prims) < budget:
        pid = f"partner-{partner}"
        prims.append(
            {
                "id": pid,
                "kind": "partner",
                "name": f"Partner organization {partner}",
                "scale": "network",
                "phase": "formation",
                "state": {"purpose": {"statement": _sentence(rng, 8)}},
            }
        )
        layout[pid] = [partner * 320, 0]
        links.append({"from": pid, "to": "dao-0", "kind": "partners-with"})
        partner += 1
    known = {p["id"] for p in prims}
    links = [link for link in links if link["from"] in known and link["to"] in known]
    layout = {k: v for k, v in layout.items() if k in known}
    if layout_kind != "full":
        layout = {k: v for i, (k, v) in enumerate(layout.items()) if layout_kind == "sparse" and i % 2 == 0}
    return {
        "format": "dao-designer/1",
        "organization": {"name": f"Generated network of {size} primitives", "approach": "hybrid"},
        "primitives": prims,
        "links": links,
        "layout": layout,
    }


SPARSE_PHASES = ("conversation", "formation", "formation", "organization", "organization", "iteration")
"""Cells of a design in progress: most are being formed or implemented, a few still talk, a few run."""


def _maybe(rng: random.Random, share: float, value: Any) -> Any:
    return value if rng.random() < share else None


def _sparse_cell(rng: random.Random, cid: str, name: str, parent: str, scale: str) -> dict[str, Any]:
    """A cell as a team writes it while designing: a name and a phase always, the rest in part."""
    purpose: dict[str, Any] = {}
    if rng.random() < 0.6:
        purpose["statement"] = _sentence(rng, 8)
    if rng.random() < 0.4:
        purpose["goals"] = [_sentence(rng, 5)]
    practice: dict[str, Any] = {}
    if rng.random() < 0.3:
        practice["decision_making"] = {"protocol": rng.choice(PROTOCOLS)}
    if rng.random() < 0.2:
        practice["meetings"] = "Weekly call"
    cell: dict[str, Any] = {
        "id": cid, "kind": "cell", "name": name, "parent": parent, "scale": scale,
        "phase": rng.choice(SPARSE_PHASES),
    }
    if rng.random() < 0.8:
        cell["members"] = _people(rng, rng.randint(3, 7))
    state = {k: v for k, v in (("purpose", purpose), ("practice", practice)) if v}
    if state:
        cell["state"] = state
    return cell


def generate_sparse(size: int, seed: int = 11) -> dict[str, Any]:
    """A realistic but sparse design of about ``size`` primitives (exactly ``size`` when >= 60).

    The same shape as :func:`generate` (DAOs, a top-level cell each, functional cells, roles,
    tasks, partners), but filled the way a design in progress is: every primitive has a name,
    every group a phase spread from conversation to iteration; about half the cells state a
    purpose, fewer have goals or a decision protocol, no checklist is ticked, no template field
    beyond that is written; roles have responsibilities half the time and holders most of the
    time; tasks have a deliverable half the time, an assignee or a status in part. Only the
    top-level cells hold a treasury (three signers, two to sign).
    """
    rng = random.Random(seed)
    per_dao = 1 + (CELLS_PER_DAO + 1) * (1 + ROLES_PER_CELL * (1 + TASKS_PER_ROLE))
    daos = max(1, round(size / per_dao))
    prims: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for d in range(daos):
        if len(prims) >= size:
            break
        did = f"dao-{d}"
        dao: dict[str, Any] = {
            "id": did, "kind": "dao", "name": f"Bioregion {d} DAO", "scale": "constituency",
            "phase": rng.choice(("formation", "organization", "iteration")),
            "state": {"purpose": {"statement": _sentence(rng, 12), "goals": [_sentence(rng, 6)]}},
        }
        prims.append(dao)
        top = f"ops-{d}"
        tlc = _sparse_cell(rng, top, f"Operations {d}", did, "coordination")
        tlc["top_level"] = True
        signers = _people(rng, 3)
        tlc.setdefault("state", {}).setdefault("practice", {})["treasury"] = {
            "kind": "Safe", "signers": signers, "threshold": 2}
        prims.append(tlc)
        links.append({"from": top, "to": did, "kind": "accountable-to"})
        links.append(
            {"from": did, "to": top, "kind": "funds", "amount": 60000, "currency": "USDC", "period": "quarter"}
        )
        cell_ids = [top]
        for c in range(CELLS_PER_DAO):
            if len(prims) >= size:
                break
            cid = f"team-{d}-{c}"
            parent = top if c % 4 else did
            prims.append(_sparse_cell(rng, cid, f"Team {d}.{c}", parent, "collaboration"))
            if rng.random() < 0.7:
                links.append({"from": cid, "to": top, "kind": "accountable-to"})
            cell_ids.append(cid)
        for cid in cell_ids:
            for r in range(ROLES_PER_CELL):
                if len(prims) >= size:
                    break
                rid = f"{cid}-r{r}"
                role: dict[str, Any] = {"id": rid, "kind": "role", "name": f"{rng.choice(WORDS).capitalize()} steward",
                                        "parent": cid}
                if rng.random() < 0.7:
                    role["holders"] = _people(rng, 1)
                if rng.random() < 0.5:
                    role["state"] = {"purpose": {"responsibilities": [_sentence(rng, 4)]}}
                prims.append(role)
                for t in range(TASKS_PER_ROLE):
                    if len(prims) >= size:
                        break
                    label = f"{rng.choice(WORDS).capitalize()} {rng.choice(THINGS)}"[:24].strip()
                    task: dict[str, Any] = {"id": f"{rid}-t{t}", "kind": "task", "name": label, "parent": rid}
                    if rng.random() < 0.4:
                        task["assignee"] = rid
                    state: dict[str, Any] = {}
                    if rng.random() < 0.5:
                        state["purpose"] = {"deliverable": f"{rng.choice(THINGS).capitalize()} v{t + 1}"}
                    if rng.random() < 0.6:
                        state["progress"] = {"status": rng.choice(STATUSES)}
                    if state:
                        task["state"] = state
                    prims.append(task)
    partner = 0
    while len(prims) < size:
        pid = f"partner-{partner}"
        prims.append({"id": pid, "kind": "partner", "name": f"Partner organization {partner}", "scale": "network",
                      "phase": "conversation"})
        links.append({"from": pid, "to": "dao-0", "kind": "partners-with"})
        partner += 1
    known = {p["id"] for p in prims}
    links = [link for link in links if link["from"] in known and link["to"] in known]
    return {
        "format": "dao-designer/1",
        "organization": {"name": f"Sparse design of {size} primitives", "approach": "hybrid"},
        "primitives": prims,
        "links": links,
    }
