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

from pydantic import BaseModel, ConfigDict

from designer.model import extensions as _ext

_EXTENSIONS: weakref.WeakKeyDictionary[StrictModel, dict[str, Any]] = weakref.WeakKeyDictionary()
"""The ``x-`` keys of live models, by model (kept outside the models so that building and
comparing models stays cheap). Writing takes a slower path only while there are any."""

M = TypeVar("M", bound=BaseModel)
SM = TypeVar("SM", bound="StrictModel")


def empty_list() -> list[Any]:
    """``default_factory=list``, as a plain function: pydantic inspects the signature of every
    default factory when it builds a model, and a builtin's costs about 0.1 ms (6 ms of start-up)."""
    return []


def empty_dict() -> dict[Any, Any]:
    """``default_factory=dict``, as a plain function (see :func:`empty_list`)."""
    return {}


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

    @classmethod
    def model_validate(  # type: ignore[override]
        cls: type[SM],
        obj: Any,
        *,
        strict: bool | None = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
        extensions: bool = True,
    ) -> SM:
        """Validate ``obj``; its ``x-`` keys are set aside and attached to the models they sit in.

        Pass ``extensions=False`` when the data is known to hold none (no ``x-`` in the file's
        text): validation then runs without any Python pass over the data.
        """
        records: list[tuple[_ext.Path, dict[str, Any]]] = []
        if extensions and isinstance(obj, dict):
            obj = _ext.strip(cls, obj, (), records, is_model)
        result = super().model_validate(
            obj, strict=strict, from_attributes=from_attributes, context=context, by_alias=by_alias, by_name=by_name
        )
        for path, ext in records:
            _EXTENSIONS[_ext.find(result, path)] = ext
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


def is_model(tp: Any) -> bool:
    """Whether ``tp`` is a state-file model class (its mappings may carry ``x-`` keys)."""
    return isinstance(tp, type) and issubclass(tp, StrictModel)


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
