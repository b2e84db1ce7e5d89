"""Loading and saving: exact errors, byte-stable output, atomic writes, JSON, migrations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from designer.io import migrations
from designer.io.errors import LoadError
from designer.io.load import load_document, parse_document
from designer.io.save import atomic_write, document_text, save_document
from tests.docs import SMALL


def load_error(text: str, name: str = "f.dao.yaml") -> str:
    with pytest.raises(LoadError) as info:
        parse_document(text, name, "json" if name.endswith(".json") else "yaml")
    return info.value.summary()


def test_small_document_loads_with_its_structure() -> None:
    doc = parse_document(SMALL)
    assert [p.id for p in doc.primitives] == ["regen-dao", "ops", "treasury-steward", "q3-report"]
    assert doc.links[1].amount == 50000 and doc.links[1].period == "quarter"
    assert doc.layout["ops"] == [0, 300]


def test_save_load_save_is_byte_identical() -> None:
    doc = parse_document(SMALL)
    text = document_text(doc)
    again = parse_document(text)
    assert again == doc
    assert document_text(again) == text


def test_output_uses_flow_pairs_and_whole_numbers() -> None:
    text = document_text(parse_document(SMALL))
    assert "  ops: [0, 300]\n" in text
    assert "    amount: 50000\n" in text
    assert "&" not in text and "*" not in text


def test_coordination_is_read_as_iteration_and_written_as_iteration() -> None:
    doc = parse_document(SMALL.replace("phase: iteration", "phase: coordination"))
    assert doc.primitives[0].phase == "iteration"
    assert "coordination\n" not in document_text(doc).split("primitives:")[1].split("scale")[0]


def test_extension_keys_round_trip_untouched() -> None:
    text = SMALL.replace("  approach: hybrid\n", "  approach: hybrid\n  x-crm: {id: 42, tags: [a, b]}\n")
    text += "x-exported-by: {tool: kumu, at: '2026-01-01'}\n"
    doc = parse_document(text)
    assert doc.organization.extensions == {"x-crm": {"id": 42, "tags": ["a", "b"]}}
    out = document_text(doc)
    assert "x-crm:" in out and "x-exported-by:" in out
    assert parse_document(out) == doc


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("kind: role", "kind: rol"),
            "f.dao.yaml:27:11: primitives[2] (treasury-steward): unknown kind 'rol'; expected one of: "
            "dao, cell, role, task, partner",
        ),
        (
            ("threshold: 2", 'threshold: "2"'),
            "f.dao.yaml:25:63: primitives[1] (ops).state.practice.treasury.threshold: expected a whole number, "
            "found text '2'",
        ),
        (
            ("parent: ops", "parent: opz"),
            "f.dao.yaml:29:13: 'treasury-steward' names parent 'opz', which does not exist",
        ),
        (
            ("format: dao-designer/1", "format: dao-designer/7"),
            "f.dao.yaml:1:9: unknown format version 'dao-designer/7'; this version of DAO Primitives Designer "
            "reads dao-designer/1 (a newer release may read it)",
        ),
        (
            ("    holders: [alice]", "    holders: [alice]\n    scale: coordination"),
            "f.dao.yaml:31:5: primitives[2] (treasury-steward): a role or task has no scale of its own; "
            "it sits in its container's lane",
        ),
        (
            ("  ops: [0, 300]", "  ops: [0, 300]\n  ghost: [1, 1]"),
            "f.dao.yaml:42:10: layout names 'ghost', which does not exist",
        ),
        (
            ("kind: accountable-to}", "kind: accountable-to, amount: 3}"),
            "f.dao.yaml:37:5: links[0]: 'amount' is only allowed on a 'funds' link, not on 'accountable-to'",
        ),
    ],
)
def test_broken_documents_give_one_located_message(change: tuple[str, str], message: str) -> None:
    assert load_error(SMALL.replace(*change)) == message


def test_containment_cycle_is_named() -> None:
    text = SMALL.replace("    parent: regen-dao\n    scale: coordination", "    parent: ops2\n    scale: coordination")
    text = text.replace(
        "links:", "  - {id: ops2, kind: cell, name: Two, parent: ops, scale: coordination, phase: formation}\nlinks:"
    )
    assert load_error(text) == "f.dao.yaml:19:13: containment cycle: ops → ops2 → ops"


def test_json_documents_load_and_report_duplicate_keys_with_a_line() -> None:
    doc = parse_document(SMALL)
    text = document_text(doc, "json")
    assert parse_document(text, "f.dao.json", "json") == doc
    broken = text.replace('"approach": "hybrid"', '"approach": "hybrid",\n    "name": "Again"')
    assert load_error(broken, "f.dao.json") == "f.dao.json:6:5: duplicate key 'name'"


def test_atomic_save_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "net.dao.yaml"
    target.write_text("old contents\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        atomic_write(target, "new contents\n")
    assert target.read_text() == "old contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["net.dao.yaml"]


def test_save_document_writes_what_loads_back(tmp_path: Path) -> None:
    doc = parse_document(SMALL)
    target = tmp_path / "net.dao.yaml"
    save_document(doc, target)
    assert load_document(target) == doc
    target.chmod(0o600)
    save_document(doc, target)
    assert target.stat().st_mode & 0o777 == 0o600


def test_missing_file_and_folder_are_clear(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "nope.dao.yaml")
    assert info.value.summary() == f"{tmp_path / 'nope.dao.yaml'}: no such file"
    with pytest.raises(LoadError) as info:
        load_document(tmp_path)
    assert info.value.summary() == f"{tmp_path}: is a folder, not a state file"


def test_migration_hook_upgrades_older_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    def step(data: dict[str, object]) -> dict[str, object]:
        data["organization"] = data.pop("org")
        return data

    monkeypatch.setitem(migrations.MIGRATIONS, "dao-designer/0", ("dao-designer/1", step))
    text = SMALL.replace("format: dao-designer/1", "format: dao-designer/0").replace("organization:", "org:")
    doc = parse_document(text)
    assert doc.organization.name == "Regen Commons"
    assert document_text(doc).startswith("format: dao-designer/1\norganization:\n")


def test_keys_that_are_not_text_get_the_same_message_on_either_parser() -> None:
    text = SMALL.replace("  ops: [0, 300]", "  ops: [0, 300]\n  7: [1, 1]")
    assert load_error(text) == "f.dao.yaml:42:3: mapping keys must be text; quote '7'"
    ext = SMALL + "x-notes: {1: one}\n"
    assert load_error(ext) == "f.dao.yaml:42:11: mapping keys must be text; quote '1'"


def test_a_misspelt_key_is_named_once_with_the_key_it_was_meant_to_be() -> None:
    text = SMALL.replace("    name: Treasury Steward", "    nmae: Treasury Steward").replace(
        "    holders: [alice]", "    holders: [alice]\n    state: {purpose: {responsibilites: [Pay]}}"
    )
    with pytest.raises(LoadError) as info:
        parse_document(text, "f.dao.yaml")
    assert info.value.details() == [
        "f.dao.yaml:28:5: primitives[2] (treasury-steward): unknown key 'nmae'; did you mean 'name'?",
        "f.dao.yaml:31:23: primitives[2] (treasury-steward).state.purpose: unknown key 'responsibilites'; "
        "did you mean 'responsibilities'?",
    ]


def test_yaml_slips_point_at_the_line_to_fix() -> None:
    assert load_error(SMALL.replace("    kind: role", "    kind role")) == (
        "f.dao.yaml:27:5: a ':' is missing after the key on this line"
    )
    assert load_error(SMALL.replace("members: [alice, bob, carol]", "members: [alice, bob, carol")) == (
        "f.dao.yaml:23:14: this '[' is never closed"
    )
