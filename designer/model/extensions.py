"""``x-`` extension keys: taken out of the data before validation and attached to the models after.

Doing this outside pydantic keeps validation in its compiled core: a per-model Python validator
cost a 10k-primitive file about 0.15 s on every load, whether or not it had extensions. Files
without any ``x-`` text skip this pass entirely.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

EXTENSION_PREFIX = "x-"

Path = tuple[str | int, ...]
Target = type[BaseModel] | dict[str, type[BaseModel]]
Plan = dict[str, tuple[str, Target]]
_PLANS: dict[type[BaseModel], Plan] = {}


def _target(tp: Any, is_model: Callable[[Any], bool]) -> Target | None:
    origin = get_origin(tp)
    if origin is Annotated:
        return _target(get_args(tp)[0], is_model)
    if origin in (Union, types.UnionType):
        members = [get_args(t)[0] if get_origin(t) is Annotated else t for t in get_args(tp)]
        models: list[type[BaseModel]] = [t for t in members if is_model(t)]
        if len(models) == 1:
            return models[0]
        if models:
            by_kind: dict[str, type[BaseModel]] = {}
            for model in models:
                kind = model.model_fields.get("kind")
                if kind is not None and get_origin(kind.annotation) is Literal:
                    by_kind[str(get_args(kind.annotation)[0])] = model
            return by_kind or None
        return None
    if is_model(tp):
        single: type[BaseModel] = tp
        return single
    return None


def _shape(tp: Any, is_model: Callable[[Any], bool]) -> tuple[str, Target] | None:
    origin = get_origin(tp)
    if origin is Annotated:
        return _shape(get_args(tp)[0], is_model)
    if origin in (Union, types.UnionType):
        inner = [t for t in get_args(tp) if t is not type(None)]
        if len(inner) == 1:
            return _shape(inner[0], is_model)
    if origin is list:
        target = _target(get_args(tp)[0], is_model)
        return ("list", target) if target else None
    if origin is dict:
        target = _target(get_args(tp)[1], is_model)
        return ("dict", target) if target else None
    target = _target(tp, is_model)
    return ("one", target) if target else None


def plan(cls: type[BaseModel], is_model: Callable[[Any], bool]) -> Plan:
    """Which fields of ``cls`` hold models that may carry extensions, and in what shape."""
    found = _PLANS.get(cls)
    if found is None:
        found = {}
        for name, field in cls.model_fields.items():
            shape = _shape(field.annotation, is_model)
            if shape is not None:
                found[field.alias or name] = shape
        _PLANS[cls] = found
    return found


def check_plain(value: Any, path: Path) -> None:
    """Extension values must be plain data a state file can hold: text keys, no odd types."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise _error(path, f"extension data must use text keys, not {key!r}")
            check_plain(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_plain(item, (*path, i))
    elif not isinstance(value, (str, int, float, bool, type(None))):
        raise _error(path, f"extension data cannot hold a {type(value).__name__}")


def _error(path: Path, message: str) -> ValidationError:
    detail: InitErrorDetails = {
        "type": PydanticCustomError("value_error", "Value error, {reason}", {"reason": message}),
        "loc": path,
        "input": None,
    }
    return ValidationError.from_exception_data("extensions", [detail])


def strip(
    cls: type[BaseModel],
    data: Any,
    path: Path,
    records: list[tuple[Path, dict[str, Any]]],
    is_model: Callable[[Any], bool],
) -> Any:
    """``data`` without ``x-`` keys in any mapping that becomes a model; the keys go to ``records``."""
    if not isinstance(data, dict):
        return data
    out = data
    for key in data:
        if isinstance(key, str) and key.startswith(EXTENSION_PREFIX):
            ext = {k: v for k, v in data.items() if isinstance(k, str) and k.startswith(EXTENSION_PREFIX)}
            for k, v in ext.items():
                check_plain(v, (*path, k))
            out = {k: v for k, v in data.items() if k not in ext}
            records.append((path, ext))
            break
    for key, (shape, target) in plan(cls, is_model).items():
        value = out.get(key)
        if value is None:
            continue
        new: Any = value
        if shape == "one":
            new = _strip_one(target, value, (*path, key), records, is_model)
        elif shape == "list" and isinstance(value, list):
            items = [_strip_one(target, v, (*path, key, i), records, is_model) for i, v in enumerate(value)]
            if any(a is not b for a, b in zip(items, value, strict=True)):
                new = items
        elif shape == "dict" and isinstance(value, dict):
            entries = {k: _strip_one(target, v, (*path, key, k), records, is_model) for k, v in value.items()}
            if any(entries[k] is not value[k] for k in value):
                new = entries
        if new is not value:
            if out is data:
                out = dict(data)
            out[key] = new
    return out


def _strip_one(
    target: Target,
    value: Any,
    path: Path,
    records: list[tuple[Path, dict[str, Any]]],
    is_model: Callable[[Any], bool],
) -> Any:
    if isinstance(target, dict):
        cls = target.get(str(value.get("kind"))) if isinstance(value, dict) else None
        return value if cls is None else strip(cls, value, path, records, is_model)
    return strip(target, value, path, records, is_model)


def find(model: BaseModel, path: Path) -> Any:
    """The model at ``path`` (field aliases, list indexes, dict keys)."""
    node: Any = model
    for step in path:
        if isinstance(node, (list, dict)):
            node = node[step]  # type: ignore[index]
        else:
            fields = type(node).model_fields
            name = next((n for n, f in fields.items() if (f.alias or n) == step), step)
            node = getattr(node, str(name))
    return node
