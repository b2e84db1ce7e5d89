"""CSV import of sheets as spreadsheets save them: semicolons and tabs, values in any case, columns
of the user's own (``x-``), and the exact round trip with those columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.cli.main import main
from designer.export.csv_roles import COLUMNS, to_csv
from designer.importers.csv_roles import import_csv
from designer.importers.csv_sheet import detect_delimiter
from designer.importers.errors import ImportFailure
from designer.model.document import Document
from tests.export.conftest import FORMULA, built_data

SHEET = [
    ["kind", "id", "name", "parent", "scale", "phase", "holders"],
    ["dao", "harbor", "Harbor DAO", "", "constituency", "formation", ""],
    ["role", "", "Harbor Master", "harbor", "", "", "ana\nben"],
]


def _write(tmp_path: Path, rows: list[list[str]], delimiter: str, name: str = "sheet.csv") -> Path:
    def quoted(cell: str) -> str:
        return f'"{cell}"' if any(c in cell for c in (delimiter, "\n", '"')) else cell

    path = tmp_path / name
    text = "\r\n".join(delimiter.join(quoted(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_comma_semicolon_and_tab_sheets_import_alike(tmp_path: Path, delimiter: str) -> None:
    doc = import_csv(_write(tmp_path, SHEET, delimiter))
    assert [(p.id, p.kind, p.name) for p in doc.primitives] == [
        ("harbor", "dao", "Harbor DAO"),
        ("harbor-master", "role", "Harbor Master"),
    ]
    assert getattr(doc.by_id()["harbor-master"], "holders", None) == ["ana", "ben"]


def test_excel_semicolon_export_of_a_real_export(doc: Document, tmp_path: Path) -> None:
    """A CSV that a European Excel re-saved: semicolons, the same cells; it reads back the same."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(to_csv(doc).removeprefix("\ufeff"), newline="")))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path = tmp_path / "excel.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    assert to_csv(import_csv(path)) == to_csv(doc)


def test_delimiter_detection() -> None:
    assert detect_delimiter("kind;id;name\r\n") == ";"
    assert detect_delimiter("kind\tname\n") == "\t"
    assert detect_delimiter("kind,name;x\n") == ","
    assert detect_delimiter('name;"a, b"\n') == ";"
    assert detect_delimiter("colour;size\n") == ";"


def test_unknown_columns_in_a_semicolon_sheet_are_named_one_by_one(tmp_path: Path) -> None:
    path = _write(tmp_path, [["Kind", "Name", "Colour"]], ";")
    with pytest.raises(ImportFailure) as caught:
        import_csv(path)
    assert str(caught.value) == (
        f"{path}:1: unknown column 'colour'; columns are: {', '.join(COLUMNS)}; "
        "a column of your own must start with 'x-'"
    )


def test_values_in_another_case_are_accepted_and_normalised(tmp_path: Path) -> None:
    rows = [
        ["Kind", "ID", "Name", "Parent", "Scale", "Phase", "Top_Level"],
        ["DAO", "top", "Top", "", "Constituency", "Iteration", ""],
        ["Cell", "ops", "Ops", "top", " Coordination ", "ORGANIZATION", "TRUE"],
        ["Role", "lead", "Lead", "ops", "", "Formation", ""],
    ]
    doc = import_csv(_write(tmp_path, rows, ";"))
    ops = doc.by_id()["ops"]
    assert (ops.kind, getattr(ops, "scale", None), getattr(ops, "phase", None)) == (
        "cell",
        "coordination",
        "organization",
    )
    assert getattr(ops, "top_level", None) is True
    assert getattr(doc.by_id()["lead"], "phase", None) == "formation"
    assert doc.by_id()["top"].kind == "dao"


def test_a_value_that_is_not_allowed_in_any_case_is_still_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, [["kind", "name", "scale", "phase"], ["Cell", "C", "Huge", "formation"]], ";")
    with pytest.raises(ImportFailure) as caught:
        import_csv(path)
    assert str(caught.value) == (
        f"{path}:2: row 2, column 'scale': 'Huge' is not allowed; expected one of: "
        "'network', 'constituency', 'coordination' or 'collaboration'"
    )


def test_x_columns_are_kept_as_x_keys(tmp_path: Path) -> None:
    rows = [
        ["kind", "name", "scale", "phase", "X-Budget-Code", "x-notes"],
        ["dao", "D", "network", "formation", "B-7", ""],
    ]
    doc = import_csv(_write(tmp_path, rows, ","))
    assert doc.primitives[0].extensions == {"x-Budget-Code": "B-7"}


def test_x_column_needs_a_name(tmp_path: Path) -> None:
    path = _write(tmp_path, [["kind", "name", "x-"]], ",")
    with pytest.raises(ImportFailure) as caught:
        import_csv(path)
    assert str(caught.value) == f"{path}:1: column 'x-' needs a name after 'x-', e.g. 'x-notes'"


def test_text_x_keys_round_trip_as_columns(tmp_path: Path) -> None:
    data = built_data()
    data["primitives"][1]["x-budget-code"] = FORMULA
    data["primitives"][2]["x-notes"] = "two\nlines"
    data["primitives"][2]["x-budget-code"] = "R-1"
    data["primitives"][0]["x-hats"] = {"maxSupply": 3}
    doc = Document.model_validate(data)
    first = to_csv(doc)
    header = first.removeprefix("\ufeff").split("\r\n", 1)[0]
    assert header == ",".join([*COLUMNS, "x-budget-code", "x-notes"])
    assert "'" + FORMULA in first
    path = tmp_path / "people.csv"
    path.write_bytes(first.encode("utf-8"))
    back = import_csv(path)
    assert back.by_id()["ops"].extensions == {"x-budget-code": FORMULA}
    assert back.by_id()["steward"].extensions == {"x-notes": "two\nlines", "x-budget-code": "R-1"}
    assert back.by_id()["tide-dao"].extensions == {}
    assert to_csv(back) == first


def test_cli_import_says_primitive_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, [["kind", "name", "scale", "phase"], ["dao", "Solo", "network", "formation"]], ";")
    out = tmp_path / "solo.dao.yaml"
    assert main(["import", str(path), "--from", "csv", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"imported 1 primitive from {path} into {out}\n"
    path = _write(tmp_path, SHEET, ";", "two.csv")
    out = tmp_path / "two.dao.yaml"
    assert main(["import", str(path), "--from", "csv", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"imported 2 primitives from {path} into {out}\n"
