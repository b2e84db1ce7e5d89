"""One case per rule: a document on which it fires (with the exact findings) and one on which it
does not. ``test_rule_cases.py`` runs them and checks that every registered rule has a case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from designer.model.document import Document
from tests.rules.rule_builders import cell, dao, network, replace_primitive, role

Expected = list[tuple[str | None, str]]


@dataclass(frozen=True)
class Case:
    code: str
    bad: Callable[[], Document]
    expect: Expected
    good: Callable[[], Document] = network
    data: dict[str, Any] | None = field(default=None)
    good_data: dict[str, Any] | None = field(default=None)


def edit(pid: str, **change: Any) -> Callable[[], Document]:
    return lambda: replace_primitive(network(), pid, **change)


def with_(*extra: dict[str, Any], **doc: Any) -> Callable[[], Document]:
    return lambda: network(*extra, **doc)


def constructed(pid: str, **fields: Any) -> Callable[[], Document]:
    """A document built in memory past validation (as another tool might), for the guards."""

    def build() -> Document:
        doc = network()
        prims = [p.model_construct(**{**dict(p), **fields}) if p.id == pid else p for p in doc.primitives]
        return doc.model_copy(update={"primitives": prims})

    return build


OPS_LINKS = [{"from": "ops", "to": "dao", "kind": "accountable-to"}]
UP_OPS = {"from": "grants", "to": "ops", "kind": "accountable-to"}
MSG_PRIMS = (
    cell("shg", None, stakeholder_group=True, scale="network", members=["org-a", "org-b", "org-c"]),
)


def msg(**change: Any) -> Callable[[], Document]:
    """A multi-stakeholder network: stakeholder group 'shg', top-level cell 'ops' answering to it."""
    agreement = {
        "review_period": "7 days", "quorum": "3 orgs", "rejection_criteria": "Vetoes", "escalation_path": "SHG",
    }
    links = [*OPS_LINKS, {"from": "ops", "to": "shg", "kind": "accountable-to"}]

    def build() -> Document:
        doc = network(*MSG_PRIMS, links=change.pop("links", links))
        doc = replace_primitive(doc, "ops", state={"practice": {"agreement": agreement}})
        for pid, fields in change.items():
            doc = replace_primitive(doc, pid, **fields)
        return doc

    return build


CASES: list[Case] = [
    # --- DP0 configuration
    Case("DP001", with_(rules={"settings": {"cell_size": 5}}),
         [(None, "unknown rule setting 'cell_size'; known settings: "
         "cell_size_warn, cell_size_max, cell_size_min, collaboration_max, coordination_max, consent_max, "
         "dao_min_cells, shg_max_organizations, stale_state_days, cell_min_days")]),
    Case("DP002", with_(rules={"settings": {"cell_size_max": "ten"}}),
         [(None, "setting 'cell_size_max' is 'ten', but its default is 10 (int); the default is used")],
         good=with_(rules={"settings": {"cell_size_max": 9}})),
    Case("DP003", with_(rules={"ignore": ["DP999"]}), [(None, "'DP999' in rules.ignore matches no rule code")],
         good=with_(rules={"ignore": ["DP50"]})),
    Case("DP004", network, [("grants", "'coordination' is the old name of the 'iteration' phase; it is read and "
                                       "saved as 'iteration'")],
         data={"primitives": [{"id": "dao", "phase": "iteration"}, {"id": "grants", "phase": "coordination"}]},
         good_data={"primitives": [{"id": "dao", "phase": "iteration"}, {"id": "grants", "phase": "iteration"}]}),
    # --- DP1 lifecycle
    Case("DP101", constructed("grants", phase="coordination"), [("grants", "'coordination' is not a phase "
                                                                          "(write 'iteration')")]),
    Case("DP102", edit("grants", previous_phase="formation"), [("grants", "moved from formation to iteration, "
                                                                         "skipping organization")],
         good=edit("grants", previous_phase="organization")),
    Case("DP103", edit("grants", checklist={"formation": ["design-defined"]}),
         [("grants", "is in iteration but 5 of 6 formation readiness items are not ticked: Someone holds each of "
                   "the key roles; Decisions follow the agreed process every time; Work on the first deliverables "
                   "has begun; A proposal to the parent governance has won its support; The state document holds "
                   "enough for others to understand the group")]),
    Case("DP104", edit("grants", checklist={"iteration": ["design-defined", "state-current"]}),
         [("grants", "'design-defined' is not a iteration checklist item (it belongs to formation)")]),
    Case("DP105", lambda: replace_primitive(network(cell("sub", "ops")), "ops", phase="organization"),
         [("sub", "is in iteration, but its container 'ops' is only in organization")],
         good=with_(cell("sub", "ops", phase="completion"))),
    Case("DP106", edit("grants", phase="completion", checklist={"completion": [
        "closure-decided", "impact-documented", "assets-plan-approved", "responsibilities-handed-over",
        "channels-archived", "final-document"], "iteration": ["purpose-fulfilled"]}),
         [("grants", "is closing but 'signers-transferred' is not ticked: Every wallet signer has been handed over "
                     "or removed.")]),
    Case("DP107", edit("grants", state={"progress": {"updated": "2025-10-01"}}),
         [("grants", "state was last updated 151 days ago (2025-10-01); the limit is 90")],
         good=edit("grants", state={"progress": {"updated": "2025-12-02"}})),
    # --- DP2 cells
    Case("DP201", edit("grants", members=[f"p{i}" for i in range(11)]), [("grants", "has 11 members; a cell has at "
                                                                                   "most 10")],
         good=edit("grants", members=[f"p{i}" for i in range(10)])),
    Case("DP202", edit("grants", members=[f"p{i}" for i in range(9)]), [("grants", "has 9 members; cells "
                                                                                  "typically have at most 8")],
         good=edit("grants", members=[f"p{i}" for i in range(8)])),
    Case("DP203", edit("grants", members=["ann", "bo"]), [("grants", "has 2 members; a cell needs at least 3")],
         good=edit("grants", members=[])),
    Case("DP204", edit("ops", members=[f"p{i}" for i in range(151)]),
         [("ops", "has 151 people, more than the coordination scale holds (150); split it or move it to the "
                  "constituency scale")]),
    Case("DP205", edit("ops", members=[f"p{i}" for i in range(11)]),
         [("ops", "decides by consent with 11 members; consent works for groups of 10 or fewer")],
         good=edit("ops", members=[f"p{i}" for i in range(10)])),
    Case("DP206", edit("grants", ephemeral=True), [("grants", "is ephemeral but has no end condition")],
         good=edit("grants", ephemeral=True, state={"purpose": {"end_condition": "After the March round"}})),
    Case("DP207", edit("report", state={"progress": {"status": "done"}}),
         [("grants", "all 1 of its tasks are done or cancelled; its purpose may be met")]),
    Case("DP208", edit("grants", state={"purpose": {"expected_days": 3}}),
         [("grants", "expects 3 days of work; under 7 days a task fits better")],
         good=edit("grants", state={"purpose": {"expected_days": 7}})),
    # --- DP3 state
    Case("DP301", edit("grants", phase="formation", state={"purpose": {"statement": None}}),
         [("grants", "is in formation but has no purpose statement")],
         good=edit("grants", phase="conversation", checklist={}, state={"purpose": {"statement": None}})),
    Case("DP302", edit("grants", state={"purpose": {"goals": []}}), [("grants", "is in iteration but has no goals")]),
    Case("DP303", edit("grants", state={"progress": {"strategy": None}}),
         [("grants", "is in iteration but its state lacks a roadmap (progress.strategy)")],
         good=edit("grants", phase="formation", state={"progress": {"strategy": None}})),
    Case("DP304", edit("grants", approval={"by": None, "reference": None}),
         [("grants", "is in iteration but has no approval record")],
         good=edit("grants", approval={"by": None, "reference": None}, pathway="permissionless")),
    Case("DP305", edit("grants", state={"practice": {"formal_structure": "  "}}),
         [("grants", "state field 'formal structure' is empty")]),
    Case("DP306", edit("grants", state={"practice": {"state_store": {"versioned": False}}}),
         [("grants", "state store lacks version history")]),
    Case("DP307", edit("grants", state={"practice": {"treasury": {"signers": ["ann", "bo"], "threshold": 2}}}),
         [("grants", "holds a treasury but does not list its configuration (kind or address)"),
          ("grants", "holds a treasury but does not list a treasury decision rule")],
         good=edit("grants", state={"practice": {"treasury": {
             "signers": ["ann", "bo"], "threshold": 2, "kind": "Safe", "decision_rule": "Consent"}}})),
    Case("DP308", edit("grants", state={"practice": {"treasury": {
        "signers": ["ann", "bo"], "threshold": 3, "kind": "Safe", "decision_rule": "Consent"}}}),
         [("grants", "needs 3 signatures but has only 2 signers")]),
    Case("DP309", edit("dao", state={"practice": {"policies": []}}), [("dao", "DAO state has no policies")]),
    Case("DP310", edit("ops", state={"master": {"process_maps": None}}), [("ops", "master state has no process maps")],
         good=edit("ops", state={"master": {"process_maps": None}}, top_level=False)),
    # --- DP4 roles and tasks
    Case("DP401", edit("steward", state={"purpose": {"responsibilities": []}}), [("steward", "lists no "
                                                                                          "responsibilities")]),
    Case("DP402", edit("steward", state={"purpose": {"authorities": []}}),
         [("steward", "lists no authorities or permissions")],
         good=edit("steward", state={"purpose": {"authorities": []}, "practice": {"permissions": ["Safe"]}})),
    Case("DP403", edit("steward", state={"purpose": {"accountability": None}}),
         [("steward", "does not say to whom its holder is accountable")]),
    Case("DP404", edit("steward", state={"practice": {"removal": None}}),
         [("steward", "does not say who can remove its holder")]),
    Case("DP405", edit("steward", holders=[]), [("steward", "has no holders while its group is in iteration")],
         good=edit("steward", holders=["grants"])),
    Case("DP410", edit("report", state={"purpose": {"deliverable": None}}), [("report", "has no deliverable")]),
    Case("DP411", edit("report", assignee=None), [("report", "has no assignee or agent")],
         good=edit("report", assignee=None, agent="ann")),
    Case("DP412", edit("report", state={"practice": {"approval": None}}),
         [("report", "has no approval record and is not marked personal")],
         good=edit("report", state={"practice": {"approval": None, "personal": True}})),
    Case("DP413", edit("report", state={"practice": {"recurring": True}}),
         [("report", "is ongoing work; a role suits it better")]),
    # --- DP5 structure and accountability
    Case("DP501", lambda: network(links=OPS_LINKS).model_copy(update={"primitives": [
        p for p in network().primitives if p.id not in ("grants", "steward", "report")]}),
         [("dao", "contains 1 cell; a DAO coordinates at least 2")]),
    Case("DP502", with_(links=[]), [("ops", "is the top-level cell of DAO 'dao' but has no accountable-to link to it")],
         good=with_(links=[], approach="unconstrained")),
    Case("DP503", edit("grants", top_level=True, state={"master": {"process_maps": "Maps", "governance_charter": "C",
         "decision_mechanisms": "V", "decision_registry": [{"title": "A"}], "role_descriptions": "R", "policies": "P",
         "proposal_mechanisms": "T", "resource_allocations": [{"recipient": "x"}], "participation_guidelines": "G"}}),
         [("dao", "has 2 top-level cells: 'grants' and 'ops'")]),
    Case("DP504", with_(role("steward-2", "grants", name="  role STEWARD ")),
         [("steward-2", "has the same name as 'steward' in 'grants': '  role STEWARD '")]),
    Case("DP505", with_(dao("dao-2", name="dao DAO")), [("dao-2", "has the same name as 'dao' at the top level: "
                                                                  "'dao DAO'")]),
    Case("DP506", with_(design={"approval": None}), [(None, "the design has no approval record")]),
    Case("DP507", edit("grants", state={"purpose": {"domain": None}}), [("grants", "declares no domain")]),
    Case("DP508", edit("grants", state={"practice": {"budget": {"amount": None}}}), [("grants", "declares no budget")],
         good=lambda: replace_primitive(network(approach="unconstrained"), "grants",
                                        state={"practice": {"budget": {"amount": None}}})),
    Case("DP509", edit("dao", state={"practice": {"decision_making": {"escalation": None}}}),
         [("ops", "has no escalation protocol, and neither does its container"),
          ("grants", "has no escalation protocol, and neither does its container")]),
    Case("DP510", with_(design={"decision_layers": {"network strategy": "community",
                                                    "conflict resolution between teams": "community"}}),
         [(None, "community governance decides 'conflict resolution between teams', which the guides give to the "
                 "operational layer")],
         good=with_(design={"decision_layers": {"network strategy": "community",
                                                "conflict resolution between teams": "operational"}})),
    Case("DP550", with_(links=[*OPS_LINKS, {"from": "grants", "to": "lead", "kind": "accountable-to"},
                               {"from": "lead", "to": "grants", "kind": "accountable-to"}]),
         [("lead", "accountability cycle: lead → grants → lead")]),
    Case("DP551", with_(approach="top-down", links=[*OPS_LINKS, UP_OPS, {"from": "grants", "to": "dao",
                                                                       "kind": "accountable-to"}]),
         [("grants", "answers to 2 parents ('dao' and 'ops'); a tree has one")],
         good=with_(approach="top-down", links=[*OPS_LINKS, UP_OPS])),
    Case("DP552", with_(cell("loose", None), links=[*OPS_LINKS, {"from": "grants", "to": "loose",
                                                                 "kind": "accountable-to"}]),
         [("grants", "answers up a chain that stops at 'loose' without reaching a DAO")]),
    Case("DP553", with_(approach="unconstrained", links=OPS_LINKS), [("grants", "has no links to any other primitive")],
         good=with_(approach="unconstrained")),
    # --- DP6 multi-stakeholder
    Case("DP601", msg(grants={"stakeholder_group": True}),
         [("shg", "is one of 2 stakeholder groups ('grants' and 'shg'); a network has one")], good=msg()),
    Case("DP602", msg(ops={"top_level": False}), [("shg", "is a stakeholder group, but the network has no top-level "
                                                          "cell")], good=msg()),
    Case("DP603", msg(links=OPS_LINKS), [("ops", "is the top-level cell but has no accountable-to link to 'shg'")],
         good=msg()),
    Case("DP604", msg(ops={"state": {"practice": {"agreement": {"quorum": None}}}}),
         [("ops", "the stakeholder agreement sets no quorum")],
         good=msg(ops={"state": {"practice": {"agreement": {"quorum": None}}}},
                  shg={"state": {"practice": {"agreement": {"quorum": "half"}}}})),
    Case("DP605", msg(shg={"members": [f"org-{i}" for i in range(21)]}),
         [("shg", "has 21 organizations; the pattern suits up to 20")], good=msg()),
    Case("DP606", msg(shg={"scale": "constituency"}),
         [("shg", "is a stakeholder group at the constituency scale; it belongs at network scale")], good=msg()),
    # --- DP7 links
    Case("DP701", lambda: network().model_copy(update={"links": [*network().links, network().links[0].model_copy(
        update={"target": "gone"})]}), [("ops", "accountable-to link to 'gone', which does not exist")]),
    Case("DP702", with_(links=[*OPS_LINKS, {"from": "grants", "to": "grants", "kind": "coordinates-with"}]),
         [("grants", "coordinates-with link from 'grants' to itself")]),
]
