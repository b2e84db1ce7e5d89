"""Auto-layout against DESIGN.md §7: 5k primitives ≤ 0.3 s and ≥ 30× faster than `dot` on the same structure."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from designer.layout import auto_layout
from designer.layout.synthetic import synthetic_document


def main() -> int:
    doc = synthetic_document(5000)
    best = min(_time(lambda: auto_layout(doc.primitives, doc.links)) for _ in range(5))
    print(f"auto_layout {len(doc.primitives)} primitives: {best * 1000:.1f} ms (target ≤ 300 ms)")
    if shutil.which("dot") is None:
        print("dot not installed: ratio not measured")
        return 0
    lines = ["digraph g {"]
    for p in doc.primitives:
        lines.append(f'"{p.id}" [shape=box];')
        if p.parent:
            lines.append(f'"{p.parent}" -> "{p.id}";')
    lines += [f'"{lk.source}" -> "{lk.target}";' for lk in doc.links] + ["}"]
    t = time.perf_counter()
    subprocess.run(["dot", "-Tplain", "-o", "/dev/null"], input="\n".join(lines), text=True, check=True)
    dot = time.perf_counter() - t
    print(f"dot on the same structure: {dot:.2f} s; auto_layout is {dot / best:.0f}× faster (target ≥ 30×)")
    return 0


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    raise SystemExit(main())
