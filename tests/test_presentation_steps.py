"""The step list and slides of presentation mode, from the document and the framework's data."""

from __future__ import annotations

from pathlib import Path

from designer.commands.model import DocumentModel
from designer.commands.stack import UndoStack
from designer.framework.guide import guide_sections
from designer.framework.phases import phase_info, phases
from designer.io.load import load_document
from designer.model.kinds import SCALES
from designer.presentation import (
    MAX_KEYED_ITEMS,
    answer,
    build_steps,
    calm_summary,
    cells_in_order,
    in_phase,
    slide,
    tick,
)

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "workshop-30.dao.yaml"


def model() -> DocumentModel:
    return DocumentModel(load_document(SAMPLE))


def test_the_walk_through_goes_overview_scales_cells_phases_guide() -> None:
    m = model()
    steps = build_steps(m)
    kinds = [s.kind for s in steps]
    with_activities = [p.id for p in phases() if p.implementation]
    assert kinds == (["overview"] + ["scale"] * 4 + ["cell"] * 30 + ["phase"] * (len(phases()) + len(with_activities))
                     + ["guide"] * len(guide_sections()))
    assert [s.key for s in steps if s.kind == "scale"] == list(SCALES)
    assert [s.key for s in steps if s.kind == "phase" and s.part == "signs"] == [p.id for p in phases()]
    assert [s.key for s in steps if s.kind == "phase" and s.part == "activities"] == with_activities
    assert with_activities == ["conversation", "formation", "organization", "iteration"]
    assert steps[5].title == "Cell 1 of 30: Members' Assembly"
    assert steps[-1].title == f"Guide {len(guide_sections())} of {len(guide_sections())}: Adaptation"


def test_cells_are_read_lane_by_lane_row_by_row() -> None:
    m = model()
    names = [c.name for c in cells_in_order(m)]
    assert names[:7] == ["Members' Assembly", "First Nations Circle", "Funders' Circle", "Volunteer Corps",
                         "Youth Council", "Landholders' Circle", "Operations Cell"]
    assert names[12] == "Policy and Advocacy Cell"  # the coordination lane's second row


def test_a_cell_slide_shows_its_state_and_its_phase_checklist() -> None:
    m = model()
    step = next(s for s in build_steps(m) if s.key == "monitoring")
    shown = slide(m, step)
    assert shown.title == "Water Quality Monitoring"
    assert ("Purpose", "Measure the river's health every month.") in shown.facts
    assert shown.items_heading == "Organization checklist for Water Quality Monitoring"
    info = phase_info("organization")
    assert [i.text for i in shown.items] == [i.text for i in info.readiness + info.success]
    assert shown.focus == ("monitoring",)


def test_ticking_is_one_checklist_command_and_ticking_again_unticks() -> None:
    m = model()
    stack = UndoStack(m)
    step = next(s for s in build_steps(m) if s.key == "monitoring")
    outcome = tick(m, step, 1)
    assert not isinstance(outcome, str)
    title, commands = outcome
    assert title == "Tick “Roles are defined and have the resource…” for Water Quality Monitoring"
    for c in commands:
        stack.push(c)
    assert slide(m, step).items[1].ticked
    again = tick(m, step, 1)
    assert not isinstance(again, str) and again[0].startswith("Untick")
    assert tick(m, step, 11) == "there is no item 12 here"


def test_every_checklist_part_fits_the_number_keys_and_activities_tick_their_own_items() -> None:
    """With the seed's implementation activities beside the signs, a whole phase checklist has up to
    14 items; each part a step shows stays within keys 1 to 9 and 0."""
    m = model()
    for info in phases():
        assert len(info.readiness + info.success) <= MAX_KEYED_ITEMS
        assert len(info.implementation) <= MAX_KEYED_ITEMS
    step = next(s for s in build_steps(m) if s.kind == "phase" and s.key == "organization" and s.part == "activities")
    assert step.title == "Phase 3 of 5: Organization, what to put in place"
    who = in_phase(m, "organization")
    shown = slide(m, step, subject=who[0])
    activities = phase_info("organization").implementation
    assert [i.text for i in shown.items] == [i.text for i in activities]
    assert shown.items_heading.startswith("Organization: implementation activities for ")
    outcome = tick(m, step, len(activities) - 1, subject=who[0])
    assert not isinstance(outcome, str)
    (command,) = outcome[1]
    stack = UndoStack(m)
    stack.push(command)
    assert activities[-1].id in m[who[0]].checklist["organization"]
    assert tick(m, step, len(activities), subject=who[0]) == f"there is no item {len(activities) + 1} here"


def test_a_phase_step_ticks_for_the_card_in_focus() -> None:
    m = model()
    step = next(s for s in build_steps(m) if s.kind == "phase" and s.key == "formation")
    who = in_phase(m, "formation")
    assert who[:2] == ["youth-council", "education"]
    outcome = tick(m, step, 0, subject="education")
    assert not isinstance(outcome, str) and outcome[0].endswith("for Education Cell")
    empty = next(s for s in build_steps(m) if s.kind == "phase" and s.key == "completion")
    assert tick(m, empty, 0) == "no card in this phase to tick for"


def test_guide_answers_typed_and_ticked() -> None:
    m = model()
    stack = UndoStack(m)
    purpose = next(s for s in build_steps(m) if s.kind == "guide" and s.key == "purpose")
    outcome = answer(m, purpose, 1, "  Monthly reports to the assembly  ")
    assert not isinstance(outcome, str)
    assert outcome[0] == "Guide: How does it tie into community governance?"
    for c in outcome[1]:
        stack.push(c)
    assert m.design.purpose.community_link == "Monthly reports to the assembly"
    assert slide(m, purpose, field_at=1).answers[1].text == "Monthly reports to the assembly"
    assert answer(m, purpose, 1, "Monthly reports to the assembly") == "unchanged"
    requirements = next(s for s in build_steps(m) if s.kind == "guide" and s.key == "requirements")
    assert answer(m, requirements, 0, "x") == "tick this answer's choices with their number keys"
    ticked = tick(m, requirements, 2, field_at=0)
    assert not isinstance(ticked, str)
    for c in ticked[1]:
        stack.push(c)
    assert slide(m, requirements, field_at=0).items[2].ticked
    assert m.design.requirements.scale_and_scope.choices == ["highly efficient"]


def test_the_problem_count_is_calm() -> None:
    assert calm_summary(0) == "Nothing to look at"
    assert calm_summary(1) == "1 card with things to look at later"
    assert calm_summary(3) == "3 cards with things to look at later"


def test_ticking_steps_and_the_approach_on_guide_steps() -> None:
    m = model()
    stack = UndoStack(m)
    steps = build_steps(m)
    plan = next(s for s in steps if s.kind == "guide" and s.key == "plan")
    approach = next(s for s in steps if s.kind == "guide" and s.key == "approach")
    for step, field_at, index in ((plan, 5, 0), (plan, 5, 2), (approach, 0, 0)):
        outcome = tick(m, step, index, field_at=field_at)
        assert not isinstance(outcome, str)
        for c in outcome[1]:
            stack.push(c)
    assert m.design.plan.sequence_done == [1, 3]
    assert [i.ticked for i in slide(m, plan, field_at=5).items][:3] == [True, False, True]
    assert m.design.approach.choice == "top-down"
    assert m.organization.approach == "top-down"  # the same step sets the rules' approach, as the Guide panel does
    again = tick(m, plan, 0, field_at=5)
    assert not isinstance(again, str)
    for c in again[1]:
        stack.push(c)
    assert m.design.plan.sequence_done == [3]
