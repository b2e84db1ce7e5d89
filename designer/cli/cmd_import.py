"""``dao-designer import FILE --from csv|hats|state-dir -o OUT``: bring a structure in as a state file.

``--from csv --into DOC`` merges the sheet into an existing document instead (see
``designer.importers.csv_merge``); DOC itself is not changed unless it is also the output.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from designer.cli.common import load_or_fail, write_output
from designer.cli.main import UsageError
from designer.importers.errors import ImportFailure
from designer.io.save import document_text
from designer.model.document import Document
from designer.wording import plural


def _csv(path: str, name: str | None) -> Document:
    from designer.importers.csv_roles import import_csv

    return import_csv(path, name)


def _hats(path: str, name: str | None) -> Document:
    from designer.importers.hats import import_hats

    return import_hats(path, name)


def _state_dir(path: str, name: str | None) -> Document:
    from designer.importers.state_dir import import_state_dir

    return import_state_dir(path, name)


IMPORTERS: dict[str, tuple[str, Callable[[str, str | None], Document]]] = {
    "csv": ("the roles-and-members CSV that 'export --to csv' writes, or a sheet with those columns", _csv),
    "hats": ("a Hats tree export (JSON array of hats, as the Hats app or 'export --to hats' writes)", _hats),
    "state-dir": ("a folder written by 'export --to state-dir' (or its index.yaml)", _state_dir),
}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="make a state file from a CSV of roles, a Hats tree or a state-dir folder")
    p.add_argument("file", help="the file to read")
    p.add_argument("--from", dest="source", required=True, choices=sorted(IMPORTERS), help="the input's format")
    p.add_argument(
        "-o", "--output", required=True, help="the state file to write (.dao.yaml or .dao.json; '-' for stdout)"
    )
    p.add_argument(
        "--into",
        metavar="DOC",
        help="with --from csv: merge the rows into this state file (rows update primitives by id, new ids "
        "are added, primitives without a row are kept) and write the result to -o",
    )
    p.add_argument("--name", help="the organization's name (default: the first DAO's name)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")


def run(args: argparse.Namespace) -> int:
    if args.output != "-" and Path(args.output).exists() and not args.force:
        raise UsageError(f"{args.output}: already exists; use --force to overwrite it")
    if args.into is not None:
        return _merge(args)
    _, importer = IMPORTERS[args.source]
    try:
        doc = importer(args.file, args.name)
    except ImportFailure as exc:
        raise UsageError(str(exc)) from None
    _write(args.output, doc)
    if args.output != "-":
        print(f"imported {plural(len(doc.primitives), 'primitive')} from {args.file} into {args.output}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from designer.importers.csv_merge import merge_csv

    if args.source != "csv":
        raise UsageError(f"--into works with --from csv only, not --from {args.source}")
    if args.name is not None:
        raise UsageError("--name does not apply with --into: the organization is the one in " + args.into)
    doc = load_or_fail(args.into)
    try:
        result = merge_csv(args.file, doc, args.into)
    except ImportFailure as exc:
        raise UsageError(str(exc)) from None
    _write(args.output, result.document)
    to_stdout = args.output == "-"
    where = "" if to_stdout else f"; wrote {args.output}"
    print(
        f"merged {args.file} into {args.into}: {result.summary()}{where}", file=sys.stderr if to_stdout else sys.stdout
    )
    return 0


def _write(output: str, doc: Document) -> None:
    write_output(output, document_text(doc, "json" if str(output).lower().endswith(".json") else "yaml"))
