"""`plancheck analyze [SUITE…] [--format F] [-o FILE]`: consistency of the rules themselves.

Text (coloured on a terminal), the analysis's JSON, JUnit, or SARIF whose results sit
on the rules' lines (each rule of a conflict a location).
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
    options.suite(parser)
    options.report(parser)


def run(args: argparse.Namespace) -> int:
    from checker.analysis.analyze import run_analysis
    from checker.analysis.render import render_json, render_text
    from checker.cli.findings import render
    from checker.cli.paint import paint
    from checker.cli.report import emit
    from checker.cli.stdin import checked_from

    loaded, checked = checked_from(args, options.suite_paths(args, args.suites))
    analysis = run_analysis(checked)
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
