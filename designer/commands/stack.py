"""Commands and the undo stack.

A command describes one user intention ("add a cell", "move these cards"). Running it records the
model's primitive operations; undo replays their inverses, redo replays them again. Macros group
commands so that a compound gesture is one undo step; commands that say so merge with the one
before them (arrow-key nudges of the same selection become one step).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from designer.commands.model import DocumentModel, Op


class CommandError(ValueError):
    """A command that cannot be carried out; the model is left exactly as it was."""


class Command:
    """Base class: subclasses implement :meth:`apply`, which changes the model through its ops."""

    title = "Edit"
    merge_key: Any = None
    """Commands with equal, non-None keys pushed one after another merge into one undo step."""

    def __init__(self) -> None:
        self._forward: list[Op] = []
        self._inverse: list[Op] = []
        self.result: Any = None

    def apply(self, model: DocumentModel) -> Any:
        raise NotImplementedError

    def run(self, model: DocumentModel) -> None:
        model.start_recording()
        try:
            self.result = self.apply(model)
        except BaseException:
            recorded = model.stop_recording()
            model.replay([inv for _, inv in reversed(recorded)])
            raise
        recorded = model.stop_recording()
        self._forward = [op for op, _ in recorded]
        self._inverse = [inv for _, inv in reversed(recorded)]

    def undo(self, model: DocumentModel) -> None:
        model.replay(self._inverse)

    def redo(self, model: DocumentModel) -> None:
        model.replay(self._forward)

    @property
    def changed_anything(self) -> bool:
        return bool(self._forward)

    def absorb(self, later: Command) -> None:
        """Take over a later command's changes (both already applied) so they undo as one."""
        self._forward += later._forward
        self._inverse = later._inverse + self._inverse


class Macro(Command):
    """Several commands as one undo step."""

    def __init__(self, title: str, commands: list[Command] | None = None) -> None:
        super().__init__()
        self.title = title
        self.commands = list(commands or [])

    def apply(self, model: DocumentModel) -> Any:
        results = []
        for command in self.commands:
            results.append(command.apply(model))
        return results


class UndoStack:
    """Linear history with a clean mark (the last saved state) and change listeners."""

    def __init__(self, model: DocumentModel, limit: int = 1000) -> None:
        self.model = model
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean: int | None = 0
        self._macro: list[Command] | None = None
        self._macro_title = ""
        self._macro_depth = 0
        self._listeners: list[Callable[[], None]] = []

    # --- running -------------------------------------------------------------------------------

    def push(self, command: Command) -> Any:
        """Run ``command`` and record it; raises :class:`CommandError` with the model unchanged."""
        command.run(self.model)
        if not command.changed_anything:
            return command.result
        if self._macro is not None:
            self._macro.append(command)
            return command.result
        self._record(command)
        return command.result

    def _record(self, command: Command) -> None:
        last = self._done[-1] if self._done else None
        if (
            last is not None
            and command.merge_key is not None
            and last.merge_key == command.merge_key
            and not self._undone
            and self._clean != len(self._done)
        ):
            last.absorb(command)
        else:
            self._done.append(command)
            if self._clean is not None and self._clean > len(self._done) - 1 and self._undone:
                self._clean = None
            self._undone.clear()
            if len(self._done) > self.limit:
                self._done.pop(0)
                self._clean = None if self._clean in (None, 0) else self._clean - 1
        self._undone.clear()
        self._notify()

    def begin_macro(self, title: str) -> None:
        """Group what is pushed until :meth:`end_macro` into one undo step. Nests."""
        if self._macro_depth == 0:
            self._macro = []
            self._macro_title = title
        self._macro_depth += 1

    def end_macro(self) -> None:
        if self._macro_depth == 0:
            raise RuntimeError("end_macro without begin_macro")
        self._macro_depth -= 1
        if self._macro_depth:
            return
        commands, self._macro = self._macro or [], None
        if not commands:
            return
        macro = Macro(self._macro_title, commands)
        for command in commands:
            macro._forward += command._forward
        for command in reversed(commands):
            macro._inverse += command._inverse
        self._record(macro)

    def abort_macro(self) -> None:
        """Undo what the open macro did and drop it (a gesture cancelled with Escape)."""
        commands, self._macro = self._macro or [], None
        self._macro_depth = 0
        for command in reversed(commands):
            command.undo(self.model)

    # --- history -------------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self._done) and self._macro is None

    def can_redo(self) -> bool:
        return bool(self._undone) and self._macro is None

    def replace_last(self, merge_key: Any, command: Command) -> Any:
        """Run ``command`` in place of the last step, whose ``merge_key`` it must be: the step is
        undone, ``command`` runs, and the history has one step as before. A primitive named as it
        is dropped is added again under its name, so its id comes from the name, not from the
        placeholder. Raises :class:`CommandError` with the model and the history unchanged."""
        last = self._done[-1] if self._done else None
        if last is None or merge_key is None or last.merge_key != merge_key or self._macro is not None:
            raise CommandError("the step to replace is no longer the last one")
        saved_here = self._clean == len(self._done)
        self._done.pop()
        last.undo(self.model)
        try:
            command.run(self.model)
        except CommandError:
            last.redo(self.model)
            self._done.append(last)
            raise
        command.merge_key = merge_key
        self._done.append(command)
        self._undone.clear()
        if saved_here:
            self._clean = None  # the saved file holds the replaced step
        self._notify()
        return command.result

    def last(self) -> Command | None:
        """The step Undo would undo (None with nothing done)."""
        return self._done[-1] if self._done else None

    def retitle_last(self, title: str) -> None:
        """Name the last step anew (a step that absorbed a later one says what it now does)."""
        if self._done:
            self._done[-1].title = title
            self._notify()

    def undo_text(self) -> str:
        return self._done[-1].title if self._done else ""

    def redo_text(self) -> str:
        return self._undone[-1].title if self._undone else ""

    def undo(self) -> None:
        if not self.can_undo():
            return
        command = self._done.pop()
        command.undo(self.model)
        self._undone.append(command)
        self._notify()

    def redo(self) -> None:
        if not self.can_redo():
            return
        command = self._undone.pop()
        command.redo(self.model)
        self._done.append(command)
        self._notify()

    def set_index(self, index: int) -> None:
        """Undo or redo until ``index`` commands are done (the history view's click)."""
        while len(self._done) > index and self.can_undo():
            self.undo()
        while len(self._done) < index and self.can_redo():
            self.redo()

    @property
    def index(self) -> int:
        return len(self._done)

    def titles(self) -> list[str]:
        """Every step, done then undone, oldest first: what a history view lists."""
        return [c.title for c in self._done] + [c.title for c in reversed(self._undone)]

    # --- clean state ---------------------------------------------------------------------------

    def set_clean(self) -> None:
        self._clean = len(self._done)
        self._notify()

    def mark_unsaved(self) -> None:
        """No step in the history matches what is on disk (a document recovered after a crash)."""
        self._clean = None
        self._notify()

    def is_clean(self) -> bool:
        return self._clean == len(self._done)

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean = 0
        self._notify()

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` after every finished step: a push (or a whole macro), an undo, a redo,
        or a change of the clean state. Views that batch their redraws settle here."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
