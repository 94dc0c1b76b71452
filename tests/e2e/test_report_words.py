"""A second analyst's table of the real Daxing figures, in the words of the reports.

`tests/data/real-variants/analyst/report-words.csv` holds figures of
`examples/data/daxing-real-*.csv` (each with its source and quoted words) the way another
analyst types them: Chinese headings and indicator names, `2022年一季度`, `2023年1-5月`,
`2021年上半年`, `2024年全年` and `2020年（基期）` periods, values with their unit or `%`
(`3%`, `104.4亿元`, `突破1300家`), a report's kind words (实际完成, 预期目标, 目标值), the basis
as each report words it (扣除新冠疫苗影响, （扣除新冠疫苗影响）, 扣除沙尘影响, and 初步预计,
which is no basis), words for a figure (保持稳定) and indicators outside the catalogue.
Playing the judge on it found four refusals or misreadings, now fixed: the kind words and
the base-year period were D343/D324; `扣除新冠疫苗影响` was a basis of its own, so ECON-03
(`basis "扣除疫苗"`) counted 2022's GDP growth missing; `初步预计` put 2024's revenue on a
basis no rule read.  Its tidy twin (`tidy/`) holds the same figures one per row in the
contract's own words; the verdicts and points must be the same.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from tests.e2e.test_real_variants import points_of, verdicts
from tests.helpers import check_json
from tests.helpers import outcome_of as outcome

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "data" / "real-variants" / "analyst" / "report-words.csv"
TIDY = TABLE.parent / "tidy" / TABLE.name
check = functools.cache(check_json)


def test_it_loads_with_every_row_counted_and_the_outsiders_named() -> None:
    code, result, stderr = check(TABLE)
    assert code == 1, stderr  # findings: the 2022 GDP target missed, PM2.5 rising
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first = result["notes"][1] if result["notes"][0].startswith("warning[D346]") \
        else result["notes"][0]
    assert first.startswith(f"`{TABLE.relative_to(ROOT)}`: {len(rows)} rows read: 19 in the "
                            "catalogue, 5 not (named: `固定资产投资` 2, `国家高新技术企业` 1, "
                            "`污水处理率` 1, `规模以上工业总产值` 1), 1 no figure "
                            "(1 gap (`保持稳定` 1))"), first
    assert not any("basis `初步预计`" in note for note in result["notes"])


def test_the_verdicts_an_analyst_writes() -> None:
    _, result, _ = check(TABLE)
    assert outcome(result, "ANNUAL-01", "大兴区")["outcome"] == "fail"  # 3 % against 6%以上
    assert outcome(result, "ANNUAL-03", "大兴区")["outcome"] == "pass"  # 32 against 34
    assert outcome(result, "AIR-03", "大兴区")["outcome"] == "fail"  # 32 → ? → 34
    air07 = outcome(result, "AIR-07", "大兴区")
    assert (air07["outcome"], air07["trajectory"]) == ("pending", "achieved")
    # the basis as the 2022 report words it is the basis ECON-03 reads
    assert "gdp_growth (2022, 扣除疫苗) = 3%" in outcome(result, "ECON-03", "大兴区")["message"]


def test_it_gets_the_verdicts_and_points_of_its_tidy_twin() -> None:
    code, result, stderr = check(TABLE)
    tidy_code, tidy, tidy_stderr = check(TIDY)
    assert (code, tidy_code) == (1, 1), (stderr, tidy_stderr)
    assert verdicts(result) == verdicts(tidy)
    assert points_of(result) == points_of(tidy)
