"""A card: a DAO, cell or partner in its lane, with kind, name, phase strip and badge, summary.

Text is painted in ``paint()`` from lines wrapped once in :meth:`CardItem.set_primitive`: a name
takes up to two lines before anything is cut, so a name of two lines is never shortened. The
outline path is cached. Zoomed far out (level of detail below 0.4) a card is one filled rect. In
presentation mode (:func:`ui.canvas.style.presenting`) a card shows its name alone, large.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.framework.phases import phase_info
from designer.layout.geometry import CARD_HEADER, CARD_PAD, CARD_WIDTH
from designer.model.primitives import AnyPrimitive
from ui.canvas.style import presenting, style

KIND_LABEL = {"dao": "DAO", "cell": "CELL", "partner": "PARTNER", "role": "ROLE", "task": "TASK"}
HANDLE_RADIUS = 7.0
LOD_SIMPLE = 0.4
NAME_TOP = 22.0
NAME_LINES = 2
INNER_WIDTH = CARD_WIDTH - 2 * CARD_PAD - 6
PRESENTING_LEFT = 12.0
"""Where a name starts in presentation mode (no kind line: the name has the header to itself)."""
PRESENTING_WIDTH = CARD_WIDTH - PRESENTING_LEFT - 6
PRESENTING_LEADING = 1.05
SMALLEST_ON_SCREEN = 0.7
"""How far a name too long for two lines is set smaller on screen before its end is cut."""


def summary_of(p: AnyPrimitive) -> str:
    """One line under the name: top-level, members, treasury, or the description."""
    parts: list[str] = []
    if getattr(p, "entity", None) == "legal-entity":
        parts.append("legal entity")
    if getattr(p, "top_level", False):
        parts.append("top-level")
    if getattr(p, "stakeholder_group", False):
        parts.append("stakeholder group")
    if getattr(p, "ephemeral", False):
        parts.append("ephemeral")
    members = getattr(p, "members", None) or []
    if members:
        parts.append(f"{len(members)} member{'s' if len(members) != 1 else ''}")
    practice = getattr(getattr(p, "state", None), "practice", None)
    treasury = getattr(practice, "treasury", None)
    if treasury is not None and treasury.threshold and treasury.signers:
        parts.append(f"{treasury.threshold}-of-{len(treasury.signers)} {treasury.kind or 'multisig'}")
    protocol = getattr(getattr(practice, "decision_making", None), "protocol", None)
    if protocol and protocol != "other":
        parts.append(protocol.replace("-", " "))
    if not parts and p.description:
        return p.description.split(". ")[0]
    return " · ".join(parts)


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, lines: int = NAME_LINES) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of ``width``; a word wider than a line
    is broken inside it, and only what still does not fit is cut, with "…" at the end."""
    words = text.split()[::-1]  # a stack: the next word is last
    out: list[str] = []
    while words and len(out) < lines:
        line = words.pop()
        if metrics.horizontalAdvance(line) > width and len(line) > 1:  # one word wider than a line
            low, high = 1, len(line) - 1  # the longest start that fits: a binary search
            while low < high:
                mid = (low + high + 1) // 2
                low, high = (mid, high) if metrics.horizontalAdvance(line[:mid]) <= width else (low, mid - 1)
            cut = low
            words.append(line[cut:])
            line = line[:cut]
        else:
            while words and metrics.horizontalAdvance(f"{line} {words[-1]}") <= width:
                line = f"{line} {words.pop()}"
        out.append(line)
    if words and out:
        rest = " ".join([out[-1], *reversed(words)])
        out[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return out or [""]


def _whole_words(lines: list[str], text: str) -> bool:
    """Whether ``lines`` hold ``text`` whole, broken only between words."""
    return [w for line in lines for w in line.split()] == text.split()


def _spacing(font: QFont) -> float:
    """Line pitch of a card's name: the font's own, or tighter for the large presentation type
    (two lines of it must share a card header)."""
    spacing = QFontMetricsF(font).lineSpacing()
    return min(spacing, PRESENTING_LEADING * font.pixelSize()) if font.pixelSize() > 0 else spacing


def fitted_name(name: str, font: QFont, height: float, width: float = INNER_WIDTH,
                smallest: float = 0.0) -> tuple[QFont, list[str]] | None:
    """``font`` made smaller until the whole of ``name`` wraps into ``height``, and the lines to
    draw; None when that needs less than ``smallest`` times the size."""
    pixels = font.pixelSize() > 0
    base = size = float(font.pixelSize()) if pixels else font.pointSizeF()
    metrics = QFontMetricsF(font)
    # start near the size at which the text's area fills the room, then step down
    size *= min(1.0, (height * width / max(1.0, metrics.horizontalAdvance(name) * _spacing(font))) ** 0.5)
    smaller = QFont(font)
    while size >= base * smallest:
        if pixels:
            smaller.setPixelSize(max(1, int(size)))
        else:
            smaller.setPointSizeF(max(0.5, size))
        lines = wrap_lines(name, QFontMetricsF(smaller), width, lines=len(name) + 1)
        whole = _whole_words(lines, name)
        if (len(lines) * _spacing(smaller) <= height and whole) or size <= 1:
            return smaller, lines
        size *= 0.92
    return None


def checklist_progress(p: AnyPrimitive) -> tuple[int, int]:
    """(ticked, all) items of the checklists of ``p``'s current phase; (0, 0) without a phase."""
    phase = getattr(p, "phase", None)
    if phase is None:
        return (0, 0)
    info = phase_info(phase)
    ticked = set(p.checklist.get(phase, [])) & info.item_ids
    return (len(ticked), len(info.items))


class CardItem(QGraphicsItem):
    """One DAO, cell or partner card. Chips and task rows are its child items."""

    def __init__(self, primitive: AnyPrimitive, height: float) -> None:
        super().__init__()
        self.pid = primitive.id
        self.kind = primitive.kind
        self.problems = 0
        self.problem_severity = "warning"
        self.folded = False
        self._height = height
        self._rect = QRectF(0, 0, CARD_WIDTH, height)
        self._outline = QPainterPath()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(1)
        self.set_primitive(primitive, height)

    # --- data --------------------------------------------------------------------------------

    def set_primitive(self, p: AnyPrimitive, height: float) -> None:
        s = style()
        self.name = p.name
        self.phase = getattr(p, "phase", None) or ""
        badge_w = QFontMetricsF(s.badge_font).horizontalAdvance(self.phase) + 16 if self.phase else 0.0
        self._badge_w = badge_w
        self._presenting = presenting()
        self._name_font = s.presenting_name_font if self._presenting else s.name_font
        self._name_left, self._name_width = (PRESENTING_LEFT, PRESENTING_WIDTH) if self._presenting else (
            CARD_PAD + 6, INNER_WIDTH)
        self._name_spacing = _spacing(self._name_font)
        self._name_room = NAME_LINES * self._name_spacing
        self._names = wrap_lines(p.name, QFontMetricsF(self._name_font), self._name_width)
        self._cut = not _whole_words(self._names, p.name)
        if self._cut:  # smaller type before a cut, within reason on screen
            fitted = fitted_name(p.name, self._name_font, self._name_room, self._name_width, SMALLEST_ON_SCREEN)
            if fitted is not None:
                self._name_font, self._names = fitted
                self._name_spacing = _spacing(self._name_font)
                self._cut = False
        self._summary = "" if self._presenting else QFontMetricsF(s.summary_font).elidedText(
            summary_of(p), Qt.TextElideMode.ElideRight, INNER_WIDTH
        )
        self._kind = KIND_LABEL.get(p.kind, p.kind.upper())
        self.progress = checklist_progress(p)
        if height != self._height:
            self.prepareGeometryChange()
            self._height = height
        self._rect = QRectF(0, 0, CARD_WIDTH, height)
        self._outline = QPainterPath()
        self._outline.addRoundedRect(self._rect, 7, 7)
        self.update()

    def set_problems(self, count: int, severity: str = "warning") -> None:
        """The validation badge: a count in the card's top-right corner (0 hides it)."""
        if (count, severity) != (self.problems, self.problem_severity):
            self.problems, self.problem_severity = count, severity
            self.update()

    @property
    def height(self) -> float:
        return self._height

    def handle_center(self) -> QPointF:
        """The link handle, on the right edge: drag from it to draw a link."""
        return QPointF(CARD_WIDTH, self._height / 2)

    def name_rect(self) -> QRectF:
        """Where the name's first line sits (the rename editor opens over it)."""
        return QRectF(CARD_PAD + 6, NAME_TOP, INNER_WIDTH, 24)

    def name_lines(self) -> list[str]:
        """The name as drawn: one or two lines (the last cut with "…" only when two do not hold it)."""
        return list(self._names)

    def fold_rect(self) -> QRectF:
        return QRectF(CARD_WIDTH - 26, self._height - 18, 20, 16)

    # --- QGraphicsItem -------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -10, CARD_WIDTH + HANDLE_RADIUS + 6, self._height + 13)

    def shape(self) -> QPainterPath:
        return self._outline

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        s = style()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        phase_color = s.phase.get(self.phase, s.card_border)
        selected = self.isSelected()
        if lod < LOD_SIMPLE:
            painter.fillRect(self._rect, s.select if selected else s.card_fill)
            painter.fillRect(QRectF(0, 0, 8 / max(lod, 0.05) * 0.3, self._height), phase_color)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(s.select_pen if selected else (s.partner_pen if self.kind == "partner" else s.card_pen))
        painter.setBrush(s.card_brush)
        painter.drawPath(self._outline)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(phase_color)
        strip = QRectF(1.5, 6, 5, self._height - 12)
        x = CARD_PAD + 6
        if self._presenting:  # the strip fills from the bottom as the room ticks the phase's checklist
            done, total = self.progress
            strip.setWidth(8)
            faint = QColor(phase_color)
            faint.setAlpha(110)
            painter.setBrush(faint)
            painter.drawRoundedRect(strip, 2.5, 2.5)
            if total and done:
                painter.setBrush(phase_color)
                filled = strip.height() * done / total
                painter.drawRoundedRect(QRectF(strip.left(), strip.bottom() - filled, strip.width(), filled),
                                        2.5, 2.5)
            self._paint_name(painter, (CARD_HEADER - len(self._names) * self._name_spacing) / 2)
            self._paint_badges(painter)
            return
        painter.drawRoundedRect(strip, 2.5, 2.5)
        painter.setPen(s.card_muted)
        painter.setFont(s.kind_font)
        painter.drawText(QRectF(x, 7, 120, 14), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._kind)
        if self.phase:
            badge = QRectF(CARD_WIDTH - CARD_PAD - self._badge_w, 6, self._badge_w, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(phase_color)
            painter.drawRoundedRect(badge, 8, 8)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(s.badge_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.phase)
        bottom = self._paint_name(painter, NAME_TOP)
        if self._summary:
            painter.setPen(s.card_muted)
            painter.setFont(s.summary_font)
            painter.drawText(
                QRectF(x, bottom + 1, CARD_WIDTH - x - CARD_PAD, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._summary,
            )
        self._paint_badges(painter)

    def _paint_name(self, painter: QPainter, top: float) -> float:
        """The name's lines from ``top`` down; returns where they end. A picture or an SVG (any
        painting not onto the screen) never cuts a name: one that even smaller type did not fit on
        screen is set as small as it takes to fit the same room whole."""
        painter.setPen(style().card_text)
        font, lines, spacing = self._name_font, self._names, self._name_spacing
        if self._cut and not isinstance(painter.device(), QWidget):
            fitted = fitted_name(self.name, font, self._name_room, self._name_width)
            if fitted is not None:
                font, lines = fitted
                spacing = _spacing(font)
        painter.setFont(font)
        for line in lines:
            painter.drawText(QRectF(self._name_left, top, self._name_width, spacing),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            top += spacing
        return top

    def _paint_badges(self, painter: QPainter) -> None:
        """The problem badge (unless the scene hides them, as while presenting), the fold corner and
        the link handle (neither while presenting)."""
        s = style()
        selected = self.isSelected()
        if self.problems and getattr(self.scene(), "show_badges", True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(s.problem.get(self.problem_severity, s.problem["warning"]))
            centre = QPointF(CARD_WIDTH - 2, -2)
            painter.drawEllipse(centre, 10, 10)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(s.badge_font)
            painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter,
                             str(self.problems) if self.problems < 100 else "99+")
        if self._presenting:
            return  # the fold corner and the link handle are for editing, not for the wall
        if self._height > 80 and self.childItems():
            painter.setPen(s.card_muted)
            painter.setFont(s.summary_font)
            painter.drawText(self.fold_rect(), Qt.AlignmentFlag.AlignCenter, "▸" if self.folded else "▾")
        if selected:
            painter.setPen(s.select_pen)
            painter.setBrush(s.card_brush)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS - 1.5, HANDLE_RADIUS - 1.5)
