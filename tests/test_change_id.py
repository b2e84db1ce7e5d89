"""Changing an id rewrites every reference, is one undo step, and refuses bad or taken ids."""

from __future__ import annotations

import re

import pytest

from designer.commands.ids import ChangeId, derived_id, references
from designer.commands.model import DocumentModel
from designer.commands.primitives import RemovePrimitives, Reparent
from designer.commands.stack import CommandError, UndoStack
from designer.io.load import parse_document
from designer.io.save import document_text
from designer.model.integrity import check_integrity
from tests.docs import SMALL


def make() -> tuple[DocumentModel, UndoStack]:
    model = DocumentModel(parse_document(SMALL))
    return model, UndoStack(model)


def test_change_id_rewrites_parents_assignees_links_and_layout() -> None:
    model, stack = make()
    stack.push(Reparent("q3-report", "ops"))
    before = document_text(model.snapshot())
    refs = references(model, "ops")
    assert refs >= 2
    stack.push(ChangeId("ops", "operations"))
    assert "ops" not in model and "operations" in model
    assert check_integrity(model.snapshot()) == []
    assert references(model, "operations") == refs
    assert "operations" in model.layout and "ops" not in model.layout
    assert all(p.parent != "ops" for p in model.primitives)
    assert stack.titles()[-1] == "Change id 'ops' to 'operations'"
    stack.undo()
    assert document_text(model.snapshot()) == before
    stack.redo()
    assert "operations" in model


def test_change_id_refuses_bad_and_taken_ids() -> None:
    model, stack = make()
    with pytest.raises(CommandError, match="^" + re.escape("the id 'regen-dao' is taken") + "$"):
        stack.push(ChangeId("ops", "regen-dao"))
    with pytest.raises(CommandError, match="^" + re.escape(
            "'Ops!' is not a valid id: lower-case letters, digits and '-', up to 64") + "$"):
        stack.push(ChangeId("ops", "Ops!"))
    assert "ops" in model


def test_derived_id_and_delete_counts_links() -> None:
    model, stack = make()
    assert derived_id(model, "ops", "Tide Cell") == "tide-cell"
    assert derived_id(model, "ops", "Regen DAO") == "regen-dao-2"
    links = len(model.links_of("ops"))
    command = RemovePrimitives(["ops"])
    stack.push(command)
    assert command.removed_links == links > 0


NETWORK = """\
format: dao-designer/1
organization: {name: Tide, approach: hybrid}
primitives:
  - {id: tide-dao, kind: dao, name: Tide DAO, scale: constituency, phase: formation, members: [alice, team-b]}
  - id: ops
    kind: cell
    name: Ops
    parent: tide-dao
    scale: coordination
    phase: formation
    state:
      practice:
        treasury: {signers: [steward, bob], threshold: 2}
        treasuries: [{name: Grants Safe, kind: safe, signers: [steward, {contract: '0xabc', name: Module}]}]
  - {id: steward, kind: role, name: Steward, parent: ops, holders: [team-b, carol]}
  - {id: team-b, kind: cell, name: Team B, parent: tide-dao, scale: coordination, phase: formation}
"""


def test_change_id_rewrites_member_cells_holder_cells_and_treasury_signers() -> None:
    """Ids also stand in free-text lists: a DAO's member cells, a role's holder cells and signers
    that are roles. Each counts as a reference and follows the new id; people's names stay."""
    model = DocumentModel(parse_document(NETWORK))
    stack = UndoStack(model)
    before = document_text(model.snapshot())
    assert references(model, "team-b") == 2  # the DAO's members, the role's holders
    assert references(model, "steward") == 2  # the treasury's signers and the Safe's
    stack.push(ChangeId("team-b", "tide-cell"))
    stack.push(ChangeId("steward", "treasury-steward"))
    assert model["tide-dao"].members == ["alice", "tide-cell"]  # type: ignore[union-attr]
    assert model["treasury-steward"].holders == ["tide-cell", "carol"]  # type: ignore[union-attr]
    practice = model["ops"].state.practice  # type: ignore[union-attr]
    assert practice.treasury.signers == ["treasury-steward", "bob"]
    assert practice.treasuries[0].signers[0] == "treasury-steward"
    assert practice.treasuries[0].signers[1].contract == "0xabc"
    assert references(model, "tide-cell") == 2 and references(model, "team-b") == 0
    assert check_integrity(model.snapshot()) == []
    stack.undo()
    stack.undo()
    assert document_text(model.snapshot()) == before
