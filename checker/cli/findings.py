"""Findings about rule files (lint, analyze, a suite's tests) as JSON, JUnit or SARIF.

In: `Finding`s — a code, a severity, a message and the places in `.rules` files it is
about — gathered by a command from its stage's own type.  Out: one document for a
program: JSON (`version`, `tool`, `summary`, `findings`), JUnit XML (a testcase per
finding, or per test of a suite) or SARIF 2.1.0 whose results are located in the rule
files, so code scanning shows them on the line.  The check's own reports are in
`reports/`; the URI and XML cleaning are theirs, reused.
"""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from checker import __version__
from checker.codes import CODES
from checker.diagnostics import Diagnostic
from checker.source import Span
from checker.textsafe import shown
from reports.junit import clean
from reports.sarif import SCHEMA, uri

JSON_VERSION = 1
TEST_FAILED = "test"  # the code of a failed `test` block (tests have no diagnostic code)
_MEANINGS = {**CODES, TEST_FAILED: "a test block of the suite failed"}
_LEVEL = {"error": "error", "warning": "warning"}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | note
    message: str
    spans: tuple[Span, ...] = ()
    help: str = ""
    name: str = ""  # a test's name (JUnit testcase); '' for a finding

    @staticmethod
    def of(diagnostic: Diagnostic) -> Finding:
        return Finding(diagnostic.code, diagnostic.severity, diagnostic.message,
                       (diagnostic.span,) if diagnostic.span.file != "<none>" else (),
                       diagnostic.help)

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"code": self.code, "severity": self.severity,
                                 "message": self.message,
                                 "locations": [_location(s) for s in self.spans]}
        if self.help:
            found["help"] = self.help
        if self.name:
            found["name"] = self.name
        return found


@dataclass(frozen=True)
class Report:
    """What one command found: `tool` is its name (`lint`), `checked` the cases or rules it
    looked at (JUnit counts them), `passed` the names of tests that passed (test only)."""

    tool: str
    findings: Sequence[Finding]
    checked: int
    passed: Sequence[tuple[str, Span]] = ()
    summary: dict[str, Any] = field(default_factory=dict)


def render(report: Report, fmt: str) -> str:
    return {"json": to_json, "junit": to_junit, "sarif": to_sarif}[fmt](report)


