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

from designer.framework.completion import evidenced
from designer.framework.phases import ChecklistItem, PhaseInfo, closing_items, phase_info, phases
from designer.framework.resources import framework_data
from designer.framework.settings import Settings
from designer.model.completion import completion_of
from designer.model.document import Document
from designer.model.kinds import PHASES, SCALED_KINDS, Kind, Phase
from designer.model.primitives import AnyPrimitive, Cell, Dao
from designer.model.treasury import treasuries
from designer.rules.context import Context
from designer.rules.helpers import filled, phase_index, readiness_missing

Test = Callable[[AnyPrimitive, Context], bool]

METER_CODE = "DP311"
"""The rule that reports the meter as a finding (views draw it as the meter instead of a note)."""


@dataclass(frozen=True)
class Item:
    """One thing a phase asks for; ``test`` says whether the primitive has it."""

    id: str
    label: str
    phase: Phase
    source: str
    test: Test
    when: str | None = None
    paths: tuple[str, ...] = ()
    """The attribute paths of a path check (any one filled is enough); empty for named tests."""


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
    if len(getters) == 1:
        get = getters[0]

        def one(p: AnyPrimitive, ctx: Context) -> bool:
            try:
                return filled(get(p))
            except AttributeError:
                return False

        return one

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
    by_id = ctx.by_id
    if any(by_id[c].kind == "role" for c in ctx.children.get(p.id, ())):
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
    practice = p.state.practice
    t = practice.treasury  # the same test as designer.model.treasury.treasuries, without building views
    return bool(
        t.holds_funds is True or t.kind or t.address or t.chain or t.signers or t.threshold is not None
        or practice.treasuries
    )


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
        return Item(raw["id"], raw["label"], phase, " ".join(raw["source"].split()), test, when, tuple(paths))
    return Item(raw["id"], raw["label"], phase, " ".join(raw["source"].split()), test, when)


@cache
def _data() -> tuple[dict[str, tuple[Item, ...]], dict[str, frozenset[str]]]:
    data = framework_data("completeness")
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
    wanted = info.readiness_set

    def test(p: AnyPrimitive, ctx: Context) -> bool:
        ticked = p.checklist.get(info.id)
        if ticked and wanted.issubset(ticked):
            return True  # the common case of a group that ticked everything, without building anything
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


@dataclass(frozen=True)
class _Plan:
    """What a primitive is measured against, laid out for speed: the path items read with one
    C-level getter (``singles`` index its tuple, ``spans`` slice it for any-of items), the named
    tests one by one. One plan per kind, phase and set of conditions that hold."""

    items: tuple[Item, ...]
    path_items: tuple[Item, ...]
    singles: tuple[tuple[Item, int], ...]
    spans: tuple[tuple[Item, int, int], ...]
    getter: Callable[[Any], tuple[Any, ...]] | None
    other: tuple[Item, ...]
    order: dict[str, int]
    """Each item's place in the file (readiness last), so missing items are listed in that order."""


def _compile(items: tuple[Item, ...]) -> _Plan:
    path_items = tuple(i for i in items if i.paths)
    paths: list[str] = []
    singles: list[tuple[Item, int]] = []
    spans: list[tuple[Item, int, int]] = []
    for i in path_items:
        if len(i.paths) == 1:
            singles.append((i, len(paths)))
        else:
            spans.append((i, len(paths), len(paths) + len(i.paths)))
        paths.extend(i.paths)
    getter: Callable[[Any], tuple[Any, ...]] | None = None
    if paths:
        get = attrgetter(*paths)
        getter = get if len(paths) > 1 else (lambda p: (get(p),))
    other = tuple(i for i in items if not i.paths)
    order = {i.id: n for n, i in enumerate(items)}
    return _Plan(items, path_items, tuple(singles), tuple(spans), getter, other, order)


def _wanted(kind: Kind, phase: Phase) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    """Every item of ``kind`` expected by ``phase`` (with the readiness of the phases already
    left, for groups), and the conditions some of them depend on."""
    groups = kind in ("dao", "cell")
    wanted: list[Item] = []
    if phase == "completion":
        wanted = list(_closure()) if groups else []
    elif phase != "conversation":
        now = phase_index(phase)
        wanted = [i for i in items_for(kind) if phase_index(i.phase) <= now]
        if groups:
            wanted.extend(_readiness_items()[:now])
    whens = tuple(dict.fromkeys(i.when for i in wanted if i.when is not None))
    return tuple(wanted), whens


