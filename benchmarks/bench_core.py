"""Core I/O benchmark: parse, load, validate end to end, and save, against DESIGN.md section 7.

Run: ``python benchmarks/bench_core.py`` (about a minute). For 1,000 and 10,000 primitives it
writes a realistic generated document to a temporary folder and prints, per size:

- ``CSafeLoader``: a bare PyYAML ``yaml.load(text, Loader=CSafeLoader)`` of the same file;
- ``load``: ``load_document`` (read, strict parse, schema, integrity), best of 3;
- ``validate``: ``dao-designer validate FILE`` as a subprocess, wall time, best of 3;
- ``save``: ``save_document``, best of 3, and whether the bytes are stable;

then checks the targets: validate <= 1/3 of the CSafeLoader parse, save <= 0.5 s, byte-stable.
Exit code 1 if a 10k target fails.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from designer.io.load import load_document
from designer.io.save import save_document
from designer.model.document import Document

SIZES = (1_000, 10_000)
SAVE_TARGET_S = 0.5
VALIDATE_SHARE = 1 / 3


@dataclass
class Row:
    size: int
    megabytes: float
    csafe: float
    load: float
    validate: float
    validate_code: int
    save: float
    stable: bool

    @property
    def validate_ratio(self) -> float:
        return self.validate / self.csafe


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``action``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def cli_command() -> list[str]:
    """``dao-designer`` from the running environment, else ``python -m designer``."""
    beside = Path(sys.executable).with_name("dao-designer")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("dao-designer")
    return [found] if found else [sys.executable, "-m", "designer"]


def run_validate(path: Path) -> int:
    result = subprocess.run([*cli_command(), "validate", str(path)], capture_output=True, text=True, check=False)
    if result.returncode == 2:
        raise SystemExit(f"validate refused the generated file: {result.stderr.strip()}")
    return result.returncode


def measure(size: int, folder: Path) -> Row:
    doc = Document.model_validate(generate(size))
    path = folder / f"generated-{size}.dao.yaml"
    save_document(doc, path)
    first = path.read_bytes()
    text = first.decode("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    csafe = best_of(1 if size >= 10_000 else 3, lambda: yaml.load(text, Loader=loader))

    loaded = load_document(path)
    assert loaded == doc, "the generated document does not load back equal"
    load = best_of(3, lambda: load_document(path))

    code = run_validate(path)  # warm the interpreter's file caches once
    validate = best_of(3, lambda: run_validate(path))

    out = folder / f"saved-{size}.dao.yaml"
    save = best_of(3, lambda: save_document(loaded, out))
    stable = out.read_bytes() == first
    save_document(load_document(out), out)
    stable = stable and out.read_bytes() == first
    return Row(size, len(first) / 1e6, csafe, load, validate, code, save, stable)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(rows: list[Row]) -> bool:
    """Print the table and the targets; True when every 10k target passes."""
    header = (
        f"{'primitives':>10}  {'MB':>5}  {'CSafeLoader':>11}  {'load':>7}  {'validate':>8}  "
        f"{'save':>7}  {'stable':>6}  {'validate/parse':>14}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r.size:>10,}  {r.megabytes:>5.2f}  {r.csafe:>10.3f}s  {r.load:>6.3f}s  {r.validate:>7.3f}s  "
            f"{r.save:>6.3f}s  {'yes' if r.stable else 'NO':>6}  {r.validate_ratio:>14.3f}"
        )
    print()
    ok = True
    for r in rows:
        checks = [
            (f"validate <= 1/3 of CSafeLoader parse ({r.validate:.3f}s vs {r.csafe * VALIDATE_SHARE:.3f}s)",
             r.validate <= r.csafe * VALIDATE_SHARE),
            (f"save <= {SAVE_TARGET_S}s ({r.save:.3f}s)", r.save <= SAVE_TARGET_S),
            ("save is byte-stable", r.stable),
        ]  # fmt: skip
        for label, passed in checks:
            # The targets are set for the 10k file; at 1k, interpreter start-up dominates validate.
            target = r.size >= 10_000
            print(f"{r.size:>6,}  {verdict(passed) if target else 'info'}  {label}")
            if target:
                ok = ok and passed
    codes = {r.size: r.validate_code for r in rows}
    print(f"\nvalidate exit codes (1 = rule findings, expected on generated data): {codes}")
    return ok


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="dao-bench-") as tmp:
        rows = [measure(size, Path(tmp)) for size in SIZES]
    return 0 if report(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
