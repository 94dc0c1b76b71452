"""The Daxing suite's record rules written by hand, twice: as numpy and as DuckDB SQL.

The baselines of `scale_bench.py`.  Each rule is a guard, constraints and waivers
over the proposal columns, built from a few helpers that evaluate with Kleene
logic in numpy (values + known masks, as SQL's NULL does) and print as SQL.  The
outcome of a row follows the language: guard unknown -> unknown, guard false ->
not applicable, constraint true or a waiver true -> pass, any part unknown ->
unknown, else fail.  Nothing here imports plancheck's engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

Columns = dict[str, Any]  # name -> (values, known) numpy pair
Tri = tuple[np.ndarray, np.ndarray]  # Kleene truth: values, known

OUTCOMES = ("pass", "fail", "unknown", "not_applicable")


@dataclass(frozen=True)
class Expr:
    sql: str
    run: Callable[[Columns], Tri]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def member(column: str, items: list[str] | tuple[str, ...]) -> Expr:
    """`column in {…}` for an enum (text) column."""
    wanted = list(items)

    def run(cols: Columns) -> Tri:
        codes, labels = cols[column]
        table = np.array([label in wanted for label in labels] + [False])
        return table[np.where(codes < 0, len(labels), codes)], codes >= 0

    return Expr(f"({column} IN ({', '.join(map(_quote, wanted))}))", run)


def flag(column: str) -> Expr:
    def run(cols: Columns) -> Tri:
        values, known = cols[column]
        return values.astype(bool), known

    return Expr(f"({column})", run)


def compare(column: str, op: str, value: float) -> Expr:
    ops = {">": np.greater, ">=": np.greater_equal, "<=": np.less_equal}

    def run(cols: Columns) -> Tri:
        values, known = cols[column]
        with np.errstate(invalid="ignore"):
            return ops[op](values, value), known

    return Expr(f"({column} {op} {value!r})", run)


def present(column: str) -> Expr:
    def run(cols: Columns) -> Tri:
        _, known = cols[column]
        return known.copy(), np.ones(len(known), bool)

    return Expr(f"({column} IS NOT NULL)", run)


def negate(inner: Expr) -> Expr:
    def run(cols: Columns) -> Tri:
        values, known = inner.run(cols)
        return ~values, known

    return Expr(f"(NOT {inner.sql})", run)


def both(*parts: Expr) -> Expr:
    def run(cols: Columns) -> Tri:
        runs = [p.run(cols) for p in parts]
        false = np.logical_or.reduce([k & ~v for v, k in runs])
        known = np.logical_and.reduce([k for _, k in runs]) | false
        return np.logical_and.reduce([v & k for v, k in runs]), known

    return Expr("(" + " AND ".join(p.sql for p in parts) + ")", run)


def either(*parts: Expr) -> Expr:
    def run(cols: Columns) -> Tri:
        runs = [p.run(cols) for p in parts]
        true = np.logical_or.reduce([k & v for v, k in runs])
        known = np.logical_and.reduce([k for _, k in runs]) | true
        return true, known

    return Expr("(" + " OR ".join(p.sql for p in parts) + ")", run)


@dataclass(frozen=True)
class Rule:
    id: str
    requires: tuple[Expr, ...]
    guard: Expr | None = None
    unless: Expr | None = None

    def sql(self) -> str:
        """One CASE giving 0 pass, 1 fail, 2 unknown, 3 not applicable."""
        constraint = both(*self.requires).sql if len(self.requires) > 1 else self.requires[0].sql
        parts = []
        if self.guard is not None:
            parts += [f"WHEN {self.guard.sql} IS NULL THEN 2", f"WHEN NOT {self.guard.sql} THEN 3"]
        parts.append(f"WHEN {constraint} THEN 0")
        if self.unless is not None:
            parts += [f"WHEN {self.unless.sql} THEN 0", f"WHEN {self.unless.sql} IS NULL THEN 2"]
        parts += [f"WHEN {constraint} IS NULL THEN 2", "ELSE 1"]
        return "CASE " + " ".join(parts) + " END"

    def counts(self, cols: Columns) -> dict[str, int]:
        ok, known = (both(*self.requires) if len(self.requires) > 1 else self.requires[0]).run(
            cols)
        code = np.where(known, np.where(ok, 0, 1), 2).astype(np.int8)
        if self.unless is not None:
            wv, wk = self.unless.run(cols)
            code = np.where((code != 0) & wk & wv, 0, code)
            code = np.where((code == 1) & ~wk, 2, code)
        if self.guard is not None:
            gv, gk = self.guard.run(cols)
            code = np.where(gk & ~gv, 3, code)
            code = np.where(~gk, 2, code)
        bins = np.bincount(code, minlength=4)
        return {name: int(bins[i]) for i, name in enumerate(OUTCOMES)}


def daxing_rules(sets: dict[str, tuple[str, ...]]) -> list[Rule]:
    """The 20 `for each project` rules of the bundled suite (LAND-02, `for all`, aside)."""
    S = sets
    vehicles = compare("new_operating_vehicles", ">", 0.0)
    other = member("zone", ["其他"])

    def town_is(*towns: str) -> Expr:
        return member("town", list(towns))

    def industry_in(*items: str) -> Expr:
        return member("industry", list(items))

    zone_rules = [
        ("ZONE-01", "临空经济区", member("industry", S["临空经济区产业"])),
        ("ZONE-02", "综合保税区", industry_in("保税研发", "国际贸易", "跨境冷链")),
        ("ZONE-04", "中日创新合作示范区", member("industry", S["中日示范区产业"])),
        ("ZONE-05", "国际氢能示范区", industry_in("氢能", "科技服务")),
        ("ZONE-06", "新媒体基地", industry_in("信创", "数字创意与设计", "新一代视听", "商务服务")),
        ("ZONE-13", "生物医药基地", member("industry", S["生物医药基地产业"])),
        ("ZONE-12", "农业地区", industry_in("现代农业", "文化旅游")),
    ]
    town_fit = member("industry", S["城镇配套"])
    pharma = ("生物制药", "创新药物", "现代中药", "高端医疗器械", "健康服务")
    rules = [
        Rule("FARM-01", (negate(flag("occupies_permanent_basic_farmland")),)),
        Rule("ECO-05", (negate(flag("in_ecological_red_line")),)),
        Rule("LAND-03", (negate(flag("in_strategic_reserve")),),
             unless=present("strategic_reserve_approval")),
        Rule("LAND-04", (negate(industry_in("一般制造业")),)),
        Rule("VEH-01", (compare("new_energy_vehicle_share", ">=", 95.0),),
             both(industry_in("公共服务", "智慧物流", "物流仓储"), vehicles)),
        Rule("VEH-02", (compare("new_energy_vehicle_share", ">", 50.0),),
             both(member("zone", ["临空经济区", "综合保税区", "京南物流基地"]), vehicles)),
        Rule("VEH-03", (member("vehicle_emission_standard", ["国六b"]),), vehicles,
             compare("new_energy_vehicle_share", ">=", 100.0)),
        Rule("WATER-08", (flag("sponge_city_measures"),),
             member("zone", ["临空经济区", "大兴新城"])),
        Rule("ZONE-03", (either(
            member("zone", ["生物医药基地", "临空经济区", "中日创新合作示范区"]),
            town_is("黄村镇", "北臧村镇")),),
             member("industry", S["医药健康产业"])),
        Rule("ZONE-08", (industry_in("智慧物流", "商务服务"),
                         compare("new_construction_land", "<=", 0.0)),
             member("zone", ["京南物流基地"])),
        Rule("ZONE-09", (either(
            town_fit,
            both(town_is("西红门镇"),
                 industry_in("商务服务", "信创", "数字创意与设计", "新一代视听")),
            both(town_is("北臧村镇"), industry_in(*pharma, "商务服务", "文化旅游")),
            both(town_is("黄村镇"), industry_in(*pharma, "商务服务"))),),
             both(other, town_is("西红门镇", "北臧村镇", "黄村镇"))),
        Rule("ZONE-10", (either(
            town_fit, member("industry", S["高端制造产业"]),
            both(town_is("亦庄镇", "旧宫镇"), industry_in("科技服务")),
            both(town_is("旧宫镇"), industry_in("商务服务")),
            both(town_is("青云店镇", "采育镇"), industry_in("文化旅游")),
            both(town_is("长子营镇", "采育镇"), industry_in("现代农业"))),),
             both(other, town_is("亦庄镇", "旧宫镇", "瀛海镇", "青云店镇", "长子营镇", "采育镇"))),
        Rule("ZONE-11", (either(
            town_fit, member("industry", S["航空服务产业"]),
            both(town_is("魏善庄镇"), industry_in("数字创意与设计", "信创", "文化旅游")),
            both(town_is("庞各庄镇", "安定镇", "榆垡镇", "礼贤镇"),
                 industry_in("现代农业", "文化旅游")),
            both(town_is("庞各庄镇"), industry_in("金融服务")),
            both(town_is("榆垡镇", "礼贤镇"), industry_in("商务服务"))),),
             both(other, town_is("魏善庄镇", "庞各庄镇", "安定镇", "榆垡镇", "礼贤镇"))),
    ]
    rules += [Rule(rule_id, (allowed,), member("zone", [zone])) for rule_id, zone, allowed
              in zone_rules]
    return rules


def sql_counts(rules: list[Rule], source: str) -> str:
    """One scan: four counts per rule."""
    selects = [f"count_if(({rule.sql()}) = {code}) AS \"{rule.id}|{name}\""
               for rule in rules for code, name in enumerate(OUTCOMES)]
    return f"SELECT {', '.join(selects)} FROM {source}"
