"""The Phase panel shows any phase's checklists, so a DP103 warning about a past phase can be fixed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from designer.framework.phases import phase_info
from tests.ui.panels.helpers import select_on_canvas


def _dp103(w, pid: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [f for f in w.panels.problems.findings if f.code == "DP103" and f.primitive == pid]


def _open(w, qtbot):  # type: ignore[no-untyped-def]
    w.panels.focus("phase")
    panel = w.panels.get("phase")
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    select_on_canvas(w, qtbot, "data")
    return panel


def test_a_past_phase_is_badged_and_its_items_can_be_ticked_without_changing_phase(window, qtbot) -> None:
    w = window()
    panel = _open(w, qtbot)
    assert _dp103(w, "data"), "the sample has a formation item unticked on the Data Cell"
    assert "⚠ 1 not ticked" in panel.steps["formation"].text()
    assert "current" in panel.steps["organization"].text()
    assert "not ticked" not in panel.steps["organization"].text()
    missing = next(i for i in phase_info("formation").readiness if i.id not in w.model["data"].checklist["formation"])
    assert missing.text in panel.steps["formation"].toolTip()

    steps = w.stack.index
    qtbot.mouseClick(panel.steps["formation"], Qt.MouseButton.LeftButton)
    assert w.model["data"].phase == "organization" and w.stack.index == steps  # only shown
    assert {k[0] for k in panel.checks} == {"formation"}
    assert panel.steps["formation"].isChecked() and not panel.steps["organization"].isChecked()
    assert "current" in panel.steps["organization"].text()
    assert panel.move_button.isVisible() and "Formation" in panel.move_button.text()
    texts = [lab.text() for lab in panel.lists.findChildren(QLabel)]
    assert missing.text in texts and missing.id not in texts

    box = panel.checks[("formation", missing.id)]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert missing.id in w.model["data"].checklist["formation"]
    assert w.model["data"].phase == "organization"
    assert not _dp103(w, "data")
    assert "not ticked" not in panel.steps["formation"].text()
    assert panel.steps["formation"].isChecked()  # still looking at formation
    assert missing.text[:20] in w.stack.undo_text() and "Data Cell" in w.stack.undo_text()


def test_clicking_the_current_step_shows_current_and_next(window, qtbot) -> None:
    w = window()
    panel = _open(w, qtbot)
    qtbot.mouseClick(panel.steps["conversation"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.steps["organization"], Qt.MouseButton.LeftButton)
    assert {k[0] for k in panel.checks} == {"organization", "iteration"}
    assert not panel.move_button.isVisible()


def test_iteration_exit_signs_say_any_one(window, qtbot) -> None:
    w = window()
    panel = _open(w, qtbot)
    qtbot.mouseClick(panel.steps["iteration"], Qt.MouseButton.LeftButton)
    heads = [lab.text() for lab in panel.lists.findChildren(QLabel)]
    assert any("any one" in t for t in heads)
    assert not any("(0/4)" in t and "Ready" in t for t in heads)


def test_tab_goes_from_the_stepper_to_the_checklist(window, qtbot) -> None:
    w = window()
    panel = _open(w, qtbot)
    panel.steps["completion"].setFocus()
    qtbot.keyClick(panel.steps["completion"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is next(iter(panel.checks.values()))


def test_a_permissionless_cell_is_not_badged_for_the_proposal_it_never_needed(window, qtbot) -> None:
    """The panel counts open signs as DP103 does: a cell formed on the permissionless pathway wins
    no proposal, so its one open formation sign (the proposal's support) is no warning anywhere."""
    from designer.commands.primitives import EditField

    w = window()
    panel = _open(w, qtbot)
    assert "⚠ 1 not ticked" in panel.steps["formation"].text() and _dp103(w, "data")
    w.stack.push(EditField("data", "pathway", "permissionless"))
    QApplication.processEvents()
    assert not _dp103(w, "data")
    assert "not ticked" not in panel.steps["formation"].text()
    w.stack.undo()
    QApplication.processEvents()
    assert "⚠ 1 not ticked" in panel.steps["formation"].text() and _dp103(w, "data")
