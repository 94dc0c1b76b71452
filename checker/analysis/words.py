"""Witnesses in words: which values a conflict leaves, for which subject and year.

In: parts taking part in a finding and the `Search` that found them.  Out:
`Involved` entries (rule, clause text, span) and sentences such as "land_area
would have to be >= 20 km² (`B`) and <= 10 km² (`A`)" or "for a project with
zone = 临空经济区, industry = 航空物流".  Asks the solver room for examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

from checker.analysis.findings import Involved
from checker.analysis.intervals import crosses
from checker.analysis.parts import Bound, Part, VarKey, show_value
from checker.analysis.solver.search import Search


def involved(parts: Iterable[Part], role: str = "") -> tuple[Involved, ...]:
    """One entry per rule and clause, in the order given; scope parts (no rule) left out."""
    out: dict[tuple[str, object], Involved] = {}
    for part in parts:
        if part.rule:
            out.setdefault((part.rule, part.span), Involved(part.rule, part.span, part.text,
                                                            role or part.role))
    return tuple(out.values())


def rules_text(parts: Iterable[Part]) -> str:
    ids = list(dict.fromkeys(p.rule for p in parts if p.rule))
    quoted = [f"`{i}`" for i in ids]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def bound_text(search: Search, bound: Bound) -> str:
    info = search.enc.vars[bound.var]
    op = (">" if bound.strict else ">=") if bound.lower else ("<" if bound.strict else "<=")
    value: object = int(bound.value) if info.sort == "int" else bound.value
    return f"{op} {show_value(value, None, info.unit)}"


def label(search: Search, var: VarKey) -> str:
    return search.enc.vars[var].label


def conflict_words(search: Search, parts: Sequence[Part]) -> str:
    """What cannot hold: two crossing bounds, sets with nothing in common, or a list."""
    if len(parts) == 1:
        negative = [b for b in parts[0].bounds if search.negative(b)]
        if negative:
            return (f"{label(search, negative[0].var)} would have to be "
                    f"{bound_text(search, negative[0])}, and it is never negative")
    pair = _crossing_pair(parts)
    if pair is not None:
        (low, low_part), (up, up_part) = pair
        return (f"{label(search, low.var)} would have to be {bound_text(search, low)} "
                f"(`{low_part.rule or 'scope'}`) and {bound_text(search, up)} "
                f"(`{up_part.rule or 'scope'}`)")
    shared = set.intersection(*(({s.var for s in p.sets}) for p in parts)) if all(
        p.sets for p in parts) else set()
    if shared:
        var = next(iter(shared))
        return (" and ".join(f"`{p.text}` ({_who(p)})" for p in parts) +
                f" leave no value of {label(search, var)}")
    years = {p.year for p in parts}
    return "these cannot all hold: " + "; ".join(dict.fromkeys(
        f"`{p.text}` ({_who(p)}{f', {p.year}' if len(years) > 1 else ''})" for p in parts))


def _who(part: Part) -> str:
    return f"`{part.rule}`" if part.rule else "the scope"


def _crossing_pair(parts: Sequence[Part]
                   ) -> tuple[tuple[Bound, Part], tuple[Bound, Part]] | None:
    rule_parts = [p for p in parts if p.rule]
    if len(rule_parts) != 2 or not all(p.bounds for p in rule_parts):
        return None
    for a in rule_parts:
        for b in rule_parts:
            for low in (x for x in a.bounds if x.lower):
                for up in (y for y in b.bounds if not y.lower):
                    if a is not b and low.var == up.var and crosses(low, up):
                        return (low, a), (up, b)
    return None


def scope_words(search: Search, parts: Sequence[Part], subject: str) -> str:
    """A concrete subject of the scope: the guard variables of the solver's example."""
    if not parts:
        return f"for every {subject}"
    values = search.example(parts, f"an example {subject}")
    if values is None:
        return f"for a {subject} with " + " and ".join(f"`{p.text}`" for p in parts)
    shown = []
    for key in sorted(values, key=repr):
        info = search.enc.vars[key]
        if key[0] == "opaque":
            continue
        shown.append(f"{info.label} = {_shown(values[key], info.sort, info.unit)}")
    return f"for a {subject} with " + ", ".join(shown)


def _shown(value: object, sort: str, unit: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if sort == "text":
        return f'"{value}"'
    if isinstance(value, Fraction):
        return show_value(value, None, unit)  # type: ignore[arg-type]
    return str(value)


def years_text(years: Iterable[int]) -> str:
    ordered = sorted(set(years))
    if not ordered:
        return ""
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}..{ordered[-1]}"
    return ", ".join(str(y) for y in ordered)
