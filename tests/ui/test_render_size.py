"""Big pictures: `render` keeps a PNG within 16,384 px a side, and long dashed edges paint in pieces.

Before: a 10,000-primitive file without layout rendered to a 151,521 x 6,255 px PNG in 2 min 43 s,
much of it in Qt stroking edges tens of thousands of pixels long with dashed pens.
"""

from __future__ import annotations

import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath, QPen

from designer.io.save import save_document
from designer.model.document import Document
from tests.ui.conftest import ROOT
from ui.canvas.routing import dash_pieces
from ui.render import MAX_SIDE, fit_scale


def wide_file(path: Path, far: float) -> Path:
    """Two partners ``far`` units apart in the network lane, linked by a dotted partners-with edge."""
    prims = [{"id": i, "kind": "partner", "name": i.title(), "scale": "network", "phase": "formation"}
             for i in ("near", "far")]
    doc = Document.model_validate({
        "format": "dao-designer/1", "organization": {"name": "Wide"}, "primitives": prims,
        "links": [{"from": "near", "to": "far", "kind": "partners-with"}],
        "layout": {"near": [0, 0], "far": [far, 0]},
    })
    save_document(doc, path)
    return path


def render(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui.launch", "render", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_a_picture_over_the_cap_is_scaled_down_and_render_says_so(tmp_path: Path) -> None:
    source = wide_file(tmp_path / "wide.dao.yaml", 12_000)
    out = tmp_path / "wide.png"
    done = render(str(source), "-o", str(out), "--no-title")
    assert done.returncode == 0, done.stderr
    size = QImageReader(str(out)).size()
    assert size.width() == MAX_SIDE and size.height() < MAX_SIDE
    said = re.fullmatch(rf"note: {re.escape(str(out))}: at scale 1\.5 the picture would be ([\d,]+) x ([\d,]+) px; "
                        rf"drawn at scale ([\d.]+) \(16,384 x {size.height():,} px\), as a PNG gets at most "
                        rf"16,384 px on a side\n", done.stderr)
    assert said, done.stderr
    wide, high = (int(said.group(i).replace(",", "")) for i in (1, 2))
    assert wide > 12_000 * 1.5 and abs(wide / high - size.width() / size.height()) < 0.02
    assert abs(float(said.group(3)) - 1.5 * MAX_SIDE / wide) < 0.01
    assert done.stdout == ""


def test_a_picture_within_the_cap_keeps_its_scale_and_says_nothing(tmp_path: Path) -> None:
    source = wide_file(tmp_path / "small.dao.yaml", 600)
    out = tmp_path / "small.png"
    done = render(str(source), "-o", str(out), "--scale", "0.5")
    assert (done.returncode, done.stderr) == (0, "")
    assert QImageReader(str(out)).size().width() < MAX_SIDE


def test_fit_scale() -> None:
    assert fit_scale(1000, 800, 1.5) == 1.5
    assert fit_scale(100_000, 4_000, 1.5) * 100_000 == MAX_SIDE
    assert fit_scale(4_000, 100_000, 2.0) * 100_000 == MAX_SIDE
    assert fit_scale(3000, 1000, 1.0, max_side=1500) == 0.5


def test_a_long_dotted_path_in_pieces_paints_as_the_whole() -> None:
    path = QPainterPath(QPointF(0, 40))
    path.cubicTo(QPointF(1200, 400), QPointF(2400, -300), QPointF(3600, 40))
    path.cubicTo(QPointF(3700, 60), QPointF(3800, 80), QPointF(3900, 40))
    pieces = dash_pieces(path, 400)
    assert len(pieces) >= 10
    assert abs(sum(p.length() for p, _ in pieces) - path.length()) < 1
    assert all(p.length() <= 401 for p, _ in pieces)
    assert pieces[0][1] == 0 and all(b[1] > a[1] for a, b in pairwise(pieces))
    assert dash_pieces(path, 10_000) == []
    pen = QPen(QColor("black"), 2, Qt.PenStyle.DotLine)

    def paint(draw: object) -> QImage:
        image = QImage(4000, 300, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(0, 100)
        draw(painter)  # type: ignore[operator]
        painter.end()
        return image

    def whole(painter: QPainter) -> None:
        painter.setPen(pen)
        painter.drawPath(path)

    def in_pieces(painter: QPainter) -> None:
        for piece, before in pieces:
            p = QPen(pen)
            p.setDashOffset(before / pen.widthF())
            painter.setPen(p)
            painter.drawPath(piece)

    a, b = paint(whole), paint(in_pieces)
    ink = sum(1 for y in range(0, 300, 2) for x in range(0, 4000, 2) if a.pixelColor(x, y) != QColor("white"))
    differ = sum(1 for y in range(0, 300, 2) for x in range(0, 4000, 2) if a.pixelColor(x, y) != b.pixelColor(x, y))
    assert ink > 500
    assert differ < ink * 0.2  # the dots run on across the cuts (each piece from offset 0: 70 % differ)
