"""Reading a roles-and-members sheet as spreadsheets really save it.

Shared by ``import --from csv`` (a new document) and ``import --from csv --into DOC`` (a merge):
- the delimiter is found from the header row: comma, semicolon (what Excel writes in locales that
  use a decimal comma) or tab;
- column names are matched without regard to case or surrounding spaces;
- a column whose name starts with ``x-`` is the user's own and is kept as an ``x-`` key on the
  primitive; any other unknown column is an error that lists the known ones;
- every cell loses the formula guard the exporter adds (see ``designer.export.csv_roles``).

Errors name the file, the line where the record starts and the spreadsheet's row number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from designer.export.csv_roles import COLUMNS, X_PREFIX, unguard
from designer.importers.errors import ImportFailure, read_text
from designer.wording import plural

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
TRUE = frozenset({"true", "yes", "y", "1", "x"})
FALSE = frozenset({"false", "no", "n", "0", ""})


@dataclass(frozen=True)
class Row:
    """One record below the header, as column name to cell text (formula guard removed)."""

    line: int
    """Where the record starts in the file (a quoted cell can span lines)."""
    number: int
    """The row number a spreadsheet shows (the header is row 1)."""
    cells: dict[str, str]

    def where(self, column: str | None = None) -> str:
        return f"row {self.number}" + (f", column '{column}'" if column else "")


@dataclass(frozen=True)
class Sheet:
    file: str
    delimiter: str
    columns: list[str]
    """Known columns in lower case, ``x-`` columns as written (prefix in lower case)."""
    rows: list[Row] = field(default_factory=list)

    @property
    def extension_columns(self) -> list[str]:
        return [c for c in self.columns if c.startswith(X_PREFIX)]

    def fail(self, row: Row, column: str | None, message: str) -> ImportFailure:
        return ImportFailure(self.file, f"{row.where(column)}: {message}", row.line)


def column_name(text: str) -> str:
    """A header cell as a column name: known names case-insensitively, ``X-Note`` as ``x-Note``."""
    name = unguard(text).strip()
    if name[:2].lower() == X_PREFIX:
        return X_PREFIX + name[2:]
    return name.lower()


def _is_column(name: str) -> bool:
    return name in COLUMNS or (name.startswith(X_PREFIX) and len(name) > len(X_PREFIX))


def _first_record(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []


def detect_delimiter(text: str) -> str:
    """The delimiter whose header row names the most known columns; when none names any (a sheet
    with only wrong names), what :class:`csv.Sniffer` makes of the first line; else a comma."""
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        score = sum(1 for c in _first_record(text, delimiter) if _is_column(column_name(c)))
        if score > best_score:
            best, best_score = delimiter, score
    if best_score:
        return best
    first_line = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first_line, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return ","


def _records(text: str, file: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Records with the line each starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            rows.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFailure(file, f"CSV syntax error: {exc}", start) from None
    return rows


def _header(record: list[str], file: str, required: Iterable[str]) -> list[str]:
    names = [column_name(c) for c in record]
    for name in names:
        if name == X_PREFIX:
            raise ImportFailure(file, f"column {name!r} needs a name after 'x-', e.g. 'x-notes'", 1)
        if not _is_column(name):
            raise ImportFailure(
                file,
                f"unknown column {name!r}; columns are: {', '.join(COLUMNS)}; "
                "a column of your own must start with 'x-'",
                1,
            )
    for name in required:
        if name not in names:
            raise ImportFailure(file, f"missing column {name!r}; the first row names the columns", 1)
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ImportFailure(file, f"column {name!r} appears twice", 1)
        seen.add(name)
    return names


def read_sheet(path: str | Path, required: Iterable[str] = ("kind", "name")) -> Sheet:
    """The sheet's columns and non-blank rows; raises :class:`ImportFailure` on a bad file."""
    file = str(path)
    text = read_text(path)
    delimiter = detect_delimiter(text)
    records = _records(text, file, delimiter)
    if not records or not any(c.strip() for c in records[0][1]):
        raise ImportFailure(file, "the file is empty; the first row names the columns (at least kind and name)", 1)
    names = _header(records[0][1], file, required)
    rows: list[Row] = []
    for number, (line, record) in enumerate(records[1:], start=2):
        if not any(c.strip() for c in record):
            continue
        if len(record) > len(names):
            raise ImportFailure(
                file,
                f"row {number}: {plural(len(record), 'value')}, but the first row names "
                f"{plural(len(names), 'column')} ({DELIMITER_NAMES[delimiter]}-separated)",
                line,
            )
        rows.append(Row(line, number, {n: unguard(v) for n, v in zip(names, record, strict=False)}))
    return Sheet(file, delimiter, names, rows)


def canonical(value: str, allowed: Iterable[str]) -> str:
    """``value`` without surrounding spaces, in the allowed spelling when it differs only in case
    (``Coordination`` is ``coordination``); anything else as typed, for the error to show."""
    stripped = value.strip()
    lowered = stripped.lower()
    return lowered if lowered in allowed else stripped


def flag(sheet: Sheet, row: Row, column: str) -> bool:
    value = row.cells.get(column, "")
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise sheet.fail(row, column, f"{value!r} is not true or false")
