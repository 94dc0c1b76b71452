"""Vectorized evaluation agrees with a row-by-row reference; missing data never passes;
row order never matters.  Rules and data are random; the schema is the Daxing `project`."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.env import RecordEnv
from checker.engine.records import evaluate_record_rule
from checker.types import typed as t
from tests.helpers import Batch, checked_from
from tests.property.reference import outcome

ZONES = ["临空经济区", "综合保税区", "其他"]
COMPARE = st.sampled_from(["<", "<=", ">", ">=", "==", "!="])


def _atoms(presence: bool) -> st.SearchStrategy[str]:
    numbers = st.integers(0, 40).map(str)
    atoms = [
        st.builds(lambda op, n, u: f"land_area {op} {n} {u}", COMPARE, numbers,
                  st.sampled_from(["km2", "ha", "亩"])),
        st.builds(lambda op, n: f"new_energy_vehicle_share {op} {n} %", COMPARE, numbers),
        st.builds(lambda op, z: f"zone {op} {z}", st.sampled_from(["==", "!="]),
                  st.sampled_from(ZONES)),
        st.builds(lambda neg, zs: f"zone {'not in' if neg else 'in'} {{{', '.join(zs)}}}",
                  st.booleans(), st.lists(st.sampled_from(ZONES), min_size=1, max_size=3,
                                          unique=True)),
        st.builds(lambda b: f"occupies_permanent_basic_farmland == {b}",
                  st.sampled_from(["true", "false"])),
        st.builds(lambda op, n: f"land_area / new_operating_vehicles {op} {n} km2", COMPARE,
                  numbers),
    ]
    if presence:
        atoms.append(st.builds(lambda f, p: f"{f} is {p}",
                               st.sampled_from(["investment", "land_area", "zone"]),
                               st.sampled_from(["present", "missing"])))
    return st.one_of(*atoms)


def _conditions(presence: bool) -> st.SearchStrategy[str]:
    return st.recursive(
        _atoms(presence),
        lambda inner: st.one_of(
            st.builds(lambda a, b: f"({a} and {b})", inner, inner),
            st.builds(lambda a, b: f"({a} or {b})", inner, inner),
            st.builds(lambda a: f"not ({a})", inner),
        ),
        max_leaves=4,
    )


def _rules(presence: bool) -> st.SearchStrategy[str]:
    condition = _conditions(presence)
    return st.builds(
        lambda guard, requires, unless: "rule P-1 {\n  kind binding\n  for each project\n"
        + (f"  where {guard}\n" if guard else "")
        + "".join(f"  require {r}\n" for r in requires)
        + (f'  unless {unless} label "l" because "r"\n' if unless else "") + "}\n",
        st.none() | condition, st.lists(condition, min_size=1, max_size=2),
        st.none() | condition,
    )


def _rows() -> st.SearchStrategy[list[dict[str, Any]]]:
    row = st.fixed_dictionaries({
        "land_area": st.none() | st.sampled_from([0.0, 0.02, 0.1, 0.2, 1.0, 5.0, 20.0]),
        "new_energy_vehicle_share": st.none() | st.integers(0, 100).map(float),
        "zone": st.none() | st.sampled_from(ZONES),
        "occupies_permanent_basic_farmland": st.none() | st.booleans(),
        "new_operating_vehicles": st.none() | st.sampled_from([0.0, 1.0, 4.0]),
        "investment": st.none() | st.just(3.0),
    })
    return st.lists(row, min_size=1, max_size=12).map(
        lambda rows: [{**r, "id": f"P{i}"} for i, r in enumerate(rows)])


def _outcomes(checked: t.CheckedSuite, rows: list[dict[str, Any]]) -> dict[str, str]:
    rule = checked.rules[0]
    batch = Batch(checked.schemas["project"], rows)
    _, outcomes = evaluate_record_rule(rule, batch, RecordEnv(batch.frame), detailed=True)
    return {o.subject: o.outcome for o in outcomes}


def _reference_rows(checked: t.CheckedSuite, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    zone = checked.schemas["project"].fields["zone"].type
    assert isinstance(zone, t.EnumT)
    return [{**r, "zone": None if r["zone"] is None else zone.items.index(r["zone"])}
            for r in rows]


FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(_rules(presence=True), _rows())
def test_vectorized_equals_row_by_row(text: str, rows: list[dict[str, Any]]) -> None:
    checked = checked_from(text)
    vectorized = _outcomes(checked, rows)
    expected = {r["id"]: outcome(checked.rules[0], ref)
                for r, ref in zip(rows, _reference_rows(checked, rows), strict=True)}
    assert vectorized == expected


@FAST
@given(_rules(presence=False), _rows(), st.randoms(use_true_random=False))
def test_deleting_a_value_never_turns_fail_into_pass(text: str, rows: list[dict[str, Any]],
                                                     rnd: random.Random) -> None:
    checked = checked_from(text)
    before = _outcomes(checked, rows)
    target = rnd.randrange(len(rows))
    field = rnd.choice([k for k in rows[target] if k != "id"])
    damaged = [dict(r) for r in rows]
    damaged[target][field] = None
    after = _outcomes(checked, damaged)
    for subject, verdict in before.items():
        if verdict == "fail":
            assert after[subject] != "pass", (subject, field)


@FAST
@given(_rules(presence=True), _rows(), st.randoms(use_true_random=False))
def test_row_order_never_changes_outcomes(text: str, rows: list[dict[str, Any]],
                                          rnd: random.Random) -> None:
    checked = checked_from(text)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert _outcomes(checked, rows) == _outcomes(checked, shuffled)
