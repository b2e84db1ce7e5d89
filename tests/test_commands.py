"""Commands: each change is one undo step, undo restores exactly, events say what changed."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.commands.clipboard import Duplicate, PasteFragment, copy_fragment
from designer.commands.events import (
    Event,
    LinkAdded,
    PositionChanged,
    PrimitiveAdded,
    PrimitiveChanged,
    PrimitiveRemoved,
    SectionChanged,
)
from designer.commands.links import AddLink, EditLink, EditSection, RemoveLinks
from designer.commands.model import DocumentModel
from designer.commands.primitives import (
    AddPrimitive,
    EditField,
    MovePrimitives,
    RemovePrimitives,
    Rename,
    Reparent,
    SetPhase,
    SetScale,
    TickChecklist,
)
from designer.commands.stack import Command, CommandError, UndoStack
from designer.io.load import parse_document
from designer.io.save import document_text
from designer.model.integrity import check_integrity
from tests.docs import SMALL


def exact(message: str) -> str:
    return "^" + re.escape(message) + "$"


def make() -> tuple[DocumentModel, UndoStack, list[Event]]:
    model = DocumentModel(parse_document(SMALL))
    events: list[Event] = []
    model.events.subscribe(events.append)
    return model, UndoStack(model), events


def text(model: DocumentModel) -> str:
    return document_text(model.snapshot())


def test_add_primitive_takes_id_from_name_and_announces_it() -> None:
    model, stack, events = make()
    new = stack.push(AddPrimitive("cell", "Comms Cell", parent="regen-dao", scale="collaboration", position=(40, 600)))
    assert new == "comms-cell"
    assert model["comms-cell"].phase == "conversation"  # type: ignore[union-attr]
    assert events == [PrimitiveAdded("comms-cell", 4), PositionChanged("comms-cell", (40.0, 600.0))]
    assert stack.titles() == ["Add cell"]
    again = stack.push(AddPrimitive("cell", "Comms Cell", parent="regen-dao", scale="collaboration"))
    assert again == "comms-cell-2"


def test_replace_last_redoes_the_step_under_a_new_name_as_one_step() -> None:
    """A primitive named as it is dropped: added again under its name, so the id is the name's."""
    model, stack, _ = make()
    before = text(model)
    key = ("new", object())
    first = AddPrimitive("cell", "New cell", parent="regen-dao", scale="collaboration", position=(40, 600))
    first.merge_key = key
    assert stack.push(first) == "new-cell"
    stack.set_clean()
    named = AddPrimitive("cell", "Tide Cell", parent="regen-dao", scale="collaboration", position=(40, 600))
    assert stack.replace_last(key, named) == "tide-cell"
    assert "new-cell" not in model and model["tide-cell"].name == "Tide Cell"
    assert list(model.snapshot().layout["tide-cell"]) == [40.0, 600.0]
    assert stack.titles() == ["Add cell"] and not stack.is_clean()  # the saved file had the placeholder
    stack.undo()
    assert text(model) == before
    stack.redo()
    assert model["tide-cell"].name == "Tide Cell"


def test_replace_last_refuses_another_step_and_a_failing_command() -> None:
    model, stack, _ = make()
    key = ("new", object())
    first = AddPrimitive("cell", "New cell", parent="regen-dao", scale="collaboration")
    first.merge_key = key
    stack.push(first)
    stack.push(Rename("regen-dao", "Regen DAO"))
    after = text(model)
    with pytest.raises(CommandError, match=exact("the step to replace is no longer the last one")):
        stack.replace_last(key, AddPrimitive("cell", "Tide Cell", parent="regen-dao", scale="collaboration"))
    assert text(model) == after and stack.titles() == ["Add cell", "Rename"]
    stack.undo()
    with pytest.raises(CommandError, match="needs a scale"):
        stack.replace_last(key, AddPrimitive("cell", "Tide Cell"))  # no lane: refused
    assert "new-cell" in model and stack.titles() == ["Add cell", "Rename"] and stack.can_redo()


