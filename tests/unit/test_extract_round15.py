"""Round 15 (blind sets 57–60): the structures their misses showed, in words of this file.

Each test stands for one cause of docs/extract.md's "Round 15" table; none is a sentence of
the gold sets.
"""

from __future__ import annotations

from tests.extract_helpers import statements


# A paper's reprint keeps the page's `原标题:` and names the plan it issues in quotes, with no
# book marks: the text is that plan's news, so its bullets of figures are the plan's targets.
def test_a_reprinted_title_that_issues_a_plan_in_quotes_announces_it() -> None:
    text = ("原标题:某省出台“十五五”水资源保护规划,到2030年——全省万元产值用水量再降一成\n"
            "来源:某省日报\n到2030年\n●全省重要江河湖泊水功能区水质达标率达到95%以上\n"
            "●城市再生水利用率不低于30%\n")
    got = statements(text)
    assert ("target", ">=", "95", "%") in got, got
    assert ("target", ">=", "30", "%") in got, got
    # the same bullets under a paper's own news title stay what the paper reports
    news = text.replace("原标题:某省出台“十五五”水资源保护规划,", "原标题:某省水资源保护见成效,")
    assert ("target", ">=", "30", "%") not in statements(news)


# Counts that open the subjects of a clause, joined by `和` and glossed in brackets, share its
# predicate; `全面` says how fully each does it (no `全部`): in a plan each count is a floor.
# A headline's dash ends the deadline before the subject.
def test_counts_joined_as_subjects_of_a_plan_are_floors() -> None:
    plan = "某市规划\n到2030年,力争12个镇(乡)和40个村(社区)生活污水全面纳管。\n"
    assert statements(plan) == [("target", ">=", "12", "count"), ("target", ">=", "40", "count")]
    headline = "某市出台“十五五”水务规划,到2030年——力争40个村生活污水全面纳管\n来源:某报\n"
    assert ("target", ">=", "40", "count") in statements(headline)
    # all of them (`全部`) is still the whole, exact
    assert statements("某市规划\n到2030年,40个村生活污水全部纳管。\n") == [
        ("target", "==", "40", "count")]


# A speech's paragraph that opens on the year just past (`刚刚过去的…年`) reviews it: what it
# `预计` (the year's figures not yet final) is that year's result, and the clauses after share it.
def test_an_estimate_in_a_paragraph_on_the_year_just_past_is_a_result() -> None:
    speech = ("3月2日上午,某县第九届人民代表大会第三次会议开幕。县长代表县政府向大会作报告。\n"
              "县长说,刚刚过去的2025年,我们稳住了经济大盘,办成了一批大事。预计完成全县"
              "生产总值 412 亿元,增长 4.8%;固定资产投资增长 6%以上。\n")
    got = statements(speech)
    assert got == [("actual", "==", "412", "亿元"), ("actual", "increase", "4.8", "%"),
                   ("actual", ">=", "6", "%")], got
    # an estimate with no look back stays a forecast
    ahead = speech.replace("刚刚过去的2025年,我们稳住了经济大盘,办成了一批大事。", "")
    assert ("actual", "==", "412", "亿元") not in statements(ahead)


# A news title on a plan's report card (`…规划晒出成绩单`) or on how many of its items are done
# (`…规划完成28项指标`) names the plan it reviews: the text reports, it is not the plan.
def test_a_title_on_a_plans_report_card_reviews_it() -> None:
    body = ("某市新闻网讯(记者 李某) 记者昨日获悉,“十四五”规划实施以来,全市经济稳步发展。\n"
            "2021—2024年全市地区生产总值年均增长6.2%,2025年上半年增长5.1%。\n")
    for title in ("某市“十四五”规划晒出成绩单\n", "某市“十四五”规划《纲要》完成28项指标\n"):
        got = statements(title + body)
        assert ("actual", "increase", "6.2", "%") in got, (title, got)
        assert ("target", "increase", "6.2", "%") not in got, (title, got)


# A page's label of its summary (`[摘要]`, `导读:`) is no word of the paragraph it opens: the
# span the paragraph opens on (`“十三五”期间`, looked back on) still dates its figures.
def test_a_summary_label_does_not_hide_the_span_a_paragraph_opens_on() -> None:
    for label in ("[摘要]", "【导读】", "核心提示:"):
        text = ("某省水运通航里程将达900公里\n2021-06-02 09:00 来源:某报网\n"
                f"{label}“十三五”期间,全省内河航道里程达到4120公里,其中高等级航道615公里。\n")
        got = statements(text)
        assert ("actual", "==", "4120", "km") in got, (label, got)
        assert ("actual", "==", "615", "km") in got, (label, got)


