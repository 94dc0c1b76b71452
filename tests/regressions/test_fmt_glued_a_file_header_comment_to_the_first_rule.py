"""`fmt` removed the blank line after a file's header comment, gluing it onto the first rule
(and `explain` then showed the file's description as that rule's comment)."""

from __future__ import annotations

from checker.syntax import model as m
from checker.syntax.unparse import unparse
from tests.helpers import rule_file

TEXT = """\
# Land rules of the Daxing suite: the caps of 第五章.
# Each rule cites its sentence.

# the 319 km² cap
rule LAND-01 {
  require urban_rural_construction_land <= 319 km2
}
"""


def test_the_header_stays_apart_and_the_rule_keeps_only_its_own_comment() -> None:
    built = rule_file(TEXT)
    assert built.header_comments == (" Land rules of the Daxing suite: the caps of 第五章.",
                                     " Each rule cites its sentence.")
    (rule,) = built.statements
    assert isinstance(rule, m.Rule) and rule.comments == (" the 319 km² cap",)
    assert unparse(built) == TEXT


def test_a_comment_right_above_a_rule_is_still_the_rules() -> None:
    glued = "# the 319 km² cap\nrule LAND-01 {\n  require x <= 319 km2\n}\n"
    built = rule_file(glued)
    assert built.header_comments == ()
    assert unparse(built) == glued
