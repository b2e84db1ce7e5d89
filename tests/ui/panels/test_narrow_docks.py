"""At 360 px a panel reflows to its dock: nothing is cut off, and paragraphs get the full width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.ui.panels.helpers import select_on_canvas

WIDTH = 360


def _narrow(w, qtbot, name: str):  # type: ignore[no-untyped-def]
    w.panels.focus(name)
    panel = w.panels.get(name)
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    w.resizeDocks([w.panels.docks[name]], [WIDTH], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert abs(w.panels.docks[name].width() - WIDTH) <= 4
    return panel


def _fits(scroll: QScrollArea) -> None:
    QApplication.processEvents()
    need, room = scroll.widget().minimumSizeHint().width(), scroll.viewport().width()
    assert need <= room, f"{type(scroll.widget()).__name__} needs {need} px in {room} px"


def test_inspector_fits_and_puts_labels_above_paragraphs(window, qtbot) -> None:
    w = window()
    inspector = _narrow(w, qtbot, "inspector")
    select_on_canvas(w, qtbot, "ops")
    inspector.links.tree.setCurrentItem(inspector.links.tree.topLevelItem(0))
    _fits(inspector.scroll)
    editor = inspector.form.editors[("description",)]
    room = inspector.scroll.viewport().width()
    assert editor.input.width() >= 0.8 * room, "a paragraph box squeezed beside its label"
    label = inspector.form.sections[""].form.labelForField(editor)
    assert label is not None and label.wordWrap()
    top_of_field = editor.mapTo(inspector, editor.rect().topLeft()).y()
    assert label.mapTo(inspector, label.rect().bottomLeft()).y() <= top_of_field  # above, not beside
    select_on_canvas(w, qtbot, "seagrass-survey")
    _fits(inspector.scroll)
    # wide again: labels may sit beside the fields
    w.resizeDocks([w.panels.docks["inspector"]], [700], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert inspector.form.wide is (inspector.width() >= 560)


def test_phase_panel_fits(window, qtbot) -> None:
    w = window()
    panel = _narrow(w, qtbot, "phase")
    select_on_canvas(w, qtbot, "data")
    _fits(panel.scroll)


def test_every_guide_page_fits(window, qtbot) -> None:
    w = window()
    guide = _narrow(w, qtbot, "guide")
    for row in range(guide.list.count()):
        guide.show_section(row)
        _fits(guide.stack.currentWidget())
