"""The package as pip or pipx installs it: a wheel built from the tree, installed (not editable)
into a fresh virtual environment, run from a folder outside the source tree.

The wheel goes in with ``--no-deps``; the dependencies come from this test run's own
site-packages through a ``.pth`` line, which adds that folder to ``sys.path`` without running the
editable install's hook there, so nothing of the source tree can be imported by accident.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.name for p in (ROOT / "samples").glob("*.dao.yaml"))
TEMPLATES = sorted(p.name for p in (ROOT / "resources" / "templates").glob("*.dao.yaml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    [built] = out.glob("dao_primitives_designer-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The environment's folder; its ``bin/dao-designer`` is the installed entry point."""
    env = tmp_path_factory.mktemp("venv")
    venv.create(env, with_pip=False)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return env


def _run(env: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    return subprocess.run([str(env / "bin" / "dao-designer"), *args], capture_output=True, text=True,
                          cwd=cwd, env=clean, timeout=120, check=False)


def test_the_wheel_holds_samples_templates_resources_and_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"resources/samples/{n}" for n in SAMPLES} <= names
    assert {f"resources/templates/{n}" for n in TEMPLATES} <= names
    for data in (ROOT / "resources").rglob("*"):
        if data.is_file() and "__pycache__" not in data.parts:
            assert data.relative_to(ROOT).as_posix() in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("samples/", "tests/")) for n in names)


def test_installed_app_runs_outside_the_tree(installed: Path, tmp_path: Path) -> None:
    version = _run(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("dao-designer "), version.stderr
    listed = _run(installed, "templates", "--format", "json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    names = sorted(t["name"] for t in json.loads(listed.stdout))
    assert names == sorted(n.removesuffix(".dao.yaml") for n in TEMPLATES)
    probe = (
        "import json, designer, ui.app; from designer.framework.resources import samples_folder; "
        "print(designer.__file__); print(ui.app.SAMPLE); "
        "print(json.dumps(sorted(p.name for p in samples_folder().iterdir())))"
    )
    where = subprocess.run([str(installed / "bin" / "python"), "-c", probe], capture_output=True, text=True,
                           cwd=tmp_path, timeout=120, check=False)
    assert where.returncode == 0, where.stderr
    module, sample, shipped = where.stdout.splitlines()
    site = Path(module).parents[1]
    assert site.name == "site-packages" and site.is_relative_to(installed)
    assert Path(sample) == site / "resources" / "samples" / "regen-commons.dao.yaml" and Path(sample).is_file()
    assert set(SAMPLES) <= set(json.loads(shipped))
    checked = _run(installed, "validate", sample, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1].startswith("1 file checked")