def test_role_takes_the_lane_of_its_container_and_needs_one() -> None:
    model, stack, _ = make()
    with pytest.raises(CommandError, match=exact("a role must sit inside a DAO or a cell; drop it onto one")):
        stack.push(AddPrimitive("role", "Floating"))
    with pytest.raises(CommandError, match=exact("a cell cannot go inside a role; it belongs in a DAO or a cell")):
        stack.push(AddPrimitive("cell", "Crew", parent="treasury-steward", scale="collaboration"))
    assert stack.index == 0 and len(model.primitives) == 4


def test_a_task_can_belong_to_a_dao() -> None:
    model, stack, _ = make()
    new = stack.push(AddPrimitive("task", "Annual report", parent="regen-dao"))
    assert model[new].parent == "regen-dao" and stack.titles() == ["Add task"]


def test_delete_removes_contents_and_links_and_undo_restores_everything() -> None:
    model, stack, events = make()
    before = text(model)
    removed = stack.push(RemovePrimitives(["ops"]))
    assert removed == ["ops", "q3-report", "treasury-steward"]
    assert [p.id for p in model.primitives] == ["regen-dao"]
    assert model.links == [] and "ops" not in model.layout
    assert stack.titles() == ["Delete 1 item"]
    stack.undo()
    assert text(model) == before
    stack.redo()
    assert [p.id for p in model.primitives] == ["regen-dao"]
    assert any(isinstance(e, PrimitiveRemoved) and e.id == "ops" for e in events)


def test_deleting_a_role_clears_assignees_elsewhere() -> None:
    model, stack, _ = make()
    stack.push(Reparent("q3-report", "ops"))
    stack.push(RemovePrimitives(["treasury-steward"]))
    assert model["q3-report"].assignee is None  # type: ignore[union-attr]
    assert check_integrity(model.snapshot()) == []


def test_nudges_of_the_same_selection_merge_into_one_step() -> None:
    model, stack, _ = make()
    for x in range(1, 6):
        stack.push(MovePrimitives({"ops": (float(x), 300.0)}, nudge=True))
    assert stack.titles() == ["Nudge"]
    stack.undo()
    assert model.layout["ops"] == (0.0, 300.0)
    stack.push(MovePrimitives({"ops": (1.0, 300.0)}, nudge=True))
    stack.set_clean()
    stack.push(MovePrimitives({"ops": (2.0, 300.0)}, nudge=True))
    assert stack.titles() == ["Nudge", "Nudge"], "a saved step is never merged into"


def test_macro_is_one_undo_step() -> None:
    model, stack, _ = make()
    before = text(model)
    stack.begin_macro("Move across lanes")
    stack.push(MovePrimitives({"ops": (0.0, 900.0)}))
    stack.push(SetScale("ops", "collaboration"))
    stack.end_macro()
    assert stack.titles() == ["Move across lanes"]
    assert model["ops"].scale == "collaboration"  # type: ignore[union-attr]
    stack.undo()
    assert text(model) == before


def test_abort_macro_undoes_the_gesture() -> None:
    model, stack, _ = make()
    before = text(model)
    stack.begin_macro("Drag")
    stack.push(MovePrimitives({"ops": (5.0, 5.0)}))
    stack.abort_macro()
    assert text(model) == before and stack.index == 0


def test_edit_field_validates_and_reports_the_field() -> None:
    model, stack, events = make()
    stack.push(EditField("ops", "state.purpose.statement", "Run operations"))
    assert model["ops"].state.purpose.statement == "Run operations"  # type: ignore[union-attr]
    assert events[-1] == PrimitiveChanged("ops", frozenset({"state"}))
    with pytest.raises(CommandError, match=exact("state.practice.treasury.threshold: must be 1 or more, found 0")):
        stack.push(EditField("ops", "state.practice.treasury.threshold", 0))
    with pytest.raises(CommandError, match=exact("'id' cannot be edited; it identifies the primitive")):
        stack.push(EditField("ops", "id", "x"))
    assert stack.index == 1


def test_editing_several_primitives_is_one_step() -> None:
    model, stack, _ = make()
    stack.push(EditField(["regen-dao", "ops"], "members", ["zoe"]))
    assert model["regen-dao"].members == ["zoe"] and model["ops"].members == ["zoe"]  # type: ignore[union-attr]
    assert stack.index == 1


