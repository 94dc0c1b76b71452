"""The learned second opinion on target or not: what it weighs and when it may overrule."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from checker.source import SourceFile
from checker.tools.extract import extract
from checker.tools.extract.decide import COLLECT, Decision
from tests.extract_helpers import reader

TEXT = "到2025年,公交站点500米覆盖率达到90%。2020年,全区完成固定资产投资800亿元。"


def _items(decision: Decision) -> list[tuple[str, str]]:
    found = extract([SourceFile("t.txt", TEXT)], replace(reader(), decision=decision))
    return [(i.words, i.kind) for i in found if i.kind != "other"]


def test_collecting_keeps_what_the_rules_said_and_changes_no_kind() -> None:
    found = extract([SourceFile("t.txt", TEXT)], replace(reader(), decision=COLLECT))
    signals = {i.words: i.signals for i in found if i.kind != "other"}
    assert "rule=target" in signals["90%"] and "rule=actual" in signals["800亿元"]
    assert "cue:达到" in signals["90%"] and "b2:达到" in signals["90%"]
    assert _items(COLLECT) == [(w, k) for w, k in _items(Decision(0.0, {}))]


def test_a_sure_model_overrules_only_where_it_may() -> None:
    rules = dict(_items(Decision(0.0, {})))
    assert rules == {"90%": "target", "800亿元": "actual"}
    flip = {"rule=target": -5.0, "rule=actual": 5.0}
    assert dict(_items(Decision(0.0, flip, margin=2.0, scope="all"))) == \
        {"90%": "actual", "800亿元": "target"}
    assert dict(_items(Decision(0.0, flip, margin=6.0, scope="all"))) == rules
    # `到2025年` decides 90% by its own words; the undated page leaves 800亿元 to a default
    assert dict(_items(Decision(0.0, flip, margin=0.0, scope="default"))) == \
        {"90%": "target", "800亿元": "target"}


def test_weights_load_from_json(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"bias": 0.5, "weights": {"cue:达到": 1.5}}), encoding="utf-8")
    loaded = Decision.load(path, margin=1.0)
    assert loaded.log_odds(["cue:达到", "cue:达到", "x"]) == 2.0 and loaded.margin == 1.0
    assert 0.88 < loaded.probability(["cue:达到"]) < 0.89
