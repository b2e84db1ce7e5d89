"""Presentation mode (F5, Esc leaves): the window full screen, no docks, large type, one step at a time.

Keys a clicker sends (PgDn/PgUp, Right/Left, B or period for a blank screen) and the arrows walk
:func:`designer.presentation.build_steps`; number keys tick, Tab moves between the cards of a phase
or the prompts of a guide section, Enter types an answer. Each tick or answer is pushed as the
same core command the panels push, so it is one ordinary undo step, and the canvas and the caption
redraw from the model's events like every other view. Leaving restores the docks, the toolbars,
the window's state, the canvas look and the Outline's folding and scroll exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QElapsedTimer, QEvent, QObject, QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QTransform
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from designer.commands.stack import Command
from designer.framework.guide import field_value
from designer.layout.geometry import CARD_WIDTH
from designer.model.kinds import SCALES
from designer.presentation import (
    MAX_KEYED_ITEMS,
    TEXT_KINDS,
    Step,
    answer,
    answer_text,
    build_steps,
    calm_summary,
    in_phase,
    section_of,
    slide,
    tick,
)
from ui.canvas.interactions import push_gesture
from ui.canvas.style import presenting, style
from ui.presentation.caption import Caption
from ui.presentation.lane_spotlight import LaneSpotlight
from ui.presentation.outline_state import OutlineState

if TYPE_CHECKING:
    from ui.main_window import MainWindow

K = Qt.Key
NEXT = {K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space}
BACK = {K.Key_PageUp, K.Key_Left, K.Key_Up}
BLANK = {K.Key_B, K.Key_Period}
DIGITS = {getattr(K, f"Key_{d}"): (d - 1) % 10 for d in range(10)}
"""Key 1 ticks the first item, ..., 9 the ninth, 0 the tenth."""
CLOSE_ZOOM = 1.4
"""The nearest a step zooms in (a single card would otherwise fill the wall)."""
MARGIN = 14.0
CELL_CONTEXT = (CARD_WIDTH * 0.9, 160.0)
"""How much of the neighbourhood a cell's step shows around its card (left and right, up and down)."""


