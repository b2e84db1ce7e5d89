"""``dao-designer validate``: the three formats, positions, selection, and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from designer.cli.main import main

SAMPLE = """\
format: dao-designer/1
organization: {name: Regen Commons, approach: hybrid}
design: {approval: {by: members}}
primitives:
  - id: regen-dao
    kind: dao
    name: Regen Commons DAO
    scale: constituency
    phase: formation
    state:
      purpose: {statement: Fund regeneration., goals: [Fund projects]}
  - id: ops
    kind: cell
    name: Operations Cell
    parent: regen-dao
    scale: coordination
    phase: coordination
    top_level: true
    members: [alice, bob]
    state:
      purpose: {statement: Run operations., goals: [Keep the treasury working]}
links: []
"""

FINDING_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["file", "code", "severity", "primitive", "message"],
        "properties": {
            "file": {"type": "string"},
            "code": {"type": "string", "pattern": "^DP[0-9]{3}$"},
            "severity": {"enum": ["error", "warning", "info"]},
            "primitive": {"type": ["string", "null"]},
            "message": {"type": "string", "minLength": 1},
            "line": {"type": ["integer", "null"], "minimum": 1},
            "column": {"type": ["integer", "null"], "minimum": 1},
        },
    },
}

SARIF_SHAPE = {
    "type": "object",
    "required": ["version", "runs", "$schema"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "rules": {
                                        "type": "array",
                                        "items": {"type": "object", "required": ["id", "shortDescription"]},
                                    }
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "level", "message", "locations"],
                            "properties": {
                                "level": {"enum": ["error", "warning", "note", "none"]},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation"],
                                                "properties": {
                                                    "region": {
                                                        "type": "object",
                                                        "properties": {"startLine": {"type": "integer", "minimum": 1}},
                                                    }
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "regen.dao.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_is_compiler_style(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "validate", str(sample), "--select", "DP203,DP004,DP311")
    assert code == 0
    assert out.splitlines() == [
        # the DAO in formation: its purpose and goals are there; decision mechanisms and the
        # conversation readiness signs are not yet
        f"{sample}:5:5: regen-dao: info DP311: state 2 of 4 items filled for formation (missing: decision "
        "mechanisms, conversation readiness ticked)",
        # the top-level cell in iteration has purpose, goals and members of its 36 items
        f"{sample}:12:5: ops: info DP311: state 3 of 36 items filled for iteration (missing: roles or team "
        "agreements, a decision protocol, meetings and channels and 30 more)",
        f"{sample}:17:12: ops: info DP004: 'coordination' is the old name of the 'iteration' phase; it is read "
        "and saved as 'iteration'",
        f"{sample}:19:14: ops: warning DP203: has 2 members; a cell needs at least 3",
        "1 file checked: 1 warning, 3 notes",
    ]


def test_strict_turns_warnings_into_failure(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "validate", str(sample), "--select", "DP203")[0] == 0
    assert _run(capsys, "validate", str(sample), "--select", "DP203", "--strict")[0] == 1


def test_errors_exit_1_and_ignore_switches_them_off(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SAMPLE.replace(
        "members: [alice, bob]",
        "members: [alice, bob]\n    state:\n      practice:\n        treasury: {signers: [alice, bob], threshold: 3}",
    ).replace("    state:\n      purpose: {statement: Run operations., goals: [Keep the treasury working]}\n", "")
    sample.write_text(text, encoding="utf-8")
    code, out, _ = _run(capsys, "validate", str(sample), "--select", "DP3")
    assert code == 1 and "error DP308: needs 3 signatures but has only 2 signers" in out
    assert _run(capsys, "validate", str(sample), "--select", "DP3", "--ignore", "DP308")[0] == 0


def test_a_large_cell_is_a_warning_not_an_error(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleven people is past the framework's limit for a cell: a risk to act on, not a broken document."""
    sample.write_text(SAMPLE.replace("members: [alice, bob]", "members: [a, b, c, d, e, f, g, h, i, j, k]"),
                      encoding="utf-8")
    code, out, _ = _run(capsys, "validate", str(sample), "--select", "DP201")
    assert code == 0 and "warning DP201: has 11 members; a cell has at most 10" in out
    assert _run(capsys, "validate", str(sample), "--select", "DP201", "--strict")[0] == 1


def test_json_output(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "validate", str(sample), "--format", "json")
    data: list[dict[str, Any]] = json.loads(out)
    jsonschema.validate(data, FINDING_SCHEMA)
    small = [d for d in data if d["code"] == "DP203"]
    assert small == [
        {
            "file": str(sample), "line": 19, "column": 14, "code": "DP203", "severity": "warning",
            "primitive": "ops", "message": "has 2 members; a cell needs at least 3",
            "path": ["primitives", 1, "members"], "hint": "Use a role instead of a cell (setting: cell_size_min).",
        }
    ]
    assert any(d["primitive"] is None for d in data)
    assert code == (1 if any(d["severity"] == "error" for d in data) else 0)


def test_sarif_output(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "validate", str(sample), "--format", "sarif", "--select", "DP203")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SHAPE)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "DP203" and result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 19, "startColumn": 14}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "DP203"


def test_document_ignore_list_applies(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample.write_text(SAMPLE.replace("design: {", "rules: {ignore: [DP203]}\ndesign: {"), encoding="utf-8")
    code, out, _ = _run(capsys, "validate", str(sample), "--select", "DP203")
    assert code == 0 and out == "1 file checked: no problems\n"


def test_bad_input_exits_2_with_one_line(tmp_path: Path, sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.dao.yaml"
    broken.write_text(SAMPLE.replace("kind: cell", "kind: cel"), encoding="utf-8")
    code, out, err = _run(capsys, "validate", str(broken), str(sample), "--select", "DP203")
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith(f"{broken}:13:")
    assert "DP203" in out


def test_unknown_code_is_a_usage_error(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "validate", str(sample), "--select", "DP9")
    assert code == 2
    assert err == "error: --select/--ignore: no rule code starts with 'DP9'\n"


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "validate", str(tmp_path / "nope.dao.yaml"))
    assert code == 2 and err.strip().endswith("nope.dao.yaml: no such file")
