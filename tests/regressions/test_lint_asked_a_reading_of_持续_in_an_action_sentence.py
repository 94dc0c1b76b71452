"""L607 asked for `read 持续 = …` on a rule quoting the plan's whole sentence 持续实施学前教育
行动计划,…到2025年适龄儿童入园率达到99%以上 (line 455): there 持续 says an action goes on,
the number is the sentence's own 99 %, and a reading of 持续 would mean nothing.  持续 hedges
a threshold only as a change that keeps going (持续压采, 持续改善, 持续提高); 可持续 is a
word of its own (sustainable)."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.syntax.suite import load_suite
from checker.tools.lint import lint
from checker.types.typecheck import typecheck
from tests.helpers import BUNDLED

SENTENCE = ("持续实施学前教育行动计划,多途径扩大学前教育学位供给,"
            "采取配建、以租代建、内部挖潜等方式,加快补齐幼儿园缺口,"
            "到2025年适龄儿童入园率达到99%以上")


def lint_changed(tmp_path: Path, name: str, *changes: tuple[str, str]) -> list[tuple[str, str]]:
    suite = tmp_path / "suite"
    shutil.copytree(BUNDLED, suite)
    path = suite / name
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    loaded = load_suite([suite])
    return [(d.code, d.message) for d in lint(loaded.suite, typecheck(loaded.suite))
            if d.code in ("L607", "L613")]


def test_persisting_in_an_action_is_not_a_vague_threshold(tmp_path: Path) -> None:
    assert lint_changed(tmp_path, "public-services.rules",
                        ('"到2025年适龄儿童入园率达到99%以上"', f'"{SENTENCE}"')) == []


def test_a_change_that_keeps_going_still_asks_for_its_reading(tmp_path: Path) -> None:
    found = lint_changed(
        tmp_path, "environment.rules",
        ('  read 持续 = 0 万m³ because "持续压采 = extraction is cut in every year: each year '
         'strictly below the year before"\n', ""),
        ("prev(groundwater_extraction) - 持续", "prev(groundwater_extraction) - 0 万m³"))
    assert ("L607", "rule `WATER-04` quotes `持续` without saying how it reads it") in found


def test_sustainable_is_a_word_of_its_own(tmp_path: Path) -> None:
    # line 589: 构建土壤生态环境可持续风险管控体系,…严格保护永久基本农田
    assert lint_changed(tmp_path, "projects.rules",
                        ('589: "严格保护永久基本农田"',
                         '589: "构建土壤生态环境可持续风险管控体系"')) == []
