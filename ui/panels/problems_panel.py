"""The Problems panel: live findings grouped by severity, then by primitive, with filters.

A click (or Enter) on a finding selects its primitive on the canvas and centres it; the rule's
title, rationale and fix hint show underneath. The tree is updated group by group: after an
edit only the groups whose findings changed are rebuilt, so a 10k document with many findings
does not redraw the whole list on every keystroke-sized edit.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from designer.rules.finding import SEVERITIES, Finding, Severity
from designer.rules.registry import REGISTRY, all_rules
from ui.panels.hub import PanelHub
from ui.panels.problems import ProblemsController

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_TITLES: dict[Severity, str] = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
SEVERITY_MARKS: dict[Severity, str] = {"error": "✖", "warning": "⚠", "info": "ℹ"}
GroupKey = tuple[Severity, str | None]


class _Filter(QSortFilterProxyModel):
    """Keeps findings of the ticked severities that match the text (and, optionally, the selection)."""

    def __init__(self, panel: ProblemsPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setRecursiveFilteringEnabled(True)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        finding = index.data(FINDING_ROLE)
        if not isinstance(finding, Finding):
            return False
        return self.panel.accepts(finding)


class ProblemsPanel(QWidget):
    def __init__(self, hub: PanelHub, problems: ProblemsController) -> None:
        super().__init__()
        self.hub, self.problems = hub, problems
        all_rules()
        self.setObjectName("problems-panel")
        self.source = QStandardItemModel(self)
        self.roots: dict[Severity, QStandardItem] = {}
        for sev in SEVERITIES:
            item = QStandardItem(SEVERITY_TITLES[sev])
            item.setEditable(False)
            item.setData(sev, KEY_ROLE)
            self.source.appendRow(item)
            self.roots[sev] = item
        self.groups: dict[GroupKey, QStandardItem] = {}
        self.shown: dict[GroupKey, tuple[Finding, ...]] = {}
        self.detailed: Finding | None = None
        """The finding whose details show; they are cleared once it is gone (fixed, or its primitive)."""

        self.toggles: dict[Severity, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for sev in SEVERITIES:
            button = QToolButton()
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolTip(f"Show {SEVERITY_TITLES[sev].lower()}")
            button.toggled.connect(self._refilter)
            bar.addWidget(button)
            self.toggles[sev] = button
        self.only_selection = QCheckBox("&Selection only")
        self.only_selection.setToolTip("Show only the problems of the primitives selected on the canvas")
        self.only_selection.toggled.connect(self._refilter)
        bar.addWidget(self.only_selection)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by text, code or name")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refilter)
        bar.addWidget(self.search, 1)

        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.source)
        self.tree = QTreeView()
        self.tree.setObjectName("problems-tree")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.clicked.connect(self.go_to)
        self.tree.activated.connect(self.go_to)
        self.tree.selectionModel().currentChanged.connect(lambda cur, _prev: self._show_details(cur))
        self.details = QTextBrowser()
        self.details.setObjectName("problems-details")
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText("Pick a problem to see why it matters and how to fix it.")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        self.setFocusProxy(self.tree)

        for key, step, what in (("F8", 1, "Next problem"), ("Shift+F8", -1, "Previous problem")):
            shortcut = QShortcut(QKeySequence(key), hub.window)
            shortcut.setWhatsThis(what)  # named in Help > Keyboard Shortcuts
            shortcut.activated.connect(lambda s=step: self.next_problem(s))
        problems.findingsChanged.connect(self.refresh)
        problems.namesChanged.connect(self.relabel)
        hub.selectionChanged.connect(lambda _ids: self.only_selection.isChecked() and self._refilter())
        self.refresh()

    # --- content ---------------------------------------------------------------------------------

    def _group_label(self, key: GroupKey, count: int) -> str:
        pid = key[1]
        if pid is None:
            return f"Document ({count})"
        p = self.hub.model.get(pid)
        return f"{p.name if p else pid} — {p.kind if p else ''} ({count})"

    def relabel(self, ids: list[str]) -> None:
        """Rename the groups of ``ids`` (renamed primitives whose findings did not change)."""
        wanted = set(ids)
        for key, item in self.groups.items():
            if key[1] in wanted:
                item.setText(self._group_label(key, len(self.shown.get(key, ()))))

    def refresh(self) -> None:
        """Bring the tree in line with the controller's findings, touching only changed groups."""
        wanted: dict[GroupKey, list[Finding]] = {}
        for f in self.problems.findings:
            wanted.setdefault((f.severity, f.primitive), []).append(f)
        new = {k: tuple(v) for k, v in wanted.items()}
        for key in [k for k in self.shown if k not in new]:
            item = self.groups.pop(key)
            self.roots[key[0]].removeRow(item.row())
            del self.shown[key]
        pos = {p.id: i for i, p in enumerate(self.hub.model.primitives)}
        changed = [k for k, v in new.items() if self.shown.get(k) != v]
        if len(changed) > 200:
            self._rebuild(new, pos)
            return
        for key, found in new.items():
            item = self.groups.get(key)
            if item is None:
                item = QStandardItem()
                item.setEditable(False)
                item.setData(key[1], KEY_ROLE)
                root = self.roots[key[0]]
                order = -1 if key[1] is None else pos.get(key[1], len(pos))
                row = 0
                while row < root.rowCount():
                    other = root.child(row).data(KEY_ROLE)
                    if (-1 if other is None else pos.get(other, len(pos))) > order:
                        break
                    row += 1
                root.insertRow(row, item)
                self.groups[key] = item
            elif self.shown.get(key) == found:
                item.setText(self._group_label(key, len(found)))
                continue
            item.removeRows(0, item.rowCount())
            item.appendRows([self._leaf(f) for f in found])
            item.setText(self._group_label(key, len(found)))
            self.shown[key] = found
        self._update_counts()
        self.tree.expandAll()
        self._check_details()

    def _rebuild(self, new: dict[GroupKey, tuple[Finding, ...]], pos: dict[str, int]) -> None:
        """Many groups changed (a document was opened): refill each severity in document order."""
        for root in self.roots.values():
            root.removeRows(0, root.rowCount())
        self.groups.clear()
        self.shown.clear()
        for key in sorted(new, key=lambda k: -1 if k[1] is None else pos.get(k[1], len(pos))):
            found = new[key]
            item = QStandardItem(self._group_label(key, len(found)))
            item.setEditable(False)
            item.setData(key[1], KEY_ROLE)
            item.appendRows([self._leaf(f) for f in found])
            self.roots[key[0]].appendRow(item)
            self.groups[key] = item
            self.shown[key] = found
        self._update_counts()
        self.tree.expandAll()
        self._check_details()

    def _check_details(self) -> None:
        """Clear the details of a finding that went away; otherwise keep them (and its row current)."""
        if self.detailed is None:
            return
        if self.detailed not in self.problems.findings:
            self.detailed = None
            self.details.clear()
            return
        if self.finding_at(self.tree.currentIndex()) != self.detailed:
            leaf = next((ix for ix in self._leaves() if self.finding_at(ix) == self.detailed), None)
            if leaf is not None:
                self.tree.selectionModel().setCurrentIndex(leaf, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @staticmethod
    def _leaf(f: Finding) -> QStandardItem:
        leaf = QStandardItem(f"{SEVERITY_MARKS[f.severity]} {f.code}  {f.message}")
        leaf.setEditable(False)
        leaf.setData(f, FINDING_ROLE)
        leaf.setToolTip(f.hint or f.message)
        return leaf

    def _update_counts(self) -> None:
        for sev, root in self.roots.items():
            n = sum(len(f) for k, f in self.shown.items() if k[0] == sev)
            root.setText(f"{SEVERITY_TITLES[sev]} ({n})")
            self.toggles[sev].setText(f"{SEVERITY_MARKS[sev]} {n}")

    # --- filtering -------------------------------------------------------------------------------

    def accepts(self, f: Finding) -> bool:
        if not self.toggles[f.severity].isChecked():
            return False
        if self.only_selection.isChecked() and f.primitive not in set(self.hub.selected()):
            return False
        text = self.search.text().strip().lower()
        if not text:
            return True
        name = ""
        if f.primitive is not None and (p := self.hub.model.get(f.primitive)) is not None:
            name = p.name.lower()
        return text in f.message.lower() or text in f.code.lower() or text in name

    def _refilter(self) -> None:
        self.proxy.invalidate()
        self.tree.expandAll()

    # --- acting on a finding -------------------------------------------------------------------

    def finding_at(self, index: QModelIndex) -> Finding | None:
        value = index.data(FINDING_ROLE)
        return value if isinstance(value, Finding) else None

    def go_to(self, index: QModelIndex) -> None:
        """Select the finding's primitive, centre it, and point the Inspector at the field."""
        finding = self.finding_at(index)
        pid = finding.primitive if finding is not None else index.data(KEY_ROLE)
        if not isinstance(pid, str) or pid not in self.hub.model:
            return
        self.hub.select([pid])
        if finding is not None and finding.path and finding.path[0] == "primitives":
            self.hub.focusField.emit(pid, tuple(finding.path[2:]))

    def _show_details(self, index: QModelIndex) -> None:
        finding = self.finding_at(index)
        if finding is None:
            if self.detailed is None or self.detailed not in self.problems.findings:
                self.detailed = None
                self.details.clear()
            return  # a group row, or the row went away in a refresh: _check_details decides
        self.detailed = finding
        rule = REGISTRY.get(finding.code)
        parts = [f"<p><b>{_esc(finding.message)}</b></p>"]
        if rule is not None:
            parts.append(f"<p>{finding.code} · {_esc(rule.title)}</p>")
        hint = finding.hint or (rule.hint if rule else None)
        if hint:
            parts.append(f"<p><b>How to fix:</b> {_esc(hint)}</p>")
        if rule is not None:
            parts.append(f"<p><b>Why it matters:</b> {_esc(rule.rationale)}</p>")
            parts.append(f"<p><i>Source: {_esc(rule.source)}</i></p>")
        self.details.setHtml("".join(parts))

    def _leaves(self) -> list[QModelIndex]:
        """The visible findings' rows, top to bottom."""
        leaves: list[QModelIndex] = []
        for r in range(self.proxy.rowCount()):
            sev = self.proxy.index(r, 0)
            for g in range(self.proxy.rowCount(sev)):
                group = self.proxy.index(g, 0, sev)
                leaves.extend(self.proxy.index(i, 0, group) for i in range(self.proxy.rowCount(group)))
        return leaves

    def next_problem(self, step: int = 1) -> None:
        """Move to the next (or previous) visible finding and go to it (F8 / Shift+F8)."""
        leaves = self._leaves()
        if not leaves:
            self.hub.report("no problems to go to")
            return
        current = self.tree.currentIndex()
        at = next((i for i, ix in enumerate(leaves) if ix == current), -1 if step > 0 else 0)
        target = leaves[(at + step) % len(leaves)]
        self.tree.setCurrentIndex(target)
        self.go_to(target)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
