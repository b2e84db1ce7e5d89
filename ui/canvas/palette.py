"""The palette: drag a DAO, cell, role, task or partner onto the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import QColor, QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.canvas.style import style

KIND_MIME = "application/x-dao-designer-kind"
NEW_NAMES = {"dao": "New DAO", "cell": "New cell", "role": "New role", "task": "New task", "partner": "New partner"}
ENTRIES = [
    ("dao", "DAO", "A DAO: drop it into a lane"),
    ("cell", "Cell", "A cell: drop it into a lane, or onto a DAO or cell"),
    ("role", "Role", "A role: drop it onto a DAO or cell"),
    ("task", "Task", "A task: drop it onto a role, cell or task"),
    ("partner", "Partner", "An outside organization: drop it into a lane"),
]


def kind_icon(kind: str, size: int = 28) -> QIcon:
    s = style()
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = {"dao": "#2a8a9c", "cell": "#3a9a5b", "role": "#6a5acd", "task": "#7d8799", "partner": "#d9962b"}[kind]
    p.setPen(QColor(colour))
    p.setBrush(s.card_fill)
    if kind == "role":
        p.drawRoundedRect(2, 8, size - 4, size - 16, 6, 6)
    elif kind == "task":
        p.drawRect(7, 7, size - 14, size - 14)
    else:
        if kind == "partner":
            pen = p.pen()
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
        p.drawRoundedRect(2, 4, size - 4, size - 8, 4, 4)
        p.fillRect(3, 6, 3, size - 12, QColor(colour))
    p.end()
    return QIcon(pix)


class Palette(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(2)
        for kind, label, tip in ENTRIES:
            item = QListWidgetItem(kind_icon(kind), label)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(tip)
            self.addItem(item)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if items:
            data.setData(KIND_MIME, str(items[0].data(Qt.ItemDataRole.UserRole)).encode())
        return data

    def startDrag(self, actions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.setPixmap(item.icon().pixmap(28, 28))
        drag.exec(Qt.DropAction.CopyAction)
