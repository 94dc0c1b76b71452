"""Evidence: what a person needs to see why an outcome is what it is.

In: a rule, the `Vec`s its clauses produced, and an index (a record row, or a
subject and year).  Out: `result.Evidence` — each clause's truth, the observed
value against the threshold with units, the margin ("over by 12.2 km², 3.8 %"),
and the values the rule read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from checker import result as r
from checker.engine.ops import Mask, Vec
from checker.engine.shapes import bare
from checker.types import typed as t
from checker.types.typed import leaves
from checker.types.units import format_number, format_quantity

Index = int | tuple[int, int]


def known(vec: Vec, index: Index) -> bool:
    """Whether one value is known, without building a whole mask (findings are sparse)."""
    return vec.known is None or bool(vec.known[index])


def truth(vec: Vec, index: Index) -> bool | None:
    if not known(vec, index):
        return None
    return bool(vec.values[index])


def show(node_type: t.Type, vec: Vec, index: Index) -> tuple[float | None, str, str]:
    """(number or None, unit symbol, text) of one value, as a person reads it."""
    if not known(vec, index):
        return None, _unit(node_type), "missing"
    raw = vec.values[index]
    match node_type:
        case t.EnumT(items=items):
            code = int(raw)
            return None, "", items[code] if 0 <= code < len(items) else "missing"
        case t.TextT():
            labels = vec.labels or ()
            code = int(raw)
            return None, "", labels[code] if 0 <= code < len(labels) else "missing"
        case t.BoolT():
            return None, "", "true" if bool(raw) else "false"
        case t.YearT():
            return float(raw), "", str(int(raw))
        case t.QuantityT(unit=unit):
            value = float(raw)
            return value, _unit(node_type), format_quantity(value, unit)
    return None, "", str(raw)  # pragma: no cover


def _unit(node_type: t.Type) -> str:
    if isinstance(node_type, t.QuantityT):
        return node_type.unit.symbol or node_type.unit.name
    return ""


def written_text(node: t.Node, value: float | None) -> str | None:
    """`value` (in the unit `node` was converted to) in the unit the rule wrote `node`
    in: `5 万个` for a total compared with a count, not 50000.  None when the rule wrote
    no unit of another size, or the figure would not show exactly in it (12345 as
    `1.234 万个`)."""
    const = bare(node)
    if value is None or not isinstance(const, t.Const) or const.written is None \
            or not isinstance(const.type, t.QuantityT):
        return None
    ratio = const.type.unit.ratio_to(const.written)
    if ratio == 1:  # `1300 公里` of a km indicator: shown as the data's figures are
        return None
    converted = float(Fraction(value) * ratio) if value == int(value) else value * float(ratio)
    text = format_number(converted)
    if abs(float(Fraction(text) / ratio) - value) > 1e-9 * max(1.0, abs(value)):
        return None
    return format_quantity(converted, const.written)


def comparison(node: t.Node, seen: dict[int, Vec], index: Index
               ) -> tuple[r.Amount | None, r.Amount | None, r.Margin | None]:
    """Observed, threshold and margin of a top-level comparison (else Nones).  Against a
    constant the rule wrote in a unit of another size (`>= 5 万个` of a count) the texts
    are in that unit, as the evaluation table shows them, when all of them show exactly
    in it (else all in the compared unit); values and units stay as compared."""
    if not isinstance(node, t.Compare):
        return None, None, None
    left, right = seen.get(id(node.left)), seen.get(id(node.right))
    if left is None or right is None:
        return None, None, None
    lv, lu, lt = show(node.left.type, left, index)
    rv, ru, rt = show(node.right.type, right, index)
    quantities = lv is not None and rv is not None and isinstance(node.left.type, t.QuantityT)
    difference = abs(lv - rv) if quantities and lv is not None and rv is not None else None
    lt, rt, amount = _written(node, [lv, rv, difference]) or (lt, rt, None)
    margin = None
    if lv is not None and rv is not None and isinstance(node.left.type, t.QuantityT):
        margin = _margin(node.op, lv, rv, node.left.type, amount)
    observed = r.Amount.model_construct(value=lv, unit=lu, text=lt)
    threshold = r.Amount.model_construct(value=rv, unit=ru, text=rt)
    return observed, threshold, margin


def _written(node: t.Compare, values: list[float | None]
             ) -> tuple[str, str, str | None] | None:
    """Observed, threshold and difference as texts in the unit of the comparison's
    written constant, or None when there is none or a known one would not show exactly
    in it (a missing value stays `missing`)."""
    side = node.right if isinstance(bare(node.right), t.Const) else node.left
    texts = [written_text(side, value) for value in values]
    if not any(texts) or any(text is None and value is not None
                             for text, value in zip(texts, values, strict=True)):
        return None
    observed, threshold, difference = texts
    return observed or "missing", threshold or "missing", difference


def _margin(op: str, observed: float, threshold: float, qtype: t.QuantityT,
            amount: str | None = None) -> r.Margin:
    """`short by 38000, 76 %`; `amount` is the difference as shown when the rule's
    constant is in a unit of another size (`3.8 万个`).  A fall required by a bound below
    zero that the value does not reach is `short by`: `-10% > -13.5%` fell 3.5 points too
    little, which "over by" would hide."""
    difference = observed - threshold
    relative = difference / abs(threshold) if threshold else None
    if amount is None and qtype.unit.symbol == "%":  # percentages differ in points
        points = format_number(abs(difference))
        amount = f"{points} percentage point{'' if points == '1' else 's'}"
    elif amount is None:
        amount = format_quantity(abs(difference), qtype.unit)
    share = f", {_share(abs(relative) * 100)} %" if relative is not None else ""
    if op in ("<", "<=") and threshold < 0:  # a required fall (`<= -13.5%`): too little
        word = "short by" if difference > 0 or (op == "<" and difference == 0) else "under by"
    elif op in ("<", "<="):
        word = "over by" if difference > 0 or (op == "<" and difference == 0) else "under by"
    elif op in (">", ">="):
        word = "short by" if difference < 0 or (op == ">" and difference == 0) else "above by"
    else:
        word = "off by" if difference else "equal"
    text = word if word == "equal" else f"{word} {amount}{share}"
    return r.Margin.model_construct(absolute=_clean(difference), text=text,
                                    relative=_clean(relative) if relative is not None else None)


def _share(percent: float) -> str:
    """A relative margin: one decimal from 1 % up (`3.8`), two significant digits below."""
    text = f"{percent:.1f}" if percent >= 1 else f"{percent:.2g}"
    return text.rstrip("0").rstrip(".") if "." in text and "e" not in text else text


def _clean(value: float) -> float:
    """Round away binary noise so JSON stays stable and readable (12.200000000000045)."""
    if not math.isfinite(value):
        return value
    return float(f"{value:.12g}")


def sentence(constraint_text: str, observed: r.Amount | None, threshold: r.Amount | None,
             op: str | None, margin: r.Margin | None,
             values: dict[str, str] | None = None) -> str:
    """`331.2 km² > 319 km², over by 12.2 km² (3.8 %)` or the constraint's text."""
    if observed is None or threshold is None or op is None:
        shown = ", ".join(f"{name} = {value}" for name, value in (values or {}).items())
        return f"`{constraint_text}` does not hold" + (f": {shown}" if shown else "")
    flipped = {"<=": ">", "<": ">=", ">=": "<", ">": "<=", "==": "!=", "!=": "=="}[op]
    text = f"{observed.text} {flipped} {threshold.text}"
    if margin is not None and margin.text != "equal":
        text += f", {margin.text}"
    return text


