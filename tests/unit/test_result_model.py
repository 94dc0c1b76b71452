"""`checker.result.model.Data`: the result's records behave as the pydantic models they are
declared like (start-up, issue 16: a check builds its result without importing pydantic).

Each behaviour is compared with the class's twin, the pydantic model of the same
declaration: building, defaults, copies, `==`, `repr`, pickling, validation and dumps.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from checker import result as r
from checker.pipeline import check_with
from checker.result.model import heavy, light, twin
from checker.types.cached import load_checked

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def result() -> r.Result:
    checked = load_checked(None)[1]
    return check_with(checked, [ROOT / "examples" / "proposals" / "fail-zoning-mismatches.yaml"])


def test_a_default_list_is_fresh_for_each_record() -> None:
    one, two = r.Evidence.model_construct(), r.Evidence.model_construct()
    assert one.clauses == [] and one.clauses is not two.clauses
    assert one == two and hash(r.Detail.model_construct(field="a", value="b")) == \
        hash(r.Detail.model_construct(field="a", value="b"))


def test_records_are_frozen_and_know_their_fields() -> None:
    detail = r.Detail.model_construct(field="town", value="礼贤镇")
    with pytest.raises(AttributeError, match="frozen"):
        detail.value = "x"  # type: ignore[misc]
    with pytest.raises(TypeError, match="no field colour"):
        r.Detail.model_construct(field="town", value="x", colour="red")
    with pytest.raises(TypeError, match="no field colour"):
        detail.model_copy(update={"colour": "red"})
    assert detail.model_copy(update={"value": "x"}) == r.Detail.model_construct(field="town",
                                                                              value="x")
    assert detail != r.Citation.model_construct(section="town", quote="礼贤镇")


def test_building_validates_as_pydantic_does() -> None:
    made = r.Point(year="2024", value=3)  # type: ignore[arg-type]
    assert made == r.Point.model_construct(year=2024, value=3.0) and type(made.value) is float
    with pytest.raises(ValidationError):
        r.Point(year="soon", value=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        r.Detail.model_validate({"field": "town", "value": "x", "colour": "red"})


def test_a_result_reads_back_from_its_json(result: r.Result) -> None:
    again = r.Result.from_json(result.to_json())
    assert isinstance(again, r.Result) and isinstance(again.outcomes[0], r.Outcome)
    assert again.to_json() == result.to_json()
    assert r.Result.model_validate(result.model_dump()) == again


def test_the_record_and_its_twin_agree(result: r.Result) -> None:
    twin_result = heavy(result)
    assert isinstance(twin_result, BaseModel) and type(twin_result) is twin(r.Result)
    assert repr(result) == repr(twin_result)
    assert result.model_dump(mode="json") == twin_result.model_dump(mode="json")
    assert light(twin_result) == result
    assert [name for name, _ in result] == [name for name, _ in twin_result]


def test_records_pickle(result: r.Result) -> None:
    assert pickle.loads(pickle.dumps(result)) == result
