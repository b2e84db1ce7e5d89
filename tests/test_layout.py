"""Auto-layout: lanes by scale, containment together, few crossings, fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from designer.io.load import load_document
from designer.layout import auto_layout, count_crossings, place_missing
from designer.layout.geometry import LANE_PITCH, lane_index
from designer.layout.synthetic import synthetic_document

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.dao.yaml"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_lanes_and_no_crossings(path: Path) -> None:
    doc = load_document(path)
    layout = auto_layout(doc.primitives, doc.links)
    for p in doc.primitives:
        if p.kind in ("dao", "cell", "partner"):
            _x, y = layout[p.id]
            assert lane_index(p.scale) * LANE_PITCH <= y < (lane_index(p.scale) + 1) * LANE_PITCH
    assert count_crossings(doc.primitives, doc.links, layout) == 0


def test_no_overlaps_in_a_lane() -> None:
    doc = synthetic_document(2000, daos=3)
    layout = auto_layout(doc.primitives, doc.links)
    seen = set()
    for pos in layout.values():
        assert tuple(pos) not in seen
        seen.add(tuple(pos))
    assert count_crossings(doc.primitives, doc.links, layout) == 0


def test_place_missing_keeps_placed_cards() -> None:
    doc = load_document(SAMPLES[0]) if SAMPLES else synthetic_document(200, daos=2, with_layout=True)
    layout = dict(doc.layout)
    some = next(iter(layout))
    del layout[some]
    placed = place_missing(doc.primitives, doc.links, layout)
    assert list(placed) == [some]


def test_5k_layout_within_budget() -> None:
    doc = synthetic_document(5000)
    best = min(_timed(lambda: auto_layout(doc.primitives, doc.links)) for _ in range(3))
    assert best < 0.3


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t
