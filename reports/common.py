"""Shared wording of the reports for people (text, markdown, html) and for CI tools.

In: `checker.result` models.  Out: plain, unescaped strings and small groupings; each
writer escapes them for its own medium.  Imports only `checker.result`.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.result import Citation, Clause, Outcome, OutcomeKind, Result, RuleSummary
from checker.textsafe import quoted

COLUMNS: tuple[OutcomeKind, ...] = ("pass", "fail", "unknown", "not_applicable", "pending",
                                    "error")
LABEL: dict[OutcomeKind, str] = {"pass": "pass", "fail": "fail", "unknown": "unknown",
                                 "not_applicable": "n/a", "pending": "pending", "error": "error"}
WORDS: dict[OutcomeKind, str] = {"pass": "pass", "fail": "fail", "unknown": "unknown",
                                 "not_applicable": "not applicable", "pending": "pending",
                                 "error": "error"}
NOUNS = {"record": ("proposal", "proposals"), "batch": ("batch", "batches"),
         "series": ("series", "series")}
TRUTH = {True: "true", False: "false", None: "unknown"}
MARK = {True: "✓", False: "✗", None: "?"}


@dataclass(frozen=True)
class RuleOutcomes:
    """One rule with the outcomes of it that a person must look at."""

    rule: RuleSummary
    outcomes: list[Outcome]

    @property
    def unlisted(self) -> int:
        """Outcomes to look at that a big run counted but did not list."""
        return max(to_look_at_count(self.rule) - len(self.outcomes), 0)


def by_rule(result: Result) -> list[RuleOutcomes]:
    """Rules in suite order, each with the outcomes to look at (rules without any included)."""
    found: dict[str, list[Outcome]] = {}
    for outcome in result.to_look_at():
        found.setdefault(outcome.rule, []).append(outcome)
    return [RuleOutcomes(rule, found.get(rule.id, [])) for rule in result.rules]


def by_subject(result: Result) -> list[tuple[str, list[Outcome]]]:
    """Proposals (record subjects) with outcomes to look at, by first appearance in a rule."""
    found: dict[str, list[Outcome]] = {}
    for outcome in result.to_look_at():
        if outcome.subject_kind == "record":
            found.setdefault(outcome.subject, []).append(outcome)
    return sorted(found.items(), key=lambda item: item[0])


def label(rule: RuleSummary) -> tuple[str, bool]:
    """The rule's title, or (when it has none) its first constraint: (text, is_constraint)."""
    if rule.title:
        return rule.title, False
    return (rule.constraints[0] if rule.constraints else ""), True


def total(rule: RuleSummary) -> int:
    return sum(rule.counts.values())


def to_look_at_count(rule: RuleSummary) -> int:
    """How many outcomes of the rule are to look at (all but pass and not_applicable)."""
    return sum(n for k, n in rule.counts.items() if k not in ("pass", "not_applicable"))


def count_line(rule: RuleSummary) -> str:
    """`3 of 1,190 proposals fail · 2 unknown` (every outcome but pass and n/a named)."""
    whole = total(rule)
    one, many = NOUNS[rule.subject]
    noun = one if whole == 1 else many
    fails = rule.counts.get("fail", 0)
    head = f"{fails:,} of {whole:,} {noun} {'fails' if fails == 1 and whole != 1 else 'fail'}"
    if whole == 1:
        head = f"the {one} {'fails' if fails else 'does not fail'}"
    extra = [f"{rule.counts.get(k, 0):,} {WORDS[k]}" for k in ("unknown", "error", "pending",
                                                                "not_applicable")
             if rule.counts.get(k, 0)]
    return " · ".join([head, *extra])


def described(outcome: Outcome) -> str:
    """What a proposal's id stands for: `航空维修园区物资运输车队 · 礼贤镇 · 临空经济区` (its
    name, town, zone … as the data wrote them), or "" for other subjects."""
    return " · ".join(detail.value for detail in outcome.subject_details)


