"""Small frictions a new user met in the canvas tryout under Xvfb: a toolbar that shifted under
the pointer, a stale instruction in the status bar, an incomplete shortcut list, a template list
that scrolled sideways, a drag hint blown up over the overview."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
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
    from ui.shortcuts_dialog import ShortcutsDialog

    (dialog,) = [d for d in w.findChildren(ShortcutsDialog) if d.isVisible()]
    text = dialog.html()
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
    assert lst.wordWrap()
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


def test_shift_wheel_pans_sideways_and_alt_wheel_up_and_down(qtbot, make_window) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    w = make_window()
    view = w.view
    bar, vbar = view.horizontalScrollBar(), view.verticalScrollBar()
    bar.setValue((bar.minimum() + bar.maximum()) // 2)
    zoom, y = view.zoom(), vbar.value()
    centre = QPointF(view.viewport().rect().center())

    def wheel(dx: int, dy: int, mods: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(dx, dy), Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)

    x = bar.value()
    wheel(0, -120, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() > x and vbar.value() == y and view.zoom() == zoom
    x = bar.value()
    wheel(120, 0, Qt.KeyboardModifier.NoModifier)
    assert bar.value() < x and view.zoom() == zoom
    y = vbar.value()
    wheel(0, -120, Qt.KeyboardModifier.AltModifier)
    assert vbar.value() > y and view.zoom() == zoom  # Alt+wheel: up and down
    wheel(0, 120, Qt.KeyboardModifier.NoModifier)
    assert view.zoom() > zoom  # the plain wheel still zooms


def test_ctrl_y_and_ctrl_shift_z_redo_and_ctrl_equals_zooms_in(qtbot, make_window) -> None:
    w = make_window()
    keys = {k.toString() for k in w.actions_.redo.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys
    assert "Ctrl+=" in {k.toString() for k in w.actions_.zoom_in.shortcuts()}
    w.scene.cards["data"].setSelected(True)
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key.Key_Right)
    x = w.model.layout["data"][0]
    QTest.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.statusBar().currentMessage() == "undid: Nudge"
    QTest.keyClick(w.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert w.model.layout["data"][0] == x and w.statusBar().currentMessage() == "redid: Nudge"
    zoom = w.view.zoom()
    QTest.keyClick(w.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.view.zoom() > zoom


def test_the_legend_stays_in_the_views_corner_and_in_renders(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.canvas.lane_item import legend_overlay_rect
    from ui.render import render_scene

    w = make_window()
    view = w.view
    rect = legend_overlay_rect(view)
    vp = view.viewport().rect()
    assert vp.contains(rect.toAlignedRect()) and rect.right() > vp.right() - 20 and rect.bottom() > vp.bottom() - 20
    key = style().links["funds"].color.rgb()  # the funds sample line of the key
    y = int(rect.top() + 8 + w.scene.legend.row * 1.5)

    def key_pixels() -> int:
        image = view.viewport().grab().toImage()
        return [image.pixelColor(x, y).rgb() for x in range(int(rect.left()) + 14, int(rect.left()) + 50)].count(key)

    assert key_pixels() >= 20
    w.actions_.show_legend.trigger()  # View > Show Legend off
    assert not view.show_legend and w.settings.q.value("canvas/show_legend") in (False, "false")
    assert key_pixels() < 5
    # an export carries the key all the same, in the scene's bottom-right corner
    out = tmp_path / "canvas.png"
    render_scene(w.scene, str(out), scale=1.0)
    image = QImage(str(out))
    legend = w.scene.legend.sceneBoundingRect().translated(-w.scene.sceneRect().topLeft())
    row = int(legend.top() + 8 + w.scene.legend.row * 1.5)
    assert [image.pixelColor(x, row).rgb() for x in range(int(legend.left()) + 14, int(legend.left()) + 50)
            ].count(key) >= 20
    w.actions_.show_legend.trigger()
    assert view.show_legend


def test_names_in_step_titles_are_no_mnemonics_and_stay_short(qtbot, make_window) -> None:
    w = make_window()
    right = max(c.sceneBoundingRect().right() for c in w.scene.cards.values())
    palette_drop(w.view, "cell", at(w.view, QPointF(right + 200, w.scene.lane_tops[2] + 120)))
    QTest.keyClicks(w.view._editor, "R&D " + "x" * 200)
    QTest.keyClick(w.view._editor, Qt.Key.Key_Return)
    text = w.actions_.undo.text()
    assert text.startswith("&Undo Add cell 'R&&D xxx") and text.endswith("…") and len(text) < 70
    assert w.actions_.undo.toolTip().startswith("Undo Add cell 'R&D x")


def test_pasting_something_else_says_so(qtbot, make_window) -> None:
    w = make_window()
    n = len(w.model.primitives)
    QApplication.clipboard().setText('{"format": "nope", "layout": {"a": 5}, "primitives": []}')
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert w.statusBar().currentMessage() == "the clipboard does not hold DAO Primitives Designer items"
    assert len(w.model.primitives) == n and w.stack.titles() == []


def test_scrolling_repaints_where_the_overlays_were_blitted_to(qtbot, make_window, monkeypatch) -> None:
    """A scroll moves the viewport's pixels, pinned lane tags and legend included (a tryout saw
    copies of the tags mid-canvas after a page back): both where the overlays are drawn and where
    their old pixels went must be repainted. (Offscreen, grab() repaints everything, so the
    requested regions are what can be checked.)"""
    from PySide6.QtCore import QRect

    from ui.canvas.lane_headers import STRIP_WIDTH
    from ui.canvas.lane_item import legend_overlay_rect

    w = make_window()
    view = w.view
    view.set_zoom(1.07)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    asked: list[QRect] = []
    viewport = view.viewport()
    real = viewport.update

    def record(*args):  # type: ignore[no-untyped-def]
        if args and isinstance(args[0], QRect):
            asked.append(QRect(args[0]))
        return real(*args)

    monkeypatch.setattr(viewport, "update", record)
    before = bar.value()
    bar.setValue(before - bar.pageStep())
    dx = before - bar.value()
    height = viewport.height()
    assert QRect(0, 0, STRIP_WIDTH, height) in asked
    assert QRect(dx, 0, STRIP_WIDTH, height) in asked, "the tags' blitted copy is not repainted"
    legend = legend_overlay_rect(view).toAlignedRect().adjusted(-2, -2, 2, 2)
    assert legend.translated(dx, 0) in asked
