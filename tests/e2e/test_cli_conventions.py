"""One set of CLI conventions for every command, through the real entry point.

The suite given as a positional path or as `--rules`; `-` for standard input and
`-o -` for standard output; `-q`/`-v`; `--format json|junit|sarif` on lint, analyze
and test; colour with NO_COLOR/FORCE_COLOR; the configuration file; counts and
paths in words a reader expects; `fmt` in place; `plancheck new`.  Most runs are
in-process (`checker.cli.main.main`); colour and standard input run the program.
"""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema

from checker.cli.main import main
from tests.helpers import drain

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "data" / "schemas"
ANSI = "\x1b["
SUITE_COMMANDS = ("suite", "lint", "analyze", "test")


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def program(*argv: str, cwd: Path, stdin: bytes | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update({"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.run([sys.executable, "-m", "checker", *argv], cwd=cwd, env=environment,
                          input=stdin, capture_output=True, timeout=120, check=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Path:
    """A working folder with a fresh scaffolded suite in `my-plan/`."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert main(["new", "my-plan", "-q"]) == 0
    capsys.readouterr()
    return tmp_path


# --- plancheck new -------------------------------------------------------------------

def test_new_scaffolds_a_suite_that_fmt_lint_analyze_and_test_pass(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sorted(p.name for p in (project / "my-plan").iterdir()) == [
        "indicators.rules", "land.rules", "plan.rules", "plan.txt", "plancheck.toml",
        "schema.rules", "units.rules"]
    assert cli(capsys, "fmt", "--check", "my-plan").code == 0
    lint = cli(capsys, "lint", "my-plan")
    assert (lint.code, lint.out) == (0, "no lint findings in 1 rule\n")
    analyze = cli(capsys, "analyze", "my-plan")
    assert (analyze.code, analyze.out.startswith("no findings")) == (0, True)
    tested = cli(capsys, "test", "my-plan", "--coverage", "--threshold", "100")
    assert tested.code == 0, tested.out
    assert "2 tests: 2 passed, 0 failed" in tested.out
    assert "coverage: 4 of 4 items (100.0 %)" in tested.out


def test_new_keeps_each_files_description_apart_from_its_first_statement(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """friction11: the description opening each scaffolded file was glued to its first
    statement, so `explain LAND-01` showed `# One rule, cited and tested…` as the rule's
    own comment; a blank line makes it the file's header, as docs/language.md says."""
    for path in (project / "my-plan").glob("*.rules"):
        lines = path.read_text(encoding="utf-8").splitlines()
        opening = next(i for i, line in enumerate(lines) if not line.startswith("#"))
        assert opening > 0 and lines[opening] == "", path.name
    explained = cli(capsys, "explain", "LAND-01", "my-plan")
    assert explained.code == 0 and "One rule, cited and tested" not in explained.out


def test_new_says_it_wrote_the_configuration_that_makes_its_folder_the_suite(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    made = cli(capsys, "new", "other")
    assert made.code == 0
    assert "wrote other/plancheck.toml: a plancheck command run inside other/ reads this " \
        "suite without naming it" in made.out
    monkeypatch.chdir(project / "other")
    tested = cli(capsys, "test")
    assert tested.code == 0, tested.err
    assert "2 tests: 2 passed, 0 failed" in tested.out and "bundled" not in tested.out + \
        tested.err


def test_a_command_run_inside_the_suite_names_it_by_its_folder_not_dot(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(project / "my-plan")
    for args in (["test"], ["test", "."], ["test", "-q", "."]):
        tested = cli(capsys, *args)
        assert tested.code == 0, tested.err
        assert "suite ." not in tested.out and "(.)" not in tested.out, tested.out
        assert "suite my-plan: 2 tests" in tested.out or "(my-plan)" in tested.out, tested.out
    assert '"suite": "my-plan"' in cli(capsys, "test", "--format", "json").out
    checked = cli(capsys, "check", ".")
    assert "`.` (my-plan) is a suite" in checked.err
    monkeypatch.chdir(project)
    assert "suite my-plan: 2 tests" in cli(capsys, "test", "my-plan/").out


SECOND_RULE = """
rule LAND-02 "新增建设用地不超过5公顷" {
  cite "第一章 二" line 11: "城乡建设用地规模控制在100平方公里以内"
  kind binding because "a cap"
  for each project
  require new_construction_land <= 5 ha
}
"""


def test_scaffolded_tests_quiet_l608_and_pass_as_written(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(project / "my-plan")
    with open("land.rules", "a", encoding="utf-8") as rules:
        rules.write(SECOND_RULE)
    linted = cli(capsys, "lint").out
    assert "L608" in linted and "note: `plancheck test --scaffold" not in linted  # one rule
    made = cli(capsys, "test", "--scaffold")
    assert made.code == 0, made.err
    assert "note: 2 tests written for 1 rule of 1 without a test" in made.err
    assert 'test "LAND-02 passes at 新增建设用地 0.05 km²"' in made.out
    Path("tests.rules").write_text(made.out, encoding="utf-8")
    assert "L608" not in cli(capsys, "lint").out
    tested = cli(capsys, "test")
    assert tested.code == 0 and "4 tests: 4 passed, 0 failed" in tested.out, tested.out
    assert cli(capsys, "fmt", "--check").code == 0
    again = cli(capsys, "test", "--scaffold")
    assert (again.out, again.err) == ("", "note: every rule has a test; `-k RULE` writes "
                                      "more for one\n")
    assert "LAND-01 passes at" in cli(capsys, "test", "--scaffold", "-k", "land-01").out
    missing = cli(capsys, "test", "--scaffold", "-k", "LAND-9")
    assert (missing.code, missing.err) == (1, "error: no rule id matches `LAND-9`\n")


def test_scaffold_o_adds_to_a_tests_file_and_explains_a_shells_empty_one(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(project / "my-plan")
    with open("land.rules", "a", encoding="utf-8") as rules:
        rules.write(SECOND_RULE + SECOND_RULE.replace("LAND-02", "LAND-03"))
    assert cli(capsys, "lint").out.endswith(
        "note: `plancheck test --scaffold -o tests.rules` writes a passing and a failing test "
        "for each of the 2 untested rules\n")
    Path("tests.rules").write_text("", encoding="utf-8")  # `… > tests.rules` made it first
    empty = cli(capsys, "test", "--scaffold")
    assert empty.code == 2 and "error[C711]: `tests.rules` is empty" in empty.err
    assert "write with `-o tests.rules`" in empty.err
    Path("tests.rules").write_text('# my tests\n\ntest "mine" {\n  expect LAND-02 pass\n'
                                   "}\n", encoding="utf-8")
    assert cli(capsys, "test", "--scaffold", "-k", "LAND-02", "-o", "tests.rules").code == 0
    text = Path("tests.rules").read_text(encoding="utf-8")
    assert text.startswith('# my tests\n\ntest "mine" {') and "LAND-02 fails at" in text
    # friction11: the tests added keep the layout fmt writes (the header comment mid-file
    # belongs to the first test: no blank line between them)
    assert cli(capsys, "fmt", "--check", "tests.rules").code == 0


def test_every_rule_of_the_bundled_suite_gets_tests_that_pass(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The scaffold is verified by running it; this holds it to that on 97 real rules."""
    made = cli(capsys, "test", str(ROOT / "rules" / "daxing-14th"), "--scaffold",
               "-k", "*", "-o", str(tmp_path / "scaffold.rules"))
    assert made.code == 0 and "no test written" not in made.err, made.err
    suite = tmp_path / "suite"
    suite.mkdir()
    for file in (ROOT / "rules" / "daxing-14th").iterdir():
        (suite / file.name).write_bytes(file.read_bytes())
    (suite / "zz-scaffold.rules").write_bytes((tmp_path / "scaffold.rules").read_bytes())
    tested = cli(capsys, "test", str(suite), "-q", "-k", "* at *")
    assert tested.code == 0, tested.out
    assert cli(capsys, "fmt", "--check", str(suite / "zz-scaffold.rules")).code == 0


def test_without_a_suite_or_configuration_a_note_names_the_bundled_suite(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # a person reads it
    note = "note: no suite given (a SUITE folder, `--rules DIR`, or `rules` in " \
        "plancheck.toml): reading the bundled Daxing suite\n"
    for command in (["lint"], ["explain", "LAND-01"], ["suite"], ["schema"]):
        said = cli(capsys, *command)
        assert said.code in (0, 1) and said.err.count(note) == 1, (command, said.err)
        assert note.strip() not in said.out
    assert note not in cli(capsys, "lint", "-q").err
    assert note not in cli(capsys, "fmt").err  # fmt never reads the bundled suite
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)  # a pipe: as before, unless -v
    assert note not in cli(capsys, "lint").err
    assert note in cli(capsys, "lint", "-v").err


def test_new_refuses_a_folder_that_is_not_empty_and_a_bad_id(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    again = cli(capsys, "new", "my-plan")
    assert again.code == 2 and "error[C720]: `my-plan` exists and is not an empty folder" \
        in again.err
    bad = cli(capsys, "new", "other", "--plan", "My Plan")
    assert bad.code == 2 and "`My Plan` cannot be a plan id" in bad.err
    assert not (project / "other").exists()


def test_the_scaffold_checks_plan_data(project: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    (project / "data.csv").write_text("indicator,region,year,value,unit,kind\n"
                                      "construction_land,本区,2022,101,km2,actual\n",
                                      encoding="utf-8")
    (project / "p.yaml").write_text("id: P-1\nnew_construction_land: 1 km2\n",
                                    encoding="utf-8")
    done = cli(capsys, "check", "my-plan", "p.yaml", "data.csv", "--format", "json")
    assert done.code == 1
    assert json.loads(done.out)["summary"]["outcomes"]["fail"] == 1


# --- the suite, given the same way everywhere ------------------------------------------

@pytest.mark.parametrize("command", [*SUITE_COMMANDS, "explain LAND-01", "schema project",
                                     "schema"])
def test_positional_suite_and_rules_option_are_the_same(
        project: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    words = command.split()
    positional = cli(capsys, *words, "my-plan")
    option = cli(capsys, *words, "--rules", "my-plan")
    assert positional.code == option.code == 0, positional.err
    assert positional.out == option.out
    assert "my-plan" in positional.out or words[0] in ("schema", "lint", "analyze")


def test_check_takes_the_suite_as_a_positional_too(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "p.yaml").write_text("id: P-1\nnew_construction_land: 1 km2\n",
                                    encoding="utf-8")
    positional = cli(capsys, "check", "my-plan", "p.yaml", "--format", "json")
    option = cli(capsys, "check", "p.yaml", "--rules", "my-plan", "--format", "json")
    assert positional.code == option.code
    assert json.loads(positional.out)["suite"] == json.loads(option.out)["suite"]
    only_suite = cli(capsys, "check", "my-plan")
    assert only_suite.code == 2 and "no data file to check" in only_suite.err


# --- standard input and output -----------------------------------------------------------

def test_check_reads_standard_input_under_its_stdin_name(project: Path) -> None:
    data = b"id: P-1\nnew_construction_land: -1 km2\n"
    done = program("check", "my-plan", "-", "--stdin-name", "proposal.yaml", cwd=project,
                   stdin=data)
    err = done.stderr.decode()
    assert done.returncode == 2
    assert " --> proposal.yaml:2:" in err and "plancheck-stdin" not in err
    ok = program("check", "my-plan", "-", "--stdin-name", "p.yaml", "--format", "json",
                 cwd=project, stdin=b"id: P-1\nnew_construction_land: 1 km2\n")
    assert ok.returncode in (0, 1), ok.stderr.decode()
    assert [i["path"] for i in json.loads(ok.stdout)["inputs"]] == ["p.yaml"]


def test_inputs_after_an_option_and_the_stdin_name_in_messages(project: Path) -> None:
    """friction10: `check - --stdin-name x FILE` refused FILE (argparse stops taking inputs
    at the first option); a message naming the stdin copy named its temporary folder."""
    (project / "p.yaml").write_text("id: P-1\nnew_construction_land: 1 km2\n",
                                    encoding="utf-8")
    done = program("check", "my-plan", "-", "--stdin-name", "q.yaml", "p.yaml", cwd=project,
                   stdin=b"id: P-1\nnew_construction_land: 1 km2\n")
    err = done.stderr.decode()
    assert done.returncode == 2 and "D331" in err, err  # the same id in both: both were read
    assert "plancheck-stdin" not in err and "q.yaml" in err


def test_standard_input_without_a_name_is_sniffed(project: Path) -> None:
    done = program("check", "my-plan", "-", "--format", "json", cwd=project,
                   stdin=b"id,new_construction_land\nP-1,1 km2\n")
    assert done.returncode in (0, 1), done.stderr.decode()
    assert json.loads(done.stdout)["inputs"][0]["path"] == "stdin.csv"


def test_lint_and_fmt_read_a_rules_file_from_standard_input(project: Path) -> None:
    text = (project / "my-plan" / "land.rules").read_bytes()
    linted = program("lint", "my-plan/plan.rules", "my-plan/units.rules",
                     "my-plan/indicators.rules", "my-plan/schema.rules", "-",
                     "--stdin-name", "my-plan/land.rules", cwd=project, stdin=text)
    assert (linted.returncode, linted.stdout.decode()) == (0, "no lint findings in 1 rule\n")
    messy = text.replace(b"  require", b"      require")
    formatted = program("fmt", "-", cwd=project, stdin=messy)
    assert (formatted.returncode, formatted.stdout) == (0, text)
    diff = program("fmt", "-", "--diff", "--stdin-name", "land.rules", cwd=project,
                   stdin=messy)
    assert diff.returncode == 1 and b"--- a/land.rules" in diff.stdout
    broken = program("lint", "-", "--stdin-name", "x.rules", cwd=project, stdin=b"rule {")
    assert broken.returncode == 2 and b" --> x.rules:1:" in broken.stderr


def test_a_rules_file_from_standard_input_stands_for_the_suites_file_of_its_name(
        project: Path) -> None:
    """friction8: `cat land.rules | plancheck lint my-plan - --stdin-name my-plan/land.rules`
    (an editor's unsaved buffer) read land.rules twice: every rule declared twice."""
    text = (project / "my-plan" / "land.rules").read_bytes()
    linted = program("lint", "my-plan", "-", "--stdin-name", "my-plan/land.rules",
                     cwd=project, stdin=text)
    assert (linted.returncode, linted.stdout.decode()) == (0, "no lint findings in 1 rule\n")
    changed = program("lint", "my-plan", "-", "--stdin-name", "my-plan/land.rules",
                      cwd=project, stdin=text.replace(b"line 11", b"line 10"))
    assert changed.returncode == 1 and b" --> my-plan/land.rules:" in changed.stdout
    assert b"did you mean line 11?" in changed.stdout


def test_test_reads_standard_input_as_a_file_of_the_suite_named_with_it(
        project: Path) -> None:
    """friction 8/9: `plancheck test my-plan - --stdin-name my-plan/land.rules` tested `-`
    as a suite of its own (no plan header, every name unknown); it is the buffer of that
    file, as for `lint`."""
    text = (project / "my-plan" / "land.rules").read_bytes()
    tested = program("test", "my-plan", "-", "--stdin-name", "my-plan/land.rules",
                     cwd=project, stdin=text)
    assert tested.returncode == 0, tested.stderr.decode()
    assert tested.stdout.decode().endswith("2 tests: 2 passed, 0 failed\n")
    broken = program("test", "my-plan", "-", "--stdin-name", "my-plan/land.rules",
                     cwd=project,
                     stdin=text.replace(b"expect LAND-01 pass", b"expect LAND-01 fail"))
    assert broken.returncode == 1 and b"1 passed, 1 failed" in broken.stdout
    alone = program("test", "-", "--stdin-name", "land.rules", cwd=project, stdin=text)
    assert alone.returncode == 2 and b"T212" in alone.stderr


def test_standard_input_twice_is_c720(project: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    done = cli(capsys, "check", "-", "-")
    assert done.code == 2 and "error[C720]: `-` (standard input) is given twice" in done.err


@pytest.mark.parametrize("command", ["lint", "analyze", "test"])
def test_output_dash_is_standard_output_and_a_file_is_written_whole(
        project: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    to_stdout = cli(capsys, command, "my-plan", "--format", "json", "-o", "-")
    to_file = cli(capsys, command, "my-plan", "--format", "json", "-o", "out.json")
    assert to_file.out == "" and (project / "out.json").read_text("utf-8") == to_stdout.out
    over = cli(capsys, command, "my-plan", "-o", "my-plan/land.rules")
    assert over.code == 2 and "error[C711]" in over.err
    assert "LAND-01" in (project / "my-plan" / "land.rules").read_text("utf-8")
    nowhere = cli(capsys, command, "my-plan", "-o", "no/such/out.json")
    assert nowhere.code == 2 and "error[C710]" in nowhere.err


# --- -q, -v and the formats ---------------------------------------------------------------

@pytest.mark.parametrize("command", ["check", "explain", "schema", "suite", "lint", "analyze",
                                     "test", "fmt", "new", "extract", "lsp"])
def test_every_command_takes_quiet_verbose_and_color(
        capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    shown = capsys.readouterr().out
    for flag in ("-q, --quiet", "-v, --verbose", "--color", "--no-config"):
        assert flag in shown, (command, flag)


def test_quiet_test_prints_failures_and_counts_only(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    land = project / "my-plan" / "land.rules"
    land.write_text(land.read_text("utf-8").replace("98.5 km2", "99.99 km2", 1),
                    encoding="utf-8")
    done = cli(capsys, "test", "-q", "my-plan")
    assert done.code == 1
    lines = done.out.splitlines()
    assert lines[0].startswith("  FAIL LAND-01 passes while")
    assert lines[-1] == "2 tests: 1 passed, 1 failed (my-plan)"
    assert not any(line.startswith("  ok") for line in lines)


def test_verbose_says_the_configuration_and_the_suite(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "plancheck.toml").write_text('rules = "my-plan"\n', encoding="utf-8")
    done = cli(capsys, "lint", "-v")
    assert done.code == 0
    assert "note: configuration from plancheck.toml" in done.err
    assert "note: suite: " in done.err and "my-plan" in done.err


@pytest.mark.parametrize("command", ["lint", "analyze", "test"])
def test_sarif_and_junit_are_valid_for_lint_analyze_and_test(
        project: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    sarif = cli(capsys, command, "my-plan", "--format", "sarif")
    jsonschema.validate(json.loads(sarif.out), schema, cls=jsonschema.Draft4Validator)
    junit = cli(capsys, command, "my-plan", "--format", "junit")
    xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd")).validate(junit.out)


def _spoil(project: Path) -> None:
    """A lint warning (an indicator no rule uses), a contradiction and a failing test."""
    with (project / "my-plan" / "land.rules").open("a", encoding="utf-8") as out:
        out.write('\nrule LAND-02 "城乡建设用地规模控制在100平方公里以内" {\n'
                  '  cite "第一章 二" line 11: "城乡建设用地规模控制在100平方公里以内"\n'
                  '  kind binding because "a contradiction, on purpose"\n'
                  '  require construction_land >= 101 km2 by 2025\n}\n'
                  'rule LAND-03 "城乡建设用地规模控制在100平方公里以内" {\n'
                  '  cite "第一章 二" line 11: "城乡建设用地规模控制在100平方公里以内"\n'
                  '  kind binding because "the other side of the contradiction"\n'
                  '  require construction_land <= 100 km2 by 2025\n}\n'
                  'test "LAND-02 fails" {\n  expect LAND-02 pass\n}\n'
                  'indicator idle "unused" {\n  unit km2\n}\n')


def _results(text: str) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = json.loads(text)["runs"][0]["results"]
    return results


def test_sarif_locates_lint_and_analyze_findings_in_the_rule_files(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _spoil(project)
    lint = _results(cli(capsys, "lint", "my-plan", "--format", "sarif").out)
    idle = [r for r in lint if r["ruleId"] == "L605"]
    assert idle and idle[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "my-plan/land.rules", "uriBaseId": "%SRCROOT%"}
    analyzed = cli(capsys, "analyze", "my-plan", "--format", "sarif")
    assert analyzed.code == 1
    conflict = next(r for r in _results(analyzed.out) if r["ruleId"] == "A501")
    places = [conflict["locations"][0], *conflict["relatedLocations"]]
    lines = sorted(p["physicalLocation"]["region"]["startLine"] for p in places)
    assert len(lines) == 2 and all(p["physicalLocation"]["artifactLocation"]["uri"]
                                   == "my-plan/land.rules" for p in places)
    tested = cli(capsys, "test", "my-plan", "--format", "json")
    document = json.loads(tested.out)
    assert tested.code == 1
    assert [f["name"] for f in document["findings"]] == ["LAND-02 fails"]
    assert document["findings"][0]["locations"][0]["file"] == "my-plan/land.rules"
    assert len(document["passed"]) == 2


# --- colour ---------------------------------------------------------------------------------

def _on_a_terminal(argv: list[str], cwd: Path, env: dict[str, str]) -> str:
    """stdout of the program when it is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update({"PYTHONPATH": str(ROOT), **env})
    with subprocess.Popen([sys.executable, "-m", "checker", *argv], cwd=cwd, env=environment,
                          stdout=follower, stderr=subprocess.DEVNULL) as process:
        os.close(follower)
        shown = drain(leader)
        process.wait(timeout=120)
    os.close(leader)
    return shown.decode("utf-8", "replace")


@pytest.mark.parametrize("command", ["lint", "analyze", "test"])
def test_colour_on_a_terminal_and_no_color_honoured(project: Path, command: str) -> None:
    _spoil(project)
    assert ANSI in _on_a_terminal([command, "my-plan"], project, {})
    assert ANSI not in _on_a_terminal([command, "my-plan"], project, {"NO_COLOR": "1"})


def test_force_color_colours_a_pipe_and_color_never_wins(project: Path) -> None:
    _spoil(project)
    piped = program("lint", "my-plan", cwd=project)
    assert ANSI.encode() not in piped.stdout
    forced = program("lint", "my-plan", cwd=project, env={"FORCE_COLOR": "1"})
    assert ANSI.encode() in forced.stdout
    never = program("lint", "my-plan", "--color", "never", cwd=project,
                    env={"FORCE_COLOR": "1"})
    assert ANSI.encode() not in never.stdout
    broken = program("lint", "-", cwd=project, stdin=b"rule {", env={"FORCE_COLOR": "1"})
    assert b"\x1b[1;31merror[P" in broken.stderr


def test_colour_choice_in_order() -> None:
    from argparse import Namespace

    from checker.cli.options import color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Terminal(), io.StringIO()
    cases = [("auto", {}, tty, True), ("auto", {}, pipe, False),
             ("auto", {"NO_COLOR": "1"}, tty, False), ("auto", {"FORCE_COLOR": "1"}, pipe, True),
             ("auto", {"NO_COLOR": "", "FORCE_COLOR": ""}, tty, True),
             ("always", {"NO_COLOR": "1"}, pipe, True), ("never", {"FORCE_COLOR": "1"}, tty,
                                                          False)]
    saved = {k: os.environ.pop(k) for k in ("NO_COLOR", "FORCE_COLOR") if k in os.environ}
    try:
        for when, env, stream, expected in cases:
            os.environ.update(env)
            assert color(Namespace(color=when), stream) is expected, (when, env)
            for key in env:
                del os.environ[key]
    finally:
        os.environ.update(saved)


# --- the configuration file -----------------------------------------------------------------

def test_configuration_is_found_upwards_and_flags_win(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
        ) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.plancheck]\nrules = "my-plan"\nas-of = 2022\n'
        'fail-on = "never"\nformat = "json"\n[tool.plancheck.lint]\nformat = "sarif"\n',
        encoding="utf-8")
    (project / "data.csv").write_text("indicator,region,year,value,unit,kind\n"
                                      "construction_land,本区,2022,101,km2,actual\n",
                                      encoding="utf-8")
    (project / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(project / "deep" / "er")
    (project / "p.yaml").write_text("id: P-1\nnew_construction_land: 1 km2\n",
                                    encoding="utf-8")
    checked = cli(capsys, "check", "../../p.yaml", "../../data.csv")
    document = json.loads(checked.out)
    assert (checked.code, document["as_of"], document["fail_on"]) == (0, 2022, "never")
    assert document["suite"]["plan"] == "my-plan"
    flags = cli(capsys, "check", "../../p.yaml", "../../data.csv", "--fail-on", "error",
                "--format", "text")
    assert flags.code == 1 and not flags.out.startswith("{")
    linted = cli(capsys, "lint")
    assert json.loads(linted.out)["version"] == "2.1.0"  # the lint table's format: SARIF
    tested = cli(capsys, "test")  # json at the top applies to test
    assert json.loads(tested.out)["tool"] == "plancheck test"
    ignored = cli(capsys, "lint", "--no-config", "--rules", "../../my-plan")
    assert ignored.out == "no lint findings in 1 rule\n"


def test_a_toml_date_is_an_as_of(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "plancheck.toml").write_text('rules = "my-plan"\nas-of = 2023-06-30\n',
                                            encoding="utf-8")
    (project / "p.yaml").write_text("id: P-1\n", encoding="utf-8")
    done = cli(capsys, "check", "p.yaml", "--format", "json")
    assert json.loads(done.out)["as_of"] == 2023, done.err


def test_the_configured_language_words_checks_report(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "p.yaml").write_text("id: P-1\nnew_construction_land: 1 km2\n",
                                    encoding="utf-8")
    chinese = cli(capsys, "check", "my-plan", "p.yaml")  # the plan header's `language "zh"`
    (project / "plancheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    english = cli(capsys, "check", "my-plan", "p.yaml")
    assert "通过" in chinese.out and "通过" not in english.out, english.err
    assert "通过" in cli(capsys, "check", "my-plan", "p.yaml", "--lang", "zh").out


def test_a_bad_configuration_key_is_c702_with_did_you_mean(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "plancheck.toml").write_text('rules = "my-plan"\nfail-onn = "warning"\n',
                                            encoding="utf-8")
    done = cli(capsys, "suite")
    assert done.code == 2
    assert done.err.splitlines()[:2] == ["error[C702]: unknown key `fail-onn` in "
                                         "`plancheck.toml`", " --> plancheck.toml:2:1"]
    assert "= help: did you mean `fail-on`?" in done.err


@pytest.mark.parametrize(("text", "code", "words"), [
    ('fail-on = "warnings"\n', "C703", "did you mean `warning`?"),
    ("rules = 3\n", "C703", "`rules` must be a path"),
    ('[lint]\nformat = "html"\n', "C703", "`lint` cannot write format `html`"),
    ("rules = \n", "C701", "is not TOML"),
    ('[check]\nas_of = 2023\n', "C702", "did you mean `as-of`?"),
    ('[lnt]\nformat = "sarif"\n', "C702", "did you mean `lint`?"),
    ("as-of = 2023-06-30T10:00:00\n", "C703", "`as-of` must be a year or a date"),
    ('lang = "fr"\n', "C703", "one of `zh`, `en`"),
    ('language = "en"\n', "C702", "did you mean `lang`? (`language \"zh\"` is written in "
     "the plan header)"),
])
def test_bad_configuration_values(project: Path, capsys: pytest.CaptureFixture[str],
                                  text: str, code: str, words: str) -> None:
    (project / "plancheck.toml").write_text(text, encoding="utf-8")
    done = cli(capsys, "lint", "my-plan")
    assert done.code == 2 and f"error[{code}]" in done.err and words in done.err, done.err


# --- words and paths -------------------------------------------------------------------------

def test_bundled_suite_files_are_named_suite_name_file_outside_the_tree(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    monkeypatch.chdir(tmp_path)
    done = cli(capsys, "explain", "LAND-01", "--no-cache")
    assert done.code == 0
    assert "defined at suite:daxing-14th/land.rules:" in done.out
    assert "in suite:daxing-14th/plan.txt:" in done.out
    assert str(ROOT) not in done.out
    assert cli(capsys, "lint", "--no-cache").code == 0  # the plan text is found by that name


# --- fmt ---------------------------------------------------------------------------------

def test_fmt_rewrites_in_place_and_check_and_diff_only_report(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    land = project / "my-plan" / "land.rules"
    canonical = land.read_text("utf-8")
    messy = canonical.replace("  require", "      require")
    land.write_text(messy, encoding="utf-8")
    checked = cli(capsys, "fmt", "--check", "my-plan")
    assert (checked.code, checked.out) == (1, "would reformat my-plan/land.rules\n")
    diffed = cli(capsys, "fmt", "--diff", "my-plan")
    assert diffed.code == 1 and diffed.out.startswith("--- a/my-plan/land.rules\n"
                                                      "+++ b/my-plan/land.rules\n")
    assert "-      require" in diffed.out and "+  require" in diffed.out
    assert land.read_text("utf-8") == messy
    done = cli(capsys, "fmt", "my-plan")
    assert (done.code, done.out) == (0, "reformatted my-plan/land.rules\n")
    assert land.read_text("utf-8") == canonical
    assert cli(capsys, "fmt", "my-plan").out == "nothing to reformat\n"


def test_fmt_takes_the_suite_as_rules_too(project: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    land = project / "my-plan" / "land.rules"
    land.write_text(land.read_text("utf-8").replace("  require", "    require"),
                    encoding="utf-8")
    positional = cli(capsys, "fmt", "--check", "my-plan")
    option = cli(capsys, "fmt", "--check", "--rules", "my-plan")
    assert (option.code, option.out) == (positional.code, positional.out) == (
        1, "would reformat my-plan/land.rules\n")


@pytest.mark.parametrize("command", ["lint", "analyze", "test"])
def test_output_never_names_a_bundled_rules_file_shown_as_suite_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        command: str) -> None:
    """Outside the tree the bundled files are shown as `suite:…`; `-o` still knows them."""
    monkeypatch.chdir(tmp_path)
    target = ROOT / "checker" / "suites" / "daxing-14th" / "plan.rules"
    before = target.read_bytes()
    try:
        done = cli(capsys, command, "--format", "json", "-o", str(target))
        assert done.code == 2 and "error[C711]" in done.err
    finally:
        if target.read_bytes() != before:
            target.write_bytes(before)


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """`plancheck … | head -1`: no traceback and no "internal error" once the reader left."""
    reader, writer = os.pipe()
    os.close(reader)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "checker", "schema"], cwd=tmp_path,
                          env=environment, stdout=writer, stderr=subprocess.PIPE, timeout=120,
                          check=False)
    os.close(writer)
    assert done.returncode == 141
    assert done.stderr == b""


def test_fmt_without_a_path_formats_the_configured_suite(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nothing = cli(capsys, "fmt")
    assert nothing.code == 2 and "error[C720]: `plancheck fmt` needs a file or folder" \
        in nothing.err
    (project / "plancheck.toml").write_text('rules = "my-plan"\n', encoding="utf-8")
    land = project / "my-plan" / "land.rules"
    land.write_text(land.read_text("utf-8").replace("  require", "    require"),
                    encoding="utf-8")
    done = cli(capsys, "fmt", "--check")
    assert (done.code, done.out) == (1, "would reformat my-plan/land.rules\n")
