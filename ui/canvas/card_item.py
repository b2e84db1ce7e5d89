"""A card: a DAO, cell or partner in its lane, with kind, name, phase strip and badge, summary.

Text is painted in ``paint()`` from strings elided once in :meth:`CardItem.set_primitive`; the
outline path is cached. Zoomed far out (level of detail below 0.4) a card is one filled rect.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.layout.geometry import CARD_PAD, CARD_WIDTH
from designer.model.primitives import AnyPrimitive
from ui.canvas.style import style

KIND_LABEL = {"dao": "DAO", "cell": "CELL", "partner": "PARTNER", "role": "ROLE", "task": "TASK"}
HANDLE_RADIUS = 7.0
LOD_SIMPLE = 0.4


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
        inner = CARD_WIDTH - 2 * CARD_PAD - 6
        badge_w = QFontMetricsF(s.badge_font).horizontalAdvance(self.phase) + 16 if self.phase else 0.0
        self._badge_w = badge_w
        self._name = QFontMetricsF(s.name_font).elidedText(p.name, Qt.TextElideMode.ElideRight, inner)
        self._summary = QFontMetricsF(s.summary_font).elidedText(
            summary_of(p), Qt.TextElideMode.ElideRight, inner
        )
        self._kind = KIND_LABEL.get(p.kind, p.kind.upper())
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
        return QRectF(CARD_PAD + 6, 22, CARD_WIDTH - 2 * CARD_PAD - 6, 24)

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
        painter.drawRoundedRect(QRectF(1.5, 6, 5, self._height - 12), 2.5, 2.5)
        x = CARD_PAD + 6
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
        painter.setPen(s.card_text)
        painter.setFont(s.name_font)
        painter.drawText(self.name_rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._name)
        if self._summary:
            painter.setPen(s.card_muted)
            painter.setFont(s.summary_font)
            painter.drawText(
                QRectF(x, 46, CARD_WIDTH - x - CARD_PAD, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._summary,
            )
        if self.problems:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(s.problem.get(self.problem_severity, s.problem["warning"]))
            centre = QPointF(CARD_WIDTH - 2, -2)
            painter.drawEllipse(centre, 10, 10)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(s.badge_font)
            painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter,
                             str(self.problems) if self.problems < 100 else "99+")
        if self._height > 80 and self.childItems():
            painter.setPen(s.card_muted)
            painter.setFont(s.summary_font)
            painter.drawText(self.fold_rect(), Qt.AlignmentFlag.AlignCenter, "▸" if self.folded else "▾")
        if selected:
            painter.setPen(s.select_pen)
            painter.setBrush(s.card_brush)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS - 1.5, HANDLE_RADIUS - 1.5)
