"""Small frictions a new user met in the canvas tryout under Xvfb: a toolbar that shifted under
the pointer, a stale instruction in the status bar, an incomplete shortcut list, a template list
that scrolled sideways, a drag hint blown up over the overview."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from tests.ui.conftest import at
from tests.ui.gestures import drag_path, palette_drop, release
from ui.canvas.style import style


def toolbar_button(w, action) -> QToolButton:  # type: ignore[no-untyped-def]
    toolbar = w.findChild(QToolBar)
    button = toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button


def test_the_toolbar_undo_keeps_its_text_and_names_the_step_in_its_tooltip(qtbot, make_window) -> None:
    w = make_window()
    button = toolbar_button(w, w.actions_.undo)
    width = button.sizeHint().width()
    card = w.scene.cards["comms"]
    name = at(w.view, card.mapToScene(card.name_rect().center()))
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=name)
    QTest.keyClicks(w.view._editor, "Story Cell with a long name")
    QTest.keyClick(w.view._editor, Qt.Key.Key_Return)
    assert w.actions_.undo.text() == "&Undo Rename"  # the Edit menu names the step
    assert button.text() == "Undo" and button.sizeHint().width() == width
    assert button.toolTip().startswith("Undo Rename")


def test_the_drop_hint_in_the_status_bar_ends_with_the_naming(qtbot, make_window) -> None:
    w = make_window()
    right = max(c.sceneBoundingRect().right() for c in w.scene.cards.values())
    palette_drop(w.view, "cell", at(w.view, QPointF(right + 200, w.scene.lane_tops[2] + 120)))
    assert w.statusBar().currentMessage().startswith("added cell 'New cell': type its name")
    QTest.keyClick(w.view._editor, Qt.Key.Key_Escape)
    assert w.statusBar().currentMessage() == "added cell 'New cell'"


def test_keyboard_shortcuts_list_panels_problems_and_gestures(qtbot, make_window, no_dialogs) -> None:
    w = make_window()
    w.panels.start()
    QTest.keyClick(w, Qt.Key.Key_F1)
    ((_, text),) = [d for d in no_dialogs if d[0] == "information"]
    for expected in ("<td>Undo</td>", "Ctrl+Y", "Go to Inspector", "Ctrl+1", "Next problem", "F8", "Space+drag",
                     "Alt while dropping", "Arrow keys", "Esc"):
        assert expected in text, expected
    assert "Shift+Save" not in text and "<td>Undo Rename" not in text


def test_template_descriptions_wrap_instead_of_scrolling_sideways(qtbot) -> None:
    from ui.template_dialog import TemplateDialog

    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    lst = dialog.list
    assert not lst.horizontalScrollBar().isVisible()
    for row in range(lst.count()):
        assert lst.visualItemRect(lst.item(row)).width() <= lst.viewport().width()


def test_the_drag_hint_does_not_cover_the_overview(qtbot, make_window, monkeypatch) -> None:
    w = make_window()
    view = w.view
    monkeypatch.setattr(view, "choose_link_kind", lambda kinds: None)
    source, ops = w.scene.cards["festival"], w.scene.cards["ops"]
    source.setSelected(True)
    view.set_zoom(0.6)
    view.centerOn((source.sceneBoundingRect().center() + ops.sceneBoundingRect().center()) / 2)
    handle = view.mapFromScene(source.mapToScene(source.handle_center()))
    end = view.mapFromScene(ops.mapToScene(QPointF(130, 34)))
    drag_path(view, handle, end)
    assert view._gesture.highlight.isVisible()
    image = w.minimap.viewport().grab().toImage()
    tag = style().select
    covered = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                  if image.pixelColor(x, y).rgb() == tag.rgb())
    assert covered < image.width() * image.height() / 4 * 0.05, f"{covered} tag-coloured pixels in the overview"
    release(view, end)
