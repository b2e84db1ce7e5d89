"""The completeness meter as an API (for the Inspector and cards) and its data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.io.load import load_source
from designer.rules import Engine, meter_in
from designer.rules.completeness import CompletenessDataError, _item, items_for

REALISTIC = Path(__file__).resolve().parent / "realistic"


def test_the_meter_counts_what_the_phase_asks() -> None:
    doc = load_source(REALISTIC / "six-primitive-network.dao.yaml").document
    m = meter_in(doc, "planting")
    assert m is not None
    assert (m.phase, m.filled, m.total) == ("organization", 4, 23)
    assert [i.label for i in m.missing[:3]] == ["a decision protocol", "meetings and channels",
                                                "a resource and treasury approach"]
    assert 0 < m.ratio < 1 and not m.complete
    # the task is complete for its group's phase; an unknown id has no meter
    task = meter_in(doc, "spring-planting")
    assert task is not None and task.complete and task.total == 3
    assert meter_in(doc, "nope") is None


def test_the_engine_context_gives_the_same_meter() -> None:
    doc = load_source(REALISTIC / "six-primitive-network.dao.yaml").document
    engine = Engine()
    engine.run(doc)
    assert meter_in(doc, "stewards", engine.context) == meter_in(doc, "stewards")


def test_conversation_asks_for_nothing() -> None:
    doc = load_source(REALISTIC / "conversation-names-only.dao.yaml").document
    for p in doc.primitives:
        m = meter_in(doc, p.id)
        assert m is not None and m.total == 0 and m.complete


def test_every_item_names_its_source() -> None:
    for kind in ("dao", "cell", "role", "task"):
        assert items_for(kind)
        assert all(i.source and i.label for i in items_for(kind))


@pytest.mark.parametrize(("raw", "message"), [
    ({"id": "x", "label": "x", "from": "later", "source": "s", "check": "name"}, "cell.x: unknown phase 'later'"),
    ({"id": "x", "label": "x", "from": "formation", "source": "s"},
     "cell.x: 'check' must be a path or a list of paths"),
    ({"id": "x", "label": "x", "from": "formation", "source": "s", "test": "magic"}, "cell.x: unknown test 'magic'"),
    ({"id": "x", "label": "x", "from": "formation", "source": "s", "check": "name", "when": "sometimes"},
     "cell.x: unknown condition 'sometimes'"),
    ({"id": "x", "from": "formation", "source": "s", "check": "name"},
     "cell: each item needs text 'id', 'label', 'from' and 'source'"),
])
def test_malformed_items_are_refused_plainly(raw: dict[str, object], message: str) -> None:
    with pytest.raises(CompletenessDataError) as info:
        _item("cell", raw)
    assert str(info.value) == message
