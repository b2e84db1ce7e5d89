"""Documents every export test runs on: one built in code, one full of hostile text, the samples."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from designer.export.registry import load_all
from designer.io.load import load_document
from designer.model.document import Document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.dao.yaml"))
GOLDEN = Path(__file__).parent / "golden"
SCHEMAS = Path(__file__).parent / "schemas"
EXAMPLES = next((p for p in (ROOT.parent / "shared" / "reference" / "examples", Path("/work/shared/reference/examples"))
                 if p.is_dir()), ROOT.parent / "shared" / "reference" / "examples")
"""The peers' example files, in the workplace's shared folder beside the checkout (CI lays one there)."""
DOT = shutil.which("dot")
NO_DOT = "Graphviz's dot is not installed (apt-get install graphviz); the DOT/SVG/PNG/PDF checks need it"

load_all()

FORMULA = "=cmd|' /C calc'!A0"
LONG = "L" * 10_000
HOSTILE_NAMES = (
    "Quote \" and ' and \\N backslash",
    "Two\nlines\r\nand a tab\there",
    "<script>alert(1)</script> & <b>bold</b>",
    FORMULA,
    "\u202eevil override\u202c and \u200fmark",
    "```\nfenced\n``` | pipe # hash %% comment `tick` [link](http://x)",
)


def built_data() -> dict[str, Any]:
    """A small but complete organization, independent of the samples."""
    return {
        "format": "dao-designer/1",
        "organization": {"name": "Tidewater Commons", "approach": "hybrid", "description": "Shared shore care."},
        "design": {
            "structure": {
                "approach": "Hybrid: a top-level cell answers to the DAO; teams form freely below it.",
                "components": "One DAO, an operations cell, a field cell.",
                "decision_processes": "Consent in cells; token vote for the treasury.",
                "evolution": "Reviewed every quarter.\n\nChanges go through the DAO.",
            }
        },
        "primitives": [
            {
                "id": "tide-dao",
                "kind": "dao",
                "name": "Tidewater DAO",
                "scale": "constituency",
                "phase": "iteration",
                "members": ["alice", "0x1111111111111111111111111111111111111111", "did:web:bob.example"],
                "tools": {
                    "treasury": {
                        "name": "Safe",
                        "address": "0x2222222222222222222222222222222222222222",
                        "chain": "optimism",
                    },
                    "token_authority": {"name": "Hats Protocol", "id": "42"},
                },
                "legal_form": "Cooperative association",
                "state": {
                    "purpose": {"statement": "Care for the shore.", "goals": ["Clean 12 beaches"]},
                    "practice": {
                        "decision_making": {
                            "protocol": "token-vote",
                            "quorum": 15,
                            "threshold": 60,
                            "period": "5 days",
                            "token": "TIDE",
                            "mechanisms": [{"name": "Grant review", "protocol": "consent", "applies_to": ["grants"]}],
                        }
                    },
                    "progress": {"status": "active"},
                },
            },
            {
                "id": "ops",
                "kind": "cell",
                "name": "Operations Cell",
                "parent": "tide-dao",
                "scale": "coordination",
                "phase": "organization",
                "top_level": True,
                "members": ["alice", "carol"],
                "state": {
                    "purpose": {"statement": "Keep things running."},
                    "practice": {
                        "treasury": {"signers": ["alice", "carol"], "threshold": 2},
                        "treasuries": [
                            {
                                "name": "Grants Safe",
                                "kind": "safe",
                                "chain": "base",
                                "address": "0x4444444444444444444444444444444444444444",
                                "signers": [
                                    "steward",
                                    {"contract": "0x5555555555555555555555555555555555555555", "name": "Signer gate"},
                                ],
                                "threshold": 1,
                            }
                        ],
                    },
                    "master": {
                        "governance_charter": "Cells act within their domain.",
                        "decision_registry": [
                            {"date": "2024-03-01", "title": "Adopt consent", "decided_by": "ops", "rationale": "Speed"}
                        ],
                        "resource_allocations": [
                            {"date": "2024-04-01", "recipient": "field", "amount": 1200.5, "currency": "USDC"}
                        ],
                    },
                },
            },
            {
                "id": "steward",
                "kind": "role",
                "name": "Treasury Steward",
                "parent": "ops",
                "holders": ["alice", "0x3333333333333333333333333333333333333333"],
                "state": {
                    "purpose": {
                        "responsibilities": ["Prepare payments", "Report monthly"],
                        "authorities": ["Propose Safe transactions"],
                        "accountability": "To the operations cell",
                    },
                    "practice": {
                        "eligibility": "A member for 3 months",
                        "removal": "By consent of the cell",
                        "term": "6 months",
                    },
                },
            },
            {
                "id": "report",
                "kind": "task",
                "name": "Q2 report",
                "parent": "steward",
                "assignee": "steward",
                "state": {"purpose": {"deliverable": "A published report"}, "progress": {"status": "todo"}},
            },
            {
                "id": "field",
                "kind": "cell",
                "name": "Field Cell",
                "parent": "ops",
                "scale": "collaboration",
                "phase": "formation",
                "ephemeral": True,
                "members": ["dan"],
                "state": {
                    "purpose": {"statement": "Run clean-ups.", "end_condition": "After the summer season"},
                    "progress": {
                        "status": "winding down",
                        "completion": {
                            "decided_by": "field",
                            "transfers": [{"what": "Spare gloves", "kind": "assets", "to": "ops"}],
                            "archive": "Shared drive, field folder",
                        },
                    },
                },
            },
            {
                "id": "beach-lead",
                "kind": "role",
                "name": "Beach Lead",
                "parent": "field",
                "holders": ["dan"],
                "state": {"progress": {"status": "seasonal"}},
            },
            {
                "id": "shore-trust",
                "kind": "partner",
                "name": "Shore Trust",
                "scale": "network",
                "phase": "iteration",
            },
        ],
        "links": [
            {"from": "ops", "to": "tide-dao", "kind": "accountable-to"},
            {"from": "tide-dao", "to": "ops", "kind": "funds", "amount": 5000, "currency": "USDC", "period": "month"},
            {"from": "field", "to": "steward", "kind": "uses-role"},
            {"from": "tide-dao", "to": "shore-trust", "kind": "partners-with"},
            {"from": "field", "to": "ops", "kind": "coordinates-with", "label": "weekly sync"},
            {"from": "ops", "to": "field", "kind": "funds", "percent": 10, "basis": "grants", "period": "quarter"},
        ],
        "layout": {"tide-dao": [0, 300], "ops": [0, 600]},
    }


def built_doc() -> Document:
    return Document.model_validate(built_data())


def hostile_data(long_name: bool = True) -> dict[str, Any]:
    """The built document with every name, person and text replaced by hostile text."""
    data = built_data()
    names = [*HOSTILE_NAMES, LONG] if long_name else list(HOSTILE_NAMES)
    data["organization"]["name"] = names[2]
    data["organization"]["description"] = "\n".join(names[:6])
    for i, p in enumerate(data["primitives"]):
        p["name"] = names[i % len(names)]
        p["description"] = names[(i + 3) % len(names)] + " " + FORMULA
        for key in ("members", "holders"):
            if key in p:
                p[key] = [FORMULA, "+1 sum", "-2", "@me", "\tTab", "'=quoted", "back\\slash\nnew"]
        if p["kind"] == "role":
            p.setdefault("state", {}).setdefault("purpose", {})["responsibilities"] = [FORMULA, "a\\nb", "two\nlines"]
    data["links"][4]["label"] = '<script>x</script> | "q"'
    by_id = {p["id"]: p for p in data["primitives"]}
    account = by_id["ops"]["state"]["practice"]["treasuries"][0]
    account["name"], account["signers"][1]["name"] = names[2], names[5]
    progress = by_id["field"]["state"]["progress"]
    progress["status"] = names[0]
    progress["completion"]["transfers"][0]["what"] = names[3]
    progress["completion"]["archive"] = names[2]
    by_id["tide-dao"]["legal_form"] = names[1]
    by_id["tide-dao"]["state"]["practice"]["decision_making"]["mechanisms"][0]["name"] = names[5]
    return data


def hostile_doc(long_name: bool = True) -> Document:
    return Document.model_validate(hostile_data(long_name))


def _cases() -> list[Any]:
    cases = [pytest.param("built", id="built"), pytest.param("hostile", id="hostile")]
    cases += [pytest.param(str(p), id=p.name.removesuffix(".dao.yaml")) for p in SAMPLES]
    return cases


def document_for(case: str) -> Document:
    if case == "built":
        return built_doc()
    if case == "hostile":
        return hostile_doc()
    return load_document(case)


@pytest.fixture(params=_cases())
def doc(request: pytest.FixtureRequest) -> Document:
    """Every test document in turn (built, hostile, each sample)."""
    return document_for(request.param)
