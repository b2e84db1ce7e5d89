"""Broken and hostile state files: each gets one exact, located line on stderr and exit code 2.

The files live in ``tests/corpus/``. Every file there must be listed below, either with the exact
message it gets or as a file that loads. Files too big to commit (the size cap, deep nesting) are
generated in a temporary folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from designer.cli.main import main
from designer.io.errors import LoadError
from designer.io.load import MAX_BYTES, load_document, parse_document
from designer.io.save import document_text

CORPUS = Path(__file__).parent / "corpus"
ROOT = Path(__file__).resolve().parent.parent

_NOT_AN_ID = "is not a valid id (lower-case letters, digits and hyphens, starting with a letter or digit)"
_EXT = "(extension keys must start with 'x-')"
_PHASES = "'conversation', 'formation', 'organization', 'iteration' or 'completion'"

REJECTED: dict[str, str] = {
    "control-character.dao.yaml": (
        ":7:16: control character U+0007 is not allowed; write it as an escape inside double quotes"
    ),
    # YAML syntax
    "syntax-unclosed-flow.dao.yaml": (":5:5: this '{' is never closed"),
    "syntax-unclosed-quote.dao.yaml": ":4:16: this quote is never closed",
    "syntax-bad-indent.dao.yaml": (":10:4: this line is indented differently from the lines above it"),
    "tab-indent.dao.yaml": ":6:1: tab characters cannot indent YAML; use spaces",
    "multiple-documents.dao.yaml": (":10:1: the file holds more than one YAML document; a state file is one document"),
    # duplicate keys: PyYAML alone would keep the last one silently
    "duplicate-key-top.dao.yaml": ":10:1: duplicate key 'organization'",
    "duplicate-key-nested.dao.yaml": ":10:5: duplicate key 'name'",
    "duplicate-key-flow.dao.yaml": ":5:35: duplicate key 'name'",
    # aliases, merge keys, tags
    "alias.dao.yaml": ":10:15: YAML aliases are not allowed: write out the value instead of *n",
    "billion-laughs.dao.yaml": ":6:10: YAML aliases are not allowed: write out the value instead of *a",
    "merge-key.dao.yaml": ":9:5: YAML merge keys (<<) are not allowed; write the keys out",
    "merge-key-inline.dao.yaml": ":8:5: YAML merge keys (<<) are not allowed; write the keys out",
    "tag-python-apply.dao.yaml": ":5:5: the YAML tag !!python/object/apply:os.system is not allowed",
    "tag-python-name.dao.yaml": ":4:16: the YAML tag !!python/name:os.system is not allowed",
    "tag-custom.dao.yaml": ":10:18: the YAML tag !foo is not allowed",
    "tag-binary.dao.yaml": ":10:18: the YAML tag !!binary is not allowed",
    "tag-timestamp.dao.yaml": ":10:18: the YAML tag !!timestamp is not allowed",
    "non-text-key.dao.yaml": ":12:9: mapping keys must be text; quote '1'",
    # the shape of the file
    "empty.dao.yaml": ":1:1: the file is empty; a state file starts with 'format: dao-designer/1'",
    "comments-only.dao.yaml": ":1:1: the file is empty; a state file starts with 'format: dao-designer/1'",
    "top-level-list.dao.yaml": ":1:1: a state file is a mapping of keys, starting with 'format: dao-designer/1'",
    "top-level-scalar.dao.yaml": ":1:1: a state file is a mapping of keys, starting with 'format: dao-designer/1'",
    "not-utf8.dao.yaml": ":4:19: the file is not UTF-8 text",
    # format version
    "missing-format.dao.yaml": ":1:1: missing required key 'format' (write 'format: dao-designer/1' first)",
    "unknown-format-version.dao.yaml": (
        ":1:9: unknown format version 'dao-designer/2'; this version of DAO Primitives Designer reads"
        " dao-designer/1 (a newer release may read it)"
    ),
    "unknown-format.dao.yaml": ":1:9: unknown format 'kumu/1'; expected 'dao-designer/1'",
    "format-number.dao.yaml": ":1:9: unknown format 1; expected 'dao-designer/1'",
    # unknown keys at several depths
    "unknown-key-top.dao.yaml": f":10:1: the file: unknown key 'colour' {_EXT}",
    "unknown-key-organization.dao.yaml": f":4:3: organization: unknown key 'founded' {_EXT}",
    "unknown-key-primitive.dao.yaml": f":10:5: primitives[0] (dao): unknown key 'owner' {_EXT}",
    "unknown-key-deep.dao.yaml": (
        ":20:11: primitives[1] (ops).state.practice.treasury: unknown key 'threshhold'; did you mean 'threshold'?"
    ),
    "unknown-key-link.dao.yaml": f":17:48: links[0]: unknown key 'weight' {_EXT}",
    "role-with-scale.dao.yaml": (
        ":20:5: primitives[2] (steward): a role or task has no scale of its own; it sits in its container's lane"
    ),
    # wrong types and values
    "wrong-type-name-number.dao.yaml": ":7:11: primitives[0] (dao).name: expected text, found a whole number 42",
    "wrong-type-members-text.dao.yaml": (
        ":10:14: primitives[0] (dao).members: expected a list, found text 'alice, bob'"
    ),
    "wrong-type-threshold-text.dao.yaml": (
        ":18:54: primitives[1] (ops).state.practice.treasury.threshold: expected a whole number, found text 'two'"
    ),
    "wrong-type-top-level-yes.dao.yaml": (
        ":16:16: primitives[1] (ops).top_level: expected true or false, found text 'yes'"
    ),
    "wrong-type-primitives-mapping.dao.yaml": (
        ":5:3: primitives: expected a list, found a mapping "
        "{'dao': {'kind': 'dao', 'name': 'Test DAO', 'scale': 'con..."
    ),
    "wrong-type-organization-text.dao.yaml": ":2:15: organization: expected a mapping, found text 'Test network'",
    "wrong-type-layout-point.dao.yaml": ":11:8: layout.dao: a position is [x, y]; found 1 number",
    "primitives-null.dao.yaml": ":4:13: primitives: expected a list, found nothing (null)",
    "null-name.dao.yaml": ":7:10: primitives[0] (dao).name: expected text, found nothing (null)",
    "empty-name.dao.yaml": ":7:11: primitives[0] (dao).name: must not be empty",
    "negative-amount.dao.yaml": ":17:47: links[0].amount: must be 0 or more, found -5",
    "nan-amount.dao.yaml": ":17:47: links[0].amount: must be a finite number, found nan",
    # ids, kinds, phases, scales
    "bad-id-uppercase.dao.yaml": f":5:9: primitives[0] (Ops-Cell).id: 'Ops-Cell' {_NOT_AN_ID}",
    "bad-id-space.dao.yaml": f":10:9: primitives[1] (ops cell).id: 'ops cell' {_NOT_AN_ID}",
    "bad-id-parent.dao.yaml": f":13:13: primitives[1] (ops).parent: 'The DAO' {_NOT_AN_ID}",
    "layout-bad-id.dao.yaml": f":11:15: layout.Ghost Cell: 'Ghost Cell' {_NOT_AN_ID}",
    "unknown-kind.dao.yaml": (
        ":11:11: primitives[1] (guild): unknown kind 'guild'; expected one of: dao, cell, role, task, partner"
    ),
    "missing-kind.dao.yaml": (
        ":10:5: primitives[1] (ops): missing required key 'kind' (one of: dao, cell, role, task, partner)"
    ),
    "missing-name.dao.yaml": ":5:5: primitives[0] (dao): missing required key 'name'",
    "missing-organization-name.dao.yaml": ":2:15: organization: missing required key 'name'",
    "unknown-phase.dao.yaml": (
        f":9:12: primitives[0] (dao).phase: 'scaling' is not allowed; expected one of: {_PHASES}"
    ),
    "checklist-unknown-phase.dao.yaml": (
        ":11:7: primitives[0] (dao).checklist.scaling: 'scaling' is not allowed; expected one of: "
        "'conversation', 'formation', 'organization', 'iteration' or 'completion'"
    ),
    "unknown-scale.dao.yaml": (
        ":8:12: primitives[0] (dao).scale: 'global' is not allowed; expected one of: "
        "'network', 'constituency', 'coordination' or 'collaboration'"
    ),
    "unknown-link-kind.dao.yaml": (
        ":17:32: links[0].kind: 'reports-to' is not allowed; expected one of: "
        "'accountable-to', 'coordinates-with', 'partners-with', 'funds' or 'uses-role'"
    ),
    # referential integrity
    "dangling-parent.dao.yaml": ":13:13: 'ops' names parent 'operations', which does not exist",
    "wrong-parent-kind.dao.yaml": (
        ":23:13: a cell cannot sit inside a role ('steward'); its parent must be a DAO or a cell"
    ),
    "containment-cycle.dao.yaml": ":8:13: containment cycle: a → c → b → a",
    "self-parent.dao.yaml": ":8:13: containment cycle: a → a",
    "dangling-link.dao.yaml": ":17:21: link to 'regen-dao', which does not exist",
    "dangling-assignee.dao.yaml": ":24:15: 'report' is assigned to 'stewart', which does not exist",
    "uses-role-not-a-role.dao.yaml": ":17:21: a 'uses-role' link must point at a role; 'dao' is a DAO",
    "duplicate-id.dao.yaml": ":16:9: duplicate id 'ops'",
    "duplicate-link.dao.yaml": ":18:5: duplicate 'accountable-to' link from 'ops' to 'dao'",
    "funds-fields-on-accountable.dao.yaml": (
        ":17:5: links[0]: 'amount' is only allowed on a 'funds' link, not on 'accountable-to'"
    ),
    "layout-missing-id.dao.yaml": ":12:10: layout names 'ghost', which does not exist",
    # JSON
    "json-syntax.dao.json": ":3:43: JSON syntax error: Expecting property name enclosed in double quotes",
    "json-duplicate-key.dao.json": ":5:3: duplicate key 'primitives'",
    "json-nan.dao.json": ":4:22: NaN is not a number a state file can hold",
    # issue 10: what a save could not write back is refused where it stands
    "x-nan.dao.yaml": (
        ":9:14: primitives[0] (tide).x-score: extension data cannot hold .nan (not a number), which is not a "
        "finite number; quote it to keep it as text"
    ),
    "x-infinity.dao.yaml": (
        ":9:23: primitives[0] (tide).x-weights[2]: extension data cannot hold .inf (infinity), which is not a "
        "finite number; quote it to keep it as text"
    ),
    "x-huge-integer.dao.yaml": (
        ":9:15: this whole number has 4,301 digits; a state file holds at most 4,300 digits (quote it to keep it "
        "as text)"
    ),
    "json-lone-surrogate.dao.json": (
        ":6:32: text holds a lone surrogate \\ud83d, which is no character and cannot be saved as UTF-8"
    ),
    "json-top-level-list.dao.json": (":1:1: a state file is a mapping of keys, starting with 'format: dao-designer/1'"),
    "json-unknown-key.dao.json": f":3:44: organization: unknown key 'colour' {_EXT}",
}
"""File name -> what follows the path on stderr."""

VALIDATE_DIVERGES = {}
"""Files where ``validate`` says something other than the library (and ``export``) does."""

LOADS = (
    "bom.dao.yaml",
    "crlf.dao.yaml",
    "anchor-unused.dao.yaml",
    "phase-coordination-alias.dao.yaml",
    "x-keys.dao.yaml",
)
"""Files that are odd but valid."""


def _validate(capsys: pytest.CaptureFixture[str], path: Path | str) -> tuple[int, str, str]:
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _expected(path: Path | str, suffix: str) -> str:
    return f"{path}{suffix}\n"


def _validate_cases() -> list[object]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=VALIDATE_DIVERGES[name]))
        if name in VALIDATE_DIVERGES
        else name
        for name in sorted(REJECTED)
    ]


def test_every_corpus_file_is_listed() -> None:
    on_disk = {p.name for p in CORPUS.iterdir()}
    listed = set(REJECTED) | set(LOADS)
    assert on_disk == listed
    assert len(on_disk) >= 30


@pytest.mark.parametrize("name", _validate_cases())
def test_rejected_with_exact_message(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / name
    code, out, err = _validate(capsys, path)
    assert "Traceback" not in err
    assert err == _expected(path, REJECTED[name])
    assert code == 2
    assert "no problems" not in out


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_library_raises_load_error(name: str) -> None:
    """The library gives the same first line, so the app's error dialog matches the CLI."""
    path = CORPUS / name
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert f"{info.value.summary()}\n" == _expected(path, REJECTED[name])


