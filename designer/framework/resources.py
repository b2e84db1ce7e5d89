"""Access to the data files shipped in the ``resources`` package (templates, framework data, schema)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

SOURCE_SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DEFAULT_SAMPLE = "regen-commons.dao.yaml"


def resource(*parts: str) -> Traversable:
    node: Traversable = files("resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def samples_folder() -> Path:
    """The sample organizations: ``resources/samples`` in an installed package (setup.py copies
    them there), else ``samples/`` of the source tree (an editable install or a checkout)."""
    packaged = resource("samples")
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return SOURCE_SAMPLES


def default_sample() -> Path:
    """The file the app opens when started without one."""
    return samples_folder() / DEFAULT_SAMPLE
