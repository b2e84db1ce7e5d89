"""A veil over every lane but one: how a scale step shows the room which lane it is about.

A scale step's frame spans the whole width of the design, so at 16:9 it shows much the same as
the overview; with one or two cards in the lane, nothing else said which lane was meant. The
veil is a scene item above the cards and links, with a hole where the lane is; it takes no mouse
buttons and is taken out of the scene when presentation mode ends.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from ui.canvas.style import style

VEIL_ALPHA = 95
"""How much of the lane-title ink covers the other lanes (of 255): enough to set them back on a
washed-out beam, not so much that their cards cannot be made out."""
Z = 50.0
"""Above cards, links, their labels and a dragged card."""


class LaneSpotlight(QGraphicsPathItem):
    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.hide()

    def on(self, scene: QGraphicsScene, lane: QRectF) -> None:
        """Veil all of ``scene`` but ``lane`` (scene coordinates)."""
        if self.scene() is not scene:
            scene.addItem(self)
        veil = QColor(style().lane_title)
        veil.setAlpha(VEIL_ALPHA)
        self.setBrush(QBrush(veil))
        everything = scene.sceneRect().united(lane).adjusted(-2000, -2000, 2000, 2000)
        path = QPainterPath()
        path.addRect(everything)
        hole = QPainterPath()
        hole.addRect(lane)
        self.setPath(path.subtracted(hole))
        self.show()

    def off(self) -> None:
        self.hide()

    def remove(self) -> None:
        """Out of the scene (leaving presentation mode)."""
        self.hide()
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
