"""Unit algebra: quotients and products of declared units (`km/km2`, `万元/人`, `t/(km²·30d)`).

In: a spelling and a way to find declared units.  Out: the exact factor and the
composite dimension of the spelling, or the parts that are not declared (so a
suggestion can repair just those).  `UnitTable.resolve` uses this for spellings
it has no declaration for, so rules, plan data and proposals all read compound
units the same way.

How a spelling is read: `·` (also `⋅`, `・`, `*`, `×`) multiplies and binds tighter
than `/`, so everything between two `/` is one denominator — `吨/平方公里·月` is
tons per (km²·month), as Chinese units are written, and `t/km2/30d` is the same as
`t/(km2·30d)`.  A number before a unit scales it (`30d` is 30 days).  A declared
spelling with a slash (`μg/m³`, `Mbit/s`) stays one unit.  Dimensions are named
by their parts, numerator first: `length per area`, `mass per area·duration`;
parts that cancel vanish (`km/m` is a bare number, 1000).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

BARE = "one"  # the dimension of bare numbers and counts (as in `units`)
PER = " per "
TIMES = "·"
MULTIPLY = frozenset("·⋅・*×")
MAX_SPELLING = 120  # longer spellings are not units; keeps parsing bounded
MAX_DEPTH = 4  # nested parentheses

_TOKEN = re.compile(r"\s*(?:(?P<op>[/()·⋅・*×])|(?P<num>\d+(?:\.\d+)?)"
                    r"|(?P<atom>[^/()·⋅・*×\d\s][^/()·⋅・*×\s]*))")
_POWER = re.compile(r"(.+?)(\^-?\d+)?")

Exponents = dict[str, int]


class Declared(Protocol):
    """What the algebra needs of a declared unit (`units.Unit` is one)."""

    @property
    def factor(self) -> Fraction: ...

    @property
    def dimension(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Combined:
    """A spelling read as a product of declared units: exact factor, composite dimension."""

    factor: Fraction
    dimension: str


@dataclass(frozen=True, slots=True)
class Unknown:
    """A compound spelling whose parts `atoms` are not declared units."""

    atoms: tuple[str, ...]


def is_compound(spelling: str) -> bool:
    """Whether a spelling has an operator, i.e. could be read by the algebra at all."""
    return any(char in spelling for char in "/()") or any(char in MULTIPLY for char in spelling)


def dimension_name(exponents: Mapping[str, int]) -> str:
    """The composite dimension as people read it: `length per area`, `one per area`."""
    ups = [_power(name, power) for name, power in sorted(exponents.items()) if power > 0]
    downs = [_power(name, -power) for name, power in sorted(exponents.items()) if power < 0]
    top = TIMES.join(ups) or BARE
    return top + PER + TIMES.join(downs) if downs else top


def dimension_exponents(dimension: str) -> Exponents:
    """The inverse of `dimension_name`: a declared dimension is one part of power 1."""
    top, _, bottom = dimension.partition(PER)
    out: Exponents = {}
    for side, sign in ((top, 1), (bottom, -1)):
        for part in filter(None, side.split(TIMES)):
            name, power = _split_power(part)
            if name != BARE:
                out[name] = out.get(name, 0) + sign * power
    return {name: power for name, power in out.items() if power}


def _power(name: str, power: int) -> str:
    return name if power == 1 else f"{name}^{power}"


def _split_power(part: str) -> tuple[str, int]:
    match = _POWER.fullmatch(part)
    if match is None or match.group(2) is None:
        return part, 1
    return match.group(1), int(match.group(2)[1:])


def combine(spelling: str, find: Callable[[str], Declared | None]) -> Combined | Unknown | None:
    """Read `spelling` (already NFKC-folded) by unit algebra; None when it is not a unit
    expression at all (no operator, unbalanced, no unit in it, a zero divisor)."""
    if not is_compound(spelling) or len(spelling) > MAX_SPELLING:
        return None
    tokens = _tokens(spelling)
    if tokens is None or not any(kind == "atom" for kind, _ in tokens):
        return None
    reader = _Reader(_merge_declared(tokens, find), find)
    try:
        factor, exponents = reader.quotient(0)
    except _NotAUnit:
        return None
    if reader.at < len(reader.tokens):
        return None
    if reader.unknown:
        return Unknown(tuple(dict.fromkeys(reader.unknown)))
    return Combined(factor, dimension_name(exponents) if exponents else BARE)


def _tokens(spelling: str) -> list[tuple[str, str]] | None:
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(spelling):
        match = _TOKEN.match(spelling, at)
        if match is None or match.end() == at:
            return None if spelling[at:].strip() else out
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        at = match.end()
    return out


def _merge_declared(tokens: list[tuple[str, str]],
                    find: Callable[[str], Declared | None]) -> list[tuple[str, str]]:
    """Join `atom / atom …` runs that are one declared spelling (`μg/m3`), longest first."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        best = i
        j = i
        while (tokens[i][0] == "atom" and j + 2 < len(tokens) and tokens[j + 1] == ("op", "/")
               and tokens[j + 2][0] == "atom"):
            j += 2
            if find("".join(text for _, text in tokens[i:j + 1])) is not None:
                best = j
        out.append(("atom", "".join(t for _, t in tokens[i:best + 1])) if best > i else tokens[i])
        i = best + 1
    return out


