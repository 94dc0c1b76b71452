"""Golden diagnostics for malformed `.rules` files, and generated adversarial input.

Each `syntax/NAME.rules` is a broken input; `syntax/NAME.expected` holds exactly
what `render_all` prints for it (what `plancheck suite --rules FILE` shows).
Run with `PLANCHECK_UPDATE_GOLDEN=1` to rewrite the `.expected` files after an
intended change of wording, then review the diff.  Inputs too big to commit
(50 MB, 10,000 levels of nesting, random bytes) are generated here.
"""

from __future__ import annotations

import os
import random
import re
import time
from pathlib import Path

import pytest

from checker.codes import CODES
from checker.diagnostics import Diagnostic, render_all
from checker.source import SourceFile
from checker.syntax.parse import MAX_FILE_BYTES, MAX_NESTING, decode, parse
from checker.syntax.suite import parse_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).parent / "syntax"
CASES = sorted(CORPUS.glob("*.rules"))
UPDATE = os.environ.get("PLANCHECK_UPDATE_GOLDEN") == "1"
LOCATION = re.compile(r"^ --> .+\.rules:\d+:\d+$", re.MULTILINE)
CARET = re.compile(r"^ *\d* \| *\^+", re.MULTILINE)
# Codes that need the file system, not file content: covered in tests/unit/test_parse_errors.py.
NOT_FROM_CONTENT = {"P120", "P121", "P122", "P199"}


def diagnose(path: Path) -> tuple[list[Diagnostic], str]:
    """The diagnostics of one file and their rendering, as the CLI shows them."""
    shown = path.relative_to(ROOT).as_posix()
    source, result = parse_file(path, shown)
    assert isinstance(result, list), f"{shown} is not malformed: it parsed and built"
    sources = {source.path: source} if source is not None else {}
    return result, render_all(result, sources)


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 45


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden(path: Path) -> None:
    diagnostics, rendered = diagnose(path)
    expected = path.with_suffix(".expected")
    if UPDATE:
        expected.write_text(rendered, encoding="utf-8", newline="")
    assert expected.exists(), f"no {expected.name}; run with PLANCHECK_UPDATE_GOLDEN=1"
    assert rendered == expected.read_text(encoding="utf-8")
    assert diagnostics
    for diagnostic in diagnostics:
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
    assert len(LOCATION.findall(rendered)) == len(diagnostics)
    assert len(CARET.findall(rendered)) == len(diagnostics)


def test_every_expected_file_has_an_input() -> None:
    inputs = {p.stem for p in CASES}
    assert {p.stem for p in CORPUS.glob("*.expected")} <= inputs


def test_the_corpus_covers_every_syntax_code() -> None:
    emitted = {code for code in CODES if code.startswith("P1")}
    covered = set()
    for path in CORPUS.glob("*.expected"):
        covered |= set(re.findall(r"error\[(P1\d\d)\]", path.read_text(encoding="utf-8")))
    generated = {"P105"}  # a file over the size limit is generated below
    assert emitted - NOT_FROM_CONTENT - generated <= covered


# ------------------------------------------------------------------ generated inputs
def render_bytes(data: bytes, name: str = "big.rules") -> tuple[list[Diagnostic], str]:
    decoded = decode(name, data)
    if isinstance(decoded, Diagnostic):
        return [decoded], render_all([decoded], {})
    parsed = parse(decoded)
    assert isinstance(parsed, list), "expected diagnostics"
    return parsed, render_all(parsed, {name: decoded})


def assert_well_formed(diagnostics: list[Diagnostic], rendered: str) -> None:
    assert diagnostics
    assert LOCATION.search(rendered), rendered[:2000]
    assert CARET.search(rendered), rendered[:2000]
    assert "Traceback" not in rendered


def test_a_50_megabyte_file_is_refused_fast() -> None:
    data = b"rule LAND-01 {\n  require land <= 319 km2\n}\n" * (50 * 1024 * 1024 // 44)
    started = time.perf_counter()
    diagnostics, rendered = render_bytes(data)
    assert time.perf_counter() - started < 5.0  # a guard against hanging, not a speed target
    assert [d.code for d in diagnostics] == ["P105"]
    assert_well_formed(diagnostics, rendered)
    assert f"{len(data):,} bytes" in rendered


def test_a_file_just_over_the_limit_is_refused() -> None:
    diagnostics, _ = render_bytes(b"#" * (MAX_FILE_BYTES + 1))
    assert [d.code for d in diagnostics] == ["P105"]


@pytest.mark.parametrize("closing", [10_000, 9_999], ids=["balanced", "one-short"])
def test_ten_thousand_nested_parentheses(closing: int) -> None:
    text = "rule A-1 {\n  require " + "(" * 10_000 + "x > 1" + ")" * closing + "\n}\n"
    started = time.perf_counter()
    diagnostics, rendered = render_bytes(text.encode())
    assert time.perf_counter() - started < 10
    assert [d.code for d in diagnostics] == ["P107"]
    assert diagnostics[0].span.column == len("  require ") + MAX_NESTING + 1
    assert_well_formed(diagnostics, rendered)


@pytest.mark.parametrize("word", ["not ", "- ", "not (", "-("])
def test_ten_thousand_nested_prefix_operators(word: str) -> None:
    closing = ")" * word.count("(") * 10_000
    text = "rule A-1 {\n  require " + word * 10_000 + "x" + closing + " > 1\n}\n"
    source = SourceFile("deep.rules", text)
    from checker.syntax.build import build

    parsed = parse(source)
    result = parsed if isinstance(parsed, list) else build(parsed)
    assert isinstance(result, list)
    assert {d.code for d in result} == {"P107"}
    assert_well_formed(result, render_all(result, {"deep.rules": source}))


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    diagnostics, rendered = render_bytes(data, "random.rules")
    assert_well_formed(diagnostics, rendered)


@pytest.mark.parametrize("seed", range(10))
def test_random_printable_text(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "rule LAND-01 {}()\"#:,=<>.\n\t 0123456789 km2 require and or not 用地 ，（）“”㎢"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 3000)))
    source = SourceFile("random.rules", text)
    parsed = parse(source)
    if isinstance(parsed, list):
        assert_well_formed(parsed, render_all(parsed, {"random.rules": source}))
