"""The steps of a workshop in presentation mode, and what each step shows and lets a facilitator do.

Presentation mode walks a room through a design: an overview, the four scales one lane at a time,
each cell with its state, the five phases with their checklists, then the design guide's sections
as prompts with the answers so far. This module builds that step list and each step's *slide*
(title, facts, tickable items, the guide's answers) from the document and the framework's data
files, and turns a tick or a typed answer into the same core command the panels push, so every
change made while presenting is one ordinary undo step. No Qt here: the UI only draws slides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from designer.commands.links import EditSection
from designer.commands.model import DocumentModel
from designer.commands.primitives import TickChecklist
from designer.commands.stack import Command
from designer.framework.guide import GuideField, GuideSection, field_value, guide_sections, section_progress
from designer.framework.phases import ChecklistItem, PhaseInfo, phase_info, phases
from designer.model.kinds import APPROACHES, PHASES, SCALES, Phase
from designer.model.primitives import AnyPrimitive
from designer.wording import plural, shorten

StepKind = Literal["overview", "scale", "cell", "phase", "guide"]
ChecklistPart = Literal["signs", "activities"]
"""A phase's checklist in the room comes in two parts, each short enough for the number keys: the
signs (readiness, then success) and the seed's implementation activities for the phase."""
CARD_KINDS = ("dao", "cell", "partner")
MAX_KEYED_ITEMS = 10
"""Items a facilitator can tick from the keyboard: keys 1 to 9, and 0 for the tenth."""
TEXT_KINDS = ("text", "longtext", "list", "date")
"""Guide fields answered by typing; the others (options, steps, approach) are ticked."""


@dataclass(frozen=True)
class Step:
    kind: StepKind
    key: str
    """The scale, the cell's id, the phase or the guide section's id ("" for the overview)."""
    title: str
    part: ChecklistPart = "signs"
    """Which part of a phase's checklist a cell or phase step shows and ticks."""


@dataclass(frozen=True)
class Item:
    """A line the facilitator can tick with its number key."""

    text: str
    ticked: bool


@dataclass(frozen=True)
class Answer:
    """A guide prompt with its current answer, as text."""

    label: str
    text: str
    typed: bool
    """Answered by typing (Enter opens the editor) rather than by ticking options."""


@dataclass(frozen=True)
class Slide:
    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...] = ()
    items_heading: str = ""
    items: tuple[Item, ...] = ()
    answers: tuple[Answer, ...] = ()
    focus: tuple[str, ...] = ()
    """The primitives the canvas shows for this step (none: the whole design)."""


def _lane_order(model: DocumentModel, p: AnyPrimitive) -> tuple[int, float, float, int]:
    scale = getattr(p, "scale", None)
    x, y = model.layout.get(p.id, (0.0, 0.0))
    return (SCALES.index(scale) if scale in SCALES else len(SCALES), y, x, model.index_of(p.id))


def cells_in_order(model: DocumentModel) -> list[AnyPrimitive]:
    """The cells as a room reads the canvas: lane by lane from the network down, each lane by rows
    from the top, each row from the left."""
    return sorted((p for p in model.primitives if p.kind == "cell"), key=lambda p: _lane_order(model, p))


def build_steps(model: DocumentModel) -> list[Step]:
    """Every step of the walk-through, in order."""
    steps = [Step("overview", "", model.organization.name)]
    steps += [Step("scale", s, f"{s.capitalize()} scale") for s in SCALES]
    cells = cells_in_order(model)
    steps += [Step("cell", c.id, f"Cell {i} of {len(cells)}: {c.name}") for i, c in enumerate(cells, start=1)]
    infos = phases()
    for i, p in enumerate(infos, start=1):
        steps.append(Step("phase", p.id, f"Phase {i} of {len(infos)}: {p.title}"))
        if p.implementation:
            steps.append(Step("phase", p.id, f"Phase {i} of {len(infos)}: {p.title}, what to put in place",
                              "activities"))
    sections = guide_sections()
    steps += [Step("guide", s.id, f"Guide {i} of {len(sections)}: {s.title}") for i, s in enumerate(sections, start=1)]
    return steps


def in_phase(model: DocumentModel, phase: str) -> list[str]:
    """The DAOs, cells and partners in ``phase``, in reading order: who a phase step is about."""
    cards = [p for p in model.primitives if p.kind in CARD_KINDS and getattr(p, "phase", None) == phase]
    return [p.id for p in sorted(cards, key=lambda p: _lane_order(model, p))]


def _phase_of(key: str) -> Phase:
    for phase in PHASES:
        if phase == key:
            return phase
    raise KeyError(key)


def section_of(section_id: str) -> GuideSection:
    return next(s for s in guide_sections() if s.id == section_id)


