"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).

In: a `Result`.  Out: one SARIF log with one run.  Each rule is a reporting descriptor
carrying the plan citation (text, section, line) and its rule-file location; each finding
is a result located in the proposal or plan-data file it came from (`locations`) with the
rule's `.rules` file as a related location (a batch finding, which has no row, is located
in the rule file).  `fail`, `error` and `unknown` (missing data never passes) are of kind
`fail`; `pending` is of kind `open`.  Valid against the OASIS schema
(`tests/data/schemas/sarif-schema-2.1.0.json`).  Imports only `checker.result`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from checker.result import Location, Outcome, Result, RuleSummary
from checker.textsafe import quoted
from reports import DEFAULT, Options
from reports import common as c

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

Json = dict[str, Any]


def write(result: Result, options: Options = DEFAULT) -> str:
    del options
    index = {rule.id: i for i, rule in enumerate(result.rules)}
    rules = {rule.id: rule for rule in result.rules}
    run: Json = {
        "tool": {"driver": {"name": "plancheck", "rules": [_descriptor(r) for r in result.rules]}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(o, rules[o.rule], index[o.rule]) for o in result.to_look_at()
                    if o.rule in rules],
        "invocations": [{"executionSuccessful": True,
                         "exitCode": result.summary.exit_code}],
        "properties": {"plan": result.suite.plan, "planTitle": result.suite.title,
                       "asOf": result.as_of, "failOn": result.fail_on,
                       "resultSchema": result.schema_version,
                       "inputs": [i.model_dump(mode="json") for i in result.inputs],
                       "outcomes": dict(result.summary.outcomes),
                       "subjects": result.summary.subjects},
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def uri(path: str) -> tuple[str, str | None]:
    """A path as a SARIF URI: relative ones against `%SRCROOT%`, percent-encoded."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix, safe="/"), None
    return quote(posix, safe="/"), "%SRCROOT%"


def physical(location: Location) -> Json:
    address, base = uri(location.path)
    artifact: Json = {"uri": address}
    if base:
        artifact["uriBaseId"] = base
    found: Json = {"artifactLocation": artifact}
    if location.line is not None and location.line >= 1:
        region: Json = {"startLine": location.line}
        if location.column is not None and location.column >= 1:
            region["startColumn"] = location.column
        found["region"] = region
    return found


def _descriptor(rule: RuleSummary) -> Json:
    title = rule.title or rule.id
    quotes = [f"{quoted(k.quote)} ({c.cite_place(k)})" for k in rule.citations]
    full = "; ".join(quotes) or "; ".join(f"require {k}" for k in rule.constraints) or title
    return {
        "id": rule.id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": full},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "kind": rule.kind, "subject": rule.subject, "constraints": rule.constraints,
            "citations": [k.model_dump(mode="json") for k in rule.citations],
            "location": physical(rule.location), "locationText": rule.location.text,
            "counts": dict(rule.counts),
            "tags": ["plancheck", rule.kind, rule.subject],
        },
    }


def _help_text(rule: RuleSummary) -> str:
    lines = [f"{rule.id} {rule.title or ''}".rstrip() + f" ({rule.kind})"]
    lines += [f"require {k}" for k in rule.constraints]
    lines += [c.cited(k) for k in rule.citations]
    lines.append(f"rule file: {rule.location.text}")
    return "\n".join(lines)


def _help_markdown(rule: RuleSummary) -> str:
    lines = [f"**{_md(rule.id)}** {_md(rule.title or '')} ({rule.kind})", ""]
    lines += [f"> {_md(k.quote)}\n>\n> — {_md(c.cite_place(k))}\n" for k in rule.citations]
    lines += [f"- require `{k.replace('`', '')}`" for k in rule.constraints]
    lines.append(f"- rule file: {_md(rule.location.text)}")
    return "\n".join(lines)


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def _result(outcome: Outcome, rule: RuleSummary, index: int) -> Json:
    pending = outcome.outcome == "pending"
    rule_location = {"id": 1, "physicalLocation": physical(rule.location),
                     "message": {"text": f"rule {rule.id}"}}
    primary = outcome.origin if outcome.origin is not None else rule.location
    found: Json = {
        "ruleId": rule.id, "ruleIndex": index,
        "kind": "open" if pending else "fail",
        "level": "none" if pending else _level(outcome),
        "message": {"text": _message(rule, outcome)},
        "locations": [{"physicalLocation": physical(primary)}],
        "relatedLocations": [rule_location],
        "partialFingerprints": {"plancheckSubject/v1": _fingerprint(outcome)},
        "properties": {
            "outcome": outcome.outcome, "severity": outcome.severity,
            "subject": outcome.subject, "subjectKind": outcome.subject_kind,
            "trajectory": outcome.trajectory, "waivedBy": outcome.waived_by,
            "origin": outcome.origin.text if outcome.origin else None,
            "evidence": outcome.evidence.model_dump(mode="json") if outcome.evidence else None,
        },
    }
    return found


def _level(outcome: Outcome) -> str:
    return "error" if outcome.outcome == "error" else _LEVEL[outcome.severity]


def _message(rule: RuleSummary, outcome: Outcome) -> str:
    head = f"{rule.id} {c.outcome_word(outcome)} for {outcome.subject}: {outcome.message}"
    extra = [text for label, text in c.evidence_lines(outcome) if label == "observed"]
    cites = [f"{c.cite_label(k)}: {quoted(k.quote)} ({c.citation_where(k)})"
             for k in rule.citations]
    return "\n".join([head, *extra, *cites])


def _fingerprint(outcome: Outcome) -> str:
    key = "\x1f".join([outcome.rule, outcome.subject_kind, outcome.subject])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
