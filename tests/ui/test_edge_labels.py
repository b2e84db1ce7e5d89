"""Edges and their labels stay readable on the samples and templates workshops project.

Before: labels sat under cards (``ield storie``, ``rdinates``), ran into each other where several
edges leave one card, and same-lane links ran straight behind the cards between their ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF

from designer.commands.model import DocumentModel
from designer.commands.stack import UndoStack
from designer.io.load import load_document
from designer.layout.auto import auto_layout
from designer.layout.geometry import CARD_WIDTH
from tests.test_layout import chains, flat_import, many_trees
from ui.canvas.card_item import CardItem
from ui.canvas.edge_item import EdgeItem
from ui.canvas.interactions import MoveCards
from ui.canvas.scene import CanvasScene

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "samples").glob("*.dao.yaml")) + sorted((ROOT / "resources" / "templates").glob("*.dao.yaml"))
CASES = [(f, False) for f in FILES] + [(f, True) for f in FILES]
IDS = [f"{f.name.split('.')[0]}{'-laid-out' if laid else ''}" for f, laid in CASES]


def make_scene(path: Path, laid_out: bool = False) -> CanvasScene:
    doc = load_document(path)
    if laid_out:  # as after `dao-designer layout`
        layout = {k: (float(v[0]), float(v[1])) for k, v in auto_layout(doc.primitives, doc.links).items()}
        doc = doc.model_copy(update={"layout": layout})
    return CanvasScene(DocumentModel(doc))


def rect_of(card: CardItem) -> QRectF:
    return QRectF(card.pos(), QSizeF(CARD_WIDTH, card.height))


def label_rect(edge: EdgeItem) -> QRectF:
    return edge.label_item.rect()


def labelled(scene: CanvasScene) -> list[EdgeItem]:
    return [e for e in scene.edges.values() if e.label and e.isVisible()]


def ends_of(scene: CanvasScene, edge: EdgeItem) -> set[str]:
    return {scene.owner.get(edge.key[0], ""), scene.owner.get(edge.key[1], "")}


def problems(scene: CanvasScene) -> list[str]:
    """Every label over a card or another label, every edge running behind a card it does not join."""
    found: list[str] = []
    cards = {cid: rect_of(c) for cid, c in scene.cards.items()}
    labels = labelled(scene)
    for i, edge in enumerate(labels):
        rect = label_rect(edge)
        found += [f"label {edge.label!r} over card {cid}" for cid, r in cards.items() if r.intersects(rect)]
        found += [f"label {edge.label!r} over {o.label!r}" for o in labels[i + 1:] if label_rect(o).intersects(rect)]
    for edge in scene.edges.values():
        if not edge.isVisible():
            continue
        path, ends = edge.path(), ends_of(scene, edge)
        for cid, r in cards.items():
            if cid in ends:
                continue
            inner = r.adjusted(3, 3, -3, -3)
            if inner.contains(path.pointAtPercent(0.5)):
                found.append(f"midpoint of {edge.key} hidden under {cid}")
            elif any(inner.contains(path.pointAtPercent(t / 60)) for t in range(61)):
                found.append(f"{edge.key} runs behind {cid}")
    return found


@pytest.mark.parametrize(("path", "laid_out"), CASES, ids=IDS)
def test_labels_clear_and_edges_visible(qapp: object, path: Path, laid_out: bool) -> None:
    scene = make_scene(path, laid_out)
    assert problems(scene) == []


WRAPPED = {
    "flat-import-40": lambda: flat_import(cells=40, partners=6, loose=0),
    "many-trees-12": lambda: many_trees(12),
    "chains-9": lambda: chains(9),
}


@pytest.mark.parametrize("name", WRAPPED)
def test_edges_into_lower_rows_of_a_wrapped_lane_pass_between_cards(qapp: object, name: str) -> None:
    """Files big enough for auto-layout to wrap lanes into rows: an edge to a card in the second
    row or lower used to run straight behind the cards of the rows above it (85 such edges on the
    40-cell import); it now comes down a gutter between them."""
    doc = WRAPPED[name]()
    layout = {k: (float(v[0]), float(v[1])) for k, v in auto_layout(doc.primitives, doc.links).items()}
    scene = CanvasScene(DocumentModel(doc.model_copy(update={"layout": layout})))
    assert len({round(y) for _x, y in layout.values()}) > 4  # some lane does wrap
    assert problems(scene) == []


def test_the_reported_cases(qapp: object) -> None:
    """The tryout's examples on the README sample: each label whole, each line visible."""
    scene = make_scene(ROOT / "samples" / "regen-commons.dao.yaml")
    by_label = {e.label: e for e in labelled(scene)}
    for text in ("field stories", "uses role", "funds 4k USDC / quarter", "funds 2.5k USDC / quarter"):
        assert text in by_label, text
    assert not label_rect(by_label["funds 4k USDC / quarter"]).intersects(
        label_rect(by_label["funds 2.5k USDC / quarter"]))
    data = rect_of(scene.cards["data"])
    for edge in labelled(scene):
        assert not label_rect(edge).intersects(data), edge.label
    assert ("restoration", "data", "coordinates-with") in scene.edges or (
        "data", "restoration", "coordinates-with") in scene.edges
    assert problems(scene) == []


