"""`plancheck analyze [SUITE…] [--format text|json]`: consistency of the rules themselves."""

from __future__ import annotations

import argparse
import sys

from checker.analysis.analyze import run_analysis
from checker.analysis.render import render_json, render_text
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck

HELP = "find contradictions, dead, redundant and time conflicts among a suite's rules"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("suites", nargs="*", metavar="SUITE",
                        help="suite folders or .rules files (default: the bundled Daxing suite)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    loaded = load_suite(args.suites or None)
    checked = typecheck(loaded.suite)
    analysis = run_analysis(checked)
    if args.format == "json":
        sys.stdout.write(render_json(analysis))
    else:
        sys.stdout.write(render_text(analysis, loaded.sources))
    return 1 if analysis.findings else 0
