"""The JSON Schema of the state file format, generated from the model.

Published as ``resources/schema/dao-designer-1.schema.json``; a test fails when the file drifts
from what the model generates, so the two never disagree.
"""

from __future__ import annotations

from typing import Any

from designer import FORMAT
from designer.model.document import Document

SCHEMA_ID = "https://dao-designer.invalid/schema/dao-designer-1.schema.json"
SCHEMA_FILE = "dao-designer-1.schema.json"


def document_schema() -> dict[str, Any]:
    schema = Document.model_json_schema(mode="validation")
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"DAO Primitives Designer state file ({FORMAT})",
        "description": "A *.dao.yaml or *.dao.json file: organization, design guide, rules, primitives, "
        "links and layout. Keys starting with 'x-' are extensions, kept as they are. A document may hold "
        "several networks (projects): each 'dao' primitive (a DAO, or a legal entity with entity: legal-entity) "
        "and each stakeholder group at the top of the tree anchors one, and every other primitive belongs to "
        "the network of its nearest anchor above it, so each network has its own top-level cell and "
        "stakeholder group.",
    }
    return {**head, **{k: v for k, v in schema.items() if k not in head}}
