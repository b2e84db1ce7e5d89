"""File > New: a dialog that shows the templates with their descriptions and asks the
organization's name (shown in the title, on the canvas and in every export)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.framework.templates import Template, templates

PLACEHOLDER_NAME = "Untitled network"


class TemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New from Template")
        self.resize(520, 420)
        self.templates = templates()
        lay = QVBoxLayout(self)
        self.name = QLineEdit()
        self.name.setObjectName("template-organization-name")
        self.name.setPlaceholderText(PLACEHOLDER_NAME)
        self.name.setToolTip("Shown in the window title, at the top of the canvas and in every export; "
                             "File > Properties changes it later")
        form = QFormLayout()
        form.addRow("Organization &name:", self.name)
        lay.addLayout(form)
        self.list = QListWidget()
        for t in self.templates:
            item = QListWidgetItem(f"{t.title}\n{t.description}")
            item.setData(Qt.ItemDataRole.UserRole, t.name)
            self.list.addItem(item)
        # whole descriptions, wrapped to the dialog's width (no sideways scrolling)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        start = QLabel("&Start from:")
        start.setBuddy(self.list)
        lay.addWidget(start)
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.name.setFocus()

    def chosen(self) -> Template | None:
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def organization_name(self) -> str:
        """The typed name, or the placeholder when none was typed."""
        return self.name.text().strip()[:1000] or PLACEHOLDER_NAME
