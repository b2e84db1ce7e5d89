"""DOT is valid for Graphviz, SVG is well-formed XML, and a missing ``dot`` says how to install it."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from designer.export.dot import quote, to_dot
from designer.export.graphviz_run import INSTALL_HINT, run_dot, to_svg
from designer.export.registry import ExportError
from designer.model.document import Document
from tests.export.conftest import DOT, NO_DOT, built_doc, hostile_doc

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.skipif(DOT is None, reason=NO_DOT)
def test_dot_parses_and_svg_is_well_formed(doc: Document) -> None:
    source = to_dot(doc)
    assert DOT is not None
    checked = subprocess.run([DOT, "-Tcanon"], input=source.encode(), capture_output=True, check=False)
    assert checked.returncode == 0, checked.stderr.decode()
    # Every sample lays out without a single warning (flat edges carry external labels).
    assert checked.stderr.decode() == ""
    root = ET.fromstring(to_svg(doc).encode())
    assert root.tag == f"{SVG}svg"
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    titles = {t.text for t in root.iter(f"{SVG}title")}
    assert {p.id for p in doc.primitives} <= titles


@pytest.mark.skipif(DOT is None, reason=NO_DOT)
def test_hostile_labels_come_out_as_text() -> None:
    root = ET.fromstring(to_svg(hostile_doc()).encode())
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    joined = " ".join(texts)
    assert "<script>alert(1)</script> &" in joined
    assert "\u202e" not in joined and "\u202c" not in joined
    assert "=cmd|' /C calc'!A0" in joined
    assert "Quote \" and ' and \\N backslash" in joined
    assert max(len(t) for t in texts) <= 80


def test_quote_escapes_backslashes_and_quotes() -> None:
    assert quote('a"b\\N') == '"a\\"b\\\\N"'


def test_dot_groups_containment_ranks_scales_and_styles_links() -> None:
    source = to_dot(built_doc())
    assert 'subgraph "cluster_tide-dao" {' in source and 'subgraph "cluster_ops" {' in source
    assert '{ rank=same; "lane:coordination"; "ops"; }' in source
    assert '"lane:network" -> "lane:constituency" [style=invis, minlen=3];' in source
    assert 'label="funds 5,000 USDC / month", style="bold"' in source
    assert 'label="uses role", style="dashed"' in source


def test_missing_dot_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRAPHVIZ_DOT", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ExportError) as caught:
        run_dot("digraph {}", "svg")
    assert str(caught.value) == f"Graphviz's 'dot' program was not found; {INSTALL_HINT}"
    assert "apt-get install graphviz" in INSTALL_HINT and "brew install graphviz" in INSTALL_HINT


def test_graphviz_dot_variable_must_name_a_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPHVIZ_DOT", "/no/such/dot")
    with pytest.raises(ExportError) as caught:
        run_dot("digraph {}", "svg")
    assert str(caught.value) == f"GRAPHVIZ_DOT is set to '/no/such/dot', which is not a program; {INSTALL_HINT}"


@pytest.mark.skipif(DOT is None, reason=NO_DOT)
def test_graphviz_failure_is_one_line() -> None:
    with pytest.raises(ExportError) as caught:
        run_dot("digraph { a -> }", "svg")
    assert str(caught.value).startswith("Graphviz failed: ")
    assert "\n" not in str(caught.value)
