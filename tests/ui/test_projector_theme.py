"""The projector theme: high contrast, larger type, wider strokes; switching back restores the rest."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication

from ui.canvas.style import (
    LANE_TITLE_WIDTH,
    LINK_LABELS,
    LOOKS,
    PEN_STYLES,
    SCALE_LABELS,
    VARIANTS,
    CanvasStyle,
    style,
)
from ui.render import CANVAS_THEMES
from ui.themes import PROJECTOR_FONT_SCALE

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "regen-commons.dao.yaml"


def _luminance(colour: QColor) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.fixture
def projector(make_window) -> Iterator[object]:  # type: ignore[no-untyped-def]
    w = make_window()
    w.actions_.themes["light"].trigger()
    light_menu = w.menuBar().font().pointSizeF()
    w.actions_.themes["projector"].trigger()
    QApplication.processEvents()
    try:
        yield w, light_menu
    finally:
        w.actions_.themes["light"].trigger()


def test_projector_text_reads_at_the_back_of_the_room(qapp: QApplication) -> None:
    s = CanvasStyle("projector")
    for name in ("card_text", "card_muted", "chip_text", "task_text", "lane_title", "lane_sub"):
        background = s.chip_fill if name == "chip_text" else s.card_fill
        if name.startswith("lane"):
            background = min(s.lane_fill, key=_luminance)
        assert contrast(getattr(s, name), background) >= 7.0, name  # WCAG AAA for text
    for kind, link in s.links.items():
        for ground in (s.background, *s.lane_fill):
            assert contrast(link.color, ground) >= (3.0 if kind == "contains" else 4.5), kind
    white = QColor("#ffffff")  # phase and problem badges carry white text
    for name, colour in [*s.phase.items(), *s.problem.items()]:
        assert contrast(white, colour) >= 7.0, name


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_legend_fits_its_texts(qapp: QApplication, variant: str) -> None:
    from ui.canvas.lane_item import LEGEND_KINDS, LegendItem

    style(variant)
    try:
        legend = LegendItem()
        metrics = QFontMetricsF(style().legend_font)
        widest = max(metrics.horizontalAdvance(LINK_LABELS[k]) for k in LEGEND_KINDS)
        assert 62 + widest <= legend.SIZE.width() - 8
        assert legend.row >= metrics.height()
    finally:
        style("light")


def test_projector_strokes_and_type_are_larger_than_the_light_themes(qapp: QApplication) -> None:
    light, proj = CanvasStyle("light"), CanvasStyle("projector")
    for kind in light.links:
        assert proj.links[kind].width >= 1.6 * light.links[kind].width, kind
    assert proj.card_pen.widthF() > light.card_pen.widthF()
    assert proj.select_pen.widthF() > light.select_pen.widthF()
    for font in ("name_font", "chip_font", "task_font", "edge_font", "summary_font"):
        assert getattr(proj, font).pointSizeF() > getattr(light, font).pointSizeF(), font


@pytest.mark.parametrize("variant", VARIANTS)
def test_lane_titles_fit_their_gutter(qapp: QApplication, variant: str) -> None:
    s = CanvasStyle(variant)
    widest = max(QFontMetricsF(s.lane_font).horizontalAdvance(t) for t, _ in SCALE_LABELS.values())
    assert widest <= LANE_TITLE_WIDTH


def test_every_look_in_the_data_file_is_complete() -> None:
    looks = json.loads(LOOKS.read_text(encoding="utf-8"))
    assert sorted(k for k in looks if not k.startswith("_")) == sorted(VARIANTS)
    light = looks["light"]
    for variant in VARIANTS:
        look = looks[variant]
        assert look.keys() == light.keys(), variant
        assert look["colors"].keys() == light["colors"].keys(), variant
        assert look["links"].keys() == set(LINK_LABELS), variant
        assert all(line in PEN_STYLES for _, _, line, _ in look["links"].values()), variant


def test_an_unknown_canvas_style_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown canvas style 'sepia'; expected one of light, dark, projector"):
        style("sepia")
    assert CANVAS_THEMES == VARIANTS


def test_switching_to_projector_enlarges_the_widgets_and_restyles_the_canvas(projector) -> None:  # type: ignore[no-untyped-def]
    w, light_menu = projector
    assert w.settings.theme() == "projector"
    assert w.actions_.themes["projector"].isChecked()
    assert style().variant == "projector"
    assert w.menuBar().font().pointSizeF() == pytest.approx(light_menu * PROJECTOR_FONT_SCALE, abs=0.11)
    assert w.scene.backgroundBrush().color() == QColor("#ffffff")
    image = w.view.viewport().grab().toImage()
    assert not image.isNull()
    # the cards redrew with the projector's black names (the light theme's are #1b1e24)
    card = w.scene.cards["ops"]
    rect = w.view.mapFromScene(card.mapToScene(card.name_rect()).boundingRect()).boundingRect()
    colours = {image.pixelColor(x, y).name()
               for x in range(max(rect.left(), 0), min(rect.right(), image.width()))
               for y in range(max(rect.top(), 0), min(rect.bottom(), image.height()))}
    assert "#000000" in colours and "#1b1e24" not in colours


def test_leaving_projector_restores_the_fonts(projector) -> None:  # type: ignore[no-untyped-def]
    w, light_menu = projector
    w.actions_.themes["light"].trigger()
    QApplication.processEvents()
    assert w.menuBar().font().pointSizeF() == light_menu
    assert style().variant == "light"
    assert w.scene.backgroundBrush().color() == QColor("#fbfbf9")


def test_render_draws_the_projector_theme(tmp_path: Path) -> None:
    out = tmp_path / "proj.png"
    done = subprocess.run([sys.executable, "-m", "ui.launch", "render", str(SAMPLE), "-o", str(out), "--theme",
                           "projector", "--scale", "0.5"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert image.pixelColor(2, 2) == QColor("#ffffff")  # the light theme's page is #fbfbf9


def test_render_refuses_contradicting_theme_options(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "ui.launch", "render", str(SAMPLE), "-o", str(tmp_path / "x.png"),
                           "--dark", "--theme", "projector"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr == "error: dao-designer render: --dark and --theme projector contradict each other\n"
    assert not (tmp_path / "x.png").exists()


EXIT_SCRIPT = """
import pathlib, sys, tempfile
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.main_window import MainWindow
from ui.recovery import Recovery
from ui.settings import Settings
d = tempfile.mkdtemp()
w = MainWindow(Settings(QSettings(d + "/s.ini", QSettings.Format.IniFormat)), Recovery(pathlib.Path(d)))
w.show()
w.open_path(sys.argv[1], ask=False)
w.panels.start()
app.processEvents()
w.set_theme("projector"); app.processEvents()
w.set_theme("light"); app.processEvents()
"""


def test_the_process_exits_cleanly_after_a_theme_change(tmp_path: Path) -> None:
    """The Outline's model had no Qt parent: Python freed it at exit before the tree over it, and
    the tree crashed when hidden (a segfault in about half the runs after a projector switch)."""
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for _ in range(4):
        done = subprocess.run([sys.executable, "-c", EXIT_SCRIPT, str(SAMPLE)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
