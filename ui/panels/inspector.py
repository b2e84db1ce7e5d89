"""The Inspector: a form for the canvas selection, built from the model's schema for its kind.

Each field commits one command (Rename, SetPhase, SetScale, Reparent, or EditField on all the
selected ids at once), so every edit is one undo step and the canvas redraws from the model's
events like after any other command. A refused command leaves the model as it was and its reason
shows under the field; the rules' findings for the selection show under the fields they concern.
The form of each kind is built once and refilled on selection or model change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.commands.events import DocumentReplaced, Event, LinkAdded, LinkRemoved, PrimitiveChanged
from designer.commands.primitives import EditField, Rename, Reparent, SetPhase, SetScale
from designer.commands.stack import Command, CommandError
from designer.model.kinds import CONTAINERS
from designer.rules.completeness import METER_CODE, meter
from ui.panels.hub import PanelHub, chain_tab_order, focus_stops
from ui.panels.inspector_fields import (
    BoolEditor,
    ChoiceEditor,
    FieldEditor,
    IntEditor,
    LineEditor,
    NumberEditor,
    PeopleEditor,
    TextEditor,
    not_saved,
)
from ui.panels.inspector_links import LinksSection
from ui.panels.inspector_schema import SECTION_TITLES, FieldSpec, common_specs, specs_for, value_at
from ui.panels.inspector_tables import TableEditor
from ui.panels.problems import ProblemsController

COLLAPSED = {"tools", "approval", "state.master"}
WIDE = 560
"""From this width of the Inspector on, labels sit beside their fields; below it, above them."""
RECORD_TITLES = {"decision_registry": "decision registry", "resource_allocations": "resource allocations"}


class Section(QWidget):
    """A heading that folds its fields away (Space or a click on the heading)."""

    def __init__(self, title: str, expanded: bool = True) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        self.button = QToolButton()
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setChecked(expanded)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.button.toggled.connect(self._toggle)
        self.body = QWidget()
        self.form = QFormLayout(self.body)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        lay.addWidget(self.button)
        lay.addWidget(self.body)
        self._toggle(expanded)

    def _toggle(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)


class KindForm(QWidget):
    """The editors for one set of fields, grouped in folding sections."""

    def __init__(self, specs: tuple[FieldSpec, ...], inspector: Inspector) -> None:
        super().__init__()
        self.specs = specs
        self.editors: dict[tuple[str, ...], FieldEditor] = {}
        self.sections: dict[str, Section] = {}
        self.record_buttons: dict[tuple[str, ...], QPushButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            section = self.sections.get(spec.section)
            if section is None:
                section = Section(SECTION_TITLES[spec.section], spec.section not in COLLAPSED)
                if not self.sections:  # the first heading is not a Tab stop: Tab goes straight to Name
                    section.button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                self.sections[spec.section] = section
                lay.addWidget(section)
            sub = spec.path[len(spec.section.split(".")) if spec.section else 0:-1]
            label = " › ".join([*(p.replace("_", " ") for p in sub), spec.label.lower()]).capitalize()
            if spec.kind == "records" and (spec.path[-1] in RECORD_TITLES or spec.item is None):
                if spec.path[-1] in RECORD_TITLES:
                    button = QPushButton(f"Edit the {RECORD_TITLES[spec.path[-1]]} in Records…")
                    button.clicked.connect(lambda _c=False: inspector.open_records())
                    section.form.addRow(_label(label), button)
                    self.record_buttons[spec.path] = button
                continue
            editor = _make_editor(spec)
            editor.committed.connect(lambda value, s=spec, e=editor: inspector.commit(s, e, value))
            if spec.kind in ("bool", "tristate"):
                section.form.addRow(editor)
            else:
                section.form.addRow(_label(label, editor), editor)
            self.editors[spec.path] = editor
        lay.addStretch(1)
        self.wide: bool | None = None
        self.tab_chain = focus_stops(self)
        """Where Tab goes in this form: the fields top to bottom (each section's heading before them)."""


    def set_wide(self, wide: bool) -> None:
        """Labels beside the fields when there is room, above them (full-width fields) when narrow."""
        if wide == self.wide:
            return
        self.wide = wide
        policy = QFormLayout.RowWrapPolicy.WrapLongRows if wide else QFormLayout.RowWrapPolicy.WrapAllRows
        for section in self.sections.values():
            section.form.setRowWrapPolicy(policy)


def _label(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def _make_editor(spec: FieldSpec) -> FieldEditor:
    kind = spec.kind
    if kind in ("text", "date"):
        return LineEditor(spec.help, "YYYY-MM-DD" if kind == "date" else "")
    if kind == "number":
        return NumberEditor(spec.help)
    if kind == "longtext":
        return TextEditor(spec.help)
    if kind == "list":
        return TextEditor(spec.help, as_list=True)
    if kind == "people":
        return PeopleEditor(spec.help)
    if kind in ("choice", "parent", "assignee"):
        return ChoiceEditor(spec.options, spec.optional or kind != "choice", spec.help)
    if kind in ("bool", "tristate"):
        return BoolEditor(spec.label, kind == "tristate", spec.help)
    if kind == "records" and spec.item is not None:
        return TableEditor(spec.item, spec.help)
    return IntEditor(spec.help)


class _FormStack(QWidget):
    """The forms, one showing at a time and sized by it alone. (A stacked widget is as tall as the
    tallest form it ever held, as its layout answers for every page: a short form showed above a
    tall blank pane.) The others are hidden, which a box layout leaves out."""

    def __init__(self) -> None:
        super().__init__()
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        page.hide()
        self._lay.addWidget(page)

    def currentWidget(self) -> QWidget | None:
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        if page is self._current:
            return
        if self._current is not None:
            self._current.hide()
        self._current = page
        page.show()


class Inspector(QWidget):
    def __init__(self, hub: PanelHub, problems: ProblemsController) -> None:
        super().__init__()
        self.setObjectName("inspector")
        self.hub, self.problems = hub, problems
        self.ids: list[str] = []
        self.forms: dict[tuple[frozenset[str], bool], KindForm] = {}
        self.form: KindForm | None = None
        self._dirty = False
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.meter = QProgressBar()
        self.meter.setObjectName("completeness-meter")
        self.meter.setMaximumHeight(18)
        self.meter.hide()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #a15c00;")
        self.stack = _FormStack()
        self.empty = QLabel("Select a DAO, cell, role, task or partner on the canvas or in the Outline "
                            "to edit it here.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)
        self.links = LinksSection(hub)
        body = QWidget()
        bl = QVBoxLayout(body)
        bl.addWidget(self.header)
        bl.addWidget(self.meter)
        bl.addWidget(self.notes)
        bl.addWidget(self.stack)
        bl.addWidget(self.links)
        bl.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.scroll)
        self.setFocusProxy(self.scroll)
        hub.selectionChanged.connect(self._follow_selection)
        hub.focusField.connect(self.focus_field)
        problems.findingsChanged.connect(self.show_findings)
        self._unsubscribe = [hub.model.events.subscribe(self._on_event), hub.stack.subscribe(self._settle)]
        self.destroyed.connect(lambda *_: [u() for u in self._unsubscribe])
        self.show_ids(hub.selected())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.form is not None:
            self.form.set_wide(self.width() >= WIDE)

    # --- following the selection and the model -------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if isinstance(event, DocumentReplaced):
            self._dirty = True
        elif isinstance(event, PrimitiveChanged) and event.id in self.ids:
            self._dirty = True
        elif isinstance(event, LinkAdded | LinkRemoved) and {event.link.source, event.link.target} & set(self.ids):
            self._dirty = True

    def _settle(self) -> None:
        if self._dirty:
            self._dirty = False
            self.show_ids([i for i in self.ids if i in self.hub.model])

    def _follow_selection(self, ids: list[str]) -> None:
        """The selected primitives; or, when one link alone is selected on the canvas, its source
        with that link open in the Links section (label, note, funding)."""
        links = self.hub.selected_links()
        if ids or len(links) != 1:
            self.show_ids(ids)
            return
        key = links[0]
        self.show_ids([key[0]])
        self.links.select_key(key)
        self.scroll.ensureWidgetVisible(self.links.detail)

    def show_ids(self, ids: list[str]) -> None:
        if list(ids) != self.ids:  # another selection starts at the top (a refill keeps the place)
            self.scroll.verticalScrollBar().setValue(0)
        self.ids = list(ids)
        model = self.hub.model
        prims = [model[i] for i in ids if i in model]
        self.links.show_id(prims[0].id if len(prims) == 1 else None)
        if not prims:
            self.header.setText("")
            self.notes.hide()
            self.meter.hide()
            self._show_page(self.empty)
            self.form = None
            return
        kinds = frozenset(p.kind for p in prims)
        key = (kinds, len(prims) > 1)
        form = self.forms.get(key)
        if form is None:
            specs = common_specs(kinds) if len(prims) > 1 else specs_for(next(iter(kinds)))
            form = KindForm(specs, self)
            self.forms[key] = form
            self.stack.addWidget(form)
        if self.form is not form:
            chain_tab_order([self.scroll, *form.tab_chain, *focus_stops(self.links)])
            form.set_wide(self.width() >= WIDE)
        self.form = form
        self._show_page(form)
        self.show_meter()
        if len(prims) == 1:
            p = prims[0]
            self.header.setText(f"<b>{_esc(p.name)}</b><br><span style='color:gray'>{p.kind} · {p.id}</span>")
        else:
            self.header.setText(f"<b>{len(prims)} selected</b><br><span style='color:gray'>editing the fields they "
                                "share changes all of them in one step</span>")
        datas = [p.to_data() for p in prims]
        people = self._people_suggestions() if any(isinstance(e, PeopleEditor) for e in form.editors.values()) else []
        for path, editor in form.editors.items():
            spec = next(s for s in form.specs if s.path == path)
            if spec.kind == "parent":
                editor.set_options(self._containers(prims[0]))  # type: ignore[attr-defined]
            elif spec.kind == "assignee":
                editor.set_options([(f"{q.name} ({q.kind})", q.id) for q in model.primitives
                                    if q.kind in ("role", "cell")])  # type: ignore[attr-defined]
            elif isinstance(editor, PeopleEditor):
                editor.set_suggestions(people)
            values = [value_at(d, path) for d in datas]
            values = [spec.default if v is None else v for v in values]
            mixed = any(v != values[0] for v in values[1:])
            editor.set_value(values[0], mixed)
            editor.set_message("")
            editor.message.setProperty("command-error", False)
        master = form.sections.get("state.master")
        if master is not None:
            master.setVisible(len(prims) == 1 and bool(getattr(prims[0], "top_level", False)))
        for path, button in form.record_buttons.items():
            rows = value_at(datas[0], path) or []
            button.setText(f"Edit the {RECORD_TITLES[path[-1]]} ({len(rows)}) in Records…")
        self.show_findings()

    def _show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def _containers(self, p: Any) -> list[tuple[str, str]]:
        model = self.hub.model
        banned = {p.id, *model.descendants(p.id)}
        allowed = CONTAINERS[p.kind]
        return [(f"{q.name} ({q.kind})", q.id) for q in model.primitives if q.kind in allowed and q.id not in banned]

    def _people_suggestions(self) -> list[str]:
        names: set[str] = set()
        for q in self.hub.model.primitives:
            names.update(getattr(q, "members", ()) or ())
            names.update(getattr(q, "holders", ()) or ())
        return sorted(names, key=str.lower)

    def show_meter(self) -> None:
        """The completeness meter of a single selection: how much of what its phase asks its state
        holds (the count DP311 reports), read from the rules engine's current indexes."""
        ctx = self.problems.engine.context
        pid = self.ids[0] if len(self.ids) == 1 else None
        p = ctx.get(pid) if ctx is not None else None
        if ctx is None or p is None or pid not in self.hub.model or self.hub.model[pid] is not p:
            self.meter.hide()
            return
        m = meter(p, ctx)
        if not m.total:
            self.meter.hide()
            return
        self.meter.setRange(0, m.total)
        self.meter.setValue(m.filled)
        self.meter.setFormat(f"State for {m.phase}: %v of %m items")
        missing = "\n".join(f"• {i.label}" for i in m.missing)
        self.meter.setToolTip(f"What {m.phase} asks for and is not filled yet:\n{missing}" if missing
                              else f"Everything {m.phase} asks for is filled in.")
        self.meter.show()

    def show_findings(self) -> None:
        """Put the rules' findings for a single selection under the fields they concern."""
        self.show_meter()
        if self.form is None or len(self.ids) != 1:
            self.notes.hide()
            return
        loose: list[str] = []
        for editor in self.form.editors.values():
            if editor.message.text() and not editor.message.property("command-error"):
                editor.set_message("")
        by_field: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for f in self.problems.by_primitive.get(self.ids[0], []):
            if f.code == METER_CODE:
                continue  # the meter above shows it
            path = tuple(str(s) for s in (f.path or ())[2:]) if f.path and f.path[0] == "primitives" else ()
            target = next((p for p in sorted(self.form.editors, key=len, reverse=True)
                           if path and (path[: len(p)] == p or p[: len(path)] == path)), None)
            if target is None:
                loose.append(f"{f.code}: {f.message}")
            else:
                by_field.setdefault(target, []).append((f.message, f.severity))
        for target, messages in by_field.items():
            worst = "error" if any(s == "error" for _, s in messages) else messages[0][1]
            self.form.editors[target].set_message("\n".join(m for m, _ in messages), worst)
        self.notes.setText("\n".join(loose))
        self.notes.setVisible(bool(loose))

    # --- editing -------------------------------------------------------------------------------

    def commit(self, spec: FieldSpec, editor: FieldEditor, value: Any) -> None:
        """One command for one finished edit, on every selected primitive."""
        ids = [i for i in self.ids if i in self.hub.model]
        if not ids:
            return
        path = spec.path
        try:
            command: Command
            if path == ("name",):
                command = Rename(ids[0], value or "")
                command.merge_key = ("rename", ids[0], object())  # Id from Name may join this step
            elif path == ("phase",):
                command = SetPhase(ids, value)
            elif path == ("scale",):
                command = SetScale(ids, value)
            elif path == ("parent",):
                command = Reparent(ids[0], value)
            else:
                command = EditField(ids, path, value, title=f"Edit {spec.label.lower()} of {self._names(ids)}")
            if isinstance(editor, ChoiceEditor):  # arrowing through a box's choices is one step
                command.merge_key = ("inspector", tuple(ids), path)
            self.hub.stack.push(command)
            if path == ("name",):
                from ui.id_from_name import offer

                offer(self.hub.window, ids[0])
        except CommandError as exc:
            if not isinstance(editor, TextEditor):  # a paragraph keeps its text to fix; others revert
                self.show_ids(self.ids)
            editor.set_message(not_saved(str(exc)), "error")
            editor.message.setProperty("command-error", True)
            return
        editor.message.setProperty("command-error", False)

    def _names(self, ids: list[str]) -> str:
        """How History names the primitives an edit changed: one by name, several by number."""
        if len(ids) == 1:
            return self.hub.model[ids[0]].name
        return f"{len(ids)} primitives"

    def focus_field(self, pid: str, path: tuple[str | int, ...]) -> None:
        """Show the field a finding points at (from the Problems panel)."""
        if self.ids != [pid] or self.form is None:
            self.show_ids([pid])
        if self.form is None:
            return
        steps = tuple(str(s) for s in path)
        target = next((p for p in sorted(self.form.editors, key=len, reverse=True)
                       if steps and (steps[: len(p)] == p or p[: len(steps)] == steps)), None)
        if target is None:
            return
        spec = next(s for s in self.form.specs if s.path == target)
        section = self.form.sections.get(spec.section)
        if section is not None and section.isVisible():
            section.button.setChecked(True)
        self.scroll.ensureWidgetVisible(self.form.editors[target])

    def open_records(self) -> None:
        panels = getattr(self.hub.window, "panels", None)
        if panels is not None:
            panels.focus("records")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
