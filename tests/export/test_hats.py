"""Hats tree export: ids, containment, details, limits, and the import round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from designer.cli.main import main
from designer.export.hats import DETAILS_MAX, hat_records, to_hats
from designer.export.hats_ids import hat_id, hat_ip, parse_tree_id, split_id
from designer.export.registry import ExportError
from designer.importers.errors import ImportFailure
from designer.importers.hats import import_hats
from designer.model.document import Document
from tests.export.conftest import LONG, built_data, built_doc


def test_hat_ids_follow_the_hats_format() -> None:
    assert hat_id(42, ()) == "0x0000002a" + "0" * 56
    assert hat_id(42, (1, 3)) == "0x0000002a" + "0001" + "0003" + "0" * 48
    assert split_id(hat_id(7, (2, 65535, 1))) == (7, (2, 65535, 1))
    assert hat_ip(42, (1, 3)) == "42.1.3"
    assert parse_tree_id("42") == parse_tree_id("0x0000002a") == parse_tree_id(hat_id(42, ())) == 42
    assert parse_tree_id("0") is None and parse_tree_id("tree") is None


def test_tree_follows_containment() -> None:
    records = hat_records(built_doc())
    names = [r["detailsObject"]["data"]["name"] for r in records]
    assert names == ["Tidewater DAO", "Operations Cell", "Treasury Steward", "Field Cell", "Beach Lead"]
    top, ops, steward, field, lead = records
    assert top["id"] == hat_id(42, ()) and top["adminId"] == top["id"] and top["mutable"] is False
    assert top["wearers"] == ["0x2222222222222222222222222222222222222222"]
    assert ops["id"] == hat_id(42, (1,)) and ops["adminId"] == top["id"]
    assert steward["id"] == hat_id(42, (1, 1)) and field["id"] == hat_id(42, (1, 2))
    assert lead["adminId"] == field["id"]
    assert steward["wearers"] == ["0x3333333333333333333333333333333333333333"]
    assert steward["maxSupply"] == 2 and steward["currentSupply"] == 1
    assert steward["eligibility"] == steward["toggle"] == "0x2222222222222222222222222222222222222222"
    assert steward["detailsObject"]["data"] == {
        "name": "Treasury Steward",
        "responsibilities": [{"label": "Prepare payments", "link": ""}, {"label": "Report monthly", "link": ""}],
        "authorities": [{"label": "Propose Safe transactions", "link": ""}],
        "eligibility": {
            "manual": True,
            "criteria": [
                {"label": "Eligibility", "description": "A member for 3 months", "link": ""},
                {"label": "Removal", "description": "By consent of the cell", "link": ""},
            ],
        },
    }
    assert field["detailsObject"]["data"]["toggle"]["criteria"][0]["description"] == "After the summer season"


def test_placeholder_tree_without_a_tree_id() -> None:
    data = built_data()
    del data["primitives"][0]["tools"]["token_authority"]
    assert hat_records(Document.model_validate(data))[0]["id"] == "0x" + "0" * 64


def test_bad_tree_id_is_a_clear_error() -> None:
    data = built_data()
    data["primitives"][0]["tools"]["token_authority"]["id"] = "my tree"
    with pytest.raises(ExportError) as caught:
        to_hats(Document.model_validate(data))
    assert str(caught.value) == (
        "'tide-dao': tools.token_authority.id 'my tree' is not a Hats tree id "
        "(a number such as 42, a short hex such as 0x0000002a, or the top hat's full id)"
    )


def test_details_limit() -> None:
    data = built_data()
    data["primitives"][2]["name"] = LONG
    with pytest.raises(ExportError) as caught:
        to_hats(Document.model_validate(data))
    assert str(caught.value) == (
        f"'steward': its Hats details are 10,378 characters; Hats allows {DETAILS_MAX:,} "
        "(shorten its name, description, responsibilities or authorities)"
    )


def _chain(depth: int) -> Document:
    items: list[dict[str, Any]] = [{"id": "c0", "kind": "dao", "name": "Top", "scale": "network", "phase": "formation"}]
    for i in range(1, depth):
        items.append(
            {
                "id": f"c{i}",
                "kind": "cell",
                "name": f"Cell {i}",
                "parent": f"c{i - 1}",
                "scale": "collaboration",
                "phase": "formation",
            }
        )
    return Document.model_validate({"organization": {"name": "Deep"}, "primitives": items})


def test_depth_limit() -> None:
    assert len(hat_records(_chain(15))) == 15
    with pytest.raises(ExportError) as caught:
        to_hats(_chain(16))
    assert str(caught.value) == "'c15' would sit 16 levels deep in the Hats tree; a tree has at most 15 levels"


def test_round_trip_gives_the_same_tree(doc: Document, tmp_path: Path) -> None:
    first = to_hats(doc)
    path = tmp_path / "tree.json"
    path.write_text(first, encoding="utf-8")
    imported = import_hats(path)
    assert to_hats(imported) == first


def test_import_infers_kinds_and_keeps_hat_settings(tmp_path: Path) -> None:
    path = tmp_path / "tree.json"
    path.write_text(to_hats(built_doc()), encoding="utf-8")
    doc = import_hats(path)
    kinds = [(p.id, p.kind, p.parent) for p in doc.primitives]
    assert kinds == [
        ("tidewater-dao", "dao", None),
        ("operations-cell", "cell", "tidewater-dao"),
        ("treasury-steward", "role", "operations-cell"),
        ("field-cell", "cell", "operations-cell"),
        ("beach-lead", "role", "field-cell"),
    ]
    top = doc.primitives[0]
    assert top.kind == "dao" and top.tools.token_authority.id == "42"
    assert doc.primitives[2].extensions["x-hats"]["maxSupply"] == 2


def test_import_a_tree_written_by_the_hats_app(tmp_path: Path) -> None:
    """Details only as an ipfs:// link for one hat, extra fields, wearers as objects: all tolerated."""
    top = hat_id(9, ())
    hats = [
        {
            "id": top,
            "status": True,
            "details": "ipfs://bafy",
            "maxSupply": 1,
            "adminId": top,
            "wearers": [],
            "createdAt": 1700000000,
            "detailsObject": {"type": "1.0", "data": {"name": "Guild", "guilds": ["g"]}},
        },
        {
            "id": hat_id(9, (1,)),
            "details": "ipfs://bafy2",
            "maxSupply": "3",
            "mutable": True,
            "wearers": [{"id": "0x4444444444444444444444444444444444444444"}],
        },
    ]
    path = tmp_path / "chain-10-tree-9.json"
    path.write_text(json.dumps(hats), encoding="utf-8")
    doc = import_hats(path)
    assert [(p.name, p.kind) for p in doc.primitives] == [("Guild", "dao"), ("Hat 9.1", "role")]
    assert getattr(doc.primitives[1], "holders", None) == ["0x4444444444444444444444444444444444444444"]


