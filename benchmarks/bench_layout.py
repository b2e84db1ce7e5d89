"""Auto-layout against DESIGN.md §7: 5k primitives ≤ 0.3 s and ≥ 30× faster than `dot` on the same structure.

    python benchmarks/bench_layout.py

Also lays out files without layout (``generate.py``, as CSV and Hats imports write them) of 1k to
10k primitives and prints the time and the size and proportion of the picture they make, and
places the missing half of a sparse 10k file (``layout --missing-only``, and what the app does on
opening it). Exit code 1 when a target fails.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from designer.layout import auto_layout, place_missing
from designer.layout.geometry import CARD_WIDTH, LANE_PITCH, card_sizes, lane_bands, lane_index
from designer.layout.pack import PICTURE_EXTRA
from designer.layout.synthetic import synthetic_document
from designer.model.document import Document

SIZES = (1_000, 2_000, 4_000, 10_000)


def best(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def picture(doc: Document, layout: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """Width and height of the canvas the layout makes, lanes stretched as the canvas stretches them."""
    lane = {p.id: lane_index(p.scale) for p in doc.primitives if p.id in layout}  # type: ignore[union-attr]
    sizes = card_sizes(doc.primitives)
    bands = lane_bands((lane[c], y - lane[c] * LANE_PITCH, sizes[c][1]) for c, (_x, y) in layout.items())
    xs = [x for x, _ in layout.values()]
    return max(xs) + CARD_WIDTH - min(xs) + PICTURE_EXTRA, bands[-1][0] + bands[-1][1]


def main() -> int:
    ok = True
    doc = synthetic_document(5000)
    took = best(lambda: auto_layout(doc.primitives, doc.links))
    ok &= took <= 0.3
    print(f"auto_layout {len(doc.primitives)} primitives (synthetic): {took * 1000:.1f} ms (target ≤ 300 ms)")
    if shutil.which("dot") is None:
        print("dot not installed: ratio not measured")
    else:
        lines = ["digraph g {"]
        for p in doc.primitives:
            lines.append(f'"{p.id}" [shape=box];')
            if p.parent:
                lines.append(f'"{p.parent}" -> "{p.id}";')
        lines += [f'"{lk.source}" -> "{lk.target}";' for lk in doc.links] + ["}"]
        t = time.perf_counter()
        subprocess.run(["dot", "-Tplain", "-o", "/dev/null"], input="\n".join(lines), text=True, check=True)
        dot = time.perf_counter() - t
        ok &= dot / took >= 30
        print(f"dot on the same structure: {dot:.2f} s; auto_layout is {dot / took:.0f}× faster (target ≥ 30×)")

    print(f"\n{'file without layout':<22} {'cards':>6} {'auto_layout':>12} {'picture (units)':>17} {'w/h':>5}")
    for n in SIZES:
        bare = Document.model_validate(generate(n, layout_kind="none"))
        layout = auto_layout(bare.primitives, bare.links)
        took = best(lambda bare=bare: auto_layout(bare.primitives, bare.links), 3)
        width, height = picture(bare, layout)
        print(f"{n:>12,} primitives {len(layout):>6} {took * 1000:>9.1f} ms {width:>8,.0f} x {height:<6,.0f} "
              f"{width / height:>5.2f}")
    sparse = Document.model_validate(generate(10_000, layout_kind="sparse"))
    full = Document.model_validate(generate(10_000))
    missing = len(full.layout) - len(sparse.layout)
    took = best(lambda: place_missing(sparse.primitives, sparse.links, sparse.layout), 3)
    print(f"\nplace_missing: {missing} of {len(full.layout)} cards of a sparse 10k file: {took * 1000:.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
