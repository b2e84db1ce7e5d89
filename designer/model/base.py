"""Base model for every mapping in a state file.

Unknown keys are errors, except ``x-`` extension keys, which are kept aside on load and written
back unchanged on save, so that other tools can annotate a file without losing their data. Values
equal to their field's default are left out on save so files stay short and diffs stay clean;
leaving them out changes nothing on the next load.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core.core_schema import ValidatorFunctionWrapHandler

EXTENSION_PREFIX = "x-"

_EXTENSIONS: weakref.WeakKeyDictionary[StrictModel, dict[str, Any]] = weakref.WeakKeyDictionary()
"""The ``x-`` keys of live models, by model (kept outside the models so that building and
comparing models stays cheap). Writing takes a slower path only while there are any."""

M = TypeVar("M", bound=BaseModel)


def shared(cls: type[M]) -> Callable[[], M]:
    """A default factory returning one shared empty instance: models are frozen, so sharing is
    safe, and a 10k-primitive document does not build 100k empty sections."""
    instance: list[M] = []

    def factory() -> M:
        if not instance:
            instance.append(cls())
        return instance[0]

    return factory


class StrictModel(BaseModel):
    """Strict types, no unknown keys, ``x-`` keys carried through, frozen once built."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    __hash__ = object.__hash__

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Hash by identity (pydantic would hash frozen models by value, which fails on lists):
        models compare by value but are looked up, in the extension table, by identity."""
        super().__pydantic_init_subclass__(**kwargs)
        cls.__hash__ = object.__hash__  # type: ignore[method-assign, assignment]

    def __eq__(self, other: object) -> bool:
        return self is other or super().__eq__(other)

    @model_validator(mode="wrap")
    @classmethod
    def _split_extensions(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        ext: dict[str, Any] | None = None
        if isinstance(data, dict):
            for key in data:
                if isinstance(key, str) and key.startswith(EXTENSION_PREFIX):
                    ext = {k: v for k, v in data.items() if isinstance(k, str) and k.startswith(EXTENSION_PREFIX)}
                    data = {k: v for k, v in data.items() if k not in ext}
                    break
        if ext:
            _check_plain(ext)
        result = handler(data)
        if ext:
            _EXTENSIONS[result] = ext
        return result

    @property
    def extensions(self) -> dict[str, Any]:
        """The ``x-`` keys of this mapping, in file order (a copy)."""
        return dict(_EXTENSIONS.get(self, {}))

    def with_extensions(self, extensions: dict[str, Any]) -> StrictModel:
        """A copy carrying ``extensions`` (used when rebuilding a document from its parts)."""
        copy = self.model_copy()
        if extensions:
            _EXTENSIONS[copy] = dict(extensions)
        return copy

    def to_data(self) -> dict[str, Any]:
        """Plain data as written to a file: defaults left out, ``x-`` keys last in each mapping."""
        data: dict[str, Any] = self.model_dump(mode="json", exclude_defaults=True)
        if len(_EXTENSIONS):
            _inject_extensions(self, data)
        return data


def _check_plain(value: Any) -> None:
    """Extension values must be plain data a state file can hold: text keys, no odd types."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"extension data must use text keys, not {key!r}")
            _check_plain(item)
    elif isinstance(value, list):
        for item in value:
            _check_plain(item)
    elif not isinstance(value, (str, int, float, bool, type(None))):
        raise ValueError(f"extension data cannot hold a {type(value).__name__}")


def _inject_extensions(model: BaseModel, data: dict[str, Any]) -> None:
    """Put each model's ``x-`` keys back into its mapping, creating mappings left out as empty."""
    ext = _EXTENSIONS.get(model) if isinstance(model, StrictModel) else None
    if ext:
        data.update(ext)
    for name, field in type(model).model_fields.items():
        key = field.serialization_alias or field.alias or name
        value = getattr(model, name)
        if isinstance(value, BaseModel) and key not in data:
            sub: dict[str, Any] = {}
            _inject_extensions(value, sub)
            if sub:
                data[key] = sub
            continue
        if key not in data:
            continue
        out = data[key]
        if isinstance(value, BaseModel) and isinstance(out, dict):
            _inject_extensions(value, out)
        elif isinstance(value, list) and isinstance(out, list):
            for item, item_out in zip(value, out, strict=False):
                if isinstance(item, BaseModel) and isinstance(item_out, dict):
                    _inject_extensions(item, item_out)
        elif isinstance(value, dict) and isinstance(out, dict):
            for k, item in value.items():
                if isinstance(item, BaseModel) and isinstance(out.get(k), dict):
                    _inject_extensions(item, out[k])
