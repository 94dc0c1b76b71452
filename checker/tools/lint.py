"""Lint: authoring hygiene of a suite — provenance, readings, tests, names.

In: a built suite (and its checked form when it type-checks).  Out: L6xx
diagnostics: a rule without a citation; a quote that is not in the plan's text
or not on the cited line (with the lines it is on); unused indicators and
record fields; a vague word (基本, 主要, 进一步, 持续, 全面, 显著) quoted without a
`read` clause; a rule no test expects; a duplicated id; a binding rule without
the reason for its kind; a rule whose kind differs from its indicators'; a binding
rule that reads a field with a default; a `require` whose numbers its quote does not
state (`lint_numbers`).  Reads the plan text named by the plan header's
`source`, relative to the file that declares the plan.  Imports `model`, `typed`,
`typecheck`, `diagnostics` and `source`; never pandas, never the CLI.  A rule that
`plancheck extract` drafted carries a `# draft:` comment until a person has reviewed it
(decided its kind, checked threshold and deadline); each is L611.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checker.diagnostics import Diagnostic, DiagnosticError, did_you_mean
from checker.source import NO_SPAN, Span
from checker.syntax import model as m
from checker.tools.lint_numbers import unmatched_numbers
from checker.tools.lint_sections import section_problem
from checker.tools.lint_units import l616, unused_units
from checker.tools.plantext import PlanText, read_texts
from checker.types import typed as t
from checker.types.typecheck import typecheck

VAGUE_WORDS = ("基本", "主要", "进一步", "持续", "全面", "显著")
# Fixed terms in which a vague word is part of a name, not a hedge (可持续: sustainable;
# 主要支流, 主要污染物: the main tributaries, the main pollutants — things, not a share).
TERMS = ("基本农田", "基本公共服务", "基本医疗", "基本养老", "基本药物", "基本生态控制线",
         "基本生活", "基本无违法建设区", "可持续", "主要支流", "主要河流", "主要污染物",
         "主要水污染物", "主要大气污染物")
# 持续 hedges a number only as a claim that something keeps changing (持续提高, 持续下降);
# before any other verb it says an action goes on (持续实施学前教育行动计划, 持续推进…), which
# leaves the sentence's own number, if any, to be read as written.
CHANGE_AFTER = {"持续": ("提高", "提升", "增加", "增长", "稳定增长", "增进", "扩大", "下降",
                         "降低", "减少", "压减", "压采", "缩小", "改善", "好转", "向好")}
IDENTITY_FIELDS = frozenset({"id", "name"})  # name the subject; no rule needs to read them
SEVERITY = {
    "L601": "error", "L602": "error", "L603": "error", "L604": "warning", "L605": "warning",
    "L606": "warning", "L607": "warning", "L608": "warning", "L609": "error", "L610": "error",
    "L611": "error", "L612": "warning", "L613": "warning", "L614": "error", "L615": "error",
    "L616": "warning", "L620": "warning",
}
DRAFT_MARK = "draft:"  # the comment `plancheck extract` puts above each rule it drafts


def lint(suite: m.Suite, checked: t.CheckedSuite | None = None) -> list[Diagnostic]:
    """Every lint diagnostic of the suite (the prelude is left out), sorted."""
    files = [f for f in suite.files if not f.path.startswith("<")]
    rules = [s for f in files for s in f.statements if isinstance(s, m.Rule)]
    out = [*_duplicates(files), *_kinds(rules), *_citations(rules), *_parameters(files),
           *_drafts(rules),
           *_quotes(suite, files, rules), *_vague(rules), *_untested(rules, files)]
    if checked is not None:
        # a rule quoting a vague word has one problem, not two: L607 asks for its `read`
        numbered = [r for r in rules if vague_word(r) is None]
        out += [*_unused(checked, files), *_defaulted(checked, files),
                *_kind_mismatches(checked), *unmatched_numbers(numbered, checked.units),
                *(l616(unit, text, SEVERITY["L616"]) for unit, text in
                  unused_units(files, checked))]
    return sorted(out, key=Diagnostic.sort_key)


def lint_suite(suite: m.Suite) -> tuple[t.CheckedSuite | None, list[Diagnostic]]:
    """Typecheck, then lint what can be linted: the checked suite (None when it does not
    typecheck) and the diagnostics — the type errors too, less the duplicate-rule errors
    (T215) that L609 already names."""
    try:
        checked = typecheck(suite)
    except DiagnosticError as error:
        rest = [d for d in error.diagnostics
                if not (d.code == "T215" and "rule" in d.message.split("`")[0])]
        return None, sorted([*lint(suite), *rest], key=Diagnostic.sort_key)
    return checked, lint(suite, checked)


def _diag(code: str, message: str, span: Span, label: str = "", help: str = "") -> Diagnostic:
    return Diagnostic(code, message, span, label, help, SEVERITY[code])


def head(span: Span, text: str) -> Span:
    """The first line of a statement's span, `text` wide (`rule LAND-01`)."""
    return Span(span.file, span.line, span.column, span.line, span.column + len(text))


