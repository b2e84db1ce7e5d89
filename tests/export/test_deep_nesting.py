"""A containment chain 10,000 deep: every export stays linear in size, never recurses, and still
means the same (indentation is capped, folders flattened past a depth; nesting is unchanged)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

import designer.export.tree as tree_module
from designer.export.csv_roles import to_csv
from designer.export.daouri import to_daouri
from designer.export.dot import to_dot
from designer.export.hats import to_hats
from designer.export.markdown import to_markdown
from designer.export.mermaid import to_mermaid
from designer.export.registry import ExportError
from designer.export.state_dir import FOLDER_DEPTH, primitive_paths, write_state_dir
from designer.export.tree import INDENT_MAX, Tree
from designer.importers.state_dir import import_state_dir
from designer.io.save import document_text
from designer.model.document import Document
from tests.export.conftest import DOT, NO_DOT

DEPTH = 10_000
GROWTH = 4
"""Output characters allowed per character of the state file (DOT, the largest, is about 2.4)."""


def chain_data(depth: int) -> dict[str, Any]:
    """A DAO, then cells each inside the one before, each accountable to its container, and a role
    with a task under the deepest cell."""
    prims: list[dict[str, Any]] = [
        {"id": "dao-0", "kind": "dao", "name": "Deep DAO", "scale": "network", "phase": "iteration"}
    ]
    links = []
    for i in range(1, depth):
        parent = prims[-1]["id"]
        prims.append({"id": f"cell-{i}", "kind": "cell", "name": f"Cell {i}", "parent": parent,
                      "scale": "coordination", "phase": "formation"})
        links.append({"from": f"cell-{i}", "to": parent, "kind": "accountable-to"})
    prims.append({"id": "role-x", "kind": "role", "name": "Keeper", "parent": prims[-1]["id"]})
    prims.append({"id": "task-x", "kind": "task", "name": "Keep", "parent": "role-x"})
    links.append({"from": "dao-0", "to": "role-x", "kind": "uses-role"})
    return {"format": "dao-designer/1", "organization": {"name": "Deep"}, "primitives": prims, "links": links}


def chain_doc(depth: int) -> Document:
    return Document.model_validate(chain_data(depth))


@pytest.fixture(scope="module")
def deep() -> Document:
    return chain_doc(DEPTH)


@pytest.mark.parametrize("export", [to_dot, to_mermaid, to_markdown, to_csv, to_daouri], ids=lambda f: f.__name__)
def test_output_is_linear_in_input(deep: Document, export: Any) -> None:
    size = len(document_text(deep))
    out = export(deep)
    assert len(out) <= GROWTH * size, f"{len(out):,} characters from a {size:,}-character file"


def test_indentation_stops_at_the_cap(deep: Document) -> None:
    for text in (to_dot(deep), to_mermaid(deep)):
        widest = max(len(line) - len(line.lstrip(" ")) for line in text.splitlines())
        assert widest == 2 * INDENT_MAX


@pytest.mark.parametrize("export", [to_dot, to_mermaid], ids=lambda f: f.__name__)
def test_capped_output_means_the_same(monkeypatch: pytest.MonkeyPatch, export: Any) -> None:
    """Only leading spaces differ from the uncapped text, which neither DOT nor Mermaid reads."""
    doc = chain_doc(40)
    capped = export(doc)
    monkeypatch.setattr(tree_module, "INDENT_MAX", 10**6)
    uncapped = export(doc)
    assert capped != uncapped
    assert [line.lstrip(" ") for line in capped.splitlines()] == [line.lstrip(" ") for line in uncapped.splitlines()]


@pytest.mark.skipif(DOT is None, reason=NO_DOT)
def test_graphviz_draws_a_deep_chain(tmp_path: Path) -> None:
    assert DOT is not None
    done = subprocess.run([DOT, "-Tsvg"], input=to_dot(chain_doc(60)), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count('class="cluster"') == 60  # the DAO and every cell


def test_containment_checks_are_constant_time(deep: Document) -> None:
    tree = Tree.of(deep)
    assert tree.inside("task-x", "dao-0") and tree.inside("cell-9999", "cell-1")
    assert not tree.inside("cell-1", "cell-9999") and not tree.inside("cell-5", "cell-5")
    assert not tree.inside("dao-0", "task-x")


def test_hats_refuses_the_chain_with_one_message(deep: Document) -> None:
    with pytest.raises(ExportError) as caught:
        to_hats(deep)
    assert str(caught.value) == "'cell-15' would sit 16 levels deep in the Hats tree; a tree has at most 15 levels"


def test_state_dir_folders_stop_at_a_depth_and_read_back(deep: Document, tmp_path: Path) -> None:
    paths = primitive_paths(deep)
    assert max(p.count("/") for p in paths.values()) == FOLDER_DEPTH + 1
    assert paths["cell-3"] == "primitives/dao-0/cell-1/cell-2/cell-3.yaml"
    assert paths["task-x"].startswith("primitives/dao-0/cell-1/") and paths["task-x"].count("/") == FOLDER_DEPTH + 1
    out = tmp_path / "state"
    write_state_dir(deep, out)
    assert document_text(import_state_dir(out)) == document_text(deep)
