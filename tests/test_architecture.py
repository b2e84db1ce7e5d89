"""Architecture guards: the core never imports Qt, and the Qt build in use is not a known-bad one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_imports_qt_contract() -> None:
    """import-linter's contract in pyproject.toml: designer/ may not import PySide6, shiboken6 or ui."""
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_cli_runs_with_qt_blocked() -> None:
    """The headless CLI works on a machine where importing PySide6 fails."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from ui.launch import main\n"
        "sys.exit(main(['schema']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '"$schema"' in result.stdout
    assert "PySide6" not in result.stderr


def test_pyside6_void_calls_keep_none_refcount() -> None:
    """DESIGN.md §8: PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call that
    returns nothing and aborted after a few thousand calls. 100,000 such calls must leave
    None's reference count where it was."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QGraphicsRectItem\n"
        "app = QApplication([])\n"
        "item = QGraphicsRectItem(0, 0, 10, 10)\n"
        "before = sys.getrefcount(None)\n"
        "for i in range(100_000):\n"
        "    item.setPos(i % 100, 0)\n"
        "after = sys.getrefcount(None)\n"
        "print(after - before)\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, f"the process died: {result.stderr[-500:]}"
    drift = int(result.stdout.strip().splitlines()[-1])
    assert abs(drift) < 50, f"None's reference count moved by {drift} over 100,000 calls"


def test_the_app_exits_cleanly_after_a_copy(tmp_path: Path) -> None:
    """Copying puts data on the system clipboard, which outlives the interpreter; a Python-made
    QMimeData there made every exit after a copy crash with a segmentation fault."""
    code = (
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.main_window import MainWindow\n"
        "from ui.settings import Settings\n"
        "app = QApplication([])\n"
        "window = MainWindow(Settings())\n"
        f"window.open_path({str(ROOT / 'samples' / 'regen-commons.dao.yaml')!r}, ask=False)\n"
        "window.scene.cards['ops'].setSelected(True)\n"
        "window.copy()\n"
        "window.paste()\n"
        "print(len(window.model.primitives))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT
    )
    assert result.returncode == 0, f"exit code {result.returncode}: {result.stderr[-500:]}"
    assert int(result.stdout.split()[-1]) > 22
