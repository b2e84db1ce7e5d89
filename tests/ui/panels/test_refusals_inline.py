"""A refused value is explained next to its field in plain words, and the field shows what was saved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.panels.helpers import click_index, select_on_canvas
from tests.ui.panels.test_records_panel import _type_into


def test_guide_date_refusal_is_plain_and_the_field_reverts(window, qtbot) -> None:
    w = window()
    w.panels.focus("guide")
    guide = w.panels.get("guide")
    qtbot.waitUntil(guide.isVisible, timeout=2000)
    row = next(i for i, s in enumerate(guide.sections) if s.id == "approval")
    click_index(qtbot, guide.list, guide.list.model().index(row, 0))
    date = guide.stack.currentWidget().editors[("approval", "date")]
    stored = w.model.design.approval.date
    date.input.setFocus()
    date.input.selectAll()
    qtbot.keyClicks(date.input, "next week")
    qtbot.keyClick(date.input, Qt.Key.Key_Return)
    assert w.model.design.approval.date == stored
    message = date.message.text()
    assert date.message.isVisibleTo(date)
    assert "not a date" in message and "YYYY-MM-DD" in message and "Not saved" in message
    assert "status bar" not in message and "\\d" not in message and "approval.date" not in message
    assert date.input.text() == (stored or "")  # the field shows what the file holds
    date.input.selectAll()
    qtbot.keyClicks(date.input, "2026-11-25")
    qtbot.keyClick(date.input, Qt.Key.Key_Return)
    assert w.model.design.approval.date == "2026-11-25"
    assert not date.message.isVisibleTo(date)


def test_inspector_date_refusal_reverts_the_line(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    date = w.panels.get("inspector").form.editors[("approval", "date")]
    stored = w.model["ops"].approval.date
    date.input.setText("")
    qtbot.keyClicks(date.input, "soon")
    qtbot.keyClick(date.input, Qt.Key.Key_Return)
    assert date.message.text().startswith("Not saved: 'soon' is not a date")
    assert date.input.text() == (stored or "")


def test_records_row_numbers_match_the_table_and_the_error_clears(window, qtbot) -> None:
    w = window()
    w.panels.focus("records")
    panel = w.panels.get("records")
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    table = panel.tables["decision_registry"].table
    assert table.rowCount() >= 2
    date_col = panel.tables["decision_registry"].columns.index("date")
    _type_into(qtbot, table, 1, date_col, "soon")
    assert panel.message.isVisibleTo(panel)
    text = panel.message.text()
    assert "row 2" in text and "[1]" not in text and "not a date" in text
    _type_into(qtbot, table, 1, date_col, "2026-01-15")
    assert w.model["ops"].state.master.decision_registry[1].date == "2026-01-15"
    assert not panel.message.isVisibleTo(panel)
