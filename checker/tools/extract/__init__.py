"""`plancheck extract`: figures, targets and draft rules from a plan's own text.

In: plan or report text (UTF-8) and a suite (its units and indicator names).
Out: `Item`s — every quantitative statement, with file, line, quote, kind
(target | actual | other), name, indicator, op, value, unit, period and
qualifier — and the writers that turn them into json, csv, a plan-data table or
a draft suite.  The stage modules: `texts` (files -> text), `sentences` (text ->
sentences with sections), `periods`, `phrases` (+ `phrases.lark`), `numerals`,
`context`, `classify`, `idioms`, `mapping`, `extract`; writers in `writers` and
`drafts`.  Imports `syntax`, `types`, `diagnostics`, `source`; never `data`,
never the CLI.
"""

from __future__ import annotations

from checker.tools.extract.extract import Reader, extract
from checker.tools.extract.items import COLUMNS, Item
from checker.tools.extract.mapping import NameIndex, names_of
from checker.tools.extract.texts import read_text
from checker.types.typed import CheckedSuite


def reader_for(checked: CheckedSuite) -> Reader:
    """A reader that knows the suite's units and its indicators' names."""
    specs = checked.indicators.values()
    index = NameIndex.build(names_of(specs), {s.id: s.unit for s in specs},
                            scopes=[checked.plan.region] if checked.plan.region else [])
    return Reader.of(checked.units, index)


__all__ = ["COLUMNS", "Item", "NameIndex", "Reader", "extract", "names_of", "read_text",
           "reader_for"]
