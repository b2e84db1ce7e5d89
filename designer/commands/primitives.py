"""Commands on primitives: add, remove, move, reparent, rename, edit, phase, checklist."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from designer.commands.edits import PathLike, build_primitive, primitive_data, split_path, with_value
from designer.commands.model import (
    DocumentModel,
    InsertPrimitive,
    Position,
    RemoveLink,
    RemovePrimitive,
    ReplacePrimitive,
    SetPosition,
)
from designer.commands.stack import Command, CommandError
from designer.model.ids import is_valid_id, unique_id
from designer.model.kinds import CONTAINERS, PHASES, SCALED_KINDS, Kind, Phase, Scale, normalize_phase
from designer.model.primitives import AnyPrimitive, Task

ARTICLE = {"dao": "a DAO", "cell": "a cell", "role": "a role", "task": "a task", "partner": "a partner"}


def _need(model: DocumentModel, primitive_id: str) -> AnyPrimitive:
    p = model.get(primitive_id)
    if p is None:
        raise CommandError(f"there is no primitive '{primitive_id}'")
    return p


def check_parent(model: DocumentModel, kind: Kind, parent: str | None, moving: str | None = None) -> None:
    """Raise unless ``kind`` may sit inside ``parent`` (and, when moving, no cycle results)."""
    if parent is None:
        if kind in ("role", "task"):
            raise CommandError(f"{ARTICLE[kind]} must sit inside {_allowed(kind)}; drop it onto one")
        return
    container = _need(model, parent)
    if container.kind not in CONTAINERS[kind]:
        raise CommandError(
            f"{ARTICLE[kind]} cannot go inside {ARTICLE[container.kind]}; it belongs in {_allowed(kind)}"
        )
    if moving is not None and (parent == moving or moving in [*model.ancestors(parent), parent]):
        raise CommandError(f"'{_need(model, moving).name}' cannot go inside itself or its own contents")


def _allowed(kind: Kind) -> str:
    names = [ARTICLE[k] for k in CONTAINERS[kind]]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


class AddPrimitive(Command):
    """Add one primitive; returns its new id."""

    def __init__(
        self,
        kind: Kind,
        name: str,
        parent: str | None = None,
        scale: Scale | None = None,
        position: Position | None = None,
        phase: Phase | None = None,
        fields: Mapping[str, Any] | None = None,
        primitive_id: str | None = None,
    ) -> None:
        super().__init__()
        self.title = f"Add {kind}"
        self.kind, self.name, self.parent, self.scale = kind, name, parent, scale
        self.position, self.phase, self.fields, self.primitive_id = position, phase, dict(fields or {}), primitive_id

    def apply(self, model: DocumentModel) -> str:
        check_parent(model, self.kind, self.parent)
        if self.primitive_id is not None:
            if not is_valid_id(self.primitive_id):
                raise CommandError(f"'{self.primitive_id}' is not a valid id")
            if self.primitive_id in model:
                raise CommandError(f"the id '{self.primitive_id}' is taken")
            new_id = self.primitive_id
        else:
            new_id = unique_id(self.name, model.ids(), fallback=self.kind)
        data: dict[str, Any] = {"id": new_id, "kind": self.kind, "name": self.name, **self.fields}
        if self.parent is not None:
            data["parent"] = self.parent
        if self.kind in SCALED_KINDS:
            scale = self.scale or _inherited_scale(model, self.parent)
            if scale is None:
                raise CommandError(f"{ARTICLE[self.kind]} needs a scale; drop it into a lane")
            data["scale"] = scale
            data["phase"] = self.phase or "conversation"
        elif self.phase is not None:
            data["phase"] = self.phase
        primitive = build_primitive(data, new_id)
        model.apply(InsertPrimitive(len(model.primitives), primitive))
        if self.position is not None:
            model.apply(SetPosition(new_id, (float(self.position[0]), float(self.position[1]))))
        return new_id


def _inherited_scale(model: DocumentModel, parent: str | None) -> Scale | None:
    while parent is not None:
        p = model.get(parent)
        if p is None:
            return None
        scale = getattr(p, "scale", None)
        if scale is not None:
            return scale  # type: ignore[no-any-return]
        parent = p.parent
    return None


class RemovePrimitives(Command):
    """Remove primitives with everything inside them and every link that touches them."""

    def __init__(self, ids: Iterable[str]) -> None:
        super().__init__()
        self.ids = list(dict.fromkeys(ids))
        self.removed_links = 0
        """How many links went with them (for "deleted 8 items, 5 links")."""
        self.title = "Delete" if len(self.ids) != 1 else "Delete 1 item"
        if len(self.ids) > 1:
            self.title = f"Delete {len(self.ids)} items"

    def apply(self, model: DocumentModel) -> list[str]:
        doomed: set[str] = set()
        for primitive_id in self.ids:
            _need(model, primitive_id)
            doomed.add(primitive_id)
            doomed.update(model.descendants(primitive_id))
        self.removed_links = 0
        for i in range(len(model.links) - 1, -1, -1):
            link = model.links[i]
            if link.source in doomed or link.target in doomed:
                model.apply(RemoveLink(i))
                self.removed_links += 1
        for i, p in enumerate(model.primitives):
            if isinstance(p, Task) and p.id not in doomed and p.assignee in doomed:
                model.apply(ReplacePrimitive(i, with_value(p, "assignee", None)))
        for i in range(len(model.primitives) - 1, -1, -1):
            primitive_id = model.primitives[i].id
            if primitive_id in doomed:
                if primitive_id in model.layout:
                    model.apply(SetPosition(primitive_id, None))
                model.apply(RemovePrimitive(i))
        return sorted(doomed)


class MovePrimitives(Command):
    """Set canvas positions. Pushed once per drag; nudges with the same key merge into one step."""

    def __init__(self, positions: Mapping[str, Position], nudge: bool = False) -> None:
        super().__init__()
        self.positions = {k: (float(v[0]), float(v[1])) for k, v in positions.items()}
        self.title = "Move" if len(self.positions) == 1 else f"Move {len(self.positions)} items"
        if nudge:
            self.title = "Nudge"
            self.merge_key = ("nudge", frozenset(self.positions))

    def apply(self, model: DocumentModel) -> None:
        for primitive_id, position in self.positions.items():
            _need(model, primitive_id)
            if model.layout.get(primitive_id) != position:
                model.apply(SetPosition(primitive_id, position))


class EditField(Command):
    """Set one field (a dotted path such as ``state.purpose.statement``) on one or more primitives."""

    def __init__(self, ids: str | Iterable[str], path: PathLike, value: Any, title: str | None = None) -> None:
        super().__init__()
        self.ids = [ids] if isinstance(ids, str) else list(ids)
        self.path = split_path(path)
        self.value = value
        self.title = title or f"Edit {'.'.join(str(s) for s in self.path)}"

    def apply(self, model: DocumentModel) -> None:
        for primitive_id in self.ids:
            p = _need(model, primitive_id)
            new = with_value(p, self.path, self.value)
            if new != p:
                model.apply(ReplacePrimitive(model.index_of(primitive_id), new))


class Rename(EditField):
    def __init__(self, primitive_id: str, name: str) -> None:
        super().__init__(primitive_id, "name", name, title="Rename")
        if not name.strip():
            raise CommandError("a name cannot be empty")


class SetScale(EditField):
    def __init__(self, ids: str | Iterable[str], scale: Scale) -> None:
        super().__init__(ids, "scale", scale, title="Change scale")

    def apply(self, model: DocumentModel) -> None:
        for primitive_id in self.ids:
            if _need(model, primitive_id).kind not in SCALED_KINDS:
                raise CommandError("roles and tasks have no scale of their own; they sit in their container's lane")
        super().apply(model)


class SetPhase(EditField):
    def __init__(self, ids: str | Iterable[str], phase: str) -> None:
        canonical = normalize_phase(phase)
        if canonical not in PHASES:
            raise CommandError(f"unknown phase {phase!r}; expected one of: {', '.join(PHASES)}")
        super().__init__(ids, "phase", canonical, title=f"Set phase to {canonical}")


class Reparent(Command):
    """Move a primitive into another container (a role dragged onto another cell)."""

    def __init__(self, primitive_id: str, parent: str | None) -> None:
        super().__init__()
        self.primitive_id, self.parent = primitive_id, parent
        self.title = "Move into container" if parent else "Move to top level"

    def apply(self, model: DocumentModel) -> None:
        p = _need(model, self.primitive_id)
        if p.parent == self.parent:
            return
        check_parent(model, p.kind, self.parent, moving=self.primitive_id)
        data = primitive_data(p)
        if self.parent is None:
            data.pop("parent", None)
        else:
            data["parent"] = self.parent
        model.apply(ReplacePrimitive(model.index_of(p.id), build_primitive(data, p.id)))


class TickChecklist(Command):
    """Tick or untick one checklist item of a phase."""

    def __init__(self, primitive_id: str, phase: str, item: str, ticked: bool = True) -> None:
        super().__init__()
        self.primitive_id, self.item, self.ticked = primitive_id, item, ticked
        canonical = normalize_phase(phase)
        if canonical not in PHASES:
            raise CommandError(f"unknown phase {phase!r}")
        self.phase = str(canonical)
        self.title = ("Tick " if ticked else "Untick ") + item

    def apply(self, model: DocumentModel) -> None:
        p = _need(model, self.primitive_id)
        items = list(p.checklist.get(self.phase, []))  # type: ignore[call-overload]
        if self.ticked and self.item not in items:
            items.append(self.item)
        elif not self.ticked and self.item in items:
            items.remove(self.item)
        else:
            return
        checklist = {k: list(v) for k, v in p.checklist.items()}
        if items:
            checklist[self.phase] = items  # type: ignore[index]
        else:
            checklist.pop(self.phase, None)  # type: ignore[call-overload]
        model.apply(ReplacePrimitive(model.index_of(p.id), with_value(p, "checklist", checklist or None)))
