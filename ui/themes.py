"""Light and dark themes that follow the system (or a choice kept in the settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.canvas.style import style

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"
THEMES = ("system", "light", "dark")


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
    return p


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply ``theme`` (system, light or dark) to the widgets and the canvas; returns whether it is dark."""
    dark = is_dark(theme)
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    qss = STYLES / ("dark.qss" if dark else "light.qss")
    app.setStyleSheet(qss.read_text(encoding="utf-8") if qss.exists() else "")
    style(dark)
    return dark
