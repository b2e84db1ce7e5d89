"""Property tests: every valid document survives save, load, save byte-identical, in YAML and JSON."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.io.load import parse_document
from designer.io.save import document_text
from designer.io.yaml_read import parse_reference, parse_yaml
from designer.io.yaml_write import dump_yaml
from designer.model.document import Document
from tests.strategies import documents, json_values

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(documents())
def test_save_load_save_is_byte_identical(data: dict[str, Any]) -> None:
    doc = Document.model_validate(data)
    first = document_text(doc)
    loaded = parse_document(first)
    second = document_text(loaded)
    assert second == first
    assert parse_document(second) == loaded


@FAST
@given(documents())
def test_json_round_trip_matches_yaml(data: dict[str, Any]) -> None:
    doc = Document.model_validate(data)
    from_json = parse_document(document_text(doc, "json"), "f.dao.json", "json")
    assert document_text(from_json) == document_text(doc)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=10), json_values, max_size=5))
def test_writer_output_reads_back_identically_in_every_parser(data: dict[str, Any]) -> None:
    text = dump_yaml(data)
    assert parse_reference(text) == data
    assert parse_yaml(text) == data
    # A plain YAML 1.1 reader (PyYAML's own safe loader) must read the same data too.
    assert yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == data
