"""``import --from csv --into DOC``: a sheet edited in a spreadsheet merged back into its document."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from designer.cli.main import main
from designer.export.csv_roles import to_csv
from designer.importers.csv_merge import merge_csv
from designer.importers.errors import ImportFailure
from designer.io.load import load_document
from designer.io.save import document_text
from designer.model.document import Document
from tests.export.conftest import SAMPLES, built_doc


def _rows(doc: Document) -> list[list[str]]:
    return list(csv.reader(io.StringIO(to_csv(doc).removeprefix("\ufeff"), newline="")))


def _write(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name.removesuffix(".dao.yaml") for p in SAMPLES])
def test_merging_an_unedited_export_changes_nothing(sample: Path, tmp_path: Path) -> None:
    doc = load_document(sample)
    path = _write(tmp_path / "people.csv", _rows(doc))
    result = merge_csv(path, doc, "doc.dao.yaml")
    assert document_text(result.document) == sample.read_text(encoding="utf-8")
    assert (result.changed, result.added) == ([], [])


def test_rows_update_add_and_keep(tmp_path: Path) -> None:
    doc = built_doc()
    rows = _rows(doc)
    header = rows[0]
    by_id = {r[1]: r for r in rows[1:]}
    by_id["steward"][header.index("name")] = "Treasurer"
    by_id["steward"][header.index("holders")] = "alice\nerin.eth"
    by_id["field"][header.index("scale")] = "Coordination"
    new = dict.fromkeys(header, "") | {"kind": "Role", "name": "Greeter", "parent": "ops", "holders": "bea"}
    sheet = [header, by_id["steward"], by_id["field"], by_id["ops"], [new[c] for c in header]]
    path = _write(tmp_path / "edited.csv", sheet, ";")
    result = merge_csv(path, doc, "doc.dao.yaml")
    merged = result.document.by_id()
    steward = merged["steward"]
    assert steward.name == "Treasurer" and getattr(steward, "holders", None) == ["alice", "erin.eth"]
    old_state = doc.by_id()["steward"].state
    assert steward.state.practice == old_state.practice
    assert getattr(merged["field"], "scale", None) == "coordination"
    assert getattr(merged["greeter"], "holders", None) == ["bea"]
    assert [p.id for p in result.document.primitives][-1] == "greeter"
    assert merged["report"] == doc.by_id()["report"]
    assert result.document.links == doc.links
    assert result.document.layout == doc.layout
    assert result.document.design == doc.design
    assert (result.changed, result.added, result.unchanged) == (["steward", "field"], ["greeter"], ["ops"])
    assert result.kept == ["tide-dao", "report", "beach-lead", "shore-trust"]
    assert result.summary() == "2 primitives changed, 1 added, 1 unchanged; 4 not in the CSV kept as they were"


def test_a_sheet_with_some_columns_changes_only_those(tmp_path: Path) -> None:
    doc = built_doc()
    path = _write(tmp_path / "holders.csv", [["id", "holders"], ["steward", "zoe"]])
    result = merge_csv(path, doc, "doc.dao.yaml")
    steward = result.document.by_id()["steward"]
    before = doc.by_id()["steward"]
    assert getattr(steward, "holders", None) == ["zoe"]
    assert (steward.name, steward.parent, steward.state.purpose) == (before.name, before.parent, before.state.purpose)
    assert result.summary() == "1 primitive changed, 0 added, 0 unchanged; 6 not in the CSV kept as they were"


BAD = [
    ([["kind", "name"], ["dao", "X"]], "missing column 'id'; the first row names the columns", 1),
    (
        [["id", "kind"], ["ops", "role"]],
        "row 2, column 'kind': 'ops' is a cell in doc.dao.yaml, not a role; a row cannot change a primitive's kind",
        2,
    ),
    (
        [["id", "name"], ["report", "Q3"]],
        "row 2, column 'id': 'report' is a task in doc.dao.yaml; the CSV holds DAOs, cells, partners and roles",
        2,
    ),
    (
        [["id", "name"], ["ops", "Ops"], ["newcomer", "New"]],
        "row 3: 'newcomer' is not in doc.dao.yaml, so it adds a primitive, which needs a column 'kind'",
        3,
    ),
    ([["id", "parent"], ["steward", "nowhere"]], "row 2: 'steward' names parent 'nowhere', which does not exist", 2),
    ([["id", "scale"], ["ops", ""]], "row 2, column 'scale': a cell needs a scale", 2),
    ([["id", "holders"], ["ops", "ann"]], "row 2, column 'holders': only a role has holders", 2),
    ([["id", "name"], ["ops", "A"], ["ops", "B"]], "row 3, column 'id': 'ops' is used by an earlier row", 3),
]


@pytest.mark.parametrize(("rows", "message", "line"), BAD)
def test_merge_errors_name_the_row(tmp_path: Path, rows: list[list[str]], message: str, line: int) -> None:
    path = _write(tmp_path / "bad.csv", rows)
    with pytest.raises(ImportFailure) as caught:
        merge_csv(path, built_doc(), "doc.dao.yaml")
    assert str(caught.value) == f"{path}:{line}: {message}"


def test_cli_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc_path = tmp_path / "org.dao.yaml"
    doc_path.write_text(document_text(built_doc()), encoding="utf-8")
    original = doc_path.read_text(encoding="utf-8")
    sheet = _write(tmp_path / "roles.csv", [["id", "holders"], ["steward", "zoe"]])
    out = tmp_path / "out.dao.yaml"
    args = ["import", str(sheet), "--from", "csv", "--into", str(doc_path), "-o", str(out)]
    assert main(args) == 0
    assert capsys.readouterr().out == (
        f"merged {sheet} into {doc_path}: 1 primitive changed, 0 added, 0 unchanged; "
        f"6 not in the CSV kept as they were; wrote {out}\n"
    )
    assert doc_path.read_text(encoding="utf-8") == original
    assert getattr(load_document(out).by_id()["steward"], "holders", None) == ["zoe"]
    bad = _write(tmp_path / "bad.csv", [["id", "kind"], ["ops", "role"]])
    assert main(["import", str(bad), "--from", "csv", "--into", str(doc_path), "-o", "-"]) == 2
    assert capsys.readouterr().err == (
        f"error: {bad}:2: row 2, column 'kind': 'ops' is a cell in {doc_path}, not a role; "
        "a row cannot change a primitive's kind\n"
    )
    assert main(["import", str(sheet), "--from", "hats", "--into", str(doc_path), "-o", "-"]) == 2
    assert capsys.readouterr().err == "error: --into works with --from csv only, not --from hats\n"
