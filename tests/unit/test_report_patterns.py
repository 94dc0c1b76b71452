"""`reports.patterns.Lazy`: the same matches as `re.compile`, compiled only when first used."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reports import messages, notes
from reports.patterns import Lazy


def test_nothing_is_compiled_until_a_pattern_is_used() -> None:
    pattern = Lazy(r"(\d+) rows?", re.S)
    assert pattern._compiled is None
    assert pattern.fullmatch("12 rows") is not None
    assert pattern._compiled is not None and pattern.compiled.flags & re.S


@given(st.text(alphabet="ab1, (target)x", max_size=20))
def test_a_lazy_pattern_matches_as_the_compiled_one(text: str) -> None:
    for source in (r"(a+)(b*)", r", (?=a|b)", r"\(target(?: ([^,()]+))?\)"):
        lazy, eager = Lazy(source), re.compile(source)
        assert bool(lazy.fullmatch(text)) == bool(eager.fullmatch(text))
        assert lazy.sub("-", text) == eager.sub("-", text)
        assert lazy.split(text, maxsplit=1) == eager.split(text, maxsplit=1)


def test_the_wording_patterns_of_the_reports_are_all_lazy() -> None:
    patterns = [value for module in (messages, notes) for value in vars(module).values()
                if isinstance(value, Lazy)]
    patterns += [entry[0] for module in (messages, notes) for value in vars(module).values()
                 if isinstance(value, list) for entry in value
                 if isinstance(entry, tuple) and isinstance(entry[0], Lazy)]
    assert len(patterns) >= 40
    assert all(isinstance(p, Lazy) for p in patterns)
