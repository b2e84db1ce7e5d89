"""How much of what its phase asks for a primitive's state holds: the completeness meter.

The items live in ``resources/framework/completeness.yaml`` (what, from which phase, and where the
seed asks for it). A primitive in phase P is measured against every item whose phase is P or
earlier, plus, for DAOs and cells, one item per phase already left: its readiness signs ticked. A
group in completion is measured against the closure items only. The result is a count
(``filled`` of ``total``) that the completeness rule reports as one info finding and the
Inspector can draw as a meter; nothing here is a defect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any

import yaml

from designer.framework.completion import evidenced
from designer.framework.phases import ChecklistItem, PhaseInfo, closing_items, phase_info, phases
from designer.framework.resources import resource
from designer.framework.settings import Settings
from designer.model.completion import completion_of
from designer.model.document import Document
from designer.model.kinds import PHASES, Kind, Phase
from designer.model.primitives import AnyPrimitive, Cell, Dao
from designer.model.treasury import treasuries
from designer.rules.context import Context
from designer.rules.helpers import filled, phase_index, readiness_missing

Test = Callable[[AnyPrimitive, Context], bool]


@dataclass(frozen=True)
class Item:
    """One thing a phase asks for; ``test`` says whether the primitive has it."""

    id: str
    label: str
    phase: Phase
    source: str
    test: Test
    when: str | None = None


@dataclass(frozen=True)
class Meter:
    """A primitive's completeness for its phase: ``filled`` of ``total`` items, and which are missing."""

    phase: Phase | None
    filled: int
    total: int
    missing: tuple[Item, ...]

    @property
    def complete(self) -> bool:
        return self.filled == self.total

    @property
    def ratio(self) -> float:
        return self.filled / self.total if self.total else 1.0


def _path_test(paths: list[str]) -> Test:
    getters = [attrgetter(p) for p in paths]

    def test(p: AnyPrimitive, ctx: Context) -> bool:
        for get in getters:
            try:
                if filled(get(p)):
                    return True
            except AttributeError:
                continue
        return False

    return test


def _roles(p: AnyPrimitive, ctx: Context) -> bool:
    if any(c.kind == "role" for c in ctx.kids(p.id)):
        return True
    return isinstance(p, Cell) and filled(p.state.practice.team_agreements)


def _resources(p: AnyPrimitive, ctx: Context) -> bool:
    if not isinstance(p, Cell):
        return False
    practice = p.state.practice
    if holds_treasury(p) or filled(practice.treasury.decision_rule) or practice.budget.amount is not None:
        return True
    return any(link.kind == "funds" for link in ctx.links_of(p.id))


def _treasury_config(p: AnyPrimitive, ctx: Context) -> bool:
    """Every account the group holds says what it is (its kind) or where (its address)."""
    if not isinstance(p, Dao | Cell):
        return False
    return all(v.kind is not None or filled(v.address) for v in treasuries(p.state.practice))


def _state_store(p: AnyPrimitive, ctx: Context) -> bool:
    if not isinstance(p, Dao | Cell):
        return False
    s = p.state.practice.state_store
    return filled(s.location) and s.versioned is True and s.edit_restricted is True and s.network_readable is True


def _approval(p: AnyPrimitive, ctx: Context) -> bool:
    """Approved by the parent governance, or needing no approval: permissionless, or a stakeholder
    group at the top (there is nobody above it to approve)."""
    if not isinstance(p, Cell):
        return False
    if p.pathway == "permissionless" or (p.stakeholder_group and p.parent is None):
        return True
    return filled(p.approval.by) or filled(p.approval.reference)


AGREEMENT_TERMS: tuple[str, ...] = ("review_period", "quorum", "rejection_criteria", "escalation_path")


def agreement_gaps(*cells: Cell) -> list[str]:
    """The agreement terms none of ``cells`` (a stakeholder group and its top-level cell) sets."""
    return [t for t in AGREEMENT_TERMS if not any(filled(getattr(c.state.practice.agreement, t)) for c in cells)]


def _shg_agreement(p: AnyPrimitive, ctx: Context) -> bool:
    """The stakeholder group's agreement with its top-level cell sets every term, written on
    either side (the top-level cell below it or linked to it)."""
    if not isinstance(p, Cell):
        return False
    near = [c for c in ctx.kids(p.id) if isinstance(c, Cell) and c.top_level]
    near += [x for link in ctx.links_to.get(p.id, ()) if isinstance(x := ctx.by_id.get(link.source), Cell)
             and x.top_level]
    return not agreement_gaps(p, *near)


TESTS: dict[str, Test] = {
    "roles": _roles,
    "resources": _resources,
    "state-store": _state_store,
    "approval": _approval,
    "treasury-config": _treasury_config,
    "shg-agreement": _shg_agreement,
}
"""The named checks of completeness.yaml that read more than one field."""


def holds_treasury(p: AnyPrimitive) -> bool:
    """Whether a DAO or cell says it holds funds of its own: the flag, or any treasury account."""
    if not isinstance(p, Dao | Cell):
        return False
    return p.state.practice.treasury.holds_funds is True or bool(treasuries(p.state.practice))


WHEN: dict[str, Callable[[AnyPrimitive], bool]] = {
    "top_level": lambda p: isinstance(p, Cell) and p.top_level,
    "holds_treasury": holds_treasury,
    "team": lambda p: not (isinstance(p, Cell) and p.stakeholder_group),
    "stakeholder_group": lambda p: isinstance(p, Cell) and p.stakeholder_group,
}