class _NotAUnit(Exception):
    """The spelling is not a unit expression (bad shape or a zero divisor)."""


class _Reader:
    """Recursive descent: quotient := product ('/' product)*; product := factor (· factor)*;
    factor := NUMBER? (ATOM | '(' quotient ')') | NUMBER."""

    def __init__(self, tokens: list[tuple[str, str]], find: Callable[[str], Declared | None]):
        self.tokens, self.find, self.at = tokens, find, 0
        self.unknown: list[str] = []

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise _NotAUnit
        self.at += 1
        return token

    def quotient(self, depth: int) -> tuple[Fraction, Exponents]:
        factor, exponents = self.product(depth)
        while self.peek() == ("op", "/"):
            self.at += 1
            below, down = self.product(depth)
            if below == 0:
                raise _NotAUnit
            factor /= below
            for name, power in down.items():
                exponents[name] = exponents.get(name, 0) - power
        return factor, {name: power for name, power in exponents.items() if power}

    def product(self, depth: int) -> tuple[Fraction, Exponents]:
        factor, exponents = self.factor(depth)
        while (token := self.peek()) is not None and token[0] == "op" and token[1] in MULTIPLY:
            self.at += 1
            more, extra = self.factor(depth)
            factor *= more
            for name, power in extra.items():
                exponents[name] = exponents.get(name, 0) + power
        return factor, exponents

    def factor(self, depth: int) -> tuple[Fraction, Exponents]:
        scale = Fraction(1)
        if (token := self.peek()) is not None and token[0] == "num":
            scale = Fraction(Decimal(self.take()[1]))
            following = self.peek()
            if following is None or (following[0] == "op" and following[1] != "("):
                return scale, {}
        kind, text = self.take()
        if (kind, text) == ("op", "("):
            if depth >= MAX_DEPTH:
                raise _NotAUnit
            inner, exponents = self.quotient(depth + 1)
            if self.take() != ("op", ")"):
                raise _NotAUnit
            return scale * inner, exponents
        if kind != "atom":
            raise _NotAUnit
        declared = self.find(text)
        if declared is None:
            self.unknown.append(text)
            return scale, {}
        return scale * declared.factor, dimension_exponents(declared.dimension)


def repaired(spelling: str, replacements: Mapping[str, str]) -> str:
    """`spelling` with each unknown part replaced by its suggestion (`km/kn2` -> `km/km2`)."""
    tokens = _tokens(spelling) or []
    return "".join(replacements.get(text, text) if kind == "atom" else text
                   for kind, text in tokens)