class Blank(QWidget):
    """A black screen over the whole window (B or period), as presentation programs have."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentation-blank")
        self.setStyleSheet("background: #000000;")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()


class PresentationController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.steps: list[Step] = []
        self.at = 0
        self.subject: str | None = None
        """The card a phase step ticks for (Tab moves it through the cards in that phase)."""
        self.field_at = 0
        """The guide prompt in focus (Tab moves it)."""
        self.caption = Caption()
        self.caption.hide()
        self.blank = Blank(window)
        self.spotlight = LaneSpotlight()
        self.clock = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick_clock)
        self._saved_state = QByteArray()
        self._saved_geometry = QRect()
        self._added_actions: list[QAction] = []
        self._saved_window_state = Qt.WindowState.WindowNoState
        self._saved_variant = "light"
        self._saved_selection: list[str] = []
        self._saved_camera = (QTransform(), QPointF())
        self._saved_view: tuple[QFrame.Shape, Qt.ScrollBarPolicy, Qt.ScrollBarPolicy, bool] = (
            QFrame.Shape.NoFrame, Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAsNeeded, True)
        self._unsubscribe: list[Callable[[], None]] = []
        self._saved_outline: OutlineState | None = None
        self._history: tuple[int, list[str]] = (0, [])
        """The undo stack's index and titles at the last redraw: how an undo or a redo is told apart."""
        layout = window.centralWidget().layout()
        if layout is not None:
            layout.addWidget(self.caption)

    # --- entering and leaving --------------------------------------------------------------------

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        w = self.window
        if self.active:
            return
        w.view.finish_rename(commit=True)
        self.active = True
        self._saved_state = w.saveState()
        self._saved_geometry = w.geometry()
        # the menu bar and toolbar hide, and an action's keys only work on a visible widget: the
        # window carries them while presenting (Ctrl+Z, Ctrl+S, F5 to leave)
        self._added_actions = [a for a in w.actions_.all() if a not in w.actions()]
        w.addActions(self._added_actions)
        self._saved_window_state = w.windowState()
        self._saved_variant = style().variant
        self._saved_selection = w.scene.selected_ids()
        self._saved_outline = OutlineState.take(getattr(w, "panels", None))
        self._saved_camera = (w.view.transform(), w.view.mapToScene(w.view.viewport().rect().center()))
        self._saved_view = (w.view.frameShape(), w.view.horizontalScrollBarPolicy(),
                            w.view.verticalScrollBarPolicy(), w.view.show_legend)
        w.view.setFrameShape(QFrame.Shape.NoFrame)  # every pixel of the wall for the design
        w.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        w.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        w.view.show_legend = False  # it would sit on the bottom-right card at Fit
        for dock in w.findChildren(QDockWidget):
            dock.hide()
        for bar in w.findChildren(QToolBar):
            bar.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.find_bar.hide()
        style("projector")
        presenting(True)
        self._restyle()
        w.scene.set_show_badges(False)
        w.showFullScreen()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._history = (w.stack.index, w.stack.titles())
        self._unsubscribe = [w.stack.subscribe(self.refresh)]
        problems = self._problems()
        if problems is not None:
            problems.findingsChanged.connect(self._update_problems)
        self.steps = build_steps(w.model)
        self.at = 0
        self.ticker.start()
        self.caption.show()
        self._update_problems()
        self.go(0)
        w.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self) -> None:
        w = self.window
        if not self.active:
            return
        self.active = False
        self.caption.close_editor()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        problems = self._problems()
        if problems is not None:
            problems.findingsChanged.disconnect(self._update_problems)
        self.ticker.stop()
        self.blank.hide()
        self.caption.hide()
        self.spotlight.remove()
        presenting(False)
        style(self._saved_variant)
        self._restyle()
        w.scene.set_show_badges(w.actions_.show_badges.isChecked())
        frame, horizontal, vertical, w.view.show_legend = self._saved_view
        w.view.setFrameShape(frame)
        w.view.setHorizontalScrollBarPolicy(horizontal)
        w.view.setVerticalScrollBarPolicy(vertical)
        if problems is not None:
            problems.apply_badges()
        w.menuBar().show()
        w.statusBar().show()
        for action in self._added_actions:
            w.removeAction(action)
        w.setWindowState(self._saved_window_state)
        if not self._saved_window_state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            w.setGeometry(self._saved_geometry)
        w.restoreState(self._saved_state)
        w.scene.select_ids(self._saved_selection)
        hub = getattr(getattr(w, "panels", None), "hub", None)
        if hub is not None:
            hub.sync_now()  # the panels follow the selection put back now, before the Outline's folding
        if self._saved_outline is not None:
            self._saved_outline.put_back()
            self._saved_outline = None
        transform, centre = self._saved_camera
        QApplication.sendPostedEvents()  # the window's layout settles now, so the camera lands where it was
        w.layout().activate()
        self._restore_camera(transform, centre)
        QTimer.singleShot(0, lambda: self._restore_camera(transform, centre))
        w.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _restore_camera(self, transform: QTransform, centre: QPointF) -> None:
        """The zoom and scroll the person had before presenting (once the window has its size back)."""
        view = self.window.view
        view.setTransform(transform)
        view.centerOn(centre)
        view.zoomChanged.emit(view.zoom())

    def _restyle(self) -> None:
        scene = self.window.scene
        scene.setBackgroundBrush(style().background)
        scene.restyle()

    def _problems(self) -> object | None:
        panels = getattr(self.window, "panels", None)
        if panels is None:
            return None
        panels.start()
        return panels.problems

    # --- steps -----------------------------------------------------------------------------------

    def step(self) -> Step:
        return self.steps[self.at]

    def go(self, index: int) -> None:
        """Show step ``index`` (kept inside the list): caption, selection and camera."""
        self.at = max(0, min(index, len(self.steps) - 1))
        self.subject = None
        self.field_at = 0
        self.clock.start()
        self.caption.close_editor()
        self.caption.say("")
        self._tick_clock()
        self.refresh()
        QTimer.singleShot(0, self.frame)

    def refresh(self) -> None:
        """Redraw the caption from the model (after every step of the undo stack, too)."""
        if not self.active:
            return
        model = self.window.model
        self._say_history()
        current = self.steps[self.at] if self.steps else None
        self.steps = build_steps(model)
        if current is not None and current in self.steps:
            self.at = self.steps.index(current)
        else:
            self.at = min(self.at, len(self.steps) - 1)
        step = self.step()
        if step.kind == "phase":
            who = in_phase(model, step.key)
            if self.subject not in who:
                self.subject = who[0] if who else None
        shown = slide(model, step, self.subject, self.field_at)
        self.caption.show_slide(shown, f"{self.at + 1} / {len(self.steps)}", self.field_at)
        if step.kind == "overview":
            self.caption.hide()  # the whole design, as large as the wall allows
        else:
            self.caption.show()
        selected = [self.subject] if step.kind == "phase" and self.subject else (
            list(shown.focus) if step.kind == "cell" else [])
        if self.window.scene.selected_ids() != selected:
            self.window.scene.select_ids(selected)

    def _say_history(self) -> None:
        """After an undo or a redo (Ctrl+Z, Ctrl+Shift+Z) the footer says which step it was; a step
        pushed here says its own title once pushed (:meth:`_push`)."""
        stack = self.window.stack
        index, titles = stack.index, stack.titles()
        before, before_titles = self._history
        self._history = (index, titles)
        if index < before:
            self.caption.say(f"Undone: {stack.redo_text()}")
        elif index > before:
            self.caption.say(f"Redone: {stack.undo_text()}" if titles == before_titles else stack.undo_text())

    def next(self) -> None:
        self.go(self.at + 1)

    def back(self) -> None:
        self.go(self.at - 1)

    def next_within(self, forward: bool = True) -> None:
        """Tab: the next card of a phase step, or the next prompt of a guide step."""
        step = self.step()
        if step.kind == "phase":
            who = in_phase(self.window.model, step.key)
            if who:
                at = who.index(self.subject) if self.subject in who else 0
                self.subject = who[(at + (1 if forward else -1)) % len(who)]
                self.refresh()
                QTimer.singleShot(0, self.frame)
        elif step.kind == "guide":
            fields = section_of(step.key).fields
            self.field_at = (self.field_at + (1 if forward else -1)) % len(fields)
            self.refresh()

    # --- acting ----------------------------------------------------------------------------------

    def tick(self, index: int) -> None:
        self._push(tick(self.window.model, self.step(), index, self.subject, self.field_at))

    def start_answer(self) -> None:
        step = self.step()
        if step.kind != "guide":
            self.caption.say("nothing to type on this step")
            return
        field = section_of(step.key).fields[self.field_at]
        if field.kind not in TEXT_KINDS:
            self.caption.say("tick this prompt's choices with their number keys")
            return
        self.caption.open_editor(answer_text(field, field_value(self.window.model.design.to_data(), field)))

    def finish_answer(self, commit: bool) -> None:
        text = self.caption.editor.toPlainText()
        self.caption.close_editor()
        self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if commit:
            self._push(answer(self.window.model, self.step(), self.field_at, text))

    def _push(self, outcome: tuple[str, list[Command]] | str) -> None:
        if isinstance(outcome, str):
            if outcome != "unchanged":
                self.caption.say(outcome)
            return
        title, commands = outcome
        if push_gesture(self.window.stack, title, list(commands), self.caption.say):
            self.caption.say(title)

    # --- camera ----------------------------------------------------------------------------------

    def frame(self) -> None:
        """Bring the step's part of the design into view."""
        if not self.active:
            return
        view, scene = self.window.view, self.window.scene
        step = self.step()
        cards = [scene.cards[i] for i in self._focus_ids() if i in scene.cards]
        if step.kind == "scale":
            lane = scene.lanes[SCALES.index(step.key)]  # type: ignore[arg-type]
            whole = self.content_rect()
            rect = QRectF(whole.left(), lane.rect().top(), whole.width(), lane.rect().height())
            self.spotlight.on(scene, lane.rect())  # the frame spans the width: the veil says which lane
        elif cards:
            rect = cards[0].sceneBoundingRect()
            for card in cards[1:]:
                rect = rect.united(card.sceneBoundingRect())
            dx, dy = CELL_CONTEXT if len(cards) == 1 else (MARGIN * 4, MARGIN * 4)
            rect = rect.adjusted(-dx, -dy, dx, dy)
        else:
            rect = self.content_rect()
        if step.kind != "scale":
            self.spotlight.off()
        view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if view.zoom() > CLOSE_ZOOM:
            view.set_zoom(CLOSE_ZOOM)
            view.centerOn(rect.center())
        view.zoomChanged.emit(view.zoom())

    def _focus_ids(self) -> list[str]:
        step = self.step()
        if step.kind == "cell":
            return [step.key]
        if step.kind == "phase":
            return [self.subject] if self.subject else []
        return []

    def content_rect(self) -> QRectF:
        """The design as the room sees it at Fit: every card and the lane names, nothing more."""
        scene = self.window.scene
        cards = [c.sceneBoundingRect() for c in scene.cards.values()]
        left = scene.sceneRect().left()
        if not cards:
            return scene.sceneRect()
        right = max(r.right() for r in cards) + MARGIN
        bottom = max(r.bottom() for r in cards) + MARGIN
        return QRectF(left, 0, right - left, bottom)

    # --- keys ------------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.active:
            return False
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.leave()  # the window's state is saved as it was before presenting
            return False
        if obj is self.window.view.viewport() and event.type() == QEvent.Type.Resize:
            self.caption.rearrange()  # the band's room is a share of the window's height
            QTimer.singleShot(0, self.frame)
            return False
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self.window or not isinstance(event, QKeyEvent):
            return False
        if self.caption.editing():
            return self._editor_key(event)
        if isinstance(obj, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
            return False  # a rename opened by a double-click on a card gets its keys
        mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if mods or event.key() == K.Key_F5:
            return False  # Ctrl+Z, Ctrl+S, F5 ... work as everywhere
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # plain keys are the presentation's while it runs (no Delete, no F2)
            return True
        self._key(event)
        return True

    def _key(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.blank.isVisible():
            if key in BLANK or key == K.Key_Escape or key in NEXT or key in BACK:
                self.blank.hide()
            return
        if key == K.Key_Escape:
            self.leave()
        elif key in BLANK:
            self.blank.setGeometry(self.window.rect())
            self.blank.raise_()
            self.blank.show()
        elif key == K.Key_Backtab or (key == K.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.next_within(forward=False)
        elif key == K.Key_Tab:
            self.next_within()
        elif key in NEXT:
            self.next()
        elif key in BACK:
            self.back()
        elif key == K.Key_Exclam:  # Shift+1, Fit as everywhere: the whole design
            self.window.view.fitInView(self.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        elif key == K.Key_Home:
            self.go(0)
        elif key == K.Key_End:
            self.go(len(self.steps) - 1)
        elif key in DIGITS and DIGITS[key] < MAX_KEYED_ITEMS:
            self.tick(DIGITS[key])
        elif key in (K.Key_Return, K.Key_Enter, K.Key_F2):
            self.start_answer()

    def _editor_key(self, event: QKeyEvent) -> bool:
        """While an answer is typed: Esc drops it, Ctrl+Enter keeps it (Enter too, for one line)."""
        if event.type() != QEvent.Type.KeyPress:
            if event.key() == K.Key_Escape:
                event.accept()
                return True
            return False
        key = event.key()
        if key == K.Key_Escape:
            self.finish_answer(commit=False)
            return True
        if key in (K.Key_Return, K.Key_Enter):
            field = section_of(self.step().key).fields[self.field_at]
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if ctrl or field.kind in ("text", "date"):
                self.finish_answer(commit=True)
                return True
        return False

    # --- clock and problems ----------------------------------------------------------------------

    def _tick_clock(self) -> None:
        seconds = self.clock.elapsed() // 1000 if self.clock.isValid() else 0
        self.caption.set_clock(f"{seconds // 60}:{seconds % 60:02d} on this step")

    def _update_problems(self) -> None:
        problems = self._problems()
        found = getattr(problems, "by_primitive", {}) or {}
        owner = self.window.scene.owner
        self.caption.set_problems(calm_summary(len({owner.get(pid, pid) for pid in found})))
