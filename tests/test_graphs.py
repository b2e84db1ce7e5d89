"""networkx as the reference: the rules' own graph walks agree with it on random documents."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.commands.model import DocumentModel
from designer.model.document import Document
from designer.model.graphs import accountability_graph, containment_tree, link_graph
from designer.rules.engine import Engine
from tests.docs import SMALL
from tests.strategies import documents


@st.composite
def accountable_documents(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(documents(max_primitives=10))
    ids = [p["id"] for p in data["primitives"]]
    links = [link for link in data["links"] if link["kind"] != "accountable-to"]
    seen: set[tuple[str, str]] = set()
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 14))):
            a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
            if a != b and (a, b) not in seen:
                seen.add((a, b))
                links.append({"from": a, "to": b, "kind": "accountable-to"})
    return {**data, "links": links}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accountable_documents())
def test_accountability_cycles_match_networkx_strong_components(data: dict[str, Any]) -> None:
    doc = Document.model_validate(data)
    rings = [f for f in Engine(select=["DP550"]).run(doc) if f.code == "DP550"]
    graph = accountability_graph(doc)
    # reported: cyclic groups nobody in which answers to anyone outside (double links that also
    # answer up are fine)
    expected = [c for c in nx.strongly_connected_components(graph)
                if len(c) > 1 and all(t in c for s in c for t in graph.successors(s))]
    assert len(rings) == len(expected)
    covered = []
    for finding in rings:
        ring = finding.message.removeprefix("accountability cycle with no link out of it: ").split(" → ")
        assert ring[0] == ring[-1] and finding.primitive == ring[0]
        assert all(graph.has_edge(a, b) for a, b in pairwise(ring)), "a real cycle"
        covered.extend(c for c in expected if set(ring) <= c)
    assert sorted(map(sorted, covered)) == sorted(map(sorted, expected)), "one ring per cyclic group"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(max_primitives=14))
def test_descendants_match_the_containment_tree(data: dict[str, Any]) -> None:
    doc = Document.model_validate(data)
    model = DocumentModel(doc)
    tree = containment_tree(doc)
    assert not tree or nx.is_forest(tree)
    for p in doc.primitives:
        assert set(model.descendants(p.id)) == nx.descendants(tree, p.id)
        assert model.ancestors(p.id) == list(reversed(nx.shortest_path(tree, _root(tree, p.id), p.id)[:-1]))


def _root(tree: nx.DiGraph, node: str) -> str:
    while True:
        parents = list(tree.predecessors(node))
        if not parents:
            return node
        node = parents[0]


def test_link_graphs_carry_the_link_fields() -> None:
    from designer.io.load import parse_document

    doc = parse_document(SMALL)
    funds = link_graph(doc, "funds")
    assert list(funds.edges(data=True)) == [
        (
            "regen-dao",
            "ops",
            {
                "from": "regen-dao",
                "to": "ops",
                "kind": "funds",
                "amount": 50000,
                "currency": "USDC",
                "period": "quarter",
            },
        )
    ]
    assert list(accountability_graph(doc).edges()) == [("ops", "regen-dao")]
