"""The format holds real networks: several networks per file, legal-entity anchors, member cells,
treasuries, decision parameters, status and completion records, DAO-owned tasks, percentage and
recurring funding, and the seed's implementation activities as checklist items."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.framework.completion import completion_evidence, missing_closing_evidence
from designer.framework.phases import phase_info, phases
from designer.io.errors import LoadError
from designer.io.load import parse_document
from designer.io.save import document_text
from designer.model.completion import Completion, completion_of, has_record, status_of
from designer.model.decision_making import decision_mechanisms
from designer.model.networks import is_legal_entity, member_cells, network_anchors, networks
from designer.model.treasury import SignerView, treasuries, treasury_kind

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "implementation-guide-operational-governance.md"

TWO_NETWORKS = """\
format: dao-designer/1
organization: {name: Two Projects}
primitives:
  - id: foundation
    kind: dao
    name: Commons Foundation
    entity: legal-entity
    legal_form: Ontario not-for-profit corporation
    jurisdiction: Canada
    scale: network
    phase: iteration
    members: [tlc, alice]
  - id: tlc
    kind: cell
    name: Stewards
    parent: foundation
    scale: coordination
    phase: organization
    top_level: true
    state:
      practice:
        treasury: {kind: Safe multisig, chain: optimism, signers: [alice, steward], threshold: 2}
        treasuries:
          - name: Grants Safe
            kind: safe
            chain: base
            address: '0x0000000000000000000000000000000000000001'
            signers: [steward, {contract: '0x00000000000000000000000000000000000000aa', name: Hats signer gate}]
            threshold: 1
        decision_making:
          protocol: consent
          period: 7 days
          mechanisms:
            - {name: Budget vote, protocol: token-vote, quorum: 10%, threshold: 50, period: 5 days,
               token: SB, applies_to: [budget]}
  - id: steward
    kind: role
    name: Treasury Steward
    parent: tlc
    holders: [alice]
    state: {progress: {status: vacant from June}}
  - id: annual-report
    kind: task
    name: Annual report
    parent: foundation
  - id: project-dao
    kind: dao
    name: Project DAO
    parent: foundation
    scale: constituency
    phase: formation
  - id: project-shg
    kind: cell
    name: Project stakeholders
    parent: project-dao
    scale: network
    phase: formation
    stakeholder_group: true
  - id: sunset
    kind: cell
    name: Sunset Cell
    parent: project-dao
    scale: collaboration
    phase: completion
    state:
      progress:
        status: wound down
        completion:
          decided_by: Sunset Cell
          decided: 2025-05-01
          transfers:
            - {what: Remaining USDC, kind: funds, to: tlc, amount: 1200, currency: USDC}
            - {what: Safe signer seats, kind: signers, to: tlc}
          archive: https://example.org/archive
          final_document: https://example.org/final
links:
  - {from: foundation, to: tlc, kind: funds, percent: 10%, basis: grant income, period: month}
