"""The Problems panel is tall enough to read a finding, and its details go when the finding does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.ui.panels.helpers import click_index, select_on_canvas
from tests.ui.panels.test_problems_panel import _leaf_rows


def test_default_height_shows_the_details_without_scrolling(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("problems")
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    assert w.panels.docks["problems"].height() >= 220
    w.panels.focus("problems")
    target = next(ix for ix in _leaf_rows(panel) if panel.finding_at(ix).code == "DP103")
    click_index(qtbot, panel.tree, target)
    assert "How to fix" in panel.details.toPlainText()
    assert panel.details.verticalScrollBar().maximum() <= panel.details.viewport().height()


def test_details_clear_once_the_finding_is_fixed(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("problems")
    w.panels.focus("problems")
    target = next(ix for ix in _leaf_rows(panel) if panel.finding_at(ix).code == "DP103")
    click_index(qtbot, panel.tree, target)
    assert "A proposal to the parent governance has won its support" in panel.details.toPlainText()
    # fix it as the hint says: open formation in the Phase panel and tick the item
    w.panels.focus("phase")
    phase = w.panels.get("phase")
    select_on_canvas(w, qtbot, "data")
    qtbot.mouseClick(phase.steps["formation"], Qt.MouseButton.LeftButton)
    box = phase.checks[("formation", "support-secured")]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not any(f.code == "DP103" for f in w.panels.problems.findings)
    assert panel.details.toPlainText() == ""
    # undo brings the finding back; other findings' details stay while they last
    w.stack.undo()
    target = next(ix for ix in _leaf_rows(panel) if panel.finding_at(ix).code == "DP311"
                  and panel.finding_at(ix).primitive == "comms")
    click_index(qtbot, panel.tree, target)
    text = panel.details.toPlainText()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert panel.details.toPlainText() == text
