"""The links of the selected primitive, in the Inspector: see, edit, add and remove them.

Each row is one link (direction, kind, the primitive at the other end). Picking a row opens its
fields (label, note, and for ``funds`` links amount, currency, a percentage and what it is of, and
the period, recurring unless ``once``), each committed as one
``EditLink``; "Add link" pushes ``AddLink`` and "Remove" ``RemoveLinks``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.commands.links import AddLink, EditLink, LinkKey, RemoveLinks
from designer.commands.stack import Command, CommandError
from designer.model.kinds import LINK_KINDS
from designer.model.links import Link
from ui.panels.hub import PanelHub
from ui.panels.inspector_fields import ChoiceEditor, FieldEditor, LineEditor, NumberEditor, narrow_combo

PERIODS = ("once", "week", "month", "quarter", "year")


class LinksSection(QGroupBox):
    def __init__(self, hub: PanelHub) -> None:
        super().__init__("Links")
        self.hub = hub
        self.pid: str | None = None
        self.keys: list[LinkKey] = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("inspector-links")
        self.tree.setHeaderLabels(["", "Kind", "Other end"])
        self.tree.setRootIsDecorated(False)
        self.tree.setMaximumHeight(150)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._show_link())
        self.detail = QWidget()
        form = QFormLayout(self.detail)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.editors: dict[str, FieldEditor] = {
            "label": LineEditor("Text drawn on the edge"),
            "note": LineEditor(),
            "amount": NumberEditor("How much flows, per period"),
            "currency": LineEditor(placeholder="e.g. USDC"),
            "percent": NumberEditor("A share in percent, instead of or beside an amount"),
            "basis": LineEditor("What the percentage is of", placeholder="e.g. grant income"),
            "period": ChoiceEditor(PERIODS),
        }
        for name, editor in self.editors.items():
            form.addRow(name.capitalize(), editor)
            editor.committed.connect(lambda value, n=name, e=editor: self._edit(n, e, value))
        row = QHBoxLayout()
        self.kind_box = narrow_combo(QComboBox(), 8)
        self.kind_box.addItems(list(LINK_KINDS))
        self.kind_box.setToolTip("Kind of the new link, from the selection")
        self.target_box = narrow_combo(QComboBox(), 8)
        self.target_box.setEditable(True)
        self.target_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target_box.setToolTip("The primitive the new link goes to")
        self.add_button = QPushButton("Add link")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.kind_box)
        row.addWidget(self.target_box, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.tree)
        lay.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.detail)
        lay.addLayout(row)
        lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.message)
        self.hide()

    def show_id(self, pid: str | None) -> None:
        """Show the links of ``pid`` (None hides the section: no or several primitives selected)."""
        self.pid = pid
        self.setVisible(pid is not None)
        if pid is None:
            return
        model = self.hub.model
        current = self._current()
        self.tree.clear()
        self.keys = []
        for link in model.links_of(pid):
            outgoing = link.source == pid
            other = model.get(link.target if outgoing else link.source)
            item = QTreeWidgetItem(["→" if outgoing else "←", link.kind, other.name if other else "?"])
            item.setToolTip(2, link.target if outgoing else link.source)
            self.tree.addTopLevelItem(item)
            self.keys.append(link.key)
        if current in self.keys:
            self.tree.setCurrentItem(self.tree.topLevelItem(self.keys.index(current)))
        self._show_link()
        text = self.target_box.currentText()
        self.target_box.clear()
        for q in model.primitives:
            if q.id != pid:
                self.target_box.addItem(f"{q.name} ({q.kind})", q.id)
        self.target_box.setEditText(text)

    def select_key(self, key: LinkKey) -> None:
        """Make link ``key`` the current row (a link clicked on the canvas)."""
        if key in self.keys:
            self.tree.setCurrentItem(self.tree.topLevelItem(self.keys.index(key)))
            self._show_link()

    def _current(self) -> LinkKey | None:
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def _link(self) -> Link | None:
        key = self._current()
        index = self.hub.model.link_index(key) if key else None
        return self.hub.model.links[index] if index is not None else None

    def _show_link(self) -> None:
        link = self._link()
        self.detail.setVisible(link is not None)
        self.remove_button.setEnabled(link is not None)
        if link is None:
            return
        for name, editor in self.editors.items():
            editor.set_value(getattr(link, name))
            editor.setEnabled(link.kind == "funds" or name in ("label", "note"))

    def _push(self, command: Command) -> bool:
        try:
            self.hub.stack.push(command)
        except CommandError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.message.hide()
        return True

    def _edit(self, name: str, editor: FieldEditor, value: Any) -> None:
        key = self._current()
        if key is not None and not self._push(EditLink(key, **{name: value})):
            editor.set_value(getattr(self._link(), name, None))

    def _add(self) -> None:
        if self.pid is None:
            return
        target = self.target_box.currentData()
        text = self.target_box.currentText().strip()
        if target is None or self.target_box.itemText(self.target_box.currentIndex()) != text:
            target = text if text in self.hub.model else None
        if target is None:
            self.message.setText("pick the primitive the link goes to")
            self.message.show()
            return
        self._push(AddLink(self.pid, target, self.kind_box.currentText()))  # type: ignore[arg-type]

    def _remove(self) -> None:
        key = self._current()
        if key is not None:
            self._push(RemoveLinks([key]))
