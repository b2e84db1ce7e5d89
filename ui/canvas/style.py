"""Colours, pens and fonts of the canvas, for the light, dark and projector themes.

Items read the current :data:`STYLE` when they paint, so switching theme is one assignment and
a repaint. Pens, brushes and fonts are built once per theme, never in ``paint()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

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


LANE_TITLE_WIDTH = 164.0
"""Room for a lane's title left of the gutter line (ui/canvas/lane_item.py draws it)."""

VARIANTS = ("light", "dark", "projector")
"""The canvas's looks. ``projector`` is a light one for a room: black text, strong lines and
borders, larger type, since a projector washes out pale greys and thin strokes."""

_PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "background": "#fbfbf9", "lane_fill_a": "#f3f4f7", "lane_fill_b": "#fbfbf9", "lane_line": "#dfe2e8",
        "lane_title": "#545b69", "lane_sub": "#8b93a1", "card_fill": "#ffffff", "card_border": "#9aa1ae",
        "card_text": "#1b1e24", "card_muted": "#6b7280", "chip_fill": "#eceff4", "chip_text": "#2a3140",
        "task_text": "#4b5261", "select": "#1f6feb", "label_bg": "#fbfbf9",
    },
    "dark": {
        "background": "#1d2027", "lane_fill_a": "#23262e", "lane_fill_b": "#1f2229", "lane_line": "#353a45",
        "lane_title": "#b8c0cc", "lane_sub": "#7d8694", "card_fill": "#2b2f38", "card_border": "#4a5060",
        "card_text": "#eef1f5", "card_muted": "#a1a9b6", "chip_fill": "#363b46", "chip_text": "#e3e7ee",
        "task_text": "#b9c0cb", "select": "#5aa9ff", "label_bg": "#1d2027",
    },
    "projector": {
        "background": "#ffffff", "lane_fill_a": "#e6eaf1", "lane_fill_b": "#ffffff", "lane_line": "#8d95a3",
        "lane_title": "#111418", "lane_sub": "#2f3540", "card_fill": "#ffffff", "card_border": "#2f3540",
        "card_text": "#000000", "card_muted": "#2f3540", "chip_fill": "#d9dfe9", "chip_text": "#000000",
        "task_text": "#161a20", "select": "#0047d6", "label_bg": "#ffffff",
    },
}

LinkSpec = tuple[str, float, Qt.PenStyle, bool]
_SOLID, _DOT, _DASH, _DASHDOT = (Qt.PenStyle.SolidLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashLine,
                                 Qt.PenStyle.DashDotLine)
_LINKS: dict[str, dict[str, LinkSpec]] = {
    "light": {
        "accountable-to": ("#2f3747", 1.6, _SOLID, True),
        "funds": ("#1f8a5a", 2.2, _SOLID, True),
        "coordinates-with": ("#6a5acd", 1.6, _DOT, False),
        "partners-with": ("#c07a16", 1.6, _DASH, False),
        "uses-role": ("#2f7fc1", 1.6, _DASHDOT, True),
        "contains": ("#c4c9d2", 1.2, _SOLID, False),
    },
    "dark": {
        "accountable-to": ("#c3cad6", 1.6, _SOLID, True),
        "funds": ("#4cc38a", 2.2, _SOLID, True),
        "coordinates-with": ("#a195f0", 1.6, _DOT, False),
        "partners-with": ("#e0a458", 1.6, _DASH, False),
        "uses-role": ("#6cb6f0", 1.6, _DASHDOT, True),
        "contains": ("#596070", 1.2, _SOLID, False),
    },
    # Saturated, dark hues that survive a washed-out beam; every stroke about twice as wide.
    "projector": {
        "accountable-to": ("#000000", 3.0, _SOLID, True),
        "funds": ("#006b3c", 4.0, _SOLID, True),
        "coordinates-with": ("#4b2bb8", 3.0, _DOT, False),
        "partners-with": ("#a65300", 3.0, _DASH, False),
        "uses-role": ("#0054a8", 3.0, _DASHDOT, True),
        "contains": ("#7d8596", 2.0, _SOLID, False),
    },
}

_TYPE_SCALE = {"light": 1.0, "dark": 1.0, "projector": 1.15}
"""Canvas type grows less than the widgets' (cards keep their size; names elide sooner)."""

