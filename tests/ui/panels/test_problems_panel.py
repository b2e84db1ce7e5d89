"""The Problems panel and the live validation behind it: badges, status bar, click to jump."""

from __future__ import annotations

from designer.commands.primitives import EditField
from tests.ui.panels.helpers import click_index


def _leaf_rows(panel):  # type: ignore[no-untyped-def]
    proxy = panel.proxy
    for r in range(proxy.rowCount()):
        sev = proxy.index(r, 0)
        for g in range(proxy.rowCount(sev)):
            group = proxy.index(g, 0, sev)
            for i in range(proxy.rowCount(group)):
                yield proxy.index(i, 0, group)


def test_findings_show_in_panel_status_bar_and_badges(window) -> None:
    w = window()
    problems = w.panels.problems
    assert {f.code for f in problems.findings} >= {"DP103", "DP311"}
    assert w.problems_label.text() == "1 warning · 2 notes"
    panel = w.panels.get("problems")
    leaves = list(_leaf_rows(panel))
    assert len(leaves) == len(problems.findings)
    assert w.scene.cards["data"].problems >= 1
    assert w.scene.cards["ops"].problems == 0


def test_click_on_a_finding_selects_and_centres_its_primitive(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("problems")
    w.panels.focus("problems")
    target = next(ix for ix in _leaf_rows(panel) if panel.finding_at(ix).code == "DP103")
    click_index(qtbot, panel.tree, target)
    assert w.scene.selected_ids() == ["data"]
    assert w.panels.hub.selected() == ["data"]
    centre = w.view.mapToScene(w.view.viewport().rect().center())
    assert w.scene.cards["data"].sceneBoundingRect().adjusted(-200, -200, 200, 200).contains(centre)
    assert "How to fix" in panel.details.toPlainText()
    assert "Why it matters" in panel.details.toPlainText()


def test_fixing_a_problem_by_its_hint_clears_it_incrementally(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("problems")
    before = len(w.panels.problems.findings)
    # DP103: the data cell is in organization with a formation readiness item unticked.
    from designer.commands.primitives import TickChecklist

    w.stack.push(TickChecklist("data", "formation", "support-secured"))
    assert "DP103" not in {f.code for f in w.panels.problems.findings}
    assert len(list(_leaf_rows(panel))) == before - 1
    w.stack.undo()
    assert "DP103" in {f.code for f in w.panels.problems.findings}
    # an edit that breaks something shows up at once, with a badge on the card
    w.stack.push(EditField("ops", "state.purpose.statement", None))
    assert any(f.primitive == "ops" and f.code == "DP301" for f in w.panels.problems.findings)
    assert w.scene.cards["ops"].problems >= 1


def test_filters_hide_and_show_findings(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("problems")
    total = len(list(_leaf_rows(panel)))
    qtbot.keyClicks(panel.search, "DP103")
    assert len(list(_leaf_rows(panel))) == 1
    panel.search.clear()
    qtbot.mouseClick(panel.toggles["warning"], __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert len(list(_leaf_rows(panel))) == total - sum(1 for f in w.panels.problems.findings if f.severity == "warning")


def test_f8_walks_through_the_problems(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("problems")
    panel.next_problem()
    first = w.panels.hub.selected()
    panel.next_problem()
    assert first and w.panels.hub.selected()


def test_renaming_a_primitive_renames_its_group_at_once(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A rename changes no finding, but the group header names the primitive: it must follow
    (a tryout saw 'New DAO' long after the DAO was named)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.ui.conftest import at

    w = window()
    panel = w.panels.get("problems")

    def headers() -> list[str]:
        proxy = panel.proxy
        return [proxy.index(g, 0, proxy.index(r, 0)).data() for r in range(proxy.rowCount())
                for g in range(proxy.rowCount(proxy.index(r, 0)))]

    assert any(h.startswith("Data Cell — cell") for h in headers())
    card = w.scene.cards["data"]
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=at(w.view, card.mapToScene(card.name_rect().center())))
    editor = w.view._editor
    editor.selectAll()
    QTest.keyClicks(editor, "Data Team")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert w.model["data"].name == "Data Team"
    assert any(h.startswith("Data Team — cell") for h in headers())
    assert not any(h.startswith("Data Cell") for h in headers())
    w.stack.undo()
    assert any(h.startswith("Data Cell — cell") for h in headers())


def test_an_edit_that_changes_no_finding_and_no_name_leaves_the_panel_alone(window) -> None:  # type: ignore[no-untyped-def]
    """The panel re-reads all findings only when they change (on a 10k document that costs about
    100 ms an edit); a rename re-labels only its own group."""
    w = window()
    problems = w.panels.problems
    refreshed: list[object] = []
    relabelled: list[list[str]] = []
    problems.findingsChanged.connect(lambda: refreshed.append(1))
    problems.namesChanged.connect(relabelled.append)
    w.stack.push(EditField("data", "description", "Survey data for the whole network."))
    w.stack.push(EditField("ops", "description", "Runs the network day to day."))
    assert refreshed == [] and relabelled == []
    from designer.commands.primitives import Rename

    w.stack.push(Rename("data", "Data Team"))
    assert refreshed == [] and relabelled == [["data"]]
