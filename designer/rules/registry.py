"""The rule registry: every rule is a small function plus the metadata the catalog prints.

Codes are ``DP`` and three digits; the hundreds digit names the family, so ``--select DP2``
picks every cell rule. Codes are stable: a rule that goes away leaves its code unused.

==== ==========================================================
DP0  configuration of the rules themselves and the file's wording
DP1  lifecycle: phases, checklists, closure, stale state
DP2  cells: size, scale, consent, ephemeral and zombie cells
DP3  state: purpose, goals, phase minimums, treasury, master state
DP4  roles and tasks
DP5  structure: DAOs, top-level cells, accountability, approaches, names
DP6  multi-stakeholder networks
DP7  links
==== ==========================================================

A rule has one of four scopes, which is what the incremental engine needs to know about it:

* ``primitive``: looks at one primitive of the given kinds, and may read its container chain up
  to the nearest DAO, cell or partner, its children, the roles and tasks below it, and its links
  with the primitives at their other ends. Nothing else.
* ``link``: looks at one link and its two ends.
* ``document``: looks at the whole document; re-run when a primitive of a watched kind is added,
  removed, or changes a watched field, or when a link of a watched kind changes.
* ``data``: looks at the raw file data before the model normalizes it (the CLI only).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

from designer.model.kinds import APPROACHES, KINDS, Approach, Kind, LinkKind
from designer.rules.finding import DataPath, Finding, Severity

if TYPE_CHECKING:
    from designer.model.links import Link
    from designer.rules.context import Context

Scope = Literal["primitive", "link", "document", "data"]
CODE_RE: Final = re.compile(r"^DP[0-9]{3}$")
ALL_APPROACHES: Final[frozenset[Approach]] = frozenset(APPROACHES)
ANY_FIELD: Final = "*"

FAMILIES: Final[tuple[str, ...]] = (
    "designer.rules.config",
    "designer.rules.lifecycle",
    "designer.rules.cells",
    "designer.rules.state_minimums",
    "designer.rules.roles_tasks",
    "designer.rules.structure",
    "designer.rules.accountability",
    "designer.rules.multistakeholder",
    "designer.rules.links",
)
"""Modules that define rules, in catalog order."""

Check = Callable[..., Iterable[Finding]]
F = TypeVar("F", bound=Check)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    scope: Scope
    title: str
    rationale: str
    source: str
    hint: str | None
    approaches: frozenset[Approach]
    check: Check
    kinds: tuple[Kind, ...] = ()
    watch_fields: tuple[str, ...] = ()
    watch_links: frozenset[LinkKind] = field(default_factory=frozenset)
    watch_design: bool = False

    def applies_to(self, approach: Approach) -> bool:
        return approach in self.approaches

    def at(
        self,
        ctx: Context,
        primitive_id: str,
        message: str,
        *path: str | int,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding about a primitive, its path from the primitive's place in the list."""
        where: DataPath | None = ("primitives", ctx.pos[primitive_id], *path) if primitive_id in ctx.pos else None
        return Finding(self.code, severity or self.severity, primitive_id, message, where, hint or self.hint)

    def at_link(self, ctx: Context, link: Link, message: str, *path: str) -> Finding:
        primitive = link.source if link.source in ctx.by_id else None
        return Finding(
            self.code, self.severity, primitive, message, ("links", ctx.link_position(link), *path), self.hint
        )

    def at_doc(self, message: str, *path: str | int, hint: str | None = None) -> Finding:
        return Finding(self.code, self.severity, None, message, tuple(path) or None, hint or self.hint)


REGISTRY: dict[str, Rule] = {}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _register(rule: Rule) -> None:
    if not CODE_RE.match(rule.code):
        raise ValueError(f"rule code {rule.code!r} does not match DPnnn")
    if rule.code in REGISTRY:
        raise ValueError(f"rule code {rule.code} is defined twice")
    if any(r.name == rule.name for r in REGISTRY.values()):
        raise ValueError(f"rule name {rule.name!r} is defined twice")
    REGISTRY[rule.code] = rule


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    scope: Scope = "primitive",
    title: str,
    rationale: str,
    source: str,
    hint: str | None = None,
    kinds: Iterable[Kind] = (),
    approaches: Iterable[Approach] = APPROACHES,
    watch_fields: Iterable[str] = (),
    watch_links: Iterable[LinkKind] = (),
    watch_design: bool = False,
) -> Callable[[F], F]:
    """Register the decorated function as a rule; the function itself is returned unchanged."""
    kinds = tuple(kinds)
    if scope == "primitive" and not kinds:
        raise ValueError(f"{code}: a primitive rule names the kinds it checks")
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"{code}: unknown kinds {sorted(unknown)}")

    def wrap(fn: F) -> F:
        _register(
            Rule(
                code=code,
                name=name,
                severity=severity,
                scope=scope,
                title=_clean(title),
                rationale=_clean(rationale),
                source=_clean(source),
                hint=_clean(hint) if hint else None,
                approaches=frozenset(approaches),
                check=fn,
                kinds=kinds,
                watch_fields=tuple(watch_fields),
                watch_links=frozenset(watch_links),
                watch_design=watch_design,
            )
        )
        return fn

    return wrap


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, by code."""
    for module in FAMILIES:
        importlib.import_module(module)
    return tuple(REGISTRY[c] for c in sorted(REGISTRY))


class SelectionError(ValueError):
    """A ``--select`` or ``--ignore`` pattern that matches no rule."""


def split_codes(text: str | Iterable[str] | None) -> list[str]:
    """``"DP201, dp3"`` → ``["DP201", "DP3"]``; accepts a list of such strings too."""
    if text is None:
        return []
    parts = [text] if isinstance(text, str) else list(text)
    return [c.strip().upper() for part in parts for c in part.split(",") if c.strip()]


def matches(code: str, patterns: Iterable[str]) -> bool:
    """A pattern is a code or a prefix of one (``DP2`` matches the whole cell family)."""
    return any(code.startswith(p) for p in patterns)


def unknown_patterns(patterns: Iterable[str], rules: Iterable[Rule] | None = None) -> list[str]:
    codes = [r.code for r in (rules if rules is not None else all_rules())]
    return [p for p in patterns if not any(c.startswith(p) for c in codes)]


def select_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = (), rules: Iterable[Rule] | None = None
) -> tuple[Rule, ...]:
    """Rules switched on by ``select`` (all when empty) minus those switched off by ``ignore``."""
    select, ignore = list(select), list(ignore)
    pool = tuple(rules) if rules is not None else all_rules()
    bad = unknown_patterns([*select, *ignore], pool)
    if bad:
        raise SelectionError(f"no rule code starts with {', '.join(repr(b) for b in bad)}")
    return tuple(r for r in pool if (not select or matches(r.code, select)) and not matches(r.code, ignore))


def describe(rule: Rule) -> dict[str, Any]:
    """The catalog entry of a rule, as plain data."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "scope": rule.scope,
        "kinds": list(rule.kinds),
        "title": rule.title,
        "rationale": rule.rationale,
        "source": rule.source,
        "hint": rule.hint,
        "approaches": [a for a in APPROACHES if a in rule.approaches],
    }
