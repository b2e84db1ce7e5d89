"""Building changed primitives: set a value at a path and re-validate, with a readable error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from designer.commands.stack import CommandError
from designer.io.messages import message_for
from designer.model.primitives import PRIMITIVE_CLASSES, AnyPrimitive

PathLike = str | Sequence[str | int]


def split_path(path: PathLike) -> list[str | int]:
    if isinstance(path, str):
        return [int(p) if p.isdigit() else p for p in path.split(".") if p]
    return list(path)


def set_in(data: Any, path: list[str | int], value: Any) -> Any:
    """A copy of ``data`` with ``value`` at ``path`` (creating mappings on the way); None deletes."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(data) if isinstance(data, list) else []
        if not 0 <= head < len(items) + 1:
            raise CommandError(f"no item {head} in a list of {len(items)}")
        new = set_in(items[head] if head < len(items) else None, rest, value)
        if head == len(items):
            items.append(new)
        else:
            items[head] = new
        return items
    mapping = dict(data) if isinstance(data, dict) else {}
    new_value = set_in(mapping.get(head), rest, value)
    if new_value is None:
        mapping.pop(head, None)
    else:
        mapping[head] = new_value
    return mapping


def get_in(data: Any, path: list[str | int]) -> Any:
    for step in path:
        if isinstance(step, int) and isinstance(data, list) and 0 <= step < len(data):
            data = data[step]
        elif isinstance(step, str) and isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


def primitive_data(p: AnyPrimitive) -> dict[str, Any]:
    return p.to_data()


def build_primitive(data: dict[str, Any], what: str) -> AnyPrimitive:
    cls = PRIMITIVE_CLASSES.get(str(data.get("kind")))
    if cls is None:
        raise CommandError(f"unknown kind {data.get('kind')!r}")
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise CommandError(_first_message(exc, data, what, cls)) from None


def build_model(cls: type[BaseModel], data: Any, what: str) -> Any:
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise CommandError(_first_message(exc, data, what, cls)) from None


def _first_message(exc: ValidationError, data: Any, what: str, root: type[BaseModel]) -> str:
    error = exc.errors(include_url=False)[0]
    _, message, _ = message_for(error, data, root)
    return message.replace("the file: ", "").replace("the file", what)


def with_value(p: AnyPrimitive, path: PathLike, value: Any) -> AnyPrimitive:
    steps = split_path(path)
    if steps and steps[0] in ("id", "kind"):
        raise CommandError(f"'{steps[0]}' cannot be edited; it identifies the primitive")
    data = set_in(primitive_data(p), steps, value)
    return build_primitive(data, p.id)
