"""Small builders for rule tests: complete, clean primitives that each case then breaks one way."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from designer.model.document import Document
from designer.rules import Engine, Finding

TODAY = date(2026, 3, 1)
READY = {
    "conversation": [
        "direction-settled", "ready-to-commit", "roles-needed", "resources-needed", "discovery-report-done",
    ],
    "formation": [
        "design-defined", "key-roles-filled", "decisions-consistent", "execution-started", "support-secured",
        "state-sufficient",
    ],
    "organization": [
        "systems-running", "roles-resourced", "treasury-working", "coordination-established", "state-comprehensive",
        "execution-shown",
    ],
}
STORE = {"location": "https://git.example/state", "versioned": True, "edit_restricted": True, "network_readable": True}


def merge(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``change`` into a copy of ``base``; a value of None deletes the key."""
    out = copy.deepcopy(base)
    for key, value in change.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def dao(pid: str = "dao", **change: Any) -> dict[str, Any]:
    base = {
        "id": pid,
        "kind": "dao",
        "name": f"DAO {pid}",
        "scale": "constituency",
        "phase": "iteration",
        "members": [f"m{i}" for i in range(120)],
        "checklist": READY,
        "state": {
            "purpose": {"statement": "Fund local work.", "goals": ["Fund 10 projects"]},
            "practice": {
                "agreements": ["Charter"], "policies": ["Conduct"], "processes": ["Grants"], "state_store": STORE,
                "decision_making": {"protocol": "token-vote", "escalation": "Council"},
            },
            "progress": {"updated": "2026-02-20", "proposals": ["P-1"]},
        },
    }
    return merge(base, change)


def cell(pid: str, parent: str | None = "dao", **change: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": pid,
        "kind": "cell",
        "name": f"Cell {pid}",
        "parent": parent,
        "scale": "collaboration",
        "phase": "iteration",
        "members": ["ann", "bo", "cy", "di"],
        "approval": {"by": "community vote", "reference": "https://vote.example/1"},
        "checklist": READY,
        "state": {
            "purpose": {
                "statement": "Deliver.", "goals": ["Ship"], "domain": "Grants", "genesis": "Pilot", "design": "Small",
            },
            "practice": {
                "relationships": ["Conduct"], "formal_structure": "None", "team_agreements": ["4h a week"],
                "decision_making": {"protocol": "consent", "formal": "Consent", "dispute_resolution": "Mediation"},
                "budget": {"amount": 5000, "currency": "USDC", "period": "quarter"},
                "meetings": "Weekly call",
                "state_store": STORE,
            },
            "progress": {
                "updated": "2026-02-15", "strategy": "Plan", "deliverables": ["Report"], "communication": "Forum",
                "project_management": "Board", "milestones": ["M1"], "metrics": ["Output"],
            },
        },
    }
    if parent is None:
        base.pop("parent")
    return merge(base, change)


def role(pid: str, parent: str, **change: Any) -> dict[str, Any]:
    base = {
        "id": pid,
        "kind": "role",
        "name": f"Role {pid}",
        "parent": parent,
        "holders": ["ann"],
        "state": {
            "purpose": {"responsibilities": ["Pay"], "authorities": ["Sign"], "accountability": "To the cell"},
            "practice": {"removal": "Cell consent"},
        },
    }
    return merge(base, change)


def task(pid: str, parent: str, **change: Any) -> dict[str, Any]:
    base = {
        "id": pid,
        "kind": "task",
        "name": f"Task {pid}",
        "parent": parent,
        "assignee": parent,
        "state": {
            "purpose": {"deliverable": "A report"},
            "practice": {"approval": {"by": "cell"}},
            "progress": {"status": "in-progress"},
        },
    }
    return merge(base, change)


def network(*extra: dict[str, Any], links: list[dict[str, Any]] | None = None, **doc: Any) -> Document:
    """A clean DAO with two working cells (each with a role and a task), plus ``extra`` primitives."""
    prims = [
        dao(),
        cell("ops", top_level=True, scale="coordination", state={"master": MASTER}),
        role("lead", "ops"),
        cell("grants"),
        role("steward", "grants"),
        task("report", "steward"),
        *extra,
    ]
    base_links = [
        {"from": "ops", "to": "dao", "kind": "accountable-to"},
        {"from": "grants", "to": "ops", "kind": "coordinates-with"},
    ]
    data: dict[str, Any] = {
        "format": "dao-designer/1",
        "organization": {"name": "Test", "approach": doc.pop("approach", "hybrid")},
        "design": {"approval": {"by": "community", "reference": "https://vote.example/0"}},
        "primitives": prims,
        "links": base_links if links is None else links,
    }
    return Document.model_validate(merge(data, doc))


MASTER = {
    "governance_charter": "Charter", "decision_mechanisms": "Votes", "decision_registry": [{"title": "Adopt"}],
    "role_descriptions": "Roles", "process_maps": "Maps", "policies": "Policies", "proposal_mechanisms": "Templates",
    "resource_allocations": [{"recipient": "grants", "amount": 5}], "participation_guidelines": "Guide",
}


def replace_primitive(doc: Document, pid: str, **change: Any) -> Document:
    """``doc`` with primitive ``pid`` deep-merged with ``change`` (validated again)."""
    data = doc.to_data()
    data["primitives"] = [merge(p, change) if p["id"] == pid else p for p in data["primitives"]]
    return Document.model_validate(data)


def findings(doc: Document, code: str | None = None) -> list[Finding]:
    found = Engine(today=TODAY).run(doc)
    return [f for f in found if code is None or f.code == code]
