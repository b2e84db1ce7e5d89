"""Mermaid, Markdown and state-dir: hostile text stays text, golden files, folder round trip."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from designer.cli.main import main
from designer.export.csv_roles import to_csv
from designer.export.daouri import to_daouri
from designer.export.dot import to_dot
from designer.export.hats import to_hats
from designer.export.markdown import inline, to_markdown
from designer.export.mermaid import escape, to_mermaid
from designer.export.registry import ExportError
from designer.export.state_dir import state_dir_files, write_state_dir
from designer.importers.state_dir import import_state_dir
from designer.io.save import document_text
from designer.model.document import Document
from tests.export.conftest import FORMULA, GOLDEN, built_doc, hostile_doc

MERMAID_LINE = re.compile(
    r'^(flowchart TB|  %% [^\n]*|\s*subgraph c_[a-z0-9_]+ \[" "\]|\s*direction TB|\s*end'
    r'|\s*p_[a-z0-9_]+(\[\[|\(\[|\(|\[|\{\{)"[^"`<>]*"(\]\]|\]\)|\)|\]|\}\})'
    r'|  p_[a-z0-9_]+ (-->|<-\.->|-\.-|==>|-\.-o)\|"[^"`<>|]*"\| p_[a-z0-9_]+'
    r"|  p_[a-z0-9_]+ --- p_[a-z0-9_]+|  linkStyle [0-9,]+ [a-z0-9:#.,\- ]+"
    r"|  classDef [a-z-]+ [^\n]+|  class [a-z0-9_,]+ [a-z-]+)$"
)


def test_every_mermaid_line_is_well_formed(doc: Document) -> None:
    for line in to_mermaid(doc).splitlines():
        assert MERMAID_LINE.match(line), line


def test_mermaid_escapes() -> None:
    assert escape('a"b#c<d>e&f`g|h%i;j') == "a#34;b#35;c#60;d#62;e#38;f#96;g#124;h#37;i#59;j"
    text = to_mermaid(hostile_doc())
    assert "<script>" not in text and "\u202e" not in text and "```" not in text
    assert "#60;script#62;alert#40;1#41;#60;/script#62;" in text


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_markdown_shows_hostile_text_as_text() -> None:
    md = to_markdown(hostile_doc())
    html = _html(md)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "\u202e" not in md
    assert FORMULA.replace("'", "&#39;") in html or FORMULA in html
    assert md.count("```mermaid") == 1 and md.count("```") == 2
    assert "<a href" not in html  # no links made from names


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. no", "1\\. no"),
        ("a | b", "a \\| b"),
        ("<i>x</i>", "&lt;i&gt;x&lt;/i&gt;"),
        ("[l](u)", "\\[l\\](u)"),
        ("$x$", "\\$x\\$"),
    ],
)
def test_markdown_inline_escapes(text: str, shown: str) -> None:
    assert inline(text) == shown


def test_handbook_has_the_guide_sections() -> None:
    md = to_markdown(built_doc())
    for heading in (
        "## 1. Governance structure",
        "### 1.7 Evolution",
        "## 2. Structure diagram",
        "## 3. Master state of Operations Cell",
        "## 4. Decision registry",
        "## 5. Resource allocations",
        "## 6. DAOs and cells",
        "## 7. Roles",
        "## 8. Partners",
    ):
        assert heading in md
    assert "| 2024-03-01 | Adopt consent | Operations Cell | Speed |  |" in md
    assert "| 2024-04-01 | Field Cell | 1,200.50 USDC |  |  |" in md


GOLDEN_FORMATS = {
    "tidewater.dot": to_dot,
    "tidewater.mmd": to_mermaid,
    "tidewater.md": to_markdown,
    "tidewater.csv": to_csv,
    "tidewater.hats.json": to_hats,
    "tidewater.daouri.json": to_daouri,
}


def _state_dir_text(doc: Document) -> str:
    return "".join(f"--- {name}\n{text}" for name, text in state_dir_files(doc).items())


@pytest.mark.parametrize("name", [*GOLDEN_FORMATS, "tidewater.state-dir.txt"])
def test_golden(name: str) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the files after a deliberate change, then review the diff."""
    doc = built_doc()
    text = _state_dir_text(doc) if name.endswith("state-dir.txt") else GOLDEN_FORMATS[name](doc)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text


def test_state_dir_round_trip(doc: Document, tmp_path: Path) -> None:
    out = tmp_path / "state"
    write_state_dir(doc, out)
    assert document_text(import_state_dir(out)) == document_text(doc)


def test_state_dir_reexport_removes_only_its_own_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "state"
    doc = built_doc()
    write_state_dir(doc, out)
    (out / "NOTES.md").write_text("mine", encoding="utf-8")
    steward = out / "primitives/tide-dao/ops/steward.yaml"
    assert steward.is_file()
    data = doc.to_data()
    data["primitives"] = [p for p in data["primitives"] if p["id"] not in ("steward", "report")]
    data["links"] = [link for link in data["links"] if link["to"] != "steward"]
    write_state_dir(Document.model_validate(data), out)
    assert not steward.exists() and not (out / "primitives/tide-dao/ops/steward").exists()
    assert (out / "NOTES.md").read_text(encoding="utf-8") == "mine"


def test_state_dir_refuses_a_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        write_state_dir(built_doc(), tmp_path)
    assert (
        str(caught.value)
        == f"{tmp_path}: the folder is not empty and holds no state-dir index.yaml; choose an empty folder"
    )


def test_cli_import_state_dir(tmp_path: Path) -> None:
    write_state_dir(built_doc(), tmp_path / "s")
    out = tmp_path / "back.dao.yaml"
    assert main(["import", str(tmp_path / "s"), "--from", "state-dir", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == document_text(built_doc())
