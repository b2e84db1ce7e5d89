"""A completion record read against the completion phase's checklist.

Each completion item in ``resources/framework/phases.yaml`` names, as ``evidence``, the fields
of ``state.progress.completion`` any of which shows it done (``transfers:signers`` means a
transfer of kind ``signers`` is on record). So a rule or the Phase panel can say which items a
group's record backs and which are ticked on trust or still open, without the mapping living in
code.
"""

from __future__ import annotations

from designer.framework.phases import ChecklistItem, phase_info
from designer.model.completion import Completion


def evidenced(record: Completion, item: ChecklistItem) -> bool:
    """Whether ``record`` holds any of ``item``'s evidence; an item without evidence is never
    evidenced."""
    kinds = {t.kind for t in record.transfers}
    for clue in item.evidence:
        field, _, kind = clue.partition(":")
        if field == "transfers" and kind:
            if kind in kinds:
                return True
            continue
        value = getattr(record, field, None)
        if value not in (None, "", [], False):
            return True
    return False


def completion_evidence(record: Completion) -> dict[str, bool]:
    """For every completion-phase item that has evidence fields: whether the record backs it."""
    return {item.id: evidenced(record, item) for item in phase_info("completion").items if item.evidence}


def missing_closing_evidence(record: Completion) -> list[ChecklistItem]:
    """The closing items (those required before a group closes) the record does not back yet."""
    return [
        item
        for item in phase_info("completion").items
        if item.closing and item.evidence and not evidenced(record, item)
    ]
