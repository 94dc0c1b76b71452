"""First sight, rules against rules + a learned decision, on the blind sets 22-36.

    .venv/bin/python bench/extract_first_sight.py

`extract_bench.py --loso` reads every set with today's rules, which were fixed on every set;
here each set is read by the reader of its label commit (the reader that first saw it, in a
throw-away `git worktree`), and a text-only decision (target against not, `extract_learn`),
fitted on today's reading of every other labelled set, may overrule that reader's kind past
a margin of log-odds.  The features come from the raw line (so that old and new readings
get the same ones): character 1-3-grams of the clause before and after the figure, the cue
words of its sentence and clause, how the years it names stand to the page's date.  Scored
on the targets, as `extract_bench` does (same line, value, unit and op; a flipped item keeps
its op) and without the op (same line, value and unit: the decision alone).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "scripts"))

import extract_bench as eb  # noqa: E402
from extract_learn import fit  # noqa: E402

from checker.syntax.suite import load_suite  # noqa: E402
from checker.tools.extract import reader_for  # noqa: E402
from checker.tools.extract.decide import Decision  # noqa: E402
from checker.tools.extract.signals import CUES  # noqa: E402
from checker.types.typecheck import typecheck  # noqa: E402
from checker.types.typed import CheckedSuite  # noqa: E402

SETS = [f"blind{n}" for n in range(22, 37)]
MARGINS = (0.0, 1.0, 2.0, 3.0)
_DUMP = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from checker.syntax.suite import load_suite
from checker.tools.extract import extract, read_text, reader_for
from checker.types.typecheck import typecheck
checked = typecheck(load_suite().suite)
folder = Path(sys.argv[2])
names = sorted({p.name for p in folder.glob("*.txt")})
sources = [read_text(folder / n, n) for n in names]
for i in extract(sources, reader_for(checked)):
    print(json.dumps([i.file, i.line, i.column, i.kind, i.op, str(i.value), i.unit, i.words],
                     ensure_ascii=False))
"""
_ENDS = re.compile(r"[,，;；。:：!！?？]")
_SENTENCE_ENDS = re.compile(r"[。!！?？;；]")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_DATE = re.compile(r"(20\d\d)\s?[-年/.]\s?\d{1,2}\s?[-月/.]\s?\d{1,2}")
Row = tuple[str, int, int, str, str, str, str, str]


def label_commit(name: str) -> str:
    path = f"tests/data/extract/heldout{name.removeprefix('blind')}/gold.csv"
    out = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", path],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return out[-1]


def first_reading(commit: str, folder: str) -> list[Row]:
    """What the reader of `commit` finds in a set's folder."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), commit], cwd=ROOT,
                       check=True)
        try:
            out = subprocess.run([sys.executable, "-c", _DUMP, str(tree), str(tree / folder)],
                                 capture_output=True, text=True, check=True, cwd=tree).stdout
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT,
                           check=True)
    return [tuple(json.loads(line)) for line in out.splitlines()]  # type: ignore[misc]


def signals(lines: list[str], stamp: int | None, line: int, column: int, words: str,
            ) -> list[str]:
    """The features of a figure from its raw line (column is 1-based)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    at = column - 1
    ends = [m.end() for m in _ENDS.finditer(text, 0, at)]
    clause_start = ends[-1] if ends else 0
    after = _ENDS.search(text, at + len(words))
    clause_end = after.start() if after else len(text)
    s_ends = [m.end() for m in _SENTENCE_ENDS.finditer(text, 0, at)]
    s_after = _SENTENCE_ENDS.search(text, at + len(words))
    sentence = text[s_ends[-1] if s_ends else 0:s_after.end() if s_after else len(text)]
    left = text[max(clause_start, at - 16):at]
    right = text[at + len(words):min(clause_end, at + len(words) + 10)]
    out = []
    for n in (1, 2, 3):
        out += [f"b{n}:{left[i:i + n]}" for i in range(len(left) - n + 1)]
        out += [f"a{n}:{right[i:i + n]}" for i in range(len(right) - n + 1)]
    out += [f"cue:{w}" for w in CUES if w in sentence]
    out += [f"clause:{w}" for w in CUES if w in text[clause_start:clause_end]]
    years = {int(y) for y in _YEAR.findall(sentence)}
    out.append("year=none" if not years else "year=some")
    if stamp is None:
        out.append("stamp=none")
    for y in years if stamp is not None else ():
        out.append(f"year{'>' if y > stamp else '=' if y == stamp else '<'}stamp")
    return out