def subject_counts(result: Result) -> dict[str, int]:
    """How many proposals, batches and regions the run judged, by subject kind.  A large
    run lists only some outcomes, so then only its proposals are counted (from the inputs);
    a region's stated plan (`大兴区 (target)`) is the same region."""
    s = result.summary
    if not s.complete:
        return {"record": s.subjects} if s.subjects else {}
    region = {row.subject: row.region for row in result.indicators}
    seen: dict[str, set[str]] = {}
    for o in result.outcomes:
        name = region.get(o.subject, o.subject) if o.subject_kind == "series" else o.subject
        seen.setdefault(o.subject_kind, set()).add(name)
    return {kind: len(seen[kind]) for kind in ("record", "batch", "series") if kind in seen}


def citation_where(cite: Citation) -> str:
    """`第五章 一 (三), line 315`: the cited section and line of the plan text."""
    if not cite.section:  # a cite of a text without headings (`cite national "" line 1`)
        return f"line {cite.line}" if cite.line else ""
    return cite.section + (f", line {cite.line}" if cite.line else "")


def cite_label(cite: Citation) -> str:
    """What a one-line report calls a quote's text: `plan`, or the declared source it
    is from (`source national`) — a quote of the nation's plan is not the plan's."""
    return "plan" if cite.source is None else f"source {cite.source}"


def cited(cite: Citation) -> str:
    """`plan: 第五章 一 (三), line 315: “…”`; `source national: line 1: “…”`."""
    where = citation_where(cite)
    return f"{cite_label(cite)}: {where + ': ' if where else ''}{quoted(cite.quote)}"


def cite_place(cite: Citation) -> str:
    """The place without a label: `第二章 一, line 8`; a source's quote by its name first
    (`national, line 1`)."""
    where = citation_where(cite)
    if cite.source is None:
        return where
    return f"{cite.source}, {where}" if where else cite.source


def clause_line(clause: Clause) -> str:
    return f"{MARK[clause.value]} {clause.role} {clause.text} → {TRUTH[clause.value]}"


def outcome_word(outcome: Outcome) -> str:
    """`fail`, `pending (lagging)`, …"""
    word = WORDS[outcome.outcome]
    if outcome.trajectory:
        word += f" ({outcome.trajectory.replace('_', ' ')})"
    return word


def comparison(outcome: Outcome) -> str | None:
    """`70% · threshold 80% · short by 10%, 12.5 %`, when the rule compares amounts."""
    evidence = outcome.evidence
    if evidence is None or (evidence.observed is None and evidence.threshold is None):
        return None
    parts = []
    if evidence.observed is not None:
        parts.append(evidence.observed.text)
    if evidence.threshold is not None:
        parts.append(f"threshold {evidence.threshold.text}")
    if evidence.margin is not None:
        parts.append(evidence.margin.text)
    return " · ".join(parts)


def evidence_lines(outcome: Outcome) -> list[tuple[str, str]]:
    """Labelled lines of evidence, in reading order: (label, text)."""
    lines: list[tuple[str, str]] = []
    compared = comparison(outcome)
    if compared:
        lines.append(("observed", compared))
    evidence = outcome.evidence
    if evidence is not None:
        lines += [("clause", clause_line(c)) for c in evidence.clauses]
        if evidence.values:
            lines.append(("data", ", ".join(f"{k} = {v}" for k, v in evidence.values.items())))
        if evidence.years:
            lines.append(("years", ", ".join(str(y) for y in evidence.years)))
        if evidence.missing:
            lines.append(("missing", ", ".join(evidence.missing)))
    if outcome.waived_by:
        lines.append(("waived by", outcome.waived_by))
    if outcome.origin is not None:
        lines.append(("from", outcome.origin.text))
    return lines


def code_spans(message: str) -> list[tuple[str, bool]]:
    """Split a message on backticks: [(text, is_code)], for writers that can show code."""
    parts = message.split("`")
    if len(parts) % 2 == 0:  # unbalanced: show as written
        return [(message, False)]
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]
