"""Findings' messages in Chinese under `--lang zh` (issue 14 item 4): every shape the
engine words is reworded, values and the rule's own text kept; unknown shapes as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import checker
from checker.result import Outcome, Result
from reports import messages, render

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "reports" / "result.json"


def outcome(message: str, kind: str = "fail", trajectory: str | None = None) -> Outcome:
    return Outcome.model_validate({"rule": "R", "subject": "s", "subject_kind": "series",
                                   "outcome": kind, "severity": "error", "message": message,
                                   "trajectory": trajectory})


@pytest.mark.parametrize(("english", "chinese"), [
    ("2022: 92% < 100%, short by 8 percentage points, 8 %",
     "2022年：92% < 100%，差 8 个百分点（相对 8 %）"),
    ("320.3 km² > 319 km², over by 1.3 km², 0.408 %",
     "320.3 km² > 319 km²，超出 1.3 km²（相对 0.408 %）"),
    ("2022: 850 m² > 0 m², over by 850 m²", "2022年：850 m² > 0 m²，超出 850 m²"),
    ("due 2025; 38 min in 2023: on track", "2025年到期；2023年为 38 min：符合进度"),
    ("due 2023; 2022: lagging", "2023年到期；2022年：滞后"),
    ("due 2025; 11 days in 2019: no baseline (no data between 2021 and 2024)",
     "2025年到期；2019年为 11 days：无基数（2021至2024年无数据）"),
    ("cannot decide: `occupies_permanent_basic_farmland` missing",
     "无法判断：缺少 `occupies_permanent_basic_farmland`"),
    ("cannot decide for 2021, 2022 (missing: dustfall (2021); known: dustfall (2020) = 5 t)",
     "无法判断2021、2022年（缺少：dustfall (2021)；已知：dustfall (2020) = 5 t）"),
    ("cannot decide: no data between 2021 and 2025", "无法判断：2021至2025年无数据"),
    ("due 2025; ≥360000 m² in 2024: lagging (new_shelter_area (2023) missing, counted as 0)",
     "2025年到期；2024年为 ≥360000 m²：滞后（new_shelter_area 缺少2023年数据，按 0 计）"),
    ("due 2025; 1.2 万个 in 2021: on track (new_places (2022) missing: the total is to 2021)",
     "2025年到期；2021年为 1.2 万个：符合进度（new_places 缺少2022年数据，累计至2021年）"),
    ("cannot decide: no target of per_capita_disposable_income_growth between 2021 and 2023",
     "无法判断：2021至2023年无 per_capita_disposable_income_growth 的目标"),
    ("`not in_strategic_reserve` holds", "满足 `not in_strategic_reserve`"),
    ("`national_health_district == true` holds (2023)",
     "2023年满足 `national_health_district == true`"),
    ("2022: `pm25_annual_mean falls` does not hold: pm25_annual_mean (2022) = 36 μg/m³",
     "2022年：不满足 `pm25_annual_mean falls`：pm25_annual_mean (2022) = 36 μg/m³"),
    ("the rule's guard does not hold", "规则的适用条件不成立"),
    ("waived: 战略留白审批", "已豁免：战略留白审批"),
    ("division by zero in `investment / land_area`\nland_area = 0 km²",
     "`investment / land_area` 除数为零\nland_area = 0 km²"),
])
def test_message_in_chinese(english: str, chinese: str) -> None:
    assert messages.message(outcome(english), "zh") == chinese
    assert messages.message(outcome(english), "en") == english


def test_a_message_of_no_known_shape_is_shown_as_written() -> None:
    assert messages.message(outcome("something new happened"), "zh") == "something new happened"


_ENGLISH = re.compile(r"does not hold|cannot decide|\bdue \d|short by|over by|under by|"
                      r"above by|\bholds\b|on track|lagging|percentage points|missing:")


@pytest.mark.parametrize("files", [["daxing-monitoring-2023.csv"],
                                   ["daxing-2022-annual-plan.csv", "daxing-baseline.csv"],
                                   ["daxing-real-actuals.csv", "daxing-real-qualified.csv"]])
def test_no_finding_of_the_examples_stays_english(files: list[str]) -> None:
    result = checker.check([str(ROOT / "examples" / "data" / f) for f in files], as_of=2023)
    for found in result.outcomes:
        text = messages.message(found, "zh")
        assert not _ENGLISH.search(re.sub(r"`[^`]*`", "", text)), found.message


def test_words_counts_and_evidence_labels() -> None:
    assert messages.outcome_word(outcome("x", "pending", "lagging"), "zh") == "未到期（滞后）"
    result = Result.from_json(GOLDEN.read_text(encoding="utf-8"))
    farm = next(r for r in result.rules if r.id == "FARM-01")
    assert messages.count_line(farm, "zh") == "4 个项目中 1 个未通过 · 1 待定"
    nev = next(o for o in result.outcomes if o.rule == "NEV-01" and o.outcome == "fail")
    lines = dict(messages.evidence_lines(nev, "zh"))
    assert lines["实际值"] == "70% · 要求值 80% · 差 10%（相对 12.5 %）"
    assert "数据位置" in lines
    text = render(result, "text", lang="zh")
    assert "差 10%（相对 12.5 %）" in text and "short by" not in text.split("rule ")[-1]
