"""Light and dark themes that follow the system (or a choice kept in the settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.canvas.style import style

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"
THEMES = ("system", "light", "dark")
DARK_EXTRA = """
/* Fusion draws a box's frame darker than the window: on a dark window an empty box disappears. */
QCheckBox::indicator:unchecked, QGroupBox::indicator:unchecked, QTreeView::indicator:unchecked,
QListView::indicator:unchecked, QTableView::indicator:unchecked {
    width: 13px; height: 13px; border: 1px solid #9aa3b2; border-radius: 2px; background: #2b2f38;
}
QCheckBox::indicator:unchecked:hover { border-color: #c9d1dc; }
QCheckBox::indicator:unchecked:disabled { border-color: #5a6170; background: #23262e; }
"""
"""Touches the dark theme needs beyond its palette, whatever ``dark.qss`` holds."""


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def is_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_is_dark())


def _dark_palette() -> QPalette:
    p = QPalette()
    c = QColor
    roles = {
        QPalette.ColorRole.Window: c("#23262e"), QPalette.ColorRole.WindowText: c("#e6e9ef"),
        QPalette.ColorRole.Base: c("#1d2027"), QPalette.ColorRole.AlternateBase: c("#2b2f38"),
        QPalette.ColorRole.Text: c("#e6e9ef"), QPalette.ColorRole.Button: c("#2b2f38"),
        QPalette.ColorRole.ButtonText: c("#e6e9ef"), QPalette.ColorRole.Highlight: c("#3d7ff0"),
        QPalette.ColorRole.HighlightedText: c("#ffffff"), QPalette.ColorRole.ToolTipBase: c("#2b2f38"),
        QPalette.ColorRole.ToolTipText: c("#e6e9ef"), QPalette.ColorRole.PlaceholderText: c("#8a93a3"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    # the shades Fusion draws frames and bevels with; left alone they are the light theme's
    shades = {
        QPalette.ColorRole.Light: c("#4a505c"), QPalette.ColorRole.Midlight: c("#3a3f4a"),
        QPalette.ColorRole.Mid: c("#5a6170"), QPalette.ColorRole.Dark: c("#15171c"),
        QPalette.ColorRole.Shadow: c("#000000"),
    }
    for role, colour in shades.items():
        p.setColor(role, colour)
    # disabled widgets and actions (a greyed Redo) must look it: the same colours for every group
    # would draw them like enabled ones
    grey = c("#6b7280")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.HighlightedText, QPalette.ColorRole.PlaceholderText):
        p.setColor(QPalette.ColorGroup.Disabled, role, grey)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, c("#262930"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, c("#23262e"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, c("#3a3f4a"))
    return p


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply ``theme`` (system, light or dark) to the widgets and the canvas; returns whether it is dark."""
    dark = is_dark(theme)
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    qss = STYLES / ("dark.qss" if dark else "light.qss")
    sheet = qss.read_text(encoding="utf-8") if qss.exists() else ""
    app.setStyleSheet(sheet + DARK_EXTRA if dark else sheet)
    style(dark)
    return dark