TOP = hat_id(1, ())
BAD = [
    ("{", "JSON syntax error: Expecting property name enclosed in double quotes (column 2)", 1),
    ('{"id": 1}', "a Hats tree export is a JSON array of hats", 1),
    ("[]", "the tree export holds no hats", 1),
    ('[\n  {"id": "0x12"}\n]', "hat 1: 'id' must be a hat id (0x and 64 hex digits)", 2),
    (f'[\n{{"id": "{TOP}"}},\n{{"id": "{TOP}"}}\n]', f"hat 2: id {TOP} appears twice", 3),
    (f'[{{"id": "{TOP}"}}, {{"id": "{hat_id(2, (1,))}"}}]', "the hats belong to 2 trees (1, 2); import one", None),
    (
        f'[{{"id": "{hat_id(1, (1,))}"}}, {{"id": "{hat_id(1, (2,))}"}}]',
        "2 hats have no admin hat in the file (1.1 and 1.2); a tree export has one root",
        None,
    ),
    ('[\n"x"\n]', "hat 1: expected a JSON object", 2),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD)
def test_bad_tree_files(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    path = tmp_path / "tree.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailure) as caught:
        import_hats(path)
    where = f"{path}:{line}" if line is not None else str(path)
    assert str(caught.value) == f"{where}: {message}"


def test_cli_import_hats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = tmp_path / "tree.json"
    tree.write_text(to_hats(built_doc()), encoding="utf-8")
    out = tmp_path / "org.dao.json"
    assert main(["import", str(tree), "--from", "hats", "-o", str(out), "--name", "Imported"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["organization"]["name"] == "Imported"
    tree.write_text("[", encoding="utf-8")
    assert main(["import", str(tree), "--from", "hats", "-o", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {tree}:1: JSON syntax error: Expecting value (column 2)\n"
