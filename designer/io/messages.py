"""Plain-language messages for pydantic's validation errors, naming the place in the file."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from designer.model.base import is_model
from designer.model.extensions import plan
from designer.model.kinds import KINDS
from designer.model.values import DURATION_PATTERN

_TYPE_NAMES = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "NoneType": "nothing (null)",
    "list": "a list",
    "dict": "a mapping",
}


def clean_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """Drop the tags pydantic adds for the ``kind`` union and the signer union, so the path matches
    the file."""
    out: list[str | int] = []
    for i, step in enumerate(loc):
        if i >= 2 and loc[0] == "primitives" and i == 2 and step in KINDS:
            continue
        if (isinstance(step, str) and step.startswith(("function-", "signer:"))) or step in ("[key]",):
            continue
        out.append(step)
    return tuple(out)


def describe_path(loc: Sequence[str | int], data: Any) -> str:
    """``primitives[3] (ops).state.purpose`` — with the primitive's id when there is one."""
    text = ""
    node = data
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
            if isinstance(node, list) and 0 <= step < len(node):
                node = node[step]
                if text.startswith("primitives[") and text.count("[") == 1 and isinstance(node, dict):
                    ident = node.get("id")
                    if isinstance(ident, str):
                        text += f" ({ident})"
            else:
                node = None
        else:
            text += ("." if text else "") + str(step)
            node = node.get(step) if isinstance(node, dict) else None
    return text or "the file"


def _found(value: Any) -> str:
    name = type(value).__name__
    return _TYPE_NAMES.get(name, name)


def _show(value: Any) -> str:
    if value is None:
        return ""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def known_keys(root: type[BaseModel], data: Any, path: Sequence[str | int]) -> list[str]:
    """The keys the mapping at ``path`` may hold, following the models down from ``root``."""
    cls: type[BaseModel] | None = root
    node: Any = data
    steps = list(path)
    i = 0
    while i < len(steps):
        step = steps[i]
        if cls is None or not isinstance(step, str):
            return []
        entry = plan(cls, is_model).get(step)
        if entry is None:
            return []
        shape, target = entry
        node = node.get(step) if isinstance(node, dict) else None
        if shape == "one":
            i += 1
        else:
            if i + 1 >= len(steps):
                return []
            key = steps[i + 1]
            if shape == "list":
                ok = isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)
                node = node[key] if ok else None
            else:
                node = node.get(key) if isinstance(node, dict) else None
            i += 2
        cls = _pick(target, node)
    return [f.alias or n for n, f in cls.model_fields.items()] if cls is not None else []


def _pick(target: Any, node: Any) -> type[BaseModel] | None:
    if isinstance(target, dict):
        return target.get(str(node.get("kind"))) if isinstance(node, dict) else None
    return target  # type: ignore[no-any-return]



def did_you_mean(key: str, candidates: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.7)
    return f"; did you mean '{close[0]}'?" if close else " (extension keys must start with 'x-')"


def message_for(
    error: ErrorDetails, data: Any, root: type[BaseModel] | None = None
) -> tuple[tuple[str | int, ...], str, bool]:
    """(path, message, point-at-key) for one pydantic error; ``root`` is the model validated."""
    loc = clean_loc(error["loc"])
    on_key = "[key]" in error["loc"]
    kind = error["type"]
    value = error.get("input")
    where = describe_path(loc[:-1] if kind == "extra_forbidden" else loc, data)
    field = loc[-1] if loc else ""
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden" and field == "scale" and len(loc) == 3 and loc[0] == "primitives":
        return loc, f"{where}: a role or task has no scale of its own; it sits in its container's lane", True
    if kind == "extra_forbidden":
        candidates = known_keys(root, data, loc[:-1]) if root is not None else []
        return loc, f"{where}: unknown key '{field}'{did_you_mean(str(field), candidates)}", True
    if kind == "missing":
        parent = describe_path(loc[:-1], data)
        return loc, f"{parent}: missing required key '{field}'", True
    if kind == "union_tag_not_found":
        return loc, f"{where}: missing required key 'kind' (one of: {', '.join(KINDS)})", False
    if kind == "union_tag_invalid":
        message = f"{where}: unknown kind {_show(ctx.get('tag'))}; expected one of: {', '.join(KINDS)}"
        return (*loc, "kind"), message, False
    if kind == "literal_error":
        return loc, f"{where}: {_show(value)} is not allowed; expected one of: {ctx.get('expected', '')}", on_key
    if kind == "string_pattern_mismatch" and str(ctx.get("pattern", "")) == r"^\d{4}-\d{2}-\d{2}$":
        return loc, f"{where}: {_show(value)} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25", False
    if kind == "string_pattern_mismatch" and str(ctx.get("pattern", "")) == DURATION_PATTERN:
        return loc, f"{where}: {_show(value)} is not a length of time; write a count and a unit, e.g. 7 days", False
    if (kind == "string_pattern_mismatch" and str(field) in ("id", "parent", "assignee", "from", "to")) or (
        kind == "string_pattern_mismatch" and len(loc) == 2 and loc[0] == "layout"
    ):
        return loc, (
            f"{where}: {_show(value)} is not a valid id (lower-case letters, digits and hyphens, "
            "starting with a letter or digit)"
        ), False
    if kind.endswith("_type"):
        expected = {
            "string_type": "text",
            "int_type": "a whole number",
            "float_type": "a number",
            "bool_type": "true or false",
            "list_type": "a list",
            "dict_type": "a mapping",
            "model_type": "a mapping",
            "model_attributes_type": "a mapping",
        }.get(kind, kind.removesuffix("_type"))
        return loc, f"{where}: expected {expected}, found {_found(value)} {_show(value)}".rstrip(), False
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return loc, f"{where}: must not be empty", False
    if kind in ("too_short", "too_long") and len(loc) == 2 and loc[0] == "layout":
        count = len(value) if isinstance(value, list) else 0
        return loc, f"{where}: a position is [x, y]; found {count} number{'s' if count != 1 else ''}", False
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), "")
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        words = {
            "greater_than_equal": f"{bound} or more",
            "greater_than": f"more than {bound}",
            "less_than_equal": f"{bound} or less",
            "less_than": f"less than {bound}",
        }[kind]
        return loc, f"{where}: must be {words}, found {value!r}", False
    if kind == "finite_number":
        return loc, f"{where}: must be a finite number, found {value!r}", False
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    else:
        message = message[0].lower() + message[1:]
    return loc, f"{where}: {message}", False
