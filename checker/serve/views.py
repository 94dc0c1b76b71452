"""What the pages show, shaped for the templates: findings with the plan's words, gauges.

In: a proposal as `queries.proposal` gives it (its canonical result inside),
quota standings as `Standing.to_json` gives them.  Out: plain values for the
Jinja2 templates — findings first (fail, error, unknown), each with its rule's
title, kind and citations, observed vs threshold and margin; passing rules
after; gauges with the widths of their bars.  The Jinja2 environment escapes
every value (autoescape), so user text never reaches a page as markup.
Imports jinja2 and `i18n`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from checker.serve import i18n

TEMPLATES = Path(__file__).with_name("templates")
ORDER = {"fail": 0, "error": 1, "unknown": 2, "pending": 3, "pass": 4, "not_applicable": 5}
GAUGE_WIDTH = 600


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                             autoescape=jinja2.select_autoescape(["html"]),
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    return env


def findings(result: Mapping[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(to look at, passing) — each outcome joined with its rule's summary."""
    rules = {rule["id"]: rule for rule in result["rules"]}
    joined = [{**outcome, "rule_info": rules.get(outcome["rule"], {})}
              for outcome in result["outcomes"]]
    joined.sort(key=lambda o: (ORDER.get(o["outcome"], 9), o["rule"]))
    look = [o for o in joined if o["outcome"] in ("fail", "error", "unknown")]
    rest = [o for o in joined if o["outcome"] not in ("fail", "error", "unknown")]
    return look, rest


def gauge(quota: Mapping[str, Any]) -> dict[str, Any]:
    """Bar widths over what the baseline left under the cap: approved, then this proposal."""
    cap, base, used, share = (quota.get(k) for k in ("cap", "base", "used", "share"))
    out: dict[str, Any] = {**quota, "used_width": 0, "share_width": 0,
                           "over": quota.get("holds") is False and share is not None}
    if cap is None or base is None or used is None or cap <= base:
        return out
    room = cap - base
    out["used_width"] = _width((used - base) / room)
    if share is not None:
        out["share_width"] = min(_width(share / room), GAUGE_WIDTH - out["used_width"])
    return out


def _width(fraction: float) -> int:
    return max(0, min(GAUGE_WIDTH, round(fraction * GAUGE_WIDTH)))


def history(entries: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    shown = []
    for entry in entries:
        payload = entry.get("payload") or {}
        shown.append({"seq": entry["seq"], "at": entry["at"], "actor": entry["actor"],
                      "action": entry["action"], "reason": payload.get("reason"),
                      "reasons": payload.get("reasons", []), "hash": entry["hash"][:12]})
    return shown


def globals_for(language: str) -> dict[str, Any]:
    lang = i18n.pick(language)
    return {"lang": lang, "t": lambda key: i18n.word(lang, key),
            "t2": lambda key: i18n.other(lang, key)}
