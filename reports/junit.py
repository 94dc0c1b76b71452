"""JUnit XML for CI test tabs: a testsuite per rule, a testcase per rule × subject.

In: a `Result`.  Out: XML valid against the Jenkins-style JUnit schema
(`tests/data/schemas/junit.xsd`).  `fail` and `error` are failures (type = the outcome),
`unknown` is a failure of type `unknown` (missing data never passes), `not_applicable` and
`pending` are skipped, `pass` is a plain testcase.  The output is deterministic: the
timestamp is the end of the `--as-of` year, not the wall clock, and times are 0.
Imports only `checker.result`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.result import Outcome, Result, RuleSummary
from reports import DEFAULT, Options
from reports import common as c

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
FAILURE = ("fail", "error", "unknown")
SKIPPED = ("not_applicable", "pending")


def clean(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("\ufffd", text)


def write(result: Result, options: Options = DEFAULT) -> str:
    del options
    root = ET.Element("testsuites")  # the schema allows no attributes here
    outcomes: dict[str, list[Outcome]] = {}
    for outcome in result.outcomes:
        outcomes.setdefault(outcome.rule, []).append(outcome)
    for index, rule in enumerate(result.rules):
        root.append(_suite(result, index, rule, outcomes.get(rule.id, [])))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _attrs(**values: str) -> dict[str, str]:
    return {key.rstrip("_"): clean(value) for key, value in values.items()}


def _suite(result: Result, index: int, rule: RuleSummary, found: list[Outcome]) -> ET.Element:
    failures = sum(1 for o in found if o.outcome in FAILURE)
    skipped = sum(1 for o in found if o.outcome in SKIPPED)
    suite = ET.Element("testsuite", _attrs(
        name=rule.id, package=result.suite.plan, id=str(index),
        timestamp=f"{result.as_of}-12-31T00:00:00", hostname="localhost",
        tests=str(len(found)), failures=str(failures), errors="0", skipped=str(skipped),
        time="0"))
    properties = ET.SubElement(suite, "properties")
    for name, value in _properties(result, rule, found):
        ET.SubElement(properties, "property", _attrs(name=name, value=value))
    for outcome in found:
        suite.append(_case(result, rule, outcome))
    ET.SubElement(suite, "system-out").text = clean(_rule_text(rule))
    ET.SubElement(suite, "system-err")
    return suite


def _properties(result: Result, rule: RuleSummary, found: list[Outcome]
                ) -> list[tuple[str, str]]:
    props = [("title", rule.title or ""), ("kind", rule.kind), ("severity", rule.severity),
             ("rule_file", rule.location.text)]
    props += [("citation", f"{c.cite_place(k)}: {k.quote}") for k in rule.citations]
    props += [(f"count.{k}", str(rule.counts.get(k, 0))) for k in c.COLUMNS]
    unlisted = c.total(rule) - len(found)
    if unlisted:
        props.append(("unlisted", str(unlisted)))  # counted, not listed (a big run)
    props.append(("as_of", str(result.as_of)))
    return props


def _case(result: Result, rule: RuleSummary, outcome: Outcome) -> ET.Element:
    case = ET.Element("testcase", _attrs(name=outcome.subject,
                                         classname=f"{result.suite.plan}.{rule.id}", time="0"))
    message = " ".join(outcome.message.split())
    if outcome.outcome in FAILURE:
        failure = ET.SubElement(case, "failure", _attrs(message=message, type=outcome.outcome))
        failure.text = clean(_details(rule, outcome))
    elif outcome.outcome in SKIPPED:
        word = c.outcome_word(outcome)
        skipped = ET.SubElement(case, "skipped", _attrs(message=f"{word}: {message}"))
        skipped.text = clean(_details(rule, outcome))
    return case


def _details(rule: RuleSummary, outcome: Outcome) -> str:
    lines = [f"{rule.id} {rule.title or ''}".rstrip() + f": {c.outcome_word(outcome)} "
             f"({outcome.severity}) for {outcome.subject}", outcome.message]
    lines += [f"{label}: {text}" for label, text in c.evidence_lines(outcome)]
    lines += [c.cited(k) for k in rule.citations]
    lines.append(f"rule: {rule.location.text}")
    return "\n".join(lines) + "\n"


def _rule_text(rule: RuleSummary) -> str:
    lines = [f"{rule.id} {rule.title or ''}".rstrip(), c.count_line(rule)]
    lines += [f"require {k}" for k in rule.constraints]
    lines += [c.cited(k) for k in rule.citations]
    return "\n".join(lines) + "\n"
