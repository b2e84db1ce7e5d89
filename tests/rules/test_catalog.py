"""The catalog: metadata complete, docs/rules.md in step with the registry, the phase data sound."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from designer.cli.main import main
from designer.framework.phases import PhaseDataError, closing_items, parse_phases, phase_info, phases
from designer.framework.settings import Settings, setting_specs
from designer.rules import all_rules
from designer.rules.catalog import render_markdown
from designer.rules.registry import SelectionError, rule, select_rules

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_matches_the_registry() -> None:
    assert DOCS.read_text(encoding="utf-8") == render_markdown(), (
        "docs/rules.md is out of date: run 'dao-designer rules --format markdown > docs/rules.md'"
    )


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.code)
def test_rule_metadata_is_complete(r: object) -> None:
    from designer.rules.registry import Rule

    assert isinstance(r, Rule)
    assert re.fullmatch(r"DP\d{3}", r.code)
    assert re.fullmatch(r"[a-z][a-z0-9-]+", r.name)
    assert r.title and r.rationale.endswith(".") and len(r.rationale) > 80
    assert r.source and r.approaches
    assert r.severity in ("error", "warning", "info")


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len({r.name for r in rules}) == len(rules)


def test_registering_a_duplicate_code_fails() -> None:
    with pytest.raises(ValueError, match="DP101 is defined twice"):
        rule("DP101", "another-one", "error", kinds=("cell",), title="t", rationale="r", source="s")(lambda: [])


def test_selection_by_prefix_and_unknown_pattern() -> None:
    codes = [r.code for r in select_rules(["DP2"], ["DP201"])]
    assert codes == ["DP202", "DP203", "DP204", "DP205", "DP206", "DP207", "DP208"]
    with pytest.raises(SelectionError, match="no rule code starts with 'DP9'"):
        select_rules(["DP9"])


def test_rules_command_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].startswith("DP001  warning  unknown-setting")
    assert len(text.splitlines()) == len(all_rules())
    assert main(["rules", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in data["rules"]] == [r.code for r in all_rules()]
    assert {s["name"] for s in data["settings"]} == set(setting_specs())


def test_phase_data_keeps_the_contract_ids() -> None:
    assert [p.id for p in phases()] == ["conversation", "formation", "organization", "iteration", "completion"]
    formation = phase_info("formation")
    assert {"design-defined", "key-roles-filled"} <= formation.item_ids
    assert "signers-transferred" in {i.id for i in closing_items()}
    assert phase_info("iteration").readiness_mode == "any"


def test_phase_data_errors_are_named() -> None:
    with pytest.raises(PhaseDataError, match="unknown phase id 'coordination'"):
        parse_phases({"phases": [{"id": "coordination"}]})
    with pytest.raises(PhaseDataError, match="phases must be conversation"):
        parse_phases({"phases": [{"id": "formation", "readiness": [], "success": []}]})


def test_settings_overrides_only_take_matching_types() -> None:
    s = Settings({"cell_size_max": 9, "cell_size_warn": "7", "stale_state_days": 30.0})
    assert s.integer("cell_size_max") == 9
    assert s.integer("cell_size_warn") == 8
    assert s.integer("stale_state_days") == 30
