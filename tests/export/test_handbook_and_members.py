"""The handbook reads like prose for a facilitator (labels, money, fixed-list values), and daoURI
members include ENS names as ``did:ens:`` while plain names and Hats wearers stay out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.export.daouri import identifier, to_daouri
from designer.export.hats import hat_records
from designer.export.labels import money
from designer.export.markdown import humanize, to_markdown
from designer.export.mermaid import to_mermaid
from designer.io.load import load_document
from designer.model.document import Document
from tests.export.conftest import ROOT, built_data

REGEN = ROOT / "samples" / "regen-commons.dao.yaml"


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ((60000, "USDC", "quarter"), "60,000 USDC / quarter"),
        ((1200.5, "EUR", None), "1,200.50 EUR"),
        ((3000, "USDC", "once"), "3,000 USDC, once"),
        ((None, "USDC", "year"), "amount not set USDC / year"),
        ((2500, None, "month"), "2,500 / month"),
        ((5, None, None), "5"),
    ],
)
def test_money(args: tuple[float | None, str | None, str | None], shown: str) -> None:
    assert money(*args) == shown


def test_labels() -> None:
    assert humanize("url") == "URL"
    assert humanize("decision_log") == "Decision log"
    assert humanize("simple") == "Everyday decisions"
    assert humanize("updated") == "Last updated"


def test_regen_handbook_money_and_words() -> None:
    md = to_markdown(load_document(REGEN))
    assert "- **Budget:** 60,000 USDC / quarter" in md
    assert "funds 60,000 USDC / quarter" in md
    assert "- **Budget:** 3,000 USDC, once" in md
    assert "funds 3,000 USDC, once: festival grant" in md
    assert "**Amount:**" not in md and "**Currency:**" not in md
    assert "- **URL:** https://coastal-institute.example.org" in md
    assert "**Url:**" not in md
    assert "  - **Main protocol:** token vote" in md
    assert "- Q3 treasury report (in progress): " in md
    assert "_DAO · constituency scale · iteration phase_ (id `regen-dao`)" in md
    assert "_Role · organization phase_ (id `treasury-steward`)" in md
    assert "Members: _none listed_" in md
    for raw in ("True", "False", "None", "in-progress", "token-vote", "_none yet_"):
        assert raw not in md, raw


def test_allocations_use_the_same_money_format() -> None:
    md = to_markdown(Document.model_validate(built_data()))
    assert "| 2024-04-01 | Field Cell | 1,200.50 USDC |" in md


def test_partner_members_are_shown() -> None:
    md = to_markdown(load_document(ROOT / "samples" / "coastal-alliance.dao.yaml"))
    assert "Members: Hana Mori" in md.split("### Estuary Trust", 1)[1].split("###", 1)[0]


def test_mermaid_money_matches_the_handbook() -> None:
    assert '"funds 60,000 USDC / quarter"' in to_mermaid(load_document(REGEN))


@pytest.mark.parametrize(
    ("value", "member_id"),
    [
        ("alice.eth", "did:ens:alice.eth"),
        ("Ops.Regen.ETH", "did:ens:ops.regen.eth"),
        ("Alice", None),
        ("Ellen Sørensen (Chair)", None),
        ("alice@example.eth", None),
        ("alice .eth", None),
        ("https://alice.eth", "https://alice.eth"),
        ("did:web:bob.example", "did:web:bob.example"),
    ],
)
def test_member_identifiers(value: str, member_id: str | None) -> None:
    assert identifier(value, 10) == member_id


def test_regen_daouri_lists_ens_members_once() -> None:
    doc = load_document(REGEN)
    members = json.loads(to_daouri(doc))["members"]["members"]
    ids = [m["id"] for m in members]
    assert ids[:4] == ["did:ens:maya.eth", "did:ens:tomas.eth", "did:ens:ines.eth", "did:ens:jun.eth"]
    assert len(ids) == len(set(ids)) and all(i.startswith("did:ens:") for i in ids)
    assert "did:ens:comms" not in ids


@pytest.mark.parametrize("name", ["harbor-coop", "coastal-alliance"])
def test_plain_names_stay_out_of_daouri(name: str) -> None:
    assert "members" not in json.loads(to_daouri(load_document(ROOT / "samples" / f"{name}.dao.yaml")))


def test_hats_wearers_stay_addresses_only(tmp_path: Path) -> None:
    records = hat_records(load_document(REGEN))
    wearers = [w for r in records for w in r["wearers"]]
    assert all(w.startswith("0x") and len(w) == 42 for w in wearers)
    reviewer = next(r for r in records if r["detailsObject"]["data"]["name"] == "Reviewer")
    assert (reviewer["wearers"], reviewer["maxSupply"]) == ([], 5)
