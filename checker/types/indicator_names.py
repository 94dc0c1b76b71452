"""The names by which a table may give an indicator: its id, display name and aliases.

Execution reports and evaluation tables name indicators in words (细颗粒物年均浓度,
森林覆盖率), not by the suite's ids. A suite declares those words once (the display name
and `alias "…"` in the indicator), and plan-data tables may then use them. Words match
after NFKC folding (full-width letters, digits and brackets), without spaces and case:
`ＰＭ２.５年均浓度` and `pm2.5 年均浓度` are the same name. Ids match exactly, so a typo of
an id is still a typo.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


def name_key(text: str) -> str:
    """The form two spellings of one name share."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


@dataclass(frozen=True)
class IndicatorNames:
    """Each indicator's words, folded, pointing at its id."""

    by_key: Mapping[str, str] = field(default_factory=dict)

    @staticmethod
    def of(names: Iterable[tuple[str, Iterable[str]]]) -> IndicatorNames:
        """From `(id, words)` pairs; a word two indicators share names neither (typecheck
        reports it as T253)."""
        owners: dict[str, set[str]] = {}
        for ident, words in names:
            for word in words:
                owners.setdefault(name_key(word), set()).add(ident)
        return IndicatorNames({key: next(iter(ids)) for key, ids in owners.items()
                               if len(ids) == 1 and key})

    def find(self, written: str) -> str | None:
        """The id a table's word names, or None."""
        return self.by_key.get(name_key(written))
