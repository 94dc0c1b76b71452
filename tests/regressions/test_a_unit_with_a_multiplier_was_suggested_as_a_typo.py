"""The third friction round: `7 万套` was "did you mean `套`?" — 10⁴ off; 套 (and 户, 辆 …)
were unknown although the extractor reads them as counts; a count indicator's help said
it "is in `one`", the prelude's internal name."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.types.cached import load_checked


@pytest.mark.parametrize(("written", "help_"), [
    ("万套", "`万套` is 10,000 `套`, not a typo of it: declare it, e.g. `unit 万套 = 10000 套`"),
    ("亿m³", '`亿m³` is 100,000,000 `m³`, not a typo of it: declare it, e.g. '
             '`unit yi_m3 = 100000000 m3 alias "亿m³"`'),
])
def test_a_multiplier_before_a_unit_is_never_a_typo(written: str, help_: str) -> None:
    units = load_checked(None)[1].units
    assert units.close(written) == help_
    assert units.suggest(written) == help_


def test_measure_words_of_counts_are_counts() -> None:
    units = load_checked(None)[1].units
    for word in ("套", "户", "辆", "张", "台", "条", "件", "栋"):
        unit = units.resolve(word)
        assert unit is not None and unit.name == "one", word


def test_a_count_indicators_unit_help_names_its_measure_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.csv").write_text("indicator,region,year,value,unit,kind\n"
                                    "new_waste_transfer_stations,大兴区,2022,3,艘艘,actual\n",
                                    encoding="utf-8")
    assert main(["check", str(tmp_path / "d.csv"), "--no-config"]) == 2
    err = capsys.readouterr().err
    assert "help: `new_waste_transfer_stations` is a count or bare number: leave `unit` " \
        "empty, or write `count`, `个`" in err, err
    assert "is in `one`" not in err
