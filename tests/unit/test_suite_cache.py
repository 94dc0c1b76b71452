"""The suite cache (`checker.types.cached`): fresh or rebuilt, never stale, safe to share."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.diagnostics import DiagnosticError
from checker.syntax import suite as suite_module
from checker.types import cached
from checker.types.cached import load_checked

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "rules" / "daxing-14th"
SMALL = """plan P { title "t" period 2021..2025 region 大兴区 }
record project { id: text  area: km2 }
rule R-1 "cap" {
  cite "一" line 1: "不超过"
  kind binding because "a cap"
  for each project
  require area <= LIMIT km2
}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCHECK_NO_CACHE", raising=False)
    return tmp_path / "cache" / "suites"


def _suite(tmp_path: Path, limit: str = "5") -> Path:
    target = tmp_path / "suite"
    target.mkdir(exist_ok=True)
    (target / "main.rules").write_text(SMALL.replace("LIMIT", limit), encoding="utf-8")
    return target


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.suite.pickle"))


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("parsed although the cache is fresh")

    monkeypatch.setattr(suite_module, "parse_bytes", refuse)


def test_a_hit_gives_the_same_suite_without_parsing(folder: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    loaded, checked = load_checked([BUNDLED])
    assert len(_entries(folder)) == 1
    _no_parsing(monkeypatch)
    again_loaded, again = load_checked([BUNDLED])
    assert again == checked
    assert again_loaded.sources.keys() == loaded.sources.keys()
    assert [r.id for r in again.rules] == [r.id for r in checked.rules]


def test_any_change_to_a_suite_file_is_a_new_entry(folder: Path, tmp_path: Path) -> None:
    target = _suite(tmp_path, "5")
    first = load_checked([target])[1]
    target.joinpath("main.rules").write_text(SMALL.replace("LIMIT", "6"), encoding="utf-8")
    second = load_checked([target])[1]
    assert first.rules[0].constraints[0].text != second.rules[0].constraints[0].text
    assert "6" in second.rules[0].constraints[0].text
    (target / "more.rules").write_text("set s = {a, b}\n", encoding="utf-8")
    third = load_checked([target])[1]
    assert "s" in third.sets
    assert len(_entries(folder)) == 3


def test_the_code_that_builds_suites_is_part_of_the_key(folder: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = _suite(tmp_path)
    load_checked([target])
    monkeypatch.setattr(cached, "code_fingerprint", lambda: b"another version")
    load_checked([target])
    assert len(_entries(folder)) == 2


def test_a_damaged_entry_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    target = _suite(tmp_path)
    expected = load_checked([target])[1]
    (entry,) = _entries(folder)
    entry.write_bytes(entry.read_bytes()[:100])
    assert load_checked([target])[1] == expected
    assert load_checked([target])[1] == expected  # and written again, whole


def test_a_bad_suite_raises_and_is_not_cached(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "bad"
    target.mkdir()
    (target / "main.rules").write_text("rule {", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DiagnosticError):
            load_checked([target])
    assert _entries(folder) == []


def test_turned_off_it_neither_reads_nor_writes(folder: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = _suite(tmp_path)
    load_checked([target], use_cache=False)
    monkeypatch.setenv("PLANCHECK_NO_CACHE", "1")
    load_checked([target])
    assert not folder.exists() or _entries(folder) == []


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="permissions are POSIX")
def test_a_folder_others_may_write_is_not_trusted(folder: Path, tmp_path: Path) -> None:
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    load_checked([_suite(tmp_path)])
    assert _entries(folder) == []


def _check_json(*extra: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "examples/proposals/batch.csv",
         "--format", "json", "--fail-on", "never", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_concurrent_runs_share_one_entry_and_agree(tmp_path: Path) -> None:
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(tmp_path / "shared")}
    command = [sys.executable, "-m", "checker", "check", "examples/proposals/batch.csv",
               "--format", "json", "--fail-on", "never"]
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1
    warm = _check_json(env=env)
    cold = _check_json("--no-cache", env=env)
    assert warm == cold == outputs[0][0]
    assert json.loads(warm)["summary"]["subjects"] > 0
    assert len(list((tmp_path / "shared" / "suites").glob("*.suite.pickle"))) == 1
    assert not list((tmp_path / "shared" / "suites").glob(".tmp-*"))


def test_frozen_nodes_are_pickled_as_constructor_calls_and_round_trip() -> None:
    from checker.source import Span

    built = load_checked([BUNDLED], use_cache=False)
    assert cached._constructor_fields(Span) == ("file", "line", "column", "end_line", "end_column")
    pickler = cached._FastPickler(cached.io.BytesIO())
    assert pickler.reducer_override(Span("f", 1, 2, 3, 4)) == (Span, ("f", 1, 2, 3, 4))
    assert cached.pickle.loads(cached._dumps(built)) == built


def test_classes_a_constructor_call_would_not_rebuild_are_left_to_pickle() -> None:
    from dataclasses import dataclass, field

    @dataclass(frozen=True, slots=True)
    class Derived:
        x: int
        y: int = field(init=False, default=0)

    @dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True)
    class Plain:
        x: int

    assert [cached._constructor_fields(c) for c in (Derived, Checked, Plain)] == [None] * 3