def test_rename_phase_and_checklist() -> None:
    model, stack, _ = make()
    stack.push(Rename("ops", "Ops Circle"))
    stack.push(SetPhase("ops", "coordination"))
    stack.push(TickChecklist("ops", "formation", "design-defined"))
    stack.push(TickChecklist("ops", "formation", "design-defined"))
    assert model["ops"].name == "Ops Circle" and model["ops"].phase == "iteration"
    assert model["ops"].checklist == {"formation": ["design-defined"]}
    assert stack.titles() == ["Rename", "Set phase to iteration", "Tick design-defined"]
    stack.push(TickChecklist("ops", "formation", "design-defined", ticked=False))
    assert model["ops"].checklist == {}
    with pytest.raises(CommandError, match=exact("a name cannot be empty")):
        Rename("ops", "  ")


def test_reparent_refuses_cycles_and_wrong_containers() -> None:
    _, stack, _ = make()
    stack.push(AddPrimitive("cell", "Inner", parent="ops", scale="collaboration"))
    with pytest.raises(CommandError, match=exact("'Operations Cell' cannot go inside itself or its own contents")):
        stack.push(Reparent("ops", "inner"))
    with pytest.raises(CommandError, match=exact("a role cannot go inside a role; it belongs in a DAO or a cell")):
        stack.push(Reparent("treasury-steward", "treasury-steward"))


def test_links_add_edit_remove() -> None:
    model, stack, events = make()
    key = stack.push(AddLink("ops", "regen-dao", "coordinates-with"))
    assert isinstance(events[-1], LinkAdded)
    with pytest.raises(
        CommandError, match=exact("there is already a 'coordinates-with' link from 'ops' to 'regen-dao'")
    ):
        stack.push(AddLink("ops", "regen-dao", "coordinates-with"))
    with pytest.raises(CommandError, match=exact("a link joins two different primitives")):
        stack.push(AddLink("ops", "ops", "funds"))
    with pytest.raises(CommandError, match=exact("a 'uses-role' link must end at a role")):
        stack.push(AddLink("ops", "regen-dao", "uses-role"))
    funds = ("regen-dao", "ops", "funds")
    stack.push(EditLink(funds, amount=60000))
    assert model.links[1].amount == 60000
    with pytest.raises(
        CommandError, match=exact("'amount' is only allowed on a 'funds' link, not on 'coordinates-with'")
    ):
        stack.push(EditLink(key, amount=5))
    stack.push(RemoveLinks([key]))
    assert len(model.links) == 2


def test_sections_are_edited_through_commands() -> None:
    model, stack, events = make()
    stack.push(EditSection("design.purpose.statement", "Fund regeneration"))
    assert model.design.purpose.statement == "Fund regeneration"
    assert events[-1] == SectionChanged("design")
    stack.push(EditSection("organization.approach", "top-down"))
    with pytest.raises(CommandError, match="approach"):
        stack.push(EditSection("organization.approach", "sideways"))
    stack.undo()
    assert model.organization.approach == "hybrid"


def test_copy_paste_gives_new_ids_and_keeps_inner_links() -> None:
    model, stack, _ = make()
    fragment = copy_fragment(model, ["ops"])
    assert [p["id"] for p in fragment["primitives"]] == ["ops", "treasury-steward", "q3-report"]
    tops = stack.push(PasteFragment(fragment))
    assert tops == ["ops-2"]
    assert model["treasury-steward-2"].parent == "ops-2"
    assert model["q3-report-2"].assignee == "treasury-steward-2"  # type: ignore[union-attr]
    assert model.layout["ops-2"] == (30.0, 330.0)
    stack.push(Duplicate(model, ["treasury-steward"]))
    assert model["treasury-steward-3"].parent == "ops"
    assert check_integrity(model.snapshot()) == []
    assert stack.titles() == ["Paste", "Duplicate"]


def test_clean_state_follows_save_undo_and_new_work() -> None:
    _, stack, _ = make()
    assert stack.is_clean()
    stack.push(Rename("ops", "A"))
    assert not stack.is_clean()
    stack.set_clean()
    stack.undo()
    assert not stack.is_clean()
    stack.redo()
    assert stack.is_clean()
    stack.undo()
    stack.push(Rename("ops", "B"))
    assert not stack.is_clean()
    stack.undo()
    assert not stack.is_clean(), "the saved state was undone and replaced: it cannot come back"


