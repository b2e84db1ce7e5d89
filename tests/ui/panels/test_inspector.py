"""The Inspector driven by keyboard and mouse: an edit is one undo step, refusals say why."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.panels.helpers import select_on_canvas


def _editor(w, path):  # type: ignore[no-untyped-def]
    inspector = w.panels.get("inspector")
    return inspector.form.editors[path]


def test_edit_a_field_then_undo(window, qtbot) -> None:
    w = window()
    w.panels.focus("inspector")
    select_on_canvas(w, qtbot, "ops")
    editor = _editor(w, ("description",))
    before = w.model["ops"].description
    steps = w.stack.index
    editor.input.setFocus()
    editor.input.selectAll()
    qtbot.keyClicks(editor.input, "Runs operations for the whole network.")
    assert w.stack.index == steps  # nothing is committed while typing
    qtbot.keyClick(editor.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.model["ops"].description == "Runs operations for the whole network."
    assert w.stack.index == steps + 1
    w.stack.undo()
    assert w.model["ops"].description == before
    assert editor.input.toPlainText() == before


def test_rename_from_the_name_line_and_a_refusal_shows_inline(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    name = _editor(w, ("name",))
    name.input.selectAll()
    qtbot.keyClicks(name.input, "Ops Hub")
    qtbot.keyClick(name.input, Qt.Key.Key_Return)
    assert w.model["ops"].name == "Ops Hub"
    assert w.scene.cards["ops"].name == "Ops Hub"  # the canvas shows it at once
    date = _editor(w, ("approval", "date"))
    date.input.setText("")
    qtbot.keyClicks(date.input, "next week")
    qtbot.keyClick(date.input, Qt.Key.Key_Return)
    assert date.message.isVisibleTo(date) and date.message.text()
    assert w.model["ops"].approval.date != "next week"


def test_several_selected_change_together_in_one_step(window, qtbot) -> None:
    w = window()
    w.panels.hub.select(["comms", "data"], centre=False)
    inspector = w.panels.get("inspector")
    assert "2 selected" in inspector.header.text()
    protocol = inspector.form.editors[("state", "practice", "decision_making", "protocol")]
    steps = w.stack.index
    protocol.input.setFocus()
    assert protocol.input.currentIndex() == 0  # they differ: the box shows no value
    qtbot.keyClick(protocol.input, Qt.Key.Key_Down)  # the first protocol: consent
    assert w.model["comms"].state.practice.decision_making.protocol == "consent"
    assert w.model["data"].state.practice.decision_making.protocol == "consent"
    assert w.stack.index == steps + 1


def test_signers_picker_and_threshold(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    signers = _editor(w, ("state", "practice", "treasury", "signers"))
    before = list(w.model["ops"].state.practice.treasury.signers)
    signers.add_box.setFocus()
    qtbot.keyClicks(signers.add_box.lineEdit(), "zoe.eth")
    qtbot.keyClick(signers.add_box.lineEdit(), Qt.Key.Key_Return)
    assert w.model["ops"].state.practice.treasury.signers == [*before, "zoe.eth"]
    signers.list.setCurrentRow(len(before))
    signers.list.setFocus()
    qtbot.keyClick(signers.list, Qt.Key.Key_Delete)
    assert w.model["ops"].state.practice.treasury.signers == before
    assert "ops" in w.model  # Delete in the picker did not delete the cell
    threshold = _editor(w, ("state", "practice", "treasury", "threshold"))
    threshold.input.setFocus()
    threshold.input.selectAll()
    qtbot.keyClicks(threshold.input, "3")
    qtbot.keyClick(threshold.input, Qt.Key.Key_Return)
    assert w.model["ops"].state.practice.treasury.threshold == 3


def test_links_of_the_selection_are_listed_and_editable(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    links = w.panels.get("inspector").links
    assert links.tree.topLevelItemCount() == len(w.model.links_of("ops"))
    funds = next(i for i, k in enumerate(links.keys) if k[2] == "funds" and k[1] == "ops")
    links.tree.setCurrentItem(links.tree.topLevelItem(funds))
    amount = links.editors["amount"]
    amount.input.selectAll()
    qtbot.keyClicks(amount.input, "55000")
    qtbot.keyClick(amount.input, Qt.Key.Key_Return)
    link = w.model.links[w.model.link_index(links.keys[funds])]
    assert link.amount == 55000


def test_clicking_a_link_opens_it_in_the_inspector(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A tryout clicked a link's label and the Inspector said "Select a DAO, cell…": a link alone
    selected shows its source with that link open, its label and note editable."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.ui.conftest import at

    w = window()
    edge = next(e for e in w.scene.edges.values() if e.label == "festival grant")
    key = edge.key
    w.panels.focus("inspector")
    pill = edge.label_item.rect().center()
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=at(w.view, pill))
    assert w.scene.selected_link_keys() == [key] and w.scene.selected_ids() == []
    w.panels.hub.sync_now()
    inspector = w.panels.get("inspector")
    assert inspector.ids == [key[0]]
    links = inspector.links
    assert links.isVisible() and links._current() == key and links.detail.isVisible()
    label = links.editors["label"].input
    assert label.text() == (edge.label or "")
    label.selectAll()
    QTest.keyClicks(label, "festival fund")
    QTest.keyClick(label, Qt.Key.Key_Return)
    index = w.model.link_index(key)
    assert index is not None and w.model.links[index].label == "festival fund"
