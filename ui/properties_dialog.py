"""File > Properties: the organization's name, approach and description.

The name is what the window title, the canvas header and every export show (until it is set the
app says "Untitled network"). OK pushes one step ("Edit properties") made of ``EditSection``
commands for what changed; the approach also fills the design guide's approach choice, as the
Guide panel's own field does, so the two never disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from designer.commands.links import EditSection
from designer.commands.stack import Command
from designer.model.kinds import APPROACHES
from ui.canvas.interactions import push_gesture
from ui.panel_keys import back_to_canvas

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class PropertiesDialog(QDialog):
    """The organization's fields; ``commands()`` says what OK changes."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle("Properties")
        self.setObjectName("properties-dialog")
        self.window_ = window
        org = window.model.organization
        self.name = QLineEdit(org.name)
        self.name.setObjectName("properties-name")
        self.name.selectAll()
        self.approach = QComboBox()
        self.approach.addItems(list(APPROACHES))
        self.approach.setCurrentText(org.approach)
        self.description = QPlainTextEdit(org.description or "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 4 + 14)
        form = QFormLayout()
        form.addRow("&Organization name", self.name)
        form.addRow("&Approach", self.approach)
        form.addRow("&Description", self.description)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Shown in the window title, at the top of the canvas and in every export."))
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def commands(self) -> list[Command]:
        org = self.window_.model.organization
        out: list[Command] = []
        # A field counts as edited only when its text differs from what the dialog was filled with;
        # then it is stored trimmed. Trimming first would "edit" a stored value that has surrounding
        # spaces or a YAML block's final newline although the user never touched it.
        if self.name.text() != org.name:
            out.append(EditSection("organization.name", self.name.text().strip(), title="Name the organization"))
        approach = self.approach.currentText()
        if approach != org.approach:
            out.append(EditSection("organization.approach", approach))
            out.append(EditSection("design.approach.choice", approach))
        if self.description.toPlainText() != (org.description or ""):
            out.append(EditSection("organization.description", self.description.toPlainText().strip() or None))
        return out

    def accept(self) -> None:
        """Apply what changed as one step; a refusal (an empty name) stays in the dialog, said under it."""
        if not self.name.text().strip():
            self._refuse("the organization needs a name")
            return
        commands = self.commands()
        if commands:
            errors: list[str] = []
            if not push_gesture(self.window_.stack, "Edit properties", list(commands), errors.append):
                self._refuse(errors[0] if errors else "not saved")
                return
            self.window_.report(f"organization: {self.window_.model.organization.name}")
        super().accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(f"Not saved: {text}")
        self.message.show()


def edit_properties(window: MainWindow) -> PropertiesDialog:
    """Open File > Properties (window-modal, not blocking: tests type into it like a person)."""
    dialog = PropertiesDialog(window)
    dialog.finished.connect(lambda _r: back_to_canvas(window, dialog))
    dialog.open()
    dialog.name.setFocus()
    return dialog


