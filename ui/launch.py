"""The ``dao-designer`` entry point.

Headless sub-commands go to ``designer.cli`` without importing Qt, so the CLI stays fast and works
on machines without a display. ``render`` and opening the app (``dao-designer [FILE]``) import Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from designer.cli.main import COMMANDS, EXIT_USAGE, run_process
from designer.cli.main import main as cli_main

QT_COMMANDS = ("render",)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0].startswith("-")):
        return cli_main(args)
    if args and args[0] in QT_COMMANDS:
        try:
            from ui.render import main as render_main
        except ImportError as exc:
            print(f"error: render needs the desktop app's Qt libraries: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return render_main(args[1:])
    try:
        from ui.app import run_app
    except ImportError as exc:
        print(f"error: the desktop app cannot start: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return run_app(args[0] if args else None)


def console() -> int:
    """The console script: headless commands run as a whole process (see ``run_process``)."""
    args = sys.argv[1:]
    if args and (args[0] in COMMANDS or args[0].startswith("-")):
        run_process(args)
    return main(args)


if __name__ == "__main__":
    raise SystemExit(console())
