"""``dao-designer schema``: print the published JSON Schema of the state file format."""

from __future__ import annotations

import argparse

from designer.cli.common import write_output
from designer.io.yaml_write import dump_json
from designer.schema import document_schema


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of *.dao.yaml files")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")


def run(args: argparse.Namespace) -> int:
    write_output(args.output, dump_json(document_schema()))
    return 0
