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
