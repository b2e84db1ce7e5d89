"""Base model for every mapping in a state file.

Unknown keys are errors, except ``x-`` extension keys, which are kept aside on load and written
back unchanged on save, so that other tools can annotate a file without losing their data. Empty
values are left out on save so files stay short and diffs stay clean; every field's default is
the empty value, so leaving it out changes nothing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, PrivateAttr, model_serializer, model_validator
from pydantic_core.core_schema import SerializerFunctionWrapHandler, ValidatorFunctionWrapHandler

EXTENSION_PREFIX = "x-"


class StrictModel(BaseModel):
    """Strict types, no unknown keys, ``x-`` keys carried through, frozen once built."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    _ext: dict[str, Any] = PrivateAttr(default_factory=dict)

    _keep_empty: ClassVar[frozenset[str]] = frozenset()
    """Fields written even when empty (the document's top-level sections)."""

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
        result = handler(data)
        if ext:
            object.__setattr__(result, "__pydantic_private__", {**(result.__pydantic_private__ or {}), "_ext": ext})
        return result

    @property
    def extensions(self) -> dict[str, Any]:
        """The ``x-`` keys of this mapping, in file order (read-only view)."""
        return dict(self._ext)

    @model_serializer(mode="wrap")
    def _serialize(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        keep = self._keep_empty
        defaults = _written_defaults(type(self))
        out = {k: v for k, v in data.items() if k in keep or k not in defaults or v != defaults[k]}
        if self._ext:
            out.update(self._ext)
        return out


_DEFAULTS: dict[type[BaseModel], dict[str, Any]] = {}


def _written_defaults(cls: type[BaseModel]) -> dict[str, Any]:
    """Each optional field's default as it would be written; a field at its default is left out."""
    cached = _DEFAULTS.get(cls)
    if cached is None:
        cached = {}
        for name, field in cls.model_fields.items():
            if field.is_required():
                continue
            default = field.get_default(call_default_factory=True)
            key = field.serialization_alias or field.alias or name
            cached[key] = default.model_dump(mode="json") if isinstance(default, BaseModel) else default
        _DEFAULTS[cls] = cached
    return cached
