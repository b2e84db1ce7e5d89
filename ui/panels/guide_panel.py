"""The Guide panel: the design guide's steps as pages that fill the document's ``design`` section.

The list on the left names each step with how much of it is filled (✓ all, ◐ some, ○ none); the
page on the right explains the step and holds its fields. Pages and their wording come from
``resources/framework/guide.yaml`` (via ``designer.framework.guide``). Every finished field is one
``EditSection`` step; choosing the approach also sets the document's approach, which decides the
rules that apply, in the same step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from designer.commands.events import DocumentReplaced, Event, SectionChanged
from designer.commands.links import EditSection
from designer.commands.stack import Command, CommandError, Macro
from designer.framework.guide import GuideField, GuideSection, field_value, guide_sections, section_progress
from designer.model.kinds import APPROACHES
from ui.panels.guide_fields import OptionsEditor, StepsEditor
from ui.panels.hub import PanelHub
from ui.panels.inspector_fields import ChoiceEditor, FieldEditor, LineEditor, TextEditor, not_saved

MARKS = ("○", "◐", "✓")


def _editor(field: GuideField) -> FieldEditor:
    if field.kind == "longtext":
        return TextEditor(field.help, lines=4)
    if field.kind == "list":
        return TextEditor(field.help, as_list=True, lines=4)
    if field.kind == "options":
        return OptionsEditor(field.options, field.help)
    if field.kind == "steps":
        return StepsEditor(field.options, field.help)
    if field.kind == "approach":
        return ChoiceEditor(APPROACHES, True, field.help)
    return LineEditor(field.help, "YYYY-MM-DD" if field.kind == "date" else "")


class GuidePage(QScrollArea):
    def __init__(self, section: GuideSection, panel: GuidePanel) -> None:
        super().__init__()
        self.section = section
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        lay = QVBoxLayout(body)
        title = QLabel(f"<h3>{section.title}</h3>")
        about = QLabel(section.about)
        about.setWordWrap(True)
        lay.addWidget(title)
        lay.addWidget(about)
        self.editors: dict[tuple[str, ...], FieldEditor] = {}
        for field in section.fields:
            editor = _editor(field)
            label = QLabel(field.label + (f"<br><span style='color:gray'>{field.help}</span>"
                                          if field.help and field.kind != "options" else ""))
            label.setWordWrap(True)
            label.setBuddy(editor)
            lay.addWidget(label)
            lay.addWidget(editor)
            editor.committed.connect(lambda value, f=field, e=editor: panel.commit(f, e, value))
            self.editors[field.path] = editor
        lay.addStretch(1)
        self.setWidget(body)
        first = next(iter(self.editors.values()))
        self.setFocusProxy(first)

    def fill(self, design_data: dict[str, Any]) -> None:
        for field in self.section.fields:
            editor = self.editors[field.path]
            editor.set_value(field_value(design_data, field))


class GuidePanel(QWidget):
    def __init__(self, hub: PanelHub) -> None:
        super().__init__()
        self.setObjectName("guide-panel")
        self.hub = hub
        self.sections = guide_sections()
        self.pages: dict[str, GuidePage] = {}
        self._dirty = False
        self.list = QListWidget()
        self.list.setObjectName("guide-steps")
        self.list.addItems([s.title for s in self.sections])
        self.list.currentRowChanged.connect(self.show_section)
        self.stack = QStackedWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.setFocusProxy(self.list)
        self._unsubscribe = [hub.model.events.subscribe(self._on_event), hub.stack.subscribe(self._settle)]
        self.destroyed.connect(lambda *_: [u() for u in self._unsubscribe])
        self.refresh_marks()
        self.list.setCurrentRow(0)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, DocumentReplaced) or (isinstance(event, SectionChanged) and event.section == "design"):
            self._dirty = True

    def _settle(self) -> None:
        if self._dirty:
            self._dirty = False
            self.refresh_marks()
            page = self.stack.currentWidget()
            if isinstance(page, GuidePage):
                page.fill(self.hub.model.design.to_data())

    def refresh_marks(self) -> None:
        design = self.hub.model.design
        for row, section in enumerate(self.sections):
            filled, total = section_progress(design, section)
            mark = MARKS[0 if filled == 0 else 2 if filled == total else 1]
            item = self.list.item(row)
            item.setText(f"{mark}  {row + 1}. {section.title}  ({filled}/{total})")
            item.setToolTip(f"{filled} of {total} parts filled")

    def page(self, section_id: str) -> GuidePage:
        page = self.pages.get(section_id)
        if page is None:
            section = next(s for s in self.sections if s.id == section_id)
            page = GuidePage(section, self)
            self.pages[section_id] = page
            self.stack.addWidget(page)
        return page

    def show_section(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        page = self.page(self.sections[row].id)
        page.fill(self.hub.model.design.to_data())
        self.stack.setCurrentWidget(page)
        if self.list.currentRow() != row:
            self.list.setCurrentRow(row)

    def commit(self, field: GuideField, editor: FieldEditor, value: Any) -> None:
        commands: list[Command] = [EditSection(("design", *field.path), value, title=f"Guide: {field.label}")]
        if field.kind == "approach" and value is not None:
            commands.append(EditSection("organization.approach", value))
        errors: list[str] = []
        if self._push(field, editor, commands, errors):
            editor.set_message("")
            return
        # the file keeps the stored value, so the field shows it again (a paragraph keeps its text to
        # fix), and the reason sits beside it
        if not isinstance(editor, TextEditor):
            editor.set_value(field_value(self.hub.model.design.to_data(), field))
        editor.set_message(not_saved(errors[0]) if errors else "Not saved.", "error")

    def _push(self, field: GuideField, editor: FieldEditor, commands: list[Command], errors: list[str]) -> bool:
        """One undo step; choices made one after another in the same box merge into one (arrowing
        through a box's choices is one step, not one per key)."""
        if not isinstance(editor, ChoiceEditor):
            return self.hub.push(f"Guide: {field.label}", *commands, report=errors.append)
        step = Macro(f"Guide: {field.label}", commands)
        step.merge_key = ("guide", field.path)
        try:
            self.hub.stack.push(step)
        except CommandError as exc:
            errors.append(str(exc))
            return False
        return True
