"""Editors for single fields, one per kind of value; shared by the Inspector and the Guide.

Every editor commits when the person has finished (``editingFinished`` for a line, focus-out or
Ctrl+Enter for a paragraph or list, a choice made in a box) and emits ``committed(value)``
once, so typing a paragraph is one undo step. ``set_value`` refills an editor without emitting.
A line underneath shows what went wrong with the last commit, or what the rules say about it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MIXED = "(several values)"
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#a15c00", "info": "#1f5fa8"}


_WHERE = re.compile(r"^[\w.\[\]-]+: ")


def not_saved(error: str) -> str:
    """A refusal in plain words for the line under a field: the field is the one the person is
    looking at, so the model path the core puts first ("approval.date: ...") is left out."""
    return "Not saved: " + _WHERE.sub("", error, count=1)


def narrow_combo(box: QComboBox, chars: int = 12) -> QComboBox:
    """A combo box that asks for the width of ``chars`` characters, not of its longest choice, so a
    narrow dock does not cut the form off (the open list is as wide as it needs)."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box


class _Mixed:
    """Stands for "the selected primitives disagree" as the last committed value."""


class FieldEditor(QWidget):
    """Base: an input plus a message line; subclasses set ``self.input`` and read/write it."""

    committed = Signal(object)

    def __init__(self, help_text: str = "") -> None:
        super().__init__()
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._lay.setSpacing(2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.help_text = help_text
        self._filling = False
        self._last: Any = None

    def _finish_layout(self, widget: QWidget) -> None:
        self._lay.addWidget(widget)
        self._lay.addWidget(self.message)
        if self.help_text:
            widget.setToolTip(self.help_text)
        self.setFocusProxy(widget)

    def set_value(self, value: Any, mixed: bool = False) -> None:
        self._filling = True
        try:
            self._last = _Mixed if mixed else value  # after a mixed fill any choice is a change
            self.fill(value, mixed)
        finally:
            self._filling = False

    def fill(self, value: Any, mixed: bool) -> None:
        raise NotImplementedError

    def read(self) -> Any:
        raise NotImplementedError

    def commit(self) -> None:
        if self._filling:
            return
        value = self.read()
        if value != self._last:
            self._last = value
            self.committed.emit(value)

    def set_message(self, text: str = "", severity: str = "error") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {SEVERITY_COLOURS.get(severity, '#c62828')};")
        self.message.setVisible(bool(text))


class LineEditor(FieldEditor):
    def __init__(self, help_text: str = "", placeholder: str = "") -> None:
        super().__init__(help_text)
        self.input = QLineEdit()
        self.input.setPlaceholderText(placeholder)
        self.input.editingFinished.connect(self.commit)
        self._finish_layout(self.input)

    def fill(self, value: Any, mixed: bool) -> None:
        self.input.setText("" if value is None or mixed else str(value))
        self.input.setPlaceholderText(MIXED if mixed else self.input.placeholderText().replace(MIXED, ""))

    def read(self) -> Any:
        text = self.input.text().strip()
        return text or None


class NumberEditor(LineEditor):
    def read(self) -> Any:
        text = self.input.text().strip().replace(",", "")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            return text  # the command refuses it and the message says why


class _CommitOnLeave(QObject):
    """Commit a multi-line editor on focus-out, or on Ctrl+Enter."""

    def __init__(self, editor: FieldEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.editor.commit()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.editor.commit()
                return True
        return False


class TextEditor(FieldEditor):
    """A paragraph; with ``as_list`` one item per line (goals, agreements…)."""

    def __init__(self, help_text: str = "", as_list: bool = False, lines: int = 3) -> None:
        super().__init__(help_text)
        self.as_list = as_list
        self.input = QPlainTextEdit()
        self.input.setTabChangesFocus(True)
        self.input.setPlaceholderText("One item per line" if as_list else "")
        self.input.setFixedHeight(self.input.fontMetrics().lineSpacing() * lines + 14)
        self.input.installEventFilter(_CommitOnLeave(self))
        self._finish_layout(self.input)

    def fill(self, value: Any, mixed: bool) -> None:
        if mixed:
            self.input.setPlainText("")
            self.input.setPlaceholderText(MIXED)
            return
        self.input.setPlaceholderText("One item per line" if self.as_list else "")
        if self.as_list:
            self.input.setPlainText("\n".join(str(v) for v in value or []))
        else:
            self.input.setPlainText("" if value is None else str(value))

    def read(self) -> Any:
        text = self.input.toPlainText()
        if self.as_list:
            return [line.strip() for line in text.splitlines() if line.strip()]
        return text.strip() or None


class ChoiceEditor(FieldEditor):
    def __init__(self, options: tuple[str, ...], optional: bool = True, help_text: str = "") -> None:
        super().__init__(help_text)
        self.input = narrow_combo(QComboBox())
        self.optional = optional
        if optional:
            self.input.addItem("—", None)
        for option in options:
            self.input.addItem(option, option)
        self.input.activated.connect(lambda _i: self.commit())
        self._finish_layout(self.input)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """Replace the choices with ``(label, value)`` pairs (containers, assignees)."""
        self._filling = True
        try:
            self.input.clear()
            if self.optional:
                self.input.addItem("—", None)
            for label, value in options:
                self.input.addItem(label, value)
        finally:
            self._filling = False

    def fill(self, value: Any, mixed: bool) -> None:
        i = self.input.findData(value)
        if mixed or i < 0:
            if value is not None and not mixed:
                self.input.addItem(str(value), value)
                i = self.input.count() - 1
            else:
                i = 0 if self.optional else -1
        self.input.setCurrentIndex(i)

    def read(self) -> Any:
        return self.input.currentData()


class BoolEditor(FieldEditor):
    def __init__(self, label: str, tristate: bool, help_text: str = "") -> None:
        super().__init__(help_text)
        self.input = QCheckBox(label)
        self.input.setTristate(tristate)
        self.input.clicked.connect(lambda _c: self.commit())
        self._finish_layout(self.input)

    def fill(self, value: Any, mixed: bool) -> None:
        if value is None or mixed:
            self.input.setCheckState(Qt.CheckState.PartiallyChecked if self.input.isTristate() else
                                     Qt.CheckState.Unchecked)
        else:
            self.input.setChecked(bool(value))

    def read(self) -> Any:
        state = self.input.checkState()
        if state == Qt.CheckState.PartiallyChecked:
            return None
        return state == Qt.CheckState.Checked


class IntEditor(FieldEditor):
    def __init__(self, help_text: str = "") -> None:
        super().__init__(help_text)
        self.input = QSpinBox()
        self.input.setRange(0, 1_000_000)
        self.input.setSpecialValueText("—")
        self.input.editingFinished.connect(self.commit)
        self._finish_layout(self.input)

    def fill(self, value: Any, mixed: bool) -> None:
        self.input.setValue(0 if value is None or mixed else int(value))

    def read(self) -> Any:
        return self.input.value() or None


class PeopleEditor(FieldEditor):
    """A member picker: the list of people, a box to add one (suggesting known names), Delete to remove."""

    def __init__(self, help_text: str = "") -> None:
        super().__init__(help_text)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(96)
        self.list.installEventFilter(self)
        row = QHBoxLayout()
        self.add_box = narrow_combo(QComboBox())
        self.add_box.setEditable(True)
        self.add_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_box.lineEdit().setPlaceholderText("Add a person (Enter)")
        self.add_box.lineEdit().returnPressed.connect(self._add)
        self.add_button = QToolButton()  # tool buttons: as wide as their text, so narrow docks fit
        self.add_button.setText("Add")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.add_box, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        lay.addWidget(self.list)
        lay.addLayout(row)
        self._items: list[str] = []
        self._finish_layout(box)
        self.setFocusProxy(self.add_box)

    def set_suggestions(self, names: list[str]) -> None:
        text = self.add_box.currentText()
        self.add_box.clear()
        self.add_box.addItems(names)
        self.add_box.setEditText(text)

    def fill(self, value: Any, mixed: bool) -> None:
        self._items = [] if mixed else [str(v) for v in value or []]
        self.list.clear()
        self.list.addItems(self._items if not mixed else [MIXED])

    def read(self) -> Any:
        return list(self._items)

    def _add(self) -> None:
        name = self.add_box.currentText().strip()
        if not name:
            return
        if name in self._items:
            self.set_message(f"{name} is already listed.", "info")
            self.list.setCurrentRow(self._items.index(name))
            return
        self._items = [*self._items, name]
        self.add_box.setEditText("")
        self.commit()

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.list.selectedIndexes()}, reverse=True)
        if not rows and self.list.currentRow() >= 0:
            rows = [self.list.currentRow()]
        if not rows:
            return
        items = list(self._items)
        for r in rows:
            if 0 <= r < len(items):
                items.pop(r)
        self._items = items
        self.commit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.list and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Delete,
                                                                                 Qt.Key.Key_Backspace):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the window's Delete would remove the primitive itself
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._remove()
                return True
        return False