_STROKES = {"light": (1.2, 2.6), "dark": (1.2, 2.6), "projector": (2.2, 4.0)}
"""Card border and selection outline widths."""


class CanvasStyle:
    def __init__(self, variant: str = "light") -> None:
        if variant not in _PALETTES:
            raise ValueError(f"unknown canvas style {variant!r}; expected one of {', '.join(VARIANTS)}")
        self.variant = variant
        self.dark = variant == "dark"
        c = QColor
        pal = {k: c(v) for k, v in _PALETTES[variant].items()}
        self.background = pal["background"]
        self.lane_fill = (pal["lane_fill_a"], pal["lane_fill_b"])
        self.lane_line = pal["lane_line"]
        self.lane_title = pal["lane_title"]
        self.lane_sub = pal["lane_sub"]
        self.card_fill = pal["card_fill"]
        self.card_border = pal["card_border"]
        self.card_text = pal["card_text"]
        self.card_muted = pal["card_muted"]
        self.chip_fill = pal["chip_fill"]
        self.chip_text = pal["chip_text"]
        self.task_text = pal["task_text"]
        self.select = pal["select"]
        self.label_bg = pal["label_bg"]
        self.links = {k: LinkStyle(c(v[0]), v[1], v[2], v[3]) for k, v in _LINKS[variant].items()}
        self.phase = {k: c(v) for k, v in PHASE_COLORS.items()}
        self.problem = {"error": c("#d64545"), "warning": c("#e07b24"), "info": c("#3d7ff0")}
        border, selected = _STROKES[variant]
        self.card_pen = QPen(self.card_border, border)
        self.partner_pen = QPen(self.card_border, border, Qt.PenStyle.DashLine)
        self.select_pen = QPen(self.select, selected)
        self.lane_pen = QPen(self.lane_line, 0 if variant != "projector" else 1.5)
        self.label_border = (255, 1.6) if variant == "projector" else (110, 1.0)
        """Alpha and width of an edge label's outline (a faint one vanishes on a wall)."""
        self.card_brush = QBrush(self.card_fill)
        self.chip_brush = QBrush(self.chip_fill)
        k = _TYPE_SCALE[variant]
        self.kind_font = _font(7.5 * k, QFont.Weight.Bold, spacing=0.8)
        self.name_font = _font(11.5 * k, QFont.Weight.Bold)
        self.summary_font = _font(8.5 * k, QFont.Weight.Medium if k > 1 else QFont.Weight.Normal)
        self.badge_font = _font(7.5 * k, QFont.Weight.Bold)
        self.chip_font = _font(9 * k, QFont.Weight.DemiBold)
        self.task_font = _font(8.5 * k, QFont.Weight.Medium if k > 1 else QFont.Weight.Normal)
        self.lane_font = _fitting(_font(13 * k, QFont.Weight.Bold, spacing=1.0),
                                  [title for title, _ in SCALE_LABELS.values()], LANE_TITLE_WIDTH)
        self.lane_sub_font = _font(9 * k)
        self.edge_font = _font(8.5 * k, QFont.Weight.Bold if k > 1 else QFont.Weight.DemiBold)
        self.legend_font = _font(9 * k)


def _font(points: float, weight: QFont.Weight = QFont.Weight.Normal, spacing: float = 0.0) -> QFont:
    font = QFont()
    font.setFamilies(["Inter", "Cantarell", "Noto Sans", "DejaVu Sans", "Helvetica", "Arial"])
    font.setPointSizeF(points)
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


def _fitting(font: QFont, texts: list[str], width: float) -> QFont:
    """``font``, made smaller until every text fits ``width`` (the lane gutter is fixed; the fonts
    found on a machine are not)."""
    while font.pointSizeF() > 8 and max(QFontMetricsF(font).horizontalAdvance(t) for t in texts) > width:
        font.setPointSizeF(font.pointSizeF() - 0.5)
    return font


_STYLES: dict[str, CanvasStyle] = {}


def style(variant: str | None = None) -> CanvasStyle:
    """The canvas style of the current theme (``variant``, one of :data:`VARIANTS`, switches it)."""
    global _current
    if variant is not None:
        if variant not in _PALETTES:
            raise ValueError(f"unknown canvas style {variant!r}; expected one of {', '.join(VARIANTS)}")
        _current = variant
    if _current not in _STYLES:
        _STYLES[_current] = CanvasStyle(_current)
    return _STYLES[_current]


_current = "light"
