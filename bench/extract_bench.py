"""Accuracy of `plancheck extract` against hand-labelled gold sets, and the draft suite.

    .venv/bin/python bench/extract_bench.py [--show-misses] [--set NAME]…
    .venv/bin/python bench/extract_bench.py --loso   # the learned decision, leave-one-set-out

Gold (labelled by hand, never by the extractor; policy in docs/extract.md):
`tests/data/extract/gold.csv` — every numeric target of the bundled Daxing suite
and the plan's other numbered targets and 2016-2020 results (`plan.txt`), and the
figures of real Daxing report excerpts (`reports/`); `tests/data/extract/heldout/
gold.csv` … `heldout36/` — excerpts of other plans and reports (5 and 7-36 kept blind until
their one run), each
labelled before the extractor first read it and measured separately (docs/extract.md
gives each set's first-run figures: the later sets are the fair estimate for text the
reader has not seen).  A match is the same file and
line, the same value in the same unit (units compared through the suite's unit
table, so `公顷` is `ha`, and a count in any measure word is a count: `块` is `count`,
`万套` is `万`), and the same op; each label matches at most once.
Prints precision and recall of targets and of actuals for each set, then drafts a
suite from `plan.txt` and prints how many of its rules parse and type-check and
which diagnostics lint gives besides the draft marker (L611).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))  # extract_learn: fitting, at training time only

from checker.syntax.suite import load_suite  # noqa: E402
from checker.tools.extract import Item, Reader, extract, read_text, reader_for  # noqa: E402
from checker.tools.extract.decide import COLLECT, Decision  # noqa: E402
from checker.tools.extract.phrases import Lexicon  # noqa: E402
from checker.types.typecheck import typecheck  # noqa: E402
from checker.types.typed import CheckedSuite  # noqa: E402

DATA = ROOT / "tests" / "data" / "extract"
PLAN = ROOT / "rules" / "daxing-14th" / "plan.txt"
SETS = {"daxing": DATA / "gold.csv", "held-out": DATA / "heldout" / "gold.csv",
        "held-out2": DATA / "heldout2" / "gold.csv", "held-out3": DATA / "heldout3" / "gold.csv",
        "held-out4": DATA / "heldout4" / "gold.csv", "held-out6": DATA / "heldout6" / "gold.csv",
        "blind5": DATA / "heldout5" / "gold.csv", "blind7": DATA / "heldout7" / "gold.csv",
        "blind8": DATA / "heldout8" / "gold.csv", "blind9": DATA / "heldout9" / "gold.csv",
        "blind10": DATA / "heldout10" / "gold.csv", "blind11": DATA / "heldout11" / "gold.csv",
        "blind12": DATA / "heldout12" / "gold.csv", "blind13": DATA / "heldout13" / "gold.csv",
        "blind14": DATA / "heldout14" / "gold.csv", "blind15": DATA / "heldout15" / "gold.csv",
        "blind16": DATA / "heldout16" / "gold.csv", "blind17": DATA / "heldout17" / "gold.csv",
        "blind18": DATA / "heldout18" / "gold.csv", "blind19": DATA / "heldout19" / "gold.csv",
        "blind20": DATA / "heldout20" / "gold.csv", "blind21": DATA / "heldout21" / "gold.csv",
        "blind22": DATA / "heldout22" / "gold.csv", "blind23": DATA / "heldout23" / "gold.csv",
        "blind24": DATA / "heldout24" / "gold.csv", "blind25": DATA / "heldout25" / "gold.csv",
        "blind26": DATA / "heldout26" / "gold.csv", "blind27": DATA / "heldout27" / "gold.csv",
        "blind28": DATA / "heldout28" / "gold.csv",
        "blind29": DATA / "heldout29" / "gold.csv", "blind30": DATA / "heldout30" / "gold.csv",
        "blind31": DATA / "heldout31" / "gold.csv",
        "blind32": DATA / "heldout32" / "gold.csv", "blind33": DATA / "heldout33" / "gold.csv",
        "blind34": DATA / "heldout34" / "gold.csv",
        "blind35": DATA / "heldout35" / "gold.csv", "blind36": DATA / "heldout36" / "gold.csv",
        "blind37": DATA / "heldout37" / "gold.csv", "blind38": DATA / "heldout38" / "gold.csv",
        "blind39": DATA / "heldout39" / "gold.csv", "blind40": DATA / "heldout40" / "gold.csv",
        "blind41": DATA / "heldout41" / "gold.csv",
        "blind42": DATA / "heldout42" / "gold.csv",
        "blind43": DATA / "heldout43" / "gold.csv",
        "blind44": DATA / "heldout44" / "gold.csv",
        "blind45": DATA / "heldout45" / "gold.csv",
        "blind46": DATA / "heldout46" / "gold.csv",
        "blind47": DATA / "heldout47" / "gold.csv",
        "blind48": DATA / "heldout48" / "gold.csv",
        "blind49": DATA / "heldout49" / "gold.csv",
        "blind50": DATA / "heldout50" / "gold.csv",
        "blind51": DATA / "heldout51" / "gold.csv",
        "blind52": DATA / "heldout52" / "gold.csv",
        "blind53": DATA / "heldout53" / "gold.csv",
        "blind54": DATA / "heldout54" / "gold.csv",
        "blind55": DATA / "heldout55" / "gold.csv",
        "blind56": DATA / "heldout56" / "gold.csv",
        "blind57": DATA / "heldout57" / "gold.csv",
        "blind58": DATA / "heldout58" / "gold.csv",
        "blind59": DATA / "heldout59" / "gold.csv",
        "blind60": DATA / "heldout60" / "gold.csv"}

Key = tuple[str, int, Fraction, str, str]


@dataclass(frozen=True)
class Score:
    kind: str
    found: int
    gold: int
    matched: int
    misses: tuple[Key, ...]
    extras: tuple[Key, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


def file_of(gold: Path, name: str) -> Path:
    return PLAN if name == "plan.txt" else gold.parent / name


def read_gold(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


_LEXICONS: dict[int, Lexicon] = {}


def unit_key(checked: CheckedSuite, text: str) -> str:
    """A unit as compared: the suite's unit of a spelling; a count in any measure word the
    reader knows as one (`块`, `名`, `万套` and `count`, `万`: the same amount of things, as
    the gold sets spell counts both ways); else the spelling."""
    unit = checked.units.resolve(text) if text else None
    if unit is None and text:
        lexicon = _LEXICONS.setdefault(id(checked), Lexicon(checked.units))
        word = lexicon.words.get(text)
        if word is not None and word.count and word.base is not None:
            return f"{word.base.dimension} x {word.base.factor * word.scale}"
    if unit is not None and unit.dimension == "one":
        return f"one x {unit.factor}"
    return unit.name if unit is not None else text


def gold_keys(checked: CheckedSuite, rows: list[dict[str, str]], kind: str) -> Counter[Key]:
    return Counter((r["file"], int(r["line"]), Fraction(r["value"]), unit_key(checked, r["unit"]),
                    r["op"]) for r in rows if r["kind"] == kind)


def item_keys(checked: CheckedSuite, items: list[Item], names: dict[str, str],
              kind: str) -> Counter[Key]:
    return Counter((names[i.file], i.line, i.value, unit_key(checked, i.unit), i.op)
                   for i in items if i.kind == kind and isinstance(i.value, Fraction))


def score(found: Counter[Key], gold: Counter[Key], kind: str) -> Score:
    matched = found & gold
    return Score(kind, sum(found.values()), sum(gold.values()), sum(matched.values()),
                 tuple(sorted((gold - matched).elements())),
                 tuple(sorted((found - matched).elements())))


def measure(checked: CheckedSuite, gold: Path,
            reader: Reader | None = None) -> tuple[list[Score], float]:
    items, rows, elapsed = read_set(checked, gold, reader)
    names = {i.file: i.file for i in items}
    return [score(item_keys(checked, items, names, k), gold_keys(checked, rows, k), k)
            for k in ("target", "actual")], elapsed


def read_set(checked: CheckedSuite, gold: Path, reader: Reader | None = None
             ) -> tuple[list[Item], list[dict[str, str]], float]:
    """The items the reader finds in a set's files, the set's labels, and the time taken."""
    rows = read_gold(gold)
    files = sorted({r["file"] for r in rows} | {p.name for p in gold.parent.glob("*.txt")}
                   | {f"reports/{p.name}" for p in (gold.parent / "reports").glob("*.txt")})
    sources, names = [], {}
    for name in files:
        source = read_text(file_of(gold, name), name)
        assert not hasattr(source, "code"), source
        sources.append(source)
        names[name] = name
    started = time.perf_counter()
    items = extract(sources, reader or reader_for(checked))  # type: ignore[arg-type]
    return items, rows, time.perf_counter() - started


def draft_rate(checked: CheckedSuite) -> str:
    from checker.tools.extract.drafts import draft_suite
    from checker.tools.lint import lint

    source = read_text(PLAN, "plan.txt")
    items = extract([source], reader_for(checked))  # type: ignore[list-item]
    with tempfile.TemporaryDirectory() as folder:
        written = draft_suite(items, source, checked, Path(folder))  # type: ignore[arg-type]
        loaded = load_suite([folder])
        drafted = typecheck(loaded.suite)
        found = lint(loaded.suite, drafted)
    codes = Counter(d.code for d in [*drafted.warnings, *found])
    others = {c: n for c, n in codes.items() if c != "L611"}
    return (f"draft suite from plan.txt: {len(drafted.rules)} rules ({written.skipped} "
            f"targets left as comments), all parse and type-check; lint: {codes['L611']} x L611 "
            f"(draft, review me), other diagnostics: {others or 'none'}")


# ------------------------------------------------------------------ leave-one-set-out


# How the decision may overrule the rules: where their own words did not decide, or
# anywhere, past a margin of log-odds; `text` weighs the text alone (no feature says what
# the rules, the section or the paragraph decided) and decides every figure.
POLICIES = {"rules": None, "default m0": ("default", 0.0, False),
            "default m1": ("default", 1.0, False), "default m2": ("default", 2.0, False),
            "all m0": ("all", 0.0, False), "all m1": ("all", 1.0, False),
            "all m2": ("all", 2.0, False), "text": ("all", 0.0, True),
            "text def m1": ("default", 1.0, True), "text m2": ("all", 2.0, True),
            "text m3": ("all", 3.0, True), "text m4": ("all", 4.0, True)}
_VERDICTS = ("rule=", "doc=plan|rule", "doc=report|rule", "doc=|rule", "lean=", "mode=")


def figures_of(checked: CheckedSuite, gold: Path) -> list[tuple[tuple[str, ...], bool]]:
    """Each figure the rules read as a target or an actual in a set, with its features
    and whether a target label of the set is at its line with its value and unit (the
    op is left out: it follows from the kind)."""
    reader = replace(reader_for(checked), decision=COLLECT)
    items, rows, _ = read_set(checked, gold, reader)
    targets = Counter((r["file"], int(r["line"]), Fraction(r["value"]),
                       unit_key(checked, r["unit"])) for r in rows if r["kind"] == "target")
    out = []
    for item in items:
        if item.kind == "other" or not item.signals or not isinstance(item.value, Fraction):
            continue
        key = (item.file, item.line, item.value, unit_key(checked, item.unit))
        out.append((item.signals, targets[key] > 0))
        if targets[key]:
            targets[key] -= 1
    return out


def loso(checked: CheckedSuite) -> None:
    """For each blind set, fit the decision on every other set and read the set with it;
    per set and pooled over the blind sets, targets and actuals, rules alone and each
    way the decision may overrule them."""
    from extract_learn import fit

    rows = {name: figures_of(checked, gold) for name, gold in SETS.items()}
    pooled: dict[str, Counter[str]] = {p: Counter() for p in POLICIES}
    for name, gold in SETS.items():
        if not name.startswith("blind"):
            continue
        training = [r for other, figures in rows.items() if other != name for r in figures]
        models = {False: fit(training),
                  True: fit([([f for f in names if not f.startswith(_VERDICTS)], target)
                             for names, target in training])}
        line = [f"{name:8}"]
        for policy, how in POLICIES.items():
            model = models[how[2]] if how is not None else None
            reader = reader_for(checked) if how is None or model is None else replace(
                reader_for(checked), decision=Decision(model.bias, model.weights,
                                                       scope=how[0], margin=how[1]))
            target, actual = measure(checked, gold, reader)[0]
            total = pooled[policy]
            total.update(t_found=target.found, t_gold=target.gold, t_ok=target.matched)
            if actual.gold:
                total.update(a_found=actual.found, a_gold=actual.gold, a_ok=actual.matched)
            line.append(f"{policy} {target.precision:.3f}/{target.recall:.3f}")
        print("  ".join(line))
    print("pooled over the blind sets (targets P / R; actuals P / R over the sets that "
          "label them):")
    for policy, t in pooled.items():
        print(f"  {policy:11} targets {t['t_ok'] / t['t_found']:.3f} / "
              f"{t['t_ok'] / t['t_gold']:.3f}"
              f" ({t['t_ok']} of {t['t_found']}, of {t['t_gold']})   actuals "
              f"{t['a_ok'] / t['a_found']:.3f} / {t['a_ok'] / t['a_gold']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--no-draft", action="store_true", help="skip the draft suite")
    parser.add_argument("--loso", action="store_true",
                        help="the learned decision, measured leave-one-set-out")
    parser.add_argument("--set", action="append", choices=sorted(SETS), dest="sets",
                        help="measure only this set (repeatable); misses of the others stay hidden")
    args = parser.parse_args()
    checked = typecheck(load_suite().suite)
    if args.loso:
        loso(checked)
        return 0
    for name, gold in SETS.items():
        if args.sets and name not in args.sets:
            continue
        scores, elapsed = measure(checked, gold)
        for s in scores:
            print(f"{name:9} {s.kind:7} precision {s.precision:.3f} ({s.matched}/{s.found})  "
                  f"recall {s.recall:.3f} ({s.matched}/{s.gold})")
            if args.show_misses:
                for key in s.misses:
                    print(f"    missed {key}")
                for key in s.extras:
                    print(f"    extra  {key}")
        print(f"{name:9} read in {elapsed * 1000:.0f} ms")
    if not args.no_draft:
        print(draft_rate(checked))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
