"""The HTML report's stylesheet, inlined into every page (no network needed to view it)."""

from __future__ import annotations

# Outcomes the page can be narrowed to: a link to `#only-KIND` hides every element marked
# with another outcome (`o-…` classes), by `:target` alone, so the strict CSP stays.
FILTERS = ("fail", "error", "unknown", "pending", "pass")
_MARKED = ("pass", "fail", "unknown", "pending", "na", "error")


def filter_css() -> str:
    """One rule per filter: hide what is marked with any other outcome."""
    rules = []
    for kind in FILTERS:
        others = ", ".join(f".o-{k}" for k in _MARKED if k != kind)
        rules.append(f"#only-{kind}:target ~ * :is({others}) {{ display: none; }}\n"
                     f"#only-{kind}:target ~ nav a.f-{kind} {{ font-weight: 700; "
                     "text-decoration: underline; }\n")
    return "".join(rules)


CSS = """
:root { --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #ffffff; --soft: #f9fafb;
  --pass: #15803d; --fail: #c62828; --unknown: #b45309; --na: #6b7280; --pending: #0e7490;
  --error: #7e22ce; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
header { background: var(--bg); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 22px; }
h1 { font-size: 22px; margin: 4px 0 6px; line-height: 1.3; }
h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 6px; }
code { font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC",
  monospace; background: #f3f4f6; border-radius: 4px; padding: 0 4px; overflow-wrap: anywhere; }
code.muted { color: var(--muted); background: none; padding: 0; }
a { color: #1d4ed8; text-decoration: none; }
a:hover { text-decoration: underline; }
.tool { margin: 0; color: var(--muted); font-size: 13px; }
.meta, .note, .totals { color: var(--muted); margin: 4px 0; }
.verdict { display: inline-block; margin: 8px 0 4px; padding: 4px 12px; border-radius: 999px;
  font-weight: 600; }
.verdict.bad { background: #fdecea; color: var(--fail); }
.verdict.good { background: #e8f5e9; color: var(--pass); }
.inputs { margin: 8px 0 0; padding-left: 18px; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin: 18px 0 6px; }
.card { background: var(--bg); border: 1px solid var(--line); border-top: 4px solid var(--na);
  border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; }
.card .n { font-size: 24px; font-weight: 700; }
.card span:last-child { color: var(--muted); font-size: 12.5px; }
.card.pass { border-top-color: var(--pass); } .card.fail { border-top-color: var(--fail); }
.card.unknown { border-top-color: var(--unknown); }
.card.pending { border-top-color: var(--pending); }
.card.error { border-top-color: var(--error); }
table { width: 100%; border-collapse: collapse; background: var(--bg);
  border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; }
th { background: #f3f4f6; font-size: 12.5px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #d1d5db; }
td.id, td.kind { white-space: nowrap; }
table.rules td { padding: 4px 10px; }
table.evaluation td.c-name { min-width: 6.5em; }
table.rules td.title { min-width: 9em; }
table.rules td.target { overflow-wrap: anywhere; min-width: 11em; }
table.evaluation td.c-region { min-width: 5em; }
table.evaluation td.c-source { min-width: 12em; font-size: 12.5px; color: var(--muted); }
table.evaluation td.c-source, table.evaluation td.c-target, table.evaluation .reason {
  overflow-wrap: anywhere; }
table.evaluation td.c-rules a { white-space: nowrap; }
table.evaluation .reason { display: block; margin-top: 2px; font-size: 12px;
  color: var(--muted); min-width: 9em; }
details.notes { margin: 8px 0 0; color: var(--muted); }
details.notes summary { cursor: pointer; }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px;
  font-weight: 600; color: #fff; background: var(--na); white-space: nowrap; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); }
.badge.unknown { background: var(--unknown); } .badge.pending { background: var(--pending); }
.badge.error { background: var(--error); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr));
  gap: 14px; }
figure.chart { margin: 0; background: var(--bg); border: 1px solid var(--line);
  border-radius: 8px; padding: 12px 14px; }
figcaption { margin-bottom: 4px; }
.svg svg { width: 100%; height: auto; display: block; }
ul.outcomes { list-style: none; padding: 0; margin: 6px 0 0; }
ul.outcomes li { margin: 3px 0; }
.proposal { background: var(--bg); border: 1px solid var(--line);
  border-left: 4px solid var(--fail);  border-radius: 8px; padding: 10px 14px; margin: 0 0 10px; }
.where { color: var(--muted); font-weight: 400; font-size: 12.5px; margin-left: 8px; }
article.rule { background: var(--bg); border: 1px solid var(--line); border-radius: 8px;
  padding: 14px 16px; margin: 0 0 14px; }
blockquote { margin: 8px 0; padding: 6px 14px; border-left: 4px solid #93c5fd;
  background: #eff6ff; border-radius: 0 6px 6px 0; }
blockquote p { margin: 0; font-size: 15px; }
blockquote footer { color: var(--muted); font-size: 12.5px; }
ul.constraints { margin: 6px 0 10px; padding-left: 18px; }
table.findings td:first-child { min-width: 150px; overflow-wrap: anywhere; }
table.findings td:first-child .where { display: block; margin: 2px 0 0; }
.about { font-weight: 400; margin-left: 8px; }
table.findings td:first-child .about { display: block; margin: 2px 0 0; }
details.quiet > summary { font-size: 14px; margin: 4px 0 12px; }
details.quiet[open] > summary { margin-bottom: 12px; }
details summary { cursor: pointer; color: var(--muted); font-size: 12.5px; }
details ul { margin: 4px 0; padding-left: 18px; font-size: 12.5px; }
footer.page { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media (max-width: 760px) { .cards { grid-template-columns: repeat(3, 1fr); } }
i.filter { display: block; height: 0; scroll-margin-top: 0; }
nav.toc { position: sticky; top: 0; z-index: 2; background: var(--bg);
  border: 1px solid var(--line); border-radius: 8px; margin: 0 0 14px; padding: 6px 12px;
  display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: baseline; font-size: 13px; }
nav.toc .show { margin-left: auto; color: var(--muted); }
nav.toc .show a { margin-left: 6px; }
section[id], article[id], figure[id] { scroll-margin-top: 56px; }
li.failing { color: var(--fail); }
.quota { background: var(--bg); border: 1px solid var(--line); border-radius: 8px;
  padding: 8px 14px 12px; margin: 0 0 10px; }
.quota p { margin: 0 0 6px; }
.bar { position: relative; height: 16px; background: #f3f4f6; border-radius: 4px;
  display: flex; }
.bar .share { background: var(--pending); }
.o-fail .bar .share { background: var(--fail); }
.bar .cap { position: absolute; top: -3px; bottom: -3px; width: 2px; margin-left: -1px;
  background: var(--fg); }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  nav.toc, i.filter { display: none; }
  header, table, figure.chart, article.rule, .proposal { border-color: #999; }
  figure.chart, article.rule, .proposal, tr { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  a { color: inherit; }
  .badge { color: #000; border: 1px solid #000; background: none !important; }
  details > summary { display: none; }
  details > *:not(summary) { display: block; }
}
"""
