"""Light and dark themes that follow the system, and a projector theme for workshops.

The choice is kept in the settings. The projector theme is a light one with high contrast, larger
type in the widgets and on the canvas, and wider strokes: on a wall, thin pale lines and small grey
text disappear first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.canvas.style import style

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"
THEMES = ("system", "light", "dark", "projector")
PROJECTOR_FONT_SCALE = 1.3
"""The widgets' type on a projector, relative to the system's (menus, panels, status bar)."""
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


def variant_of(theme: str) -> str:
    """The canvas style a theme draws with: ``light``, ``dark`` or ``projector``."""
    if theme == "projector":
        return "projector"
    return "dark" if is_dark(theme) else "light"


def _projector_palette(base: QPalette) -> QPalette:
    """The light palette with black text and a strong highlight (washed-out greys vanish on a wall)."""
    p = QPalette(base)
    c = QColor
    for role, colour in {
        QPalette.ColorRole.Window: c("#f4f6f9"), QPalette.ColorRole.WindowText: c("#000000"),
        QPalette.ColorRole.Base: c("#ffffff"), QPalette.ColorRole.AlternateBase: c("#e6eaf1"),
        QPalette.ColorRole.Text: c("#000000"), QPalette.ColorRole.ButtonText: c("#000000"),
        QPalette.ColorRole.Highlight: c("#0047d6"), QPalette.ColorRole.HighlightedText: c("#ffffff"),
        QPalette.ColorRole.PlaceholderText: c("#4b5261"), QPalette.ColorRole.Mid: c("#6b7280"),
        QPalette.ColorRole.Dark: c("#4b5261"),
    }.items():
        p.setColor(QPalette.ColorGroup.Active, role, colour)
        p.setColor(QPalette.ColorGroup.Inactive, role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, c("#8a919e"))
    return p


FONT_CLASSES = ("", "QMenuBar", "QMenu", "QToolButton", "QPushButton", "QLabel", "QStatusBar", "QDockWidget",
                "QDockWidgetTitle", "QTabBar", "QHeaderView", "QAbstractItemView", "QListView", "QComboBox",
                "QComboMenuItem", "QComboLineEdit", "QLineEdit", "QTextEdit", "QPlainTextEdit", "QCheckBox",
                "QRadioButton", "QGroupBox", "QMessageBox", "QTipLabel")
"""The widget classes a platform theme may give fonts of their own ("" is the application font):
each one has to grow with the projector theme, or menus and headers stay small."""

_BASE_FONTS: dict[str, QFont] = {}
"""The fonts before any theme changed them (the projector theme enlarges them, the others restore)."""


def _set_font_scale(app: QApplication, scale: float) -> None:
    if not _BASE_FONTS:
        _BASE_FONTS.update({name: QFont(QApplication.font(name) if name else app.font()) for name in FONT_CLASSES})
    for name, base in _BASE_FONTS.items():
        font = QFont(base)
        if scale != 1.0:
            if font.pointSizeF() > 0:
                font.setPointSizeF(round(font.pointSizeF() * scale, 1))
            elif font.pixelSize() > 0:
                font.setPixelSize(round(font.pixelSize() * scale))
        current = QApplication.font(name) if name else app.font()
        if font != current:
            if name:
                QApplication.setFont(font, name)
            else:
                QApplication.setFont(font)


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


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` (one of :data:`THEMES`) to the widgets and the canvas; returns the canvas
    style it chose (``light``, ``dark`` or ``projector``)."""
    variant = variant_of(theme)
    app.setStyle("Fusion")
    standard = app.style().standardPalette()
    palettes = {"dark": _dark_palette, "projector": lambda: _projector_palette(standard)}
    app.setPalette(palettes[variant]() if variant in palettes else standard)
    _set_font_scale(app, PROJECTOR_FONT_SCALE if variant == "projector" else 1.0)
    # Font changes reach the widgets as posted events; a style sheet set before they are delivered
    # keeps the widgets on their old fonts.
    QApplication.sendPostedEvents()
    qss = STYLES / f"{variant}.qss"
    sheet = qss.read_text(encoding="utf-8") if qss.exists() else ""
    app.setStyleSheet(sheet + DARK_EXTRA if variant == "dark" else sheet)
    style(variant)
    return variant
