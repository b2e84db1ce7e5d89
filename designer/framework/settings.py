"""Rule thresholds: shipped defaults from ``resources/framework/rules.yaml``, per-document overrides.

A document's ``rules.settings`` may override any known threshold with a value of the same type;
anything else is reported by the configuration rules rather than silently used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from designer.framework.resources import framework_data

SettingValue = int | float | str | bool


@dataclass(frozen=True)
class SettingSpec:
    name: str
    default: SettingValue
    description: str


class SettingsDataError(ValueError):
    """The shipped settings file is malformed."""


@cache
def setting_specs() -> Mapping[str, SettingSpec]:
    """Every known threshold, in file order."""
    data = framework_data("rules")
    if not isinstance(data, dict) or not isinstance(data.get("settings"), dict):
        raise SettingsDataError("rules.yaml must be a mapping with a 'settings' mapping")
    specs: dict[str, SettingSpec] = {}
    for name, raw in data["settings"].items():
        if not isinstance(raw, dict) or not isinstance(raw.get("default"), int | float | str | bool):
            raise SettingsDataError(f"setting {name!r} needs a scalar 'default'")
        specs[str(name)] = SettingSpec(str(name), raw["default"], " ".join(str(raw.get("description", "")).split()))
    return MappingProxyType(specs)


def same_type(value: object, default: SettingValue) -> bool:
    """Whether ``value`` may override ``default``: bools stay bools, ints accept whole numbers only."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, int):
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, str)


class Settings:
    """Resolved thresholds for one document: defaults, then the valid overrides."""

    __slots__ = ("_values",)

    def __init__(self, overrides: Mapping[str, SettingValue] | None = None) -> None:
        specs = setting_specs()
        values = {name: spec.default for name, spec in specs.items()}
        for name, value in (overrides or {}).items():
            spec = specs.get(name)
            if spec is not None and same_type(value, spec.default):
                values[name] = value
        self._values = values

    def integer(self, name: str) -> int:
        value = self._values[name]
        assert isinstance(value, int | float) and not isinstance(value, bool)
        return int(value)

    def number(self, name: str) -> float:
        value = self._values[name]
        assert isinstance(value, int | float) and not isinstance(value, bool)
        return float(value)

    def as_dict(self) -> dict[str, SettingValue]:
        return dict(self._values)