class CompletenessDataError(ValueError):
    """The shipped completeness data is malformed: a packaging bug, reported plainly."""


def _item(kind: str, raw: Any) -> Item:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("id", "label", "from", "source")):
        raise CompletenessDataError(f"{kind}: each item needs text 'id', 'label', 'from' and 'source'")
    phase = raw["from"]
    if phase not in PHASES:
        raise CompletenessDataError(f"{kind}.{raw['id']}: unknown phase {phase!r}")
    when = raw.get("when")
    if when is not None and when not in WHEN:
        raise CompletenessDataError(f"{kind}.{raw['id']}: unknown condition {when!r}")
    if "test" in raw:
        if raw["test"] not in TESTS:
            raise CompletenessDataError(f"{kind}.{raw['id']}: unknown test {raw['test']!r}")
        test = TESTS[raw["test"]]
    else:
        check = raw.get("check")
        paths = [check] if isinstance(check, str) else check
        if not isinstance(paths, list) or not paths or not all(isinstance(x, str) for x in paths):
            raise CompletenessDataError(f"{kind}.{raw['id']}: 'check' must be a path or a list of paths")
        test = _path_test(paths)
    return Item(raw["id"], raw["label"], phase, " ".join(raw["source"].split()), test, when)


@cache
def _data() -> tuple[dict[str, tuple[Item, ...]], dict[str, frozenset[str]]]:
    data = yaml.safe_load(resource("framework", "completeness.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise CompletenessDataError("completeness.yaml must be a mapping with a 'kinds' mapping")
    items = {str(kind): tuple(_item(str(kind), raw) for raw in entries) for kind, entries in data["kinds"].items()}
    exempt = {str(k): frozenset(v) for k, v in (data.get("readiness_exemptions") or {}).items()}
    return items, exempt


def items_for(kind: Kind) -> tuple[Item, ...]:
    """Every completeness item of ``kind``, in file order."""
    return _data()[0].get(kind, ())


def readiness_exempt(p: AnyPrimitive) -> frozenset[str]:
    """Readiness items the primitive's formation pathway does not need."""
    pathway = p.pathway if isinstance(p, Cell) else None
    return _data()[1].get(pathway, frozenset()) if pathway else frozenset()


def _readiness_item(info: PhaseInfo) -> Item:
    def test(p: AnyPrimitive, ctx: Context) -> bool:
        return not readiness_open(p, info)

    return Item(f"readiness-{info.id}", f"{info.id} readiness ticked", info.id, "group-phase/*.md ('Signs of "
                "Readiness'); Seed: 'formalizing Cells and other primitives as they are ready'", test)


SIGNERS_ITEM = "signers-transferred"
CLOSURE_DECISION = "closure-decided"


def closure_done(p: AnyPrimitive, item: ChecklistItem) -> bool:
    """A closure item is done when it is ticked or the completion record evidences it; handing
    over wallet signers is moot for a group that records no treasury."""
    if item.id == SIGNERS_ITEM and not holds_treasury(p):
        return True
    return item.id in p.checklist.get("completion", ()) or evidenced(completion_of(p), item)


def readiness_open(p: AnyPrimitive, info: PhaseInfo) -> list[str]:
    """Ids of ``info``'s readiness signs ``p`` has not met (pathway exemptions applied). Leaving
    iteration for completion is met by the decision to close itself (completion-phase.md: the
    team, or whoever coordinates it, decides to close), ticked or on record."""
    if info.readiness_mode == "any" and p.phase == "completion":
        decision = phase_info("completion").item(CLOSURE_DECISION)
        if decision is not None and closure_done(p, decision):
            return []
    return readiness_missing(info, p.checklist.get(info.id, ()), readiness_exempt(p))


def _closing_item(item: ChecklistItem) -> Item:
    def test(p: AnyPrimitive, ctx: Context) -> bool:
        return closure_done(p, item)

    return Item(item.id, item.text.rstrip(".").lower(), "completion", "completion-phase.md", test)


@cache
def _readiness_items() -> tuple[Item, ...]:
    return tuple(_readiness_item(info) for info in phases())


@cache
def _closure() -> tuple[Item, ...]:
    return tuple(_closing_item(i) for i in closing_items())


def expected(p: AnyPrimitive, phase: Phase | None) -> tuple[Item, ...]:
    """The items ``p`` is measured against in ``phase``."""
    if phase is None or phase == "conversation":
        return ()
    groups = p.kind in ("dao", "cell")
    if phase == "completion":
        return _closure() if groups else ()
    now = phase_index(phase)
    out = [i for i in items_for(p.kind) if phase_index(i.phase) <= now and (i.when is None or WHEN[i.when](p))]
    if groups:
        out.extend(_readiness_items()[:now])
    return tuple(out)


def meter(p: AnyPrimitive, ctx: Context) -> Meter:
    """``p``'s completeness for its own phase (a role's or task's is its group's when it has none)."""
    phase = ctx.effective_phase(p)
    wanted = expected(p, phase)
    missing = tuple(i for i in wanted if not i.test(p, ctx))
    return Meter(phase, len(wanted) - len(missing), len(wanted), missing)


def meter_in(doc: Document, primitive_id: str, ctx: Context | None = None) -> Meter | None:
    """The meter of one primitive of ``doc`` for a view; pass the engine's context to avoid building one."""
    if ctx is None or ctx.doc is not doc:
        ctx = Context(doc, Settings(doc.rules.settings), date.today())
    p = ctx.get(primitive_id)
    return meter(p, ctx) if p is not None else None
