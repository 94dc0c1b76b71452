"""Round 14 (blind sets 53–56): the structures their misses showed, in words of this file.

Each case stands for one cause of docs/extract.md's "Round 14" table (its id names the
structure); none is a sentence of the gold sets.  Read exactly: every statement, in order.
"""

from __future__ import annotations

import pytest

from checker.source import SourceFile
from checker.tools.extract.sentences import read_document
from tests.extract_helpers import statements

NEWS = "新华网杭州5月9日电 (记者王某)\n"

ROUND_14 = [
    # a heading whose indicators fared well heads results
    (NEWS + "近日,某省完成了生态指标监测工作,结果显示,多数指标提前达到国家2025年目标要求。\n"
     "重点生态指标明显改善\n"
     "全省森林覆盖率为61.5%,比五年前提高1.2%。湿地保护率为55%。\n",
     [("actual", "==", "61.5", "%"), ("actual", "increase", "1.2", "%"),
      ("actual", "==", "55", "%")]),
    # the value of a target a result is measured against
    (NEWS + "二、主要健康指标完成情况\n"
     "2023年该市人均预期寿命为80.2岁,达到并超过健康城市2025年79岁的目标。"
     "新生儿死亡率为1.5‰,提前实现2025年≤3‰的目标。城镇调查失业率为4.8%,低于5%的"
     "年度控制目标。\n",
     [("actual", "==", "80.2", "岁"), ("target", "==", "79", "岁"), ("actual", "==", "1.5", "‰"),
      ("target", "<=", "3", "‰"), ("actual", "==", "4.8", "%"), ("target", "<=", "5", "%")]),
    # a headline that plans keeps its kind over the result below
    (NEWS + "今年将建口袋公园40处\n"
     "2023年全市建成口袋公园40处,新增绿地面积120公顷。\n",
     [("target", ">=", "40", "count"), ("actual", "==", "40", "count"),
      ("actual", "==", "120", "ha")]),
    # the end of a plan's span is a deadline and a bare goal word opens targets
    ("3月2日,据某财经社,近日,三部门联合印发《“十五五”通用航空发展规划》。目标,到“十五五”末,"
     "通用机场500个,低空航线覆盖率达到70%,年保障起降作业300万架次。\n",
     [("target", "==", "500", "count"), ("target", ">=", "70", "%"),
      ("target", ">=", "300", "万架次")]),
    # take-offs and landings are no fall
    (NEWS + "2023年,全省机场完成航班起降42万架次。\n",
     [("actual", "==", "42", "万架次")]),
    # a digest's points on one line are sentences of their own
    ("产业发展 - “十四五”期间工业增加值年均增长5.8% [1] - 南区两大园区建成后将入驻超30家"
     "企业 [2] - 新材料产业集聚企业320家,产业收入年均增长8.1% [3] - 2024年上半年产值实现"
     "6.4%的较快增长 [3]\n",
     [("actual", "increase", "5.8", "%"), ("target", ">", "30", "count"),
      ("actual", "==", "320", "count"), ("actual", "increase", "8.1", "%"),
      ("actual", "increase", "6.4", "%")]),
    # an estimate beside a span looked back on is a result
    ("经济总量稳步扩大,2024年预计达到80万亿元左右,五年间规模增长超20万亿元。\n",
     [("actual", "~=", "80", "万亿元"), ("actual", ">", "20", "万亿元")]),
    # a target named in results leaves the others results
    ("本区持续推动养老服务向农村延伸,每千名老人养老床位数达到42张,较2021年增长9.5%;"
     "基本实现每个社区至少有1个托育点的目标,58家医院开设疼痛门诊。\n",
     [("actual", "==", "42", "count"), ("actual", "increase", "9.5", "%"),
      ("target", ">=", "1", "count"), ("actual", "==", "58", "count")]),
    # the plan a result is a share of is a target
    ("一、2023年计划执行情况\n"
     "初步预计,全县粮食产量48万吨,完成年计划50万吨的96%,增长1.5%。\n",
     [("actual", "==", "48", "万吨"), ("target", "==", "50", "万吨"), ("actual", "==", "96", "%"),
      ("actual", "increase", "1.5", "%")]),
    # a span up to now reports and a part of the year is known
    ("2025-10-12 09:30:00\n"
     "本报讯 记者从会上获悉,2018年新区启动建设至今,累计完成投资超过3200亿元,连续4年保持"
     "500亿元以上。区长介绍,“十四五”期间新区预计生产总值年均增长超7%,今年上半年增长8.2%。\n",
     [("actual", ">", "3200", "亿元"), ("actual", ">=", "500", "亿元"), ("actual", ">", "7", "%"),
      ("actual", "increase", "8.2", "%")]),
    # a planned quantity is a target
    ("本报讯 记者从会上获悉,新区已建成厂房52万平方米,片区内规划研发空间86万平方米。\n",
     [("actual", "==", "52", "万m²"), ("target", "==", "86", "万m²")]),
    # a list announced as targets to reach sets targets
    ("某县2025年工作报告\n"
     "去年,全县生产总值增长5.1%。\n"
     "2025年,我们将努力实现以下目标:\n"
     "经济稳中求进,确保生产总值增长6%,一般公共预算收入增长4%,农村居民人均可支配收入增长7%。\n",
     [("actual", "increase", "5.1", "%"), ("target", "increase", "6", "%"),
      ("target", "increase", "4", "%"), ("target", "increase", "7", "%")]),
    # a bare trillion keeps its spelling
    ("本报讯 记者获悉,预计到2027年底,该市将实现地区生产总值突破万亿元大关。\n",
     [("target", ">", "1", "万亿元")]),
    # a range joined by dao and a versions number
    ("某市规划纲要\n规划提出,到2030年,千亿级产业集群数量6到8个,打造数字经济3.0升级版。\n",
     [("target", ">=", "6", "count"), ("target", "<=", "8", "count")]),
    # the end of the year is a deadline and more of a count is work to do
    ("5月8日,某省发布《关于加快数字基础设施建设的实施意见》。到今年底,全省充电桩增加2.4万个,"
     "三年内铺装智慧道路120千米。\n",
     [("target", ">=", "2.4", "万"), ("target", ">=", "120", "km")]),
    # a press conference on a completed plan reports its results
    ("“十四五”期间全国约2.1亿人次乘坐高铁出境\n"
     "某某新闻 | 2025-08-12 10:00\n"
     "国务院新闻办公室今天举行“高质量完成‘十四五’规划”系列主题新闻发布会。\n"
     "局长介绍,“十四五”期间,约有2.1亿人次乘坐高铁出境,去年铁路客运量超过了40亿人次,"
     "预计今年将超过42亿人次。\n",
     [("actual", "~=", "2.1", "亿人次"), ("actual", "~=", "2.1", "亿人次"),
      ("actual", ">", "40", "亿人次"), ("target", ">", "42", "亿人次")]),
    # a target exceeded the day of the news and words that hold numerals
    ("某某社杭州3月12日电 (记者 李某)厅长12日在杭州介绍,截至2月底,城镇新增就业累计达到"
     "612万人,超额完成550万人的目标任务。全省健全覆盖城乡的服务体系,建成近800家零工市场。\n",
     [("actual", "==", "612", "万人"), ("target", "==", "550", "万人"),
      ("actual", "~=", "800", "count")]),
    # figures listed before what they are called and a targets aspect
    ("某市政府工作报告\n"
     "报告提出,在主要目标方面,2024年全市生产总值增长6%左右,城镇新增就业3万人以上。"
     "在生态方面,全市提出森林覆盖率达到45%以上等计划。\n",
     [("target", "~=", "6", "%"), ("target", ">=", "3", "万人"), ("target", ">=", "45", "%")]),
    # a restatement of targets keeps them though one figure planned itself
    ("2017年01月05日 来源:某某网\n"
     "“十三五”时期,该县地区生产总值年均增长8%以上。\n"
     "据介绍,“十三五”期间县里将大力发展旅游业。\n"
     "在经济方面,县里提出,地区生产总值年均增长8%以上等任务。在环境方面,县里提出"
     "垃圾无害化处理率达到98%以上等计划。\n",
     [("target", ">=", "8", "%"), ("target", ">=", "8", "%"), ("target", ">=", "98", "%")]),
    # a long range vision dates no review and a rate before its change
    ("记者15日从某部获悉,《某省第十四个五年规划和2035年远景目标纲要》对用水提出要求。\n"
     "“十三五”期间,全省在用水总量基本不增加的情况下支撑了经济约7%的增长。\n"
     "确保到2025年,全省再生水利用量超过20亿立方米,预计比2020年增加40%。\n",
     [("actual", "~=", "7", "%"), ("target", ">", "20", "亿立方米"),
      ("target", "increase", "40", "%")]),
    # a page's postal address states nothing
    ("2024年全区新建口袋公园12处。\n地址:某市某区西铁营横三条8号 邮编:100071\n",
     [("actual", "==", "12", "count")]),
    # policies issued are counted
    ("一、2023年计划执行情况\n全年出台并落实3大类18项惠企政策。\n",
     [("actual", "==", "18", "count")]),
]


@pytest.mark.parametrize(("text", "expected"), ROUND_14)
def test_round_14_reads(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert statements(text) == expected


def test_a_spaced_span_of_years_ends_no_point() -> None:
    text = "全市 - 2021 - 2025年,全市地区生产总值年均增长6%。\n"
    document = read_document(SourceFile("t.txt", text))
    assert [text[s.start:s.end] for s in document.sentences] == [
        "全市 -", "2021 - 2025年,全市地区生产总值年均增长6%。"]
