"""``import --from csv``: the roles-and-members CSV (see ``designer.export.csv_roles``) as a document.

The first row names the columns; only ``kind`` and ``name`` are required, so a hand-made sheet
works too. Ids left empty are made from names. Every problem is reported as
``file:line: row N, column 'c': message``, where the line is where the row starts in the file
(a cell with line breaks spans several lines) and the row is the spreadsheet's row number.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from designer.export.csv_roles import COLUMNS, KINDS_IN_CSV, split_items, unguard
from designer.importers.build import Source, build, check_primitive
from designer.importers.errors import ImportFailure, read_text
from designer.model.document import Document
from designer.model.ids import is_valid_id, unique_id

REQUIRED = ("kind", "name")
TRUE = frozenset({"true", "yes", "y", "1", "x"})
FALSE = frozenset({"false", "no", "n", "0", ""})

FIELD_NAMES = {
    "id": "column 'id'",
    "name": "column 'name'",
    "parent": "column 'parent'",
    "scale": "column 'scale'",
    "phase": "column 'phase'",
    "top_level": "column 'top_level'",
    "members": "column 'members'",
    "holders": "column 'holders'",
    "description": "column 'description'",
    "state.purpose.responsibilities": "column 'responsibilities'",
    "state.purpose.authorities": "column 'authorities'",
    "state.purpose.accountability": "column 'accountability'",
    "state.practice.eligibility": "column 'eligibility'",
    "state.practice.term": "column 'term'",
}
ROLE_ONLY = ("holders", "responsibilities", "authorities", "accountability", "eligibility", "term")


def _rows(text: str, file: str) -> list[tuple[int, list[str]]]:
    """Records with the line each starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            rows.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFailure(file, f"CSV syntax error: {exc}", start) from None
    return rows


def _header(record: list[str], file: str) -> list[str]:
    names = [unguard(c).strip().lower() for c in record]
    for name in names:
        if name not in COLUMNS:
            raise ImportFailure(file, f"unknown column {name!r}; columns are: {', '.join(COLUMNS)}", 1)
    for name in REQUIRED:
        if name not in names:
            raise ImportFailure(file, f"missing column {name!r}; the first row names the columns", 1)
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ImportFailure(file, f"column {name!r} appears twice", 1)
        seen.add(name)
    return names


def _flag(value: str, file: str, line: int, row: int) -> bool:
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ImportFailure(file, f"row {row}, column 'top_level': {value!r} is not true or false", line)


def _primitive(cells: dict[str, str], taken: set[str], file: str, line: int, row: int) -> dict[str, Any]:
    kind = cells.get("kind", "").strip().lower()
    if kind not in KINDS_IN_CSV:
        shown = repr(cells.get("kind", "")) if cells.get("kind") else "empty"
        raise ImportFailure(file, f"row {row}, column 'kind': {shown} is not one of {', '.join(KINDS_IN_CSV)}", line)
    name = cells.get("name", "")
    if not name.strip():
        raise ImportFailure(file, f"row {row}, column 'name': a {kind} needs a name", line)
    pid = cells.get("id", "").strip()
    if not pid:
        pid = unique_id(name, taken, fallback=kind)
    elif not is_valid_id(pid):
        raise ImportFailure(
            file, f"row {row}, column 'id': {pid!r} is not an id (lowercase letters, digits and '-')", line
        )
    elif pid in taken:
        raise ImportFailure(file, f"row {row}, column 'id': {pid!r} is used by an earlier row", line)
    taken.add(pid)
    data: dict[str, Any] = {"id": pid, "kind": kind, "name": name}
    if cells.get("parent", "").strip():
        data["parent"] = cells["parent"].strip()
    if kind == "role":
        if "parent" not in data:
            raise ImportFailure(
                file, f"row {row}, column 'parent': a role needs a parent (the id of its DAO or cell)", line
            )
        for column in ("scale", "members", "top_level"):
            if cells.get(column, "").strip():
                raise ImportFailure(file, f"row {row}, column '{column}': a role has no {column}", line)
        data["holders"] = split_items(cells.get("holders", ""))
        purpose: dict[str, Any] = {k: split_items(cells.get(k, "")) for k in ("responsibilities", "authorities")}
        if cells.get("accountability"):
            purpose["accountability"] = cells["accountability"]
        practice = {k: cells[k] for k in ("eligibility", "term") if cells.get(k)}
        data["state"] = {"purpose": purpose, "practice": practice}
        if cells.get("phase", "").strip():
            data["phase"] = cells["phase"].strip()
    else:
        for column in ROLE_ONLY:
            if cells.get(column, "").strip():
                raise ImportFailure(file, f"row {row}, column '{column}': only a role has {column}", line)
        for column in ("scale", "phase"):
            value = cells.get(column, "").strip()
            if not value:
                raise ImportFailure(file, f"row {row}, column '{column}': a {kind} needs a {column}", line)
            data[column] = value
        data["members"] = split_items(cells.get("members", ""))
        top = _flag(cells.get("top_level", ""), file, line, row)
        if top and kind != "cell":
            raise ImportFailure(file, f"row {row}, column 'top_level': only a cell can be the top-level cell", line)
        if top:
            data["top_level"] = True
    if cells.get("description"):
        data["description"] = cells["description"]
    return data


def import_csv(path: str | Path, organization_name: str | None = None) -> Document:
    """Read a roles-and-members CSV; raises :class:`ImportFailure` naming the file, line and row."""
    file = str(path)
    text = read_text(path)
    records = _rows(text, file)
    if not records or not any(c.strip() for c in records[0][1]):
        raise ImportFailure(file, "the file is empty; the first row names the columns (at least kind and name)", 1)
    names = _header(records[0][1], file)
    items: list[dict[str, Any]] = []
    sources: list[Source] = []
    taken: set[str] = set()
    for row_number, (line, record) in enumerate(records[1:], start=2):
        if not any(c.strip() for c in record):
            continue
        if len(record) > len(names):
            raise ImportFailure(
                file, f"row {row_number}: {len(record)} values, but the first row names {len(names)} columns", line
            )
        cells = {n: unguard(v) for n, v in zip(names, record, strict=False)}
        data = _primitive(cells, taken, file, line, row_number)
        source = Source(line, f"row {row_number}")
        check_primitive(data, file, source, FIELD_NAMES)
        items.append(data)
        sources.append(source)
    org = organization_name or next((i["name"] for i in items if i["kind"] == "dao"), None) or Path(file).stem
    return build(file, {"name": org[:1000]}, items, sources)
