"""Running the rules: a full pass, and incremental re-checks after an edit for the app.

The engine keeps findings in buckets by what produced them: one per primitive (its
primitive-scope rules), one per link, one per document-scope rule. After an edit only the
buckets the edit can reach are recomputed (see :meth:`Engine.update`); the others are reused.
Output order is canonical, so an incremental result equals a full run finding for finding:
raw-data findings, document findings (by code, then position), primitive buckets in document
order, then link buckets in link order.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from designer.framework.settings import Settings
from designer.model.document import Document
from designer.model.links import Link
from designer.model.primitives import AnyPrimitive
from designer.rules.context import Context, Delta, LinkKey
from designer.rules.finding import Finding
from designer.rules.registry import ANY_FIELD, Rule, matches, select_rules, split_codes


@contextmanager
def _no_gc_pause() -> Iterator[None]:
    """Hold off cyclic garbage collection while the rules run.

    A run allocates many short-lived findings and lists and no reference cycles; a collection
    triggered halfway through walks the whole document's object graph (tens of milliseconds at
    10,000 primitives) and frees nothing. Collection resumes, and catches up, afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class _Plan:
    """The rules that apply to one document, sorted by scope."""

    by_kind: dict[str, tuple[Rule, ...]]
    links: tuple[Rule, ...]
    document: tuple[Rule, ...]
    data: tuple[Rule, ...]


class Engine:
    """Validates documents; keeps what it needs to re-check only what an edit can affect.

    ``select`` and ``ignore`` are codes or code prefixes (``DP2``), as on the command line; the
    document's own ``rules.ignore`` is applied on top. ``today`` fixes the date the staleness
    rule measures against (tests pass one; the app leaves it to the clock).
    """

    def __init__(
        self,
        *,
        select: Iterable[str] | str | None = None,
        ignore: Iterable[str] | str | None = None,
        today: date | None = None,
        rules: Iterable[Rule] | None = None,
    ) -> None:
        self._pool = select_rules(split_codes(select), split_codes(ignore), rules)
        self._today = today
        self._ctx: Context | None = None
        self._plan: _Plan | None = None
        self._by_prim: dict[str, list[Finding]] = {}
        self._by_link: dict[LinkKey, tuple[Link, list[Finding]]] = {}
        self._by_rule: dict[str, list[Finding]] = {}
        self._data: list[Finding] = []
        self._cache: list[Finding] | None = None

    @property
    def context(self) -> Context | None:
        return self._ctx

    # --- full run -------------------------------------------------------------------------

    def _make_plan(self, doc: Document) -> _Plan:
        ignored = split_codes(doc.rules.ignore)
        approach = doc.organization.approach
        active = [r for r in self._pool if r.applies_to(approach) and not matches(r.code, ignored)]
        by_kind: dict[str, list[Rule]] = {}
        for r in active:
            if r.scope == "primitive":
                for kind in r.kinds:
                    by_kind.setdefault(kind, []).append(r)
        return _Plan(
            by_kind={k: tuple(v) for k, v in by_kind.items()},
            links=tuple(r for r in active if r.scope == "link"),
            document=tuple(r for r in active if r.scope == "document"),
            data=tuple(r for r in active if r.scope == "data"),
        )

    def run(self, doc: Document, data: Mapping[str, Any] | None = None) -> list[Finding]:
        """Check the whole document; ``data`` is the raw file content, when there is a file."""
        with _no_gc_pause():
            return self._run(doc, data)

    def _run(self, doc: Document, data: Mapping[str, Any] | None) -> list[Finding]:
        today = self._today or date.today()
        ctx = Context(doc, Settings(doc.rules.settings), today)
        plan = self._make_plan(doc)
        self._ctx, self._plan = ctx, plan
        by_prim: dict[str, list[Finding]] = {}
        by_kind = plan.by_kind
        for p in doc.primitives:  # the hot loop of a full run: kept flat on purpose
            rules = by_kind.get(p.kind)
            if rules:
                found: list[Finding] = []
                for r in rules:
                    result = r.check(r, p, ctx)
                    if result:
                        found.extend(result)
                if found:
                    by_prim[p.id] = found
        self._by_prim = by_prim
        self._by_link = {}
        for link in doc.links:
            found = _check_link(plan.links, link, ctx)
            if found:
                self._by_link[link.key] = (link, found)
        self._by_rule = {}
        for r in plan.document:
            found = list(r.check(r, ctx))
            if found:
                self._by_rule[r.code] = found
        self._data = []
        if data is not None:
            for r in plan.data:
                self._data.extend(r.check(r, data))
        self._cache = None
        return self.findings

    # --- incremental ----------------------------------------------------------------------

    def update(self, doc: Document, changed: Iterable[str] | None = None) -> list[Finding]:
        """Re-check ``doc`` after an edit to the primitives and links named by ``changed``.

        ``changed`` names every primitive added, removed, edited or moved, and both ends of every
        link added, removed or edited. When it is None the engine finds the changes itself by
        comparing objects with the previous document (cheap: the model is immutable, so an
        untouched primitive is the very same object). A change of approach or rule configuration
        means a full run; so does the first call.
        """
        with _no_gc_pause():
            return self._update(doc, changed)

    def _update(self, doc: Document, changed: Iterable[str] | None) -> list[Finding]:
        ctx = self._ctx
        if ctx is None or self._plan is None:
            return self._run(doc, None)
        prev = ctx.doc
        if doc.organization.approach != prev.organization.approach or doc.rules != prev.rules:
            return self._run(doc, None)
        design_changed = doc.design is not prev.design and doc.design != prev.design
        ids = _diff(prev, doc, ctx) if changed is None else set(changed)
        if not ids and not design_changed and doc.links is prev.links:
            ctx.doc = doc
            return self.findings

        plan = self._plan
        area: set[str] = set()
        for c in ids:
            area |= ctx.neighbourhood(c)
        delta = ctx.apply(doc, ids)
        for c in ids:
            area |= ctx.neighbourhood(c)

        by_kind = plan.by_kind
        for a in area:
            p = ctx.by_id.get(a)
            rules = by_kind.get(p.kind) if p is not None else None
            found = _check_primitive(rules, p, ctx) if rules and p is not None else None
            if found:
                self._by_prim[a] = found
            else:
                self._by_prim.pop(a, None)

        for key in delta.old_links.keys() - delta.new_links.keys():
            self._by_link.pop(key, None)
        recheck: dict[LinkKey, Link] = dict(delta.new_links)
        for c in ids:
            for link in ctx.links_of(c):
                recheck[link.key] = link
        for key, link in recheck.items():
            found = _check_link(plan.links, link, ctx)
            if found:
                self._by_link[key] = (link, found)
            else:
                self._by_link.pop(key, None)

        for r in plan.document:
            if (design_changed and r.watch_design) or _triggered(r, delta, ids):
                found = list(r.check(r, ctx))
                if found:
                    self._by_rule[r.code] = found
                else:
                    self._by_rule.pop(r.code, None)

        if delta.positions_moved:
            self._rebase_primitives(ctx)
        if delta.links_moved:
            self._rebase_links(ctx)
        self._cache = None
        return self.findings

    def _rebase_primitives(self, ctx: Context) -> None:
        pos = ctx.pos

        def fix(found: list[Finding]) -> list[Finding]:
            return [f.rebased(pos[f.primitive]) if f.primitive in pos else f for f in found]

        self._by_prim = {k: fix(v) for k, v in self._by_prim.items()}
        self._by_rule = {k: fix(v) for k, v in self._by_rule.items()}

    def _rebase_links(self, ctx: Context) -> None:
        for key, (link, found) in self._by_link.items():
            at = ctx.link_position(link)
            self._by_link[key] = (
                link,
                [replace(f, path=("links", at, *f.path[2:])) if f.path and f.path[0] == "links" else f for f in found],
            )

    # --- output ---------------------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        """Current findings, in canonical order (a new list each time it changes)."""
        if self._cache is None:
            ctx = self._ctx
            out = list(self._data)
            if ctx is not None:
                pos = ctx.pos
                doc_level = [f for code in sorted(self._by_rule) for f in self._by_rule[code]]
                doc_level.sort(key=lambda f: (f.code, pos.get(f.primitive or "", -1), f.message))
                out.extend(doc_level)
                by_prim = self._by_prim
                if by_prim:
                    for p in ctx.doc.primitives:
                        bucket = by_prim.get(p.id)
                        if bucket:
                            out.extend(bucket)
                if self._by_link:
                    for _, found in sorted(self._by_link.values(), key=lambda item: ctx.link_position(item[0])):
                        out.extend(found)
            self._cache = out
        return list(self._cache)


