"""The Inspector edits lists of records (treasury accounts, decision mechanisms, transfers) in small
tables: a finished cell edit is one undo step, a bad value is refused with its reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.panels.helpers import select_on_canvas, type_into_cell
from ui.panels.inspector_tables import TableEditor

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "superbenefit-network.dao.yaml"
ACCOUNTS = ("state", "practice", "treasuries")


def _table(w, qtbot, path):  # type: ignore[no-untyped-def]
    inspector = w.panels.get("inspector")
    editor = inspector.form.editors[path]
    assert isinstance(editor, TableEditor)
    qtbot.waitUntil(lambda: editor.add.height() > 0, timeout=2000)  # the new form is laid out
    inspector.scroll.ensureWidgetVisible(editor)
    return editor


def _type_into(qtbot, editor: TableEditor, row: int, column: str, text: str) -> None:  # type: ignore[no-untyped-def]
    type_into_cell(qtbot, editor.table, row, [c[0] for c in editor.columns].index(column), text)


def test_a_treasury_account_is_edited_in_its_table_and_undone(window, qtbot) -> None:
    w = window(SAMPLE)
    w.panels.focus("inspector")
    select_on_canvas(w, qtbot, "general-circle")
    editor = _table(w, qtbot, ACCOUNTS)
    assert editor.table.rowCount() == 1
    signers = [c[0] for c in editor.columns].index("signers")
    assert editor.table.item(0, signers).text() == (
        "gc-member, contract 0x0000000000000000000000000000000000005151 Hats signer gate for the Circle hat"
    )
    steps = w.stack.index
    _type_into(qtbot, editor, 0, "threshold", "2")
    account = w.model["general-circle"].state.practice.treasuries[0]  # type: ignore[union-attr]
    assert account.threshold == 2 and account.signers[1].name == "Hats signer gate for the Circle hat"
    assert w.stack.index == steps + 1
    w.stack.undo()
    assert w.model["general-circle"].state.practice.treasuries[0].threshold == 3  # type: ignore[union-attr]
    assert editor.table.item(0, [c[0] for c in editor.columns].index("threshold")).text() == "3"


def test_a_bad_value_is_refused_with_its_reason_and_the_table_goes_back(window, qtbot) -> None:
    w = window(SAMPLE)
    w.panels.focus("inspector")
    select_on_canvas(w, qtbot, "general-circle")
    editor = _table(w, qtbot, ACCOUNTS)
    steps = w.stack.index
    _type_into(qtbot, editor, 0, "kind", "vault")
    assert w.stack.index == steps
    assert editor.message.text() == "Not saved: 'vault' is not allowed; expected one of: 'safe', 'multisig' or 'other'"
    assert editor.table.item(0, [c[0] for c in editor.columns].index("kind")).text() == "safe"


def test_a_mechanism_row_is_added_with_its_first_value(window, qtbot) -> None:
    w = window(SAMPLE)
    w.panels.focus("inspector")
    select_on_canvas(w, qtbot, "general-circle")
    editor = _table(w, qtbot, ("state", "practice", "decision_making", "mechanisms"))
    assert editor.table.rowCount() == 0
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    _type_into(qtbot, editor, 0, "name", "Budget vote")
    _type_into(qtbot, editor, 0, "quorum", "10%")
    mechanisms = w.model["general-circle"].state.practice.decision_making.mechanisms  # type: ignore[union-attr]
    assert [(m.name, m.quorum) for m in mechanisms] == [("Budget vote", 10)]


def test_a_dao_becomes_a_legal_entity_in_one_step(window, qtbot) -> None:
    w = window(SAMPLE)
    w.panels.focus("inspector")
    select_on_canvas(w, qtbot, "superbenefit-community")
    editor = w.panels.get("inspector").form.editors[("entity",)]
    assert editor.input.currentText() == "dao"  # the default, though the file leaves it out
    steps = w.stack.index
    editor.input.setFocus()
    qtbot.keyClick(editor.input, Qt.Key.Key_Down)
    assert w.model["superbenefit-community"].entity == "legal-entity"  # type: ignore[union-attr]
    assert w.stack.index == steps + 1
    w.stack.undo()
    assert w.model["superbenefit-community"].entity == "dao"  # type: ignore[union-attr]


def test_a_funding_link_takes_a_percentage_and_its_basis(window, qtbot) -> None:
    w = window()
    select_on_canvas(w, qtbot, "ops")
    links = w.panels.get("inspector").links
    funds = next(i for i, k in enumerate(links.keys) if k[2] == "funds" and k[1] == "ops")
    links.tree.setCurrentItem(links.tree.topLevelItem(funds))
    steps = w.stack.index
    for name, text in (("percent", "10%"), ("basis", "grant income")):
        editor = links.editors[name]
        editor.input.setFocus()
        editor.input.selectAll()
        qtbot.keyClicks(editor.input, text)
        qtbot.keyClick(editor.input, Qt.Key.Key_Return)
    link = w.model.links[w.model.link_index(links.keys[funds])]
    assert (link.percent, link.basis) == (10, "grant income") and w.stack.index == steps + 2
