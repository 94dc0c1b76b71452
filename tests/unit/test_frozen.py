"""`checker.frozen.frozen` behaves as `dataclass(frozen=True, slots=True)` does: the same
`==`, the same hash values (set and dict order stay as they were), the same `repr`,
explicit methods kept, frozen, picklable, `replace` and `match` as before (issue 16).

Each case declares one class twice, with `frozen` and with `dataclass`, and compares.
"""

from __future__ import annotations

import dataclasses
import math
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.frozen import frozen
from checker.syntax.model import expressions as ex
from checker.types import typed


def _pair(body: dict[str, Any], annotations: dict[str, str]) -> tuple[type, type]:
    """The class of `body` made by `frozen` and by `dataclass(frozen=True, slots=True)`."""
    def make() -> type:
        return type("Node", (), {"__annotations__": dict(annotations),
                                 "__qualname__": "Outer.Node", **body})
    return frozen(make()), dataclass(frozen=True, slots=True)(make())


FIELDS = {"a": "int", "b": "object", "span": "object"}
BODY = {"span": field(default=None, compare=False, repr=False)}
values = st.one_of(st.integers(), st.text(max_size=3), st.none(), st.just(math.nan),
                   st.tuples(st.integers(), st.text(max_size=2)))


@given(a=values, b=values, a2=values, b2=values, span=values)
def test_eq_hash_and_repr_are_dataclass_s(a: Any, b: Any, a2: Any, b2: Any, span: Any) -> None:
    mine, theirs = _pair(BODY, FIELDS)
    x, y = mine(a=a, b=b, span=span), mine(a=a2, b=b2)
    tx, ty = theirs(a=a, b=b, span=span), theirs(a=a2, b=b2)
    assert (x == y) == (tx == ty) and (x == x) == (tx == tx)  # NaN: identity, as in a tuple
    assert (x != y) == (tx != ty)
    assert hash(x) == hash(tx) and hash(y) == hash(ty)
    assert repr(x) == repr(tx)
    assert x.__eq__(tx) is NotImplemented and (x == (a, b)) is False


@pytest.mark.parametrize("annotations", [{}, {"a": "int"}, {"a": "int", "b": "int"}])
def test_zero_one_and_more_fields(annotations: dict[str, str]) -> None:
    mine, theirs = _pair({}, annotations)
    kwargs = {name: 1 for name in annotations}
    assert hash(mine(**kwargs)) == hash(theirs(**kwargs))
    assert repr(mine(**kwargs)) == repr(theirs(**kwargs))
    assert mine(**kwargs) == mine(**kwargs)


def test_field_options_and_explicit_methods() -> None:
    body = {"b": field(default=0, hash=False), "__repr__": lambda self: "mine"}
    mine, theirs = _pair(body, {"a": "int", "b": "int"})
    assert hash(mine(a=1, b=2)) == hash(theirs(a=1, b=2)) == hash(mine(a=1, b=3))
    assert mine(a=1, b=2) != mine(a=1, b=3) and repr(mine(a=1)) == "mine"
    hashed = {"__eq__": lambda self, other: True}  # a body's __eq__: dataclass adds hash
    mine, theirs = _pair(hashed, {"a": "int"})
    assert mine(a=1) == mine(a=2) and hash(mine(a=1)) == hash(theirs(a=1))
    own = {"__hash__": lambda self: 7}
    mine, _ = _pair(own, {"a": "int"})
    assert hash(mine(a=1)) == 7


@frozen
class Pickled:
    a: int
    b: object
    span: object = field(default=None, compare=False, repr=False)


def test_frozen_slots_pickle_replace_and_match() -> None:
    mine = Pickled
    x = mine(a=1, b="x", span=(1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        x.a = 2  # type: ignore[misc]
    assert not hasattr(x, "__dict__") and mine.__match_args__ == ("a", "b", "span")
    assert pickle.loads(pickle.dumps(x)) == x and pickle.loads(pickle.dumps(x)).span == (1, 2)
    assert dataclasses.replace(x, a=2) == mine(a=2, b="x")
    match x:
        case mine(1, "x"):  # type: ignore[misc]
            pass
        case _:
            pytest.fail("no match")


def test_the_rule_model_and_typed_suite_are_frozen_nodes() -> None:
    """The classes a cached suite unpickles into are built by `frozen` (what start-up
    counts on), and a node's span is left out of `==` as before."""
    for module in (ex, typed):
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) \
                    and value.__module__ == module.__name__:
                assert hasattr(value, "_frozen_compared"), value