def missing_names(nodes: list[t.Node], seen: dict[int, Vec], index: Index) -> list[str]:
    """Fields and indicators whose value is missing at `index`."""
    out: list[str] = []
    for leaf in [leaf for node in nodes for leaf in leaves(node)]:
        vec = seen.get(id(leaf))
        name = leaf.name if isinstance(leaf, t.FieldRef) else leaf.id
        if vec is not None and not known(vec, index) and name not in out:
            out.append(name)
    return out


def values_at(found: list[t.FieldRef | t.IndicatorRef], seen: dict[int, Vec],
              index: Index, defaulted: Mapping[str, Mask] | None = None) -> dict[str, str]:
    """The values of these leaves at `index`, as shown to people (first of each name); a
    value a schema default filled says so (`0 km² (default)`): nobody wrote it."""
    out: dict[str, str] = {}
    for leaf in found:
        key = leaf.name if isinstance(leaf, t.FieldRef) else leaf.id
        vec = seen.get(id(leaf))
        if vec is not None and key not in out:
            out[key] = show(leaf.type, vec, index)[2]
            mask = defaulted.get(key) if defaulted and isinstance(leaf, t.FieldRef) else None
            if mask is not None and bool(mask[index]):
                out[key] += " (default)"
    return out


def rule_leaves(rule: t.CheckedRule) -> list[t.FieldRef | t.IndicatorRef]:
    """Every field and indicator the rule reads: guard, constraints, exceptions."""
    nodes = [c.expr for c in rule.constraints] + [w.expr for w in rule.waivers]
    if rule.guard is not None:
        nodes.insert(0, rule.guard)
    return [leaf for node in nodes for leaf in leaves(node)]
