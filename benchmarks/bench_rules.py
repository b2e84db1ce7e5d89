"""Benchmark the rules engine on a generated 10,000-primitive document, in memory.

Targets (DESIGN.md §7): a full validation ≤ 100 ms, one incremental re-check after an edit
≤ 5 ms. A second document, realistic but sparse (``generate.generate_sparse``: a design in
progress), checks that the rules do not drown it: fewer findings than primitives (issue 11),
with the count by severity. Prints a table and exits 1 when a target is missed. Run:

    python benchmarks/bench_rules.py [--daos 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from designer.model.document import Document
from designer.model.links import Link
from designer.rules import Engine
from designer.rules.finding import count_by_severity

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_sparse

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
MASTER = {
    "governance_charter": "Charter", "decision_mechanisms": "Consent and votes",
    "decision_registry": [{"title": "Adopt charter"}], "role_descriptions": "Roles doc", "process_maps": "Maps",
    "policies": "Policies", "proposal_mechanisms": "Templates",
    "resource_allocations": [{"recipient": "c0-1", "amount": 5000}], "participation_guidelines": "Guide",
}


def _cell(cid: str, name: str, parent: str, members: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "kind": "cell",
        "name": name,
        "parent": parent,
        "scale": "collaboration",
        "phase": "iteration",
        "members": members,
        "approval": {"by": "community vote", "reference": "https://vote.example/1"},
        "state": {
            "purpose": {
                "statement": f"{name} delivers its part.", "goals": ["Ship monthly"], "domain": name,
                "genesis": "Split from the pilot", "design": "Small team, consent decisions",
            },
            "practice": {
                "relationships": ["Code of conduct"], "formal_structure": "None", "team_agreements": ["4h a week"],
                "decision_making": {
                    "protocol": "consent", "escalation": "Raise with the top-level cell",
                    "formal": "Consent with a week's notice", "dispute_resolution": "Mediation",
                },
                "budget": {"amount": 5000, "currency": "USDC", "period": "quarter"},
                "meetings": "Weekly call",
                "state_store": STORE,
            },
            "progress": {
                "updated": "2026-02-15", "strategy": "Quarterly plan", "deliverables": ["Report"],
                "communication": "Forum", "project_management": "Board", "milestones": ["M1"], "metrics": ["Output"],
            },
        },
        "checklist": READY,
        **extra,
    }


def generate(daos: int = 20, cells: int = 50, roles: int = 3, tasks: int = 2) -> Document:
    """DAOs > cells (one top-level) > roles > tasks, with accountability, coordination and funding links."""
    prims: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for d in range(daos):
        dao = f"dao-{d}"
        prims.append(
            {
                "id": dao,
                "kind": "dao",
                "name": f"DAO {d}",
                "scale": "constituency",
                "phase": "iteration",
                "members": [f"m{d}-{i}" for i in range(120)],
                "checklist": READY,
                "state": {
                    "purpose": {"statement": "Fund local work.", "goals": ["Fund 10 projects"]},
                    "practice": {
                        "agreements": ["Charter"], "policies": ["Code of conduct"], "processes": ["Grants"],
                        "state_store": STORE,
                    },
                    "progress": {"updated": "2026-02-20", "proposals": ["P-1"]},
                },
            }
        )
        for c in range(cells):
            cid = f"c{d}-{c}"
            people = [f"m{d}-{(c * 3 + k) % 120}" for k in range(5)]
            extra: dict[str, Any] = {}
            if c == 0:
                extra = {"top_level": True, "scale": "coordination"}
            cell = _cell(cid, f"Cell {d}.{c}", dao, people, **extra)
            if c == 0:
                cell["state"]["master"] = MASTER
            prims.append(cell)
            boss = dao if c == 0 else f"c{d}-0"
            links.append({"from": cid, "to": boss, "kind": "accountable-to"})
            if c > 1:
                links.append({"from": cid, "to": f"c{d}-{c - 1}", "kind": "coordinates-with"})
            for r in range(roles):
                rid = f"{cid}-r{r}"
                prims.append(
                    {
                        "id": rid,
                        "kind": "role",
                        "name": f"Role {r}",
                        "parent": cid,
                        "holders": [people[r]],
                        "state": {
                            "purpose": {
                                "responsibilities": ["Keep things moving"],
                                "authorities": ["Spend within budget"],
                                "accountability": "To the cell",
                            },
                            "practice": {"removal": "Cell consent"},
                        },
                    }
                )
                for t in range(tasks):
                    prims.append(
                        {
                            "id": f"{rid}-t{t}",
                            "kind": "task",
                            "name": f"Task {t}",
                            "parent": rid,
                            "assignee": rid,
                            "state": {
                                "purpose": {"deliverable": "A report"},
                                "practice": {"approval": {"by": "cell"}} if (t or r) else {},
                                "progress": {"status": "in-progress" if t else "todo"},
                            },
                        }
                    )
        links.append({"from": dao, "to": f"c{d}-0", "kind": "funds", "amount": 50000, "currency": "USDC"})
    return Document.model_validate(
        {
            "format": "dao-designer/1",
            "organization": {"name": "Bench", "approach": "hybrid"},
            "design": {"approval": {"by": "community", "reference": "https://vote.example/0"}},
            "primitives": prims,
            "links": links,
        }
    )


def _time(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def _edit(doc: Document, index: int, **fields: Any) -> Document:
    prims = list(doc.primitives)
    prims[index] = prims[index].model_copy(update=fields)
    return doc.model_copy(update={"primitives": prims})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--daos", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    doc = generate(args.daos)
    engine = Engine(today=TODAY)
    engine.run(doc)
    full = _time(lambda: engine.run(doc), args.repeat)
    findings = len(engine.findings)

    pos = {p.id: i for i, p in enumerate(doc.primitives)}
    cell_i, task_i = pos["c3-7"], pos["c3-7-r1-t0"]
    edits = [
        ("rename a cell", _edit(doc, cell_i, name="Renamed cell"), {"c3-7"}),
        ("resize a cell", _edit(doc, cell_i, members=[f"p{i}" for i in range(12)]), {"c3-7"}),
        ("edit a task", _edit(doc, task_i, agent="someone"), {"c3-7-r1-t0"}),
    ]
    link = Link.model_validate({"from": "c3-7", "to": "c3-9", "kind": "coordinates-with"})
    added = doc.model_copy(update={"links": [*doc.links, link]})
    edits.append(("add a link between cells", added, {"c3-7", "c3-9"}))

    rows = [("full validation", full, 100.0)]
    for label, edited, ids in edits:
        def step(edited: Document = edited, ids: set[str] = ids) -> None:
            engine.update(edited, ids)
            engine.update(doc, ids)

        rows.append((f"incremental: {label}", _time(step, args.repeat) / 2, 5.0))
    print(f"{len(doc.primitives)} primitives, {len(doc.links)} links, {findings} findings (median of {args.repeat})")
    print(f"{'what':<32} {'ms':>8} {'target':>8}  ok")
    failed = False
    for label, ms, target in rows:
        ok = ms <= target
        failed |= not ok
        print(f"{label:<32} {ms:>8.2f} {target:>8.1f}  {'yes' if ok else 'NO'}")

    sparse = Document.model_validate(generate_sparse(10_000))
    sparse_engine = Engine(today=TODAY)
    found = sparse_engine.run(sparse)
    sparse_ms = _time(lambda: sparse_engine.run(sparse), args.repeat)
    per = len(found) / len(sparse.primitives)
    counts = count_by_severity(found)
    print(f"\nsparse design: {len(sparse.primitives)} primitives, {len(found)} findings "
          f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes)")
    ok = per < 1.0
    failed |= not ok
    print(f"{'findings per primitive':<32} {per:>8.3f} {'< 1':>8}  {'yes' if ok else 'NO'}")
    print(f"{'full validation (sparse)':<32} {sparse_ms:>8.2f} {100.0:>8.1f}  {'yes' if sparse_ms <= 100 else 'NO'}")
    failed |= sparse_ms > 100
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
