"""The HTML report: every user string escaped, self-contained, charts of each indicator."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from checker.result import Result
from reports import render

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "reports" / "result.json"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
           "'><svg onload=alert(2)>", "</textarea><iframe src=javascript:alert(3)>",
           "&lt;b&gt;already&amp;escaped"]
# Elements and attributes the report itself writes (SVG charts included).
TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "section", "p",
        "h1", "h2", "h3", "ul", "li", "code", "div", "span", "table", "thead", "tbody", "tr",
        "th", "td", "a", "b", "figure", "figcaption", "blockquote", "footer", "article",
        "details", "summary", "br", "nav", "i",
        "svg", "g", "path", "defs", "clippath", "use", "text", "rect", "metadata",
        "rdf:rdf", "ns2:work", "dc:type", "dc:format", "dc:title", "cc:work"}


def fixed() -> Result:
    return Result.from_json(GOLDEN.read_text(encoding="utf-8"))


def hostile(result: Result, evil: str) -> Result:
    """The fixed result with `evil` in every string a user controls."""
    data: Any = result.model_dump(mode="json")
    data["suite"]["title"] = evil
    data["suite"]["files"] = [f"rules/{evil}.rules"]
    data["inputs"][0]["path"] = f"{evil}.yaml"
    for rule in data["rules"]:
        rule["title"] = evil
        rule["constraints"] = [evil]
        rule["location"]["text"] = evil
        for cite in rule["citations"]:
            cite["quote"] = evil
            cite["section"] = evil
    for outcome in data["outcomes"]:
        outcome["subject"] = f"{evil} {outcome['subject']}"
        outcome["message"] = f"{evil} `{evil}`"
        if outcome["origin"]:
            outcome["origin"]["text"] = evil
        if outcome["evidence"]:
            outcome["evidence"]["values"] = {evil: evil}
            for clause in outcome["evidence"]["clauses"]:
                clause["text"] = evil
            if outcome["evidence"]["observed"]:
                outcome["evidence"]["observed"]["text"] = evil
    for series in data["series"]:
        series["region"] = evil
        series["name"] = evil
        series["indicator"] = evil
        series["unit"] = evil
    for outcome in data["outcomes"]:
        if outcome["subject_kind"] == "series":
            outcome["subject"] = evil
    return Result.model_validate(data)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs


def parsed(page: str) -> Elements:
    found = Elements()
    found.feed(page)
    return found


@pytest.mark.parametrize("evil", HOSTILE)
def test_user_strings_never_appear_unescaped(evil: str) -> None:
    page = render(hostile(fixed(), evil), "html")
    assert evil not in page
    elements = parsed(page)
    assert set(elements.tags) <= TAGS, set(elements.tags) - TAGS
    assert not [name for name, _ in elements.attributes if name.startswith("on")]
    links = [v for name, v in elements.attributes if name in ("href", "src", "xlink:href")]
    assert all(v and v.startswith("#") for v in links), links


def test_hostile_names_show_as_text() -> None:
    page = render(fixed(), "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert "proposals/批次 &lt;1&gt;.yaml:13" in page
    assert "<script" not in page.lower()


def test_self_contained_without_scripts_or_remote_loads() -> None:
    page = render(fixed(), "html")
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "@import" not in page and "url(http" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert all(href.startswith("#") for name, href in parsed(page).attributes
               if name in ("href", "xlink:href") and href)


def test_a_chart_per_indicator_and_region() -> None:
    result = fixed()
    page = render(result, "html")
    charts = re.findall(r'<figure class="chart o-\w+" id="series-\d+">', page)
    assert len(charts) == len({(s.indicator, s.region) for s in result.series})
    assert page.count("<svg ") == len(charts)
    assert "城乡建设用地规模" in page and "urban_rural_construction_land" in page


def test_chart_ids_are_unique_across_the_page() -> None:
    ids = re.findall(r'\bid="([^"]+)"', render(fixed(), "html"))
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'(?:url\(#|xlink:href="#|href="#)([^)"]+)', render(fixed(), "html")):
        assert ref in ids, ref


def test_charts_are_deterministic_and_carry_no_date() -> None:
    page = render(fixed(), "html")
    assert page == render(fixed(), "html")
    assert "<dc:date>" not in page


def test_every_rule_shows_the_plan_sentence() -> None:
    page = render(fixed(), "html")
    for rule in fixed().rules:
        for cite in rule.citations:
            assert f"<blockquote><p>{escape(cite.quote)}</p>" in page


def test_per_proposal_findings() -> None:
    page = render(fixed(), "html")
    proposals = page.split("<h2>Proposals</h2>", 1)[1].split("</section>", 1)[0]
    assert proposals.count('<div class="proposal o-') == 4
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in proposals


def test_no_series_no_chart_section() -> None:
    empty = fixed().model_copy(update={"series": []})
    assert "<h2>Indicators</h2>" not in render(empty, "html")


def test_table_of_contents_links_every_section() -> None:
    page = render(fixed(), "html")
    nav = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    sections = [*re.findall(r'<section id="([^"]+)"', page), "summary"]
    for section in sections:
        assert f'href="#{section}"' in nav, section


def test_filter_by_outcome_is_anchors_and_target_only() -> None:
    page = render(fixed(), "html")
    assert "<script" not in page and "script-src" not in page
    for kind in ("fail", "error", "unknown", "pending", "pass"):
        assert f'<i class="filter" id="only-{kind}"></i>' in page
        assert f'href="#only-{kind}"' in page
        rule = re.search(rf"#only-{kind}:target ~ \* :is\(([^)]*)\) {{ display: none; }}", page)
        assert rule is not None, kind
        hidden = set(rule.group(1).split(", "))
        assert f".o-{kind}" not in hidden and len(hidden) == 5
    # the filters come before everything they narrow, so `~` reaches it
    first = page.index('<i class="filter"')
    assert first < page.index('<section id="evaluation">') < page.index('<section id="details">')
    rows = re.findall(r"<tr( class=\"o-\w+\")?><td", page)
    assert rows and all(rows), "every table row is marked with its outcome"


def test_print_css_hides_navigation_and_keeps_charts_whole() -> None:
    page = render(fixed(), "html")
    printed = page.split("@media print", 1)[1].split("</style>", 1)[0]
    assert "nav.toc" in printed and "display: none" in printed
    assert "break-inside: avoid" in printed


def test_rules_table_has_target_and_deadline() -> None:
    page = render(fixed(), "html")
    table = page.split('<section id="rules">', 1)[1].split("</section>", 1)[0]
    assert "<th>target</th><th>deadline</th>" in table
    land = next(row for row in table.split("<tr") if ">LAND-01<" in row)
    assert '<td class="target">&lt;= 319 km² each year 2021–2025</td><td>2021–2025</td>' in land
    bus = next(row for row in table.split("<tr") if ">BUS-01<" in row)
    assert '<td class="target">&gt;= 90%</td><td>2025</td>' in bus


def test_chinese_page_headings_and_messages() -> None:
    page = render(fixed(), "html", lang="zh")
    assert '<html lang="zh-CN">' in page
    for heading in ("主要指标进展情况", "各规则详情", "指标图表", "目录"):
        assert heading in page
    assert "2022年：320 km² &gt; 319 km²，超出 1 km²（相对 0.313 %）" in page


def test_a_batch_quota_shows_cap_baseline_and_the_batch_share() -> None:
    from reports import quotas

    (land,) = quotas.quotas(fixed())
    assert (land.rule, land.cap, land.total, land.baseline) == ("LAND-02", 319.0, 320.3, 318.5)
    assert land.share == pytest.approx(1.8)
    assert land.widths() == (100.0, pytest.approx(27.78))  # over: the share passes the cap
    page = render(fixed(), "html")
    section = page.split('<section id="quotas">', 1)[1].split("</section>", 1)[0]
    assert "total 320.3 km² · cap 319 km² · baseline 318.5 km²" in section
    assert 'href="#quotas"' in page


def test_no_baseline_is_guessed_when_the_rule_read_none() -> None:
    from reports import quotas

    data = fixed().model_dump(mode="json")
    for outcome in data["outcomes"]:
        if outcome["subject_kind"] == "batch":
            outcome["evidence"]["values"] = {}
    (land,) = quotas.quotas(Result.model_validate(data))
    assert land.baseline is None and land.share is None
    assert land.widths() == (100.0, pytest.approx(99.59, abs=0.01))
