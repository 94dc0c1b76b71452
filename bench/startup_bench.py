"""Benchmark: start-up of the installed `plancheck` console script against `python -c pass`.

    .venv/bin/python bench/startup_bench.py [--runs N] [--target SECONDS] [--imports]
                                            [--tree OTHER_CHECKOUT]

Runs, each as a fresh process, N times interleaved in the same run (so both see the
same load on this shared machine): `python -c pass`; `plancheck --version`; `plancheck
explain` of one bundled rule; `plancheck lint` of the bundled suite; and one proposal
checked (`plancheck check examples/proposals/airport-logistics.yaml`, text and JSON).
The console script is the one `pip install` made next to this interpreter, and byte
code is cached (PYTHONDONTWRITEBYTECODE is removed from the children's environment: with
it set, every module is compiled again on every run, about 0.3 s).  Each child's wall
time is measured here and its CPU time (user + system) read with `os.wait4`; medians
are printed with the ratio to `python -c pass`, and each command's exit code and output
size are checked to be the same on every run.  `--imports` also says which heavy
libraries (pandas, pyarrow, z3, matplotlib) each command imported.  `--instructions`
also counts the instructions each command executes (valgrind's callgrind, one run
each, children followed): unlike times, the count does not move with the load of a
shared machine, so it shows a change of a few percent that the noise hides (it needs
`valgrind`; a run takes ~40 s).  Not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROPOSAL = ROOT / "examples" / "proposals" / "airport-logistics.yaml"
TARGET_SECONDS = 0.35  # one proposal checked, wall (issue 16)
HEAVY = ("pandas", "pyarrow", "z3", "matplotlib")


@dataclass
class Timings:
    """One command's runs: wall and CPU seconds, and what each run gave."""

    command: list[str]
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    outcomes: set[tuple[int, int]] = field(default_factory=set)  # (exit code, output bytes)


def commands(tree: Path | None = None) -> dict[str, list[str]]:
    """The commands timed; with `tree`, plancheck is `python -m checker` of that checkout."""
    plancheck = [str(BIN / "plancheck")] if tree is None else [sys.executable, "-m", "checker"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "plancheck --version": [*plancheck, "--version"],
        "plancheck explain LAND-02": [*plancheck, "explain", "LAND-02"],
        "plancheck lint": [*plancheck, "lint"],
        "check one proposal (text)": [*plancheck, "check", str(PROPOSAL)],
        "check one proposal (json)": [*plancheck, "check", str(PROPOSAL), "--format", "json"],
    }


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    return env


def run_once(timings: Timings, env: dict[str, str], workdir: Path, cwd: Path = ROOT) -> None:
    """One child: wall from here, CPU from `os.wait4` (its own user + system time)."""
    with tempfile.TemporaryFile(dir=workdir) as out:
        start = time.perf_counter()
        child = subprocess.Popen(timings.command, stdout=out, stderr=subprocess.STDOUT,
                                 env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        timings.wall.append(time.perf_counter() - start)
        child.returncode = os.waitstatus_to_exitcode(status)
        timings.cpu.append(usage.ru_utime + usage.ru_stime)
        timings.outcomes.add((child.returncode, out.seek(0, os.SEEK_END)))


def imported(command: list[str], env: dict[str, str]) -> list[str]:
    """The heavy libraries a command imports (`-X importtime` of the same script)."""
    script = [sys.executable, "-X", "importtime", *command[1:]] if command[0] == sys.executable \
        else [sys.executable, "-X", "importtime", command[0], *command[1:]]
    done = subprocess.run(script, capture_output=True, text=True, env=env, cwd=ROOT)
    names = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
             if line.startswith("import time:")}
    return [name for name in HEAVY if name in names]


def instructions(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> int | None:
    """Instructions one run of `command` executes (user space, every process), or None;
    run in `cwd`, as its timings are (`--tree`: the other checkout's `python -m checker`)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    done = subprocess.run([valgrind, "--tool=callgrind", "--trace-children=yes",
                           "--callgrind-out-file=/dev/null", *command],
                          capture_output=True, text=True, env=env, cwd=cwd)
    counts = re.findall(r"Collected : (\d+)", done.stderr)
    return sum(int(c) for c in counts) if counts else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--target", type=float, default=TARGET_SECONDS)
    parser.add_argument("--imports", action="store_true")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions (valgrind)")
    parser.add_argument("--tree", type=Path, help="also time `python -m checker` run in this "
                        "checkout (another commit), interleaved: a before/after in one run")
    args = parser.parse_args()
    env = environment()
    runs = {name: Timings(command) for name, command in commands().items()}
    where = dict.fromkeys(runs, ROOT)
    if args.tree is not None:
        for name, command in commands(args.tree.resolve()).items():
            if name != "python -c pass":
                runs[f"{name} [tree]"] = Timings(command)
                where[f"{name} [tree]"] = args.tree.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        for name, timings in runs.items():  # warm up: byte code, the suite cache, page cache
            run_once(timings, env, Path(tmp), where[name])
            timings.wall.clear()
            timings.cpu.clear()
        for _ in range(args.runs):
            for name, timings in runs.items():
                run_once(timings, env, Path(tmp), where[name])
    base = runs["python -c pass"]
    base_wall, base_cpu = statistics.median(base.wall), statistics.median(base.cpu)
    print(f"start-up, {args.runs} runs each, interleaved; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'command':<36} {'wall':>7} {'CPU':>7} {'wall/pass':>10} {'CPU/pass':>9}  exit")
    for name, timings in runs.items():
        wall, cpu = statistics.median(timings.wall), statistics.median(timings.cpu)
        codes = sorted({code for code, _ in timings.outcomes})
        print(f"{name:<36} {wall:7.3f} {cpu:7.3f} {wall / base_wall:10.1f} "
              f"{cpu / max(base_cpu, 1e-3):9.1f}  {','.join(map(str, codes))}")
        if len(timings.outcomes) != 1:
            sys.exit(f"{name}: runs differ (exit code, output bytes): {timings.outcomes}")
        if args.imports and name != "python -c pass" and where[name] == ROOT:
            print(f"{'':<36} imports: {', '.join(imported(timings.command, env)) or 'none heavy'}")
        if args.instructions:
            count = instructions(timings.command, env, where[name])
            shown = "valgrind not found" if count is None else f"{count / 1e6:,.0f} M"
            print(f"{'':<36} instructions: {shown}")
    check = statistics.median(runs["check one proposal (text)"].wall)
    verdict = "meets" if check <= args.target else "misses"
    print(f"one proposal checked: {check:.3f} s wall, {verdict} the {args.target} s target")


if __name__ == "__main__":
    main()
