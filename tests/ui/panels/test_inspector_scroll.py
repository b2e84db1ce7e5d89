"""The Inspector starts each selection at the top and is as tall as the form it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.panels.helpers import select_on_canvas


def test_new_selection_starts_at_the_top_and_sizes_to_its_form(window, qtbot) -> None:
    w = window()
    w.panels.focus("inspector")
    inspector = w.panels.get("inspector")
    qtbot.waitUntil(inspector.isVisible, timeout=2000)
    select_on_canvas(w, qtbot, "ops")
    QApplication.processEvents()
    bar = inspector.scroll.verticalScrollBar()
    tall = bar.maximum()
    assert tall > 0
    bar.setValue(bar.maximum())
    select_on_canvas(w, qtbot, "coastal-institute")  # a partner: a short form
    QApplication.processEvents()
    assert bar.value() == 0
    assert bar.maximum() < tall
    room = inspector.stack.height()
    assert room <= inspector.form.sizeHint().height() + 8, "the pane keeps the height of a taller form"
    # a refill of the same selection (after an edit) keeps the place
    select_on_canvas(w, qtbot, "ops")
    QApplication.processEvents()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    name = inspector.form.editors[("name",)]
    inspector.show_ids(["ops"])
    assert bar.value() == kept and name is inspector.form.editors[("name",)]