# ------------------------------------------------------------------ rules


def _kinds(rules: list[m.Rule]) -> Iterator[Diagnostic]:
    for rule in rules:
        for kind in rule.clauses_of(m.KindClause):
            if kind.kind == "binding" and not kind.reason:
                yield _diag("L610", f"binding rule `{rule.id}` does not say why it is binding",
                            kind.span, "no `because`",
                            help='write `kind binding because "…"` (e.g. the plan lists it '
                            "as a 约束性 indicator)")


def _kind_mismatches(checked: t.CheckedSuite) -> Iterator[Diagnostic]:
    """A rule whose kind differs from that of every indicator it reads: the plan's table
    says 约束性 (or 预期性), the rule says otherwise.  A `role parameter` has no kind to
    differ from (friction 9: `sum(beds) <= city_bed_quota` was 'anticipatory')."""
    for rule in checked.rules:
        weighed = [i for i in rule.indicators
                   if i in checked.indicators and not checked.indicators[i].parameter]
        kinds = {checked.indicators[i].kind for i in weighed}
        clause = next(iter(rule.source.clauses_of(m.KindClause)), None)
        if clause is None or len(kinds) != 1 or rule.kind in kinds:
            continue
        (kind,) = kinds
        named = ", ".join(f"`{i}`" for i in weighed)
        yield _diag("L620", f"rule `{rule.id}` is {rule.kind}, but what it reads is {kind}: "
                    f"{named}", clause.span, f"the indicators are {kind}",
                    help=f"write `kind {kind}`, or change the indicator's `kind` if the plan's "
                    "table says otherwise")


def _drafts(rules: list[m.Rule]) -> Iterator[Diagnostic]:
    for rule in rules:
        if any(c.strip().lower().startswith(DRAFT_MARK) for c in rule.comments):
            yield _diag("L611", f"rule `{rule.id}` is a draft: nobody has reviewed it",
                        head(rule.span, f"rule {rule.id}"), "draft, review me",
                        help="decide its `kind` (binding or anticipatory, and why), check the "
                        "threshold, the deadline and the indicator against the plan, then "
                        "delete the `# draft:` line")


def _parameters(files: list[m.RuleFile]) -> Iterator[Diagnostic]:
    """A parameter is a number the plan leaves to another authority: say where it says so."""
    for indicator in (s for f in files for s in f.statements if isinstance(s, m.Indicator)):
        if indicator.get("role") == "parameter" and not any(i.cite for i in indicator.items):
            yield _diag("L601", f"parameter `{indicator.id}` cites no sentence of the plan",
                        head(indicator.span, f"indicator {indicator.id}"), "no `cite`",
                        help='add `cite "第八章 二" line 553: "…达到市级要求"` with the plan\'s '
                        "words that leave the number to another authority")


def _citations(rules: list[m.Rule]) -> Iterator[Diagnostic]:
    for rule in rules:
        if not rule.clauses_of(m.Cite):
            yield _diag("L601", f"rule `{rule.id}` cites no sentence of the plan",
                        head(rule.span, f"rule {rule.id}"), "no `cite`",
                        help='add `cite "第五章 一 (三)" line 315: "…"` with the plan\'s words')


