"""One case per rule: a document on which it fires (with the exact findings) and one on which it
does not. ``test_rule_cases.py`` runs them and checks that every registered rule has a case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from designer.model.document import Document
from tests.rules.rule_builders import READY, cell, dao, network, replace_primitive, role

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
    links = change.pop("links", [*OPS_LINKS, {"from": "ops", "to": "shg", "kind": "accountable-to"}])
    extra = change.pop("extra", None)

    def build() -> Document:
        doc = network(*MSG_PRIMS, *([extra] if extra else []), links=links)
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
    # a skip is a note; going back (groups cycle) is nothing
    Case("DP102", edit("grants", previous_phase="formation", checklist={**READY, "formation": READY["formation"]}),
         [("grants", "moved from formation to iteration, skipping organization")],
         good=edit("grants", previous_phase="completion")),
    # partial ticks: the group looked at the list and moved on with items open
    Case("DP103", edit("grants", checklist={**READY, "formation": ["design-defined"]}),
         [("grants", "is in iteration with readiness left open: 5 formation signs open (Someone holds each of "
                   "the key roles; Decisions follow the agreed process every time; Work on the first deliverables "
                   "has begun; A proposal to the parent governance has won its support; The state document holds "
                   "enough for others to understand the group)")],
         # an untouched checklist is only a gap in the meter; a permissionless cell needs no support
         good=edit("grants", pathway="permissionless", checklist={**READY, "formation": [
             i for i in READY["formation"] if i != "support-secured"]})),
    # the last phase change stepped past organization with none of its signs ticked
    Case("DP103", edit("grants", previous_phase="organization", checklist={"organization": None}),
         [("grants", "is in iteration with readiness left open: 6 organization signs open (The group's systems "
                     "run without constant attention; Roles are defined and have the resources they need; The "
                     "treasury process works end to end; Working links with other cells are in place; The state "
                     "document covers every part of the template; The group has shown that it delivers)")],
         good=edit("grants", checklist={"organization": None})),
    Case("DP104", edit("grants", checklist={"iteration": ["design-defined", "state-current"]}),
         [("grants", "'design-defined' is not a iteration checklist item (it belongs to formation)")]),
    Case("DP106", edit("grants", phase="completion", state={"practice": {"treasury": {
        "kind": "Safe", "signers": ["ann", "bo"], "threshold": 2}}}, checklist={"completion": [
        "closure-decided", "impact-documented", "assets-plan-approved", "responsibilities-handed-over",
        "channels-archived", "final-document", "formally-closed"], "iteration": ["purpose-fulfilled"]}),
         [("grants", "is recorded as closed, but 1 closure item is not done: Every wallet signer has been handed "
                     "over or removed")],
         # still closing: the open items are on the meter, not an error
         good=edit("grants", phase="completion", checklist={"completion": ["closure-decided"]})),
    Case("DP107", edit("grants", state={"progress": {"updated": "2025-10-01"}}),
         [("grants", "state was last updated 151 days ago (2025-10-01); the limit is 90")],
         good=edit("grants", state={"progress": {"updated": "2025-12-02"}})),
    # --- DP2 cells
    Case("DP201", edit("grants", members=[f"p{i}" for i in range(11)]), [("grants", "has 11 members; a cell has at "
                                                                                   "most 10")],
         good=edit("grants", members=[f"p{i}" for i in range(10)])),
    # a stakeholder group's members are organizations (DP605 counts them), and conversation is open
    Case("DP201", edit("grants", members=[f"p{i}" for i in range(11)]), [("grants", "has 11 members; a cell has at "
                                                                                   "most 10")],
         good=edit("grants", stakeholder_group=True, scale="network", members=[f"org{i}" for i in range(12)])),
    Case("DP202", edit("grants", members=[f"p{i}" for i in range(9)]), [("grants", "has 9 members; cells "
                                                                                  "typically have at most 8")],
         good=edit("grants", members=[f"p{i}" for i in range(8)])),
    Case("DP203", edit("grants", members=["ann", "bo"]), [("grants", "has 2 members; a cell needs at least 3")],
         good=edit("grants", members=["ann", "bo"], phase="formation")),
    Case("DP204", edit("ops", members=[f"p{i}" for i in range(151)]),
         [("ops", "has 151 people, more than the coordination scale holds (150); split it or move it to the "
                  "constituency scale")]),
    Case("DP205", edit("ops", members=[f"p{i}" for i in range(11)]),
         [("ops", "decides by consent with 11 members; consent works for groups of 10 or fewer")],
         good=edit("ops", members=[f"p{i}" for i in range(10)])),
    Case("DP206", edit("grants", ephemeral=True), [("grants", "is ephemeral but has no end condition")],
         good=edit("grants", ephemeral=True, state={"purpose": {"end_condition": "After the March round"}})),
    Case("DP207", edit("report", state={"progress": {"status": "done"}}),
         [("grants", "all 1 of its tasks are done or cancelled; its purpose may be met")],
         # no tasks and an empty progress section is not a zombie
         good=lambda: network().model_copy(
             update={"primitives": [p for p in network().primitives if p.id != "report"]})),
    Case("DP208", edit("grants", state={"purpose": {"expected_days": 3}}),
         [("grants", "expects 3 days of work; under 7 days a task fits better")],
         good=edit("grants", state={"purpose": {"expected_days": 7}})),
    # --- DP3 state
    Case("DP301", edit("grants", state={"purpose": {"statement": None}}),
         [("grants", "is in iteration but has no purpose statement")],
         good=edit("grants", phase="formation", state={"purpose": {"statement": None}})),
    # signers with a threshold are the decision rule; a missing Safe address is only the meter's
    Case("DP307", edit("grants", state={"practice": {"treasury": {"holds_funds": True}}}),
         [("grants", "holds a treasury but names no signers and no treasury decision rule")],
         good=edit("grants", state={"practice": {"treasury": {"signers": ["ann", "bo", "cy"], "threshold": 2,
                                                               "kind": "Safe"}}})),
    Case("DP308", edit("grants", state={"practice": {"treasury": {
        "signers": ["ann", "bo"], "threshold": 3, "kind": "Safe", "decision_rule": "Consent"}}}),
         [("grants", "needs 3 signatures but has only 2 signers")]),
    Case("DP311", edit("grants", state={"practice": {"formal_structure": "  ", "meetings": None}}),
         [("grants", "state 25 of 27 items filled for iteration (missing: meetings and channels, formal "
                     "structure)")],
         # conversation asks for nothing
         good=edit("grants", phase="conversation", checklist={}, state={"practice": {"formal_structure": None}})),
    Case("DP311", edit("steward", state={"purpose": {"responsibilities": [], "accountability": None},
                                         "practice": {"removal": None}}),
         [("steward", "state 1 of 4 items filled for iteration (missing: responsibilities, accountability, "
                      "removal process)")]),
    Case("DP311", edit("report", assignee=None, state={"purpose": {"deliverable": None}}),
         [("report", "state 1 of 3 items filled for iteration (missing: deliverable, responsible party "
                     "(assignee or agent))")],
         good=edit("report", assignee=None, agent="ann")),
    Case("DP311", edit("ops", state={"master": {"process_maps": None}}),
         [("ops", "state 35 of 36 items filled for iteration (missing: process maps)")],
         good=edit("ops", state={"master": {"process_maps": None}}, top_level=False)),
    # closing: the closure items, ticked or shown by the completion record; no treasury, no signers to hand over
    Case("DP311", edit("grants", phase="completion", checklist={"completion": ["closure-decided"]},
                       state={"progress": {"completion": {"archive": "Forum category archived"}}}),
         [("grants", "state 3 of 7 items filled for completion (missing: impact and lessons are written up, "
                     "governance approved the plan for the remaining treasury and assets, responsibilities, roles "
                     "and credentials have new owners and 1 more)")]),
    # --- DP4 roles and tasks
    Case("DP405", edit("steward", holders=[]), [("steward", "has no holders while its group is in iteration")],
         good=edit("steward", holders=["grants"])),
    Case("DP413", edit("report", state={"practice": {"recurring": True}}),
         [("report", "is ongoing work; a role suits it better")]),
    # --- DP5 structure and accountability
    # a DAO of four people with one cell: a single team may suffice
    Case("DP501", lambda: replace_primitive(network(links=OPS_LINKS).model_copy(update={"primitives": [
        p for p in network().primitives if p.id not in ("grants", "steward", "report")]}), "dao",
        members=["ann", "bo", "cy", "di"]),
         [("dao", "contains 1 cell and 4 people; a single team may suffice")],
         # a constituency of 120 members with one working cell is a DAO for its members' sake
         good=lambda: network(links=OPS_LINKS).model_copy(update={"primitives": [
             p for p in network().primitives if p.id not in ("grants", "steward", "report")]})),
    Case("DP501", lambda: replace_primitive(network(links=OPS_LINKS).model_copy(update={"primitives": [
        p for p in network().primitives if p.id not in ("grants", "steward", "report")]}), "dao",
        members=["ann", "bo", "cy", "di"]),
         [("dao", "contains 1 cell and 4 people; a single team may suffice")],
         # cells below the top cell count too (a top-down tree)
         good=lambda: replace_primitive(replace_primitive(network(), "grants", parent="ops"), "dao",
                                        members=["ann", "bo", "cy", "di"])),
    Case("DP502", with_(links=[]), [("ops", "is the top-level cell of DAO 'dao' but has no accountable-to link to it")],
         good=with_(links=[], approach="unconstrained")),
    Case("DP502", with_(links=[]), [("ops", "is the top-level cell of DAO 'dao' but has no accountable-to link to it")],
         good=lambda: replace_primitive(network(links=[]), "ops", phase="conversation", checklist={})),
    Case("DP503", edit("grants", top_level=True, state={"master": {"process_maps": "Maps", "governance_charter": "C",
         "decision_mechanisms": "V", "decision_registry": [{"title": "A"}], "role_descriptions": "R", "policies": "P",
         "proposal_mechanisms": "T", "resource_allocations": [{"recipient": "x"}], "participation_guidelines": "G"}}),
         [("dao", "has 2 top-level cells: 'grants' and 'ops'")]),
    Case("DP504", with_(role("steward-2", "grants", name="  role STEWARD ")),
         [("steward-2", "has the same name as 'steward' in 'grants': '  role STEWARD '")]),
    Case("DP505", with_(dao("dao-2", name="dao DAO")), [("dao-2", "has the same name as 'dao' at the top level: "
                                                                  "'dao DAO'")]),
    Case("DP506", edit("grants", scale="coordination"), [(None, "the design lacks collaboration-scale cells")]),
    Case("DP510", with_(design={"decision_layers": {"network strategy": "community",
                                                    "conflict resolution between teams": "community"}}),
         [(None, "community governance decides 'conflict resolution between teams', which the guides give to the "
                 "operational layer")],
         good=with_(design={"decision_layers": {"network strategy": "community",
                                                "conflict resolution between teams": "operational"}})),
    Case("DP511", with_(design={"approval": None}),
         [(None, "groups are in organization or later, but the design has no approval record")]),
    Case("DP550", with_(links=[{"from": "ops", "to": "grants", "kind": "accountable-to"},
                               {"from": "grants", "to": "ops", "kind": "accountable-to"}]),
         [("ops", "accountability cycle with no link out of it: ops → grants → ops")],
         # double-linked circles: both ways, and one of them answers up
         good=with_(links=[*OPS_LINKS, {"from": "grants", "to": "ops", "kind": "accountable-to"},
                           {"from": "ops", "to": "grants", "kind": "accountable-to"}])),
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
    Case("DP601", msg(extra=cell("shg-2", "shg", stakeholder_group=True, scale="network")),
         [("shg-2", "is one of 2 stakeholder groups in network 'shg' ('shg' and 'shg-2'); a network has one")],
         # two networks in one document, each with its own stakeholder group
         good=msg(extra=cell("shg-2", None, stakeholder_group=True, scale="network"))),
    Case("DP602", msg(ops={"top_level": False}), [("shg", "is a stakeholder group, but its network has no top-level "
                                                          "cell")], good=msg()),
    Case("DP603", msg(links=OPS_LINKS, ops={"parent": "shg"}),
         [("ops", "is the top-level cell but has no accountable-to link to 'shg'")],
         good=msg()),
    Case("DP604", msg(ops={"state": {"practice": {"agreement": {"quorum": None, "review_period": None}}}}),
         [("ops", "the stakeholder agreement sets no review period, quorum")],
         good=msg(ops={"state": {"practice": {"agreement": {"quorum": None}}}},
                  shg={"state": {"practice": {"agreement": {"quorum": "half"}}}})),
    Case("DP605", msg(shg={"members": [f"org-{i}" for i in range(21)]}),
         [("shg", "has 21 organizations; the pattern suits up to 20")], good=msg()),
    # --- DP7 links
    Case("DP701", lambda: network().model_copy(update={"links": [*network().links, network().links[0].model_copy(
        update={"target": "gone"})]}), [("ops", "accountable-to link to 'gone', which does not exist")]),
    Case("DP702", with_(links=[*OPS_LINKS, {"from": "grants", "to": "grants", "kind": "coordinates-with"}]),
         [("grants", "coordinates-with link from 'grants' to itself")]),
]
