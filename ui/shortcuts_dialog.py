"""Help > Keyboard Shortcuts (F1): the keys in a table that scrolls, in a window that fits the screen.

A message box grows with its text: in the Projector theme the list is taller than a 1080-line
screen and its OK button ends up off-screen. This window takes the table's natural size, but no
more than the screen's available geometry allows; the rest scrolls.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

SCREEN_SHARE = 0.9
"""The most of the screen's available width and height the window takes."""


def shortcuts_html(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
                    for what, keys in rows)
    return f"<table cellspacing='0' cellpadding='3'>{cells}</table>"


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-dialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = QTextBrowser()
        self.source = shortcuts_html(rows)
        self.table.setHtml(self.source)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fitting_size())

    def html(self) -> str:
        """The table as built (what the window shows)."""
        return self.source

    def fitting_size(self) -> QSize:
        """The table's natural size plus the button row, capped by the screen's available geometry."""
        doc = self.table.document()
        doc.setTextWidth(-1)
        natural = doc.size().toSize()
        doc.setTextWidth(natural.width())
        extra = self.layout().contentsMargins()
        chrome_w = extra.left() + extra.right() + 2 * self.table.frameWidth() + \
            self.table.verticalScrollBar().sizeHint().width() + 8
        chrome_h = extra.top() + extra.bottom() + self.layout().spacing() + self.buttons.sizeHint().height() + \
            2 * self.table.frameWidth() + 8
        want = QSize(natural.width() + chrome_w, natural.height() + chrome_h)
        screen = (self.parentWidget().screen() if self.parentWidget() is not None else None) or \
            QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * SCREEN_SHARE
        return want.boundedTo(room)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        screen = self.screen().availableGeometry()
        frame = self.frameGeometry()
        frame.moveCenter(screen.center())
        self.move(frame.topLeft())
