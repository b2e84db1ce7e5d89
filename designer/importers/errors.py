"""Import failures that name the file and, where there is one, the line: ``file:line: message``."""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
"""The same cap as state files: an import never reads more than it could save."""


class ImportFailure(Exception):
    """An input file that cannot be imported; nothing of it is kept."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


def read_text(path: str | Path) -> str:
    """The file as UTF-8 text (a leading byte-order mark removed), or an :class:`ImportFailure`."""
    name = str(path)
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            raise ImportFailure(name, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ImportFailure(name, "no such file") from None
    except IsADirectoryError:
        raise ImportFailure(name, "is a folder, not a file") from None
    except OSError as exc:
        raise ImportFailure(name, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFailure(name, "the file is not UTF-8 text", line) from None
    return text.removeprefix("\ufeff")
