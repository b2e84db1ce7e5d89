"""Editors the Guide needs beyond the Inspector's: tick the guide's options, tick off steps.

Both store a list (the ticked option texts, or the numbers of the steps done) and commit on each
tick, so each tick is one undo step. Options already in the document that the guide does not
list (a group's own words) show as ticked boxes too, and a line adds more.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.panels.inspector_fields import FieldEditor


class CheckRow(QWidget):
    """A check box with its text beside it, word-wrapped, so a long option fits a narrow dock.
    A click on the text ticks the box as a click on the box would."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.check = QCheckBox()
        self.check.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.check)
        self.label.mousePressEvent = lambda _e: self.check.click()  # type: ignore[method-assign]
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.label, 1)


class OptionsEditor(FieldEditor):
    def __init__(self, options: tuple[str, ...], help_text: str = "") -> None:
        super().__init__(help_text)
        self.options = options
        self.box = QWidget()
        self.lay = QVBoxLayout(self.box)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(1)
        self.checks: dict[str, QCheckBox] = {}
        self.own = QLineEdit()
        self.own.setPlaceholderText("Add your own (Enter)")
        self.own.returnPressed.connect(self._add_own)
        for option in options:
            self._check(option)
        self.lay.addWidget(self.own)
        self._finish_layout(self.box)
        self.setFocusProxy(next(iter(self.checks.values()), self.own))

    def _check(self, text: str) -> QCheckBox:
        row = CheckRow(text)
        row.check.clicked.connect(lambda _on: self.commit())
        self.lay.insertWidget(len(self.checks), row)
        self.checks[text] = row.check
        return row.check

    def fill(self, value: Any, mixed: bool) -> None:
        chosen = [str(v) for v in value or []]
        for text in list(self.checks):
            if text not in self.options and text not in chosen:
                self.checks.pop(text).parentWidget().deleteLater()
        for text in chosen:
            if text not in self.checks:
                self._check(text)
        for text, check in self.checks.items():
            check.setChecked(text in chosen)

    def read(self) -> Any:
        return [text for text, check in self.checks.items() if check.isChecked()]

    def _add_own(self) -> None:
        text = self.own.text().strip()
        if not text:
            return
        (self.checks.get(text) or self._check(text)).setChecked(True)
        self.own.clear()
        self.commit()


class StepsEditor(FieldEditor):
    """Numbered steps ticked off as done; stored as the step numbers, from 1."""

    def __init__(self, steps: tuple[str, ...], help_text: str = "") -> None:
        super().__init__(help_text)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.checks: list[QCheckBox] = []
        for i, text in enumerate(steps, start=1):
            row = CheckRow(f"{i}. {text}")
            row.check.clicked.connect(lambda _on: self.commit())
            lay.addWidget(row)
            self.checks.append(row.check)
        self._finish_layout(box)
        self.setFocusProxy(self.checks[0])

    def fill(self, value: Any, mixed: bool) -> None:
        done = {int(v) for v in value or []}
        for i, check in enumerate(self.checks, start=1):
            check.setChecked(i in done)

    def read(self) -> Any:
        return [i for i, check in enumerate(self.checks, start=1) if check.isChecked()]
