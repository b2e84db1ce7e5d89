"""Hypothesis strategies for valid documents, shared by the round-trip and command tests.

They cover the network fields too: legal-entity anchors, cells as members, DAO-owned tasks,
treasury accounts with role and contract signers, decision parameters, status and completion
records on every kind, and percentage and recurring funding links."""

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
percents = st.floats(min_value=0, max_value=100, allow_nan=False) | st.integers(0, 100).map(lambda n: f"{n}%")
durations = st.builds(
    lambda n, unit, plural: f"{n} {unit}{'s' if plural else ''}",
    st.integers(1, 999), st.sampled_from(["hour", "day", "week", "month", "year"]), st.booleans(),
)
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda t: len(t) == 10)


def _optional(draw: st.DrawFn, data: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


@st.composite
def decision_making(draw: st.DrawFn) -> dict[str, Any]:
    """A decision-making section with structured parameters and further mechanisms."""
    def params() -> dict[str, Any]:
        out: dict[str, Any] = {}
        _optional(draw, out, "protocol", st.sampled_from(["consent", "token-vote", "moloch", "optimistic"]))
        _optional(draw, out, "quorum", percents)
        _optional(draw, out, "threshold", percents)
        _optional(draw, out, "period", durations)
        _optional(draw, out, "grace_period", durations)
        _optional(draw, out, "token", names)
        return out

    dm = params()
    mechanisms = []
    for _ in range(draw(st.integers(0, 2))):
        mechanism = params()
        _optional(draw, mechanism, "name", names)
        _optional(draw, mechanism, "applies_to", st.lists(texts, max_size=2))
        mechanisms.append(mechanism)
    if mechanisms:
        dm["mechanisms"] = mechanisms
    return dm


@st.composite
def treasury_accounts(draw: st.DrawFn, signer_ids: list[str]) -> list[dict[str, Any]]:
    """Treasury accounts whose signers mix people, ids of roles and cells, and contracts."""
    signers = names | st.builds(lambda a, n: {"contract": a, "name": n}, names, names)
    if signer_ids:
        signers = signers | st.sampled_from(signer_ids)
    accounts = []
    for _ in range(draw(st.integers(0, 2))):
        account: dict[str, Any] = {}
        _optional(draw, account, "name", names)
        _optional(draw, account, "kind", st.sampled_from(["safe", "multisig", "other"]))
        _optional(draw, account, "chain", st.sampled_from(["optimism", "base", "eip155:1"]))
        _optional(draw, account, "address", names)
        _optional(draw, account, "signers", st.lists(signers, max_size=3))
        _optional(draw, account, "threshold", st.integers(1, 5))
        accounts.append(account)
    return accounts


@st.composite
def completions(draw: st.DrawFn) -> dict[str, Any]:
    """A completion record with transfers of every kind."""
    record: dict[str, Any] = {}
    _optional(draw, record, "decided_by", names)
    _optional(draw, record, "decided", dates)
    _optional(draw, record, "impact", multiline)
    _optional(draw, record, "archive", names)
    _optional(draw, record, "subscriptions_cancelled", st.booleans())
    _optional(draw, record, "final_document", names)
    transfers = st.builds(
        lambda what, kind, to, amount: {"what": what, "kind": kind, "to": to, "amount": amount},
        names,
        st.sampled_from(["funds", "assets", "signers", "roles", "credentials", "responsibilities", "knowledge"]),
        names,
        st.floats(min_value=0, max_value=1e9, allow_nan=False),
    )
    _optional(draw, record, "transfers", st.lists(transfers, max_size=2))
    return record


@st.composite
def documents(draw: st.DrawFn, max_primitives: int = 12) -> dict[str, Any]:
    """A valid document's data: a containment tree of all kinds, links between them, layout."""
    count = draw(st.integers(0, max_primitives))
    prims: list[dict[str, Any]] = []
    for i in range(count):
        containers = [p for p in prims if p["kind"] in ("dao", "cell")]
        roles = [p for p in prims if p["kind"] in ("dao", "role", "cell")]
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
            if kind == "dao" and draw(st.booleans()):
                p["entity"] = "legal-entity"
                p["legal_form"] = draw(names)
            p["scale"] = draw(st.sampled_from(SCALES))
            p["phase"] = draw(st.sampled_from(PHASES))
            cell_ids = [c["id"] for c in prims if c["kind"] == "cell"]
            p["members"] = draw(st.lists(names | st.sampled_from(cell_ids) if cell_ids else names, max_size=3))
            p["state"] = {"purpose": {"statement": draw(multiline)}, "progress": {}}
            if kind != "partner":
                p["state"]["purpose"]["goals"] = draw(st.lists(texts, max_size=3))
                signer_ids = [c["id"] for c in prims if c["kind"] in ("role", "cell")]
                practice: dict[str, Any] = {}
                _optional(draw, practice, "decision_making", decision_making())
                _optional(draw, practice, "treasuries", treasury_accounts(signer_ids))
                p["state"]["practice"] = practice
        elif kind == "role":
            p["parent"] = draw(st.sampled_from(containers))["id"]
            p["holders"] = draw(st.lists(names, max_size=2))
            p["state"] = {"purpose": {"responsibilities": draw(st.lists(texts, max_size=2))}, "progress": {}}
        else:
            parent = draw(st.sampled_from(roles))
            p["parent"] = parent["id"]
            if parent["kind"] != "dao":
                p["assignee"] = parent["id"]
            p["state"] = {"purpose": {"deliverable": draw(texts)}, "progress": {"status": "todo"}}
        if kind != "task":
            _optional(draw, p["state"]["progress"], "status", texts)
            _optional(draw, p["state"]["progress"], "completion", completions())
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
                if draw(st.booleans()):
                    link["amount"] = draw(st.floats(min_value=0, max_value=1e9, allow_nan=False))
                    link["currency"] = draw(st.sampled_from(["USDC", "EUR", "ETH"]))
                else:
                    link["percent"] = draw(percents)
                    _optional(draw, link, "basis", names)
                _optional(draw, link, "period", st.sampled_from(["once", "month", "quarter", "year"]))
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
