"""The phase lifecycle as data: each phase's readiness, implementation and success checklists.

Loaded once from ``resources/framework/phases.yaml``. The rules read it (unticked readiness
items, unknown checklist ids, the items that must be ticked before a group closes) and the
Phase panel draws its stepper from it, so the texts live in one place. Implementation items are
the seed guide's "Group Phase Implementation" focus lists, each with the seed's words as its
``source``; completion items name the completion-record fields that evidence them (``evidence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, Literal

from designer.framework.resources import framework_data
from designer.model.kinds import PHASES, Phase

ReadinessMode = Literal["all", "any"]


Group = Literal["readiness", "implementation", "success"]


@dataclass(frozen=True)
class ChecklistItem:
    """One tickable item; ``closing`` marks completion items required before a group closes,
    ``source`` quotes the seed guide where the item comes from it, and ``evidence`` lists the
    completion-record fields any of which shows the item done (``transfers:KIND`` for a transfer
    of that kind)."""

    id: str
    text: str
    phase: Phase
    group: Group
    closing: bool = False
    source: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhaseInfo:
    id: Phase
    title: str
    tagline: str
    summary: str
    readiness: tuple[ChecklistItem, ...]
    success: tuple[ChecklistItem, ...]
    readiness_mode: ReadinessMode = "all"
    implementation: tuple[ChecklistItem, ...] = ()

    @cached_property
    def items(self) -> tuple[ChecklistItem, ...]:
        return self.readiness + self.implementation + self.success

    @cached_property
    def item_ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self.items)

    @cached_property
    def readiness_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.readiness)

    @cached_property
    def readiness_set(self) -> frozenset[str]:
        return frozenset(self.readiness_ids)

    def item(self, item_id: str) -> ChecklistItem | None:
        for entry in self.items:
            if entry.id == item_id:
                return entry
        return None


class PhaseDataError(ValueError):
    """The shipped phase data is malformed: a packaging bug, reported plainly."""


def _items(raw: Any, phase: Phase, group: Group) -> tuple[ChecklistItem, ...]:
    if not isinstance(raw, list):
        raise PhaseDataError(f"phase {phase}: '{group}' must be a list")
    out = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(
            entry.get("text"), str
        ):
            raise PhaseDataError(f"phase {phase}: each {group} item needs a text 'id' and 'text'")
        source = entry.get("source", "")
        evidence = entry.get("evidence", [])
        if not isinstance(source, str) or not isinstance(evidence, list):
            raise PhaseDataError(f"phase {phase}: item {entry['id']!r} needs a text 'source' and an 'evidence' list")
        if group == "implementation" and not source:
            raise PhaseDataError(f"phase {phase}: implementation item {entry['id']!r} needs the seed's words")
        out.append(
            ChecklistItem(
                entry["id"],
                entry["text"],
                phase,
                group,
                bool(entry.get("closing", False)),
                source,
                tuple(str(e) for e in evidence),
            )
        )
    return tuple(out)


def parse_phases(data: Any) -> tuple[PhaseInfo, ...]:
    """Build and check the phase table; the phases must be the five, in lifecycle order."""
    if not isinstance(data, dict) or not isinstance(data.get("phases"), list):
        raise PhaseDataError("phase data must be a mapping with a 'phases' list")
    phases: list[PhaseInfo] = []
    for raw in data["phases"]:
        if not isinstance(raw, dict):
            raise PhaseDataError("each phase must be a mapping")
        pid = raw.get("id")
        if pid not in PHASES:
            raise PhaseDataError(f"unknown phase id {pid!r}")
        phase: Phase = pid
        mode = raw.get("readiness_mode", "all")
        if mode not in ("all", "any"):
            raise PhaseDataError(f"phase {phase}: readiness_mode must be 'all' or 'any'")
        phases.append(
            PhaseInfo(
                id=phase,
                title=str(raw.get("title", phase.title())),
                tagline=str(raw.get("tagline", "")),
                summary=str(raw.get("summary", "")).strip(),
                readiness=_items(raw.get("readiness", []), phase, "readiness"),
                success=_items(raw.get("success", []), phase, "success"),
                readiness_mode=mode,
                implementation=_items(raw.get("implementation", []), phase, "implementation"),
            )
        )
    if tuple(p.id for p in phases) != PHASES:
        raise PhaseDataError(f"phases must be {', '.join(PHASES)}, in that order")
    seen: set[str] = set()
    for info in phases:
        for item in info.items:
            if item.id in seen:
                raise PhaseDataError(f"checklist id {item.id!r} is used twice")
            seen.add(item.id)
    return tuple(phases)


@cache
def phases() -> tuple[PhaseInfo, ...]:
    """The five phases in lifecycle order, from the shipped data file."""
    return parse_phases(framework_data("phases"))


@cache
def phase_info(phase: Phase) -> PhaseInfo:
    for info in phases():
        if info.id == phase:
            return info
    raise KeyError(phase)  # pragma: no cover - parse_phases guarantees all five


def closing_items() -> tuple[ChecklistItem, ...]:
    """Completion items that must be ticked before a group can be closed."""
    return tuple(i for i in phase_info("completion").items if i.closing)
