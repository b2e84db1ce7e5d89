"""The governance handbook: the facilitator's deliverable, as one Markdown file.

It follows the guide's structure document: the seven items of ``design.structure``, a diagram
(a Mermaid block), the top-level cell's master state, the decision registry and allocations,
then each DAO's and cell's state (with its status, legal form, tasks and completion record; the
networks first when the document holds several) and each role's description. All user text is
escaped so that it reads as text: no HTML, no links, headings, tables or fences can come from a
name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from designer.export.labels import money, strip_bidi
from designer.export.mermaid import MERMAID_MAX_TEXT, to_mermaid
from designer.export.plain import prune
from designer.export.registry import Exporter, register
from designer.export.tree import Tree
from designer.framework.completion import completion_evidence
from designer.model.completion import Completion, completion_of, has_record, status_of
from designer.model.decision_making import DecisionMechanism
from designer.model.design import StructureSection
from designer.model.document import Document
from designer.model.networks import is_legal_entity, networks
from designer.model.primitives import AnyPrimitive, Cell, Dao, Role, Task
from designer.model.state import AllocationRecord, DecisionRecord, MasterState
from designer.model.treasury import SignerView, TreasuryView, treasuries

NOT_WRITTEN = "_Not written yet._"

STRUCTURE_ITEMS: tuple[tuple[str, str], ...] = (
    ("approach", "Approach"),
    ("components", "Components"),
    ("decision_processes", "Decision processes"),
    ("roles_and_responsibilities", "Roles and responsibilities"),
    ("resource_allocation", "Resource allocation"),
    ("boundaries_and_constraints", "Boundaries and constraints"),
    ("evolution", "Evolution"),
)
"""The guide's seven items of a governance structure document, in its order."""