def calm_summary(cards_with_findings: int) -> str:
    """The Problems count as the room sees it: a number of cards to come back to, no red list."""
    if cards_with_findings == 0:
        return "Nothing to look at"
    return f"{plural(cards_with_findings, 'card')} with things to look at later"


# --- slides -------------------------------------------------------------------------------------


def slide(model: DocumentModel, step: Step, subject: str | None = None, field_at: int = 0) -> Slide:
    """What the room sees at ``step``. ``subject`` is the card a phase step ticks for;
    ``field_at`` the guide field in focus."""
    if step.kind == "overview":
        return _overview(model)
    if step.kind == "scale":
        return _scale(model, step)
    if step.kind == "cell":
        return _cell(model, step)
    if step.kind == "phase":
        return _phase(model, step, subject)
    return _guide(model, step, field_at)


def _overview(model: DocumentModel) -> Slide:
    counts = {k: sum(1 for p in model.primitives if p.kind == k) for k in ("dao", "cell", "role", "partner")}
    parts = [plural(n, k.upper() if k == "dao" else k) for k, n in counts.items() if n]
    statement = model.design.purpose.statement if model.design.purpose else None
    facts = (("Purpose", statement),) if statement else ()
    return Slide(model.organization.name, f"{model.organization.approach} approach · " + " · ".join(parts), facts)


def _scale(model: DocumentModel, step: Step) -> Slide:
    cards = [p for p in model.primitives if p.kind in CARD_KINDS and getattr(p, "scale", None) == step.key]
    names = ", ".join(p.name for p in sorted(cards, key=lambda p: _lane_order(model, p)))
    return Slide(step.title, plural(len(cards), "card") + " in this lane", (("In it", names or "nothing yet"),),
                 focus=tuple(p.id for p in cards))


def part_items(info: PhaseInfo, part: ChecklistPart) -> tuple[ChecklistItem, ...]:
    """The items of one part of ``info``'s checklist, in the order they are numbered."""
    return info.implementation if part == "activities" else info.readiness + info.success


def checklist_items(p: AnyPrimitive, info: PhaseInfo, part: ChecklistPart = "signs") -> tuple[Item, ...]:
    ticked = set(p.checklist.get(info.id, []))
    return tuple(Item(i.text, i.id in ticked) for i in part_items(info, part))


def _cell(model: DocumentModel, step: Step) -> Slide:
    p = model[step.key]
    state = getattr(p, "state", None)
    purpose = getattr(state, "purpose", None)
    practice = getattr(state, "practice", None)
    progress = getattr(state, "progress", None)
    facts: list[tuple[str, str]] = []
    for label, value in (
        ("Purpose", getattr(purpose, "statement", None)),
        ("Goals", "; ".join(getattr(purpose, "goals", None) or [])),
        ("Decides by", getattr(getattr(practice, "decision_making", None), "protocol", None)),
        ("Members", ", ".join(getattr(p, "members", None) or [])),
        ("Strategy", getattr(progress, "strategy", None)),
        ("Last update", getattr(progress, "updated", None)),
    ):
        if value:
            facts.append((label, str(value)))
    phase = getattr(p, "phase", None)
    parent = model.get(p.parent) if p.parent else None
    subtitle = f"{getattr(p, 'scale', '')} scale" + (f" · in {parent.name}" if parent else "")
    if phase is None:
        return Slide(p.name, subtitle + " · no phase yet", tuple(facts), focus=(p.id,))
    info = phase_info(phase)
    return Slide(p.name, f"{subtitle} · {info.title} phase", tuple(facts),
                 f"{info.title} checklist for {p.name}", checklist_items(p, info), focus=(p.id,))


def _phase(model: DocumentModel, step: Step, subject: str | None) -> Slide:
    info = phase_info(_phase_of(step.key))
    who = in_phase(model, step.key)
    names = ", ".join(model[i].name for i in who)
    facts = (("", info.summary), ("In this phase", names or "no card yet"))
    heading = f"{info.title}: implementation activities" if step.part == "activities" else f"{info.title} checklist"
    if subject is None or subject not in who:
        subject = who[0] if who else None
    if subject is None:
        return Slide(step.title, info.tagline, facts, heading,
                     tuple(Item(i.text, False) for i in part_items(info, step.part)))
    p = model[subject]
    return Slide(step.title, info.tagline, facts, f"{heading} for {p.name} (Tab: next card)",
                 checklist_items(p, info, step.part), focus=tuple(who))


