"""Auto-layout: lanes by scale, containment together, few crossings, packed near 16:9 at scale.

Speed is measured in benchmarks/bench_layout.py, not here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from designer.cli.main import main
from designer.io.load import load_document
from designer.io.save import save_document
from designer.layout import auto_layout, card_contents, count_crossings, place_missing
from designer.layout.geometry import CARD_WIDTH, H_GAP, LANE_PITCH, card_sizes, lane_bands, lane_index
from designer.layout.pack import ASPECT, PICTURE_EXTRA
from designer.layout.synthetic import synthetic_data, synthetic_document
from designer.model.document import Document
from designer.model.kinds import SCALES

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.dao.yaml"))
Box = tuple[float, float, float, float]
Band = tuple[float, float]


def card(cid: str, kind: str, scale: str, parent: str | None = None) -> dict[str, Any]:
    return {"id": cid, "kind": kind, "name": cid.upper(), "scale": scale, "phase": "formation",
            **({"parent": parent} if parent else {})}


def flat_import(cells: int = 700, partners: int = 150, loose: int = 60) -> Document:
    """What a CSV or Hats import of a big flat organization gives: one DAO, hundreds of cells right
    under it (with a role each), partners linked to the DAO, and cells under no one; no layout."""
    prims: list[dict[str, Any]] = [card("dao", "dao", "constituency")]
    links: list[dict[str, Any]] = []
    for i in range(cells):
        scale = "coordination" if i % 7 == 0 else "collaboration"
        prims.append(card(f"c{i}", "cell", scale, "dao"))
        prims.append({"id": f"c{i}-r", "kind": "role", "name": "Steward", "parent": f"c{i}"})
    for i in range(partners):
        prims.append(card(f"p{i}", "partner", "network"))
        links.append({"from": f"p{i}", "to": "dao", "kind": "partners-with"})
    for i in range(loose):
        prims.append(card(f"l{i}", "cell", "collaboration"))
    return Document.model_validate({"format": "dao-designer/1", "organization": {"name": "Flat"},
                                    "primitives": prims, "links": links})


def many_trees(trees: int = 240) -> Document:
    """Hundreds of small DAOs, each with a coordination cell and a few teams under it."""
    prims: list[dict[str, Any]] = []
    for t in range(trees):
        prims.append(card(f"d{t}", "dao", "constituency"))
        prims.append(card(f"d{t}-ops", "cell", "coordination", f"d{t}"))
        prims += [card(f"d{t}-t{c}", "cell", "collaboration", f"d{t}-ops") for c in range(t % 4 + 1)]
    return Document.model_validate({"format": "dao-designer/1", "organization": {"name": "Trees"},
                                    "primitives": prims})


def chains(n: int = 6) -> Document:
    """``n`` constituency circles, each over a chain of cells running down the lanes: two in
    coordination (a cell and its sub-cell) and two in collaboration, each accountable to the one
    above (workshop-30's shape, without its few cross links)."""
    prims: list[dict[str, Any]] = [card("dao", "dao", "network")]
    links: list[dict[str, Any]] = []
    for i in range(n):
        chain = [(f"k{i}", "constituency"), (f"a{i}", "coordination"), (f"b{i}", "coordination"),
                 (f"c{i}", "collaboration"), (f"d{i}", "collaboration")]
        above = "dao"
        for cid, scale in chain:
            prims.append(card(cid, "cell", scale, above))
            links.append({"from": cid, "to": above, "kind": "accountable-to"})
            above = cid
    return Document.model_validate({"format": "dao-designer/1", "organization": {"name": "Chains"},
                                    "primitives": prims, "links": links})


BIG = {
    "synthetic-10k": lambda: synthetic_document(10_000),
    "flat-import": flat_import,
    "many-trees": many_trees,
}


def lane_of(doc: Document) -> dict[str, int]:
    return {p.id: lane_index(p.scale) for p in doc.primitives if p.kind in ("dao", "cell", "partner")}


def canvas_boxes(doc: Document, layout: Mapping[str, Sequence[float]]) -> tuple[dict[str, Box], list[Band]]:
    """Every card's box where the canvas draws it (lanes stretched to their cards), and the bands."""
    lanes = lane_of(doc)
    sizes = card_sizes(doc.primitives)
    bands = lane_bands((lanes[c], y - lanes[c] * LANE_PITCH, sizes[c][1]) for c, (_x, y) in layout.items())
    boxes = {}
    for cid, (x, y) in layout.items():
        top = bands[lanes[cid]][0] + 34 + (y - lanes[cid] * LANE_PITCH)
        boxes[cid] = (x, top, x + sizes[cid][0], top + sizes[cid][1])
    return boxes, bands


def roots(doc: Document) -> dict[str, str]:
    """Each card's containment tree: the topmost card above it."""
    parent = {p.id: p.parent for p in doc.primitives}
    cards = lane_of(doc)
    out = {}
    for cid in cards:
        top = cid
        while parent.get(top) in cards:
            top = parent[top]  # type: ignore[assignment]
        out[cid] = top
    return out


def aspect(doc: Document, layout: Mapping[str, Sequence[float]]) -> float:
    boxes, bands = canvas_boxes(doc, layout)
    width = max(b[2] for b in boxes.values()) - min(b[0] for b in boxes.values()) + PICTURE_EXTRA
    return width / (bands[-1][0] + bands[-1][1])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_lanes_and_no_crossings(path: Path) -> None:
    doc = load_document(path)
    layout = auto_layout(doc.primitives, doc.links)
    for p in doc.primitives:
        if p.kind in ("dao", "cell", "partner"):
            _x, y = layout[p.id]
            assert lane_index(p.scale) * LANE_PITCH <= y < (lane_index(p.scale) + 1) * LANE_PITCH
    assert count_crossings(doc.primitives, doc.links, layout) == 0


@pytest.mark.parametrize("n", [6, 9, 14])
def test_a_wrapped_lane_puts_a_sub_cell_under_its_cell(n: int) -> None:
    """Wrapped rows used to be the lane's order cut in two: a cell and its sub-cell sat side by
    side in the first row, their neighbours below, and the edges between the rows crossed (5
    crossings on workshop-30). Rows now follow containment inside the lane."""
    doc = chains(n)
    layout = auto_layout(doc.primitives, doc.links)
    assert len({layout[f"a{i}"][1] for i in range(n)} | {layout[f"b{i}"][1] for i in range(n)}) > 1  # wrapped
    for i in range(n):
        for upper, lower in ((f"a{i}", f"b{i}"), (f"c{i}", f"d{i}")):
            (ux, uy), (lx, ly) = layout[upper], layout[lower]
            under = lx == ux and ly > uy
            beside = ly == uy and lx == ux + CARD_WIDTH + H_GAP  # a last row too short for a row each
            assert under or (n == 9 and beside), (upper, lower)
    assert count_crossings(doc.primitives, doc.links, layout) == 0


def test_no_crossings_between_the_columns_of_separate_daos() -> None:
    doc = synthetic_document(2000, daos=3)
    layout = auto_layout(doc.primitives, doc.links)
    assert count_crossings(doc.primitives, doc.links, layout) == 0


@pytest.mark.parametrize("name", BIG)
def test_big_files_pack_near_16_to_9(name: str) -> None:
    """A file without layout no longer comes out as one endless row per lane."""
    doc = BIG[name]()
    layout = auto_layout(doc.primitives, doc.links)
    assert ASPECT / 1.6 <= aspect(doc, layout) <= ASPECT * 1.6


def test_a_lane_too_long_for_one_row_wraps_into_rows_of_its_band() -> None:
    doc = flat_import()
    layout = auto_layout(doc.primitives, doc.links)
    collaboration = [cid for cid, li in lane_of(doc).items() if li == 3]
    rows = {layout[cid][1] for cid in collaboration}
    assert len(rows) > 3
    assert min(rows) == 3 * LANE_PITCH  # the first row at the top of the band
    assert max(x for x, _ in layout.values()) + CARD_WIDTH < 40 * (CARD_WIDTH + H_GAP)


@pytest.mark.parametrize("name", BIG)
def test_lanes_keep_their_band_order(name: str) -> None:
    doc = BIG[name]()
    layout = auto_layout(doc.primitives, doc.links)
    boxes, bands = canvas_boxes(doc, layout)
    assert [top for top, _ in bands] == sorted(top for top, _ in bands)
    for cid, li in lane_of(doc).items():
        assert layout[cid][1] >= li * LANE_PITCH  # never above its own lane's band
        top, height = bands[li]
        assert top <= boxes[cid][1] and boxes[cid][3] <= top + height
    for upper, lower in pairwise(SCALES):
        above = [boxes[c][3] for c, li in lane_of(doc).items() if li == SCALES.index(upper)]
        below = [boxes[c][1] for c, li in lane_of(doc).items() if li == SCALES.index(lower)]
        if above and below:
            assert max(above) < min(below)


@pytest.mark.parametrize("name", [*BIG, "samples"])
def test_no_two_cards_overlap(name: str) -> None:
    docs = [load_document(p) for p in SAMPLES] if name == "samples" else [BIG[name]()]
    for doc in docs:
        layout = auto_layout(doc.primitives, doc.links)
        assert set(layout) == set(lane_of(doc))
        boxes, _ = canvas_boxes(doc, layout)
        ordered = sorted(boxes.items(), key=lambda kv: kv[1][0])
        for i, (a, ba) in enumerate(ordered):
            for b, bb in ordered[i + 1 :]:
                if bb[0] >= ba[2]:
                    break
                assert not (bb[1] < ba[3] and ba[1] < bb[3]), f"{a} overlaps {b}"


@pytest.mark.parametrize("name", BIG)
def test_containment_clusters_are_contiguous(name: str) -> None:
    """In every lane a containment tree's cards form one block read row by row: within the tree's
    x range, only its first row may start after other cards and only its last row end before some."""
    doc = BIG[name]()
    layout = auto_layout(doc.primitives, doc.links)
    tree = roots(doc)
    boxes, _ = canvas_boxes(doc, layout)
    lanes = lane_of(doc)
    for li in range(len(SCALES)):
        cards = [c for c in lanes if lanes[c] == li]
        for top in {tree[c] for c in cards}:
            own = [c for c in cards if tree[c] == top]
            lo, hi = min(boxes[c][0] for c in own), max(boxes[c][2] for c in own)
            first = min(own, key=lambda c: (boxes[c][1], boxes[c][0]))
            last = max(own, key=lambda c: (boxes[c][1], boxes[c][0]))
            for c in cards:
                if tree[c] == top or not (lo <= boxes[c][0] < hi):
                    continue
                place = (boxes[c][1], boxes[c][0])
                inside = (boxes[first][1], boxes[first][0]) < place < (boxes[last][1], boxes[last][0])
                assert not inside, f"lane {li}: {c} sits inside the block of {top}'s tree"


def test_each_dao_gets_a_column_of_its_own() -> None:
    """Columns of different trees do not interleave: their x ranges are disjoint, in every lane."""
    doc = synthetic_document(10_000)
    layout = auto_layout(doc.primitives, doc.links)
    tree = roots(doc)
    spans: dict[str, tuple[float, float]] = {}
    for cid, (x, _y) in layout.items():
        lo, hi = spans.get(tree[cid], (x, x + CARD_WIDTH))
        spans[tree[cid]] = (min(lo, x), max(hi, x + CARD_WIDTH))
    ordered = sorted(spans.values())
    assert len(ordered) == 10
    assert all(a[1] < b[0] for a, b in pairwise(ordered))


def test_partners_linked_to_a_dao_sit_in_its_column() -> None:
    doc = flat_import(cells=40, partners=30, loose=0)
    layout = auto_layout(doc.primitives, doc.links)
    cells = [layout[f"c{i}"][0] for i in range(40)]
    for i in range(30):
        assert min(cells) <= layout[f"p{i}"][0] <= max(cells)


def test_same_input_same_positions() -> None:
    for make in BIG.values():
        doc = make()
        again = Document.model_validate(doc.to_data())
        assert auto_layout(doc.primitives, doc.links) == auto_layout(again.primitives, again.links)


def test_place_missing_keeps_placed_cards() -> None:
    doc = load_document(SAMPLES[0]) if SAMPLES else synthetic_document(200, daos=2, with_layout=True)
    layout = dict(doc.layout)
    some = next(iter(layout))
    del layout[some]
    placed = place_missing(doc.primitives, doc.links, layout)
    assert list(placed) == [some]


def test_place_missing_many_leaves_the_placed_and_covers_none() -> None:
    """A sparse file: half the cards have positions; the rest are packed beside them."""
    doc = synthetic_document(4000, daos=4, with_layout=True)
    kept = {cid: pos for i, (cid, pos) in enumerate(doc.layout.items()) if i % 2 == 0}
    placed = place_missing(doc.primitives, doc.links, kept)
    assert set(placed) == set(doc.layout) - set(kept)
    right = max(x for x, _ in kept.values()) + CARD_WIDTH
    assert all(x > right for x, _ in placed.values())


def test_layout_missing_only_moves_no_placed_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = synthetic_data(3000, daos=3, with_layout=True)
    data["layout"] = {cid: pos for i, (cid, pos) in enumerate(data["layout"].items()) if i % 3}
    source = tmp_path / "sparse.dao.yaml"
    save_document(Document.model_validate(data), source)
    out = tmp_path / "out.dao.yaml"
    assert main(["layout", str(source), "--missing-only", "-o", str(out)]) == 0
    capsys.readouterr()
    result = load_document(out).layout
    assert set(result) == set(lane_of(load_document(source)))
    assert all(tuple(result[cid]) == tuple(pos) for cid, pos in data["layout"].items())


def test_a_chain_of_subtasks_thousands_deep_is_laid_out() -> None:
    """Card contents were collected recursively: a 5,000-deep chain raised RecursionError."""
    prims = [card("c", "cell", "collaboration")]
    prims += [{"id": f"t{i}", "kind": "task", "name": "T", "parent": f"t{i - 1}" if i else "c"} for i in range(5000)]
    prims += [card(f"k{i}", "cell", "coordination", f"k{i - 1}" if i else None) for i in range(2000)]
    doc = Document.model_validate({"format": "dao-designer/1", "organization": {"name": "Deep"},
                                   "primitives": prims})
    contents, owner = card_contents(doc.primitives)
    block = contents["c"].blocks[0]
    assert [(row.id, row.depth) for row in block.tasks] == [(f"t{i}", i) for i in range(5)]
    assert block.hidden == 4995 and owner["t4999"] == "c"
    layout = auto_layout(doc.primitives, doc.links)
    assert len(layout) == 2001
    assert 1 / 3 <= aspect(doc, layout) <= 3
