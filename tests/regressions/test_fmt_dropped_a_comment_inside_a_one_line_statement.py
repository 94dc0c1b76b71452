"""`fmt` deleted a comment on its own line inside a `set`, `scale` or `unit`
statement written over several lines: such a comment went to the statement's
block-end comments, which one-line statements do not have, and was dropped.
It now moves above the statement.  Found by the keep-every-comment property."""

from __future__ import annotations

from checker.source import SourceFile
from checker.tools.fmt import format_text

SPLIT = """\
set 镇街 = {
  黄村镇, 西红门镇,  # 北部
  # 南部
  礼贤镇, 榆垡镇
}

unit mu = 2000/3 m2
  # 一亩 = 666.67 m2
  alias "亩"
"""

FORMATTED = """\
# 南部
set 镇街 = {黄村镇, 西红门镇, 礼贤镇, 榆垡镇}  # 北部

# 一亩 = 666.67 m2
unit mu = 2000/3 m2 alias "亩"
"""


def test_a_comment_inside_a_split_one_line_statement_moves_above_it() -> None:
    assert format_text(SourceFile("t.rules", SPLIT)) == FORMATTED
    assert format_text(SourceFile("t.rules", FORMATTED)) == FORMATTED
