"""A 2 KB YAML alias bomb inside a known field ran past 600 s and 5 GB (the value's
text was built for a message), and YAML nested 500 deep raised `RecursionError`.
Documents are now refused when aliases add more than 100,000 values or values nest
more than 64 deep, and a message shows a nested value shortened."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.data.values import shown


def _bomb(levels: int) -> str:
    chain = "&a [x,x,x,x,x,x,x,x,x,x]"
    for name in "bcdefghijklmnop"[:levels]:
        chain += f", &{name} [" + ",".join([f"*{chr(ord(name) - 1)}"] * 10) + "]"
    return chain


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.yaml").write_text(f"id: A\nname: [{_bomb(9)}]\n", encoding="utf-8")
    started = time.monotonic()
    assert main(["check", str(tmp_path / "p.yaml")]) == 2
    assert time.monotonic() - started < 10
    assert "aliases add more than 100,000 values" in capsys.readouterr().err


def test_a_few_aliases_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.yaml").write_text(f"id: A\nname: [{_bomb(2)}]\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "p.yaml")]) == 2
    err = capsys.readouterr().err
    assert "aliases add" not in err and "`name`" in err  # read, and a list is not text


@pytest.mark.parametrize("depth", [65, 500, 990])
def test_deep_nesting_is_d304(tmp_path: Path, depth: int,
                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.yaml").write_text("id: A\nname: " + "[" * depth + "]" * depth + "\n",
                                     encoding="utf-8")
    assert main(["check", str(tmp_path / "p.yaml")]) == 2
    assert "nested more than 64 deep" in capsys.readouterr().err


def test_a_nested_value_is_shown_short() -> None:
    value: list[object] = [["x"] * 10] * 10
    assert len(shown([value] * 10)) < 80
