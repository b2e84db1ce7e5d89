"""What every panel shares: the main window's model and stack, the canvas selection, and a way
to push a user's action as one undoable step.

The selection lives in the canvas scene; the hub only watches it (coalescing the bursts a
clear-then-select produces into one ``selectionChanged``) and asks the window to change it, so
there is one selection for the whole app.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from designer.commands.model import DocumentModel
from designer.commands.stack import Command, UndoStack
from ui.canvas.interactions import push_gesture

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class PanelHub(QObject):
    selectionChanged = Signal(list)
    """The ids selected on the canvas, after each change of selection (coalesced)."""
    focusField = Signal(str, tuple)
    """A panel asks the Inspector to show one field of a primitive: ``(id, path in the primitive)``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._ids: list[str] = []
        self._links: list[tuple[str, str, str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._emit_selection)
        window.scene.selectionChanged.connect(self._timer.start)
        self._listeners: list[Callable[[], None]] = []

    @property
    def model(self) -> DocumentModel:
        return self.window.model

    @property
    def stack(self) -> UndoStack:
        return self.window.stack

    # --- selection -------------------------------------------------------------------------------

    def selected(self) -> list[str]:
        """The selected primitive ids, in the model's order (stable whatever the click order)."""
        return [i for i in self._ids if i in self.model]

    def selected_links(self) -> list[tuple[str, str, str]]:
        """The links selected on the canvas (source, target, kind), that still exist."""
        return [k for k in self._links if self.model.link_index(k) is not None]

    def _emit_selection(self) -> None:
        ids = self.window.scene.selected_ids()
        ids = sorted(set(ids), key=lambda i: self.model.index_of(i) if i in self.model else -1)
        links = self.window.scene.selected_link_keys()
        if ids != self._ids or links != self._links:
            self._ids, self._links = ids, links
            self.selectionChanged.emit(list(ids))

    def sync_now(self) -> None:
        """Settle a pending selection change at once (tests, and panels that need it now)."""
        self._timer.stop()
        self._emit_selection()

    def select(self, ids: list[str], centre: bool = True) -> None:
        """Select ``ids`` on the canvas (and so in every panel), optionally bringing them into view."""
        ids = [i for i in ids if i in self.model]
        self.window._select(ids)
        if centre and ids:
            self.window.view.centre_on_ids(ids)
        self.sync_now()

    # --- changing the document -------------------------------------------------------------------

    def push(self, title: str, *commands: Command, report: Callable[[str], None] | None = None) -> bool:
        """Push ``commands`` as one undo step; a refusal changes nothing and is reported (to the status
        bar, or to ``report``: a panel that shows it next to the field)."""
        return push_gesture(self.stack, title, list(commands), report or self.report)

    def report(self, message: str) -> None:
        self.window.report(message)


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order (each panel states its own order explicitly)."""
    for a, b in itertools.pairwise(widgets):
        QWidget.setTabOrder(a, b)


def focus_stops(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab stops at, in the order they were laid out (the inner line
    of a combo or spin box and widgets that pass their focus on are not stops of their own)."""
    window = root.window()
    return [w for w in root.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None and w.window() is window
            and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)]