"""


def test_each_dao_or_legal_entity_anchors_its_own_network() -> None:
    doc = parse_document(TWO_NETWORKS)
    anchors = network_anchors(doc.primitives)
    assert anchors["tlc"] == "foundation" and anchors["annual-report"] == "foundation"
    assert anchors["sunset"] == "project-dao" and anchors["project-dao"] == "project-dao"
    found = {n.anchor: n for n in networks(doc.primitives)}
    assert list(found) == ["foundation", "project-dao"]
    assert found["foundation"].top_level_cells == ("tlc",) and found["foundation"].stakeholder_groups == ()
    assert found["project-dao"].stakeholder_groups == ("project-shg",)
    assert found["project-dao"].parent_network == "foundation"
    foundation = doc.by_id()["foundation"]
    assert is_legal_entity(foundation) and not is_legal_entity(doc.by_id()["project-dao"])
    assert member_cells(foundation, doc.by_id()) == ["tlc"]


def test_a_top_stakeholder_group_anchors_a_network_and_loose_partners_stay_unanchored() -> None:
    doc = parse_document((ROOT / "samples" / "coastal-alliance.dao.yaml").read_text(encoding="utf-8"))
    found = {n.anchor: n for n in networks(doc.primitives)}
    assert found["stakeholder-group"].top_level_cells == ("coordination-cell",)
    assert found[None].members == ("regional-water-authority",)


def test_treasuries_come_in_one_shape_whichever_way_they_are_written() -> None:
    doc = parse_document(TWO_NETWORKS)
    by_id = doc.by_id()
    tlc = by_id["tlc"]
    views = treasuries(tlc.state.practice, by_id)
    assert [(v.index, v.kind, v.chain, v.threshold) for v in views] == [
        (None, "safe", "optimism", 2),
        (0, "safe", "base", 1),
    ]
    assert views[0].signers == (SignerView("person", "alice"), SignerView("role", "steward", "Treasury Steward"))
    gate = SignerView("contract", "0x00000000000000000000000000000000000000aa", "Hats signer gate")
    assert views[1].signers[1] == gate
    assert views[1].path == ("state", "practice", "treasuries", 0)
    assert treasuries(by_id["steward"].state.practice) == []
    assert [treasury_kind(t) for t in ("Safe multisig", "3-of-5 multi-sig", "bank account", None)] == [
        "safe", "multisig", "other", None,
    ]


def test_decision_parameters_are_structured_and_listed_together() -> None:
    dm = parse_document(TWO_NETWORKS).by_id()["tlc"].state.practice.decision_making  # type: ignore[union-attr]
    found = decision_mechanisms(dm)
    assert [(m.name, m.protocol, m.quorum, m.threshold, m.period) for m in found] == [
        (None, "consent", None, None, "7 days"),
        ("Budget vote", "token-vote", 10, 50, "5 days"),
    ]


def test_status_on_every_kind_and_a_completion_record() -> None:
    by_id = parse_document(TWO_NETWORKS).by_id()
    assert status_of(by_id["steward"]) == "vacant from June" and status_of(by_id["sunset"]) == "wound down"
    assert status_of(by_id["annual-report"]) is None
    record = completion_of(by_id["sunset"])
    assert has_record(record) and not has_record(completion_of(by_id["annual-report"]))
    evidence = completion_evidence(record)
    assert evidence["signers-transferred"] and evidence["closure-decided"] and evidence["channels-archived"]
    assert not evidence["impact-documented"] and not evidence["responsibilities-handed-over"]
    assert [i.id for i in missing_closing_evidence(record)] == [
        "impact-documented", "assets-plan-approved", "responsibilities-handed-over",
    ]


def test_every_evidence_field_is_a_field_of_the_completion_record() -> None:
    fields = set(Completion.model_fields)
    for item in phase_info("completion").items:
        for clue in item.evidence:
            assert clue.partition(":")[0] in fields, (item.id, clue)
    assert all(i.evidence for i in phase_info("completion").items if i.closing)


def test_percentage_and_recurring_funding_and_dao_tasks_round_trip() -> None:
    doc = parse_document(TWO_NETWORKS)
    link = doc.links[0]
    assert (link.percent, link.basis, link.recurring) == (10, "grant income", True)
    text = document_text(doc)
    assert "    kind: funds\n    percent: 10\n    basis: grant income\n    period: month\n" in text
    assert document_text(parse_document(text)) == text
    assert doc.by_id()["annual-report"].parent == "foundation"


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("period: 7 days", "period: 7 dayz"),
        ("quorum: 10%", "quorum: 110%"),
        ("kind: safe", "kind: vault"),
    ],
)
def test_bad_new_values_are_located_errors(snippet: str, message: str) -> None:
    with pytest.raises(LoadError) as caught:
        parse_document(TWO_NETWORKS.replace(snippet, message, 1), "f.dao.yaml")
    line = next(i for i, t in enumerate(TWO_NETWORKS.replace(snippet, message, 1).splitlines(), 1) if message in t)
    assert str(caught.value).startswith(f"f.dao.yaml:{line}:")


def test_a_percent_on_a_non_funds_link_is_refused() -> None:
    bad = TWO_NETWORKS.replace("kind: funds, percent: 10%", "kind: coordinates-with, percent: 10%")
    with pytest.raises(LoadError, match="'percent' is only allowed on a 'funds' link, not on 'coordinates-with'"):
        parse_document(bad, "f.dao.yaml")


def test_implementation_items_sit_in_the_first_four_phases_and_quote_the_seed() -> None:
    counts = {p.id: len(p.implementation) for p in phases()}
    assert counts == {"conversation": 5, "formation": 5, "organization": 7, "iteration": 4, "completion": 0}
    items = [i for p in phases() for i in p.implementation]
    assert all(i.group == "implementation" for i in items)
    assert all(i.source.startswith("Seed guide, 4. Implementation Phase") for i in items)
    if SEED.exists():  # the seed lives beside the repository in the team's workspace
        seed = SEED.read_text(encoding="utf-8")
        for item in items:
            quoted = item.source.split(': "', 1)[1].rstrip('"')
            assert quoted in seed.replace("[", "").replace("](/tags/agreements.md)", "").replace(
                "](/tags/roles.md)", "").replace("](/tags/responsibilities.md)", "").replace(
                "](/tags/policies.md)", ""), item.id


@pytest.mark.parametrize(
    ("snippet", "replacement", "message"),
    [
        (
            "period: 7 days",
            "period: 7 dayz",
            "f.dao.yaml:32:19: primitives[1] (tlc).state.practice.decision_making.period: '7 dayz' is not a length"
            " of time; write a count and a unit, e.g. 7 days",
        ),
        (
            "signers: [steward,",
            "signers: [[1],",
            "f.dao.yaml:28:23: primitives[1] (tlc).state.practice.treasuries[0].signers[0]: a signer is a name, an"
            " address, a role or cell id, or {contract: ADDRESS, name: ...}",
        ),
        (
            "signers: [steward,",
            "signers: [{contract: 1},",
            "f.dao.yaml:28:34: primitives[1] (tlc).state.practice.treasuries[0].signers[0].contract: expected text,"
            " found a whole number 1",
        ),
    ],
)
def test_messages_for_new_fields_read_plainly(snippet: str, replacement: str, message: str) -> None:
    with pytest.raises(LoadError) as caught:
        parse_document(TWO_NETWORKS.replace(snippet, replacement, 1), "f.dao.yaml")
    assert str(caught.value) == message


def test_extension_keys_survive_inside_contract_signers() -> None:
    marked = TWO_NETWORKS.replace("name: Hats signer gate}", "name: Hats signer gate, x-k: 1}")
    text = document_text(parse_document(marked))
    assert "                x-k: 1\n" in text and document_text(parse_document(text)) == text


def test_signer_seats_count_the_holders_of_role_signers() -> None:
    from designer.model.treasury import signer_seats

    doc = parse_document(TWO_NETWORKS)
    by_id = doc.by_id()
    single, grants = treasuries(by_id["tlc"].state.practice, by_id)
    assert signer_seats(single, by_id) == 1  # alice, and the steward role held by alice
    assert signer_seats(grants, by_id) == 2  # the steward's holder and the signer gate


def test_the_superbenefit_sample_holds_two_networks_member_cells_role_signers_and_a_closed_cell() -> None:
    doc = parse_document((ROOT / "samples" / "superbenefit-network.dao.yaml").read_text(encoding="utf-8"))
    by_id = doc.by_id()
    found = {n.anchor: n for n in networks(doc.primitives)}
    assert list(found) == ["superbenefit-dao", "superbenefit-community"]
    assert found["superbenefit-dao"].top_level_cells == ("general-circle",)
    assert found["superbenefit-community"].top_level_cells == ("community-stewards",)
    dao = by_id["superbenefit-dao"]
    assert member_cells(dao, by_id) == ["dao-primitives", "systems-transformation", "community-experience"]
    main = treasuries(dao.state.practice, by_id)[0]
    assert main.kind == "safe" and main.signers == (SignerView("role", "gc-member", "General Circle Member"),)
    closed = by_id["transformation-mapping"]
    assert status_of(closed) == "wound down"
    assert all(completion_evidence(completion_of(closed)).values())
    assert by_id["member-directory"].parent == "superbenefit-dao"


def test_status_travels_through_the_people_csv_and_old_sheets_still_import(tmp_path: Path) -> None:
    from designer.export.csv_roles import to_csv
    from designer.importers.csv_roles import import_csv

    doc = parse_document(TWO_NETWORKS)
    sheet = tmp_path / "people.csv"
    sheet.write_text(to_csv(doc), encoding="utf-8", newline="")
    back = import_csv(sheet).by_id()
    assert status_of(back["steward"]) == "vacant from June" and status_of(back["sunset"]) == "wound down"
    assert to_csv(import_csv(sheet)) == sheet.read_bytes().decode("utf-8")
    old = tmp_path / "old.csv"
    old.write_text("kind,id,name,scale,phase\r\ndao,d,D,constituency,formation\r\n", encoding="utf-8", newline="")
    assert status_of(import_csv(old).by_id()["d"]) is None


DESIGN_EXAMPLE = """\
format: dao-designer/1            # required; an unknown version is a clear error
organization:
  name: Regen Commons
  approach: hybrid                # top-down | unconstrained | hybrid
  description: A network of small teams funding local regeneration.
