"""The organization is named in the app: File > Properties and New from Template; the name shows in
the title, on the canvas and in exports, and each change is one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from tests.ui.test_export_menu import choose


def open_properties(w, qtbot):  # type: ignore[no-untyped-def]
    """File > Properties… from the File menu's action, as the menu would trigger it."""
    w.actions_.properties.trigger()
    shown = [d for d in w.findChildren(QDialog, "properties-dialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_properties_names_the_organization_in_title_header_and_export(make_window, qtbot, tmp_path: Path,
                                                                      monkeypatch) -> None:
    w = make_window()
    assert "Regen Commons" in w.windowTitle()
    dialog = open_properties(w, qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name, timeout=2000)
    qtbot.keyClick(dialog.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.name, "Tide Commons")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert w.model.organization.name == "Tide Commons"
    assert w.windowTitle().startswith("Tide Commons — regen-commons.dao.yaml")
    assert w.stack.titles()[-1] == "Edit properties"
    # the canvas header shows it in its strip above the viewport
    from ui.canvas.org_header import header_rect

    text, rect = header_rect(w.view)
    assert text == "Tide Commons"
    assert w.view.viewport().geometry().top() >= rect.bottom()
    assert not w.view.header.grab().toImage().isNull()
    # an export carries it
    out = tmp_path / "handbook.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), ""))
    choose(w, "markdown")
    assert "Tide Commons" in out.read_text(encoding="utf-8")
    # one undo step brings the old name back everywhere
    w.stack_undo()
    assert w.model.organization.name == "Regen Commons"
    assert w.windowTitle().startswith("Regen Commons — ")
    assert header_rect(w.view)[0] == "Regen Commons"


def test_properties_approach_and_description_are_one_step_and_empty_name_is_refused(make_window, qtbot) -> None:
    w = make_window()
    dialog = open_properties(w, qtbot)
    dialog.approach.setCurrentText("top-down")
    dialog.description.setFocus()
    qtbot.keyClick(dialog.description, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.description, "Fishers of the bay.")
    steps = w.stack.index
    dialog.accept()
    assert w.model.organization.approach == "top-down"
    assert w.model.design.approach.choice == "top-down"  # type: ignore[union-attr]
    assert w.model.organization.description == "Fishers of the bay."
    assert w.stack.index == steps + 1
    dialog = open_properties(w, qtbot)
    dialog.name.clear()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message.text() == "Not saved: the organization needs a name"
    dialog.reject()
    assert w.model.organization.name == "Regen Commons"
    w.stack_undo()
    assert w.model.organization.approach == "hybrid" and w.model.organization.description != "Fishers of the bay."


def test_new_from_template_asks_for_the_name(make_window, qtbot, monkeypatch) -> None:
    from ui.template_dialog import TemplateDialog

    w = make_window()
    w.stack.set_clean()

    def run(dialog: TemplateDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.name, "Harbor Fishers")
        dialog.list.setCurrentRow(next(i for i, t in enumerate(dialog.templates) if t.name == "hybrid"))
        dialog.close()
        return 1

    monkeypatch.setattr(TemplateDialog, "exec", run)
    w.new_from_template()
    assert w.model.organization.name == "Harbor Fishers"
    assert w.windowTitle().startswith("Harbor Fishers — Untitled")
    QApplication.processEvents()
    image: QImage = w.view.viewport().grab().toImage()
    assert not image.isNull()


def test_template_dialog_without_a_name_keeps_the_placeholder() -> None:
    from ui.template_dialog import TemplateDialog

    dialog = TemplateDialog()
    assert dialog.organization_name() == "Untitled network"
    dialog.name.setText("  Regen  ")
    assert dialog.organization_name() == "Regen"


def test_properties_leaves_an_untouched_description_exactly_as_stored(make_window, qtbot) -> None:
    """A description written as a YAML block ends with a newline; renaming alone must not trim it."""
    from designer.commands.links import EditSection

    w = make_window()
    w.stack.push(EditSection("organization.description", "Line one\nLine two\n"))
    dialog = open_properties(w, qtbot)
    qtbot.keyClicks(dialog.name, "Tide Commons")  # the name is selected: typing replaces it
    dialog.accept()
    assert w.model.organization.name == "Tide Commons"
    assert w.model.organization.description == "Line one\nLine two\n"
    w.stack_undo()
    assert w.model.organization.name == "Regen Commons"
    assert w.model.organization.description == "Line one\nLine two\n"
