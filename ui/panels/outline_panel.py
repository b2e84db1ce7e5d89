"""The Outline panel: the containment tree, filtered, in step with the canvas selection.

Selecting rows selects on the canvas (and centres there); selecting on the canvas selects and
reveals the rows. Dragging rows onto a DAO, cell, role or task moves them inside it (a Reparent
step); onto empty space, to the top level. Filters: text in the name, kind, phase and scale (a
role or task counts at its container's scale); matching rows keep their ancestors in view.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from designer.model.kinds import KINDS, PHASES, SCALES
from ui.panels.hub import PanelHub
from ui.panels.outline_model import OutlineModel


class _Filter(QSortFilterProxyModel):
    def __init__(self, panel: OutlinePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setRecursiveFilteringEnabled(True)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.panel.source
        pid = source.id_at(source.index(row, 0, parent))
        return pid is not None and self.panel.accepts(pid)


class OutlinePanel(QWidget):
    def __init__(self, hub: PanelHub) -> None:
        super().__init__()
        self.setObjectName("outline-panel")
        self.hub = hub
        self._syncing = False
        self.source = OutlineModel(hub, self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.source)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by name")
        self.search.setClearButtonEnabled(True)
        self.kind = self._combo("Any kind", KINDS)
        self.phase = self._combo("Any phase", PHASES)
        self.scale = self._combo("Any scale", SCALES)
        self.search.textChanged.connect(self._refilter)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for box in (self.kind, self.phase, self.scale):
            filters.addWidget(box)
        self.tree = QTreeView()
        self.tree.setObjectName("outline-tree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selected)
        self.tree.activated.connect(lambda ix: self._centre(ix))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.search)
        lay.addLayout(filters)
        lay.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)
        hub.selectionChanged.connect(self.follow)
        self.source.modelReset.connect(self._after_reset)
        self._after_reset()
        self.destroyed.connect(lambda *_: self.source.detach())

    def _combo(self, anything: str, values: tuple[str, ...]) -> QComboBox:
        box = QComboBox()
        box.addItem(anything, None)
        for v in values:
            box.addItem(v, v)
        box.currentIndexChanged.connect(self._refilter)
        return box

    # --- filtering -------------------------------------------------------------------------------

    def _scale_of(self, pid: str) -> str | None:
        model = self.hub.model
        current: str | None = pid
        while current is not None and current in model:
            p = model[current]
            scale = getattr(p, "scale", None)
            if scale is not None:
                return str(scale)
            current = p.parent
        return None

    def accepts(self, pid: str) -> bool:
        p = self.hub.model.get(pid)
        if p is None:
            return False
        text = self.search.text().strip().lower()
        if text and text not in p.name.lower():
            return False
        kind, phase, scale = self.kind.currentData(), self.phase.currentData(), self.scale.currentData()
        if kind and p.kind != kind:
            return False
        if phase and getattr(p, "phase", None) != phase:
            return False
        return not (scale and self._scale_of(pid) != scale)

    def _refilter(self) -> None:
        self.proxy.invalidate()
        if self.search.text() or any(b.currentData() for b in (self.kind, self.phase, self.scale)):
            self.tree.expandAll()
        self.follow(self.hub.selected())

    def _after_reset(self) -> None:
        if self.source.rowCount() < 500:
            self.tree.expandToDepth(1)

    # --- selection, both ways ------------------------------------------------------------------

    def follow(self, ids: list[str]) -> None:
        """Select and reveal the rows of the canvas selection."""
        if self._syncing:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            last = QModelIndex()
            for pid in ids:
                index = self.proxy.mapFromSource(self.source.index_of(pid))
                if index.isValid():
                    selection.select(index, index.siblingAtColumn(self.proxy.columnCount() - 1))
                    last = index
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.tree.selectionModel().select(selection, flags)
            if last.isValid():
                self.tree.selectionModel().setCurrentIndex(last, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tree.scrollTo(last)
        finally:
            self._syncing = False

    def selected_ids(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows(0)
        return [pid for ix in rows if (pid := self.source.id_at(self.proxy.mapToSource(ix))) is not None]

    def _tree_selected(self, *_args: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.hub.select(self.selected_ids(), centre=True)
        finally:
            self._syncing = False

    def _centre(self, index: QModelIndex) -> None:
        pid = self.source.id_at(self.proxy.mapToSource(index))
        if pid is not None:
            self.hub.window.view.centre_on_ids([pid])
