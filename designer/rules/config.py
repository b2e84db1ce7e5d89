"""DP0: the rule configuration itself, and wording in the file that the model quietly rewrites."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.framework.settings import same_type, setting_specs
from designer.model.kinds import PHASE_ALIASES
from designer.rules.context import Context
from designer.rules.finding import Finding
from designer.rules.registry import Rule, rule, split_codes, unknown_patterns

_SETTINGS_SOURCE = "resources/framework/rules.yaml (this project's thresholds)"


@rule(
    "DP001",
    "unknown-setting",
    "warning",
    scope="document",
    title="Unknown rule setting",
    rationale="""A threshold under rules.settings that no rule reads is most likely a typo, and
    the rule it was meant for still runs with its default. Saying so beats silently ignoring it.""",
    source=_SETTINGS_SOURCE,
    hint="Run 'dao-designer rules' to see the settings, or remove the key.",
)
def unknown_setting(r: Rule, ctx: Context) -> Iterator[Finding]:
    specs = setting_specs()
    for name in ctx.doc.rules.settings:
        if name not in specs:
            yield r.at_doc(
                f"unknown rule setting '{name}'; known settings: {', '.join(specs)}", "rules", "settings", name
            )


@rule(
    "DP002",
    "bad-setting-value",
    "error",
    scope="document",
    title="Rule setting of the wrong type",
    rationale="""A threshold must have the type of its default (a whole number for a size, for
    example). A value of another type is not used: the default applies, so the document would be
    checked against a number its author did not choose.""",
    source=_SETTINGS_SOURCE,
    hint="Give the setting a value of the same type as its default.",
)
def bad_setting_value(r: Rule, ctx: Context) -> Iterator[Finding]:
    specs = setting_specs()
    for name, value in ctx.doc.rules.settings.items():
        spec = specs.get(name)
        if spec is not None and not same_type(value, spec.default):
            yield r.at_doc(
                f"setting '{name}' is {value!r}, but its default is {spec.default!r} "
                f"({type(spec.default).__name__}); the default is used",
                "rules",
                "settings",
                name,
            )


@rule(
    "DP003",
    "unknown-ignored-code",
    "warning",
    scope="document",
    title="Ignored rule code that matches no rule",
    rationale="""rules.ignore lists codes (or code prefixes) to switch off. One that matches no
    rule switches nothing off, which usually means a mistyped code and a rule still running.""",
    source="This project's rule catalog (docs/rules.md)",
    hint="Check the code against 'dao-designer rules'.",
)
def unknown_ignored_code(r: Rule, ctx: Context) -> Iterator[Finding]:
    from designer.rules.registry import all_rules

    rules = all_rules()
    for i, raw in enumerate(ctx.doc.rules.ignore):
        codes = split_codes(raw)
        bad = unknown_patterns(codes, rules)
        if bad or not codes:
            yield r.at_doc(f"'{raw}' in rules.ignore matches no rule code", "rules", "ignore", i)


def _alias_paths(data: Mapping[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, str | None]]:
    """Every place the raw data uses an old phase name: (path, old name, primitive id)."""
    primitives = data.get("primitives")
    if isinstance(primitives, list):
        for i, raw in enumerate(primitives):
            if not isinstance(raw, dict):
                continue
            pid = raw.get("id") if isinstance(raw.get("id"), str) else None
            for key in ("phase", "previous_phase"):
                value = raw.get(key)
                if isinstance(value, str) and value in PHASE_ALIASES:
                    yield ("primitives", i, key), value, pid
            checklist = raw.get("checklist")
            if isinstance(checklist, dict):
                for key in checklist:
                    if isinstance(key, str) and key in PHASE_ALIASES:
                        yield ("primitives", i, "checklist", key), key, pid
    design = data.get("design")
    if isinstance(design, dict) and isinstance(design.get("phases"), dict):
        for key in design["phases"]:
            if isinstance(key, str) and key in PHASE_ALIASES:
                yield ("design", "phases", key), key, None


@rule(
    "DP004",
    "phase-alias",
    "info",
    scope="data",
    title="Old phase name in the file",
    rationale="""The framework renamed the Coordination phase to Iteration. Files that still say
    'coordination' are read as 'iteration' and will be written with the new name on the next
    save; this note explains the diff before it surprises anyone.""",
    source="group-phase/index.md; knowledge-base commit 58778875 (Coordination renamed Iteration)",
    hint="Write 'iteration'.",
)
def phase_alias(r: Rule, data: Mapping[str, Any]) -> Iterator[Finding]:
    for path, old, pid in _alias_paths(data):
        yield Finding(
            r.code,
            r.severity,
            pid,
            f"'{old}' is the old name of the '{PHASE_ALIASES[old]}' phase; it is read and saved as "
            f"'{PHASE_ALIASES[old]}'",
            path,
            r.hint,
        )
