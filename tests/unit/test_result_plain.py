"""`checker.result.plain` writes what pydantic's `model_dump(mode="json")` writes.

The JSON report dumps the result through `plain` so that a one-proposal check does not
build pydantic's serializer (start-up, issue 16); these tests hold it to pydantic's own
dump, type for type (3.0, not 3), on every bundled example and on the corner values.
"""

from __future__ import annotations

import math
import types
import typing
from pathlib import Path

import numpy as np
import orjson
import pytest
from pydantic import BaseModel

from checker import result as r
from checker.pipeline import check_with
from checker.result.model import twin
from checker.types.cached import load_checked

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "proposals").glob("*.yaml"))
DATA = sorted((ROOT / "examples" / "data").glob("*.csv"))
MODELS = [value for value in vars(r).values()
          if isinstance(value, type) and issubclass(value, r.Data) and value is not r.Data]


def _typed(value: object) -> object:
    """`value` with each number tagged by its type, so 3 and 3.0 differ."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _same(model: r.Data) -> None:
    mine, theirs = r.plain(model), model.model_dump(mode="json")
    assert _typed(mine) == _typed(theirs)
    assert orjson.dumps(mine, option=orjson.OPT_SORT_KEYS) == \
        orjson.dumps(theirs, option=orjson.OPT_SORT_KEYS)


@pytest.fixture(scope="module")
def checked() -> object:
    return load_checked(None)[1]


def _runs() -> list[list[Path]]:
    return [[path] for path in EXAMPLES if path.name != "malformed-value.yaml"] + \
        [[ROOT / "examples" / "proposals" / "batch.csv"], *([path] for path in DATA)]


@pytest.mark.parametrize("files", _runs(), ids=lambda files: files[0].name)
def test_the_bundled_examples_dump_as_pydantic_dumps_them(checked: object, files: list[Path]
                                                          ) -> None:
    result = check_with(checked, files)  # type: ignore[arg-type]
    _same(result)
    assert result.to_json() == orjson.dumps(
        result.model_dump(mode="json"),
        option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"


def test_corner_values_dump_as_pydantic_dumps_them() -> None:
    _same(r.Amount.model_construct(value=3, unit="km²", text="3 km²"))
    _same(r.Amount.model_construct(value=np.float64(2.5), unit="%", text="2.5%"))
    _same(r.Amount.model_construct(value=math.inf, unit="", text="∞"))
    _same(r.Amount.model_construct(value=math.nan, unit="", text="?"))
    _same(r.Amount.model_construct(value=None, unit="", text=""))
    _same(r.Margin.model_construct(absolute=1, relative=None, text="1"))
    _same(r.SuiteInfo.model_construct(plan="p", title=None, period=(2021, 2025), rules=1,
                                      files=["a.rules"], language="zh"))
    clause = r.Clause.model_construct(role="require", text="x > 1", value=None, index=3,
                                      year=2024)
    _same(r.Evidence.model_construct(clauses=[clause], observed=None, threshold=None,
                                     margin=None, values={"x": "1"}, years=[2023],
                                     missing=[]))
    assert "index" not in r.plain(clause) and "year" not in r.plain(clause)


def test_every_field_is_of_a_shape_plain_dumps() -> None:
    """A field declared with another numeric type than `float` would need `plain` to
    convert it as pydantic does, and one written otherwise than `float` or `float | None`
    would be missed by `plain` (which reads the annotation as written): this fails first,
    naming it.  The annotations are read as pydantic reads them, from the twins."""
    def floats_inside(annotation: object) -> bool:
        return annotation is float or any(floats_inside(a) for a in typing.get_args(annotation))

    odd = [f"{model.__name__}.{name}: {info.annotation}" for model in MODELS
           for name, info in twin(model).model_fields.items()
           if (floats_inside(info.annotation) and info.annotation not in (float, float | None))
           or (info.annotation in (float, float | None))
           != (model.model_fields[name].annotation in ("float", "float | None"))
           or any(isinstance(a, type) and a not in (str, int, float, bool, type(None))
                  and not issubclass(a, BaseModel)
                  for a in _leaves(info.annotation))]
    assert odd == []


def _leaves(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return [type(a) for a in args]
    if not args:
        return [annotation]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (
            typing.Union, list, tuple, dict, typing.Annotated):
        if typing.get_origin(annotation) is typing.Annotated:
            args = args[:1]
        return [leaf for a in args if a is not Ellipsis for leaf in _leaves(a)]
    return [annotation]
