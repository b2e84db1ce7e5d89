"""Canvas benchmarks against DESIGN.md §7, with a bare PySide6 baseline measured in the same run.

    python benchmarks/bench_canvas.py [--n 10000]

Prints a table: what, measured, target, and the ratio to the baseline where the target is one.
The document comes from ``generate.py`` three times: laid out (one long row per lane), without
layout (as CSV and Hats imports write it: the canvas and ``render`` lay it out) and sparse (every
other card placed); each is opened in the app and rendered headless.

Ratio targets compare like with like: each side runs as a fresh ``python`` process, best of 3,
after one warm-up run, with the same environment. Bytecode is cached in a temporary folder
(``PYTHONPYCACHEPREFIX``) for both sides, as it is for an installed app, even when the shell sets
``PYTHONDONTWRITEBYTECODE``: otherwise the app would recompile its own modules on every start
while PySide6 and the standard library load from their caches. Render rows give the ratio by wall
time and by CPU time (user plus system): on a machine shared with other work the wall-time ratio
of two runs of the same code can differ by a third.
"""

from __future__ import annotations

import argparse
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "regen-commons.dao.yaml"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.show()
app.processEvents()
"""
BARE_PAINT = """
import sys
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem
app = QApplication([])
n = int(sys.argv[1])
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
"""
FLOOR_MODELS = "import designer.model.document\n" + BARE_WINDOW
"""The stack's floor: the state-file models built (pydantic), then a bare window; no app code."""
FLOOR_SAMPLE = "import sys\nfrom designer.io.load import load_document\nload_document(sys.argv[1])\n" + BARE_WINDOW
"""The floor with the sample loaded and validated by the core, then a bare window."""
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


class Timing(NamedTuple):
    wall: float
    cpu: float
    """User plus system time of the process: steadier than wall time on a machine shared with
    other work."""


def fresh_process(args: list[str], env: dict[str, str], repeat: int = 3, warm_up: bool = True) -> Timing:
    """Best wall and CPU times of ``python ARGS`` in a fresh process, after one untimed warm-up run."""

    def run() -> Timing:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)

    if warm_up:
        run()
    runs = [run() for _ in range(repeat)]
    return Timing(min(r.wall for r in runs), min(r.cpu for r in runs))


def versus(t: Timing, base: Timing, name: str) -> str:
    """``t`` and its ratio to ``base``, by wall time and by CPU time."""
    return f"{t.wall:.2f} s ({t.wall / base.wall:.1f}× {name}; CPU {t.cpu / base.cpu:.1f}×)"


def png_size(path: Path) -> str:
    """``W x H px, N MB`` of a PNG (read from its header)."""
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return f"{width:,} x {height:,} px, {path.stat().st_size / 1e6:.1f} MB"


