"""File > Export: the canvas as drawn and every registry format, of the document as it is in the
window (saved or not); refusals say why and write nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from designer.export.registry import EXPORTERS, ExportError, load_all
from tests.ui.conftest import at


def open_export_menu(w):  # type: ignore[no-untyped-def]
    """Open File > Export as a person would: the menu fills itself when first shown."""
    menu = w.actions_.export_menu
    menu.popup(w.mapToGlobal(QPoint(40, 40)))
    QApplication.processEvents()
    assert menu.isVisible()
    return menu


def choose(w, key: str) -> None:  # type: ignore[no-untyped-def]
    menu = open_export_menu(w)
    action = w.actions_.export_actions[key]
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    QApplication.processEvents()


def rename_on_canvas(w, qtbot, pid: str, name: str) -> None:  # type: ignore[no-untyped-def]
    card = w.scene.cards[pid]
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=at(w.view, card.mapToScene(card.name_rect().center())))
    w.view._editor.selectAll()
    QTest.keyClicks(w.view._editor, name)
    QTest.keyClick(w.view._editor, Qt.Key.Key_Return)


def test_the_menu_lists_the_canvas_and_every_format_but_the_state_files(qtbot, make_window) -> None:
    w = make_window()
    open_export_menu(w)
    keys = list(w.actions_.export_actions)
    assert keys[:2] == ["canvas-png", "canvas-svg"]
    assert set(keys[2:]) == set(load_all()) - {"yaml", "json"}
    texts = [a.text() for a in w.actions_.export_menu.actions() if a.text()]
    assert "Governance Handbook (Markdown)…" in texts and "Canvas as Drawn (SVG)…" in texts
    assert "State Folder (one YAML file per primitive)…" in texts
    tips = {a.text(): a.statusTip() for a in w.actions_.export_menu.actions()}
    assert tips["Roles and Members (CSV)…"] == load_all()["csv"].description


def test_export_writes_the_unsaved_document(qtbot, make_window, tmp_path: Path, monkeypatch) -> None:
    w = make_window()
    rename_on_canvas(w, qtbot, "comms", "Story Cell")
    asked: list[str] = []
    out = tmp_path / "handbook.md"

    def save_name(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(out), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    choose(w, "markdown")
    assert asked == [str(Path(w.path).parent / "regen-commons-handbook.md")]
    text = out.read_text(encoding="utf-8")
    assert text == load_all()["markdown"].render(w.model.snapshot())  # type: ignore[misc]
    assert "Story Cell" in text
    assert w.statusBar().currentMessage() == f"exported markdown to {out}"
    asked.clear()
    choose(w, "mermaid")
    assert asked == [str(tmp_path / "regen-commons.mmd")], "the next export starts in the last folder"


def test_canvas_png_is_the_canvas_as_drawn_and_keeps_the_selection(qtbot, make_window, tmp_path: Path,
                                                                     monkeypatch) -> None:
    from ui.canvas.style import style

    w = make_window()
    w.scene.cards["ops"].setSelected(True)
    edge = next(e for e in w.scene.edges.values() if e.label == "festival grant")
    edge.setSelected(True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "canvas"), ""))
    choose(w, "canvas-png")
    image = QImage(str(tmp_path / "canvas.png"))
    assert not image.isNull()
    assert image.width() == pytest.approx(w.scene.sceneRect().width() * 1.5, abs=2)
    select = style().select.rgb()  # the selection outline's colour: not in the picture
    assert not any(image.pixelColor(x, y).rgb() == select for x in range(0, image.width(), 3)
                   for y in range(0, image.height(), 3))
    assert w.scene.selected_ids() == ["ops"] and w.scene.selected_link_keys() == [edge.key]


def test_a_canvas_png_over_the_size_cap_says_it_was_drawn_smaller(qtbot, make_window, tmp_path: Path,
                                                                   monkeypatch) -> None:
    import ui.render

    w = make_window()
    monkeypatch.setattr(ui.render, "MAX_SIDE", 800)  # the real cap is 16,384 px: too big for a test
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "canvas.png"), ""))
    choose(w, "canvas-png")
    image = QImage(str(tmp_path / "canvas.png"))
    assert max(image.width(), image.height()) == 800
    message = w.statusBar().currentMessage()
    out = tmp_path / "canvas.png"
    assert message.startswith(f"exported the canvas to {out} ({out}: at scale 1.5")
    assert "as a PNG gets at most 800 px on a side)" in message


def test_a_canvas_export_that_cannot_be_written_says_so(qtbot, make_window, tmp_path: Path, monkeypatch,
                                                       no_dialogs) -> None:
    w = make_window()
    target = tmp_path / "gone" / "c.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    choose(w, "canvas-svg")
    assert ("warning", f"Could not export canvas SVG: cannot write {target}: the folder does not exist\n\n"
                       "Nothing was written.") in no_dialogs
    assert not target.parent.exists()
    assert not w.statusBar().currentMessage().startswith("exported")


def test_a_refused_export_says_why_and_writes_nothing(qtbot, make_window, tmp_path: Path, monkeypatch,
                                                     no_dialogs) -> None:
    def no_graphviz(doc):  # type: ignore[no-untyped-def]
        raise ExportError("Graphviz's 'dot' was not found; install graphviz")

    monkeypatch.setitem(EXPORTERS, "svg", replace(load_all()["svg"], render=no_graphviz))
    w = make_window()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "d.svg"), ""))
    choose(w, "svg")
    assert ("warning", "Could not export svg: Graphviz's 'dot' was not found; install graphviz\n\n"
                       "Nothing was written.") in no_dialogs
    assert not (tmp_path / "d.svg").exists()


def test_a_folder_export_goes_into_the_chosen_folder(qtbot, make_window, tmp_path: Path, monkeypatch) -> None:
    w = make_window()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path))
    choose(w, "state-dir")
    target = tmp_path / "regen-commons-state"
    assert target.is_dir() and any(target.rglob("*.yaml"))
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _w, _c, start, _f: (asked.append(start), ("", ""))[1])
    choose(w, "mermaid")
    assert asked == [str(tmp_path / "regen-commons.mmd")], "the next export starts in the folder chosen"
