"""`frozen`: a frozen (slotted) dataclass whose `==`, `hash` and `repr` are shared functions.

Why: on Python 3.11 `dataclasses` compiles every method of every class from source, one
`exec` each, and the ~80 classes of the rule model and the typed suite that a cached
suite unpickles into are built on every run: their `__eq__`, `__hash__` and `__repr__`
were ~110 M of a one-proposal check's ~1,430 M instructions (start-up, issue 16).  The
three here do exactly what the generated ones do — the same fields, compared and hashed
as the same tuples (so the same answers and the same hash values), shown the same way —
reading each class's field names from getters made once when it is decorated.  A
method the class body defines itself is kept, as `dataclass` keeps it; `__init__`,
the frozen `__setattr__`/`__delattr__`, `fields` and `replace` are `dataclass`'s own.
Imports nothing of ours.
"""

from __future__ import annotations

import dataclasses
from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")
_Getter = Callable[[Any], tuple[Any, ...]]


@overload
def frozen(cls: type[T], /) -> type[T]: ...
@overload
def frozen(*, slots: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[T] | None = None, /, *,
           slots: bool = True) -> type[T] | Callable[[type[T]], type[T]]:
    """`dataclass(frozen=True, slots=slots)`, with the shared `==`, `hash` and `repr`."""
    def wrap(cls: type[T]) -> type[T]:
        own = cls.__dict__
        # as `dataclass` decides: a body's `__eq__` without `__hash__` leaves hash None
        explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
        made = dataclasses.dataclass(cls, frozen=True, slots=slots, eq=False, repr=False)
        fields = dataclasses.fields(made)  # type: ignore[arg-type]
        compared = _getter([f.name for f in fields if f.compare])
        hashed = _getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
        made._frozen_compared = staticmethod(compared)  # type: ignore[attr-defined]
        made._frozen_hashed = staticmethod(hashed)  # type: ignore[attr-defined]
        made._frozen_shown = tuple(f.name for f in fields if f.repr)  # type: ignore[attr-defined]
        if "__eq__" not in own:
            made.__eq__ = _eq  # type: ignore[method-assign]
        if not explicit_hash:
            made.__hash__ = _hash  # type: ignore[method-assign]
        if "__repr__" not in own:
            made.__repr__ = _repr  # type: ignore[method-assign]
        return made
    return wrap if cls is None else wrap(cls)


def _getter(names: list[str]) -> _Getter:
    """The tuple of these attributes (`attrgetter` gives a bare value for one name)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _eq(self: Any, other: Any) -> Any:
    """Equal when of the same class with equal compared fields; else NotImplemented."""
    if other.__class__ is self.__class__:
        compared: _Getter = self._frozen_compared
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._frozen_hashed(self))


_SHOWING: set[tuple[int, int]] = set()


def _repr(self: Any) -> str:
    """`Cls(a=1, b='x')`; `...` for an object already being shown (as `dataclass`)."""
    key = (id(self), get_ident())
    if key in _SHOWING:
        return "..."
    _SHOWING.add(key)
    try:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._frozen_shown)
        return f"{self.__class__.__qualname__}({shown})"
    finally:
        _SHOWING.discard(key)
