"""`plancheck suite` lists each rule's kind; one without `kind` has its indicator's (else
anticipatory), shown as such and noted — it printed `?` (friction rounds 3 and 4)."""

from __future__ import annotations

from pathlib import Path

from checker.syntax.suite import load_suite
from checker.tools.summary import describe
from checker.types.typecheck import typecheck

SUITE = """\
plan p {
  period 2021..2025
  region 大兴区
}

indicator x "x" {
  unit %
  kind binding
}

indicator y "y" {
  unit %
}

rule A "a" {
  require x >= 1% by 2025
}

rule B "b" {
  require y >= 1% by 2025
}

rule C "c" {
  kind anticipatory
  require x >= 2% by 2025
}
"""


def test_a_rule_without_kind_shows_the_kind_it_has(tmp_path: Path) -> None:
    (tmp_path / "s.rules").write_text(SUITE, encoding="utf-8")
    loaded = load_suite([tmp_path])
    text = describe(loaded, typecheck(loaded.suite))
    rows = {line.split()[0]: line.split()[1] for line in text.splitlines()
            if line.strip()[:2] in ("A ", "B ", "C ")}
    assert rows == {"A": "binding", "B": "anticipatory", "C": "anticipatory"}
    assert text.endswith("(no `kind` in A, B: the indicator's kind, else anticipatory)")
    assert "?" not in describe(loaded, typecheck(loaded.suite))