design: {}                        # design-guide sections (free structure, documented in the schema)
rules: {ignore: [], settings: {}} # per-document rule configuration
primitives:                       # a flat list; order is preserved
  - id: regen-dao                 # unique, [a-z0-9][a-z0-9-]*, stable across edits and renames
    kind: dao
    name: Regen Commons DAO
    scale: constituency
    phase: iteration
    members: [alice, bob, carol, dan]
    state:
      purpose: {statement: Fund regeneration where we live., goals: [Fund 10 local projects a year]}
      practice: {}
      progress: {}
  - id: ops
    kind: cell
    name: Operations Cell
    parent: regen-dao             # the containing primitive; null or absent at the top
    scale: coordination
    phase: organization
    top_level: true               # the cell that answers to community governance
    members: [alice, bob, carol]
    state:
      purpose: {statement: Run day-to-day operations., goals: [Keep the treasury process working]}
      practice: {treasury: {signers: [alice, bob], threshold: 2}}
    checklist: {formation: [design-defined, key-roles-filled]}
  - id: treasury-steward
    kind: role
    name: Treasury Steward
    parent: ops
    holders: [alice]              # people, or ids of cells
    state: {purpose: {responsibilities: [Prepare payments], authorities: [Propose multisig transactions]}}
  - id: q3-report
    kind: task
    name: Q3 treasury report
    parent: treasury-steward
    assignee: treasury-steward
    state: {purpose: {deliverable: A published report}, progress: {status: in-progress}}
