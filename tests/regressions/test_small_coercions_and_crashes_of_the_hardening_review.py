"""Found by the adversarial review (issue 15): a lone surrogate in JSON (`"\\ud800"`)
crashed inside pyarrow; `--as-of 2023-99-99` and Arabic-Indic `٢٠٢٣` were read as
2023; ids `" P-1 "` and `"P-1"` were two records (no D331) while enum values were
trimmed; plan-data years 1899 and 2201 were accepted.  Now: D326, D300, ids
trimmed like enum values, and D324 outside the years of the rule language (1900–2200)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.cli.main import main
from tests.helpers import ROOT

GOOD = ROOT / "examples" / "proposals" / "airport-logistics.yaml"


@pytest.mark.parametrize("text", ['{"id": "\\ud800", "name": "x"}',
                                  '[{"id": "A", "name": "a\\udfffb"}]',
                                  '{"id": "A", "\\ud800": 1}'])
def test_a_lone_surrogate_is_d326(tmp_path: Path, text: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.json").write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err
    assert "[D326]" in err and "\\ud" in err and "Traceback" not in err


@pytest.mark.parametrize("as_of", ["2023-99-99", "2023-02-30", "٢٠٢٣", "2023-13", "23", "2023x"])
def test_as_of_must_be_a_real_date(as_of: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(GOOD), "--as-of", as_of]) == 2
    assert "[D300]" in capsys.readouterr().err


@pytest.mark.parametrize("as_of", ["2023", "2023-06", "2024-02-29"])
def test_as_of_real_dates_still_read(as_of: str) -> None:
    assert main(["check", str(GOOD), "--as-of", as_of, "-o", "/dev/null"]) == 0


@pytest.mark.parametrize("name", ["b.yaml", "b.csv"])
def test_padded_ids_are_the_same_id(tmp_path: Path, name: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    record = GOOD.read_text(encoding="utf-8")
    if name == "b.yaml":
        text = "---\n" + record + "---\n" + record.replace("id: DX-2023-001", "id: ' DX-2023-001 '")
    else:
        fields = [line.split(": ", 1) for line in record.splitlines()
                  if line and not line.startswith("#")]
        header = ",".join(k for k, _ in fields)
        row = ",".join(v for _, v in fields)
        text = f"{header}\n{row}\n{row.replace('DX-2023-001', ' DX-2023-001 ')}\n"
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / name)]) == 2
    assert "[D331]" in capsys.readouterr().err


@pytest.mark.parametrize("year", ["1899", "2201", "0999"])
def test_plan_data_years_outside_the_languages_are_d324(
        tmp_path: Path, year: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.csv").write_text(f"indicator,region,year,value,unit\n"
                                    f"gdp_growth,大兴区,{year},6,%\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "d.csv")]) == 2
    assert "[D324]" in capsys.readouterr().err


def test_pipes_devices_and_loops_are_named_for_what_they_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    args = [str(tmp_path / "pipe.yaml"), "/dev/zero", str(tmp_path / "loop-a"),
            str(tmp_path / "nowhere.csv")]
    assert main(["check", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("not a regular file") == 2
    assert "too many levels of symbolic links" in err and "no such file" in err


@pytest.mark.parametrize(("region", "bad"), [("大兴", True), ("大兴县", True), ("朝阳区", False),
                                             ("大兴区", False)])
def test_a_misspelt_region_is_d344(tmp_path: Path, region: str, bad: bool,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """`大兴` for `大兴区` was accepted silently: its rows fell outside every rule."""
    (tmp_path / "d.csv").write_text(f"indicator,region,year,value,unit\n"
                                    f"gdp_growth,{region},2022,6,%\n", encoding="utf-8")
    code = main(["check", str(tmp_path / "d.csv"), "-o", os.devnull])
    assert (code == 2) is bad
    if bad:
        assert "[D344]" in capsys.readouterr().err
