"""The Phase panel: where the selected DAO, cell, role or task stands in the five-phase lifecycle.

A stepper shows the phases: the current one is marked, and a past phase whose readiness items are
not ticked carries a badge (what the DP103 warning is about). Clicking a step only *shows* that
phase's readiness signs, the guide's implementation activities for it (each with the seed's words in
its tooltip) and its success checklist; the current phase's view also lists the next phase's.
Completion items the group's completion record already backs say so ("on record").
Items can be ticked in any phase (one ``TickChecklist`` each, undoable). Changing the phase is a
separate, explicit button; stepping forward past a phase whose readiness items are not all ticked
asks first, and if the person goes ahead the rules report it like any other problem. A phase
change also records the phase left behind (``previous_phase``), which lets the rules tell a normal
step from a skipped or reversed one; both are one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
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
from designer.framework.completion import completion_evidence
from designer.framework.phases import PhaseInfo, phase_info, phases
from designer.model.completion import completion_of
from designer.model.kinds import PHASES, Phase
from designer.model.primitives import AnyPrimitive
from designer.rules.completeness import readiness_exempt
from designer.rules.helpers import readiness_missing
from designer.wording import shorten
from ui.panels.hub import PanelHub, chain_tab_order

STEP_STYLE = "text-align: left; padding: 3px 8px;"


def unticked_readiness(info: PhaseInfo, p: AnyPrimitive) -> list[str]:
    """The texts of ``info``'s readiness items that keep ``p`` from being done, as DP103 counts
    them: the rules' own count, so a sign ``p``'s pathway does not need (a permissionless cell needs
    no proposal's support) is never flagged here while the Problems panel stays quiet."""
    missing = set(readiness_missing(info, p.checklist.get(info.id, ()), readiness_exempt(p)))
    return [i.text for i in info.readiness if i.id in missing]


class PhasePanel(QWidget):
    def __init__(self, hub: PanelHub) -> None:
        super().__init__()
        self.setObjectName("phase-panel")
        self.hub = hub
        self.pid: str | None = None
        self.viewed: Phase | None = None
        """The phase whose checklists are shown when a step was clicked; None follows the current one."""
        self._dirty = False
        self._shown: tuple[str, Phase | None] | None = None
        """Whose checklists, in which phase, the panel shows: a refill of the same keeps its place."""
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.steps: dict[Phase, QPushButton] = {}
        row = QVBoxLayout()
        row.setSpacing(2)
        for info in phases():
            button = QPushButton()
            button.setStyleSheet(STEP_STYLE)
            button.setCheckable(True)
            button.setAutoExclusive(False)
            button.clicked.connect(lambda _c=False, p=info.id: self.view(p))
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
        self._backed: dict[str, bool] = {}
        """Completion items the selected primitive's completion record backs (shown as on record)."""
        self.move_button = QPushButton()
        self.move_button.setObjectName("phase-move")
        self.move_button.clicked.connect(self._move_to_viewed)
        self.empty = QLabel("Select one DAO, cell, role or task to follow its phase.")
        self.empty.setWordWrap(True)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Ctrl+2 lands somewhere with nothing selected
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(self.title)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.move_button)
        lay.addWidget(self.progress)
        lay.addWidget(self.lists)
        lay.addWidget(self.empty)
        lay.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
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
        pid = ids[0] if len(ids) == 1 else None
        if pid != self.pid:
            self.pid = pid
            self.viewed = None
        self.refresh()

    def primitive(self) -> AnyPrimitive | None:
        return self.hub.model.get(self.pid) if self.pid else None

    def view(self, phase: Phase) -> None:
        """Show ``phase``'s checklists; the phase itself does not change."""
        self.viewed = None if phase == getattr(self.primitive(), "phase", None) else phase
        self.refresh()

    def _move_to_viewed(self) -> None:
        if self.viewed is not None:
            self.move_to(self.viewed)

    def refresh(self) -> None:
        p = self.primitive()
        shown = p is not None
        for w in (self.title, self.summary, self.progress, self.lists, self.move_button, *self.steps.values()):
            w.setVisible(shown)
        self.empty.setVisible(not shown)
        if p is None:
            self.setFocusProxy(self.empty)
            return
        current: Phase | None = getattr(p, "phase", None)
        viewed = self.viewed or current
        ticked_all = {k: set(v) for k, v in p.checklist.items()}
        at = PHASES.index(current) if current else -1
        self.setFocusProxy(self.steps[viewed or PHASES[0]])
        for i, info in enumerate(phases()):
            self._label_step(i, info, current, viewed, unticked_readiness(info, p) if i < at else [])
        self.title.setText(f"<b>{_esc(p.name)}</b> — {p.kind}, "
                           f"{'in ' + phase_info(current).title if current else 'no phase set yet'}")
        if viewed is None:
            self.summary.setText("Click a phase above to see its checklists, then set it with the button.")
            show: list[PhaseInfo] = []
        else:
            info = phase_info(viewed)
            self.summary.setText(f"<b>{info.title}</b> — {_esc(info.tagline.lower())}. {_esc(info.summary)}")
            show = [info]
            if viewed == current and at + 1 < len(PHASES):
                show.append(phase_info(PHASES[at + 1]))
        self.move_button.setVisible(viewed is not None and viewed != current)
        if viewed is not None and viewed != current:
            self.move_button.setText(f"Set {p.name}'s phase to {phase_info(viewed).title}")
        keep = self._keep_place() if self._shown == (p.id, viewed) else (lambda: None)
        self._shown = (p.id, viewed)
        while self.lists_lay.count():
            item = self.lists_lay.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        self.checks.clear()
        self._backed = completion_evidence(completion_of(p))
        for info in show:
            role = "current phase" if info.id == current else "next phase" if info.id != viewed else (
                "a past phase" if current and PHASES.index(info.id) < at else "a later phase")
            box = self._checklist(info, ticked_all.get(info.id, set()), role)
            self.lists_lay.addWidget(box)
            box.show()  # now, so that Tab reaches its boxes straight away
        if viewed is not None:
            info = phase_info(viewed)
            ticked = ticked_all.get(viewed, set())
            self.progress.setMaximum(len(info.items))
            self.progress.setValue(sum(1 for i in info.items if i.id in ticked))
        self.progress.setVisible(viewed is not None)
        self._tab_order()
        keep()

    def _keep_place(self) -> Callable[[], None]:
        """Called before the checklists are rebuilt; the function it returns puts the scroll position
        and the keyboard focus back. Hiding the focused box used to pass the focus down the panel, and
        the scroll area followed it: ticking an item scrolled the panel away from it."""
        bar = self.scroll.verticalScrollBar()
        value = bar.value()
        focused = next((k for k, c in self.checks.items() if c.hasFocus()), None)
        if focused is not None:
            self.lists.setFocus(Qt.FocusReason.OtherFocusReason)  # off the box before it goes

        def restore() -> None:
            check = self.checks.get(focused) if focused is not None else None
            if check is not None:
                check.setFocus(Qt.FocusReason.OtherFocusReason)
            bar.setValue(value)
            QTimer.singleShot(0, lambda: bar.setValue(value))  # again once the new lists are laid out

        return restore

    def _label_step(self, i: int, info: PhaseInfo, current: Phase | None, viewed: Phase | None,
                    left: list[str]) -> None:
        button = self.steps[info.id]
        text = f"{i + 1}. {info.title}"  # the tagline is in the tooltip and the summary: narrow docks fit
        tip = f"{info.title}: {info.tagline}. {info.summary}"
        if info.id == current:
            text += "   ● current"
        if left:
            text += f"   ⚠ {len(left)} not ticked"
            tip += "\n\nReadiness items not ticked:\n" + "\n".join(f"• {t}" for t in left)
        button.setText(text)
        button.setToolTip(tip + "\n\nClick to see this phase's checklists.")
        button.setAccessibleName(text)
        button.setChecked(info.id == viewed)
        button.setStyleSheet(STEP_STYLE + ("font-weight: bold;" if info.id == current else ""))

    def _checklist(self, info: PhaseInfo, ticked: set[str], role: str) -> QGroupBox:
        box = QGroupBox(f"{info.title} — {role}")
        lay = QVBoxLayout(box)
        groups = (
            ("Ready to move on when…", info.readiness),
            ("Put in place during this phase (the guide's implementation focus)", info.implementation),
            ("Leaves behind", info.success),
        )
        for group, items in groups:
            if not items:
                continue
            done = sum(1 for i in items if i.id in ticked)
            if items is info.readiness and info.readiness_mode == "any":
                heading = (f"<i>Ready to move on when any one of these is true</i> "
                           f"({'done' if done else 'none ticked yet'})")
            else:
                heading = f"<i>{group}</i> ({done}/{len(items)})"
            head = QLabel(heading)
            head.setWordWrap(True)
            lay.addWidget(head)
            for item in items:
                check = QCheckBox()
                check.setChecked(item.id in ticked)
                check.setAccessibleName(item.text)
                tip = item.text + (f"\n\nFrom the guide: {item.source}" if item.source else "")
                check.setToolTip(tip)
                check.clicked.connect(lambda on, ph=info.id, it=item.id: self.tick(ph, it, on))
                backed = self._backed.get(item.id, False)
                text = QLabel(item.text + (" <i>(on record)</i>" if backed else ""))
                text.setWordWrap(True)
                text.setToolTip(tip + ("\n\nThe completion record backs this item." if backed else ""))
                text.setBuddy(check)
                text.mousePressEvent = lambda _e, c=check: c.click()  # type: ignore[method-assign]
                line = QHBoxLayout()
                line.addWidget(check, 0)
                line.addWidget(text, 1)
                lay.addLayout(line)
                self.checks[(info.id, item.id)] = check
        return box

    def _tab_order(self) -> None:
        """Stepper, then the checklist boxes, then the phase button: the order they are used in."""
        chain_tab_order([*self.steps.values(), *self.checks.values(), self.move_button])

    # --- acting ------------------------------------------------------------------------------

    def tick(self, phase: str, item: str, ticked: bool) -> None:
        p = self.primitive()
        if p is None:
            return
        entry = phase_info(phase).item(item)  # type: ignore[arg-type]
        what = shorten(entry.text if entry is not None else item)
        self.hub.push(f"{'Tick' if ticked else 'Untick'} “{what}” for {p.name}",
                      TickChecklist(p.id, phase, item, ticked))

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
                left = unticked_readiness(info, p)
                if left:
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
        if self.hub.push(f"Set phase of {p.name} to {target}", *commands):
            self.viewed = None
        self.refresh()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
