"""Tab after editing a link's Amount in the Inspector keeps the keyboard in the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.panels.helpers import select_on_canvas


def test_tab_after_amount_moves_on_to_currency_and_keeps_typing(window, qtbot) -> None:
    w = window()
    w.panels.focus("inspector")
    inspector = w.panels.get("inspector")
    qtbot.waitUntil(inspector.isVisible, timeout=2000)
    select_on_canvas(w, qtbot, "regen-dao")
    links = inspector.links
    key = ("regen-dao", "ops", "funds")
    links.select_key(key)
    amount = links.editors["amount"].input
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "75000")
    qtbot.keyClick(amount, Qt.Key.Key_Tab)
    assert w.model.links[w.model.link_index(key)].amount == 75000
    currency = links.editors["currency"].input
    assert QApplication.focusWidget() is currency
    qtbot.keyClick(currency, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "DAI")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert w.model.links[w.model.link_index(key)].currency == "DAI"
    w.stack_undo()
    w.stack_undo()
    assert w.model.links[w.model.link_index(key)].amount == 60000
