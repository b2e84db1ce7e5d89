"""Small shared predicates for rule bodies: phase comparisons, "is this filled in", quoting."""

from __future__ import annotations

from collections.abc import Iterable

from designer.framework.phases import PhaseInfo
from designer.model.kinds import PHASES, Phase

_INDEX = {p: i for i, p in enumerate(PHASES)}


def at_least(phase: Phase | None, floor: Phase) -> bool:
    """Whether ``phase`` is ``floor`` or later; an unknown or missing phase is not."""
    return phase is not None and _INDEX.get(phase, -1) >= _INDEX[floor]


def phase_index(phase: Phase | None) -> int:
    return _INDEX.get(phase, -1) if phase is not None else -1


def filled(value: object) -> bool:
    """Text with something besides spaces, a non-empty list, a number, or True."""
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict, set)):
        return bool(value)
    return True


def quoted(items: Iterable[str]) -> str:
    """``'a', 'b' and 'c'`` in sorted order, so messages do not depend on list order."""
    names = [f"'{i}'" for i in sorted(items)]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def readiness_missing(info: PhaseInfo, ticked: Iterable[str], exempt: frozenset[str] = frozenset()) -> list[str]:
    """Ids of ``info``'s readiness signs still open: every unticked one, or, when any one sign is
    enough (leaving iteration), all of them while none is ticked. ``exempt`` ids are not needed."""
    done = set(ticked)
    required = [i for i in info.readiness_ids if i not in exempt]
    missing = [i for i in required if i not in done]
    if info.readiness_mode == "any" and len(missing) < len(required):
        return []
    return missing

