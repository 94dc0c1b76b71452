"""`plancheck analyze [SUITE…] [--format text|json]`: consistency of the rules themselves."""

from __future__ import annotations

import argparse
import sys

from checker.cli.commands import cache_option, checked_suite

HELP = "find contradictions, dead, redundant and time conflicts among a suite's rules"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("suites", nargs="*", metavar="SUITE",
                        help="suite folders or .rules files (default: the bundled Daxing suite)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="output format (default: text)")
    cache_option(parser)


def run(args: argparse.Namespace) -> int:
    from checker.analysis.analyze import run_analysis
    from checker.analysis.render import render_json, render_text

    loaded, checked = checked_suite(args, args.suites or None)
    analysis = run_analysis(checked)
    if args.format == "json":
        sys.stdout.write(render_json(analysis))
    else:
        sys.stdout.write(render_text(analysis, loaded.sources))
    return 1 if analysis.findings else 0
