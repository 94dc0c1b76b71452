"""Mapping: the words naming an indicator -> the suite's indicator id.

In: a list of `(id, names)` pairs — today each indicator's display name; the
aliases of the catalogue plug in here unchanged — and the unit of each id.
Out: `NameIndex.lookup(item)`: the id whose name is the item's name (after
folding quotes, spaces and parentheses, and without scope words such as `全区`
or the plan's region), whose unit has the item's dimension, or '' when none
does.  A growth figure (`增长5%`) is looked up as the name's growth
(`地区生产总值增速`).  Never a near miss: a wrong id is worse than none.
Imports `items` and the suite's `Unit`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from checker.tools.extract import cues
from checker.tools.extract.items import Item
from checker.types.typed import IndicatorSpec
from checker.types.units import Unit

IndicatorNames = Sequence[tuple[str, Sequence[str]]]
_DROP = re.compile(r"[\s“”‘’\"'「」『』《》〈〉·•]")
_PARENS = re.compile(r"[(（][^()（）]*[)）]")
_GROWTH = ("增速", "增长", "增长率", "增幅", "年均增速", "年均增长")
_DECLINE = ("降幅", "下降", "降低", "下降率", "降低率")


def normalize(name: str) -> tuple[str, ...]:
    """The keys a name is found by: as written and without its parentheses."""
    folded = _DROP.sub("", unicodedata.normalize("NFKC", name))
    bare = _PARENS.sub("", folded)
    inner = re.sub(r"[()（）]", "", folded)
    return tuple(dict.fromkeys(k for k in (folded, bare, inner) if k))


@dataclass
class NameIndex:
    by_name: dict[str, list[str]] = field(default_factory=dict)
    units: dict[str, Unit | None] = field(default_factory=dict)
    scopes: tuple[str, ...] = cues.SCOPE_PREFIXES

    @staticmethod
    def build(names: IndicatorNames, units: Mapping[str, Unit | None],
              scopes: Iterable[str] = ()) -> NameIndex:
        index = NameIndex(units=dict(units),
                          scopes=tuple(dict.fromkeys([*cues.SCOPE_PREFIXES, *scopes])))
        for ident, spellings in names:
            for spelling in (ident, *spellings):
                for key in normalize(spelling):
                    ids = index.by_name.setdefault(key, [])
                    if ident not in ids:
                        ids.append(ident)
        return index

    def lookup(self, item: Item) -> str:
        if item.kind == "other" or not item.name:
            return ""
        for key in self._keys(item):
            for ident in self.by_name.get(key, ()):
                if self._fits(ident, item):
                    return ident
        return ""

    def _keys(self, item: Item) -> list[str]:
        names = [item.name]
        suffixes = _GROWTH if item.op == "increase" else _DECLINE if item.op == "reduce" else ()
        names += [item.name + s for s in suffixes if not item.name.endswith(s)]
        keys: list[str] = []
        for name in names:
            for key in normalize(name):
                keys.append(key)
                keys += [key[len(s):] for s in self.scopes if key.startswith(s) and key != s]
        return keys

    def _fits(self, ident: str, item: Item) -> bool:
        unit = self.units.get(ident)
        if item.value is True:
            return unit is None
        if unit is None or not item.numeric:
            return False
        if item.value == 0 and item.known is None:
            return True  # 清零: zero of anything
        return item.known is not None and item.known.dimension == unit.dimension


def names_of(indicators: Iterable[IndicatorSpec]) -> list[tuple[str, tuple[str, ...]]]:
    """`(id, names)` of a suite's indicator specs: the display name, and the aliases once
    the catalogue has them."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for spec in indicators:
        ident = spec.id
        display = spec.display
        aliases = tuple(getattr(spec, "aliases", ()) or ())
        out.append((ident, tuple(n for n in (display, *aliases) if n)))
    return out
