"""The Records panel: decision registry and allocations edited as tables, saved in the file."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import Qt

from tests.ui.panels.helpers import type_into_cell

_type_into = type_into_cell


def test_add_edit_and_save_a_decision(window, qtbot, tmp_path: Path) -> None:
    w = window()
    w.panels.focus("records")
    panel = w.panels.get("records")
    assert panel.cell_id() == "ops"
    decisions = panel.tables["decision_registry"]
    before = decisions.table.rowCount()
    qtbot.mouseClick(decisions.add, Qt.MouseButton.LeftButton)
    assert decisions.table.rowCount() == before + 1
    _type_into(qtbot, decisions.table, before, decisions.columns.index("title"), "Adopt the dive safety policy")
    _type_into(qtbot, decisions.table, before, decisions.columns.index("date"), "2025-11-02")
    rows = w.model["ops"].state.master.decision_registry
    assert rows[-1].title == "Adopt the dive safety policy" and rows[-1].date == "2025-11-02"
    # a bad date is refused, said so, and the table shows the document again
    _type_into(qtbot, decisions.table, before, decisions.columns.index("date"), "soon")
    assert panel.message.isVisibleTo(panel) and panel.message.text()
    assert decisions.table.item(before, decisions.columns.index("date")).text() == "2025-11-02"
    target = tmp_path / "records.dao.yaml"
    assert w.save_to(str(target))
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    ops = next(p for p in data["primitives"] if p["id"] == "ops")
    assert ops["state"]["master"]["decision_registry"][-1]["title"] == "Adopt the dive safety policy"
    w.stack.undo()
    w.stack.undo()
    w.stack.undo()
    assert decisions.table.rowCount() == before


def test_allocation_amount_is_a_number(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("records")
    alloc = panel.tables["resource_allocations"]
    before = alloc.table.rowCount()
    qtbot.mouseClick(alloc.add, Qt.MouseButton.LeftButton)
    _type_into(qtbot, alloc.table, before, alloc.columns.index("amount"), "1,500")
    assert w.model["ops"].state.master.resource_allocations[-1].amount == 1500
