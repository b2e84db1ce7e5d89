"""A small table for a list of records inside a primitive: treasury accounts, decision mechanisms,
the transfers of a completion record.

Each row is one record and each column one of its plain fields (text, number, choice; a list as
comma-separated items). A finished cell edit, an added row that got its first value, or a removed
row commits the whole list once (one ``EditField``, one undo step), and the model judges it: a bad
value is refused with its message under the table and the table shows the document again. A signer
that is a contract is written ``contract ADDRESS name``.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ui.panels.inspector_fields import FieldEditor

CONTRACT = "contract"


def _is_list(annotation: Any) -> bool:
    while get_origin(annotation) is not None and get_origin(annotation) is not list:
        args = [a for a in get_args(annotation) if a is not type(None)]
        if not args:
            return False
        annotation = args[0]
    return get_origin(annotation) is list


def _is_number(annotation: Any) -> bool:
    text = str(annotation)
    return "float" in text or "int" in text


def columns_of(model: type[BaseModel]) -> list[tuple[str, bool, bool]]:
    """``(field, is_list, is_number)`` for each field a table can edit (nested models are left out)."""
    out = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        inner = [a for a in get_args(annotation) if a is not type(None)] if get_origin(annotation) in (
            Union, types.UnionType) else [annotation]
        if any(isinstance(a, type) and issubclass(a, BaseModel) for a in inner):
            continue
        out.append((name, _is_list(annotation), _is_number(annotation) and get_origin(inner[0]) is not Literal))
    return out


def show_item(item: Any) -> str:
    if isinstance(item, dict) and CONTRACT in item:
        return " ".join(str(x) for x in (CONTRACT, item[CONTRACT], item.get("name")) if x)
    return str(item)


def read_item(text: str) -> Any:
    words = text.split()
    if len(words) >= 2 and words[0] == CONTRACT:
        signer: dict[str, Any] = {CONTRACT: words[1]}
        if len(words) > 2:
            signer["name"] = " ".join(words[2:])
        return signer
    return text


def record_table(
    owner: QObject,
    fields: list[str],
    edited: Callable[[QTableWidgetItem], None],
    add: Callable[[], None],
    remove: Callable[[], None],
) -> tuple[QTableWidget, QPushButton, QPushButton, QHBoxLayout]:
    """A table of records with a column per field, its key handling given to ``owner``'s event
    filter (see :func:`table_keys`), and Add row / Remove row buttons in a right-aligned row."""
    table = QTableWidget(0, len(fields))
    table.setHorizontalHeaderLabels([f.replace("_", " ").capitalize() for f in fields])
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
    table.itemChanged.connect(edited)
    table.installEventFilter(owner)
    add_button, remove_button = QPushButton("Add row"), QPushButton("Remove row")
    add_button.clicked.connect(add)
    remove_button.clicked.connect(remove)
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(add_button)
    buttons.addWidget(remove_button)
    return table, add_button, remove_button, buttons


def table_keys(event: QEvent, remove: Callable[[], None]) -> bool:
    """For a table's event filter: F2 edits the cell and Delete removes the row there, not the
    window's Rename and Delete. True when the event was taken."""
    if not isinstance(event, QKeyEvent) or event.key() not in (Qt.Key.Key_F2, Qt.Key.Key_Delete):
        return False
    if event.type() == QEvent.Type.ShortcutOverride:
        event.accept()
        return True
    if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
        remove()
        return True
    return False


def read_number(text: str) -> Any:
    """A number as typed; text that is not one goes to the model as it is, which names the problem."""
    if text.endswith("%"):
        return text
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


class TableEditor(FieldEditor):
    """Rows of records; ``committed`` carries the whole list as plain data."""

    def __init__(self, model: type[BaseModel], help_text: str = "") -> None:
        super().__init__(help_text)
        self.columns = columns_of(model)
        self.table, self.add, self.remove, buttons = record_table(
            self, [c[0] for c in self.columns], self._edited, self._add, self._remove
        )
        self.table.setMinimumHeight(110)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        self._finish_layout(body)
        self.setFocusProxy(self.table)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        return obj is self.table and table_keys(event, self._remove)

    def fill(self, value: Any, mixed: bool) -> None:
        rows = value if isinstance(value, list) and not mixed else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (name, is_list, _) in enumerate(self.columns):
                raw = row.get(name) if isinstance(row, dict) else None
                text = ", ".join(show_item(i) for i in raw) if is_list and isinstance(raw, list) else (
                    "" if raw is None else show_item(raw) if not isinstance(raw, bool) else str(raw).lower())
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.blockSignals(False)

    def read(self) -> Any:
        rows: list[dict[str, Any]] = []
        for r in range(self.table.rowCount()):
            row: dict[str, Any] = {}
            for c, (name, is_list, is_number) in enumerate(self.columns):
                cell = self.table.item(r, c)
                text = cell.text().strip() if cell is not None else ""
                if not text:
                    continue
                if is_list:
                    row[name] = [read_item(t.strip()) for t in text.split(",") if t.strip()]
                elif text.lower() in ("true", "false") and name in ("subscriptions_cancelled",):
                    row[name] = text.lower() == "true"
                else:
                    row[name] = read_number(text) if is_number else text
            if row:
                rows.append(row)
        return rows

    def _edited(self, _item: QTableWidgetItem) -> None:
        self.commit()

    def _add(self) -> None:
        """A blank row to fill; it is saved with its first value."""
        self.table.insertRow(self.table.rowCount())
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.setFocus()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self.commit()