@pytest.mark.parametrize(
    "name", ["duplicate-key-top.dao.yaml", "billion-laughs.dao.yaml", "tag-python-apply.dao.yaml", "json-nan.dao.json"]
)
def test_export_in_a_subprocess(name: str, tmp_path: Path) -> None:
    """The installed entry path: one 'error:' line, exit 2, nothing written."""
    path = CORPUS / name
    out = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-m", "designer", "export", str(path), "--to", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.stderr == f"error: {path}{REJECTED[name]}\n"
    assert result.returncode == 2
    assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize("name", LOADS)
def test_odd_but_valid_files_load(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """They load: ``validate`` may still report rule findings (exit 1), but never bad input (exit 2)."""
    code, _, err = _validate(capsys, CORPUS / name)
    assert err == ""
    assert code in (0, 1)
    assert load_document(CORPUS / name).primitives


def test_bom_and_crlf_load_like_the_plain_file() -> None:
    plain = (CORPUS / "crlf.dao.yaml").read_bytes().replace(b"\r\n", b"\n")
    assert b"\r" not in plain
    expected = parse_document(plain, "plain")
    assert load_document(CORPUS / "bom.dao.yaml") == expected
    assert load_document(CORPUS / "crlf.dao.yaml") == expected
    assert not document_text(load_document(CORPUS / "bom.dao.yaml")).startswith("\ufeff")


def test_coordination_phase_is_read_as_iteration() -> None:
    doc = load_document(CORPUS / "phase-coordination-alias.dao.yaml")
    dao = doc.primitives[0]
    assert dao.phase == "iteration"
    assert dict(dao.checklist) == {"iteration": ["stale-state-checked"]}
    text = document_text(doc)
    assert "phase: iteration" in text
    assert "coordination" not in text


def test_extension_keys_round_trip() -> None:
    doc = load_document(CORPUS / "x-keys.dao.yaml")
    assert doc.extensions == {"x-generator": {"name": "other-tool", "version": 3}}
    assert doc.organization.extensions == {"x-crm-id": 8812}
    dao = doc.primitives[0]
    assert dao.extensions == {"x-color": "#2a9d8f"}
    assert dao.state.purpose.extensions == {"x-notes": ["one", "two"]}
    text = document_text(doc)
    again = parse_document(text, "again")
    assert again == doc
    assert document_text(again) == text
    assert again.primitives[0].state.purpose.extensions == {"x-notes": ["one", "two"]}


def test_control_character_message_is_one_located_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "control-character.dao.yaml"
    _, _, err = _validate(capsys, path)
    assert err == (
        f"{path}:7:16: control character U+0007 is not allowed; write it as an escape inside double quotes\n"
    )


# --- generated: too big to commit ---------------------------------------------------------------


def test_size_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An over-50 MB file is refused before it is read (a sparse file: nothing is really written)."""
    path = tmp_path / "huge.dao.yaml"
    with path.open("wb") as handle:
        handle.write(b"format: dao-designer/1\n")
        handle.truncate(MAX_BYTES + 1)
    code, _, err = _validate(capsys, path)
    message = f"{path}: file is 50,000,001 bytes; state files are limited to 50 MB (50,000,000 bytes)"
    assert err == message + "\n"
    assert code == 2
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.summary() == message


def test_size_cap_in_memory() -> None:
    with pytest.raises(LoadError) as info:
        parse_document(b"#" * (MAX_BYTES + 1), "big.dao.yaml")
    assert info.value.summary() == (
        "big.dao.yaml: file is 50,000,001 bytes; state files are limited to 50 MB (50,000,000 bytes)"
    )


def test_deep_nesting_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    depth = 100_000
    path = tmp_path / "deep.dao.yaml"
    path.write_text("format: dao-designer/1\norganization: {name: T}\nx-deep: " + "[" * depth + "]" * depth + "\n")
    code, _, err = _validate(capsys, path)
    assert err == f"{path}:3:1008: YAML syntax error: exceeded maximum nesting depth (while increasing flow level)\n"
    assert code == 2


def test_deep_nesting_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    depth = 100_000
    path = tmp_path / "deep.dao.json"
    path.write_text(
        '{"format": "dao-designer/1", "organization": {"name": "T"}, "x-deep": ' + "[" * depth + "]" * depth + "}"
    )
    code, _, err = _validate(capsys, path)
    assert err == f"{path}:1:170: the file nests lists or mappings too deeply to read\n"  # at the 101st level
    assert code == 2


def test_deep_nesting_block_style(tmp_path: Path) -> None:
    """100k block lists nested on one line (``- - - ... x``, 200 KB): a clear error, never a crash.

    Run in a subprocess: today this kills the interpreter."""
    depth = 100_000
    path = tmp_path / "deep-block.dao.yaml"
    path.write_text("format: dao-designer/1\norganization: {name: T}\nx-deep:\n  " + "- " * depth + "x\n")
    result = subprocess.run(
        [sys.executable, "-m", "designer", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:4:")
    assert result.stderr.count("\n") == 1


def test_what_loads_can_be_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Deeply nested extension data: refused on load, or saved; never a crash on export."""
    depth = 900
    path = tmp_path / "nested.dao.yaml"
    body = "".join("  " * (i + 1) + "k:\n" for i in range(depth)) + "  " * (depth + 1) + "v\n"
    path.write_text("format: dao-designer/1\norganization: {name: T}\nx-deep:\n" + body)
    code, _, err = _validate(capsys, path)
    assert "Traceback" not in err
    if code == 2:
        return  # refusing it on load is as good
    out = tmp_path / "out.dao.yaml"
    assert main(["export", str(path), "--to", "yaml", "-o", str(out)]) == 0
    assert load_document(out) == load_document(path)
