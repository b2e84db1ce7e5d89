"""The containment tree as a Qt item model, kept in step with the document event by event.

It mirrors the parent links of the document (children in document order) and turns each model
event into the matching row signal: an added primitive is one ``rowsInserted``, a removed one one
``rowsRemoved``, a reparent one ``rowsMoved``, a rename or phase change one ``dataChanged``. A
10k-primitive document is never rebuilt for an edit; only opening a document resets the model.
Indexes carry a serial number per id (never reused), not Python objects, so a stale index can
never point at freed memory.

Dropping rows onto a container pushes ``Reparent`` commands; the rows move when the model says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from designer.commands.events import DocumentReplaced, Event, PrimitiveAdded, PrimitiveChanged, PrimitiveRemoved
from designer.commands.primitives import Reparent
from designer.model.kinds import CONTAINERS
from ui.panels.hub import PanelHub

MIME = "application/x-dao-designer-outline-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Name", "Kind", "Phase")
AnyIndex = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    def __init__(self, hub: PanelHub, parent: QObject | None = None) -> None:
        # With a Qt parent the model goes with its panel: a parentless one is freed by Python at
        # exit, possibly before the proxy and tree over it, which then crash when they are hidden.
        super().__init__(parent)
        self.hub = hub
        self._serial: dict[str, int] = {}
        self._by_serial: dict[int, str] = {}
        self.children: dict[str | None, list[str]] = {}
        self.parent_of: dict[str, str | None] = {}
        self._row: dict[str, int] = {}
        self._unsubscribe = hub.model.events.subscribe(self._on_event)
        self.reset_all()

    def detach(self) -> None:
        self._unsubscribe()

    # --- mirror ----------------------------------------------------------------------------------

    def reset_all(self) -> None:
        self.beginResetModel()
        self.children = {None: []}
        self.parent_of = {}
        for p in self.hub.model.primitives:
            self.children.setdefault(p.parent, []).append(p.id)
            self.parent_of[p.id] = p.parent
        self._row = {c: i for kids in self.children.values() for i, c in enumerate(kids)}
        self.endResetModel()

    def _key(self, pid: str) -> int:
        key = self._serial.get(pid)
        if key is None:
            key = len(self._serial) + 1
            self._serial[pid] = key
            self._by_serial[key] = pid
        return key

    def _reachable(self, pid: str | None) -> bool:
        seen = 0
        while pid is not None:
            if pid not in self.parent_of or seen > len(self.parent_of):
                return False
            pid = self.parent_of[pid]
            seen += 1
        return True

    def _renumber(self, parent: str | None) -> None:
        for i, c in enumerate(self.children.get(parent, [])):
            self._row[c] = i

    def _slot(self, parent: str | None, pid: str) -> int:
        """Where ``pid`` goes among ``parent``'s children: document order."""
        at = self.hub.model.index_of(pid)
        kids = self.children.get(parent, [])
        model = self.hub.model
        return sum(1 for c in kids if c in model and model.index_of(c) < at)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, DocumentReplaced):
            self.reset_all()
        elif isinstance(event, PrimitiveAdded):
            self._insert(event.id, self.hub.model[event.id].parent)
        elif isinstance(event, PrimitiveRemoved):
            self._remove(event.id)
        elif isinstance(event, PrimitiveChanged):
            if "parent" in event.fields and event.id in self.parent_of:
                self._move(event.id, self.hub.model[event.id].parent)
            if event.id in self.parent_of and self._reachable(event.id):
                index = self.index_of(event.id)
                self.dataChanged.emit(index, index.siblingAtColumn(len(COLUMNS) - 1))

    def _insert(self, pid: str, parent: str | None) -> None:
        kids = self.children.setdefault(parent, [])
        row = self._slot(parent, pid)
        visible = self._reachable(parent)
        if visible:
            self.beginInsertRows(self.index_of(parent), row, row)
        kids.insert(row, pid)
        self.parent_of[pid] = parent
        self._renumber(parent)
        if visible:
            self.endInsertRows()

    def _remove(self, pid: str) -> None:
        if pid not in self.parent_of:
            return
        parent = self.parent_of[pid]
        visible = self._reachable(pid)
        row = self._row[pid]
        if visible:
            self.beginRemoveRows(self.index_of(parent), row, row)
        self.children[parent].remove(pid)
        del self.parent_of[pid]
        self._renumber(parent)
        if visible:
            self.endRemoveRows()

    def _move(self, pid: str, new_parent: str | None) -> None:
        old_parent = self.parent_of[pid]
        if old_parent == new_parent:
            return
        if not (self._reachable(pid) and self._reachable(new_parent)):
            self._remove(pid)
            self._insert(pid, new_parent)
            return
        row = self._row[pid]
        kids = self.children.setdefault(new_parent, [])
        dest = self._slot(new_parent, pid)
        self.beginMoveRows(self.index_of(old_parent), row, row, self.index_of(new_parent), dest)
        self.children[old_parent].remove(pid)
        kids.insert(dest, pid)
        self.parent_of[pid] = new_parent
        self._renumber(old_parent)
        self._renumber(new_parent)
        self.endMoveRows()

    # --- Qt model --------------------------------------------------------------------------------

    def id_at(self, index: AnyIndex) -> str | None:
        return self._by_serial.get(index.internalId()) if index.isValid() else None

    def index_of(self, pid: str | None) -> QModelIndex:
        if pid is None or pid not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[pid], 0, self._key(pid))

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        kids = self.children.get(self.id_at(parent), [])
        if 0 <= row < len(kids) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, self._key(kids[row]))
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        pid = self.id_at(index)
        parent = self.parent_of.get(pid) if pid is not None else None
        return self.index_of(parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() > 0:
            return 0
        return len(self.children.get(self.id_at(parent), []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pid = self.id_at(index)
        p = self.hub.model.get(pid) if pid else None
        if p is None:
            return None
        if role == ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.name, p.kind, getattr(p, "phase", None) or "")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{p.name} — {p.kind} · {p.id}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag to reparent ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = list(dict.fromkeys(i for ix in indexes if (i := self.id_at(ix)) is not None))
        data = QMimeData()
        data.setData(MIME, "\n".join(ids).encode())
        return data

    def _dropped(self, data: QMimeData, parent: AnyIndex) -> tuple[list[str], str | None] | None:
        if not data.hasFormat(MIME):
            return None
        ids = [i for i in bytes(data.data(MIME).data()).decode().split("\n") if i in self.hub.model]
        return (ids, self.id_at(parent)) if ids else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        dropped = self._dropped(data, parent)
        if dropped is None:
            return False
        ids, target = dropped
        model = self.hub.model
        for pid in ids:
            kind = model[pid].kind
            if target is None:
                if kind in ("role", "task"):
                    return False
            elif model[target].kind not in CONTAINERS[kind] or target == pid or pid in model.ancestors(target):
                return False
        return True

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        dropped = self._dropped(data, parent)
        if dropped is None:
            return False
        ids, target = dropped
        moves = [Reparent(pid, target) for pid in ids if self.hub.model[pid].parent != target]
        if not moves:
            return False
        name = self.hub.model[target].name if target else "the top level"
        return self.hub.push(f"Move into {name}", *moves)
