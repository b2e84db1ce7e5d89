"""The guides' decision boundaries as data: which layer each type of decision belongs to.

Loaded from ``resources/framework/decisions.yaml``. The Guide panel offers these types when a
design records who decides what (``design.decision_layers``), and rule DP510 warns when community
governance takes a decision the guides give to operations or to the cells.
"""

from __future__ import annotations

from functools import cache
from typing import get_args

from designer.framework.resources import framework_data
from designer.model.design import DecisionLayer


@cache
def decision_types() -> dict[str, DecisionLayer]:
    """Each decision type the guides name, with the layer they give it to, in file order."""
    raw = framework_data("decisions")
    layers = get_args(DecisionLayer)
    out: dict[str, DecisionLayer] = {}
    for layer, items in raw.items():
        if layer not in layers:
            raise ValueError(f"decisions.yaml: unknown layer {layer!r}; expected one of {layers}")
        for item in items:
            out[str(item)] = layer
    return out