def test_labels_are_drawn_above_cards_and_select_their_edge(qapp: object) -> None:
    scene = make_scene(ROOT / "samples" / "regen-commons.dao.yaml")
    card_z = max(c.zValue() for c in scene.cards.values())
    edge = labelled(scene)[0]
    assert edge.label_item.scene() is scene
    assert edge.label_item.zValue() > card_z
    assert edge.contains(label_rect(edge).center())  # a click on the pill falls through to the edge


def test_a_card_dropped_over_a_label_pushes_it_aside(qapp: object) -> None:
    """Placement is incremental: dropping a card re-places its edges' labels and any label it now
    covers. During the drag labels ride at their edges' middles (placing them on every mouse move
    would cost a busy card more than a frame); the drop places them properly."""
    scene = make_scene(ROOT / "samples" / "regen-commons.dao.yaml")
    stack = UndoStack(scene.model)
    victim = next(e for e in labelled(scene) if "festival" not in ends_of(scene, e))
    card = scene.cards["festival"]
    target = label_rect(victim).center() - QPointF(CARD_WIDTH / 2, card.height / 2)
    gesture = MoveCards(scene, [card], card.pos(), snap=False)
    gesture.move(target, keep_parent=True)
    for edge in labelled(scene):
        if "festival" in ends_of(scene, edge):  # riding at the middle of its edge while dragged
            assert label_rect(edge).center() == edge.path().pointAtPercent(0.5), edge.label
    assert gesture.finish(stack, lambda _message: None)
    scene.flush()  # the scene catches up with the model's events
    card = scene.cards["festival"]
    assert not label_rect(victim).intersects(rect_of(card))
    for edge in labelled(scene):
        assert not label_rect(edge).intersects(rect_of(card)), edge.label


def test_same_lane_edges_pass_below_the_cards_between(qapp: object) -> None:
    scene = make_scene(ROOT / "samples" / "regen-commons.dao.yaml")
    edge = next(e for e in scene.edges.values() if ends_of(scene, e) == {"restoration", "data"})
    comms = rect_of(scene.cards["comms"])
    lowest = edge.path().pointAtPercent(0.5)
    assert lowest.y() > comms.bottom()


@pytest.mark.parametrize("laid_out", [False, True], ids=["as-saved", "laid-out"])
def test_a_same_lane_link_to_a_role_enters_beside_the_role(qapp: object, laid_out: bool) -> None:
    """Festival Cell uses Site Lead, a role of Restoration Cell in the same lane, with cards between:
    the arc rises beside Restoration Cell and ends on its side level with the chip (it used to end
    at the card's bottom, which said nothing of the role)."""
    scene = make_scene(ROOT / "samples" / "regen-commons.dao.yaml", laid_out)
    edge = scene.edges[("festival", "site-lead", "uses-role")]
    chip = scene.chips["site-lead"].sceneBoundingRect()
    card = rect_of(scene.cards["restoration"])
    path = edge.path()
    tip = path.pointAtPercent(1.0)
    assert tip.x() in (pytest.approx(card.left()), pytest.approx(card.right()))
    assert chip.top() <= tip.y() <= chip.bottom()
    before = path.pointAtPercent(0.98)
    assert abs(before.y() - tip.y()) < abs(before.x() - tip.x())  # the arrow comes in sideways
    assert problems(scene) == []


def test_arcs_between_close_cards_neither_retrace_nor_cross_a_neighbour(qapp: object) -> None:
    """Geometry only. Two chips on the facing sides of cards 20 units apart are joined directly:
    the risers of an arc would share one line. With 10 units there is no room beside the cards,
    and the arc meets both at their bottoms."""
    from ui.canvas.routing import End, route

    def obstacles_from(boxes: list[tuple[float, float, float, float]], ends: tuple[QRectF, ...]):  # type: ignore[no-untyped-def]
        own = {(r.left(), r.top(), r.right(), r.bottom()) for r in ends}
        others = [b for b in boxes if b not in own]
        return lambda box: [x for x in others
                            if x[0] <= box[2] and box[0] <= x[2] and x[1] <= box[3] and box[1] <= x[3]]

    for gap, direct in ((20.0, True), (10.0, False)):
        left, right = QRectF(0, 0, 200, 150), QRectF(200 + gap, 0, 200, 150)
        a = End(QRectF(10, 40, 180, 20), left, False)
        b = End(QRectF(210 + gap, 70, 180, 20), right, False)
        boxes = [(0.0, 0.0, 200.0, 150.0), (200 + gap, 0.0, 400 + gap, 150.0)]
        # the label is wider than the gap, so the edge is an arc below, not a side-to-side curve
        r = route(a, b, 0.0, 120.0, obstacles_from(boxes, (left, right)))
        points = [r.path.pointAtPercent(t / 20) for t in range(21)]
        if direct:
            assert r.path.elementCount() == 4  # one curve, from side to side
            assert r.path.pointAtPercent(0) == QPointF(200, 50) and r.tip == QPointF(200 + gap, 80)
        else:
            assert r.tip.y() == pytest.approx(150.0) and points[0].y() == pytest.approx(150.0)
            assert max(p.y() for p in points) > 150.0  # a U below both cards
