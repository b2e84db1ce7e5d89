"""networkx views of a document: the containment tree and the graph of each link kind.

For analyses and for library users (``designer`` is usable headless as a library). The rules and
the layout do not use these at run time: importing networkx alone takes about 0.24 s here, more
than the whole budget of ``validate`` on a 10k-primitive file, so they walk indexed dicts instead.
The test suite uses these views as the reference the rules are checked against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from designer.model.document import Document
from designer.model.kinds import LinkKind

if TYPE_CHECKING:
    import networkx as nx


def _networkx() -> Any:
    import networkx

    return networkx


def containment_tree(doc: Document) -> nx.DiGraph:
    """Parent → child edges; every primitive is a node carrying ``kind`` and ``name``."""
    graph = _networkx().DiGraph()
    for p in doc.primitives:
        graph.add_node(p.id, kind=p.kind, name=p.name)
    for p in doc.primitives:
        if p.parent is not None:
            graph.add_edge(p.parent, p.id)
    return graph


def link_graph(doc: Document, kind: LinkKind) -> nx.MultiDiGraph:
    """The links of one kind, ``from`` → ``to``, with the link's fields on each edge."""
    graph = _networkx().MultiDiGraph()
    graph.add_nodes_from(p.id for p in doc.primitives)
    for link in doc.links:
        if link.kind == kind:
            graph.add_edge(link.source, link.target, **link.to_data())
    return graph


def accountability_graph(doc: Document) -> nx.MultiDiGraph:
    """Who answers to whom: the ``accountable-to`` links."""
    return link_graph(doc, "accountable-to")
