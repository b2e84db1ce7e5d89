"""Colours, pens and fonts of the canvas, for the light and the dark theme.

Items read the current :data:`STYLE` when they paint, so switching theme is one assignment and
a repaint. Pens, brushes and fonts are built once per theme, never in ``paint()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

PHASE_COLORS = {
    "conversation": "#7d8799",
    "formation": "#d9962b",
    "organization": "#3a9a5b",
    "iteration": "#2a8a9c",
    "completion": "#6b5bb5",
}

SCALE_LABELS = {
    "network": ("NETWORK", "many organizations"),
    "constituency": ("CONSTITUENCY", "hundreds and more"),
    "coordination": ("COORDINATION", "10 to 150 people"),
    "collaboration": ("COLLABORATION", "fewer than 10 people"),
}

LINK_LABELS = {
    "accountable-to": "accountable to",
    "funds": "funds",
    "coordinates-with": "coordinates with",
    "partners-with": "partners with",
    "uses-role": "uses role",
    "contains": "contains",
}


@dataclass
class LinkStyle:
    color: QColor
    width: float
    dash: Qt.PenStyle
    arrow: bool
    pen: QPen = field(init=False)

    def __post_init__(self) -> None:
        self.pen = QPen(self.color, self.width, self.dash, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        self.pen.setCosmetic(False)


class CanvasStyle:
    def __init__(self, dark: bool = False) -> None:
        self.dark = dark
        c = QColor
        if dark:
            self.background = c("#1d2027")
            self.lane_fill = (c("#23262e"), c("#1f2229"))
            self.lane_line = c("#353a45")
            self.lane_title = c("#b8c0cc")
            self.lane_sub = c("#7d8694")
            self.card_fill = c("#2b2f38")
            self.card_border = c("#4a5060")
            self.card_text = c("#eef1f5")
            self.card_muted = c("#a1a9b6")
            self.chip_fill = c("#363b46")
            self.chip_text = c("#e3e7ee")
            self.task_text = c("#b9c0cb")
            self.select = c("#5aa9ff")
            self.label_bg = c("#1d2027")
            links = {
                "accountable-to": ("#c3cad6", 1.6, Qt.PenStyle.SolidLine, True),
                "funds": ("#4cc38a", 2.2, Qt.PenStyle.SolidLine, True),
                "coordinates-with": ("#a195f0", 1.6, Qt.PenStyle.DotLine, False),
                "partners-with": ("#e0a458", 1.6, Qt.PenStyle.DashLine, False),
                "uses-role": ("#6cb6f0", 1.6, Qt.PenStyle.DashDotLine, True),
                "contains": ("#596070", 1.2, Qt.PenStyle.SolidLine, False),
            }
        else:
            self.background = c("#fbfbf9")
            self.lane_fill = (c("#f3f4f7"), c("#fbfbf9"))
            self.lane_line = c("#dfe2e8")
            self.lane_title = c("#545b69")
            self.lane_sub = c("#8b93a1")
            self.card_fill = c("#ffffff")
            self.card_border = c("#9aa1ae")
            self.card_text = c("#1b1e24")
            self.card_muted = c("#6b7280")
            self.chip_fill = c("#eceff4")
            self.chip_text = c("#2a3140")
            self.task_text = c("#4b5261")
            self.select = c("#1f6feb")
            self.label_bg = c("#fbfbf9")
            links = {
                "accountable-to": ("#2f3747", 1.6, Qt.PenStyle.SolidLine, True),
                "funds": ("#1f8a5a", 2.2, Qt.PenStyle.SolidLine, True),
                "coordinates-with": ("#6a5acd", 1.6, Qt.PenStyle.DotLine, False),
                "partners-with": ("#c07a16", 1.6, Qt.PenStyle.DashLine, False),
                "uses-role": ("#2f7fc1", 1.6, Qt.PenStyle.DashDotLine, True),
                "contains": ("#c4c9d2", 1.2, Qt.PenStyle.SolidLine, False),
            }
        self.links = {k: LinkStyle(c(v[0]), v[1], v[2], v[3]) for k, v in links.items()}
        self.phase = {k: c(v) for k, v in PHASE_COLORS.items()}
        self.problem = {"error": c("#d64545"), "warning": c("#e07b24"), "info": c("#3d7ff0")}
        self.card_pen = QPen(self.card_border, 1.2)
        self.partner_pen = QPen(self.card_border, 1.2, Qt.PenStyle.DashLine)
        self.select_pen = QPen(self.select, 2.6)
        self.card_brush = QBrush(self.card_fill)
        self.chip_brush = QBrush(self.chip_fill)
        self.kind_font = _font(7.5, QFont.Weight.Bold, spacing=0.8)
        self.name_font = _font(11.5, QFont.Weight.Bold)
        self.summary_font = _font(8.5)
        self.badge_font = _font(7.5, QFont.Weight.Bold)
        self.chip_font = _font(9, QFont.Weight.DemiBold)
        self.task_font = _font(8.5)
        self.lane_font = _font(13, QFont.Weight.Bold, spacing=1.0)
        self.lane_sub_font = _font(9)
        self.edge_font = _font(8.5, QFont.Weight.DemiBold)
        self.legend_font = _font(9)


def _font(points: float, weight: QFont.Weight = QFont.Weight.Normal, spacing: float = 0.0) -> QFont:
    font = QFont()
    font.setFamilies(["Inter", "Cantarell", "Noto Sans", "DejaVu Sans", "Helvetica", "Arial"])
    font.setPointSizeF(points)
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


_STYLES: dict[bool, CanvasStyle] = {}


def style(dark: bool | None = None) -> CanvasStyle:
    """The canvas style of the current theme (``dark`` switches it)."""
    global _current
    if dark is not None:
        _current = dark
    if _current not in _STYLES:
        _STYLES[_current] = CanvasStyle(_current)
    return _STYLES[_current]


_current = False
