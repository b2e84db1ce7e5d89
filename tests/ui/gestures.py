"""Real input for canvas tests: mouse presses, moves and releases on the viewport, palette drag events."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.canvas.palette import KIND_MIME

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def press(view, pos: QPoint, mods: Qt.KeyboardModifier = NO_MOD) -> None:  # type: ignore[no-untyped-def]
    QTest.mousePress(view.viewport(), LEFT, mods, pos)


def move(view, pos: QPoint, mods: Qt.KeyboardModifier = NO_MOD) -> None:  # type: ignore[no-untyped-def]
    """A mouse move with the left button held (QTest.mouseMove cannot carry modifiers)."""
    from PySide6.QtGui import QMouseEvent

    vp = view.viewport()
    event = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(pos), QPointF(vp.mapToGlobal(pos)), Qt.MouseButton.NoButton,
                        LEFT, mods)
    QApplication.sendEvent(vp, event)


def release(view, pos: QPoint, mods: Qt.KeyboardModifier = NO_MOD) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseRelease(view.viewport(), LEFT, mods, pos)
    view.canvas().flush()


def drag_path(view, start: QPoint, end: QPoint, steps: int = 6,  # type: ignore[no-untyped-def]
              mods: Qt.KeyboardModifier = NO_MOD) -> None:
    """Press at ``start``, move in steps to ``end`` (the button still down)."""
    press(view, start)
    for i in range(1, steps + 1):
        move(view, start + (end - start) * i / steps, mods)


def _mime(kind: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(KIND_MIME, kind.encode())
    return mime


def palette_enter(view, kind: str, pos: QPoint) -> QMimeData:  # type: ignore[no-untyped-def]
    mime = _mime(kind)
    action = Qt.DropAction.CopyAction
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos, action, mime, LEFT, NO_MOD))
    palette_move(view, mime, pos)
    return mime


def palette_move(view, mime: QMimeData, pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(pos, Qt.DropAction.CopyAction, mime, LEFT, NO_MOD))


def palette_leave(view) -> None:  # type: ignore[no-untyped-def]
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())


def palette_drop(view, kind: str, pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A whole palette drag arriving at viewport ``pos``: enter, move, drop."""
    mime = palette_enter(view, kind, pos)
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, LEFT, NO_MOD))
    view.canvas().flush()


def new_ids(model, before: set[str]) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(set(model.ids()) - before)