def answer_text(field: GuideField, value: Any) -> str:
    """A guide answer as one text (lists one item a line)."""
    if value is None or value == "" or value == []:
        return ""
    if field.kind == "steps":
        done = [int(v) for v in value]
        return "; ".join(f"✓ {field.options[i - 1]}" for i in done if 0 < i <= len(field.options))
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def field_choices(field: GuideField) -> tuple[str, ...]:
    """What a ticked field offers: its options, its steps, or the approaches."""
    return APPROACHES if field.kind == "approach" else field.options


def _guide(model: DocumentModel, step: Step, field_at: int) -> Slide:
    section = section_of(step.key)
    data = model.design.to_data()
    filled, total = section_progress(model.design, section)
    answers = tuple(Answer(f.label, answer_text(f, field_value(data, f)), f.kind in TEXT_KINDS)
                    for f in section.fields)
    field = section.fields[min(field_at, len(section.fields) - 1)]
    items: tuple[Item, ...] = ()
    heading = ""
    if field.kind not in TEXT_KINDS:
        value = field_value(data, field)
        chosen = _chosen(field, value)
        items = tuple(Item(text, i in chosen) for i, text in enumerate(field_choices(field)))
        heading = field.label
    return Slide(step.title, f"{filled} of {total} answered", (("", section.about),), heading, items, answers)


def _chosen(field: GuideField, value: Any) -> set[int]:
    """The indexes of ``field``'s choices that ``value`` holds."""
    choices = field_choices(field)
    if field.kind == "steps":
        return {int(v) - 1 for v in value or []}
    if field.kind == "approach":
        return {choices.index(value)} if value in choices else set()
    return {i for i, text in enumerate(choices) if text in (value or [])}


# --- acting -------------------------------------------------------------------------------------


def tick(model: DocumentModel, step: Step, index: int, subject: str | None = None,
         field_at: int = 0) -> tuple[str, list[Command]] | str:
    """The undo step that toggles item ``index`` (from 0) of ``step``: its title and commands, or
    why nothing can be ticked there."""
    if step.kind == "guide":
        return _tick_choice(model, section_of(step.key), field_at, index)
    if step.kind == "cell":
        pid: str | None = step.key
    elif step.kind == "phase":
        who = in_phase(model, step.key)
        pid = subject if subject in who else (who[0] if who else None)
    else:
        return "nothing to tick on this step"
    p = model.get(pid) if pid else None
    phase = step.key if step.kind == "phase" else getattr(p, "phase", None)
    if p is None or phase is None:
        return "no card in this phase to tick for" if step.kind == "phase" else "this cell has no phase yet"
    canonical = _phase_of(phase)
    items = part_items(phase_info(canonical), step.part)
    if not 0 <= index < len(items):
        return f"there is no item {index + 1} here"
    item = items[index]
    on = item.id not in p.checklist.get(canonical, [])
    title = f"{'Tick' if on else 'Untick'} “{shorten(item.text)}” for {p.name}"
    return title, [TickChecklist(p.id, phase, item.id, on)]


def _tick_choice(model: DocumentModel, section: GuideSection, field_at: int,
                 index: int) -> tuple[str, list[Command]] | str:
    field = section.fields[min(field_at, len(section.fields) - 1)]
    if field.kind in TEXT_KINDS:
        return "press Enter to type this answer"
    choices = field_choices(field)
    if not 0 <= index < len(choices):
        return f"there is no choice {index + 1} here"
    value = field_value(model.design.to_data(), field)
    chosen = _chosen(field, value)
    new: Any
    if field.kind == "approach":
        new = choices[index]
    elif field.kind == "steps":
        new = sorted(i + 1 for i in chosen ^ {index})
    else:
        own = [v for v in value or [] if v not in choices]  # a group's own words stay
        new = [t for i, t in enumerate(choices) if i in chosen ^ {index}] + own
    return _answer_step(field, new)


def answer(model: DocumentModel, step: Step, field_at: int, text: str) -> tuple[str, list[Command]] | str:
    """The undo step that stores a typed answer for the guide field in focus."""
    if step.kind != "guide":
        return "nothing to answer on this step"
    field = section_of(step.key).fields[field_at]
    if field.kind not in TEXT_KINDS:
        return "tick this answer's choices with their number keys"
    value: Any
    if field.kind == "list":
        value = [line.strip() for line in text.splitlines() if line.strip()] or None
    else:
        value = text.strip() or None
    if field_value(model.design.to_data(), field) == value:
        return "unchanged"
    return _answer_step(field, value)


def _answer_step(field: GuideField, value: Any) -> tuple[str, list[Command]]:
    """The same commands the Guide panel pushes for a field (the approach also sets the document's)."""
    commands: list[Command] = [EditSection(("design", *field.path), value, title=f"Guide: {field.label}")]
    if field.kind == "approach" and value is not None:
        commands.append(EditSection("organization.approach", value))
    return f"Guide: {field.label}", commands
