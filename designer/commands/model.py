"""The editable document: mutable containers of immutable primitives, with change events.

Every change goes through a handful of primitive operations (insert, remove or replace a
primitive or link, set a position, set a section). Each operation knows its inverse, and while
a command runs the model records the pairs, so any command can be undone and redone exactly,
whatever it did. Commands keep the document whole (referential integrity); the operations do not
check, they only change and announce.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.commands.events import (
    DocumentReplaced,
    EventBus,
    LinkAdded,
    LinkRemoved,
    PositionChanged,
    PrimitiveAdded,
    PrimitiveChanged,
    PrimitiveRemoved,
    Section,
    SectionChanged,
)
from designer.model.document import Document
from designer.model.links import Link
from designer.model.primitives import AnyPrimitive

Position = tuple[float, float]


@dataclass(frozen=True)
class InsertPrimitive:
    index: int
    primitive: AnyPrimitive


@dataclass(frozen=True)
class RemovePrimitive:
    index: int


@dataclass(frozen=True)
class ReplacePrimitive:
    index: int
    primitive: AnyPrimitive


@dataclass(frozen=True)
class InsertLink:
    index: int
    link: Link


@dataclass(frozen=True)
class RemoveLink:
    index: int


@dataclass(frozen=True)
class SetPosition:
    id: str
    position: Position | None


@dataclass(frozen=True)
class SetSection:
    section: Section
    value: Any


Op = InsertPrimitive | RemovePrimitive | ReplacePrimitive | InsertLink | RemoveLink | SetPosition | SetSection


class DocumentModel:
    """The document being edited. Read it freely; change it only through commands."""

    def __init__(self, doc: Document) -> None:
        self.events = EventBus()
        self._recording: list[tuple[Op, Op]] | None = None
        self._load(doc)

    # --- reading -------------------------------------------------------------------------------

    def _load(self, doc: Document) -> None:
        self.organization = doc.organization
        self.design = doc.design
        self.rules = doc.rules
        self.extensions: dict[str, Any] = doc.extensions
        self.primitives: list[AnyPrimitive] = list(doc.primitives)
        self.links: list[Link] = list(doc.links)
        self.layout: dict[str, Position] = {k: (v[0], v[1]) for k, v in doc.layout.items()}
        self._reindex()

    def _reindex(self) -> None:
        self._layout_cache: dict[str, list[float]] | None = None
        self._index = {p.id: i for i, p in enumerate(self.primitives)}

    def get(self, primitive_id: str) -> AnyPrimitive | None:
        i = self._index.get(primitive_id)
        return None if i is None else self.primitives[i]

    def __getitem__(self, primitive_id: str) -> AnyPrimitive:
        return self.primitives[self._index[primitive_id]]

    def __contains__(self, primitive_id: object) -> bool:
        return primitive_id in self._index

    def index_of(self, primitive_id: str) -> int:
        return self._index[primitive_id]

    def ids(self) -> set[str]:
        return set(self._index)

    def children(self, primitive_id: str | None) -> list[AnyPrimitive]:
        return [p for p in self.primitives if p.parent == primitive_id]

    def descendants(self, primitive_id: str) -> list[str]:
        """Ids inside ``primitive_id`` at any depth, parents before children."""
        by_parent: dict[str, list[str]] = {}
        for p in self.primitives:
            if p.parent is not None:
                by_parent.setdefault(p.parent, []).append(p.id)
        out: list[str] = []
        stack = list(reversed(by_parent.get(primitive_id, [])))
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(by_parent.get(current, [])))
        return out

    def ancestors(self, primitive_id: str) -> list[str]:
        out: list[str] = []
        current = self[primitive_id].parent
        while current is not None and current in self._index and current not in out:
            out.append(current)
            current = self[current].parent
        return out

    def link_index(self, key: tuple[str, str, str]) -> int | None:
        for i, link in enumerate(self.links):
            if link.key == key:
                return i
        return None

    def links_of(self, primitive_id: str) -> list[Link]:
        return [lk for lk in self.links if primitive_id in (lk.source, lk.target)]

    def _layout_data(self) -> dict[str, list[float]]:
        """Positions in primitive order, as the file holds them; rebuilt only after they change."""
        if self._layout_cache is None:
            layout = self.layout
            self._layout_cache = {p.id: list(layout[p.id]) for p in self.primitives if p.id in layout}
        return self._layout_cache

    def snapshot(self) -> Document:
        """The current document as an immutable :class:`Document` (no re-validation: parts are valid)."""
        doc = Document.model_construct(
            organization=self.organization,
            design=self.design,
            rules=self.rules,
            primitives=list(self.primitives),
            links=list(self.links),
            layout=self._layout_data(),
        )
        if self.extensions:
            return doc.with_extensions(dict(self.extensions))  # type: ignore[return-value]
        return doc

    def replace_document(self, doc: Document) -> None:
        """Load another document wholesale (File > Open, Revert). Not undoable: the stack is reset."""
        self._load(doc)
        self.events.emit(DocumentReplaced())

    # --- changing (only commands call these) ---------------------------------------------------

    def apply(self, op: Op) -> None:
        inverse = self._apply(op)
        if self._recording is not None:
            self._recording.append((op, inverse))

    def start_recording(self) -> None:
        if self._recording is not None:
            raise RuntimeError("a command is already running")
        self._recording = []

    def stop_recording(self) -> list[tuple[Op, Op]]:
        recorded, self._recording = self._recording or [], None
        return recorded

    def replay(self, ops: list[Op]) -> None:
        """Apply operations without recording them (undo and redo)."""
        for op in ops:
            self._apply(op)

    def _apply(self, op: Op) -> Op:
        if isinstance(op, (InsertPrimitive, RemovePrimitive, SetPosition)):
            self._layout_cache = None
        if isinstance(op, InsertPrimitive):
            self.primitives.insert(op.index, op.primitive)
            if op.index >= len(self.primitives) - 1:
                self._index[op.primitive.id] = len(self.primitives) - 1
            else:
                self._reindex()
            self.events.emit(PrimitiveAdded(op.primitive.id, op.index))
            return RemovePrimitive(op.index)
        if isinstance(op, RemovePrimitive):
            removed = self.primitives.pop(op.index)
            if op.index == len(self.primitives):
                del self._index[removed.id]
            else:
                self._reindex()
            self.events.emit(PrimitiveRemoved(removed.id, op.index))
            return InsertPrimitive(op.index, removed)
        if isinstance(op, ReplacePrimitive):
            old = self.primitives[op.index]
            self.primitives[op.index] = op.primitive
            if old.id != op.primitive.id:
                self._reindex()
            self.events.emit(PrimitiveChanged(op.primitive.id, _changed_fields(old, op.primitive)))
            return ReplacePrimitive(op.index, old)
        if isinstance(op, InsertLink):
            self.links.insert(op.index, op.link)
            self.events.emit(LinkAdded(op.link, op.index))
            return RemoveLink(op.index)
        if isinstance(op, RemoveLink):
            link = self.links.pop(op.index)
            self.events.emit(LinkRemoved(link, op.index))
            return InsertLink(op.index, link)
        if isinstance(op, SetPosition):
            old_pos = self.layout.get(op.id)
            if op.position is None:
                self.layout.pop(op.id, None)
            else:
                self.layout[op.id] = op.position
            self.events.emit(PositionChanged(op.id, op.position))
            return SetPosition(op.id, old_pos)
        old_value = getattr(self, op.section)
        setattr(self, op.section, op.value)
        self.events.emit(SectionChanged(op.section))
        return SetSection(op.section, old_value)


def _changed_fields(old: AnyPrimitive, new: AnyPrimitive) -> frozenset[str]:
    if type(old) is not type(new):
        return frozenset(set(type(old).model_fields) | set(type(new).model_fields))
    return frozenset(name for name in type(new).model_fields if getattr(old, name) != getattr(new, name))
