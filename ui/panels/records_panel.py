"""The Records panel: the top-level cell's decision registry and resource allocation records.

Two tables edited in place. Each finished cell edit, added row or removed row replaces the whole
list with one ``EditField`` on the top-level cell (``state.master.decision_registry`` or
``state.master.resource_allocations``), so each is one undo step and the model validates it
(dates as YYYY-MM-DD, amounts as numbers); a refusal shows under the table and the table goes
back to what the document holds.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from designer.commands.events import DocumentReplaced, Event, PrimitiveAdded, PrimitiveChanged, PrimitiveRemoved
from designer.commands.primitives import EditField
from designer.commands.stack import CommandError
from designer.model.state import AllocationRecord, DecisionRecord, StrictModel
from ui.panels.hub import PanelHub
from ui.panels.inspector_fields import not_saved
from ui.panels.inspector_tables import record_table, table_keys

TABLES: tuple[tuple[str, str, type[StrictModel]], ...] = (
    ("decision_registry", "Decisions", DecisionRecord),
    ("resource_allocations", "Allocations", AllocationRecord),
)


_ROW = re.compile(r"^state\.master\.\w+\[(\d+)\]\.(\w+): ")


def row_message(error: str) -> str:
    """A refusal as the table shows it: rows counted from 1 like its row headers, columns by title."""
    match = _ROW.match(error)
    if match is None:
        return not_saved(error)
    row, column = int(match.group(1)) + 1, match.group(2).replace("_", " ")
    return f"Not saved: row {row}, {column}: {error[match.end():]}"


class RecordTable(QWidget):
    def __init__(self, panel: RecordsPanel, field: str, model: type[StrictModel]) -> None:
        super().__init__()
        self.panel, self.field = panel, field
        self.columns = list(model.model_fields)
        self.table, self.add, self.remove, buttons = record_table(
            self, self.columns, self._edited, self._add, self._remove
        )
        self.table.setObjectName(f"records-{field}")
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self._filling = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        return obj is self.table and table_keys(event, self._remove)

    def rows(self) -> list[dict[str, Any]]:
        cell = self.panel.cell()
        if cell is None:
            return []
        return [r.to_data() for r in getattr(cell.state.master, self.field)]

    def fill(self) -> None:
        self._filling = True
        try:
            rows = self.rows()
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, name in enumerate(self.columns):
                    value = row.get(name)
                    text = "" if value is None else str(value)
                    item = self.table.item(r, c)
                    if item is None:  # keep existing items: one may be under edit right now
                        self.table.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
        finally:
            self._filling = False

    def _push(self, rows: list[dict[str, Any]], title: str) -> None:
        self.panel.push(self.field, rows, title)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        rows = self.rows()
        r, name = item.row(), self.columns[item.column()]
        if r >= len(rows):
            return
        text = item.text().strip()
        value: Any = text or None
        if name == "amount" and text:
            try:
                value = float(text.replace(",", ""))
            except ValueError:
                value = text
        rows[r] = {k: v for k, v in {**rows[r], name: value}.items() if v is not None}
        self._push(rows, f"Edit {name.replace('_', ' ')}")

    def _add(self) -> None:
        first = "title" if self.field == "decision_registry" else "recipient"
        self._push([*self.rows(), {first: "New entry"}], "Add record")
        self.table.setCurrentCell(self.table.rowCount() - 1, self.columns.index(first))
        self.table.setFocus()

    def _remove(self) -> None:
        r = self.table.currentRow()
        rows = self.rows()
        if 0 <= r < len(rows):
            self._push(rows[:r] + rows[r + 1:], "Remove record")


class RecordsPanel(QWidget):
    def __init__(self, hub: PanelHub) -> None:
        super().__init__()
        self.setObjectName("records-panel")
        self.hub = hub
        self._dirty = False
        self.chooser = QComboBox()
        self.chooser.setToolTip("The top-level cell whose records these are")
        self.chooser.currentIndexChanged.connect(lambda _i: self.refresh_tables())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.tabs = QTabWidget()
        self.tables = {field: RecordTable(self, field, model) for field, _t, model in TABLES}
        for field, title, _m in TABLES:
            self.tabs.addTab(self.tables[field], title)
        lay = QVBoxLayout(self)
        lay.addWidget(self.chooser)
        lay.addWidget(self.note)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.message)
        self.setFocusProxy(self.tabs)
        self._unsubscribe = [hub.model.events.subscribe(self._on_event), hub.stack.subscribe(self._settle)]
        self.destroyed.connect(lambda *_: [u() for u in self._unsubscribe])
        self.refresh()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, DocumentReplaced | PrimitiveAdded | PrimitiveRemoved):
            self._dirty = True
        elif isinstance(event, PrimitiveChanged) and ("top_level" in event.fields or event.id == self.cell_id()
                                                       or "name" in event.fields):
            self._dirty = True

    def _settle(self) -> None:
        if self._dirty:
            self._dirty = False
            self.refresh()

    def cell_id(self) -> str | None:
        value = self.chooser.currentData()
        return value if isinstance(value, str) else None

    def cell(self) -> Any:
        pid = self.cell_id()
        return self.hub.model.get(pid) if pid else None

    def refresh(self) -> None:
        current = self.cell_id()
        tops = [p for p in self.hub.model.primitives if p.kind == "cell" and getattr(p, "top_level", False)]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for p in tops:
            self.chooser.addItem(p.name, p.id)
        index = self.chooser.findData(current)
        self.chooser.setCurrentIndex(max(index, 0) if tops else -1)
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(tops) > 1)
        self.tabs.setEnabled(bool(tops))
        self.note.setText(f"Records of <b>{tops[max(index, 0)].name}</b>, the top-level cell." if len(tops) == 1
                          else "No top-level cell yet: tick “Top level” on a cell in the Inspector."
                          if not tops else "")
        self.refresh_tables()

    def refresh_tables(self) -> None:
        for table in self.tables.values():
            table.fill()

    def push(self, field: str, rows: list[dict[str, Any]], title: str) -> None:
        pid = self.cell_id()
        if pid is None:
            return
        try:
            self.hub.stack.push(EditField(pid, ("state", "master", field), rows, title=title))
        except CommandError as exc:
            self.message.setText(row_message(str(exc)))
            self.message.show()
            self.tables[field].fill()
            return
        self.message.hide()
