"""Card names wrap to two lines before anything is cut, and exports never cut them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetricsF

from designer.commands.model import DocumentModel
from designer.model.document import Document
from ui.canvas.card_item import INNER_WIDTH, wrap_lines
from ui.canvas.scene import CanvasScene
from ui.canvas.style import presenting, style
from ui.render import render_scene

LONG = ("The Regional Regenerative Coordination Council of the Lower Tidewater Basin, its Estuaries "
        "and the Seagrass Meadows of the North Bay")


def scene_with(*names: str) -> CanvasScene:
    doc = Document.model_validate({
        "format": "dao-designer/1",
        "organization": {"name": "Names"},
        "primitives": [{"id": f"c{i}", "kind": "cell", "name": n, "scale": "coordination", "phase": "formation"}
                       for i, n in enumerate(names)],
        "layout": {f"c{i}": [i * 334, 600] for i in range(len(names))},
    })
    return CanvasScene(DocumentModel(doc))


@pytest.fixture(params=["light", "projector"])
def look(request: pytest.FixtureRequest, qapp: object) -> object:
    style(request.param)
    presenting(False)
    yield request.param
    style("light")


def test_a_name_that_fits_two_lines_wraps_instead_of_being_cut(look: object) -> None:
    scene = scene_with("Regen Coordination Council", "Operations Cell")
    expected = ["Regen Coordination Council"] if look == "light" else ["Regen Coordination", "Council"]
    assert scene.cards["c0"].name_lines() == expected  # the tryout's projector saw "Regen Coordination …"
    assert scene.cards["c1"].name_lines() == ["Operations Cell"]
    assert not any("…" in line for card in scene.cards.values() for line in card.name_lines())


def test_a_longer_name_is_set_smaller_before_it_is_cut(look: object) -> None:
    words = LONG.split()
    metrics = QFontMetricsF(style().name_font)
    n = next(n for n in range(2, len(words)) if wrap_lines(" ".join(words[:n]), metrics, INNER_WIDTH)[-1].endswith("…"))
    name = " ".join(words[:n])  # the shortest start of LONG that two lines at full size cut
    scene = scene_with(name, LONG * 3)
    three = scene.cards["c0"]
    assert " ".join(three.name_lines()) == name
    assert three._name_font.pointSizeF() < style().name_font.pointSizeF()
    huge = scene.cards["c1"]  # far too long for the card: cut on screen, and said so with "…"
    assert len(huge.name_lines()) == 2 and huge.name_lines()[-1].endswith("…")


def test_svg_and_png_exports_carry_the_full_name(look: object, tmp_path: Path) -> None:
    scene = scene_with(LONG)
    assert scene.cards["c0"].name_lines()[-1].endswith("…")  # cut on screen at this length
    out = tmp_path / "canvas.svg"
    render_scene(scene, str(out), title="Names")
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", out.read_text(encoding="utf-8"), re.S)]
    words = " ".join(t.strip() for t in texts).split()
    joined = " ".join(words)
    assert LONG in joined
    assert not any("…" in t for t in texts)
    png = tmp_path / "canvas.png"
    render_scene(scene, str(png), title="Names")
    assert png.stat().st_size > 0
