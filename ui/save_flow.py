"""Saving, autosaving and recovery for a main window, so that no work is lost on the way.

- A save first compares the file on disk with what this window read or last wrote (content
  hash, see :mod:`designer.io.stamp`). If another window or app saved it in between, the user
  chooses: reload theirs, save as another file, or overwrite. Nothing is overwritten silently.
- Any failed save or autosave says so: a dialog for a save, a status-bar message that stays
  until the next autosave succeeds for an autosave.
- Recovery offers every document a crashed session left, one question each. A recovery file is
  deleted only when the user declines it, or when the recovered document is saved or autosaved
  anew, so a second crash right after recovering loses nothing.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from designer.io.errors import cut
from designer.io.load import format_of
from designer.io.save import atomic_write, document_text
from designer.io.stamp import FileStamp, stamp_bytes, stamp_file
from ui.recovery import Recovered

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RELOAD, SAVE_AS, OVERWRITE, CANCEL = "Reload from Disk", "Save As…", "Overwrite", "Cancel"
RECOVER, DISCARD, LATER = "Recover", "Discard", "Later"
AUTOSAVE_FAILED = "Autosave failed"


SAVE, DONT_SAVE = "Save", "Don't Save"


def with_mnemonics(labels: list[str]) -> list[str]:
    """``labels`` with an ``&`` before a letter each, unique in the list (Alt+letter presses the
    button): a word's first letter when free, else the first free letter."""
    used: set[str] = set()
    marked = []
    for label in labels:
        starts = [i for i, c in enumerate(label) if c.isalpha() and (i == 0 or not label[i - 1].isalpha())]
        others = [i for i, c in enumerate(label) if c.isalpha() and i not in starts]
        at = next((i for i in starts + others if label[i].lower() not in used), None)
        if at is None:
            marked.append(label.replace("&", "&&"))
            continue
        used.add(label[at].lower())
        marked.append(label[:at].replace("&", "&&") + "&" + label[at:].replace("&", "&&"))
    return marked


