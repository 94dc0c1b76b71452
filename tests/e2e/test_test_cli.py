"""`plancheck test`, `explain` and `schema` as a user runs them: output and exit codes.

A small self-contained suite is written to a temporary folder and given to
`python -m checker` in a fresh process.  Its one rule has a guard and a
`require`, so it has 6 coverage items; the passing tests cover 4 of them
(pass side, guard true, guard false, require true): 66.66… %, which fails
`--threshold 66.7` and passes `--threshold 66.6`.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120

SUITE = """\
plan demo {
  title "演示"
  period 2021..2025
  region 大兴区
  source "plan.txt"
}

set 功能区 = {临空经济区, 其他}

record project {
  id: text required
  zone: enum 功能区
  new_energy_vehicle_share: %
}

rule NEV-01 "作业车辆主要采用新能源车型" {
  cite "第八章 二 (一)" line 5: "新增或更换作业车辆主要采用新能源车型"
  kind anticipatory
  for each project
  where zone == 临空经济区
  read 主要采用 = 80% because "主要 = 八成以上"
  require new_energy_vehicle_share >= 主要采用
}
"""

PASSING = """\
test "临空经济区的项目" {
  given project { id: "A1", zone: 临空经济区, new_energy_vehicle_share: 90% }
  expect NEV-01 pass
}

test "其他区域不适用" {
  given project { id: "B1", zone: 其他 }
  expect NEV-01 not_applicable
}
"""

FAILING = """\
test "比例不足" {
  given project { id: "A2", zone: 临空经济区, new_energy_vehicle_share: 60% }
  expect NEV-01 pass
}
"""

PLAN = """\
第八章 蓝绿交织
  二、持续改善大气环境质量
  (一)多角度实施移动源治理

  大力推广新能源车辆,大兴机场、铁路货场等新增或更换作业车辆主要采用新能源车型。严格实施国六b排放标准。
"""


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def plancheck(*args: str | Path, cwd: Path = ROOT) -> Run:
    done = subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=cwd,
                          capture_output=True, timeout=TIMEOUT, check=False)
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def make_suite(folder: Path, *tests: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "suite.rules").write_text(SUITE, encoding="utf-8")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "tests.rules").write_text("\n".join(tests), encoding="utf-8")
    return folder


@pytest.fixture
def passing(tmp_path: Path) -> Path:
    return make_suite(tmp_path / "passing", PASSING)


def test_passing_tests_exit_0_and_are_listed(passing: Path) -> None:
    run = plancheck("test", passing)
    assert run.code == 0, run.err
    assert "  ok   临空经济区的项目 (" in run.out
    assert "  ok   其他区域不适用 (" in run.out
    assert run.out.rstrip().endswith("2 tests: 2 passed, 0 failed")


def test_a_failing_test_exits_1_with_expected_actual_and_evidence(tmp_path: Path) -> None:
    suite = make_suite(tmp_path / "failing", PASSING, FAILING)
    run = plancheck("test", suite)
    assert run.code == 1
    assert "  FAIL 比例不足 (" in run.out
    assert "expected pass" in run.out
    assert "A2: got fail" in run.out
    assert "60% < 80%, short by 20 percentage points, 25 %" in run.out
    assert "observed 60%, threshold 80% (short by 20 percentage points, 25 %)" in run.out
    assert "guard `zone == 临空经济区`: true" in run.out
    assert "require `new_energy_vehicle_share >= 主要采用`: false" in run.out
    assert "3 tests: 2 passed, 1 failed" in run.out


def test_coverage_is_reported_per_rule_and_clause(passing: Path) -> None:
    run = plancheck("test", passing, "--coverage")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert "  NEV-01            4/6   pass ✓  fail ✗" in lines
    assert "    guard `zone == 临空经济区`  true ✓  false ✓" in lines
    assert "    require `new_energy_vehicle_share >= 主要采用`  true ✓  false ✗" in lines
    assert lines[-1] == "coverage: 4 of 6 items (66.6 %)"


@pytest.mark.parametrize(
    ("threshold", "code", "last"),
    [("66.7", 1, "coverage: 4 of 6 items (66.6 %), below the threshold of 66.7 %"),
     ("66.6", 0, "coverage: 4 of 6 items (66.6 %)"),
     ("66.67", 1, "coverage: 4 of 6 items (66.6 %), below the threshold of 66.67 %"),
     ("66.666", 0, "coverage: 4 of 6 items (66.6 %)"),
     ("0", 0, "coverage: 4 of 6 items (66.6 %)")],
)
def test_the_threshold_is_compared_exactly(passing: Path, threshold: str, code: int,
                                           last: str) -> None:
    run = plancheck("test", passing, "--threshold", threshold)
    assert (run.code, run.out.splitlines()[-1]) == (code, last)


@pytest.mark.parametrize("threshold", ["abc", "101", "-1"])
def test_a_bad_threshold_is_a_usage_error(passing: Path, threshold: str) -> None:
    run = plancheck("test", passing, "--threshold", threshold)
    assert run.code == 2
    assert run.err.startswith("error: argument --threshold: ")


def test_k_selects_tests_and_fail_on_empty_fails_when_none_ran(passing: Path) -> None:
    chosen = plancheck("test", passing, "-k", "其他")
    assert chosen.code == 0
    assert "其他区域不适用" in chosen.out and "临空经济区的项目" not in chosen.out
    none = plancheck("test", passing, "-k", "不存在")
    assert none.code == 0 and "0 tests: 0 passed, 0 failed" in none.out
    empty = plancheck("test", passing, "-k", "不存在", "--fail-on-empty")
    assert empty.code == 1
    assert "no test ran (--fail-on-empty)" in empty.out


def test_k_given_twice_selects_either(passing: Path) -> None:
    """friction8: `-k A -k B` ran B's tests alone, silently."""
    both = plancheck("test", passing, "-k", "其他", "-k", "临空经济区的项目")
    assert both.code == 0
    assert "其他区域不适用" in both.out and "临空经济区的项目" in both.out
    assert "matching `其他`, `临空经济区的项目`" in both.out


