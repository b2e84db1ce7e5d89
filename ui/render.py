"""``dao-designer render FILE -o OUT.png|OUT.svg``: the canvas as the app draws it, headless."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_USAGE = 2
CANVAS_THEMES = ("light", "dark", "projector")
"""ui.canvas.style.VARIANTS, named here so that ``render --help`` and bad arguments need no Qt."""
PNG_QUALITY = 80
"""Qt's PNG "quality" is zlib effort: 80 writes a 10k-primitive canvas about twice as fast as the
default, for a file about 5 % larger."""
MAX_SIDE = 16_384
"""The most pixels a PNG gets on a side; a larger picture is drawn at a smaller scale. Viewers and
browsers refuse or crawl beyond it, and a 150,000-pixel-wide canvas took minutes and gigabytes."""


def _ensure_platform() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One line on stderr and exit code 2, like every other command."""
        print(f"error: {self.prog}: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dao-designer render", description="Draw the canvas of a state file to PNG or SVG.")
    p.add_argument("file", help="a .dao.yaml or .dao.json file")
    p.add_argument("-o", "--output", required=True, help="OUT.png or OUT.svg")
    p.add_argument("--scale", type=float, default=1.5, help="pixels per canvas unit for PNG (default 1.5)")
    p.add_argument("--theme", choices=CANVAS_THEMES, default=None, help="light (default), dark or projector")
    p.add_argument("--dark", action="store_true", help="the same as --theme dark")
    p.add_argument("--no-title", action="store_true", help="leave out the title line")
    return p


def fit_scale(width: float, height: float, scale: float, max_side: int = MAX_SIDE) -> float:
    """``scale``, or the largest smaller one at which a ``width`` x ``height`` picture keeps to
    ``max_side`` pixels on either side."""
    longest = max(width, height) * scale
    return scale if longest <= max_side else scale * max_side / longest


def render_scene(scene: object, output: str, scale: float = 1.5, title: str | None = None,
                 max_side: int = MAX_SIDE) -> str | None:
    """Paint ``scene`` (a CanvasScene) into a PNG or SVG file. A PNG that would have more than
    ``max_side`` pixels on a side is drawn at a smaller scale, and the sentence saying so is returned."""
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui.canvas.scene import CanvasScene
    from ui.canvas.style import style

    assert isinstance(scene, CanvasScene)
    source = scene.sceneRect()
    header = 56.0 if title else 0.0
    width, height = source.width(), source.height() + header
    s = style()

    def paint(painter: QPainter, factor: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, width * factor, height * factor), s.background)
        if title:
            font = s.name_font
            font = type(font)(font)
            font.setPointSizeF(15)
            painter.setFont(font)
            painter.setPen(s.card_text)
            painter.drawText(QRectF(20 * factor, 0, (width - 40) * factor, header * factor),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        scene.render(painter, QRectF(0, header * factor, width * factor, source.height() * factor), source)

    # Written next to the target and moved over it once complete: a failure leaves any old file as it was.
    target = Path(output)
    if not target.resolve().parent.is_dir():
        raise OSError(f"cannot write {output}: the folder does not exist")
    partial = target.with_name(f".{target.name}.partial")
    note = None
    try:
        if output.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(str(partial))
            gen.setSize(QSize(int(width), int(height)))
            gen.setViewBox(QRectF(0, 0, width, height))
            gen.setTitle(title or "DAO Primitives Designer canvas")
            painter = QPainter()
            if not painter.begin(gen):
                raise OSError(f"cannot write {output}")
            paint(painter, 1.0)
            painter.end()
            if not partial.exists() or partial.stat().st_size == 0:
                raise OSError(f"cannot write {output}")
        else:
            fitted = fit_scale(width, height, scale, max_side)
            if fitted < scale:
                note = (f"{output}: at scale {scale:g} the picture would be {width * scale:,.0f} x "
                        f"{height * scale:,.0f} px; drawn at scale {fitted:.3g} ({int(width * fitted):,} x "
                        f"{int(height * fitted):,} px), as a PNG gets at most {max_side:,} px on a side")
                scale = fitted
            # The background is painted first and is opaque, so the image needs no alpha channel: an
            # RGB image is written without un-premultiplying every pixel, and the PNG is smaller.
            opaque = QColor(s.background).alpha() == 255
            fmt = QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied
            image = QImage(int(width * scale), int(height * scale), fmt)
            image.fill(QColor(s.background))
            painter = QPainter(image)
            paint(painter, scale)
            painter.end()
            if not image.save(str(partial), "PNG", PNG_QUALITY):
                raise OSError(f"cannot write {output}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return note


def main(argv: Sequence[str] | None = None) -> int:
    """The ``render`` entry point; the process is expected to end when it returns.

    A one-shot run builds a few hundred thousand objects that all live to the end, so the cyclic
    collector stays off while it runs (it would walk them again and again for nothing), and they
    are frozen before returning, which spares the interpreter's final collection walking them all
    again at exit (about 80 ms for 10k primitives). A caller that keeps its process going can call
    ``gc.unfreeze()``."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if not args.output.lower().endswith((".png", ".svg")):
        print(f"error: {args.output}: the output must end in .png or .svg", file=sys.stderr)
        return EXIT_USAGE
    if not Path(args.output).resolve().parent.exists():
        print(f"error: {args.output}: the folder does not exist", file=sys.stderr)
        return EXIT_USAGE
    from designer.io.errors import LoadError
    from designer.io.load import load_document

    try:
        doc = load_document(args.file)
    except LoadError as exc:
        print(f"error: {exc.summary()}", file=sys.stderr)
        return EXIT_USAGE
    _ensure_platform()
    from PySide6.QtWidgets import QApplication

    from designer.commands.model import DocumentModel
    from ui.canvas.scene import CanvasScene
    from ui.canvas.style import style

    app = QApplication.instance() or QApplication(["dao-designer-render"])
    if args.dark and args.theme not in (None, "dark"):
        print(f"error: dao-designer render: --dark and --theme {args.theme} contradict each other", file=sys.stderr)
        return EXIT_USAGE
    style(args.theme or ("dark" if args.dark else "light"))
    scene = CanvasScene(DocumentModel(doc))
    title = None if args.no_title else f"{doc.organization.name}  ·  {doc.organization.approach} approach"
    try:
        note = render_scene(scene, args.output, args.scale, title)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if note:
        print(f"note: {note}", file=sys.stderr)
    del app
    return 0
