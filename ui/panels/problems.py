"""Live validation for the app: runs the rules after each finished step and shares the result.

The engine runs incrementally on the ids the model's events named since the last step, and fully
when a document is opened. The result goes to three places: the canvas badges, the status bar's
problems field, and the Problems panel and Inspector (through ``findingsChanged``). Nothing here
builds widgets, so it costs nothing at start-up beyond an empty run.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from designer.commands.events import (
    DocumentReplaced,
    Event,
    LinkAdded,
    LinkRemoved,
    PrimitiveAdded,
    PrimitiveChanged,
    PrimitiveRemoved,
    SectionChanged,
)
from designer.rules.engine import Engine
from designer.rules.finding import SEVERITY_RANK, Finding, Severity, count_by_severity

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def summary_text(findings: list[Finding]) -> str:
    """``2 errors · 3 warnings · 5 notes`` for the status bar (info findings are notes, as the CLI
    and the panel call them); ``no problems`` when there are none."""
    counts = count_by_severity(findings)
    words = {"error": "error", "warning": "warning", "info": "note"}
    parts = [f"{n} {words[sev]}{'s' if n != 1 else ''}" for sev, n in counts.items() if n]
    return " · ".join(parts) if parts else "no problems"


class ProblemsController(QObject):
    findingsChanged = Signal()
    namesChanged = Signal(list)
    """Primitives with findings that were renamed while their findings stayed the same."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.engine = Engine()
        self.findings: list[Finding] = []
        self.by_primitive: dict[str, list[Finding]] = {}
        self._changed: set[str] = set()
        self._renamed: set[str] = set()
        self._full = True
        self._pending = True
        self._unsubscribe = [window.model.events.subscribe(self._on_event), window.stack.subscribe(self.refresh)]
        # Show Tasks and a theme change rebuild the canvas cards; put the badges back afterwards.
        window.actions_.show_tasks.toggled.connect(lambda _on: QTimer.singleShot(0, self.apply_badges))
        for action in window.actions_.themes.values():
            action.triggered.connect(lambda _on=False: QTimer.singleShot(0, self.apply_badges))
        self.refresh()

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    def _on_event(self, event: Event) -> None:
        self._pending = True
        if isinstance(event, DocumentReplaced):
            self._full = True
        elif isinstance(event, PrimitiveAdded | PrimitiveRemoved | PrimitiveChanged):
            self._changed.add(event.id)
            if isinstance(event, PrimitiveChanged) and "name" in event.fields:
                self._renamed.add(event.id)
        elif isinstance(event, LinkAdded | LinkRemoved):
            self._changed.update((event.link.source, event.link.target))
        elif isinstance(event, SectionChanged) and event.section == "rules":
            self._full = True

    def refresh(self) -> None:
        """Re-check what changed since the last finished step (the stack's listener)."""
        if not self._pending:
            return
        self._pending = False
        doc = self.window.model.snapshot()
        if self._full:
            self._full = False
            found = self.engine.run(doc)
        else:
            found = self.engine.update(doc, self._changed)
        self._changed = set()
        renamed, self._renamed = self._renamed, set()
        if found == self.findings:
            self.apply_badges()
            renamed &= set(self.by_primitive)
            if renamed:
                self.namesChanged.emit(sorted(renamed))  # same findings; their groups' names changed
            return
        self.findings = found
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for f in found:
            if f.primitive is not None:
                grouped[f.primitive].append(f)
        self.by_primitive = dict(grouped)
        self.apply_badges()
        self.window.problems_label.setText(summary_text(found))
        self.window.problems_label.setToolTip("Open the Problems panel (Ctrl+3)")
        self.findingsChanged.emit()

    def apply_badges(self) -> None:
        """Badge counts on the canvas cards: a role's or task's problems count on its card. Notes
        (info: the completeness meter, tool hints) are not problems and get no badge."""
        scene = self.window.scene
        counts: dict[str, tuple[int, Severity]] = {}
        for pid, found in self.by_primitive.items():
            card = scene.owner.get(pid, pid)
            n, worst = counts.get(card, (0, "info"))
            for f in found:
                if f.severity == "info":
                    continue
                n += 1
                if SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]:
                    worst = f.severity
            counts[card] = (n, worst)
        scene.set_problems(counts)  # type: ignore[arg-type]
