"""A file that cannot be loaded is reported in every output format, with every problem listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.cli.main import main
from tests.docs import SMALL

BROKEN = SMALL.replace("    name: Treasury Steward", "    nmae: Treasury Steward").replace(
    "    holders: [alice]", "    holders: [alice]\n    state: {purpose: {responsibilites: [Pay]}}"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    broken, good = tmp_path / "broken.dao.yaml", tmp_path / "good.dao.yaml"
    broken.write_text(BROKEN)
    good.write_text(SMALL)
    return broken, good


def test_text_lists_every_problem_on_stderr(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    broken, good = files
    assert main(["validate", str(broken), str(good)]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{broken}:28:5: primitives[2] (treasury-steward): unknown key 'nmae'; did you mean 'name'?",
        f"{broken}:31:23: primitives[2] (treasury-steward).state.purpose: unknown key 'responsibilites'; "
        "did you mean 'responsibilities'?",
    ]
    assert out.splitlines()[-1].startswith("1 file checked")


def test_json_and_sarif_carry_the_unreadable_file(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    broken, good = files
    assert main(["validate", str(broken), str(good), "--format", "json"]) == 2
    records = json.loads(capsys.readouterr().out)
    unreadable = [r for r in records if r["code"] == "DP000"]
    assert [(r["file"], r["line"], r["column"], r["severity"]) for r in unreadable] == [
        (str(broken), 28, 5, "error"),
        (str(broken), 31, 23, "error"),
    ]
    assert main(["validate", str(broken), "--format", "sarif"]) == 2
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["id"] == "DP000"
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in run["results"]] == [("DP000", 0, "error")] * 2
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 28, "startColumn": 5}
