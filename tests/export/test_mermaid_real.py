"""The Mermaid export checked by the real Mermaid 11: parsed under node, drawn in headless Chromium.

``tests/export/mermaid_check.mjs`` does the work with the npm packages in ``tests/export/node``
(``npm ci --prefix tests/export/node``; ``.ci/run`` does it). Parsing needs node; drawing also
needs Chromium (``apt-get install chromium``), because Mermaid lays labels out by measuring text,
which a DOM shim cannot do. Without them the tests skip and say what is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from designer.export.dot import LINK_STYLES as DOT_LINK_STYLES
from designer.export.mermaid import to_mermaid
from designer.model.document import Document
from tests.export.conftest import SAMPLES, built_doc, hostile_doc
from tests.export.test_deep_nesting import chain_doc

HERE = Path(__file__).parent
CHECK = HERE / "mermaid_check.mjs"
NODE = shutil.which("node")
MODULES = HERE / "node" / "node_modules"
CHROMIUM = os.environ.get("CHROMIUM") or next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
)
NO_NODE = "node is not installed; the real Mermaid checks run it (apt-get install nodejs npm)"
NO_MODULES = "the npm packages are not installed: run `npm ci --prefix tests/export/node` (.ci/run does)"
NO_CHROMIUM = "headless Chromium is not installed (apt-get install chromium); Mermaid needs a browser to lay out"
END_GAP = 6.0
"""Pixels between a drawn edge's end and its node's box: the arrow head sits just outside it."""

pytestmark = [
    pytest.mark.skipif(NODE is None, reason=NO_NODE),
    pytest.mark.skipif(not (MODULES / "mermaid").is_dir() or not (MODULES / "jsdom").is_dir(), reason=NO_MODULES),
]


@cache
def _documents() -> dict[str, Document]:
    from designer.io.load import load_document

    docs = {"built": built_doc(), "hostile": hostile_doc()}
    docs |= {p.name.removesuffix(".dao.yaml"): load_document(p) for p in SAMPLES}
    return docs


DRAWN = ["built", *(p.name.removesuffix(".dao.yaml") for p in SAMPLES), "chain-30"]
"""Drawn in Chromium: the built document, the samples and a chain nested deeper than the indent cap."""


def _document(name: str) -> Document:
    return chain_doc(30) if name == "chain-30" else _documents()[name]


def _run(tmp_path: Path, mode: list[str], sources: dict[str, str]) -> dict[str, Any]:
    files = []
    for name, text in sources.items():
        path = tmp_path / f"{name}.mmd"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(CHECK), *mode, *files], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return {Path(f).stem: v for f, v in report.items()}


def test_every_export_parses(tmp_path: Path) -> None:
    sources = {name: to_mermaid(doc) for name, doc in _documents().items()}
    sources["chain-300"] = to_mermaid(chain_doc(300))
    report = _run(tmp_path, ["parse"], sources)
    assert report == {name: {"ok": True, "type": "flowchart-v2"} for name in sources}


def test_the_checker_refuses_a_broken_diagram(tmp_path: Path) -> None:
    """The parse check can fail: an arrow Mermaid has no form for (`<--` alone) is reported."""
    report = _run(tmp_path, ["parse"], {"broken": 'flowchart TB\n  a <--|"x"| b\n'})
    assert report["broken"]["ok"] is False and "Parse error" in report["broken"]["error"]


def _task_edges(doc: Document) -> int:
    by_id = doc.by_id()
    return sum(1 for p in doc.primitives if p.kind == "task" and p.parent and by_id[p.parent].kind in ("role", "task"))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    sources = {name: to_mermaid(doc) for name, doc in _documents().items() if name != "hostile"}
    sources["chain-30"] = to_mermaid(chain_doc(30))
    return _run(tmp_path_factory.mktemp("mermaid"), ["render", CHROMIUM], sources)


@pytest.mark.parametrize("name", DRAWN)
def test_every_link_is_drawn_between_its_own_nodes(drawn: dict[str, Any], name: str) -> None:
    doc = _document(name)
    result = drawn[name]
    assert result["ok"], result
    edges = result["edges"]
    assert len(edges) == len(doc.links) + _task_edges(doc)
    undrawn = [e["id"] for e in edges if not e["drawn"] or e["length"] < 1]
    assert undrawn == [], f"{len(undrawn)} of {len(edges)} links not drawn: {undrawn}"
    loose = [(e["id"], e["startGap"], e["endGap"]) for e in edges if max(e["startGap"], e["endGap"]) > END_GAP]
    assert loose == [], "edges that do not end at their nodes"


@pytest.mark.parametrize("name", DRAWN)
def test_edge_labels_overlap_nothing(drawn: dict[str, Any], name: str) -> None:
    result = drawn[name]
    assert result["labels"] == len(_document(name).links)
    assert result["overlaps"] == []
    assert result["onNodes"] == []


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_link_styles_are_drawn_per_kind(drawn: dict[str, Any]) -> None:
    """The colours are DOT's; dashes, widths and heads as docs/export.md describes them."""
    doc = built_doc()
    by_pair = {(e["start"], e["end"]): e for e in drawn["built"]["edges"]}
    seen = set()
    for link in doc.links:
        edge = by_pair["p_" + link.source.replace("-", "_"), "p_" + link.target.replace("-", "_")]
        assert edge["stroke"] == _rgb(DOT_LINK_STYLES[link.kind]["color"]), link.kind
        dashed = edge["dash"] not in ("none", "0px", "")
        assert dashed == (link.kind in ("coordinates-with", "partners-with", "uses-role")), link.kind
        heads = [re.sub(r"^url\(#d\d+_flowchart-v2-|__[0-9a-f]+\)$|\)$", "", h) for h in edge["heads"]]
        assert heads == {
            "accountable-to": ["", "pointEnd"],
            "coordinates-with": ["pointStart", "pointEnd"],
            "partners-with": ["", ""],
            "funds": ["", "pointEnd"],
            "uses-role": ["", "circleEnd"],
        }[link.kind], link.kind
        seen.add(link.kind)
    assert len(seen) == 5
    widths = {link.kind: float(by_pair["p_" + link.source.replace("-", "_"), "p_" + link.target.replace("-", "_")]
                               ["width"].removesuffix("px")) for link in doc.links}
    assert widths["funds"] > widths["accountable-to"]