def _check_primitive(rules: tuple[Rule, ...], p: AnyPrimitive, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    for r in rules:
        result = r.check(r, p, ctx)
        if result:  # most rules find nothing and return an empty list: skip the extend
            found.extend(result)
    return found


def _check_link(rules: tuple[Rule, ...], link: Link, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    for r in rules:
        found.extend(r.check(r, link, ctx))
    return found


def _triggered(r: Rule, delta: Delta, ids: set[str]) -> bool:
    """Whether a document-scope rule can see the change."""
    if r.watch_links and r.watch_links & delta.link_kinds:
        return True
    if not r.kinds:
        return False
    for c in ids:
        before, after = delta.old.get(c), delta.new.get(c)
        if before is after and not delta.positions_moved:
            continue
        if (before is None or before.kind not in r.kinds) and (after is None or after.kind not in r.kinds):
            continue
        if before is None or after is None or before.kind != after.kind or delta.positions_moved:
            return True  # added, removed, or moved (document rules may report in document order)
        if ANY_FIELD in r.watch_fields:
            if before != after:
                return True
            continue
        for name in r.watch_fields:
            if getattr(before, name, None) != getattr(after, name, None):
                return True
    return False


def _diff(prev: Document, doc: Document, ctx: Context) -> set[str]:
    """Ids of primitives that are not the same object as before, and ends of changed links."""
    ids: set[str] = set()
    old = ctx.by_id
    seen: set[str] = set()
    for i, p in enumerate(doc.primitives):
        seen.add(p.id)
        if old.get(p.id) is not p or ctx.pos.get(p.id) != i:
            ids.add(p.id)
    ids.update(k for k in old if k not in seen)
    if doc.links is not prev.links:
        before = {link.key: link for link in prev.links}
        after = {link.key: link for link in doc.links}
        for key in before.keys() | after.keys():
            if before.get(key) != after.get(key):
                ids.update(key[:2])
    return ids


def validate(
    doc: Document,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    today: date | None = None,
    data: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """One full run: the findings for ``doc``."""
    return Engine(select=select, ignore=ignore, today=today).run(doc, data)
