"""Tab and Shift+Tab on the canvas select the next and previous card (and role) in reading order and
scroll it into view; Ctrl+Tab leaves the canvas; Insert > New … has keys; F1 lists them all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.canvas.card_item import CardItem
from ui.canvas.reading_order import reading_order

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _on_screen(w, pid: str) -> bool:  # type: ignore[no-untyped-def]
    item = w.scene.item_for(pid)
    return w.view.viewport().rect().contains(w.view.mapFromScene(item.sceneBoundingRect()).boundingRect())


def test_tab_walks_the_cards_in_reading_order_and_keeps_them_in_view(window, qtbot) -> None:
    w = window()
    w.view.set_zoom(1.6)  # the design is larger than the view: Tab must scroll
    w.scene.clearSelection()
    w.view.setFocus()
    qtbot.waitUntil(w.view.hasFocus, timeout=2000)
    order = [i.pid for i in reading_order(w.scene)]  # type: ignore[attr-defined]
    seen = []
    for _ in range(len(order)):
        qtbot.keyClick(w.view, Qt.Key.Key_Tab)
        assert w.view.hasFocus(), "Tab stays on the canvas"
        (pid,) = w.scene.selected_ids()
        assert _on_screen(w, pid), pid
        seen.append(pid)
    assert seen == order
    lanes = [w.scene.lane_of(p) for p in seen if isinstance(w.scene.item_for(p), CardItem)]
    assert lanes == sorted(lanes) and len(set(lanes)) > 1
    assert any(w.model[p].kind == "role" for p in seen)  # type: ignore[union-attr]
    # the walk wraps round, and Shift+Tab goes back
    qtbot.keyClick(w.view, Qt.Key.Key_Tab)
    assert w.scene.selected_ids() == [order[0]]
    qtbot.keyClick(w.view, Qt.Key.Key_Tab, SHIFT)
    assert w.scene.selected_ids() == [order[-1]]
    qtbot.keyClick(w.view, Qt.Key.Key_Backtab, SHIFT)
    assert w.scene.selected_ids() == [order[-2]] and _on_screen(w, order[-2])
    name = w.model[order[-2]].name  # type: ignore[union-attr]
    assert f"'{name}'" in w.statusBar().currentMessage()


def test_tab_starts_from_the_selected_card(window, qtbot) -> None:
    w = window()
    order = [i.pid for i in reading_order(w.scene)]  # type: ignore[attr-defined]
    w.scene.select_ids([order[5]])
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Tab)
    assert w.scene.selected_ids() == [order[6]]


def test_ctrl_tab_leaves_the_canvas(window, qtbot) -> None:
    w = window()
    w.view.setFocus()
    qtbot.waitUntil(w.view.hasFocus, timeout=2000)
    qtbot.keyClick(w.view, Qt.Key.Key_Tab, CTRL)
    assert not w.view.hasFocus() and QApplication.focusWidget() is not None
    w.view.setFocus()
    qtbot.waitUntil(w.view.hasFocus, timeout=2000)
    qtbot.keyClick(w.view, Qt.Key.Key_Tab, CTRL | SHIFT)
    assert not w.view.hasFocus()


def test_insert_keys_add_each_kind_and_f1_lists_them(window, qtbot) -> None:
    w = window()
    rows = dict(w.shortcut_rows())
    assert rows["Select the next / previous card or role on the canvas (reading order)"] == "Tab / Shift+Tab"
    assert rows["Leave the canvas for the next / previous panel"] == "Ctrl+Tab / Ctrl+Shift+Tab"
    expected = {"New DAO": "Ctrl+Shift+D", "New Cell": "Ctrl+Shift+C", "New Role": "Ctrl+Shift+R",
                "New Task": "Ctrl+Shift+T", "New Partner": "Ctrl+Shift+P"}
    for name, keys in expected.items():
        assert rows[name] == keys
    every = [k for _, ks in w.shortcut_rows() for k in ks.split(" / ")]
    assert all(every.count(k) == 1 for k in expected.values()), "no other command has these keys"
    mnemonics = [a.text().split("&")[1][0] for a in w.actions_.insert_actions.values()]
    assert len(set(mnemonics)) == 5
    w.view.setFocus()
    qtbot.waitUntil(w.view.hasFocus, timeout=2000)
    before = len(w.model.primitives)
    qtbot.keyClick(w.view, Qt.Key.Key_C, CTRL | SHIFT)
    assert len(w.model.primitives) == before + 1 and w.view._editor is not None
    qtbot.keyClick(w.view._editor, Qt.Key.Key_Escape)
    assert w.model.primitives[-1].kind == "cell" or any(p.name == "New cell" for p in w.model.primitives)
