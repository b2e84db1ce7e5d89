"""Link to… (L): a link drawn from the keyboard in a handful of keys, one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.panels.helpers import select_on_canvas


class Keys:
    """Types into whatever has the focus, as a person would, and counts the keys."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.count = qtbot, 0

    def press(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(QApplication.focusWidget(), key, mods)
        self.count += 1

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClicks(QApplication.focusWidget(), ch)
            self.count += 1


def picker(w):  # type: ignore[no-untyped-def]
    shown = [d for d in w.findChildren(QDialog, "link-to") if d.isVisible()]
    return shown[0] if shown else None


def test_link_to_takes_a_handful_of_keys_and_is_one_undo_step(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "restoration")
    w.view.setFocus()
    assert not any(lk.source == "restoration" and lk.target == "grants-council" for lk in w.model.links)
    steps = w.stack.index
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_L)
    dialog = picker(w)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search, timeout=2000)
    keys.type("gra")  # Grants Council, first among the matches
    assert dialog.targets.currentItem().data(Qt.ItemDataRole.UserRole) == "grants-council"
    keys.press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.kinds
    offered = [dialog.kinds.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.kinds.count())]
    assert "uses-role" not in offered  # only to a role
    keys.type("f")  # funds
    keys.press(Qt.Key.Key_Return)
    assert ("restoration", "grants-council", "funds") in {lk.key for lk in w.model.links}
    assert w.stack.index == steps + 1
    assert w.stack.undo_text() == "Add funds link"
    assert keys.count <= 10, keys.count
    print(f"Link to… took {keys.count} keys")
    assert picker(w) is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.view, timeout=2000)
    assert "Ctrl+Z to undo" in w.statusBar().currentMessage()
    keys.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("restoration", "grants-council", "funds") not in {lk.key for lk in w.model.links}
    assert w.stack.index == steps


def test_link_to_offers_only_kinds_the_pair_may_have_and_arrows_pick(window, qtbot) -> None:
    w = window()
    existing = next(lk for lk in w.model.links if lk.kind == "funds")
    select_on_canvas(w, qtbot, existing.source)
    w.view.setFocus()
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_L)
    dialog = picker(w)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search, timeout=2000)
    keys.type(existing.target)  # by id
    while dialog.targets.currentItem().data(Qt.ItemDataRole.UserRole) != existing.target:
        keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    offered = [dialog.kinds.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.kinds.count())]
    assert "funds" not in offered and "accountable-to" in offered
    keys.press(Qt.Key.Key_Escape)
    assert picker(w) is None
    assert sum(1 for lk in w.model.links if (lk.source, lk.target) == (existing.source, existing.target)) == 1


def test_link_to_to_a_role_offers_uses_role(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "restoration")
    w.view.setFocus()
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_L)
    dialog = picker(w)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search, timeout=2000)
    keys.type("treasury-steward")
    keys.press(Qt.Key.Key_Return)
    offered = [dialog.kinds.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.kinds.count())]
    assert offered[-1] == "uses-role"
    keys.type("u")
    keys.press(Qt.Key.Key_Return)
    assert ("restoration", "treasury-steward", "uses-role") in {lk.key for lk in w.model.links}


def test_l_with_nothing_selected_says_what_to_do(window, qtbot) -> None:
    w = window()
    w.scene.clearSelection()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_L)
    assert picker(w) is None
    assert w.statusBar().currentMessage() == "select one card or role, then Link to… (L)"


def test_picker_fits_its_names_and_hint_in_the_projector_theme(window, qtbot) -> None:
    w = window()
    w.set_theme("projector")
    w.resize(1920, 1080)
    QApplication.processEvents()
    select_on_canvas(w, qtbot, "restoration")
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_L)
    dialog = picker(w)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    targets = dialog.targets
    metrics = targets.fontMetrics()
    assert dialog.width() >= 60 * metrics.averageCharWidth()
    assert dialog.width() <= w.width() and dialog.height() <= w.height()
    assert targets.horizontalScrollBar().maximum() == 0
    room = targets.viewport().width()
    cut = [targets.item(i).text() for i in range(targets.count())
           if metrics.horizontalAdvance(targets.item(i).text()) > room - 8]
    assert cut == []
    search = dialog.search
    assert search.fontMetrics().horizontalAdvance(search.placeholderText()) < search.width() - 8
    qtbot.keyClick(search, Qt.Key.Key_Escape)
