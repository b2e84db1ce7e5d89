"""Access to the data files shipped in the ``resources`` package (templates, framework data, schema)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    node: Traversable = files("resources")
    for part in parts:
        node = node.joinpath(part)
    return node
