"""Synthetic documents of a given size, for benchmarks and stress tests."""

from __future__ import annotations

from typing import Any

from designer.model.document import Document


def synthetic_data(n: int, daos: int = 10, with_layout: bool = False) -> dict[str, Any]:
    """About ``n`` primitives: DAOs with cells, sub-cells, roles and tasks, and a few links.

    The shape is 10 DAOs x 10 cells x 10 roles x 9 tasks at ``n`` = 10,000 (ids are stable)."""
    per_dao = max(1, n // daos)
    cells = max(1, round((per_dao / 100) ** 0.5 * 10)) if per_dao >= 100 else max(1, per_dao // 10)
    per_cell = max(1, per_dao // cells - 1)
    roles = max(1, per_cell // 10)
    tasks = max(0, per_cell // roles - 1)
    prims: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    layout: dict[str, list[float]] = {}
    scales = ["coordination", "collaboration"]
    for d in range(daos):
        did = f"dao-{d}"
        prims.append({"id": did, "kind": "dao", "name": f"DAO {d}", "scale": "constituency", "phase": "iteration"})
        layout[did] = [d * 3000.0, 300.0]
        for c in range(cells):
            cid = f"cell-{d}-{c}"
            prims.append(
                {"id": cid, "kind": "cell", "name": f"Cell {d}.{c}", "parent": did, "scale": scales[c % 2],
                 "phase": "formation", "members": ["a", "b", "c"]}
            )
            layout[cid] = [d * 3000.0 + c * 330.0, 600.0 + 300.0 * (c % 2)]
            links.append({"from": cid, "to": did, "kind": "accountable-to"})
            if c % 3 == 0:
                links.append({"from": did, "to": cid, "kind": "funds", "amount": 1000 * (c + 1), "currency": "USDC"})
            for r in range(roles):
                rid = f"role-{d}-{c}-{r}"
                prims.append({"id": rid, "kind": "role", "name": f"Role {r}", "parent": cid})
                for t in range(tasks):
                    prims.append({"id": f"task-{d}-{c}-{r}-{t}", "kind": "task", "name": f"Task {t}", "parent": rid})
    return {
        "format": "dao-designer/1",
        "organization": {"name": f"Synthetic {n}"},
        "primitives": prims,
        "links": links,
        "layout": layout if with_layout else {},
    }


def synthetic_document(n: int, daos: int = 10, with_layout: bool = False) -> Document:
    return Document.model_validate(synthetic_data(n, daos, with_layout))
