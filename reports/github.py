"""GitHub Actions workflow commands: one annotation per finding, then a summary notice.

In: a `Result`.  Out: lines like `::error file=p.yaml,line=13,title=FARM-01 …::message`.
Escaping follows GitHub's toolkit (`@actions/core`): in the message `%`, `\\r` and `\\n`
become `%25`, `%0D` and `%0A`; in properties `:` and `,` also become `%3A` and `%2C`.  So
no user string can end a command early or start another one.  Binding failures and
evaluation errors are `error`, anticipatory failures and unknowns `warning`, pending
deadlines `notice`.  Imports only `checker.result`.
"""

from __future__ import annotations

from checker.result import Outcome, Result, RuleSummary
from reports import DEFAULT, Options, i18n, messages
from reports import common as c


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def level(outcome: Outcome) -> str:
    if outcome.outcome == "pending":
        return "notice"
    if outcome.outcome == "error" or outcome.severity == "error":
        return "error"
    return "warning"


def write(result: Result, options: Options = DEFAULT) -> str:
    del options
    rules = {rule.id: rule for rule in result.rules}
    lines = [_annotation(rules[o.rule], o) for o in result.to_look_at() if o.rule in rules]
    summary = (f"{messages.totals_line(result, 'en')}; exit {result.summary.exit_code}: "
               f"{i18n.verdict(result, 'en')}")
    lines.append(command("notice", {"title": f"plancheck {result.suite.plan}"}, summary))
    return "\n".join(lines) + "\n"


def _annotation(rule: RuleSummary, outcome: Outcome) -> str:
    where = outcome.origin if outcome.origin is not None else rule.location
    props = {"file": where.path}
    if where.line is not None:
        props["line"] = str(where.line)
    if where.column is not None:
        props["col"] = str(where.column)
    title = f"{rule.id} {rule.title or ''}".rstrip()
    about = c.described(outcome)
    props["title"] = f"{title}: {c.outcome_word(outcome)} · {outcome.subject}" \
        + (f" ({about})" if about else "")
    return command(level(outcome), props, _message(rule, outcome))


def _message(rule: RuleSummary, outcome: Outcome) -> str:
    lines = [outcome.message]
    for label, text in c.evidence_lines(outcome):
        repeated = outcome.evidence is not None and outcome.evidence.margin is not None \
            and outcome.evidence.margin.text in outcome.message
        if label in ("missing", "waived by") or (label == "observed" and not repeated):
            lines.append(f"{label}: {text}")
    lines += [c.cited(k) for k in rule.citations]
    lines.append(f"rule: {rule.location.text}")
    return "\n".join(lines)
