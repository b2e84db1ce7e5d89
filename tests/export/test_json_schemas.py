"""The JSON exports match JSON Schemas written for their shapes (tests/export/schemas/)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from designer.export.daouri import to_daouri
from designer.export.hats import to_hats
from designer.model.document import Document
from tests.export.conftest import EXAMPLES, SCHEMAS, built_data


def _schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return data


REGISTRY: Registry[Any] = Registry().with_resources(
    (name, Resource.from_contents(_schema(name)))
    for name in ("hat-details.schema.json", "hats-tree.schema.json", "daouri.schema.json")
)


def validator(name: str) -> Draft202012Validator:
    schema = _schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=REGISTRY)


def errors(name: str, instance: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(instance)]


def test_hats_tree_matches_schema(doc: Document) -> None:
    tree = json.loads(to_hats(doc))
    assert errors("hats-tree.schema.json", tree) == []
    for hat in tree:
        assert json.loads(hat["details"]) == hat["detailsObject"]
        assert errors("hat-details.schema.json", hat["detailsObject"]) == []


def test_daouri_matches_schema(doc: Document) -> None:
    assert errors("daouri.schema.json", json.loads(to_daouri(doc))) == []


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the shared reference examples are not on this machine")
@pytest.mark.parametrize(
    "name", ["hats-details-fixture-subgraph-metadata1.json", "hats-details-fixture-subgraph-metadata2.json"]
)
def test_details_schema_accepts_real_hats_details(name: str) -> None:
    """The schema is not written to fit only our own output: real fixtures from Hats pass too."""
    assert errors("hat-details.schema.json", json.loads((EXAMPLES / name).read_text(encoding="utf-8"))) == []


def test_daouri_schema_rejects_empty_and_conflicting_fields() -> None:
    base = {"@context": "http://www.daostar.org/schemas", "type": "DAO", "name": "X"}
    assert errors("daouri.schema.json", base) == []
    assert errors("daouri.schema.json", {**base, "description": ""}) != []
    both = {
        **base,
        "membersURI": "https://x/m.json",
        "members": {"@context": "https://www.daostar.org/schemas", "type": "DAO", "members": [{"id": "did:web:a"}]},
    }
    assert errors("daouri.schema.json", both) != []


def test_daouri_content_of_built_document() -> None:
    from designer.export.daouri import dao_uri
    from designer.model.document import Document as Doc

    uri = dao_uri(Doc.model_validate(built_data()))
    assert uri["name"] == "Tidewater Commons" and uri["type"] == "DAO"
    assert uri["members"]["members"] == [
        {"id": "eip155:10:0x1111111111111111111111111111111111111111"},
        {"id": "did:web:bob.example"},
        {"id": "eip155:10:0x3333333333333333333333333333333333333333"},
    ]
    assert uri["contracts"]["contracts"] == [
        {
            "id": "eip155:10:0x2222222222222222222222222222222222222222",
            "name": "Tidewater DAO: Treasury",
            "description": "Safe",
        },
        {
            "id": "eip155:8453:0x4444444444444444444444444444444444444444",
            "name": "Operations Cell: Treasury: Grants Safe",
            "description": "Safe",
        },
        {
            "id": "eip155:8453:0x5555555555555555555555555555555555555555",
            "name": "Operations Cell: Treasury: Grants Safe signer",
            "description": "Signer gate",
        },
    ]


def test_daouri_uris_from_the_organization() -> None:
    from designer.export.daouri import dao_uri
    from designer.model.document import Document as Doc

    data = built_data()
    data["organization"]["x-daouri"] = {
        "governanceURI": "https://t.example/handbook.md",
        "membersURI": "https://t.example/m.json",
    }
    uri = dao_uri(Doc.model_validate(data))
    assert uri["governanceURI"] == "https://t.example/handbook.md"
    assert uri["membersURI"] == "https://t.example/m.json" and "members" not in uri
