"""The Guide panel: a section filled by keyboard, ticked options, saved and read back from YAML."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import QPoint, Qt

from tests.ui.panels.helpers import click_index


def test_fill_a_section_save_and_read_it_back(window, qtbot, tmp_path: Path) -> None:
    w = window(None)  # a blank document: every section starts empty
    guide = w.panels.get("guide")
    w.panels.focus("guide")
    assert all(guide.list.item(r).text().startswith("○") for r in range(guide.list.count()))
    boundaries = next(i for i, s in enumerate(guide.sections) if s.id == "boundaries")
    click_index(qtbot, guide.list, guide.list.model().index(boundaries, 0))
    page = guide.stack.currentWidget()
    for path, text in ((("boundaries", "community"), "The DAO votes budgets."),
                       (("boundaries", "coordination"), "One top-level cell."),
                       (("boundaries", "cell"), "Every cell keeps a state page."),
                       (("boundaries", "partnerships"), "Partners sign an agreement with a cell.")):
        editor = page.editors[path]
        editor.input.setFocus()
        qtbot.keyClicks(editor.input, text)
        qtbot.keyClick(editor.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert guide.list.item(boundaries).text().startswith("✓")
    assert w.stack.index == 4
    # tick a guide option and add one of our own in the requirements
    requirements = next(i for i, s in enumerate(guide.sections) if s.id == "requirements")
    click_index(qtbot, guide.list, guide.list.model().index(requirements, 0))
    options = guide.stack.currentWidget().editors[("requirements", "decision_scope", "choices")]
    box = options.checks["coordination between cells"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.keyClicks(options.own, "treasury policy")
    qtbot.keyClick(options.own, Qt.Key.Key_Return)
    assert guide.list.item(requirements).text().startswith("◐")
    target = tmp_path / "guided.dao.yaml"
    assert w.save_to(str(target))
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["design"]["boundaries"]["cell"] == "Every cell keeps a state page."
    assert data["design"]["requirements"]["decision_scope"]["choices"] == ["coordination between cells",
                                                                           "treasury policy"]
    w.stack.undo()
    assert w.model.design.requirements.decision_scope.choices == ["coordination between cells"]
    assert options.read() == ["coordination between cells"]


def test_approach_choice_also_sets_the_rules_approach(window, qtbot) -> None:
    w = window()
    guide = w.panels.get("guide")
    guide.show_section(next(i for i, s in enumerate(guide.sections) if s.id == "approach"))
    choice = guide.stack.currentWidget().editors[("approach", "choice")]
    choice.input.setFocus()
    choice.input.setCurrentIndex(choice.input.findData("top-down"))
    choice.input.activated.emit(choice.input.currentIndex())
    assert w.model.design.approach.choice == "top-down"
    assert w.model.organization.approach == "top-down"
    w.stack.undo()
    assert w.model.organization.approach == "hybrid"
    assert choice.read() == "hybrid"


def test_sample_sections_show_as_filled(window) -> None:
    w = window()
    guide = w.panels.get("guide")
    marks = [guide.list.item(r).text()[0] for r in range(guide.list.count())]
    assert marks.count("✓") >= 10
