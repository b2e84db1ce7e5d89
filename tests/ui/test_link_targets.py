"""Links: the target under the pointer is highlighted while dragging, and a role chip has a handle."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from tests.ui.conftest import at
from tests.ui.gestures import LEFT, drag_path, move, release


def test_link_target_is_highlighted_card_chip_or_task(qtbot, make_window, monkeypatch) -> None:
    w = make_window()
    view = w.view
    monkeypatch.setattr(view, "choose_link_kind", lambda kinds: "accountable-to")
    view.set_zoom(0.6)
    source = w.scene.cards["festival"]
    source.setSelected(True)
    chip, task = w.scene.chips["treasury-steward"], w.scene.tasks["q3-treasury-report"]
    ops = w.scene.cards["ops"]
    view.centerOn((source.sceneBoundingRect().center() + ops.sceneBoundingRect().center()) / 2)
    handle = view.mapFromScene(source.mapToScene(source.handle_center()))
    drag_path(view, handle, view.mapFromScene(ops.mapToScene(QPointF(130, 34))))
    highlight = view._gesture.highlight
    assert highlight.isVisible() and highlight.target == "ops" and highlight.text.startswith("link to cell")
    move(view, view.mapFromScene(chip.sceneBoundingRect().center()))
    assert highlight.target == "treasury-steward" and highlight.text.startswith("link to role")
    assert highlight.sceneBoundingRect().height() < 60, "the chip is outlined, not its card"
    # its tag sits above the card, not above the chip, where it hid the card's name
    tag = highlight.childItems()[0]
    assert tag.scenePos().y() < ops.scenePos().y()  # the tag is drawn upwards from its position
    move(view, view.mapFromScene(task.sceneBoundingRect().center()))
    assert highlight.target == "q3-treasury-report" and highlight.text.startswith("link to task")
    move(view, view.mapFromScene(chip.sceneBoundingRect().center()))
    release(view, view.mapFromScene(chip.sceneBoundingRect().center()))
    assert highlight.scene() is None
    assert ("festival", "treasury-steward", "accountable-to") in [lk.key for lk in w.model.links]


def test_a_link_can_start_at_a_selected_role_chip(qtbot, make_window, monkeypatch) -> None:
    w = make_window()
    view = w.view
    offered: list[list[str]] = []
    monkeypatch.setattr(view, "choose_link_kind", lambda kinds: offered.append(kinds) or "accountable-to")
    chip = w.scene.chips["reviewer"]
    qtbot.mouseClick(view.viewport(), LEFT, pos=at(view, chip.sceneBoundingRect().center()))
    assert chip.isSelected() and not w.scene.cards["grants-council"].isSelected()
    target = w.scene.cards["regen-dao"].mapToScene(QPointF(130, 34))
    view.set_zoom(0.7)
    view.centerOn((chip.sceneBoundingRect().center() + target) / 2)
    handle = view.mapFromScene(chip.mapToScene(chip.handle_center()))
    drag_path(view, handle, view.mapFromScene(target))
    assert view._gesture.highlight.target == "regen-dao"
    release(view, view.mapFromScene(target))
    assert ("reviewer", "regen-dao", "accountable-to") in [lk.key for lk in w.model.links]
    assert w.stack.titles() == ["Add accountable-to link"] and offered
    assert "grants-council" in w.model.ids() and w.model["reviewer"].parent == "grants-council"

