"""Quota arithmetic is exact: the hectare that reaches the cap is inside it, never float drift.

The float engine adds the same values in float64, where 0.1 + 0.2 != 0.3; the
quota decision reads each proposal's own text (`1 ha`, `0.1 ha`, `15 亩`) and
the baseline's decimal, and compares fractions.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from checker.serve import exact
from checker.serve.office import Office
from checker.serve.quotas import decimal_text
from tests.serve.conftest import proposal


def bodies(count: int, land: object) -> list[dict[str, object]]:
    return [proposal(i, land) for i in range(count)]  # type: ignore[arg-type]


def holds(office: Office, approved: list[dict[str, object]], candidate: object) -> bool | None:
    return office.standings(approved, [proposal("new", candidate)])[0].holds  # type: ignore[arg-type]


def test_float_sums_drift_where_fractions_do_not() -> None:
    tenths = [0.001] * 100  # 100 × 0.1 ha in km²
    assert sum(tenths) != 0.1
    assert sum(exact.of_float(x) for x in tenths) == Fraction(1, 10)


@pytest.mark.parametrize(("count", "land"), [
    (10, "1 ha"), (100, "0.1 ha"), (100, "0.1公顷"), (1000, "100 m2"), (10, 0.01),
    (150, "1 亩"), (4, "2.5 ha")])
def test_the_approval_that_reaches_the_cap_exactly_is_approved(office: Office, count: int,
                                                               land: object) -> None:
    approved = bodies(count - 1, land)
    assert holds(office, approved, land) is True
    standing = office.standings([*approved, proposal("last", land)])[0]  # type: ignore[arg-type]
    assert standing.remaining == 0
    assert holds(office, [*approved, proposal("last", land)], land) is False  # type: ignore[arg-type]


def test_one_square_metre_over_the_cap_is_refused(office: Office) -> None:
    assert holds(office, [], "10 ha") is True
    assert holds(office, [], "100001 m2") is False
    assert holds(office, bodies(9, "1 ha"), "1.0001 ha") is False


def test_a_missing_baseline_never_passes() -> None:
    no_data = Office.open(None, [])
    standing = no_data.standings([], [proposal(1)])[0]  # type: ignore[arg-type]
    assert standing.holds is None and standing.cap == 319


def test_a_batch_checked_together_is_decided_exactly(office: Office) -> None:
    batch = bodies(10, "1 ha")
    result, parsed = office.check(json.dumps(batch).encode(), ".json")
    land = next(o for o in result.outcomes if o.rule == "LAND-02")
    assert land.outcome == "pass" and len(parsed) == 10
    over, _ = office.check(json.dumps([*batch, proposal("x", "1 m2")]).encode(), ".json")
    assert next(o for o in over.outcomes if o.rule == "LAND-02").outcome == "fail"
    assert over.summary.exit_code == 1


@pytest.mark.parametrize(("value", "text"), [
    (Fraction(319), "319"), (Fraction(3189, 10), "318.9"), (Fraction(1, 1000), "0.001"),
    (Fraction(-1, 100), "-0.01"), (Fraction(1, 1500), "1/1500"), (Fraction(0), "0")])
def test_decimal_text(value: Fraction, text: str) -> None:
    assert decimal_text(value) == text


def test_field_values_are_read_from_the_text_exactly(office: Office) -> None:
    spec = office.schema.fields["new_construction_land"]
    units = office.checked.units
    assert exact.field_value("1 ha", spec, units) == Fraction(1, 100)
    assert exact.field_value("300 亩", spec, units) == Fraction(1, 5)
    assert exact.field_value(0.1, spec, units) == Fraction(1, 10)
    assert exact.field_value(None, spec, units) is None  # no default: schema.rules says why
    assert exact.field_value("1 kg", spec, units) is None


def test_where_the_float_engine_drifts_the_quota_is_still_exact(tmp_path: Path) -> None:
    """315.4863 km² + 857 × 0.41 ha is 319 km² exactly; float64 makes it 319.00000000000006
    (even with the engine's exact sum: 0.41 ha and 315.4863 have no float64 of their own)."""
    data = tmp_path / "baseline.csv"
    data.write_text("indicator,region,year,value,unit\n"
                    "urban_rural_construction_land,大兴区,2023,315.4863,km²\n", encoding="utf-8")
    office = Office.open(None, [data])
    batch = bodies(857, "0.41 ha")
    text = json.dumps(batch).encode()
    floats = office.evaluate(office.load(text, ".json"), "request.json")
    assert next(o for o in floats.outcomes if o.rule == "LAND-02").outcome == "fail"
    settled, _ = office.check(text, ".json")
    land = next(o for o in settled.outcomes if o.rule == "LAND-02")
    assert land.outcome == "pass" and "decided exactly" in land.message
    assert settled.summary.errors == floats.summary.errors - 1
    assert office.standings(batch[:-1], batch[-1:])[0].holds is True
