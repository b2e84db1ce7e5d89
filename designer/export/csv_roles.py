"""CSV of the organization's people: DAOs, cells and partners with their members, roles with their
holders, responsibilities and authorities, and each one's status (``state.progress.status``).
``dao-designer import --from csv`` reads it back.

The file opens in any spreadsheet, so it is guarded against formula injection: a cell that starts
with ``= + - @``, a tab or a carriage return (after any leading quotes) gets one ``'`` in front,
which the importer removes again. List columns hold one item per line inside the cell; a
backslash or a line break inside an item is written ``\\\\``, ``\\n`` or ``\\r``, so that the round
trip export, import, export gives back the same bytes.

Text-valued ``x-`` keys of the exported primitives become extra columns after ``description``,
named as the keys, in the order they are first met; the importer turns them back into ``x-`` keys.
``x-`` keys that hold mappings, lists, numbers or flags stay in the state file only.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping

from designer.export.registry import Exporter, register
from designer.model.completion import status_of
from designer.model.document import Document
from designer.model.primitives import AnyPrimitive, Cell, Role

COLUMNS: tuple[str, ...] = (
    "kind",
    "id",
    "name",
    "parent",
    "scale",
    "phase",
    "top_level",
    "members",
    "holders",
    "responsibilities",
    "authorities",
    "accountability",
    "eligibility",
    "term",
    "status",
    "description",
)
LIST_COLUMNS = frozenset({"members", "holders", "responsibilities", "authorities"})
KINDS_IN_CSV: tuple[str, ...] = ("dao", "cell", "partner", "role")
"""Tasks are work, not people: they stay in the state file."""
X_PREFIX = "x-"
"""Columns of the user's own: kept as ``x-`` keys on the primitive."""
BOM = "\ufeff"
"""Lets spreadsheet programs recognise UTF-8; the importer accepts files with or without it."""

_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPES = re.compile(r"\\(\\|n|r)")


def guard(value: str) -> str:
    """Prefix a quote when a spreadsheet would read the cell as a formula. Cells that already
    start with quotes before such a character get one more, so :func:`unguard` is exact."""
    return "'" + value if _FORMULA.match(value) else value


def unguard(value: str) -> str:
    """Undo :func:`guard`."""
    return value[1:] if value.startswith("'") and _FORMULA.match(value) else value


def join_items(items: list[str]) -> str:
    return "\n".join(i.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") for i in items)


def split_items(value: str) -> list[str]:
    """Items of a list cell; a backslash not followed by ``\\``, ``n`` or ``r`` stays as typed."""
    plain = {"\\": "\\", "n": "\n", "r": "\r"}
    lines = value.replace("\r\n", "\n").split("\n")
    return [_ESCAPES.sub(lambda m: plain[m.group(1)], line) for line in lines if line.strip()]


def text_extensions(p: AnyPrimitive) -> dict[str, str]:
    """The primitive's ``x-`` keys that hold non-empty text: the ones a CSV cell can carry."""
    return {k: v for k, v in p.extensions.items() if isinstance(v, str) and v}


def extension_columns(primitives: list[AnyPrimitive]) -> list[str]:
    """The ``x-`` columns for these primitives, in the order their keys are first met."""
    found: dict[str, None] = {}
    for p in primitives:
        found.update(dict.fromkeys(text_extensions(p)))
    return list(found)


def row_of(p: AnyPrimitive) -> Mapping[str, str]:
    row: dict[str, str] = {
        "kind": p.kind,
        "id": p.id,
        "name": p.name,
        "parent": p.parent or "",
        "scale": str(getattr(p, "scale", None) or ""),
        "phase": str(getattr(p, "phase", None) or ""),
        "top_level": "true" if isinstance(p, Cell) and p.top_level else "",
        "members": join_items(list(getattr(p, "members", []))),
        "status": status_of(p) or "",
        "description": p.description or "",
    }
    if isinstance(p, Role):
        purpose, practice = p.state.purpose, p.state.practice
        row |= {
            "holders": join_items(p.holders),
            "responsibilities": join_items(purpose.responsibilities),
            "authorities": join_items(purpose.authorities),
            "accountability": purpose.accountability or "",
            "eligibility": practice.eligibility or "",
            "term": practice.term or "",
        }
    row |= text_extensions(p)
    return row


def to_csv(doc: Document) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    rows = [p for p in doc.primitives if p.kind in KINDS_IN_CSV]
    columns = [*COLUMNS, *extension_columns(rows)]
    writer.writerow(columns)
    for p in rows:
        row = row_of(p)
        writer.writerow([guard(row.get(c, "")) for c in columns])
    return BOM + buffer.getvalue()


register(Exporter("csv", "roles and members as CSV (reads back with 'import --from csv')", ".csv", to_csv))
