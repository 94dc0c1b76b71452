"""Malformed rules through the real command line: exit 2, a location, a caret, no traceback.

The whole golden corpus (`tests/golden/syntax/*.rules`) is checked in-process by
`tests/golden/test_syntax_golden.py`; here a representative handful of it — one of
each kind: bytes, characters, words, blocks, strings, several errors — and a few
generated adversarial files go to `python -m checker suite --rules FILE` in a
fresh process, as a user would run it, and must print exactly the golden text.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "syntax"
REPRESENTATIVE = ("invalid-utf8", "bidi-override", "fullwidth-colon", "misspelled-require",
                  "missing-close-brace-eof", "unterminated-string", "several-bad-statements",
                  "too-many-errors", "crlf", "year-backwards")
CORPUS = [GOLDEN / f"{name}.rules" for name in REPRESENTATIVE]
LOCATION = re.compile(r"^ --> (?P<file>.+\.rules):(?P<line>\d+):(?P<column>\d+)$", re.MULTILINE)
CARET = re.compile(r"^ *\d* \| *\^+", re.MULTILINE)
TIMEOUT = 60


@dataclass(frozen=True)
class Run:
    code: int
    output: str


def run_suite(path: Path, cwd: Path = ROOT) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "suite", "--rules", str(path)],
        cwd=cwd, capture_output=True, timeout=TIMEOUT, check=False,
    )
    output = (done.stdout + done.stderr).decode("utf-8", errors="replace")
    return Run(done.returncode, output)


@pytest.fixture(scope="module")
def runs() -> dict[str, Run]:
    """Run the whole corpus at once (one process per file, a few in parallel)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = pool.map(lambda p: run_suite(p.relative_to(ROOT)), CORPUS)
        return {path.stem: run for path, run in zip(CORPUS, results, strict=True)}


def assert_reported(run: Run, shown_path: str) -> None:
    assert run.code == 2, run.output
    assert "Traceback" not in run.output
    assert "internal error" not in run.output
    locations = LOCATION.findall(run.output)
    assert locations, run.output
    assert all(file == shown_path and int(line) >= 1 and int(column) >= 1
               for file, line, column in locations), run.output
    assert CARET.search(run.output), run.output


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_malformed_file_exits_2_with_a_located_caret(path: Path, runs: dict[str, Run]) -> None:
    run = runs[path.stem]
    assert_reported(run, path.relative_to(ROOT).as_posix())
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    assert run.output == expected  # the CLI prints exactly the golden rendering


def test_the_representative_files_are_in_the_corpus() -> None:
    assert all(path.is_file() for path in CORPUS)


def generated() -> dict[str, bytes]:
    rng = random.Random(14)
    return {
        "huge.rules": b"rule LAND-01 {\n  require land <= 319 km2\n}\n" * 1_200_000,
        "parens.rules": b"rule A-1 {\n  require " + b"(" * 10_000 + b"x > 1" + b")" * 10_000
        + b"\n}\n",
        "nots.rules": b"rule A-1 {\n  require " + b"not " * 10_000 + b"x\n}\n",
        "random.rules": bytes(rng.randrange(256) for _ in range(5_000)),
        "one-line.rules": b"set a = {" + b"b, " * 100_000 + b"c d}",
    }


@pytest.mark.parametrize("name", sorted(generated()))
def test_generated_adversarial_file(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(generated()[name])
    assert_reported(run_suite(Path(name), cwd=tmp_path), name)


def test_a_missing_file_exits_2_without_a_traceback(tmp_path: Path) -> None:
    run = run_suite(Path("nowhere.rules"), cwd=tmp_path)
    assert run.code == 2
    assert "error[P121]: no such file or folder `nowhere.rules`" in run.output
    assert "Traceback" not in run.output
