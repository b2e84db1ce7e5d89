"""Hypothesis strategies for valid documents, shared by the round-trip and command tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from designer.model.kinds import LINK_KINDS, PHASES, SCALES

texts = st.text(max_size=40)
names = st.text(min_size=1, max_size=30)
multiline = st.lists(st.text(max_size=20), max_size=4).map("\n".join)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | texts
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3),
    max_leaves=8,
)
coordinates = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@st.composite
def documents(draw: st.DrawFn, max_primitives: int = 12) -> dict[str, Any]:
    """A valid document's data: a containment tree of all kinds, links between them, layout."""
    count = draw(st.integers(0, max_primitives))
    prims: list[dict[str, Any]] = []
    for i in range(count):
        containers = [p for p in prims if p["kind"] in ("dao", "cell")]
        roles = [p for p in prims if p["kind"] in ("role", "cell")]
        choices = ["dao", "cell", "partner"]
        if containers:
            choices.append("role")
        if roles:
            choices.append("task")
        kind = draw(st.sampled_from(choices))
        p: dict[str, Any] = {"id": f"p{i}", "kind": kind, "name": draw(names)}
        if kind in ("dao", "cell", "partner"):
            if kind == "cell" and containers and draw(st.booleans()):
                p["parent"] = draw(st.sampled_from(containers))["id"]
            p["scale"] = draw(st.sampled_from(SCALES))
            p["phase"] = draw(st.sampled_from(PHASES))
            p["members"] = draw(st.lists(names, max_size=3))
            p["state"] = {"purpose": {"statement": draw(multiline)}}
            if kind != "partner":
                p["state"]["purpose"]["goals"] = draw(st.lists(texts, max_size=3))
        elif kind == "role":
            p["parent"] = draw(st.sampled_from(containers))["id"]
            p["holders"] = draw(st.lists(names, max_size=2))
            p["state"] = {"purpose": {"responsibilities": draw(st.lists(texts, max_size=2))}}
        else:
            parent = draw(st.sampled_from(roles))
            p["parent"] = parent["id"]
            p["assignee"] = parent["id"]
            p["state"] = {"purpose": {"deliverable": draw(texts)}, "progress": {"status": "todo"}}
        if draw(st.booleans()):
            p["description"] = draw(multiline)
        if draw(st.integers(0, 4)) == 0:
            p["x-" + draw(st.text(min_size=1, max_size=6))] = draw(json_values)
        prims.append(p)
    links: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    ids = [p["id"] for p in prims]
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 6))):
            a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
            kind = draw(st.sampled_from([k for k in LINK_KINDS if k != "uses-role"]))
            if a == b or (a, b, kind) in seen:
                continue
            seen.add((a, b, kind))
            link: dict[str, Any] = {"from": a, "to": b, "kind": kind}
            if kind == "funds":
                link["amount"] = draw(st.floats(min_value=0, max_value=1e9, allow_nan=False))
                link["currency"] = draw(st.sampled_from(["USDC", "EUR", "ETH"]))
            links.append(link)
    layout = {i: [draw(coordinates), draw(coordinates)] for i in ids if draw(st.booleans())}
    return {
        "format": "dao-designer/1",
        "organization": {
            "name": draw(names),
            "approach": draw(st.sampled_from(["top-down", "unconstrained", "hybrid"])),
        },
        "design": {"purpose": {"statement": draw(multiline)}},
        "rules": {"ignore": [], "settings": {}},
        "primitives": prims,
        "links": links,
        "layout": layout,
    }
