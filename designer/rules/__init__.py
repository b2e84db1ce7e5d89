"""The framework's rules: a registry of small checks, a full and an incremental engine, reporters.

Typical use::

    from designer.rules import Engine
    engine = Engine()
    findings = engine.run(doc)                 # everything
    findings = engine.update(new_doc, {"ops"}) # after an edit to 'ops'
    meter_in(doc, "ops", engine.context)       # how much of what its phase asks 'ops' holds
"""

from designer.rules.completeness import Meter, meter_in
from designer.rules.engine import Engine, validate
from designer.rules.finding import SEVERITIES, Finding, Severity
from designer.rules.registry import Rule, SelectionError, all_rules

__all__ = [
    "SEVERITIES", "Engine", "Finding", "Meter", "Rule", "SelectionError", "Severity", "all_rules", "meter_in",
    "validate",
]