def to_json(report: Report) -> str:
    errors = sum(1 for f in report.findings if f.severity == "error")
    document = {
        "version": JSON_VERSION, "tool": f"plancheck {report.tool}",
        "summary": {"checked": report.checked, "findings": len(report.findings),
                    "errors": errors, "warnings": len(report.findings) - errors,
                    **report.summary},
        "findings": [f.to_json() for f in report.findings],
    }
    if report.passed:
        document["passed"] = [{"name": n, "location": _location(s)} for n, s in report.passed]
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_junit(report: Report) -> str:
    root = ET.Element("testsuites")
    cases = len(report.findings) + len(report.passed)
    suite = ET.SubElement(root, "testsuite", _attrs(
        name=f"plancheck {report.tool}", package="plancheck", id="0", timestamp=_now(),
        hostname="localhost", tests=str(max(cases, 1)), failures=str(len(report.findings)),
        errors="0", skipped="0", time="0"))
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", _attrs(name="checked", value=str(report.checked)))
    for name, span in report.passed:
        ET.SubElement(suite, "testcase", _attrs(name=name, classname=_where(span), time="0"))
    for finding in report.findings:
        where = _where(finding.spans[0]) if finding.spans else report.tool
        case = ET.SubElement(suite, "testcase", _attrs(
            name=finding.name or f"{finding.code} {where}", classname=where, time="0"))
        failure = ET.SubElement(case, "failure", _attrs(
            message=f"{finding.code}: {finding.message}", type=finding.severity))
        failure.text = clean("\n".join(filter(None, [finding.message, finding.help and
                                                     f"help: {finding.help}"])))
    if not cases:  # a clean run is one passing case, so a CI test tab shows the run
        ET.SubElement(suite, "testcase", _attrs(name=f"{report.tool}: no findings",
                                                 classname=report.tool, time="0"))
    ET.SubElement(suite, "system-out")
    ET.SubElement(suite, "system-err")
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def to_sarif(report: Report) -> str:
    codes = sorted({f.code for f in report.findings})
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {"driver": {
            "name": "plancheck", "version": __version__,
            "rules": [{"id": code, "shortDescription": {"text": _MEANINGS.get(code, code)}}
                      for code in codes]}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code]) for f in report.findings],
        "invocations": [{"executionSuccessful": True,
                         "exitCode": 1 if any(f.severity == "error"
                                              for f in report.findings) else 0}],
        "properties": {"command": report.tool, "checked": report.checked, **report.summary},
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def bad_input(tool: str, diagnostics: Sequence[Diagnostic], fmt: str) -> str:
    """The report a run that stopped on bad input still writes (exit 2), so a CI step that
    uploads it finds a file: JSON and JUnit list the diagnostics as findings; SARIF has no
    results and an unsuccessful invocation whose notifications are the diagnostics."""
    findings = [Finding(f.code, f.severity, shown(f.message), f.spans, shown(f.help))
                for f in map(Finding.of, diagnostics)]  # the data's words, escaped
    if fmt != "sarif":
        return render(Report(tool, findings, 0, summary={"bad_input": True}), fmt)
    notes = []
    for finding in findings:
        note: dict[str, Any] = {
            "level": _LEVEL.get(finding.severity, "note"), "descriptor": {"id": finding.code},
            "message": {"text": finding.message + (f"\nhelp: {finding.help}"
                                                   if finding.help else "")}}
        if finding.spans:
            note["locations"] = [{"physicalLocation": _physical(s)} for s in finding.spans]
        notes.append(note)
    run = {"tool": {"driver": {"name": "plancheck", "version": __version__, "rules": []}},
           "columnKind": "unicodeCodePoints", "results": [],
           "invocations": [{"executionSuccessful": False, "exitCode": 2,
                            "toolExecutionNotifications": notes}],
           "properties": {"command": tool}}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _result(finding: Finding, index: int) -> dict[str, Any]:
    text = finding.message + (f"\nhelp: {finding.help}" if finding.help else "")
    found: dict[str, Any] = {
        "ruleId": finding.code, "ruleIndex": index,
        "level": _LEVEL.get(finding.severity, "note"), "message": {"text": text},
    }
    located = [_physical(s) for s in finding.spans]
    if located:
        found["locations"] = [{"physicalLocation": located[0]}]
        if len(located) > 1:  # a conflict between rules: the others are related
            found["relatedLocations"] = [{"id": n, "physicalLocation": p}
                                         for n, p in enumerate(located[1:], 1)]
    return found


def _physical(span: Span) -> dict[str, Any]:
    address, base = uri(span.file)
    artifact: dict[str, Any] = {"uri": address}
    if base:
        artifact["uriBaseId"] = base
    found: dict[str, Any] = {"artifactLocation": artifact}
    if span.line >= 1:
        region: dict[str, Any] = {"startLine": span.line}
        if span.column >= 1:
            region["startColumn"] = span.column
            if span.end_line >= span.line and span.end_column >= 1:
                region["endLine"] = span.end_line
                region["endColumn"] = span.end_column
        found["region"] = region
    return found


def _location(span: Span) -> dict[str, Any]:
    return {"file": span.file, "line": span.line, "column": span.column,
            "end_line": span.end_line, "end_column": span.end_column}


def _where(span: Span) -> str:
    return f"{span.file}:{span.line}" if span.line else span.file


def _now() -> str:
    """The run's time, to the second (JUnit requires a timestamp)."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _attrs(**values: str) -> dict[str, str]:
    return {key: clean(value) for key, value in values.items()}
