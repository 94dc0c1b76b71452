"""Benchmark: the language server's analysis after a keystroke, against a cold `plancheck lint`.

    .venv/bin/python bench/lsp_bench.py [--runs N]

On the bundled suite: the baseline is what `plancheck lint` does from nothing —
`load_suite` (read and parse every file) then typecheck and lint — timed in this
process after a warm-up.  The measured step is the server's analysis after one
keystroke in one file (`SuiteFolder.analyze` with that file's unsaved text: the
other files come from the parse cache; typecheck, lint, the tests' givens and the
position index are done again), and, for reference, one hover and one completion
on the result.  Prints the medians of `--runs` and the ratio of each to the
baseline.  Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.syntax.suite import load_suite  # noqa: E402
from checker.tools.lint import lint_suite  # noqa: E402
from checker.tools.lsp.complete import complete  # noqa: E402
from checker.tools.lsp.hover import hover  # noqa: E402
from checker.tools.lsp.index import Symbol  # noqa: E402
from checker.tools.lsp.workspace import SuiteFolder, normal  # noqa: E402

SUITE = ROOT / "rules" / "daxing-14th"


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: the grammar, caches, imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    baseline = median_seconds(lambda: lint_suite(load_suite([SUITE]).suite), runs)

    folder = SuiteFolder(SUITE)
    path = normal(SUITE / "land.rules")
    text = (SUITE / "land.rules").read_text(encoding="utf-8")
    typed = iter(range(10**9))

    def keystroke() -> object:  # a different text each time: no cache hit for this file
        return folder.analyze({path: text + f"# {next(typed)}\n"})

    analysis = folder.analyze({path: text})
    rule = analysis.index.references(Symbol("rule", "LAND-01"))[0]
    typing = 'test "t" {\n  expect '
    measured = {
        "analysis after a keystroke": median_seconds(keystroke, runs),
        "hover on a rule id": median_seconds(lambda: hover(analysis, rule), runs),
        "completion after `expect`": median_seconds(
            lambda: complete(typing, 1, 9, analysis), runs),
    }
    print(f"baseline: plancheck lint from nothing (load, typecheck, lint)   "
          f"{baseline * 1000:8.1f} ms")
    for name, seconds in measured.items():
        print(f"{name:<62} {seconds * 1000:8.1f} ms   {seconds / baseline:6.3f}× baseline")


if __name__ == "__main__":
    main()
