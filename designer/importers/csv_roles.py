"""``import --from csv``: the roles-and-members CSV (see ``designer.export.csv_roles``) as a document.

The first row names the columns; only ``kind`` and ``name`` are required, so a hand-made sheet
works too, saved with commas, semicolons or tabs (see ``designer.importers.csv_sheet``). Ids left
empty are made from names. Every problem is reported as ``file:line: row N, column 'c': message``,
where the line is where the row starts in the file (a cell with line breaks spans several lines)
and the row is the spreadsheet's row number.

:func:`apply_row` is shared with the merge into an existing document (``--into``): it sets the
fields that a row's columns carry and leaves every other field of the primitive as it was.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from designer.export.csv_roles import COLUMNS, KINDS_IN_CSV, split_items
from designer.importers.build import Source, build, check_primitive
from designer.importers.csv_sheet import Row, Sheet, canonical, flag, read_sheet
from designer.importers.errors import ImportFailure
from designer.model.document import Document
from designer.model.ids import is_valid_id, unique_id
from designer.model.kinds import PHASES, SCALES

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
    "state.progress.status": "column 'status'",
}
ROLE_ONLY = ("holders", "responsibilities", "authorities", "accountability", "eligibility", "term")


def field_names(sheet: Sheet) -> dict[str, str]:
    return FIELD_NAMES | {c: f"column '{c}'" for c in sheet.extension_columns}


def row_kind(sheet: Sheet, row: Row) -> str:
    """The row's kind in canonical spelling (``Cell`` is ``cell``), or an error naming the row."""
    typed = row.cells.get("kind", "")
    kind = canonical(typed, KINDS_IN_CSV)
    if kind not in KINDS_IN_CSV:
        shown = repr(typed) if typed else "empty"
        raise sheet.fail(row, "kind", f"{shown} is not one of {', '.join(KINDS_IN_CSV)}")
    return kind


def row_id(sheet: Sheet, row: Row, taken: set[str]) -> str | None:
    """The row's id as written (checked and not used by an earlier row), or None when empty."""
    pid = row.cells.get("id", "").strip()
    if not pid:
        return None
    if not is_valid_id(pid):
        raise sheet.fail(row, "id", f"{pid!r} is not an id (lowercase letters, digits and '-')")
    if pid in taken:
        raise sheet.fail(row, "id", f"{pid!r} is used by an earlier row")
    return pid


def new_primitive(sheet: Sheet, row: Row, pid: str | None, taken: set[str]) -> dict[str, Any]:
    """The start of a new primitive's data: its kind and id (made from the name when empty)."""
    kind = row_kind(sheet, row)
    if pid is None:
        pid = unique_id(row.cells.get("name", ""), taken, fallback=kind)
    taken.add(pid)
    return {"id": pid, "kind": kind}


def _set(target: dict[str, Any], key: str, value: str) -> None:
    if value:
        target[key] = value
    else:
        target.pop(key, None)


def apply_row(sheet: Sheet, row: Row, data: dict[str, Any], present: Collection[str]) -> None:
    """Set the fields of ``data`` (a primitive's plain data, ``kind`` set) that the row carries.

    A column in ``present`` sets its field, an empty cell clearing it (an error where the field is
    required); fields of columns not in ``present`` stay as they are.
    """
    kind = data["kind"]
    cells = row.cells

    def value(column: str) -> str:
        return cells.get(column, "") if column in present else ""

    if "name" in present:
        if not value("name").strip():
            raise sheet.fail(row, "name", f"a {kind} needs a name")
        data["name"] = value("name")
    if "parent" in present:
        _set(data, "parent", value("parent").strip())
    if kind == "role":
        if not data.get("parent"):
            raise sheet.fail(row, "parent", "a role needs a parent (the id of its DAO or cell)")
        for column in ("scale", "members", "top_level"):
            if value(column).strip():
                raise sheet.fail(row, column, f"a role has no {column}")
        if "holders" in present:
            data["holders"] = split_items(value("holders"))
        state = data.setdefault("state", {})
        purpose, practice = state.setdefault("purpose", {}), state.setdefault("practice", {})
        for column in ("responsibilities", "authorities"):
            if column in present:
                purpose[column] = split_items(value(column))
        if "accountability" in present:
            _set(purpose, "accountability", value("accountability"))
        for column in ("eligibility", "term"):
            if column in present:
                _set(practice, column, value(column))
        if "phase" in present:
            _set(data, "phase", canonical(value("phase"), PHASES))
    else:
        for column in ROLE_ONLY:
            if value(column).strip():
                raise sheet.fail(row, column, f"only a role has {column}")
        for column, allowed in (("scale", SCALES), ("phase", PHASES)):
            if column in present:
                typed = canonical(value(column), allowed)
                if not typed:
                    raise sheet.fail(row, column, f"a {kind} needs a {column}")
                data[column] = typed
        if "members" in present:
            data["members"] = split_items(value("members"))
        if "top_level" in present:
            top = flag(sheet, row, "top_level") if value("top_level") else False
            if top and kind != "cell":
                raise sheet.fail(row, "top_level", "only a cell can be the top-level cell")
            if top:
                data["top_level"] = True
            else:
                data.pop("top_level", None)
    if "status" in present:
        _set(data.setdefault("state", {}).setdefault("progress", {}), "status", value("status"))
    if "description" in present:
        _set(data, "description", value("description"))
    for column in sheet.extension_columns:
        if column in present:
            _set(data, column, value(column))


def import_csv(path: str | Path, organization_name: str | None = None) -> Document:
    """Read a roles-and-members CSV; raises :class:`ImportFailure` naming the file, line and row."""
    sheet = read_sheet(path)
    present = {*COLUMNS, *sheet.extension_columns}
    names = field_names(sheet)
    items: list[dict[str, Any]] = []
    sources: list[Source] = []
    taken: set[str] = set()
    for row in sheet.rows:
        data = new_primitive(sheet, row, row_id(sheet, row, taken), taken)
        apply_row(sheet, row, data, present)
        source = Source(row.line, row.where())
        check_primitive(data, sheet.file, source, names)
        items.append(data)
        sources.append(source)
    org = organization_name or next((i["name"] for i in items if i["kind"] == "dao"), None) or Path(sheet.file).stem
    return build(sheet.file, {"name": org[:1000]}, items, sources)


__all__ = ["ImportFailure", "apply_row", "import_csv", "new_primitive", "row_id", "row_kind"]
