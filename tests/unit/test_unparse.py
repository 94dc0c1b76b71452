"""Unparse prints the canonical layout; formatting is stable and keeps comments."""

from __future__ import annotations

from checker.source import SourceFile
from checker.tools.fmt import format_text

MESSY = """# a suite
rule   LAND-01   "cap"{
cite "第九章 三 (一)"  line 315 :"城乡建设用地规模控制在319平方公里以内"   # the sentence
  kind binding because "国土空间规划约束性指标"
    require urban_rural_construction_land<=319.0 km2 each year in 2021..2025
}
unit mu = 2000/3 m2 alias "亩"
"""

CANONICAL = """# a suite
rule LAND-01 "cap" {
  cite "第九章 三 (一)" line 315: "城乡建设用地规模控制在319平方公里以内"  # the sentence
  kind binding because "国土空间规划约束性指标"
  require urban_rural_construction_land <= 319 km2 each year in 2021..2025
}

unit mu = 2000/3 m2 alias "亩"
"""


def test_format_produces_the_canonical_layout() -> None:
    assert format_text(SourceFile("t.rules", MESSY)) == CANONICAL


def test_format_is_idempotent() -> None:
    assert format_text(SourceFile("t.rules", CANONICAL)) == CANONICAL
