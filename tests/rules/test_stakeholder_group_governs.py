"""In a multi-stakeholder network the stakeholder group, not a DAO, is the governing body."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from designer.commands.model import DocumentModel
from designer.commands.primitives import EditField
from designer.commands.stack import UndoStack
from designer.io.load import load_document
from designer.rules.engine import Engine

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "coastal-alliance.dao.yaml"
NO_DAO = "the design lacks a DAO for community governance"


def findings(codes: tuple[str, ...], unflag: bool) -> set[tuple[str, str | None, str]]:
    model = DocumentModel(load_document(SAMPLE))
    if unflag:
        UndoStack(model).push(EditField("stakeholder-group", "stakeholder_group", False))
    found = Engine(today=date(2026, 11, 25)).run(model.snapshot())
    return {(f.code, f.primitive, f.message) for f in found if f.code in codes}


def test_chains_that_end_at_the_stakeholder_group_are_accountable() -> None:
    assert findings(("DP552", "DP506"), unflag=False) == set()


def test_without_a_stakeholder_group_the_same_chains_stop_short() -> None:
    found = findings(("DP552", "DP506"), unflag=True)
    assert ("DP506", None, NO_DAO) in found
    chain = "answers up a chain that stops at 'stakeholder-group' without reaching a DAO"
    assert {p for code, p, message in found if code == "DP552" and message == chain} == {
        "coordination-cell",
        "monitoring",
        "fisheries-transition",
        "policy",
        "community-science",
    }
