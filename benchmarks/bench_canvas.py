"""Canvas benchmarks against DESIGN.md §7, with a bare PySide6 baseline measured in the same run.

    python benchmarks/bench_canvas.py [--n 10000]

Prints a table: what, measured, target, and the ratio to the baseline where the target is one.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_WINDOW = "from PySide6.QtWidgets import QApplication, QMainWindow\napp = QApplication([])\nw = QMainWindow()\nw.show()\napp.processEvents()\n"
APP_START = (
    "import os\nos.environ['DAO_DESIGNER_QUIT_AFTER_SHOW'] = '1'\n"
    "from ui.app import run_app\nraise SystemExit(run_app(None))\n"
)


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def bare_scene_paint(n: int) -> float:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

    def run() -> None:
        scene = QGraphicsScene()
        for i in range(n):
            r = QGraphicsRectItem(0, 0, 200, 40)
            r.setPos((i % 100) * 220, (i // 100) * 60)
            QGraphicsSimpleTextItem(f"item {i}", r)
            scene.addItem(r)
        img = QImage(1600, 1000, QImage.Format.Format_ARGB32_Premultiplied)
        p = QPainter(img)
        scene.render(p)
        p.end()

    return timed(run)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    from PySide6.QtCore import QPointF, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from designer.io.save import document_text
    from designer.layout.synthetic import synthetic_document
    from ui.canvas.interactions import MoveCards
    from ui.main_window import MainWindow
    from ui.recovery import Recovery
    from ui.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    doc = synthetic_document(args.n)
    rows: list[tuple[str, str, str]] = []
    for fmt in ("json", "yaml"):
        path = tmp / f"big.dao.{fmt}"
        path.write_text(document_text(doc, fmt), encoding="utf-8")
    baseline = bare_scene_paint(args.n)
    rows.append(("bare PySide6: 10k rect+text items built and painted", f"{baseline:.2f} s", "baseline"))

    settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings, Recovery(tmp))
    w.resize(1600, 1000)
    w.show()
    app.processEvents()
    for fmt in ("json", "yaml"):
        t = time.perf_counter()
        w.open_path(str(tmp / f"big.dao.{fmt}"), ask=False)
        w.view.zoom_reset()
        w.view.viewport().grab()
        rows.append((f"open {len(doc.primitives)} primitives ({fmt}) to first painted frame",
                     f"{time.perf_counter() - t:.2f} s", "≤ 2 s"))
    vp = w.view.viewport()
    w.view.centerOn(QPointF(2000, 900))
    hs = w.view.horizontalScrollBar()

    def pan() -> None:
        hs.setValue(hs.value() + 40)
        vp.grab()

    rows.append(("pan frame at 100 % (whole viewport repaint)", f"{timed(pan, 10) * 1000:.1f} ms", "≤ 16 ms"))
    w.view.fit()
    rows.append(("whole-scene frame (fit, level of detail)", f"{timed(vp.grab, 3) * 1000:.1f} ms", "≤ 100 ms"))
    w.view.zoom_reset()
    card = next(iter(w.scene.cards.values()))
    gesture = MoveCards(w.scene, [card], QPointF(0, 0))
    steps = iter(range(1, 10_000))

    def move() -> None:
        gesture.move(QPointF(next(steps) * 2.0, 0))

    rows.append(("one drag move (card + its edges)", f"{timed(move, 50) * 1000:.2f} ms", "≤ 5 ms"))
    gesture.cancel()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory with the file open", f"{rss:.0f} MB", "≤ 500 MB"))
    w.stack.set_clean()
    w.close()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    bare = timed(lambda: subprocess.run([sys.executable, "-c", BARE_WINDOW], env=env, check=True), 3)
    full = timed(lambda: subprocess.run([sys.executable, "-c", APP_START], env=env, check=True, cwd=ROOT), 3)
    rows.append(("bare QMainWindow start", f"{bare:.2f} s", "baseline"))
    rows.append(("app start with a sample", f"{full:.2f} s ({full / bare:.1f}×)", "≤ 2× bare"))
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ui.launch", "render", str(tmp / "big.dao.json"), "-o", str(tmp / "o.png"),
                    "--scale", "0.25"], env=env, check=True, cwd=ROOT)
    r = time.perf_counter() - t
    rows.append(("render 10k (json) headless", f"{r:.2f} s ({r / baseline:.1f}× bare paint)", "≤ 3× bare"))
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'measured':<28}  target")
    for what, measured, target in rows:
        print(f"{what:<{width}}  {measured:<28}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
