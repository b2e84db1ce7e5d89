"""Load errors that say exactly where the problem is, as ``file:line:column: message``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

VALUE_SHOWN = 80
"""How much of a value from the file a message quotes; a 10 MB name is not repeated in full."""
MESSAGE_SHOWN = 400
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
_LONG_WORD = re.compile(r"\S{" + str(VALUE_SHOWN + 5) + ",}")


def visible(text: str) -> str:
    """``text`` with every character that does not show as itself escaped: controls, line breaks,
    bidi overrides, zero-width characters, surrogates. A message cannot reorder or hide its text."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN else c for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def cut(text: str, limit: int = VALUE_SHOWN) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tidy(message: str) -> str:
    """A message safe and short to show: invisible characters escaped, any run of more than about
    80 characters without a space cut (values are also cut where they are quoted), the whole cut
    to 400 characters."""
    message = visible(message)
    if len(message) > VALUE_SHOWN:
        message = _LONG_WORD.sub(lambda m: cut(m.group()), message)
    return cut(message, MESSAGE_SHOWN)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with its position when known (1-based)."""

    message: str
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", tidy(self.message))

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
