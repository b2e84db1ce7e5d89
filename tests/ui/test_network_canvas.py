"""The canvas draws the network fields: a task owned by a DAO sits in the DAO's card, and a
percentage funding flow says its share on the edge."""

from __future__ import annotations

from pathlib import Path

from designer.model.links import Link
from ui.canvas.edge_item import link_label

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "superbenefit-network.dao.yaml"


def test_a_percentage_flow_shows_its_share() -> None:
    link = Link.model_validate({"from": "a", "to": "b", "kind": "funds", "percent": "10%", "period": "month"})
    assert link_label(link) == "funds 10% / month"
    both = Link.model_validate({"from": "a", "to": "b", "kind": "funds", "amount": 5000, "currency": "USDC",
                                "percent": 2.5})
    assert link_label(both) == "funds 5k USDC 2.5%"


def test_a_task_owned_by_a_dao_is_drawn_in_the_dao_card(make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window(SAMPLE)
    task = w.scene.item_for("member-directory")
    dao = w.scene.item_for("superbenefit-dao")
    assert task is not None and dao is not None
    assert dao.sceneBoundingRect().contains(task.sceneBoundingRect().center())


def test_a_legal_entity_card_says_so() -> None:
    from designer.model.primitives import Dao
    from ui.canvas.card_item import summary_of

    coop = Dao.model_validate({"id": "c", "kind": "dao", "name": "Coop", "entity": "legal-entity",
                               "scale": "network", "phase": "formation", "members": ["a", "b"]})
    assert summary_of(coop) == "legal entity · 2 members"
