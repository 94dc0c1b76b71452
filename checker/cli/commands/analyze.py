"""`plancheck analyze [SUITE…] [--format F] [-o FILE]`: consistency of the rules themselves.

Text (coloured on a terminal), the analysis's JSON, JUnit, or SARIF whose results sit
on the rules' lines (each rule of a conflict a location).  `--max-depth`,
`--query-timeout` and `--time-limit` set the analysis's bounds (`analysis.limits`); what
they leave undecided is an incomplete finding, never "consistent".
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from checker.cli import options

if TYPE_CHECKING:
    from checker.analysis.analyze import Analysis
    from checker.cli.findings import Report

HELP = "find contradictions, dead, redundant and time conflicts among a suite's rules"


def register(parser: argparse.ArgumentParser) -> None:
    from checker.analysis import limits

    options.suite(parser)
    options.report(parser)
    whole = options.whole_number
    parser.add_argument("--max-depth", type=whole(1, 100), default=limits.NESTING,
                        metavar="N", help="levels of one expression the analysis reads "
                        f"(default {limits.NESTING}); deeper ones are incomplete (A530)")
    parser.add_argument("--query-timeout", type=whole(1, 600_000), default=limits.QUERY_MS,
                        metavar="MS", help="milliseconds one solver check may take "
                        f"(default {limits.QUERY_MS:,})")
    parser.add_argument("--time-limit", type=whole(1, 86_400), default=limits.RUN_SECONDS,
                        metavar="SECONDS", help="seconds all solver checks of the run may take "
                        f"(default {limits.RUN_SECONDS:g})")


def run(args: argparse.Namespace) -> int:
    from checker.analysis.analyze import run_analysis
    from checker.analysis.limits import Limits
    from checker.analysis.render import render_json, render_text
    from checker.cli.findings import render
    from checker.cli.paint import paint
    from checker.cli.report import emit
    from checker.cli.stdin import checked_from

    loaded, checked = checked_from(args, options.suite_paths(args, args.suites))
    analysis = run_analysis(checked, Limits(query_ms=args.query_timeout,
                                            run_seconds=float(args.time_limit),
                                            nesting=args.max_depth))
    if args.format == "json":
        text = render_json(analysis)
    elif args.format == "text":
        quiet = args.quiet and not analysis.findings and not analysis.incomplete
        text = "" if quiet else paint(render_text(analysis, loaded.sources),
                                      options.to_terminal(args))
    else:
        text = render(_report(analysis), args.format)
    emit(args, text, loaded.sources)
    return 1 if analysis.findings else 0


def _report(analysis: Analysis) -> Report:
    from checker.cli.findings import Finding, Report

    found = [Finding(f.code, f.severity, f"{f.message} (witness: {f.witness})",
                     tuple(item.span for item in f.rules), f.help) for f in analysis.findings]
    return Report("analyze", found, analysis.rules,
                  summary={"incomplete": list(analysis.incomplete)})