links:
  - {from: ops, to: regen-dao, kind: accountable-to}
  - {from: regen-dao, to: ops, kind: funds, amount: 50000, currency: USDC, period: quarter}
layout:                           # canvas positions, apart from structure so that diffs stay clean
  regen-dao: [0, 0]
"""
"""The contract example of DESIGN.md section 5, as written there (comments and all)."""


def test_files_written_before_networks_load_unchanged_without_a_migration() -> None:
    from designer.io.migrations import MIGRATIONS

    assert MIGRATIONS == {}, "the network fields are additive: dao-designer/1 stays the only format"
    doc = parse_document(DESIGN_EXAMPLE)
    text = document_text(doc)
    assert document_text(parse_document(text)) == text
    by_id = doc.by_id()
    assert [n.anchor for n in networks(doc.primitives)] == ["regen-dao"]
    ops = treasuries(by_id["ops"].state.practice, by_id)
    assert [(v.index, v.threshold, [s.value for s in v.signers]) for v in ops] == [(None, 2, ["alice", "bob"])]
    assert status_of(by_id["q3-report"]) == "in-progress" and status_of(by_id["ops"]) is None


def test_network_anchors_end_at_a_containment_cycle() -> None:
    """The rules run on documents mid-edit too; a parent loop must end the walk, not grow it forever
    (it once filled 24 GB in the incremental rules test)."""
    from types import SimpleNamespace

    from designer.model.networks import network_anchors

    def prim(pid: str, parent: str | None, kind: str = "cell") -> SimpleNamespace:
        return SimpleNamespace(id=pid, parent=parent, kind=kind, stakeholder_group=None)

    found = network_anchors([prim("a", "b"), prim("b", "a"), prim("c", "a"), prim("d", None, "dao"), prim("e", "d")])
    assert found == {"a": None, "b": None, "c": None, "d": "d", "e": "d"}
