"""engine.partial: exact sums, and partials that merge to the whole-input value."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.engine.partial import Aggregate, ExactSum

FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(st.lists(FLOATS, max_size=60), st.integers(0, 60))
def test_an_exact_sum_is_the_correctly_rounded_sum_wherever_it_splits(values: list[float],
                                                                     cut: int) -> None:
    exact = sum((Fraction(v) for v in values), Fraction(0))
    expected = float(exact) if abs(exact) < Fraction(2) ** 1023 else None
    array = np.array(values, dtype=np.float64)
    whole = ExactSum.of(array)
    split = ExactSum.of(array[:cut]) + ExactSum.of(array[cut:])
    assert whole == split or whole.fraction() == split.fraction()
    if expected is not None:
        assert whole.value() == expected


@pytest.mark.parametrize(("values", "expected"), [
    ([0.1, 0.2, 0.3], 0.6),  # a left-to-right float sum gives 0.6000000000000001
    ([1e16, 1.0, -1e16], 1.0),  # a left-to-right float sum gives 0.0
    ([], 0.0),
])
def test_exact_sums_of_known_values(values: list[float], expected: float) -> None:
    assert ExactSum.of(np.array(values)).value() == expected


@pytest.mark.parametrize(("values", "shown"), [
    ([1.0, np.nan], "nan"), ([np.inf, 1.0], "inf"), ([-np.inf, 1.0], "-inf"),
    ([np.inf, -np.inf], "nan"),
])
def test_non_finite_values_sum_as_numpy_sums_them(values: list[float], shown: str) -> None:
    with np.errstate(invalid="ignore"):
        numpy = np.sum(values)
    assert str(ExactSum.of(np.array(values)).value()) == shown == str(numpy)


def test_a_sum_beyond_float64_is_infinite() -> None:
    assert ExactSum.of(np.array([1.7e308, 1.7e308])).value() == float("inf")


def test_aggregates_merge_to_the_whole_minimum_maximum_and_mean() -> None:
    left = Aggregate("mean", size=2, total=ExactSum.of(np.array([1.0, 2.0])), low=1.0, high=2.0)
    right = Aggregate("mean", size=1, total=ExactSum.of(np.array([6.0])), low=6.0, high=6.0)
    merged = left + right
    assert (merged.size, merged.low, merged.high) == (3, 1.0, 6.0)
    assert float(merged.vec(False).values[0]) == 3.0
    assert merged.vec(True).known is not None  # an unsure selection makes it unknown
