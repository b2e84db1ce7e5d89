"""The dark theme: empty check boxes and disabled actions stay legible; switching keeps the selection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox

from tests.ui.panels.helpers import select_on_canvas


@pytest.fixture
def dark(window) -> Iterator[object]:  # type: ignore[no-untyped-def]
    w = window()
    w.actions_.themes["dark"].trigger()
    try:
        yield w
    finally:
        w.actions_.themes["light"].trigger()


def _luma(colour: QColor) -> float:
    return 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()


def test_an_unticked_box_stands_out_from_the_window(dark) -> None:  # type: ignore[no-untyped-def]
    box = QCheckBox("")
    box.resize(box.sizeHint())
    image = QImage(box.size(), QImage.Format.Format_RGB32)
    image.fill(QApplication.palette().color(QPalette.ColorRole.Window))
    box.render(image)
    background = _luma(QApplication.palette().color(QPalette.ColorRole.Window))
    contrast = max(abs(_luma(image.pixelColor(x, y)) - background)
                   for x in range(image.width()) for y in range(image.height()))
    assert contrast >= 60, f"the empty box differs from the window by {contrast:.0f} of 255"


def test_disabled_redo_looks_disabled(dark) -> None:  # type: ignore[no-untyped-def]
    w = dark
    assert not w.actions_.redo.isEnabled()
    palette = QApplication.palette()
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        active = palette.color(QPalette.ColorGroup.Active, role)
        disabled = palette.color(QPalette.ColorGroup.Disabled, role)
        assert _luma(active) - _luma(disabled) >= 80, role


def test_switching_theme_keeps_the_selection(window, qtbot) -> None:
    w = window()
    try:
        for pid in ("site-lead", "ops"):
            select_on_canvas(w, qtbot, pid)
            w.actions_.themes["dark"].trigger()
            w.panels.hub.sync_now()
            assert w.scene.selected_ids() == [pid]
            assert w.panels.hub.selected() == [pid]
            w.actions_.themes["light"].trigger()
            w.panels.hub.sync_now()
            assert w.scene.selected_ids() == [pid]
    finally:
        w.actions_.themes["light"].trigger()
