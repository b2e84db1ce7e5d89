"""What the Inspector shows for a kind, read from the pydantic model of that kind.

The form is not written by hand: each field of ``Dao``, ``Cell``, ``Role``, ``Task`` or
``Partner`` (and of their nested state sections) becomes a :class:`FieldSpec` with an editor
kind, so a field added to the model shows up in the Inspector without UI work. A few fields get
special editors (people pickers, containers, assignees); the checklist belongs to the Phase panel
and the master state's tables to the Records panel.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from designer.model.primitives import PRIMITIVE_CLASSES

EditorKind = Literal[
    "text", "longtext", "list", "people", "choice", "bool", "tristate", "int", "number", "date",
    "parent", "assignee", "records",
]
Path = tuple[str, ...]

SKIPPED = {"id", "kind", "checklist"}
PEOPLE = {"members", "holders", "signers"}
SECTION_TITLES = {
    "": "General",
    "state.purpose": "Purpose",
    "state.practice": "Practice",
    "state.progress": "Progress",
    "state.master": "Master state (top-level cell)",
    "tools": "Tools",
    "approval": "Approval",
}
"""Top groups of the form; deeper models become sub-headings inside these."""


@dataclass(frozen=True)
class FieldSpec:
    path: Path
    label: str
    kind: EditorKind
    section: str
    help: str = ""
    options: tuple[str, ...] = ()
    optional: bool = True
    item: type[BaseModel] | None = None
    """For ``records``: the model of one row (a treasury account, a transfer, a mechanism)."""
    default: str | None = None
    """A choice's default, shown when the file leaves the field out (``entity: dao``)."""


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """``(inner type, optional?, metadata)`` with Optional and Annotated peeled off."""
    optional = False
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            annotation = args[0]
            for extra in args[1:]:
                metadata.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional, metadata


def _is_long(metadata: list[Any]) -> bool:
    return any(getattr(m, "max_length", 0) == 100_000 for m in metadata)


def _is_date(metadata: list[Any]) -> bool:
    return any("\\d{4}" in str(getattr(m, "pattern", "")) for m in metadata)


def _walk(model: type[BaseModel], prefix: Path, out: list[FieldSpec]) -> None:
    for name, info in model.model_fields.items():
        if not prefix and name in SKIPPED:
            continue
        path = (*prefix, name)
        dotted = ".".join(path)
        section = next((s for s in sorted(SECTION_TITLES, key=len, reverse=True) if s and dotted.startswith(s + ".")),
                       "")
        inner, optional, metadata = _unwrap(info.annotation)
        metadata += list(info.metadata)
        help_text = info.description or ""
        kind: EditorKind | None = None
        options: tuple[str, ...] = ()
        item_model: type[BaseModel] | None = None
        origin = get_origin(inner)
        if name == "parent" and not prefix:
            kind = "parent"
        elif name == "assignee" and not prefix:
            kind = "assignee"
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            _walk(inner, path, out)
            continue
        elif origin is Literal:
            kind, options = "choice", tuple(str(a) for a in get_args(inner))
        elif origin is list:
            item, _, _ = _unwrap(get_args(inner)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                kind, item_model = "records", item
            else:
                kind = "people" if name in PEOPLE else "list"
        elif origin is dict:
            continue
        elif inner is bool:
            kind = "tristate" if optional else "bool"
        elif inner is int:
            kind = "int"
        elif inner is float:
            kind = "number"
        elif inner is str:
            kind = "date" if _is_date(metadata) else "longtext" if _is_long(metadata) else "text"
        if kind is None:
            continue
        default = info.default if kind == "choice" and isinstance(info.default, str) else None
        out.append(FieldSpec(path, _label(name), kind, section, help_text, options, optional, item_model, default))


@cache
def specs_for(kind: str) -> tuple[FieldSpec, ...]:
    """Every editable field of a kind, in model order (which is also file order)."""
    out: list[FieldSpec] = []
    _walk(PRIMITIVE_CLASSES[kind], (), out)
    return tuple(out)


@cache
def common_specs(kinds: frozenset[str]) -> tuple[FieldSpec, ...]:
    """Fields that several kinds share with the same editor: what a mixed selection can edit.
    Names and containers stay out: giving several primitives one name or parent is never meant."""
    ordered = sorted(kinds)
    first = specs_for(ordered[0])
    others = [{(s.path, s.kind) for s in specs_for(k)} for k in ordered[1:]]
    keep = [s for s in first if all((s.path, s.kind) in o for o in others)]
    return tuple(s for s in keep if s.path not in (("name",), ("parent",)))


def value_at(data: Any, path: Path) -> Any:
    for step in path:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data