MASTER_TEXT_ITEMS: tuple[tuple[str, str], ...] = (
    ("governance_charter", "Governance charter"),
    ("decision_mechanisms", "Decision mechanisms"),
    ("role_descriptions", "Role descriptions"),
    ("process_maps", "Process maps"),
    ("policies", "Policies"),
    ("proposal_mechanisms", "Proposal mechanisms"),
    ("participation_guidelines", "Participation guidelines"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_PUNCT = re.compile(r"([\\`*_\[\]|~#$!])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def inline(text: str) -> str:
    """One line of Markdown that shows ``text`` literally (HTML-escaped, punctuation backslashed)."""
    text = _CONTROL.sub(" ", strip_bidi(text)).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _PUNCT.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda m: (
            m.group(1) + "\\" + m.group(2)
            if len(m.group(2)) == 1
            else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1]
        ),
        text,
    ).strip()


def cell(text: str) -> str:
    """Table-cell text: line breaks as ``<br>``, pipes escaped."""
    return "<br>".join(inline(line) for line in strip_bidi(text).splitlines()) if text else ""


def block(text: str) -> str:
    """Multi-line text as paragraphs; single line breaks kept as hard breaks."""
    paragraphs = re.split(r"\n\s*\n", strip_bidi(text).replace("\r\n", "\n").replace("\r", "\n").strip())
    out = []
    for para in paragraphs:
        lines = [inline(line) for line in para.split("\n") if line.strip()]
        out.append("\\\n".join(lines))
    return "\n\n".join(p for p in out if p) or NOT_WRITTEN


LABELS: dict[str, str] = {
    "simple": "Everyday decisions",
    "formal": "Formal decisions",
    "protocol": "Main protocol",
    "optimistic": "Optimistic approval",
    "expected_days": "Expected length in days",
    "updated": "Last updated",
    "reviewed": "Last reviewed",
}
"""Field names whose plain reading would puzzle a facilitator."""
ACRONYMS = {"url": "URL", "uri": "URI", "dao": "DAO", "daos": "DAOs", "ens": "ENS", "id": "ID", "ids": "IDs"}
KIND_TITLES = {"dao": "DAO", "cell": "Cell", "role": "Role", "task": "Task", "partner": "Partner"}
MONEY_KEYS = frozenset({"amount", "currency", "period"})
WORDED_VALUES = frozenset({"protocol", "status"})
"""Fields that hold one of a fixed list of hyphenated words (``token-vote``, ``in-progress``)."""


def humanize(key: str) -> str:
    """A field name as a label: ``decision_log`` is ``Decision log``, ``url`` is ``URL``."""
    if key in LABELS:
        return LABELS[key]
    words = key.replace("_", " ").replace("-", " ").split()
    words = [ACRONYMS.get(w.lower(), w.lower()) for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def worded(value: str) -> str:
    """A fixed-list value as words: ``token-vote`` is ``token vote``."""
    return value.replace("-", " ")


def is_money(value: Any) -> bool:
    """A budget-like mapping: an amount with its currency and period, and nothing else."""
    return isinstance(value, dict) and "amount" in value and set(value) <= MONEY_KEYS


def bullets(data: Any, depth: int = 0) -> list[str]:
    """Nested bullet points for state data already stripped of empty fields."""
    pad = "  " * depth
    out: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"**{inline(humanize(str(key)))}:**"
            if is_money(value):
                out.append(
                    f"{pad}- {name} {inline(money(value['amount'], value.get('currency'), value.get('period')))}"
                )
            elif key in WORDED_VALUES and isinstance(value, str):
                out.append(f"{pad}- {name} {inline(worded(value))}")
            elif isinstance(value, (dict, list)):
                out.append(f"{pad}- {name}")
                out.extend(bullets(value, depth + 1))
            else:
                out.append(f"{pad}- {name} {scalar(value)}")
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, (dict, list)):
                sub = bullets(item, depth + 1)
                out.append(f"{pad}- " + (sub[0].strip()[2:] if sub else ""))
                out.extend(sub[1:])
            else:
                out.append(f"{pad}- {scalar(item)}")
    return out


def scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return cell(str(value))


def people(names: Iterable[str], nobody: str = "_none yet_") -> str:
    listed = [inline(n) for n in names]
    return ", ".join(listed) if listed else nobody


class _Handbook:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tree = Tree.of(doc)
        self.out: list[str] = []

    def name_of(self, ref: str | None) -> str:
        if ref and ref in self.tree.by_id:
            return inline(self.tree.by_id[ref].name)
        return inline(ref or "")

    def render(self) -> str:
        org = self.doc.organization
        self.out += [f"# {inline(org.name)}: governance handbook", ""]
        if org.description:
            self.out += [block(org.description), ""]
        self.out += [f"Approach: **{org.approach}**. Written with dao-designer from the state file.", ""]
        top = self.tree.top_level_cell()
        self._structure(self.doc.design.structure)
        self._diagram()
        master = top.state.master if isinstance(top, Cell) else MasterState()
        self._master(top, master)
        self._decisions(master.decision_registry)
        self._allocations(master.resource_allocations)
        self._groups(top)
        self._roles()
        self._partners()
        return "\n".join(self.out).rstrip("\n") + "\n"

    def _structure(self, structure: StructureSection) -> None:
        self.out += ["## 1. Governance structure", ""]
        for number, (key, title) in enumerate(STRUCTURE_ITEMS, 1):
            value = getattr(structure, key)
            self.out += [f"### 1.{number} {title}", "", block(value) if value else NOT_WRITTEN, ""]

    def _diagram(self) -> None:
        self.out += ["## 2. Structure diagram", ""]
        source = to_mermaid(self.doc)
        if len(source) > MERMAID_MAX_TEXT:
            self.out += [
                f"_The diagram has {len(source):,} characters, more than Mermaid draws by default "
                f"({MERMAID_MAX_TEXT:,}); export it with `--to svg` instead._",
                "",
            ]
        else:
            self.out += ["```mermaid", source.rstrip("\n"), "```", ""]

    def _master(self, top: AnyPrimitive | None, master: MasterState) -> None:
        title = f" of {inline(top.name)}" if top is not None else ""
        self.out += [f"## 3. Master state{title}", ""]
        if top is None:
            self.out += ["_No cell is marked as the top-level cell; mark one to hold the master state._", ""]
            return
        for key, heading in MASTER_TEXT_ITEMS:
            value = getattr(master, key)
            self.out += [f"### {heading}", "", block(value) if value else NOT_WRITTEN, ""]
        self.out += ["The decision registry and the resource allocations follow in sections 4 and 5.", ""]

    def _decisions(self, records: list[DecisionRecord]) -> None:
        self.out += ["## 4. Decision registry", ""]
        if not records:
            self.out += ["_No decisions recorded yet._", ""]
            return
        self.out += ["| Date | Decision | Decided by | Rationale | Reference |", "|---|---|---|---|---|"]
        for r in records:
            row = [
                r.date or "",
                cell(r.title),
                self.name_of(r.decided_by),
                cell(r.rationale or ""),
                cell(r.reference or ""),
            ]
            self.out.append("| " + " | ".join(row) + " |")
        self.out.append("")

    def _allocations(self, records: list[AllocationRecord]) -> None:
        self.out += ["## 5. Resource allocations", ""]
        if not records:
            self.out += ["_No allocations recorded yet._", ""]
            return
        self.out += ["| Date | Recipient | Amount | Purpose | Decision |", "|---|---|---:|---|---|"]
        for r in records:
            amount = "" if r.amount is None else inline(money(r.amount, r.currency))
            row = [r.date or "", self.name_of(r.recipient), amount, cell(r.purpose or ""), cell(r.decision or "")]
            self.out.append("| " + " | ".join(row) + " |")
        self.out.append("")

    def _header(self, p: AnyPrimitive, level: str) -> None:
        facts = ["Legal entity" if is_legal_entity(p) else KIND_TITLES[p.kind]]
        for value, word in ((getattr(p, "scale", None), "scale"), (getattr(p, "phase", None), "phase")):
            if value:
                facts.append(f"{value} {word}")
        self.out += [f"{level} {inline(p.name)}", "", f"_{' · '.join(facts)}_ (id `{p.id}`)", ""]
        if p.parent:
            self.out += [f"Part of: {self.name_of(p.parent)}", ""]
        if p.description:
            self.out += [block(p.description), ""]
        if isinstance(p, Dao) and (p.legal_form or p.jurisdiction):
            form = ", ".join(inline(x) for x in (p.legal_form, p.jurisdiction) if x)
            self.out += [f"Legal form: {form}", ""]
        status = status_of(p)
        if status and not isinstance(p, Task):
            self.out += [f"Status: **{inline(status)}**", ""]

    def _state(self, p: AnyPrimitive, skip_master: bool) -> None:
        state = prune(p.state.model_dump(mode="json"))
        if skip_master:
            state.pop("master", None)
        progress = state.get("progress")
        if isinstance(progress, dict):
            progress.pop("status", None)
            progress.pop("completion", None)
        practice = state.get("practice")
        if isinstance(practice, dict):
            self._readable_practice(p, practice)
        for part in ("purpose", "practice", "progress", "master"):
            if state.get(part):
                self.out += [f"**{humanize(part)}**", "", *bullets(state[part]), ""]
        record = completion_of(p)
        if has_record(record):
            self._completion(record)
        elif not any(state.get(part) for part in ("purpose", "practice", "progress", "master")):
            self.out += ["_No state written yet._", ""]

    def _signer(self, signer: SignerView) -> str:
        if signer.kind == "contract":
            return f"{signer.name or 'contract'} ({signer.value})"
        if signer.kind in ("role", "cell"):
            return f"{signer.name or signer.value} ({signer.kind})"
        return signer.value

    def _readable_practice(self, p: AnyPrimitive, practice: dict[str, Any]) -> None:
        """Treasury accounts, signers and decision parameters as sentences rather than raw fields."""
        views = treasuries(p.state.practice, self.tree.by_id)
        single = practice.get("treasury")
        if isinstance(single, dict) and "signers" in single and views and views[0].index is None:
            single["signers"] = [self._signer(s) for s in views[0].signers]
        if "treasuries" in practice:
            practice["treasuries"] = [self._account(v) for v in views if v.index is not None]
        dm = practice.get("decision_making")
        if isinstance(dm, dict):
            for key in ("quorum", "threshold"):
                if key in dm:
                    dm[key] = f"{dm[key]:g}%"
            if "mechanisms" in dm:
                dm["mechanisms"] = [_mechanism(m) for m in p.state.practice.decision_making.mechanisms]  # type: ignore[union-attr]

    def _account(self, view: TreasuryView) -> str:
        kind = {"safe": "Safe", "multisig": "multisig", "other": "account"}.get(view.kind or "", "account")
        text = f"{view.name}: {kind}" if view.name else kind
        if view.chain:
            text += f" on {view.chain}"
        if view.address:
            text += f" at {view.address}"
        if view.signers:
            signers = ", ".join(self._signer(s) for s in view.signers)
            text += f"; {view.threshold} of {signers}" if view.threshold else f"; signers {signers}"
        return text

    def _completion(self, record: Completion) -> None:
        """The completion record, and how much of the closing checklist it backs."""
        self.out += ["**Completion record**", ""]
        if record.decided_by:
            self.out.append(f"- **Closure decided by:** {self.name_of(record.decided_by)}")
        for key, title in (("decided", "Decided on"), ("decision", "Decision")):
            value = getattr(record, key)
            if value:
                self.out.append(f"- **{title}:** {inline(value)}")
        for key in ("impact", "assets_plan", "assets_plan_approval"):
            value = getattr(record, key)
            if value:
                self.out.append(f"- **{humanize(key)}:** {cell(value)}")
        if record.transfers:
            self.out.append("- **Transferred:**")
            for t in record.transfers:
                parts = [inline(t.what)]
                if t.kind:
                    parts[0] += f" ({t.kind})"
                if t.to:
                    parts.append(f"to {self.name_of(t.to)}")
                if t.amount is not None:
                    parts.append(inline(money(t.amount, t.currency)))
                if t.date:
                    parts.append(f"on {t.date}")
                if t.reference:
                    parts.append(inline(t.reference))
                self.out.append("  - " + ", ".join(parts))
        for key in ("archive", "recognition", "final_document", "closed"):
            value = getattr(record, key)
            if value:
                self.out.append(f"- **{humanize(key)}:** {cell(value)}")
        if record.subscriptions_cancelled is not None:
            self.out.append(f"- **Subscriptions cancelled:** {scalar(record.subscriptions_cancelled)}")
        evidence = completion_evidence(record)
        backed = f"_The record backs {sum(evidence.values())} of {len(evidence)} completion checklist items._"
        self.out += ["", backed, ""]

    def _groups(self, top: AnyPrimitive | None) -> None:
        self.out += ["## 6. DAOs and cells", ""]
        groups = [p for p, _ in self.tree.walk() if p.kind in ("dao", "cell")]
        if not groups:
            self.out += ["_None yet._", ""]
        self._networks()
        for p in groups:
            self._header(p, "###")
            members = (self.name_of(m) if m in self.tree.by_id else m for m in getattr(p, "members", []))
            self.out += [f"Members: {people(members, '_none listed_')}", ""]
            self._state(p, skip_master=p is top)
            tasks = [t for t in self.tree.children[p.id] if isinstance(t, Task)]
            if tasks:
                self.out += ["**Tasks**", ""]
                self.out += [self._task_line(t) for t in tasks]
                self.out.append("")

    def _networks(self) -> None:
        """When the document holds several networks, name them and their top-level cells first."""
        found = [n for n in networks(self.doc.primitives) if n.anchor is not None]
        if len(found) < 2:
            return
        self.out += [f"This document holds {len(found)} networks:", ""]
        for n in found:
            tops = ", ".join(self.name_of(t) for t in n.top_level_cells) or "no top-level cell yet"
            inside = f", inside {self.name_of(n.parent_network)}" if n.parent_network else ""
            self.out.append(f"- **{self.name_of(n.anchor)}**{inside}: {tops}")
        self.out.append("")

    def _task_line(self, t: Task) -> str:
        status = worded(t.state.progress.status or "no status")
        deliverable = f": {cell(t.state.purpose.deliverable)}" if t.state.purpose.deliverable else ""
        return f"- {inline(t.name)} ({status}){deliverable}"

    def _roles(self) -> None:
        self.out += ["## 7. Roles", ""]
        roles = [p for p, _ in self.tree.walk() if isinstance(p, Role)]
        if not roles:
            self.out += ["_No roles yet._", ""]
        for role in roles:
            self._header(role, "###")
            self.out += [f"Held by: {people(self.name_of(h) if h in self.tree.by_id else h for h in role.holders)}", ""]
            purpose = role.state.purpose
            for title, items in (
                ("Responsibilities", purpose.responsibilities),
                ("Authorities", purpose.authorities),
                ("Outcomes", purpose.outcomes),
            ):
                if items:
                    self.out += [f"**{title}**", "", *(f"- {cell(i)}" for i in items), ""]
            if purpose.accountability:
                self.out += [f"**Accountability:** {cell(purpose.accountability)}", ""]
            rest = prune(role.state.model_dump(mode="json"))
            rest.pop("purpose", None)
            progress = rest.get("progress")
            if isinstance(progress, dict):
                progress.pop("status", None)  # shown under the heading
                progress.pop("completion", None)
            for part in ("practice", "progress"):
                if rest.get(part):
                    self.out += [f"**{humanize(part)}**", "", *bullets(rest[part]), ""]
            if has_record(role.state.progress.completion):
                self._completion(role.state.progress.completion)
            tasks = [t for t, _ in self.tree.walk(self.tree.children[role.id]) if isinstance(t, Task)]
            if tasks:
                self.out += ["**Tasks**", ""]
                self.out += [self._task_line(t) for t in tasks]
                self.out.append("")

    def _partners(self) -> None:
        partners = [p for p in self.doc.primitives if p.kind == "partner"]
        if not partners:
            return
        self.out += ["## 8. Partners", ""]
        for p in partners:
            self._header(p, "###")
            if getattr(p, "members", []):
                self.out += [f"Members: {people(getattr(p, 'members', []))}", ""]
            self._state(p, skip_master=False)


def _mechanism(m: DecisionMechanism) -> str:
    """One decision mechanism in a line: ``Budget vote: token vote, quorum 10%, 5 days; for budgets``."""
    facts = [worded(m.protocol)] if m.protocol else []
    for word, value in (("quorum", m.quorum), ("threshold", m.threshold)):
        if value is not None:
            facts.append(f"{word} {value:g}%")
    facts += [text for text in (m.period, m.grace_period and f"grace period {m.grace_period}", m.token) if text]
    facts += [f"via {m.tool}"] if m.tool else []
    text = f"{m.name}: " if m.name else ""
    text += ", ".join(facts) or "no parameters"
    return text + (f"; for {', '.join(m.applies_to)}" if m.applies_to else "")


def to_markdown(doc: Document) -> str:
    return _Handbook(doc).render()


register(Exporter("markdown", "the governance handbook (Markdown with a Mermaid diagram)", ".md", to_markdown))