# A count that opens its clause's subject, then a short noun and `将` (what the things will
# do), is a figure of the plan; a longer noun before `将` may be a name the count describes.
def test_a_count_whose_things_will_act_is_a_figure() -> None:
    plan = "某区“十五五”规划\n到2030年,全区计划建设公园40个。其中,15个公园将在2027年开放。\n"
    assert ("target", ">=", "15", "count") in statements(plan)
    named = "某区“十五五”规划\n到2030年,首批6个研究院配套用房明年将交付。\n"
    assert ("target", ">=", "6", "count") not in statements(named)


# A paragraph that opens on `其中,` states the parts of what the paragraph before it stated:
# after a paragraph of results its figures are results, `达到` included.
def test_a_paragraph_opening_on_its_parts_takes_the_results_before_it() -> None:
    text = ("某区教育发展规划\n“十四五”期间,某区新建改扩建学校12所,5年间新增中小学学位2.4万个。\n"
            "其中,公办学位增加1.9万个,公办学位占比达到88%。\n")
    assert statements(text)[2:] == [("actual", "increase", "1.9", "万"),
                                    ("actual", "==", "88", "%")]


# Shares of things listed with `、` (`95%的…、88%的…、60%的…能够…`) share the verb after the
# last, however long the list: each share is a figure, none describes the name after it.
def test_shares_of_things_listed_share_the_last_ones_verb() -> None:
    text = ("某省卫生事业发展报告\n截至2025年底,95%的县级妇幼保健服务机构、88%的乡镇卫生院、"
            "60%的村卫生室能够开展家庭医生签约服务。\n")
    assert statements(text) == [("actual", "==", "95", "%"), ("actual", "==", "88", "%"),
                                ("actual", "==", "60", "%")]


# A paragraph that ends on how many targets it will reach (`…,实现三大具体目标:`) opens a list
# of targets, the paragraphs after it however long: `实现` there plans, it reports nothing.
def test_a_paragraph_ending_on_so_many_targets_opens_a_list_of_targets() -> None:
    text = ("某县新闻\n时间:2021-03-02 10:00:00 来源:某新闻网\n"
            "    记者从某县大会上获悉,到2025年,该县将实施三大战略,实现三大具体目标:\n"
            "    群众生活更加富裕。全县上下齐心协力,持续改善民生,巩固提升脱贫成果,推进乡村振兴,"
            "城乡居民人均可支配收入分别达到42000元、18500元。\n")
    assert statements(text) == [("target", ">=", "42000", "元"), ("target", ">=", "18500", "元")]


# A target share that a verb of covering follows (`…设施100%覆盖`) is a floor, as `全覆盖` is;
# the same words reported are what was covered.
def test_a_target_share_right_before_covering_is_a_floor() -> None:
    plan = "某市“十五五”文化发展规划\n到2030年,推动社区养老驿站100%覆盖,智慧图书馆90%接入。\n"
    assert statements(plan) == [("target", ">=", "100", "%"), ("target", ">=", "90", "%")]
    report = "某市2025年工作报告\n2025年,社区养老驿站已经100%覆盖。\n"
    assert statements(report) == [("actual", "==", "100", "%")]


# A paragraph that opens on the span `PAST_OPENINGS` name (`“十三五”期间,`) reviews it unless
# its first sentence plans in it (`拟`, `将`, `力争` …): written before the span, it is ahead.
def test_a_span_opening_whose_sentence_plans_is_ahead() -> None:
    lead = "5月6日,记者从某省水利厅获悉,该厅将认真编制“十三五”规划。\n"
    ahead = lead + ("“十三五”期间,全省水利建设拟完成投资900亿元。其中:拟新建水库12座;"
                    "加快建设,实现剩余8个乡镇通公交。\n")
    assert [kind for kind, *_ in statements(ahead)] == ["target", "target", "target"]
    behind = lead + "“十三五”期间,全省水利建设完成投资900亿元,新建水库12座。\n"
    assert [kind for kind, *_ in statements(behind)] == ["actual", "actual"]


# Greening is work, as afforestation is (`造林`): the area a plan greens right after it is a
# floor; reported, it is what was greened.
def test_greening_right_before_its_area_is_work_to_do() -> None:
    plan = ("某区2026年工作要点\n2026年,某区将实施拆违还绿,腾退空间临时绿化120公顷,"
            "见缝插绿增绿15公顷。\n")
    assert statements(plan) == [("target", ">=", "120", "ha"), ("target", ">=", "15", "ha")]
    report = "某区2025年工作报告\n2025年,某区利用腾退空间留白增绿86公顷。\n"
    assert statements(report) == [("actual", "==", "86", "ha")]