class Texts:
    """The lines and the page's date of each file of a set, read once."""

    def __init__(self, gold: Path) -> None:
        self.gold = gold
        self._read: dict[str, tuple[list[str], int | None]] = {}

    def of(self, name: str) -> tuple[list[str], int | None]:
        if name not in self._read:
            text = eb.file_of(self.gold, name).read_text(encoding="utf-8", errors="replace")
            date = _DATE.search(text[:2000])
            self._read[name] = text.split("\n"), int(date.group(1)) if date else None
        return self._read[name]


def targets_of(checked: CheckedSuite, gold: Path) -> Counter[tuple[str, int, Fraction, str]]:
    return Counter((r["file"], int(r["line"]), Fraction(r["value"]),
                    eb.unit_key(checked, r["unit"])) for r in eb.read_gold(gold)
                   if r["kind"] == "target")


def training_rows(checked: CheckedSuite, name: str, gold: Path) -> list[tuple[list[str], bool]]:
    """Today's reading of a set: each target or actual it finds, labelled."""
    items, _, _ = eb.read_set(checked, gold, reader_for(checked))
    texts, targets, rows = Texts(gold), targets_of(checked, gold), []
    for i in items:
        if i.kind == "other" or not isinstance(i.value, Fraction):
            continue
        lines, stamp = texts.of(i.file)
        key = (i.file, i.line, i.value, eb.unit_key(checked, i.unit))
        rows.append((signals(lines, stamp, i.line, i.column, i.words), targets[key] > 0))
        if targets[key]:
            targets[key] -= 1
    return rows


def scored(checked: CheckedSuite, gold: Path, found: list[tuple[Row, str]],
           with_op: bool) -> tuple[int, int, int]:
    labels = Counter((r["file"], int(r["line"]), Fraction(r["value"]),
                      eb.unit_key(checked, r["unit"]), r["op"] if with_op else "")
                     for r in eb.read_gold(gold) if r["kind"] == "target")
    got = Counter((row[0], row[1], Fraction(row[5]), eb.unit_key(checked, row[6]),
                   row[4] if with_op else "") for row, kind in found if kind == "target")
    return sum(got.values()), sum(labels.values()), sum((got & labels).values())


def flipped(kind: str, odds: float, margin: float) -> str:
    """The rule of `Decision.kind` with scope `all`: the model overrules past the margin."""
    return Decision(0.0, {"odds": odds}, margin=margin, scope="all").kind(["odds"], kind, False)


def main() -> int:
    checked = typecheck(load_suite().suite)
    rows = {name: training_rows(checked, name, gold) for name, gold in eb.SETS.items()}
    policies = ["first sight", *(f"+model m{m:g}" for m in MARGINS),
                *(f"+up only m{m:g}" for m in MARGINS)]
    pooled = {(p, op): Counter[str]() for p in policies for op in (True, False)}
    for name in SETS:
        gold = eb.SETS[name]
        reading = [r for r in first_reading(label_commit(name), str(gold.parent.relative_to(ROOT)))
                   if r[3] != "other" and r[5] not in ("True", "None")]
        model = fit([r for other, figures in rows.items() if other != name for r in figures])
        texts = Texts(gold)
        odds = [model.log_odds(signals(*texts.of(r[0]), r[1], r[2], r[7])) for r in reading]
        line = [f"{name:8}"]
        for policy in policies:
            if policy == "first sight":
                found = [(r, r[3]) for r in reading]
            else:  # `+up only`: the model may only make an actual a target
                margin = float(policy.rsplit(" m", 1)[1])
                up = policy.startswith("+up")
                found = [(r, r[3] if up and r[3] == "target" else flipped(r[3], o, margin))
                         for r, o in zip(reading, odds, strict=True)]
            for with_op in (True, False):
                f, g, m = scored(checked, gold, found, with_op)
                pooled[(policy, with_op)].update(found=f, gold=g, ok=m)
                if with_op:
                    line.append(f"{policy} {m / f if f else 1:.3f}/{m / g if g else 1:.3f}")
        print("  ".join(line), flush=True)
    print("pooled over sets 22-36, targets P / R (with the op; without it):")
    for policy in policies:
        a, b = pooled[(policy, True)], pooled[(policy, False)]
        print(f"  {policy:12} {a['ok'] / a['found']:.3f} / {a['ok'] / a['gold']:.3f} "
              f"({a['ok']} of {a['found']}, of {a['gold']});  "
              f"{b['ok'] / b['found']:.3f} / {b['ok'] / b['gold']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
