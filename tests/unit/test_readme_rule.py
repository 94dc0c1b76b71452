"""The README's rule is one of the bundled suite, word for word, and every rule id the
README names exists (the old example named a rule the suite did not have)."""

from __future__ import annotations

import re

from checker.syntax.suite import BUNDLED
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SUITE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob("*.rules")))


def test_the_readme_rule_is_the_suites() -> None:
    (block,) = re.findall(r"^```\n(rule .*?^\})\n```$", README, re.S | re.M)
    assert block in SUITE


def test_every_rule_id_the_readme_names_exists() -> None:
    named = set(re.findall(r"\b[A-Z]{2,6}-\d{2}\b", README))
    declared = set(re.findall(r"^rule (\S+)", SUITE, re.M))
    assert named - declared == set()
