"""SARIF locations are URI references: checked against the SARIF 2.1.0 schema (with URI format
checks) and Microsoft's SARIF Multitool, for paths with spaces, ``#``, ``%`` and non-ASCII letters."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest

from designer.cli.main import main
from designer.rules.finding import Finding
from designer.rules.report import SRCROOT, Located, artifact_location, sarif_log
from tests.export.conftest import SAMPLES, SCHEMAS

SCHEMA = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text(encoding="utf-8"))
"""The schema Microsoft's SARIF SDK ships (sarif-multitool 5.7.0), identical in content to OASIS's."""
MULTITOOL = Path(__file__).parent / "node" / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"
NO_MULTITOOL = "Microsoft's SARIF Multitool is not installed: run `npm ci --prefix tests/export/node` (.ci/run does)"
AWKWARD = ("my reports/harbor coop.dao.yaml", "issue #12/a.dao.yaml", "Åland/örebro.dao.yaml", "100%/x:y.dao.yaml")


def _validator() -> jsonschema.Draft202012Validator:
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    assert "uri-reference" in checker.checkers, "rfc3986-validator (a test extra) checks URI formats"
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=checker)


def _log(files: list[str], root: Path) -> dict[str, Any]:
    items = [Located(f, Finding("DP203", "warning", "ops", "has 2 members"), 3, 5) for f in files]
    return sarif_log(items, root=root)


def test_raw_paths_fail_the_schema() -> None:
    """The check can fail: the path as typed, put in ``uri`` unencoded, is refused."""
    log = _log(["plain.dao.yaml"], Path("/work"))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] = {"uri": AWKWARD[0]}
    errors = [e.message for e in _validator().iter_errors(log)]
    assert errors == [f"'{AWKWARD[0]}' is not a 'uri-reference'"]


def test_awkward_paths_pass_the_schema(tmp_path: Path) -> None:
    outside = "/srv/other place/ré#port.dao.yaml"
    log = _log([*AWKWARD, outside, "../up one.dao.yaml"], tmp_path)
    assert list(_validator().iter_errors(log)) == []
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert locations[:4] == [
        {"uri": "my%20reports/harbor%20coop.dao.yaml", "uriBaseId": SRCROOT},
        {"uri": "issue%20%2312/a.dao.yaml", "uriBaseId": SRCROOT},
        {"uri": "%C3%85land/%C3%B6rebro.dao.yaml", "uriBaseId": SRCROOT},
        {"uri": "100%25/x%3Ay.dao.yaml", "uriBaseId": SRCROOT},
    ]
    assert locations[4] == {"uri": "file:///srv/other%20place/r%C3%A9%23port.dao.yaml"}
    assert locations[5] == {"uri": Path(os.path.abspath(tmp_path / "../up one.dao.yaml")).as_uri()}


def test_uris_resolve_back_to_the_files(tmp_path: Path) -> None:
    root = tmp_path / "work #1 é"
    log = _log(list(AWKWARD), root)
    base = log["runs"][0]["originalUriBaseIds"][SRCROOT]["uri"]
    assert base.startswith("file:///") and base.endswith("/") and " " not in base
    for name, result in zip(AWKWARD, log["runs"][0]["results"], strict=True):
        where = result["locations"][0]["physicalLocation"]["artifactLocation"]
        resolved = urljoin(base, where["uri"])
        assert Path(unquote(urlsplit(resolved).path)) == root / name


def test_artifact_location_of_a_relative_path_with_dots() -> None:
    assert artifact_location("./a/../b c.dao.yaml", Path("/w")) == {"uri": "b%20c.dao.yaml", "uriBaseId": SRCROOT}


@pytest.fixture
def awkward_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The harbor sample copied under every awkward name, the working folder set to hold them."""
    monkeypatch.chdir(tmp_path)
    sample = next(p for p in SAMPLES if p.name == "harbor-coop.dao.yaml")
    for name in AWKWARD:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sample, tmp_path / name)
    return list(AWKWARD)


def test_validate_writes_sarif_the_schema_accepts(awkward_files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", *awkward_files, "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    assert log["runs"][0]["results"], "the sample has findings to locate"
    assert list(_validator().iter_errors(log)) == []


@pytest.mark.skipif(not os.access(MULTITOOL, os.X_OK), reason=NO_MULTITOOL)
def test_sarif_multitool_finds_nothing_wrong(
    awkward_files: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["validate", *awkward_files, "--format", "sarif"])
    (tmp_path / "log.sarif").write_text(capsys.readouterr().out, encoding="utf-8")
    done = subprocess.run(
        [str(MULTITOOL), "validate", "log.sarif", "--output", "check.sarif", "--log", "ForceOverwrite"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    findings = json.loads((tmp_path / "check.sarif").read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    assert [f["message"] for f in findings] == []
