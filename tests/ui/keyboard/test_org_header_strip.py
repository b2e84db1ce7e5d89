"""The organization's name sits in a strip of its own above the canvas: it never covers a card,
whatever the name's length or the scroll, and presentation mode hides it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ROOT, SAMPLE
from tests.ui.keyboard.test_organization_name import open_properties
from ui.canvas.org_header import header_rect

LONG = "Tidewater River Basin Restoration Network of Estuaries, Marshes and Fishing Towns"


def _rename_organization(w, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = open_properties(w, qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name, timeout=2000)
    qtbot.keyClick(dialog.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert w.model.organization.name == name


def _covered_cards(w) -> list[str]:  # type: ignore[no-untyped-def]
    """The cards whose on-screen part meets the header's tag or strip (window coordinates)."""
    text, tag = header_rect(w.view)
    assert text, "the header shows"
    boxes = [tag.toAlignedRect(), w.view.header.geometry()]
    boxes = [QRect(w.view.mapTo(w, b.topLeft()), b.size()) for b in boxes]
    port = w.view.viewport()
    covered = []
    for pid, card in w.scene.cards.items():
        on_screen = w.view.mapFromScene(card.sceneBoundingRect()).boundingRect() & port.rect()
        if on_screen.isEmpty():
            continue
        in_window = QRect(port.mapTo(w, on_screen.topLeft()), on_screen.size())
        if any(in_window.intersects(b) for b in boxes):
            covered.append(pid)
    return covered


@pytest.mark.parametrize("sample", [SAMPLE, ROOT / "samples" / "workshop-30.dao.yaml"])
def test_a_long_organization_name_covers_no_card(make_window, qtbot, sample: Path) -> None:
    w = make_window(sample)
    w.set_theme("projector")
    w.resize(1920, 1080)
    QApplication.processEvents()
    _rename_organization(w, qtbot, LONG)
    for place in ("document", "top-right"):
        if place == "document":
            w.view.show_document()
        else:
            w.view.horizontalScrollBar().setValue(w.view.horizontalScrollBar().maximum())
            w.view.verticalScrollBar().setValue(0)
        QApplication.processEvents()
        assert _covered_cards(w) == [], place
        visible = [c for c in w.scene.cards.values()
                   if not (w.view.mapFromScene(c.sceneBoundingRect()).boundingRect()
                           & w.view.viewport().rect()).isEmpty()]
        assert visible, "cards are on screen"
    assert w.view.viewport().geometry().top() >= w.view.header.geometry().bottom()


def test_presentation_hides_the_header_and_leaving_brings_it_back(make_window, qtbot) -> None:
    w = make_window()
    assert w.view.header_visible()
    qtbot.keyClick(w.view, Qt.Key.Key_F5)
    QApplication.processEvents()
    assert w.presentation is not None and w.presentation.active
    assert not w.view.header_visible()
    assert w.view.viewportMargins().top() == 0
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not w.presentation.active
    assert w.view.header_visible() and w.view.viewportMargins().top() > 0


def test_set_header_visible_is_the_hook_to_hide_it(make_window) -> None:
    w = make_window()
    w.view.set_header_visible(False)
    assert not w.view.header_visible() and header_rect(w.view) == ("", header_rect(w.view)[1])
    assert w.view.viewportMargins().top() == 0
    w.view.set_header_visible(True)
    assert header_rect(w.view)[0] == "Regen Commons"