def choose(parent: QWidget, title: str, text: str, options: list[str], escape: str) -> str:
    """A question with named answers; returns the label clicked (``escape`` for Esc or closing).
    Each button has its own Alt+letter."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {}
    for label, shown in zip(options, with_mnemonics(options), strict=True):
        role = QMessageBox.ButtonRole.RejectRole if label == escape else QMessageBox.ButtonRole.AcceptRole
        buttons[box.addButton(shown, role)] = label
    escape_button = next(b for b, label in buttons.items() if label == escape)
    box.setEscapeButton(escape_button)
    box.setDefaultButton(escape_button)
    box.exec()
    return buttons.get(box.clickedButton(), escape)


def ask_save(parent: QWidget, title: str, text: str) -> str:
    """"Save the changes …?": SAVE, DONT_SAVE or CANCEL (Esc, closing). The platform's standard
    buttons (so their order and roles are the desktop's), with Alt+S, Alt+D and Alt+C: the
    standard texts of some desktops carry no mnemonic."""
    sb = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, title, text, sb.Save | sb.Discard | sb.Cancel, parent)
    answers = {sb.Save: SAVE, sb.Discard: DONT_SAVE, sb.Cancel: CANCEL}
    for which, shown in zip(answers, with_mnemonics(list(answers.values())), strict=True):
        box.button(which).setText(shown)
    box.setDefaultButton(sb.Save)
    box.setEscapeButton(sb.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return answers.get(box.standardButton(clicked), CANCEL) if clicked is not None else CANCEL


def changed_on_disk(window: MainWindow, path: str) -> FileStamp | None:
    """The file's stamp when it differs from what this window read or wrote last, else None."""
    known: FileStamp | None = window.disk_stamp
    if known is None or window.path is None or Path(path).absolute() != Path(window.path).absolute():
        return None
    now = stamp_file(path)
    return now if now is not None and not known.same_content(now) else None


def save_to(window: MainWindow, path: str) -> bool:
    """Write the document to ``path``, asking first if someone else changed the file since."""
    from ui.main_window import APP_NAME

    window.view.finish_rename(commit=True)
    if changed_on_disk(window, path) is not None:
        answer = choose(window, APP_NAME, f"{Path(path).name} was changed on disk (by another window or program) "
                        "since you opened or saved it.\n\nOverwrite it with your version, save yours as another "
                        "file, or reload the file from disk (your unsaved changes are then lost)?",
                        [OVERWRITE, SAVE_AS, RELOAD, CANCEL], CANCEL)
        if answer == SAVE_AS:
            return bool(window.save_as())
        if answer == RELOAD:
            window.reload_from_disk()
            return False
        if answer != OVERWRITE:
            return False
    try:
        data = document_text(window.model.snapshot(), format_of(path)).encode("utf-8")
        atomic_write(path, data)
    except Exception as exc:  # whatever it is, the user must hear that the file was not saved
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        QMessageBox.critical(window, APP_NAME, f"Cannot save {path}:\n\n{reason}\n\nYour changes are not saved.")
        window.statusBar().showMessage(f"Not saved: {reason}", 0)
        return False
    window.disk_stamp = stamp_bytes(data, path)
    if window.path and window.path != path:
        window.watcher.removePath(window.path)
    window.recovery.discard(window.path)  # the old path's recovery file, or the untitled one
    forget_recovered(window)
    window.path = path
    if path not in window.watcher.files():
        window.watcher.addPath(path)
    window.notice.hide()
    window.settings.add_recent(path)
    window._refresh_recent()
    window.stack.set_clean()
    window.statusBar().showMessage(f"Saved {path}", 5000)
    return True


def opened(window: MainWindow, stamp: FileStamp | None) -> None:
    """Remember what the file looked like when it was read (taken before reading it)."""
    window.disk_stamp = stamp


def autosave(window: MainWindow) -> Path | None:
    """Write the recovery file; a failure shows in the status bar (a warning that other messages
    do not replace) until an autosave succeeds."""
    if not window.is_dirty():
        return None
    try:
        written = window.recovery.save(window.model.snapshot(), window.path, window.disk_stamp)
    except Exception as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        window.autosave_error = reason
        warning = _autosave_warning(window)
        warning.setText(f"⚠ {AUTOSAVE_FAILED}: {cut(reason, 60)} (save with Ctrl+S)")
        warning.setToolTip(f"{AUTOSAVE_FAILED}: {reason}\nUnsaved changes have no recovery file until an "
                           "autosave works again; the app retries every autosave interval.")
        warning.show()
        return None
    if window.autosave_error:
        window.autosave_error = None
        _autosave_warning(window).hide()
        window.statusBar().showMessage("Autosave works again", 5000)
    recovered = window.recovered_file
    if recovered is not None and recovered != written:
        recovered.unlink(missing_ok=True)
    window.recovered_file = None
    return written


def _autosave_warning(window: MainWindow) -> QLabel:
    label = window.statusBar().findChild(QLabel, "autosave-warning")
    if not isinstance(label, QLabel):
        label = QLabel()
        label.setObjectName("autosave-warning")
        label.setStyleSheet("color: #a3000b; font-weight: bold;")
        window.statusBar().addPermanentWidget(label)  # temporary messages do not hide it
    return label


def forget_recovered(window: MainWindow) -> None:
    """The recovered document was saved, or the user let it go: its recovery file can go too."""
    recovered = window.recovered_file
    if recovered is not None:
        recovered.unlink(missing_ok=True)
    window.recovered_file = None


def offer_recovery(window: MainWindow, keep_open: bool = False) -> bool:
    """At start-up: ask about each document a crashed session left, newest first. Recover opens it
    (the first here, the others in windows of their own), Discard deletes its recovery file, and
    Later, Esc or closing the question keeps it for the next start. With ``keep_open`` (a file was
    named on the command line and is open) only that file's own changes recover into this window."""
    from ui.main_window import APP_NAME

    pending = window.recovery.pending()
    target: MainWindow | None = None if keep_open else window
    recovered_any = False
    for found in pending:
        name = Path(found.path).name if found.path else "an untitled document"
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(found.saved_at))
        more = f" ({pending.index(found) + 1} of {len(pending)})" if len(pending) > 1 else ""
        answer = choose(window, APP_NAME, f"DAO Primitives Designer did not close properly{more}.\n\n"
                        f"Recover the unsaved changes to {name}, autosaved {when}?\n\nLater keeps them for the "
                        "next start; Discard deletes them.", [RECOVER, DISCARD, LATER], LATER)
        if answer == DISCARD:
            found.file.unlink(missing_ok=True)
            continue
        if answer != RECOVER:
            continue
        if target is None:
            same = keep_open and found.path is not None and window.path is not None and \
                Path(found.path).resolve() == Path(window.path).resolve() and not window.is_dirty()
            target = window if same else window.spawn()  # the open file's own changes replace it
        recover_into(target, found)
        recovered_any = True
        target = None
    return recovered_any


def recover_into(window: MainWindow, found: Recovered) -> None:
    window._load(found.document, found.path, dirty=True)
    window.disk_stamp = found.base
    window.recovered_file = found.file
    name = Path(found.path).name if found.path else "an untitled document"
    window.statusBar().showMessage(f"Recovered unsaved changes to {name}; they are autosaved until you save", 8000)
