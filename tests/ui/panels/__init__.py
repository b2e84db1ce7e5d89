"""Panel tests.

pytest imports this folder as the package ``ui.panels`` (``tests/ui`` is a package and ``tests``
is not, so ``tests`` goes on ``sys.path``), which would hide the app's own ``ui/panels``. Adding
that folder to this package's path lets ``ui.panels.install`` and friends import as usual.
"""

from pathlib import Path

__path__.append(str(Path(__file__).resolve().parents[3] / "ui" / "panels"))
