"""The Phase panel: where the selected DAO, cell, role or task stands in the five-phase lifecycle.

A stepper shows the phases; the checklists of the current and the next phase can be ticked (one
``TickChecklist`` each, undoable). Stepping forward past a phase whose readiness items are not
all ticked asks first; if the person goes ahead, the rules report it like any other problem.
A phase change also records the phase left behind (``previous_phase``), which lets the rules tell
a normal step from a skipped or reversed one; both are one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from designer.commands.events import DocumentReplaced, Event, PrimitiveChanged
from designer.commands.primitives import EditField, SetPhase, TickChecklist
from designer.commands.stack import Command
from designer.framework.phases import PhaseInfo, phase_info, phases
from designer.model.kinds import PHASES, Phase
from designer.model.primitives import AnyPrimitive
from ui.panels.hub import PanelHub


class PhasePanel(QWidget):
    def __init__(self, hub: PanelHub) -> None:
        super().__init__()
        self.setObjectName("phase-panel")
        self.hub = hub
        self.pid: str | None = None
        self._dirty = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.steps: dict[Phase, QPushButton] = {}
        row = QVBoxLayout()
        row.setSpacing(2)
        for i, info in enumerate(phases(), start=1):
            button = QPushButton(f"{i}. {info.title} — {info.tagline.lower()}")
            button.setStyleSheet("text-align: left; padding: 3px 8px;")
            button.setCheckable(True)
            button.setToolTip(f"{info.title}: {info.tagline}. {info.summary}")
            button.clicked.connect(lambda _c=False, p=info.id: self.move_to(p))
            row.addWidget(button)
            self.steps[info.id] = button
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setFormat("%v of %m items ticked in this phase")
        self.lists = QWidget()
        self.lists_lay = QVBoxLayout(self.lists)
        self.lists_lay.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[tuple[str, str], QCheckBox] = {}
        self.empty = QLabel("Select one DAO, cell, role or task to follow its phase.")
        self.empty.setWordWrap(True)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(self.title)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.progress)
        lay.addWidget(self.lists)
        lay.addWidget(self.empty)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setFocusProxy(scroll)
        hub.selectionChanged.connect(self._select)
        self._unsubscribe = [hub.model.events.subscribe(self._on_event), hub.stack.subscribe(self._settle)]
        self.destroyed.connect(lambda *_: [u() for u in self._unsubscribe])
        self._select(hub.selected())

    # --- following ---------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if isinstance(event, DocumentReplaced) or (isinstance(event, PrimitiveChanged) and event.id == self.pid):
            self._dirty = True

    def _settle(self) -> None:
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _select(self, ids: list[str]) -> None:
        self.pid = ids[0] if len(ids) == 1 else None
        self.refresh()

    def primitive(self) -> AnyPrimitive | None:
        return self.hub.model.get(self.pid) if self.pid else None

    def refresh(self) -> None:
        p = self.primitive()
        shown = p is not None
        for w in (self.title, self.summary, self.progress, self.lists, *self.steps.values()):
            w.setVisible(shown)
        self.empty.setVisible(not shown)
        if p is None:
            return
        current: Phase | None = getattr(p, "phase", None)
        for phase, button in self.steps.items():
            button.setChecked(phase == current)
            button.setStyleSheet("text-align: left; padding: 3px 8px;" + ("font-weight: bold;" if phase == current
                                                                           else ""))
        self.title.setText(f"<b>{p.name}</b> — {p.kind}, "
                           f"{'in ' + phase_info(current).title if current else 'no phase set yet'}")
        at = PHASES.index(current) if current else -1
        show = [phase_info(PHASES[i]) for i in (at, at + 1) if 0 <= i < len(PHASES)]
        self.summary.setText(phase_info(current).summary if current else "Pick the phase it is in above.")
        while self.lists_lay.count():
            item = self.lists_lay.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.checks.clear()
        ticked_all = {k: set(v) for k, v in p.checklist.items()}
        for info in show:
            self.lists_lay.addWidget(self._checklist(info, ticked_all.get(info.id, set()), info.id == current))
        if current:
            info = phase_info(current)
            ticked = ticked_all.get(current, set())
            self.progress.setMaximum(len(info.items))
            self.progress.setValue(sum(1 for i in info.items if i.id in ticked))
        self.progress.setVisible(current is not None)

    def _checklist(self, info: PhaseInfo, ticked: set[str], current: bool) -> QGroupBox:
        box = QGroupBox(f"{info.title} — {'current phase' if current else 'next phase'}")
        lay = QVBoxLayout(box)
        for group, items in (("Ready to move on when…", info.readiness), ("Leaves behind", info.success)):
            if not items:
                continue
            done = sum(1 for i in items if i.id in ticked)
            lay.addWidget(QLabel(f"<i>{group}</i> ({done}/{len(items)})"))
            for item in items:
                check = QCheckBox()
                check.setChecked(item.id in ticked)
                check.setAccessibleName(item.text)
                check.setToolTip(f"{info.id}: {item.id}")
                check.clicked.connect(lambda on, ph=info.id, it=item.id: self.tick(ph, it, on))
                text = QLabel(item.text)
                text.setWordWrap(True)
                text.setBuddy(check)
                text.mousePressEvent = lambda _e, c=check: c.click()  # type: ignore[method-assign]
                line = QHBoxLayout()
                line.addWidget(check, 0)
                line.addWidget(text, 1)
                lay.addLayout(line)
                self.checks[(info.id, item.id)] = check
        return box

    # --- acting ------------------------------------------------------------------------------

    def tick(self, phase: str, item: str, ticked: bool) -> None:
        if self.pid is not None:
            self.hub.push(("Tick " if ticked else "Untick ") + item, TickChecklist(self.pid, phase, item, ticked))

    def move_to(self, target: Phase) -> None:
        """Set the phase; moving forward past unready phases asks first."""
        p = self.primitive()
        if p is None:
            return
        current: Phase | None = getattr(p, "phase", None)
        if current == target:
            self.refresh()
            return
        if current is not None and PHASES.index(target) > PHASES.index(current):
            missing: list[str] = []
            for phase in PHASES[PHASES.index(current): PHASES.index(target)]:
                info = phase_info(phase)
                ticked = set(p.checklist.get(phase, []))
                left = [i.text for i in info.readiness if i.id not in ticked]
                if left and not (info.readiness_mode == "any" and len(left) < len(info.readiness)):
                    missing.append(f"{info.title}: " + "; ".join(left))
            if missing:
                answer = QMessageBox.question(
                    self, "Move on?",
                    f"{p.name} has readiness items not ticked yet.\n\n" + "\n".join(missing)
                    + "\n\nMove it on anyway? The Problems panel will keep a warning about it.",
                )
                if answer != QMessageBox.StandardButton.Yes:
                    self.refresh()
                    return
        commands: list[Command] = [SetPhase(p.id, target)]
        if "previous_phase" in type(p).model_fields and current is not None:
            commands.append(EditField(p.id, "previous_phase", current))
        if not self.hub.push(f"Set phase to {target}", *commands):
            self.refresh()