def test_givens_that_do_not_fit_the_schema_exit_2_with_a_diagnostic(tmp_path: Path) -> None:
    bad = 'test "坏数据" {\n  given project { id: "X", zone: 临空经济 }\n  expect NEV-01 pass\n}\n'
    suite = make_suite(tmp_path / "bad", bad)
    run = plancheck("test", suite)
    assert run.code == 2
    assert "error[T244]: `临空经济` is not a value of `功能区`" in run.err
    assert "tests.rules:2:34" in run.err
    assert "= help: did you mean `临空经济区`?" in run.err
    assert "Traceback" not in run.err


def test_rules_that_do_not_typecheck_exit_2(tmp_path: Path) -> None:
    suite = make_suite(tmp_path / "broken", 'test "t" {\n  expect NOPE-01 pass\n}\n')
    run = plancheck("test", suite)
    assert run.code == 2
    assert "error[T240]: test `t` expects unknown rule `NOPE-01`" in run.err


def test_several_suites_are_tested_each_on_its_own(tmp_path: Path) -> None:
    good = make_suite(tmp_path / "good", PASSING)
    bad = make_suite(tmp_path / "bad", FAILING)
    run = plancheck("test", good, bad)
    assert run.code == 1
    assert run.out.count("suite ") == 2


def test_the_bundled_suite_is_the_default() -> None:
    run = plancheck("test")
    assert run.code in (0, 1), run.err
    assert run.out.startswith("suite bundled daxing-14th: ")


# ------------------------------------------------------------------ explain and schema


def test_explain_shows_the_rule_and_the_plan_sentence(passing: Path) -> None:
    run = plancheck("explain", "NEV-01", "--rules", passing, "--color", "never")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "NEV-01  作业车辆主要采用新能源车型"
    assert "  require new_energy_vehicle_share >= 主要采用" in lines
    assert "  主要采用 = 80%  because 主要 = 八成以上" in lines
    assert "    第八章 蓝绿交织" in lines
    assert "      二、持续改善大气环境质量" in lines
    assert "        (一)多角度实施移动源治理" in lines
    cited = ("    5 | 大力推广新能源车辆,大兴机场、铁路货场等"
             "»新增或更换作业车辆主要采用新能源车型«。…")
    assert cited in lines


def test_explain_of_an_unknown_rule_exits_2_with_did_you_mean(passing: Path) -> None:
    run = plancheck("explain", "NEV-1", "--rules", passing)
    assert run.code == 2
    assert run.err.splitlines()[:2] == ["error[T248]: unknown rule `NEV-1`",
                                        "  = help: did you mean `NEV-01`?"]


def test_schema_prints_the_record_as_a_table(passing: Path) -> None:
    run = plancheck("schema", "project", "--rules", passing)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "record project"
    assert lines[1].split() == ["field", "type", "unit", "range", "required", "default",
                                "label"]
    assert lines[2].split() == ["id", "text", "yes"]
    assert lines[4].split() == ["new_energy_vehicle_share", "quantity", "(share)", "%"]
    assert "zone: 临空经济区, 其他" in lines


def test_schema_prints_json_schema(passing: Path) -> None:
    import json

    run = plancheck("schema", "project", "--rules", passing, "--json-schema")
    assert run.code == 0, run.err
    document = json.loads(run.out)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(document["properties"]) == {"id", "zone", "new_energy_vehicle_share"}
    assert document["required"] == ["id"]


def test_schema_of_an_unknown_record_exits_2(passing: Path) -> None:
    run = plancheck("schema", "projekt", "--rules", passing)
    assert run.code == 2
    assert "error[T249]: unknown record `projekt`" in run.err
    assert "= help: did you mean `project`?" in run.err


def test_schema_shows_each_fields_range_and_no_count_for_a_ratio() -> None:
    """friction11: `pollutant_offset_ratio: one range >= 0` showed `count` as its unit (a
    count holds whole numbers only, D328; `one` does not) and no field showed its range,
    which D327 checks; long labels were cut at 120 columns."""
    from checker.cli.commands.schema import table
    from tests.helpers import checked_from

    checked = checked_from(
        "record proposal {\n  id: text required\n"
        "  ratio: one range >= 0 label \"置换比例（削减量/新增量）\"\n"
        "  rooms: count range >= 0\n  share: % range 0%..100%\n  opens: year range 2021..2035\n"
        "  land: km2\n}\n")
    rows = {line.split()[0]: line.split() for line in table(checked.schemas["proposal"])
            .splitlines()[2:] if line.strip()}
    assert rows["ratio"] == ["ratio", "number", ">=", "0", "置换比例（削减量/新增量）"]
    assert rows["rooms"] == ["rooms", "number", "count", ">=", "0"]
    assert rows["share"] == ["share", "quantity", "(share)", "%", "0%..100%"]
    assert rows["opens"] == ["opens", "year", "2021..2035"]
    assert rows["land"] == ["land", "quantity", "(area)", "km²"]
