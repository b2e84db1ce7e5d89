"""``dao-designer``'s headless commands. Each command lives in its own module with
``add_parser(subparsers)`` and ``run(args) -> int``; this module only dispatches.

Exit codes (DESIGN.md §6): 0 success, 1 validation errors found, 2 bad input or usage. Errors are
one line on stderr; a traceback is never shown.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence

from designer import __version__

COMMANDS = ("validate", "export", "new", "templates", "import", "layout", "schema", "rules")
"""Headless sub-commands, each a module ``designer.cli.cmd_<name>``; ``render`` and opening the app
are handled by ``ui.launch``, which needs Qt."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input or usage: printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _module(name: str) -> object:
    return importlib.import_module(f"designer.cli.cmd_{name.replace('-', '_')}")


def build_parser(extra: Sequence[str] = (), only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's module is imported (start-up time)."""
    parser = _Parser(
        prog="dao-designer",
        description="Design DAO networks with the DAO Primitives framework.",
        epilog="Also: 'dao-designer [FILE]' opens the desktop app (on a sample without FILE), and "
        "'dao-designer render FILE -o OUT.png|OUT.svg' draws the canvas headless. "
        "Run 'dao-designer COMMAND --help' for a command's options. "
        "Exit codes: 0 ok, 1 validation errors found, 2 bad input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"dao-designer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS if only is None else (only,):
        try:
            module = _module(name)
        except ModuleNotFoundError:
            continue
        module.add_parser(sub)  # type: ignore[attr-defined]
    for name in extra:
        sub.add_parser(name, help=f"{name} (needs the desktop app's Qt)", add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser(only=args_list[0] if args_list and args_list[0] in COMMANDS else None)
        if not args_list:
            parser.print_help()
            return EXIT_OK
        args = parser.parse_args(args_list)
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        code: int = _module(args.command).run(args)  # type: ignore[attr-defined]
        return code
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run_process(argv: Sequence[str] | None = None) -> None:
    """Run one headless command as a whole process, then end it at once.

    A command is short-lived and its objects (a 10k-primitive document, its findings) are mostly
    free of reference cycles, so the cyclic collector only costs time here, and tearing the heap
    down at exit costs more; together about a quarter of `validate` on a 10k file. Output is
    flushed first; files are already written and synced by the commands themselves.
    """
    gc.disable()
    code = main(argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            pass
    os._exit(code)
