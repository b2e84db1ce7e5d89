"""Every registered format runs on every test document, gives the same output twice, and is
reachable through ``dao-designer export``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from designer.cli.main import main
from designer.export.registry import EXPORTERS, Exporter
from designer.io.save import save_document
from designer.model.document import Document
from tests.export.conftest import DOT, SAMPLES

TEXT_FORMATS = ("dot", "mermaid", "markdown", "csv", "hats", "daouri")
GRAPHVIZ_FORMATS = ("svg", "png", "pdf")


def test_every_planned_format_is_registered() -> None:
    from designer.cli.cmd_export import PLANNED

    assert set(PLANNED) <= set(EXPORTERS), sorted(set(PLANNED) - set(EXPORTERS))


@pytest.mark.parametrize("name", TEXT_FORMATS)
def test_text_exports_are_stable(doc: Document, name: str) -> None:
    exporter: Exporter = EXPORTERS[name]
    assert exporter.render is not None
    first = exporter.render(doc)
    assert isinstance(first, str) and first.endswith("\n") and len(first) > 40
    assert exporter.render(doc) == first


def test_state_dir_is_stable(doc: Document, tmp_path: Path) -> None:
    from designer.export.state_dir import state_dir_files

    files = state_dir_files(doc)
    assert files == state_dir_files(doc)
    assert next(iter(files)) == "index.yaml"
    assert sum(1 for f in files if f.startswith("primitives/")) == len(doc.primitives)


@pytest.mark.skipif(DOT is None, reason="Graphviz's dot is not installed (apt-get install graphviz)")
def test_cli_export_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "org.dao.yaml"
    from tests.export.conftest import built_doc

    save_document(built_doc(), source)
    magic = {"png": b"\x89PNG", "pdf": b"%PDF", "svg": b"<?xml"}
    for name in (*TEXT_FORMATS, *GRAPHVIZ_FORMATS):
        out = tmp_path / f"out.{name}"
        assert main(["export", str(source), "--to", name, "-o", str(out)]) == 0, name
        data = out.read_bytes()
        assert data.startswith(magic.get(name, b"")) and len(data) > 40, name
    assert main(["export", str(source), "--to", "state-dir", "-o", str(tmp_path / "dir")]) == 0
    assert (tmp_path / "dir" / "index.yaml").is_file()


def test_cli_state_dir_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.export.conftest import built_doc

    source = tmp_path / "org.dao.yaml"
    save_document(built_doc(), source)
    assert main(["export", str(source), "--to", "state-dir"]) == 2
    assert capsys.readouterr().err == "error: --to state-dir writes a folder; name it with -o\n"


def test_exports_run_without_qt() -> None:
    """The exporters are core code: importing them all must not pull in Qt."""
    code = (
        "import sys; from designer.export.registry import load_all; load_all(); "
        "import designer.importers.csv_roles, designer.importers.hats, designer.importers.state_dir; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.skipif(not SAMPLES, reason="no samples/*.dao.yaml yet")
def test_biggest_sample_exports_quickly() -> None:
    from designer.io.load import load_document

    biggest = max(SAMPLES, key=lambda p: p.stat().st_size)
    doc = load_document(biggest)
    for name in TEXT_FORMATS:
        render = EXPORTERS[name].render
        assert render is not None
        start = time.perf_counter()
        render(doc)
        assert time.perf_counter() - start < 0.5, name