def _vague(rules: list[m.Rule]) -> Iterator[Diagnostic]:
    for rule in rules:
        hedge = vague_word(rule)
        if hedge is not None:
            cite, word = hedge
            yield _diag("L607", f"rule `{rule.id}` quotes `{word}` without saying how it "
                        "reads it", cite.span, "vague threshold",
                        help=f'add `read {word} = … because "…"`: the number the suite '
                        "takes it to mean, and why")


def vague_word(rule: m.Rule) -> tuple[m.Cite, str] | None:
    """The first cite quoting a vague word and the word, for a rule without a `read`
    whose constraints are not all trends; else None."""
    if rule.clauses_of(m.Read) or _only_trends(rule):
        return None
    for cite in rule.clauses_of(m.Cite):
        quote = cite.quote
        for term in TERMS:
            quote = quote.replace(term, "")
        words = [w for w in VAGUE_WORDS if _hedges(w, quote)]
        if words:
            return cite, words[0]
    return None


def _hedges(word: str, quote: str) -> bool:
    """Whether `word` stands in `quote` as a hedge of a threshold (see `CHANGE_AFTER`)."""
    if word not in CHANGE_AFTER:
        return word in quote
    return any(quote.startswith(change, at + len(word)) for at in _finds(quote, word)
               for change in CHANGE_AFTER[word])


