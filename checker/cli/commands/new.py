"""`plancheck new SUITE_DIR [--plan ID] [--title T] [--region R]`: a suite to start from.

Writes a plan header, a unit, an indicator, a record, one cited rule with a passing
and a failing test, the plan's text (`plan.txt`) and a `plancheck.toml` naming the
folder as the suite (so commands run inside it never fall back to the bundled suite)
into a new folder — a suite
that `fmt --check`, `lint`, `analyze` and `test` pass at once, so an author changes
working rules instead of starting from an empty file.  The files come from
`checker/cli/scaffold/*.tmpl`; a folder that exists and is not empty is refused
(C720), so nothing is ever overwritten.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from checker.cli import options
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import Span

HELP = "create a new suite (plan, unit, indicator, record, a rule with tests, plan text)"
SCAFFOLD = Path(__file__).parents[1] / "scaffold"
_ID = re.compile(r"[a-z][a-z0-9-]*")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="SUITE_DIR", help="the folder to create")
    parser.add_argument("--plan", metavar="ID", default=None,
                        help="the plan's id (default: the folder's name, e.g. my-plan)")
    parser.add_argument("--title", default="某区国民经济和社会发展第十四个五年规划纲要",
                        help="the plan's title")
    parser.add_argument("--region", default="本区", help="the plan's region (default: 本区)")


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    plan_id = args.plan or folder.resolve().name.lower()
    _refuse(folder, plan_id, args)
    values = {"plan_id": plan_id, "title": args.title, "region": args.region,
              "cap": "100", "below": "98.5"}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for template in sorted(SCAFFOLD.glob("*.tmpl")):
        target = folder / template.name.removesuffix(".tmpl")
        target.write_text(template.read_text(encoding="utf-8").format(**values),
                          encoding="utf-8")
        written.append(target.name)
    if not args.quiet:
        shown = str(folder)
        print(f"created {shown}/ with {options.count(len(written), 'file')}: "
              + ", ".join(written))
        print(f"wrote {shown}/plancheck.toml: a plancheck command run inside {shown}/ reads "
              "this suite without naming it")
        print(f"next: plancheck test {shown} && plancheck lint {shown} "
              f"&& plancheck analyze {shown}")
    return 0


def _refuse(folder: Path, plan_id: str, args: argparse.Namespace) -> None:
    """No overwriting, and names the language reads back as they were written."""
    where = Span(str(folder), 0, 0, 0, 0)
    problems = []
    if not args.folder.strip():
        problems.append(Diagnostic("C720", "the suite folder's name is empty", where,
                                   help="name a new folder, e.g. `plancheck new my-plan`"))
    elif any(parent.exists() and not parent.is_dir() for parent in folder.parents):
        problems.append(Diagnostic("C720", f"`{folder}` is under a file", where,
                                   help="name a new folder whose parents are folders"))
    elif folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        problems.append(Diagnostic("C720", f"`{folder}` exists and is not an empty folder",
                                   where, help="name a new folder; nothing is overwritten"))
    if not _ID.fullmatch(plan_id):
        problems.append(Diagnostic("C720", f"`{plan_id}` cannot be a plan id", where,
                                   help="give `--plan` a name of lower-case letters, digits "
                                   "and `-`, e.g. `--plan my-plan-14th`"))
    for name, value in (("--title", args.title), ("--region", args.region)):
        if not value.strip() or any(c in value for c in '"\\\n{}') or \
                (name == "--region" and not value.isidentifier()):
            problems.append(Diagnostic("C720", f"`{name}` cannot be `{value}`", where,
                                       help="a title is one line without quotes or "
                                       "backslashes; a region is one word (大兴区)"))
    if problems:
        raise DiagnosticError(problems)
