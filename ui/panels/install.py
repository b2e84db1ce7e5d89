"""Puts the side panels into the main window: one call, ``install_panels(window)``.

Start-up stays as fast as without panels: the docks are created empty, and the rules engine,
the hub and each panel's widgets are built a moment after the window is up (``start``), a panel
only once its dock is first shown. The docks' places are saved with the window's state (its
``closeEvent`` calls ``saveState``) and restored here once they exist.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.panels.hub import PanelHub
    from ui.panels.problems import ProblemsController

PROBLEMS_HEIGHT = 260
START_DELAY_MS = 150
"""Long enough for the first frame to be painted before the panels are built."""


@dataclass(frozen=True)
class PanelSpec:
    name: str
    title: str
    area: Qt.DockWidgetArea
    shortcut: str


SPECS: tuple[PanelSpec, ...] = (
    PanelSpec("inspector", "Inspector", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+1"),
    PanelSpec("phase", "Phase", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+2"),
    PanelSpec("problems", "Problems", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+3"),
    PanelSpec("outline", "Outline", Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+4"),
    PanelSpec("guide", "Guide", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+5"),
    PanelSpec("records", "Records", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+6"),
)


class _Slot(QWidget):
    """A dock's content until its panel is built; builds it the first time it is shown."""

    def __init__(self, panels: Panels, name: str) -> None:
        super().__init__()
        self.panels, self.name = panels, name
        self.panel: QWidget | None = None
        self.in_front = True
        """False while another dock's tab covers this one: the panel is hidden, so Tab cannot reach it."""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel("Loading…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.placeholder)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.panels.started:
            self.panels.get(self.name)

    def set_panel(self, panel: QWidget) -> None:
        self.layout().removeWidget(self.placeholder)
        self.placeholder.hide()
        self.placeholder.deleteLater()
        self.layout().addWidget(panel)
        panel.setVisible(self.in_front)
        self.setFocusProxy(panel)
        self.panel = panel

    def set_in_front(self, on: bool) -> None:
        """Qt keeps a dock whose tab is not selected "visible" (moved out of sight), so the keyboard
        would walk into it; hiding its panel takes it out of the Tab chain until its tab is picked."""
        self.in_front = on
        if self.panel is not None and self.panel.isHidden() == on:
            self.panel.setVisible(on)


class Panels:
    """The panels of one window: their docks, the shared hub, and the live validation."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.started = False
        self.hub: PanelHub | None = None
        self.problems: ProblemsController | None = None
        self.slots: dict[str, _Slot] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.focus_actions: dict[str, QAction] = {}
        for spec in SPECS:
            slot = _Slot(self, spec.name)
            self.slots[spec.name] = slot
            self.docks[spec.name] = window.add_dock(spec.name, spec.title, slot, spec.area)
            self.docks[spec.name].visibilityChanged.connect(slot.set_in_front)
        self._tabify()
        menu = window.actions_.panels_menu
        menu.addSeparator()
        for spec in SPECS:
            action = QAction(f"Go to {spec.title}", window)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, n=spec.name: self.focus(n))
            window.addAction(action)
            menu.addAction(action)
            self.focus_actions[spec.name] = action
        state = window.settings.window_state()
        self._restored = state is not None and window.restoreState(state)
        self._start_timer = QTimer(window)  # dies with the window, so never fires on a closed one
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self.start)
        self._start_timer.start(START_DELAY_MS)

    def _tabify(self) -> None:
        right = [n for n in ("inspector", "phase", "guide", "records") if n in self.docks]
        for a, b in itertools.pairwise(right):
            self.window.tabifyDockWidget(self.docks[a], self.docks[b])
        history, overview = self.window.docks.get("history"), self.window.docks.get("overview")
        if right and history is not None:
            self.window.tabifyDockWidget(self.docks[right[-1]], history)
        if right:
            self.docks[right[0]].raise_()
            docks = [self.docks[right[0]], *([overview] if overview is not None else [])]
            self.window.resizeDocks(docks, [700, 160][: len(docks)], Qt.Orientation.Vertical)
            self.window.resizeDocks([self.docks[right[0]]], [400], Qt.Orientation.Horizontal)
        palette = self.window.docks.get("palette")
        if palette is not None and "outline" in self.docks:
            self.window.resizeDocks([palette, self.docks["outline"]], [250, 550], Qt.Orientation.Vertical)
        if "problems" in self.docks:
            # room for a few findings and, beside them, a finding's "How to fix" and "Why it matters"
            self.window.resizeDocks([self.docks["problems"]], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    def start(self) -> None:
        """Build the hub and the validation, then the panels whose docks are showing."""
        if self.started:
            return
        self._start_timer.stop()
        from ui.panels.hub import PanelHub
        from ui.panels.problems import ProblemsController

        self.hub = PanelHub(self.window)
        self.problems = ProblemsController(self.window)
        self.started = True
        self.window.problems_label.mousePressEvent = lambda _e: self.focus("problems")  # type: ignore[method-assign]
        if not self._restored and "problems" in self.docks:  # a first start: sizes only hold once shown
            self.window.resizeDocks([self.docks["problems"]], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)
        for name, slot in self.slots.items():
            dock = self.docks[name]
            slot.set_in_front(dock.isFloating() or not dock.visibleRegion().isEmpty())
            if slot.isVisible():
                self.get(name)

    def get(self, name: str) -> Any:
        """The panel widget called ``name``, built on first use."""
        self.start()
        slot = self.slots[name]
        if slot.panel is None:
            slot.set_panel(self._build(name))
        return slot.panel

    def _build(self, name: str) -> QWidget:
        hub, problems = self.hub, self.problems
        assert hub is not None and problems is not None
        builders: dict[str, Callable[[], QWidget]] = {
            "problems": lambda: _problems(hub, problems),
            "inspector": lambda: _inspector(hub, problems),
            "phase": lambda: _phase(hub),
            "outline": lambda: _outline(hub),
            "guide": lambda: _guide(hub),
            "records": lambda: _records(hub),
        }
        return builders[name]()

    def focus(self, name: str) -> None:
        """Show a panel's dock, bring it to the front and put the keyboard focus in it."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        panel = self.get(name)
        self.slots[name].set_in_front(True)
        panel.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _problems(hub: PanelHub, problems: ProblemsController) -> QWidget:
    from ui.panels.problems_panel import ProblemsPanel

    return ProblemsPanel(hub, problems)


def _inspector(hub: PanelHub, problems: ProblemsController) -> QWidget:
    from ui.panels.inspector import Inspector

    return Inspector(hub, problems)


def _phase(hub: PanelHub) -> QWidget:
    from ui.panels.phase_panel import PhasePanel

    return PhasePanel(hub)


def _outline(hub: PanelHub) -> QWidget:
    from ui.panels.outline_panel import OutlinePanel

    return OutlinePanel(hub)


def _guide(hub: PanelHub) -> QWidget:
    from ui.panels.guide_panel import GuidePanel

    return GuidePanel(hub)


def _records(hub: PanelHub) -> QWidget:
    from ui.panels.records_panel import RecordsPanel

    return RecordsPanel(hub)


def install_panels(window: MainWindow) -> Panels:
    """Add the Inspector, Phase, Problems, Outline, Guide and Records docks to ``window``."""
    panels = Panels(window)
    window.panels = panels  # type: ignore[attr-defined]
    return panels