_WANTED: dict[str, dict[str, tuple[tuple[Item, ...], tuple[str, ...], _Plan | None]]] = {}
_PLANS: dict[tuple[str, str, tuple[bool, ...]], _Plan] = {}


def _plan_for(p: AnyPrimitive, phase: Phase) -> _Plan:
    """The compiled plan for ``p`` in ``phase``, given which conditions hold for it."""
    by_phase = _WANTED.get(p.kind)
    found = by_phase.get(phase) if by_phase is not None else None
    if found is None:
        wanted, whens = _wanted(p.kind, phase)
        found = (wanted, whens, None if whens else _compile(wanted))
        _WANTED.setdefault(p.kind, {})[phase] = found
    wanted, whens, fixed = found
    if fixed is not None:
        return fixed  # roles and tasks: no conditions
    holds = tuple(WHEN[w](p) for w in whens)
    key = (p.kind, phase, holds)
    plan = _PLANS.get(key)
    if plan is None:
        met = {w for w, ok in zip(whens, holds, strict=True) if ok}
        plan = _PLANS[key] = _compile(tuple(i for i in wanted if i.when is None or i.when in met))
    return plan


def expected(p: AnyPrimitive, phase: Phase | None) -> tuple[Item, ...]:
    """The items ``p`` is measured against in ``phase``."""
    return _plan_for(p, phase).items if phase is not None else ()


def gaps(p: AnyPrimitive, ctx: Context) -> tuple[Phase | None, int, list[Item]]:
    """``p``'s phase, how many items it is measured against, and the missing ones (the meter's
    parts without building a :class:`Meter`; the rules call this for every primitive)."""
    phase = p.phase
    if phase is None:  # a role or task: its group's phase (the parent, most of the time)
        by_id = ctx.by_id
        holder = by_id.get(p.parent) if p.parent is not None else None
        if holder is not None and holder.kind not in SCALED_KINDS and holder.parent is not None:
            holder = by_id.get(holder.parent)  # a task under a role: one more step
        if holder is not None and holder.kind in SCALED_KINDS:
            phase = holder.phase
        else:
            phase = ctx.effective_phase(p)
        if phase is None:
            return None, 0, []
    plan = _plan_for(p, phase)
    missing: list[Item] = []
    _scan(plan, p, ctx, missing)
    if len(missing) > 1:
        missing.sort(key=lambda i: plan.order[i.id])
    return phase, len(plan.items), missing


def _scan(plan: _Plan, p: AnyPrimitive, ctx: Context, missing: list[Item]) -> None:
    """Add the unconditional items of ``plan`` that ``p`` lacks to ``missing``, in file order."""
    if plan.getter is not None:
        try:
            values = plan.getter(p)
        except AttributeError:  # a primitive built past validation; test item by item
            missing.extend(i for i in plan.path_items if not i.test(p, ctx))
        else:  # filled(), inlined: these loops run for every primitive of a document
            for item, k in plan.singles:
                v = values[k]
                if v is None or v is False or not (v.strip() if v.__class__ is str else (v or v == 0)):
                    missing.append(item)
            for item, start, end in plan.spans:
                for k in range(start, end):
                    v = values[k]
                    if v is not None and v is not False and (v.strip() if v.__class__ is str else (v or v == 0)):
                        break
                else:
                    missing.append(item)
    for i in plan.other:
        if not i.test(p, ctx):
            missing.append(i)


def meter(p: AnyPrimitive, ctx: Context) -> Meter:
    """``p``'s completeness for its own phase (a role's or task's is its group's when it has none)."""
    phase, total, missing = gaps(p, ctx)
    return Meter(phase, total - len(missing), total, tuple(missing))


def meter_in(doc: Document, primitive_id: str, ctx: Context | None = None) -> Meter | None:
    """The meter of one primitive of ``doc`` for a view; pass the engine's context to avoid building one."""
    if ctx is None or ctx.doc is not doc:
        ctx = Context(doc, Settings(doc.rules.settings), date.today())
    p = ctx.get(primitive_id)
    return meter(p, ctx) if p is not None else None
