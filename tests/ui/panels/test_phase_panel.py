"""The Phase panel: ticks are undoable steps; moving past an unready phase asks first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.panels.helpers import select_on_canvas


def test_tick_a_readiness_item_and_undo(window, qtbot) -> None:
    w = window()
    w.panels.focus("phase")
    select_on_canvas(w, qtbot, "data")
    panel = w.panels.get("phase")
    # data is in organization: the panel lists organization's and iteration's items
    assert {k[0] for k in panel.checks} == {"organization", "iteration"}
    key = next(k for k in panel.checks if k[0] == "organization")
    box = panel.checks[key]
    was = box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert (key[1] in w.model["data"].checklist.get("organization", [])) is (not was)
    assert panel.checks[key].isChecked() is (not was)
    w.stack.undo()
    assert (key[1] in w.model["data"].checklist.get("organization", [])) is was
    assert panel.checks[key].isChecked() is was


def test_moving_past_unready_phase_asks_and_the_rule_warns(window, qtbot, monkeypatch, no_dialogs) -> None:
    w = window()
    select_on_canvas(w, qtbot, "data")
    panel = w.panels.get("phase")
    # a click on a step only shows that phase; the button sets it. Refuse first: nothing changes
    qtbot.mouseClick(panel.steps["iteration"], Qt.MouseButton.LeftButton)
    assert not no_dialogs and w.model["data"].phase == "organization"
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert no_dialogs and no_dialogs[-1][0] == "question"
    assert w.model["data"].phase == "organization"
    assert "current" in panel.steps["organization"].text()
    # then agree: one step sets the phase and remembers the one left
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    steps = w.stack.index
    qtbot.mouseClick(panel.steps["iteration"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert w.model["data"].phase == "iteration"
    assert w.model["data"].previous_phase == "organization"
    assert w.stack.index == steps + 1
    assert panel.steps["iteration"].isChecked()
    assert any(f.code == "DP103" and f.primitive == "data" and "organization" in f.message
               for f in w.panels.problems.findings)


def test_implementation_activities_are_a_second_group_and_tick_as_undo_steps(window, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from designer.framework.phases import phase_info

    w = window()
    w.panels.focus("phase")
    select_on_canvas(w, qtbot, "data")
    panel = w.panels.get("phase")
    info = phase_info("organization")
    texts = [lab.text() for lab in panel.lists.findChildren(QLabel)]
    readiness_at = texts.index(info.readiness[-1].text)
    heading_at = next(i for i, t in enumerate(texts) if "implementation focus" in t)
    assert readiness_at < heading_at < texts.index(info.implementation[0].text) < texts.index(info.success[0].text)
    item = info.implementation[0]
    box = panel.checks[("organization", item.id)]
    assert "From the guide: " in box.toolTip() and "Formalized systems for all governance functions" in box.toolTip()
    steps = w.stack.index
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert item.id in w.model["data"].checklist["organization"] and w.stack.index == steps + 1
    assert "Give every governance function" in w.stack.undo_text()
    w.stack.undo()
    assert item.id not in w.model["data"].checklist.get("organization", [])
    assert not panel.checks[("organization", item.id)].isChecked()


def test_completion_items_backed_by_the_record_say_on_record(window, qtbot) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QLabel

    sample = Path(__file__).resolve().parents[3] / "samples" / "superbenefit-network.dao.yaml"
    w = window(sample)
    w.panels.focus("phase")
    select_on_canvas(w, qtbot, "transformation-mapping")
    panel = w.panels.get("phase")
    texts = [lab.text() for lab in panel.lists.findChildren(QLabel)]
    assert "Every wallet signer has been handed over or removed. <i>(on record)</i>" in texts
    select_on_canvas(w, qtbot, "general-circle")
    qtbot.mouseClick(panel.steps["completion"], Qt.MouseButton.LeftButton)
    texts = [lab.text() for lab in panel.lists.findChildren(QLabel)]
    assert "Every wallet signer has been handed over or removed." in texts
