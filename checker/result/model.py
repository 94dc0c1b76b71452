"""Frozen records declared like pydantic models, with pydantic imported only when needed.

Why: importing pydantic's `BaseModel` costs about as much as the rest of a one-proposal
check's imports together (~450 M instructions of ~1,800 M: start-up, issue 16), and a
check only builds, copies and reads its result.  A `Data` class is declared as a
pydantic model is (annotations, defaults, `Field(description=…, exclude=…)`); building
without validation (`model_construct`), `model_copy`, `==`, hashing and `repr` are plain
Python here, the same as pydantic's.  Everything else — validating (`Cls(**data)`,
`model_validate`, `model_validate_json`), pydantic's dumps and the JSON Schema — goes
through the class's twin, a pydantic model built from the same declaration on first use
(`twin`): one definition of each idea.  Every `Data` class is frozen and forbids extra
fields.  Imports nothing of ours.
"""

from __future__ import annotations

import copy
import inspect
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, dataclass_transform

if TYPE_CHECKING:
    from pydantic import BaseModel

REQUIRED: Any = type("Required", (), {"__repr__": lambda self: "REQUIRED"})()
_MUTABLE = (list, dict, set)


class FieldInfo:
    """One declared field: its annotation as written, its default (or `REQUIRED`), its
    description, and whether dumps leave it out (`exclude`)."""

    __slots__ = ("annotation", "default", "description", "exclude")

    def __init__(self, annotation: object, default: object = REQUIRED,
                 description: str | None = None, exclude: bool = False) -> None:
        self.annotation = annotation
        self.default = default
        self.description = description
        self.exclude = exclude


def Field(default: Any = REQUIRED, *, description: str | None = None,
          exclude: bool = False) -> Any:
    """A field's default and metadata, as `pydantic.Field` takes them."""
    return FieldInfo(None, default, description, exclude)


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
class Data:
    """Base of the records: fields from the class's annotations (base classes' first)."""

    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    _defaults: ClassVar[tuple[tuple[str, object, bool], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = dict(cls.model_fields)
        for name, annotation in inspect.get_annotations(cls).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            declared = cls.__dict__.get(name, REQUIRED)
            if isinstance(declared, FieldInfo):
                fields[name] = FieldInfo(annotation, declared.default, declared.description,
                                         declared.exclude)
            else:
                fields[name] = FieldInfo(annotation, declared)
            if name in cls.__dict__:  # as in pydantic: a default is not a class attribute
                delattr(cls, name)
        cls.model_fields = fields
        cls._defaults = tuple((name, info.default, isinstance(info.default, _MUTABLE))
                              for name, info in fields.items())

    @classmethod
    def model_construct(cls, _fields_set: object = None, **values: Any) -> Self:
        """An instance of values known to be right (the engine made them), unvalidated; a
        field left out takes its default (a fresh copy of a list or dict)."""
        unknown = values.keys() - cls.model_fields.keys()
        if unknown:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
        made = object.__new__(cls)
        state = made.__dict__
        for name, default, mutable in cls._defaults:
            if name in values:
                state[name] = values[name]
            elif default is not REQUIRED:
                state[name] = copy.deepcopy(default) if mutable else default
        return made

    def __init__(self, **data: Any) -> None:
        """Validated as pydantic validates (its errors, its coercions)."""
        checked = type(self).model_validate(data)
        object.__setattr__(self, "__dict__", checked.__dict__)

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Self:
        """A copy with `update`'s fields replaced, unvalidated (as pydantic's)."""
        made = copy.deepcopy(self) if deep else copy.copy(self)
        if update:
            unknown = update.keys() - self.model_fields.keys()
            if unknown:
                raise TypeError(f"{type(self).__name__} has no field "
                                f"{', '.join(sorted(unknown))}")
            made.__dict__.update(update)
        return made

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        if isinstance(obj, cls):
            return obj
        made = light(twin(cls).model_validate(heavy(obj)))
        assert isinstance(made, cls)
        return made

    @classmethod
    def model_validate_json(cls, text: str | bytes) -> Self:
        made = light(twin(cls).model_validate_json(text))
        assert isinstance(made, cls)
        return made

    @classmethod
    def model_json_schema(cls, **options: Any) -> dict[str, Any]:
        return twin(cls).model_json_schema(**options)

    def model_dump(self, **options: Any) -> dict[str, Any]:
        return heavy(self).model_dump(**options)  # type: ignore[no-any-return]

    def model_dump_json(self, **options: Any) -> str:
        return heavy(self).model_dump_json(**options)  # type: ignore[no-any-return]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Data):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        yield from self.__dict__.items()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


_TWINS: dict[type[Data], type[BaseModel]] = {}
_LIGHT: dict[type[BaseModel], type[Data]] = {}


def twin(cls: type[Data]) -> type[BaseModel]:
    """The pydantic model of `cls`'s declaration (same name, docstring, fields, defaults and
    descriptions; frozen, no extra fields), built once, with its fields' `Data` classes
    read as their twins."""
    made = _TWINS.get(cls)
    if made is not None:
        return made
    from pydantic import ConfigDict, create_model
    from pydantic import Field as PydanticField
    names = _Names(vars(sys.modules[cls.__module__]))
    fields: dict[str, Any] = {}
    for name, info in cls.model_fields.items():
        options: dict[str, Any] = {"description": info.description, "exclude": info.exclude}
        if info.default is not REQUIRED:
            options["default"] = info.default
        annotation = info.annotation
        if isinstance(annotation, str):
            annotation = eval(annotation, {}, names)
        fields[name] = (annotation, PydanticField(**options))
    made = create_model(cls.__name__, __config__=ConfigDict(frozen=True, extra="forbid"),
                        __doc__=cls.__doc__, __module__=cls.__module__, **fields)
    _TWINS[cls], _LIGHT[made] = made, cls
    return made


class _Names(Mapping[str, Any]):
    """A module's names as a twin's annotations read them: `Data` classes as their twins."""

    def __init__(self, module: dict[str, Any]) -> None:
        self.module = module

    def __getitem__(self, name: str) -> Any:
        if name == "SkipJsonSchema":
            from pydantic.json_schema import SkipJsonSchema
            return SkipJsonSchema
        value = self.module[name]
        if isinstance(value, type) and issubclass(value, Data) and value is not Data:
            return twin(value)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.module)

    def __len__(self) -> int:
        return len(self.module)


def heavy(value: Any) -> Any:
    """`value` with each `Data` in it as its twin (built without validation)."""
    if isinstance(value, Data):
        return twin(type(value)).model_construct(
            **{name: heavy(item) for name, item in value.__dict__.items()})
    if isinstance(value, list | tuple):
        return type(value)(heavy(item) for item in value)
    if isinstance(value, dict):
        return {key: heavy(item) for key, item in value.items()}
    return value


def light(value: Any) -> Any:
    """`value` with each twin in it as its `Data` class again."""
    cls = _LIGHT.get(type(value))
    if cls is not None:
        return cls.model_construct(**{name: light(getattr(value, name))
                                      for name in cls.model_fields})
    if isinstance(value, list | tuple):
        return type(value)(light(item) for item in value)
    if isinstance(value, dict):
        return {key: light(item) for key, item in value.items()}
    return value
