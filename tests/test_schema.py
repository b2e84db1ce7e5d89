"""The published JSON Schema matches the model, and every sample and template satisfies it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from designer.io.load import parse_data
from designer.model.document import Document
from designer.schema import SCHEMA_FILE, document_schema
from tests.docs import SMALL

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "resources" / "schema" / SCHEMA_FILE
STATE_FILES = sorted([*ROOT.glob("samples/*.dao.yaml"), *ROOT.glob("resources/templates/*.dao.yaml")])


def test_published_schema_is_what_the_model_generates() -> None:
    published = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    assert published == document_schema(), (
        "resources/schema is out of date: run 'dao-designer schema -o resources/schema/dao-designer-1.schema.json'"
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(document_schema())


@pytest.mark.parametrize("path", STATE_FILES, ids=lambda p: p.name)
def test_every_sample_and_template_satisfies_the_schema(path: Path) -> None:
    data = parse_data(path.read_text(encoding="utf-8"), str(path), "yaml")
    jsonschema.Draft202012Validator(document_schema()).validate(data)


def test_there_are_state_files_to_check() -> None:
    assert any(p.parent.name == "templates" for p in STATE_FILES)


def test_schema_refuses_unknown_keys_and_allows_extensions() -> None:
    validator = jsonschema.Draft202012Validator(document_schema())
    data = Document.model_validate(parse_data(SMALL, "small", "yaml")).to_data()
    data["organization"]["x-crm"] = {"id": 1}
    assert list(validator.iter_errors(data)) == []
    data["organization"]["colour"] = "green"
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == ["'colour' does not match any of the regexes: '^x-'"]


def test_hand_written_network_fields_satisfy_the_schema() -> None:
    """What the loader accepts by hand ('10%', contract signers, durations) the schema accepts too."""
    from tests.test_format_networks import TWO_NETWORKS

    data = parse_data(TWO_NETWORKS, "two", "yaml")
    assert list(jsonschema.Draft202012Validator(document_schema()).iter_errors(data)) == []
    data["links"][0]["percent"] = "ten percent"
    errors = list(jsonschema.Draft202012Validator(document_schema()).iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["links", 0, "percent"]]
