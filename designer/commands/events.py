"""Plain-Python change events: what the model tells its views after every change.

A view (the canvas, a panel, the incremental validator) subscribes once and redraws from these;
there is no other way for it to learn of a change. Events are small and say exactly what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeAlias

from designer.model.links import Link

Section = Literal["organization", "design", "rules", "extensions"]


@dataclass(frozen=True)
class PrimitiveAdded:
    id: str
    index: int


@dataclass(frozen=True)
class PrimitiveRemoved:
    id: str
    index: int


@dataclass(frozen=True)
class PrimitiveChanged:
    id: str
    fields: frozenset[str]
    """Top-level fields that differ (``name``, ``parent``, ``state``…)."""


@dataclass(frozen=True)
class LinkAdded:
    link: Link
    index: int


@dataclass(frozen=True)
class LinkRemoved:
    link: Link
    index: int


@dataclass(frozen=True)
class PositionChanged:
    id: str
    position: tuple[float, float] | None


@dataclass(frozen=True)
class SectionChanged:
    section: Section


@dataclass(frozen=True)
class DocumentReplaced:
    """Everything changed (a file was opened); views rebuild from scratch."""


Event: TypeAlias = (
    PrimitiveAdded
    | PrimitiveRemoved
    | PrimitiveChanged
    | LinkAdded
    | LinkRemoved
    | PositionChanged
    | SectionChanged
    | DocumentReplaced
)
Listener = Callable[[Event], None]


class EventBus:
    """Synchronous observer list. Listeners run in subscription order, after the change is made."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)
