"""The reader against the hand-labelled Daxing gold set (tests/data/extract/gold.csv):
precision and recall of targets and of reported values stay at or above 0.9.
`bench/extract_bench.py` prints the figures and the held-out set's."""

from __future__ import annotations

import sys

import pytest

from tests.extract_helpers import DATA, ROOT, bundled

sys.path.insert(0, str(ROOT / "bench"))
import extract_bench

FLOOR = 0.9


@pytest.fixture(scope="module")
def scores() -> dict[str, extract_bench.Score]:
    found, _ = extract_bench.measure(bundled(), DATA / "gold.csv")
    return {s.kind: s for s in found}


@pytest.mark.parametrize("kind", ["target", "actual"])
def test_precision_and_recall(scores: dict[str, extract_bench.Score], kind: str) -> None:
    score = scores[kind]
    assert score.gold > 40
    assert score.precision >= FLOOR, f"extra: {score.extras}"
    assert score.recall >= FLOOR, f"missed: {score.misses}"


def test_every_gold_label_names_a_figure_on_its_line() -> None:
    from fractions import Fraction

    for row in extract_bench.read_gold(DATA / "gold.csv"):
        line = extract_bench.file_of(DATA / "gold.csv", row["file"]).read_text(
            encoding="utf-8").split("\n")[int(row["line"]) - 1]
        value = Fraction(row["value"])
        assert row["value"] in line or value in (0, 100, 1000, 10, 10000), row


@pytest.mark.parametrize("folder", ["heldout4", "heldout6", "heldout8", "heldout9", "heldout10",
                                    "heldout11", "heldout14", "heldout15", "heldout16",
                                    "heldout18", "heldout19", "heldout20", "heldout21",
                                    "heldout25", "heldout26", "heldout27", "heldout28",
                                    "heldout29", "heldout30", "heldout31", "heldout32",
                                    "heldout33", "heldout34", "heldout35", "heldout36",
                                    "heldout38", "heldout39", "heldout40", "heldout41",
                                    "heldout42", "heldout43", "heldout44", "heldout45",
                                    "heldout46", "heldout47", "heldout48", "heldout49",
                                    "heldout50", "heldout52", "heldout53", "heldout54",
                                    "heldout55", "heldout56"])
def test_targets_of_the_stored_page_sets_stay_read(folder: str) -> None:
    """Sets 4, 6, 8-11, 14-16, 18-21, 25-36, 38-50 and 52-56 were read once blind (docs/extract.md
    gives those figures) and then used to find general fixes; their targets must stay at 0.9 or
    better (12, 13 and 17 are below it, with the misses docs/extract.md names)."""
    found, _ = extract_bench.measure(bundled(), DATA / folder / "gold.csv")
    (targets,) = [s for s in found if s.kind == "target"]
    assert targets.precision >= FLOOR, f"extra: {targets.extras}"
    assert targets.recall >= FLOOR, f"missed: {targets.misses}"


# Sets 22-24, 37 and 51 after the fixes of their first blind run (docs/extract.md): below 0.9
# still, with the classes left that docs/extract.md names; these floors keep what the fixes reached.
AFTER_FIX = {"heldout22": (0.97, 0.99), "heldout23": (0.91, 0.91), "heldout24": (0.95, 0.91),
             "heldout37": (0.81, 0.81), "heldout51": (0.86, 0.93)}


@pytest.mark.parametrize("folder", sorted(AFTER_FIX))
def test_targets_of_sets_22_to_24_37_and_51_keep_their_after_fix_figures(folder: str) -> None:
    found, _ = extract_bench.measure(bundled(), DATA / folder / "gold.csv")
    (targets,) = [s for s in found if s.kind == "target"]
    precision, recall = AFTER_FIX[folder]
    assert targets.precision >= precision, f"extra: {targets.extras}"
    assert targets.recall >= recall, f"missed: {targets.misses}"


def test_a_count_matches_in_any_measure_word_and_nothing_else() -> None:
    """The gold sets spell counts as `count` and `万` and as the text does (`块`, `万辆`); both
    are the same amount of things, and no other unit is a count."""
    checked = bundled()
    key = extract_bench.unit_key
    assert key(checked, "块") == key(checked, "名") == key(checked, "个") == key(checked, "count")
    assert key(checked, "万辆") == key(checked, "万套") == key(checked, "万")
    assert key(checked, "万") != key(checked, "count")
    assert len({key(checked, u) for u in ("count", "人", "%", "托位", "万人")}) == 5
