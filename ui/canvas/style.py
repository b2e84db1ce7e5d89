"""Colours, pens and fonts of the canvas, for the light, dark and projector themes.

Items read the current :data:`STYLE` when they paint, so switching theme is one assignment and
a repaint. Pens, brushes and fonts are built once per theme, never in ``paint()``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

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

LOOKS = Path(__file__).resolve().parent.parent.parent / "resources" / "styles" / "canvas.json"
"""Colours, link styles, type scale and stroke widths of each look, as data."""

PEN_STYLES = {"solid": Qt.PenStyle.SolidLine, "dot": Qt.PenStyle.DotLine, "dash": Qt.PenStyle.DashLine,
              "dash-dot": Qt.PenStyle.DashDotLine}


def _known(variant: str) -> str:
    if variant not in VARIANTS:
        raise ValueError(f"unknown canvas style {variant!r}; expected one of {', '.join(VARIANTS)}")
    return variant


def _look(variant: str) -> dict[str, Any]:
    _known(variant)
    looks: dict[str, dict[str, Any]] = json.loads(LOOKS.read_text(encoding="utf-8"))
    return looks[variant]


class CanvasStyle:
    def __init__(self, variant: str = "light") -> None:
        look = _look(variant)
        self.variant = variant
        self.dark = variant == "dark"
        c = QColor
        pal = {k: c(v) for k, v in look["colors"].items()}
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
        self.links = {k: LinkStyle(c(colour), float(width), PEN_STYLES[line], bool(arrow))
                      for k, (colour, width, line, arrow) in look["links"].items()}
        self.phase = {k: c(v) for k, v in look["phases"].items()}
        self.problem = {k: c(v) for k, v in look["problems"].items()}
        border, selected = look["strokes"]
        self.card_pen = QPen(self.card_border, border)
        self.partner_pen = QPen(self.card_border, border, Qt.PenStyle.DashLine)
        self.select_pen = QPen(self.select, selected)
        self.lane_pen = QPen(self.lane_line, look["lane_line_width"])
        alpha, width = look["label_border"]
        self.label_border = (int(alpha), float(width))
        """Alpha and width of an edge label's outline (a faint one vanishes on a wall)."""
        self.card_brush = QBrush(self.card_fill)
        self.chip_brush = QBrush(self.chip_fill)
        k = float(look["type_scale"])
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
        self.presenting_name_font = _font(0, QFont.Weight.Bold, families=CONDENSED + FAMILIES)
        self.presenting_name_font.setPixelSize(int(look["presenting_name_px"]))
        """A card's name in presentation mode: sized in pixels, since two lines of it must fill the
        card's header (canvas units) whatever the screen's dots per inch."""


FAMILIES = ["Inter", "Cantarell", "Noto Sans", "DejaVu Sans", "Helvetica", "Arial"]
CONDENSED = ["Roboto Condensed", "Noto Sans Condensed", "DejaVu Sans Condensed", "Arial Narrow"]
"""Narrow faces first for names in presentation mode: more of a large name fits a card's width."""


def _font(points: float, weight: QFont.Weight = QFont.Weight.Normal, spacing: float = 0.0,
          families: list[str] | None = None) -> QFont:
    font = QFont()
    font.setFamilies(families or FAMILIES)
    if points:
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
        _current = _known(variant)
    if _current not in _STYLES:
        _STYLES[_current] = CanvasStyle(_current)
    return _STYLES[_current]


_current = "light"
_presenting = False


def presenting(on: bool | None = None) -> bool:
    """Whether cards are drawn for presentation mode (``on`` switches it): the name alone, large,
    on up to two lines. Items rebuilt after a switch pick it up, as after a theme change."""
    global _presenting
    if on is not None:
        _presenting = on
    return _presenting