def test_a_failing_command_leaves_no_trace() -> None:
    class HalfWay(Command):
        def apply(self, model: DocumentModel) -> None:
            AddPrimitive("cell", "Temp", parent="ops", scale="collaboration").apply(model)
            raise CommandError("stopped")

    model, stack, _ = make()
    before = text(model)
    with pytest.raises(CommandError):
        stack.push(HalfWay())
    assert text(model) == before and stack.index == 0


# --- any sequence of commands undoes and redoes exactly -------------------------------------


def _commands(model: DocumentModel, draw: st.DrawFn) -> Command:
    ids = [p.id for p in model.primitives]
    cells = [p.id for p in model.primitives if p.kind in ("dao", "cell")]
    choice = draw(st.integers(0, 8))
    pick = st.sampled_from(ids) if ids else st.just("none")
    if choice == 0 or not ids:
        return AddPrimitive(
            "cell",
            draw(st.text(min_size=1, max_size=8)),
            parent=draw(st.sampled_from([None, *cells])),
            scale=draw(st.sampled_from(["coordination", "collaboration"])),
        )
    if choice == 1 and cells:
        return AddPrimitive("role", draw(st.text(min_size=1, max_size=8)), parent=draw(st.sampled_from(cells)))
    if choice == 2:
        return RemovePrimitives([draw(pick)])
    if choice == 3:
        return MovePrimitives(
            {draw(pick): (draw(st.integers(-500, 500)), draw(st.integers(0, 1200)))}, nudge=draw(st.booleans())
        )
    if choice == 4:
        return EditField(draw(pick), "description", draw(st.text(max_size=10)) or None)
    if choice == 5:
        return Reparent(draw(pick), draw(st.sampled_from([None, *cells])))
    if choice == 6:
        return AddLink(draw(pick), draw(pick), draw(st.sampled_from(["accountable-to", "funds", "coordinates-with"])))
    if choice == 7:
        return PasteFragment(copy_fragment(model, [draw(pick)]))
    return SetPhase(draw(pick), draw(st.sampled_from(["formation", "iteration"])))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_command_sequence_undoes_and_redoes_exactly(data: st.DataObject) -> None:
    model, stack, _ = make()
    original = text(model)
    for _ in range(data.draw(st.integers(1, 12))):
        command = data.draw(st.builds(lambda: None).flatmap(lambda _: st.composite(lambda d: _commands(model, d))()))
        try:
            stack.push(command)
        except CommandError:
            pass
        assert check_integrity(model.snapshot()) == []
    final = text(model)
    while stack.can_undo():
        stack.undo()
    assert text(model) == original
    while stack.can_redo():
        stack.redo()
    assert text(model) == final


def test_a_recovered_document_is_unsaved_until_saved() -> None:
    _, stack, _ = make()
    calls: list[int] = []
    stack.subscribe(lambda: calls.append(stack.index))
    stack.mark_unsaved()
    assert not stack.is_clean() and calls == [0]
    stack.set_clean()
    assert stack.is_clean()


def test_a_bad_date_is_explained_in_plain_words() -> None:
    _, stack, _ = make()
    with pytest.raises(
        CommandError, match=exact("approval.date: '25/11/2026' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25")
    ):
        stack.push(EditSection("design.approval.date", "25/11/2026"))


def test_ids_of_copies_count_on_instead_of_stacking_suffixes() -> None:
    from designer.model.ids import unique_id

    taken = {"crew", "crew-2"}
    assert unique_id("crew", taken) == "crew-3"
    assert unique_id("crew-2", taken) == "crew-3"  # a copy of the copy: not crew-2-2
    assert unique_id("Cell 2020", {"cell-2020"}) == "cell-2020-2"  # a year in a name is no counter
    model, stack, _ = make()
    stack.push(AddPrimitive("cell", "Crew", parent="regen-dao", scale="collaboration", position=(0, 900)))
    first = stack.push(Duplicate(model, ["crew"]))
    second = stack.push(Duplicate(model, first))
    assert (first, second) == (["crew-2"], ["crew-3"])
