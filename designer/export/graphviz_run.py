"""SVG, PNG and PDF through Graphviz's ``dot`` program, fed the DOT export on standard input.

``dot`` runs with an argument list, never through a shell, and the only user text it sees is the
already-escaped DOT on stdin. ``$GRAPHVIZ_DOT`` (the variable PlantUML and others use) can name
the program when it is not on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from designer.export.dot import to_dot
from designer.export.registry import Exporter, ExportError, register
from designer.model.document import Document

TIMEOUT_S = 600
"""``dot`` needs about 14 s for 5,000 primitives here; allow large files, not a hang."""

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; Fedora: sudo dnf install graphviz; "
    "macOS: brew install graphviz; Windows: winget install graphviz) or set GRAPHVIZ_DOT to the dot program; "
    "'--to dot' works without it"
)


def find_dot() -> str:
    """The path of ``dot``, or an :class:`ExportError` that says how to install it."""
    configured = os.environ.get("GRAPHVIZ_DOT")
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise ExportError(f"GRAPHVIZ_DOT is set to {configured!r}, which is not a program; {INSTALL_HINT}")
        return found
    found = shutil.which("dot")
    if found is None:
        raise ExportError(f"Graphviz's 'dot' program was not found; {INSTALL_HINT}")
    return found


def run_dot(dot_text: str, fmt: str) -> bytes:
    """Lay out and draw ``dot_text`` as ``fmt`` (svg, png or pdf)."""
    program = find_dot()
    try:
        result = subprocess.run(
            [program, f"-T{fmt}"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ExportError(f"Graphviz took longer than {TIMEOUT_S} s; try '--to dot' and render a part of it") from None
    except OSError as exc:
        raise ExportError(f"cannot run {program}: {exc.strerror or exc}") from None
    if result.returncode != 0:
        lines = [ln for ln in result.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        first = lines[0] if lines else f"exit code {result.returncode}"
        raise ExportError(f"Graphviz failed: {first}")
    return result.stdout


def to_svg(doc: Document) -> str:
    return run_dot(to_dot(doc), "svg").decode("utf-8")


def to_png(doc: Document) -> bytes:
    return run_dot(to_dot(doc), "png")


def to_pdf(doc: Document) -> bytes:
    return run_dot(to_dot(doc), "pdf")


register(Exporter("svg", "the structure diagram as SVG (needs Graphviz)", ".svg", to_svg))
register(Exporter("png", "the structure diagram as PNG (needs Graphviz)", ".png", to_png))
register(Exporter("pdf", "the structure diagram as PDF (needs Graphviz)", ".pdf", to_pdf))
