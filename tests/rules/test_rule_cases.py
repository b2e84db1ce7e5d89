"""Every rule fires on its case with exactly the expected findings, and stays quiet on the clean one."""

from __future__ import annotations

import pytest

from designer.rules import Engine, all_rules
from tests.rules.rule_builders import TODAY, network
from tests.rules.rule_cases import CASES, Case


def _run(case: Case, bad: bool) -> list[tuple[str | None, str]]:
    doc = case.bad() if bad else case.good()
    data = case.data if bad else case.good_data
    found = Engine(today=TODAY).run(doc, data)
    return [(f.primitive, f.message) for f in found if f.code == case.code]


def test_every_rule_has_a_case() -> None:
    assert sorted({c.code for c in CASES}) == [r.code for r in all_rules()]


def test_the_clean_network_has_no_findings() -> None:
    assert Engine(today=TODAY).run(network()) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires(case: Case) -> None:
    assert _run(case, bad=True) == case.expect


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_rule_stays_quiet(case: Case) -> None:
    assert _run(case, bad=False) == []
