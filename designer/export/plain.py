"""Plain data of a document's parts, as the state file writes them: empty values left out.

Exporters read primitives through ``Document.to_data()`` so that they see exactly what the
state file holds (extension keys included), and prune what a part dumped on its own keeps.
"""

from __future__ import annotations

from typing import Any

from designer.model.document import Document


def prune(value: Any) -> Any:
    """Drop None, empty text, empty lists and empty mappings, at every depth."""
    if isinstance(value, dict):
        pruned = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if not _empty(v)}
    if isinstance(value, list):
        return [prune(v) for v in value if not _empty(prune(v))]
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def primitives_data(doc: Document) -> dict[str, dict[str, Any]]:
    """Each primitive's data as written in the state file, by id, in file order."""
    return {item["id"]: item for item in doc.to_data()["primitives"]}