def drag_moves(gesture_type: type, scene: object, card: object, n: int = 60) -> tuple[float, float]:
    """Median and max time of ``n`` realistic drag moves of ``card`` (each 5-20 units, wandering
    across about 500 units and back, as a hand does), its edges and labels re-routed every move."""
    import math
    import statistics

    from PySide6.QtCore import QPointF

    start = card.sceneBoundingRect().center()  # type: ignore[attr-defined]
    gesture = gesture_type(scene, [card], start)
    gesture.move(start + QPointF(6, 0))  # past the drag threshold, as the first real move is
    times = []
    for i in range(n):
        angle = i / n * 2 * math.pi
        pos = start + QPointF(260 * math.sin(angle) + 8 * (i % 3), 120 * (1 - math.cos(angle)))
        t = time.perf_counter()
        gesture.move(pos)
        times.append(time.perf_counter() - t)
    gesture.cancel()
    return statistics.median(times), max(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    from PySide6.QtCore import QPointF, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from generate import generate

    from designer.io.save import document_text
    from designer.model.document import Document
    from ui.canvas.interactions import MoveCards
    from ui.main_window import MainWindow
    from ui.recovery import Recovery
    from ui.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    kinds = {"full": "laid out", "none": "no layout", "sparse": "half laid out"}
    docs = {kind: Document.model_validate(generate(args.n, layout_kind=kind)) for kind in kinds}
    doc = docs["full"]
    rows: list[tuple[str, str, str]] = []
    files = {(kind, fmt): tmp / f"{kind}.dao.{fmt}" for kind in kinds for fmt in ("json", "yaml")}
    for (kind, fmt), path in files.items():
        path.write_text(document_text(docs[kind], fmt), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    baseline = fresh_process(["-c", BARE_PAINT, str(args.n)], env)
    rows.append((f"bare PySide6: {args.n} rect+text items built and painted (process)",
                 f"{baseline.wall:.2f} s (CPU {baseline.cpu:.2f} s)", "baseline"))

    settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings, Recovery(tmp))
    w.resize(1600, 1000)
    w.show()
    app.processEvents()
    opened: dict[str, float] = {}
    for kind, fmt in (("full", "json"), ("full", "yaml"), ("none", "yaml"), ("sparse", "yaml")):
        t = time.perf_counter()
        w.open_path(str(files[kind, fmt]), ask=False)
        w.view.zoom_reset()
        w.view.viewport().grab()
        opened[kind] = took = time.perf_counter() - t
        ratio = f" ({took / opened['full']:.2f}× laid out)" if kind != "full" else ""
        rows.append((f"open {len(doc.primitives)} {kinds[kind]} ({fmt}) to first painted frame",
                     f"{took:.2f} s{ratio}", "≤ 2 s"))
    w.open_path(str(files["full", "json"]), ask=False)  # the rows below measure the laid-out file
    w.view.zoom_reset()
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
    edges_of = w.scene._edges_by_card
    typical = next(c for cid, c in w.scene.cards.items() if 2 <= len(edges_of.get(cid, ())) <= 5)
    busiest = max(w.scene.cards.values(), key=lambda c: len(edges_of.get(c.pid, ())))
    for label, card in (("a card", typical), ("the busiest card", busiest)):
        median, worst = drag_moves(MoveCards, w.scene, card)
        rows.append((f"drag move of {label} with {len(edges_of[card.pid])} edges (60 moves: median / max)",
                     f"{median * 1000:.2f} / {worst * 1000:.2f} ms", "≤ 5 ms"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory with the file open", f"{rss:.0f} MB", "≤ 500 MB"))
    w.stack.set_clean()
    w.close()

    bare = fresh_process(["-c", BARE_WINDOW], env, repeat=7).wall
    models = fresh_process(["-c", FLOOR_MODELS], env, repeat=7).wall
    floor = fresh_process(["-c", FLOOR_SAMPLE, str(SAMPLE)], env, repeat=7).wall
    full = fresh_process(["-c", APP_START], env, repeat=7).wall
    rows.append(("bare QMainWindow start (process)", f"{bare:.3f} s", "baseline"))
    rows.append(("  floor: models built + bare window (no app code)", f"{models:.3f} s ({models / bare:.2f}×)",
                 "for reference"))
    rows.append(("  floor: sample loaded by the core + bare window", f"{floor:.3f} s ({floor / bare:.2f}×)",
                 "for reference"))
    rows.append(("app start with a sample (process)",
                 f"{full:.3f} s ({full / bare:.2f}× bare; {full / floor:.2f}× floor)", "≤ 1.25× floor"))
    for kind in kinds:
        r = fresh_process(["-m", "ui.launch", "render", str(files[kind, "json"]), "-o", str(tmp / f"{kind}.png"),
                           "--scale", "0.25"], env)
        rows.append((f"render {len(doc.primitives)} {kinds[kind]} (json) headless to PNG at 0.25 (process)",
                     versus(r, baseline, "bare paint"), "≤ 3× bare"))
    out = tmp / "default.png"
    r = fresh_process(["-m", "ui.launch", "render", str(files["none", "json"]), "-o", str(out)], env, 1, False)
    rows.append((f"render {len(doc.primitives)} no layout at the default scale 1.5 (process)",
                 versus(r, baseline, "bare paint"), "for reference"))
    rows.append(("  its PNG (at most 16,384 px a side)", png_size(out), "for reference"))
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'measured':<40}  target")
    for what, measured, target in rows:
        print(f"{what:<{width}}  {measured:<40}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
