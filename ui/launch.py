"""The ``dao-designer`` entry point.

Headless sub-commands go to ``designer.cli`` without importing Qt, so the CLI stays fast and works
on machines without a display. ``render`` and opening the app (``dao-designer [FILE]``) import Qt.
Anything else on the command line must be a state file that exists: a mistyped command never
starts the app, and the app never starts where it cannot show a window.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from designer.cli.main import COMMANDS, EXIT_USAGE, run_process
from designer.cli.main import main as cli_main

QT_COMMANDS = ("render",)


def _usage_error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_app_argument(arg: str) -> str | None:
    """Why ``arg`` cannot be opened in the app, or None when it can."""
    path = Path(arg)
    if path.is_dir():
        return f"{arg}: is a folder, not a state file"
    if path.exists():
        return None
    if not arg.endswith((".yaml", ".yml", ".json")) and os.sep not in arg:
        close = difflib.get_close_matches(arg, [*COMMANDS, *QT_COMMANDS], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; run 'dao-designer --help' for the commands"
        return f"'{arg}' is neither a command nor a file{hint}"
    return f"{arg}: no such file"


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the caller chose a platform (offscreen in tests and benchmarks)
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0].startswith("-")):
        return cli_main(args)
    if args and args[0] in QT_COMMANDS:
        try:
            from ui.render import main as render_main
        except ImportError as exc:
            return _usage_error(f"render needs the desktop app's Qt libraries: {exc}")
        return render_main(args[1:])
    if args:
        problem = _check_app_argument(args[0])
        if problem:
            return _usage_error(problem)
    if len(args) > 1:
        return _usage_error(f"the app opens one file; got {len(args)} arguments ('{args[1]}' is extra)")
    if not _has_display():
        return _usage_error(
            "no display to show the app on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "the command-line tools work without one: see 'dao-designer --help'"
        )
    from ui.platform_check import uses_xcb, xcb_problem

    problem = xcb_problem() if uses_xcb() else None
    if problem:
        return _usage_error(problem)
    try:
        from ui.app import run_app
    except ImportError as exc:
        return _usage_error(f"the desktop app cannot start: {exc}")
    return run_app(args[0] if args else None)


def console() -> int:
    """The console script: headless commands run as a whole process (see ``run_process``)."""
    args = sys.argv[1:]
    if args and (args[0] in COMMANDS or args[0].startswith("-")):
        run_process(args)
    return main(args)


if __name__ == "__main__":
    raise SystemExit(console())
