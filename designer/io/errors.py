"""Load errors that say exactly where the problem is, as ``file:line:column: message``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with its position when known (1-based)."""

    message: str
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = field(default=())

    def located(self, file: str) -> str:
        where = file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


def line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of character ``index`` in ``text``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


class LoadError(Exception):
    """A file that cannot be loaded. Nothing of it is kept: there is no partial document."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0)) or [Problem("unreadable")]
        super().__init__(self.summary())

    @property
    def first(self) -> Problem:
        return self.problems[0]

    def summary(self) -> str:
        """One line for the terminal or a dialog's headline."""
        text = self.first.located(self.file)
        extra = len(self.problems) - 1
        if extra:
            text += f" (and {extra} more problem{'s' if extra > 1 else ''})"
        return text

    def details(self) -> list[str]:
        return [p.located(self.file) for p in self.problems]
