"""What a file opens to: names readable at once, the cards in view from their top left."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ROOT


def test_opening_a_wide_network_keeps_names_readable(make_window: object) -> None:
    window = make_window(ROOT / "samples" / "coastal-alliance.dao.yaml")  # type: ignore[operator]
    window.resize(1100, 760)
    QApplication.processEvents()
    window.view.show_document()
    assert window.view.zoom() >= 0.6
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    cards = [c.sceneBoundingRect() for c in window.scene.cards.values()]
    left = min(r.left() for r in cards)
    top = min(r.top() for r in cards)
    assert shown.left() <= left and shown.top() <= top, "the view starts at the cards' top left"
    assert any(shown.contains(r) for r in cards)


def test_a_small_network_is_shown_whole(make_window: object) -> None:
    window = make_window(ROOT / "resources" / "templates" / "hybrid.dao.yaml")  # type: ignore[operator]
    window.view.show_document()
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert all(shown.contains(c.sceneBoundingRect()) for c in window.scene.cards.values())
    assert window.view.zoom() >= 0.6