def _finds(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _only_trends(rule: m.Rule) -> bool:
    """A rule whose constraints are all `rises`/`falls`: 持续改善 has no number to read."""
    requires = rule.clauses_of(m.Require)
    return bool(requires) and all(isinstance(r.expr, m.TrendOp) for r in requires)


def _untested(rules: list[m.Rule], files: list[m.RuleFile]) -> Iterator[Diagnostic]:
    expected = {item.rule_id for f in files for s in f.statements if isinstance(s, m.Test)
                for item in s.items if isinstance(item, m.Expect)}
    for rule in rules:
        if rule.id not in expected:
            yield _diag("L608", f"no test expects rule `{rule.id}`",
                        head(rule.span, f"rule {rule.id}"), "untested",
                        help=f"add a `test` block with `expect {rule.id} pass` and one that "
                        f"fails; `plancheck test --scaffold -k {rule.id}` writes both")


# ------------------------------------------------------------------ names


def _duplicates(files: list[m.RuleFile]) -> Iterator[Diagnostic]:
    seen: dict[tuple[str, str], Span] = {}
    for f in files:
        for s in f.statements:
            named = _name(s)
            if named is None:
                continue
            what, name = named
            first = seen.get((what, name))
            if first is None:
                seen[what, name] = s.span
                continue
            shown = f'{what} "{name}"' if what == "test" else f"{what} {name}"
            yield _diag("L609", f"{what} `{name}` is declared twice",
                        head(s.span, shown), "second declaration",
                        help=f"the first is at {first}; give each {what} its own name")


def _name(s: m.Statement) -> tuple[str, str] | None:
    match s:
        case m.Rule(id=ident):
            return "rule", ident
        case m.Test(name=name):
            return "test", name
        case m.Indicator(id=ident):
            return "indicator", ident
        case m.Record(name=name):
            return "record", name
        case m.SetDecl(name=name):
            return "set", name
        case m.ScaleDecl(name=name):
            return "scale", name
        case m.SourceDecl(name=name):
            return "source", name
    return None


def _unused(checked: t.CheckedSuite, files: list[m.RuleFile]) -> Iterator[Diagnostic]:
    ours = {f.path for f in files}
    used_indicators = {i for r in checked.rules for i in r.indicators}
    for spec in checked.indicators.values():
        if spec.id not in used_indicators and spec.span.file in ours and not spec.baseline_only:
            yield _diag("L605", f"no rule uses indicator `{spec.id}`",
                        head(spec.span, f"indicator {spec.id}"), "unused",
                        help="write the rule the plan states for it, or drop it")
    for schema in checked.schemas.values():
        used = {f for r in checked.rules if r.record == schema.name for f in r.fields}
        for fspec in schema.fields.values():
            if fspec.name in IDENTITY_FIELDS or fspec.name in used or \
                    fspec.span.file not in ours:
                continue
            yield _diag("L606", f"no rule reads field `{fspec.name}` of record `{schema.name}`",
                        head(fspec.span, fspec.name), "unused",
                        help="a proposal must fill it, yet nothing checks it; add the rule "
                        "or drop the field")


def _defaulted(checked: t.CheckedSuite, files: list[m.RuleFile]) -> Iterator[Diagnostic]:
    """A binding rule reading a field with a default: a proposal that leaves the field out
    is read as the default, so missing data can pass the rule (issue 15: a default 0 km²
    of new land let a batch pass the 319 km² cap)."""
    ours = {f.path for f in files}
    for rule in checked.rules:
        schema = checked.schemas.get(rule.record or "")
        if rule.kind != "binding" or schema is None or rule.span.file not in ours:
            continue
        for name in dict.fromkeys(rule.fields):
            spec = schema.fields.get(name)
            if spec is None or spec.default is None or spec.required:
                continue
            yield _diag("L612", f"binding rule `{rule.id}` reads field `{name}`, which has "
                        "a default", head(rule.span, f"rule {rule.id}"), "reads a default",
                        help="a proposal that leaves the field out is read as the default, "
                        "so missing data can pass a binding rule; drop the `default` (a "
                        "missing value is then unknown), or make the field `required`")


# ------------------------------------------------------------------ quotes


def _quotes(suite: m.Suite, files: list[m.RuleFile], rules: list[m.Rule]
            ) -> Iterator[Diagnostic]:
    if not files:
        return
    texts, problems = read_texts(suite)
    yield from problems
    cites = [(f"rule `{rule.id}`", rule.span, cite) for rule in rules
             for cite in rule.clauses_of(m.Cite)]
    cites += [(f"parameter `{s.id}`", s.span, item.cite) for f in files for s in f.statements
              if isinstance(s, m.Indicator) for item in s.items if item.cite is not None]
    for whose, span, cite in cites:
        if cite.source is not None and cite.source not in texts:
            yield _unknown_source(whose, cite, [n for n in texts if n is not None])
            continue
        text = texts[cite.source]
        if text is not None:
            yield from _quote(whose, span, cite, text)


def _unknown_source(whose: str, cite: m.Cite, names: list[str]) -> Diagnostic:
    return _diag("L615", f"the cite of {whose} quotes source `{cite.source}`, which the suite "
                 "does not declare", cite.span, "unknown source",
                 help=did_you_mean(cite.source or "", names) or
                 f'declare it: `source {cite.source} "its title" file "its-text.txt"` (the '
                 "file relative to the declaring file); a cite without a source quotes the plan")


def _quote(whose: str, span: Span, cite: m.Cite, text: PlanText) -> Iterator[Diagnostic]:
    places = [(p.first, p.last) for p in text.places(cite.quote)]
    called = "the plan" if cite.source is None else f"source `{cite.source}`"
    if not places:
        close = text.closest(cite.quote)
        yield _diag("L602", f"the quote of {whose} is not in the "
                    f"{'plan text' if cite.source is None else f'text of {called}'}",
                    cite.span if cite.span != NO_SPAN else span, "not found",
                    help=f"did you mean `{close}`?" if close else
                    f"copy the sentence from `{Path(text.path).name}` exactly "
                    "(whitespace and full-width forms do not matter)")
        return
    if cite.line is None or any(first <= cite.line <= last for first, last in places):
        problem = section_problem(whose, cite, text, called)
        if problem is not None:
            yield problem
        return
    lines = sorted({first for first, _ in places})
    shown = ", ".join(str(n) for n in lines[:5])
    yield _diag("L603", f"line {cite.line} of {called} does not contain the quote of {whose}",
                cite.span, "wrong line",
                help=f"did you mean line {shown}?" if len(lines) == 1 else
                f"the quote is on lines {shown}")
