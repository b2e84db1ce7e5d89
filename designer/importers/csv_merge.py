"""``import --from csv --into DOC``: bring a roles-and-members sheet edited in a spreadsheet back
into the document it came from.

- A row whose ``id`` names a primitive of the document updates it: each column the sheet has sets
  its field (an empty cell clears it); fields the sheet has no column for stay as they are, and so
  does everything the CSV never carries (state beyond the role columns, tools, checklists,
  extensions without a column).
- A row with a new id, or no id, adds a primitive at the end of the list (an empty id is made from
  the name). It needs ``kind`` and ``name``, like a row of a new import.
- Primitives with no row are kept untouched: leaving a row out never deletes anything.
- The organization, design guide, rules, links and layout of the document are kept.

Every problem names the sheet's file, line and row; the document is never changed (the merged
document goes to a new output).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from designer.export.csv_roles import COLUMNS, KINDS_IN_CSV
from designer.importers.build import Source, check_primitive, first_error
from designer.importers.csv_roles import apply_row, field_names, new_primitive, row_id, row_kind
from designer.importers.csv_sheet import Row, Sheet, read_sheet
from designer.importers.errors import ImportFailure
from designer.model.document import Document
from designer.model.integrity import check_integrity
from designer.wording import plural

KIND_WORDS = {"dao": "a DAO", "cell": "a cell", "partner": "a partner", "role": "a role", "task": "a task"}


@dataclass(frozen=True)
class MergeResult:
    document: Document
    changed: list[str]
    """Ids of primitives a row changed."""
    unchanged: list[str]
    """Ids of primitives that had a row with nothing different."""
    added: list[str]
    kept: list[str]
    """Ids of primitives the sheet has no row for, kept as they were."""

    def summary(self) -> str:
        """One line, e.g. ``2 primitives changed, 1 added, 3 unchanged; 14 not in the CSV kept as they were``."""
        parts = [
            plural(len(self.changed), "primitive") + " changed",
            f"{len(self.added)} added",
            f"{len(self.unchanged)} unchanged",
        ]
        kept = f"{len(self.kept)} not in the CSV kept as {'it was' if len(self.kept) == 1 else 'they were'}"
        return ", ".join(parts) + "; " + kept


def merge_csv(path: str | Path, doc: Document, doc_name: str) -> MergeResult:
    """``doc`` with the sheet's rows merged in (see the module's description); raises
    :class:`ImportFailure` naming the sheet's file, line and row. ``doc_name`` names the document
    in messages."""
    sheet = read_sheet(path, required=("id",))
    present = set(sheet.columns)
    names = field_names(sheet)
    data = doc.to_data()
    items: list[dict[str, Any]] = data["primitives"]
    index = {item["id"]: i for i, item in enumerate(items)}
    taken = set(index)
    seen: set[str] = set()
    sources: dict[int, Source] = {}
    added: list[str] = []
    for row in sheet.rows:
        pid = row_id(sheet, row, seen)
        if pid is not None and pid in index:
            position = index[pid]
            item = items[position]
            _check_kind(sheet, row, item["kind"], pid, doc_name)
            seen.add(pid)
            apply_row(sheet, row, item, present)
        else:
            missing = next((c for c in ("kind", "name") if c not in present), None)
            if missing is not None:
                why = f"{pid!r} is not in {doc_name}" if pid else "the row has no id"
                raise sheet.fail(row, None, f"{why}, so it adds a primitive, which needs a column {missing!r}")
            item = new_primitive(sheet, row, pid, taken)
            seen.add(item["id"])
            items.append(item)
            position = len(items) - 1
            added.append(item["id"])
            apply_row(sheet, row, item, {*COLUMNS, *sheet.extension_columns})
        source = Source(row.line, row.where())
        check_primitive(item, sheet.file, source, names)
        sources[position] = source
    merged = _build(sheet.file, data, sources)
    old = doc.by_id()
    with_rows = {items[i]["id"] for i in sources}
    changed: list[str] = []
    unchanged: list[str] = []
    for p in merged.primitives:
        if p.id in with_rows and p.id in old:
            (unchanged if p.to_data() == old[p.id].to_data() else changed).append(p.id)
    kept = [p.id for p in merged.primitives if p.id not in with_rows]
    return MergeResult(merged, changed, unchanged, added, kept)


def _check_kind(sheet: Sheet, row: Row, kind: str, pid: str, doc_name: str) -> None:
    if kind not in KINDS_IN_CSV:
        raise sheet.fail(
            row, "id", f"{pid!r} is {KIND_WORDS[kind]} in {doc_name}; the CSV holds DAOs, cells, partners and roles"
        )
    if row.cells.get("kind", "").strip():
        typed = row_kind(sheet, row)
        if typed != kind:
            raise sheet.fail(
                row,
                "kind",
                f"{pid!r} is {KIND_WORDS[kind]} in {doc_name}, not {KIND_WORDS[typed]}; "
                "a row cannot change a primitive's kind",
            )


def _build(file: str, data: dict[str, Any], sources: dict[int, Source]) -> Document:
    """The merged document, checked like a loaded one; problems name the row that caused them."""
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        path, message = first_error(exc)
        raise ImportFailure(file, f"{path}: {message}") from None
    for issue in check_integrity(doc):
        position = issue.path[1] if len(issue.path) > 1 and issue.path[0] == "primitives" else None
        source = sources.get(position) if isinstance(position, int) else None
        if source is not None:
            raise ImportFailure(file, f"{source.where}: {issue.message}", source.line)
        raise ImportFailure(file, f"after the merge: {issue.message}")
    return doc
