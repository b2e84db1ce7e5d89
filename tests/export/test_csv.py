"""CSV of roles and members: formula guard, exact round trip, and one-line errors for bad files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from designer.cli.main import main
from designer.export.csv_roles import COLUMNS, guard, to_csv, unguard
from designer.importers.csv_roles import import_csv
from designer.importers.errors import ImportFailure
from designer.model.document import Document
from tests.export.conftest import FORMULA, hostile_doc

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'plain", "'plain"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_guard_and_unguard(text: str, guarded: str) -> None:
    assert guard(text) == guarded
    assert unguard(guarded) == text


def test_no_cell_can_run_as_a_formula() -> None:
    text = to_csv(hostile_doc())
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0] == list(COLUMNS)
    cells = [c for row in rows for c in row]
    assert all(not c.startswith(DANGEROUS) for c in cells)
    assert any(c.startswith("'" + FORMULA) for c in cells)


def test_round_trip_gives_the_same_bytes(doc: Document, tmp_path: Path) -> None:
    first = to_csv(doc)
    path = tmp_path / "people.csv"
    path.write_bytes(first.encode("utf-8"))
    again = to_csv(import_csv(path))
    assert again == first


def test_round_trip_keeps_hostile_text_exactly(tmp_path: Path) -> None:
    doc = hostile_doc()
    path = tmp_path / "people.csv"
    path.write_text(to_csv(doc), encoding="utf-8", newline="")
    back = import_csv(path).by_id()
    for p in doc.primitives:
        if p.kind in ("dao", "cell", "partner", "role"):
            assert back[p.id].name == p.name
            assert getattr(back[p.id], "members", None) == getattr(p, "members", None)
            assert getattr(back[p.id], "holders", None) == getattr(p, "holders", None)


def test_hand_made_sheet_without_ids(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "kind,name,parent,scale,phase,members,holders,responsibilities\n"
        "dao,Harbor DAO,,constituency,formation,,,\n"
        'role,Harbor Master,harbor-dao,,,,"ana\nben",Open the gate\n',
        encoding="utf-8",
    )
    doc = import_csv(path)
    assert doc.organization.name == "Harbor DAO"
    role = doc.by_id()["harbor-master"]
    assert role.parent == "harbor-dao" and getattr(role, "holders", None) == ["ana", "ben"]


BAD = [
    ("", "the file is empty; the first row names the columns (at least kind and name)", 1),
    (
        "kind,name,color\n",
        "unknown column 'color'; columns are: " + ", ".join(COLUMNS) + "; a column of your own must start with 'x-'",
        1,
    ),
    ("kind,id\n", "missing column 'name'; the first row names the columns", 1),
    ("kind,name\ntask,Do it\n", "row 2, column 'kind': 'task' is not one of dao, cell, partner, role", 2),
    ("kind,name\nrole,Steward\n", "row 2, column 'parent': a role needs a parent (the id of its DAO or cell)", 2),
    (
        "kind,name,scale,phase\ndao,Top,huge,formation\n",
        "row 2, column 'scale': 'huge' is not allowed; expected one of: "
        "'network', 'constituency', 'coordination' or 'collaboration'",
        2,
    ),
    (
        'kind,name,scale,phase,description\ndao,A,network,formation,"x\ny"\ncell,C,,formation,z\n',
        "row 3, column 'scale': a cell needs a scale",
        4,
    ),
    (
        "kind,name,parent,scale,phase\ndao,A,,network,formation\ncell,B,nowhere,network,formation\n",
        "row 3: 'b' names parent 'nowhere', which does not exist",
        3,
    ),
    (
        "kind,id,name,scale,phase\ndao,a,A,network,formation\ndao,a,B,network,formation\n",
        "row 3, column 'id': 'a' is used by an earlier row",
        3,
    ),
    ("kind,name\ndao,A,extra\n", "row 2: 3 values, but the first row names 2 columns (comma-separated)", 2),
    ('kind,name\ndao,"unterminated\n', "CSV syntax error: unexpected end of data", 2),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD)
def test_bad_files_name_file_line_and_row(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(ImportFailure) as caught:
        import_csv(path)
    assert str(caught.value) == f"{path}:{line}: {message}"


def test_cli_import_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,name\nrole,Steward\n", encoding="utf-8")
    out = tmp_path / "out.dao.yaml"
    assert main(["import", str(bad), "--from", "csv", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"error: {bad}:2: row 2, column 'parent': a role needs a parent (the id of its DAO or cell)\n"
    )
    assert not out.exists()
    good = tmp_path / "good.csv"
    good.write_text(to_csv(hostile_doc()), encoding="utf-8", newline="")
    assert main(["import", str(good), "--from", "csv", "-o", str(out)]) == 0
    assert main(["validate", str(out)]) in (0, 1)
    assert main(["import", str(good), "--from", "csv", "-o", str(out)]) == 2
    assert capsys.readouterr().err.endswith(f"error: {out}: already exists; use --force to overwrite it\n")
    assert main(["import", str(tmp_path / "none.csv"), "--from", "csv", "-o", "-"]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'none.csv'}: no such file\n"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"kind,name\ndao,Caf\xe9\n")
    with pytest.raises(ImportFailure) as caught:
        import_csv(path)
    assert str(caught.value) == f"{path}:2: the file is not UTF-8 text"
