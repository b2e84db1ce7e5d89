"""Every button of the app's questions answers to Alt+letter: "Save the changes …?", the save
conflict (Overwrite / Save As… / Reload from Disk / Cancel) and recovery (Recover / Discard / Later)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui import save_flow

ALT = Qt.KeyboardModifier.AltModifier


def _press_alt(monkeypatch, qtbot, letter: str, seen: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    """The next question shows for real and gets Alt+``letter`` from the keyboard."""

    def run(box: QMessageBox) -> int:
        seen.append([b.text() for b in box.buttons()])
        box.show()
        box.activateWindow()
        qtbot.waitExposed(box)
        qtbot.waitUntil(box.isActiveWindow, timeout=2000)
        qtbot.keyClick(box, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
        # a mnemonic "animates" the click: the button is pressed for a moment first
        qtbot.waitUntil(lambda: box.clickedButton() is not None, timeout=2000)
        box.hide()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", run)


def _letters(texts: list[str]) -> list[str]:
    return [t[t.index("&") + 1].lower() for t in texts]


def test_with_mnemonics_gives_each_label_its_own_letter() -> None:
    assert save_flow.with_mnemonics(["Overwrite", "Save As…", "Reload from Disk", "Cancel"]) == [
        "&Overwrite", "&Save As…", "&Reload from Disk", "&Cancel"]
    assert save_flow.with_mnemonics(["Recover", "Discard", "Later"]) == ["&Recover", "&Discard", "&Later"]
    assert save_flow.with_mnemonics(["Save", "Save As…", "R&D"]) == ["&Save", "Save &As…", "&R&&D"]


def test_alt_d_answers_dont_save(make_window, monkeypatch, qtbot) -> None:
    w = make_window()
    w.insert_new("cell")
    seen: list[list[str]] = []
    _press_alt(monkeypatch, qtbot, "d", seen)
    assert w.maybe_save()  # Don't Save: the window may close
    texts = seen[0]
    assert sorted(texts) == sorted(["&Save", "&Don't Save", "&Cancel"])
    _press_alt(monkeypatch, qtbot, "c", seen)
    assert not w.maybe_save()


@pytest.mark.parametrize(("options", "escape", "letter", "answer"), [
    ([save_flow.OVERWRITE, save_flow.SAVE_AS, save_flow.RELOAD, save_flow.CANCEL], save_flow.CANCEL, "r",
     save_flow.RELOAD),
    ([save_flow.OVERWRITE, save_flow.SAVE_AS, save_flow.RELOAD, save_flow.CANCEL], save_flow.CANCEL, "s",
     save_flow.SAVE_AS),
    ([save_flow.RECOVER, save_flow.DISCARD, save_flow.LATER], save_flow.LATER, "d", save_flow.DISCARD),
    ([save_flow.RECOVER, save_flow.DISCARD, save_flow.LATER], save_flow.LATER, "r", save_flow.RECOVER),
])
def test_alt_letter_presses_the_named_button(make_window, monkeypatch, qtbot, options, escape, letter,
                                             answer) -> None:
    w = make_window()
    seen: list[list[str]] = []
    _press_alt(monkeypatch, qtbot, letter, seen)
    assert save_flow.choose(w, "DAO Primitives Designer", "Which?", options, escape) == answer
    letters = _letters(seen[0])
    assert len(set(letters)) == len(options)
