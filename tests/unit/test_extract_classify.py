"""What a figure says in its sentence: kind, op, value and unit; or why it says nothing.

Each case is one short text; the texts of plans are headed so that the reader sees a
plan (`…规划纲要`), the texts of reports so that it sees a report.
"""

from __future__ import annotations

import pytest

from checker.tools.extract.writers import value_text
from tests.extract_helpers import DATA, items_of, statements

PLAN = "北京市某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
REPORT = "一、2022年国民经济和社会发展计划执行情况\n"

CASES = [
    (PLAN + "确保城乡建设用地规模控制在319平方公里以内。", [("target", "<=", "319", "km²")]),
    (PLAN + "实现公交站点500米覆盖率达到90%。", [("target", ">=", "90", "%")]),
    (PLAN + "新建13个垃圾转运站。", [("target", ">=", "13", "count")]),
    (PLAN + "新建64万平方米人员掩蔽工程。", [("target", ">=", "64", "万m²")]),
    (PLAN + "到2025年适龄儿童入园率达到99%以上。", [("target", ">=", "99", "%")]),
    (PLAN + "实现19分钟直达雄安新区。", [("target", "<=", "19", "min")]),
    (PLAN + "单位地区生产总值能耗降低13.5%。", [("target", "reduce", "13.5", "%")]),
    (PLAN + "地区生产总值年均增长6%左右。", [("target", "~=", "6", "%")]),
    (PLAN + "生物医药基地跨入千亿级园区行列。", [("target", ">=", "1000", "亿元")]),
    (PLAN + "实现用户体验过百兆、企业商用达万兆的目标。",
     [("target", ">", "100", "Mbit/s"), ("target", ">=", "10000", "Mbit/s")]),
    (PLAN + "推动镇街养老照料中心全覆盖。", [("target", ">=", "100", "%")]),
    (PLAN + "实现城市积水点清零。", [("target", "<=", "0", "")]),
    (PLAN + "实现原生垃圾零填埋。", [("target", "<=", "0", "")]),
    (PLAN + "地区生产总值增长6%-6.5%。",
     [("target", ">=", "6", "%"), ("target", "<=", "6.5", "%")]),
    (PLAN + "万元地区生产总值能耗、二氧化碳排放分别下降2.5%和2.6%左右。",
     [("target", "reduce", "2.5", "%"), ("target", "~=", "2.6", "%")]),
    (REPORT + "一般公共预算收入完成104.4亿元、增长5%。",
     [("actual", "==", "104.4", "亿元"), ("actual", "increase", "5", "%")]),
    (REPORT + "全区污水处理率达95%以上。", [("actual", ">=", "95", "%")]),
    (REPORT + "“国高新”企业保有量突破1300家。", [("actual", ">", "1300", "count")]),
    (REPORT + "森林覆盖率提升至34%。", [("actual", "==", "34", "%")]),
    (REPORT + "地区生产总值扣除疫苗影响同比增长3%。", [("actual", "increase", "3", "%")]),
    (REPORT + "医疗卫生机构、养老服务机构分别增至823家、178家。",
     [("actual", "==", "823", "count"), ("actual", "==", "178", "count")]),
    (REPORT + "PM2.5浓度由2015年的96微克/立方米降至37微克/立方米。",
     [("actual", "==", "96", "μg/m³"), ("actual", "==", "37", "μg/m³")]),
    (REPORT + "注册企业5000余家。", [("actual", ">", "5000", "count")]),
    ("政府工作报告提出,今年发展主要预期目标是:国内生产总值增长5%左右;城镇新增就业1100万人以上。",
     [("target", "~=", "5", "%"), ("target", ">=", "1100", "万人")]),
    ("2023年,大兴机场保障旅客3941万人次,今年旅客量预计超4500万人次。",
     [("actual", "==", "3941", "万人次"), ("target", ">", "4500", "万人次")]),
    (PLAN + "国內生産總值增長5%左右。", [("target", "~=", "5", "%")]),
    (PLAN + "高速公路密度达到5公里/百平方公里。", [("target", ">=", "5", "公里/百平方公里")]),
    (PLAN + "城乡居民收入差距控制在2.2∶1以内。", [("target", "<=", "2.2", "")]),
    (PLAN + "劳动年龄人口平均受教育年限达到11.5年。", [("target", ">=", "11.5", "年")]),
    (REPORT + "孕产妇死亡率从20.1/10万降至16.9/10万,人均预期寿命提高到77.93岁。",
     [("actual", "==", "20.1", "/10万"), ("actual", "==", "16.9", "/10万"),
      ("actual", "==", "77.93", "岁")]),
    ("■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n●大健康产业迈入万亿级规模\n",
     [("actual", "~=", "6", "%"), ("actual", ">=", "10000", "亿元")]),
    ("根据规划,2025年学前教育毛入园率将大于90%。2025年人均预期寿命达78.3岁。",
     [("target", ">", "90", "%"), ("target", ">=", "78.3", "岁")]),
    (REPORT + "酸雨区占国土面积比例由历史高峰值的30%左右降至7.6%。",
     [("actual", "~=", "30", "%"), ("actual", "==", "7.6", "%")]),
    # held-out 4: a share of the plan is a result; a paragraph's own cues lean its others
    (REPORT + "预计实现地区生产总值564亿元,占计划的100%,同比下降2%。",
     [("actual", "==", "564", "亿元"), ("actual", "==", "100", "%"),
      ("actual", "reduce", "2", "%")]),
    ("来源:新闻网 发布时间:2016-03-05\n要推进新型城镇化,实现1亿左右农业转移人口落户。"
     "到2020年,常住人口城镇化率达到60%、户籍人口城镇化率达到45%。高铁营业里程达到3万公里。",
     [("target", "~=", "1", "亿"), ("target", ">=", "60", "%"), ("target", ">=", "45", "%"),
      ("target", ">=", "3", "万公里")]),
    ("单位国内生产总值能耗降低13.5%。劳动年龄人口平均受教育年限提高到11.3年,"
     "人均预期寿命再提高1岁。",
     [("target", "reduce", "13.5", "%"), ("target", ">=", "11.3", "年"),
      ("target", "increase", "1", "岁")]),
    ("到2020年,全员勞動生產(chǎn)率從(cóng)人均8.7萬(wàn)元提高到12萬元以上。",
     [("actual", "==", "8.7", "万元"), ("target", ">=", "12", "万元")]),
    (REPORT + "其中,2016年、2018年上半年分别较2015年下降16.7%、21.2%,规划期末目标为下降20%。",
     [("actual", "reduce", "16.7", "%"), ("actual", "reduce", "21.2", "%"),
      ("target", "reduce", "20", "%")]),
    (REPORT + "开展集中宣讲100余场,4个集体、2名个人获国家级表彰,完成53项重点任务。",
     [("actual", ">", "100", "count"), ("actual", "==", "4", "count"),
      ("actual", "==", "2", "count"), ("actual", "==", "53", "count")]),
    # held-out 6: 预计全年 in a report estimates a result; 到 after a verb ends a change
    ("区政府工作报告\n预计全年地区生产总值增长5.5%。", [("actual", "increase", "5.5", "%")]),
    ("货物贸易规模从2020年的32.2万亿元增加到2024年的43.8万亿元。",
     [("actual", "==", "32.2", "万亿元"), ("actual", "==", "43.8", "万亿元")]),
    (PLAN + "严守18亿亩耕地红线,数字经济规模达到2020年的1.5倍。",
     [("target", ">=", "18", "亿亩"), ("target", ">=", "1.5", "倍")]),
    # set 5 (after its blind run)
    ("报告指出,今年发展主要预期目标是:国内生产总值增长5%左右;城镇新增就业1200万人以上。",
     [("target", "~=", "5", "%"), ("target", ">=", "1200", "万人")]),
    (PLAN + "实施60万亩封山育林、15万亩山区造林,建立100处生物多样性保护示范区。",
     [("target", ">=", "60", "万亩"), ("target", ">=", "15", "万亩"),
      ("target", ">=", "100", "count")]),
    ("李克强:今年经济成长目标6.5%至7% 中国GDP四年后逾90兆",
     [("target", ">=", "6.5", "%"), ("target", "<=", "7", "%"), ("target", ">", "90", "兆")]),
    (REPORT + "劳动年龄人口平均受教育年限从10.23年提高到10.8年。",
     [("actual", "==", "10.23", "年"), ("actual", "==", "10.8", "年")]),
    # set 7 (after its blind run)
    ("新华社北京12月8日电 记者获悉,京西林场要增绿,困难立地造林1.76万亩、封山育林23.1万亩。",
     [("target", ">=", "1.76", "万亩"), ("target", ">=", "23.1", "万亩")]),
    ("北京市自然资源和规划委员会近日透露,“十三五”时期,北京市新增造林绿化面积115万亩。"
     "2021年,北京市计划新增造林绿化面积16万亩。",
     [("actual", "==", "115", "万亩"), ("target", ">=", "16", "万亩")]),
    # sets 8-10 (after their blind runs)
    ("新华网\n2024年,我们将锚定打造新定位。预期目标是,地区生产总值同比增长7%,"
     "区本级财政收入同比增长7.2%。",
     [("target", "increase", "7", "%"), ("target", "increase", "7.2", "%")]),
    ("广州日报讯\n目标:地区生产总值增长7%以上", [("target", ">=", "7", "%")]),
    ("本报讯\n依据规划,2020年,本市PM2.5年均浓度比2015年下降30%,降至每立方米56微克左右。",
     [("target", "reduce", "30", "%"), ("target", "~=", "56", "μg/m³")]),
    (PLAN + "到 2025 年,新能源汽车新车销售量达到汽车新车销售总量的 20% 左右。",
     [("target", "~=", "20", "%")]),
    (PLAN + "我国湿地保护率提高到55%,这意味着要在目前的50%以上再提高约5个百分点。",
     [("target", ">=", "55", "%"), ("actual", ">=", "50", "%"),
      ("target", "~=", "5", "百分点")]),
    (PLAN + "城六区常住人口在2014年基础上每年降低2—3个百分点。",
     [("target", ">=", "2", "百分点"), ("target", "<=", "3", "百分点")]),
    ("记者 发布时间:2021-01-04\n2020年,北京全年空气质量优良天数为276天。",
     [("actual", "==", "276", "days")]),
    (PLAN + "北京市PM2.5年均浓度5年要降30%。", [("target", "reduce", "30", "%")]),
    (PLAN + "森林健康经营、林木抚育350万亩。", [("target", ">=", "350", "万亩")]),
    (PLAN + "实现每个平原新城至少有1处千亩以上城市森林。", [("target", ">=", "1", "count")]),
    # set 12 (after its blind run)
    ("经济日报·2025-07-10 05:58\n经济实力显著增强—— “十四五”期间,我国经济总量连续跨越130万亿元。",
     [("actual", "==", "130", "万亿元")]),
    # set 13 (after its blind run)
    (REPORT + "汾渭平原PM2.5平均浓度为70微克/立方米,超额完成PM2.5平均浓度同比下降3%、"
     "重污染天数同比减少3%的改善目标。",
     [("actual", "==", "70", "μg/m³"), ("target", "reduce", "3", "%"),
      ("target", "reduce", "3", "%")]),
    (REPORT + "浓度最高的城市依次是安阳、濮阳和石家庄,分别为94、84和81微克/立方米。",
     [("actual", "==", "94", "μg/m³"), ("actual", "==", "84", "μg/m³"),
      ("actual", "==", "81", "μg/m³")]),
    ("到 2025 年,70%以上的地级及以上城市全面消除重污染天气,以秋冬季(10 月—次年3 月)为重点时段。",
     [("target", ">=", "70", "%")]),
    (PLAN + "净增农田有效灌溉面积4000万亩。", [("target", ">=", "4000", "万亩")]),
    (PLAN + "主要预期目标是:经济增长6 . 5%左右。", [("target", "~=", "6.5", "%")]),
    (PLAN + "预计到2020年底,铁路营业总里程将达到14.6万公里,覆盖大约99%的20万人口及以上的城市。",
     [("target", ">=", "14.6", "万公里"), ("target", "~=", "99", "%")]),
    ("据悉,2024年,肇庆完成GDP2917.85亿元、同比增长2.2%。",
     [("actual", "==", "2917.85", "亿元"), ("actual", "increase", "2.2", "%")]),
    ("台海网讯 区长作区政府工作报告。\n2025年,同安区预计地区生产总值增长6.5%左右,"
     "顺利实现年度目标任务。", [("actual", "~=", "6.5", "%")]),
    (PLAN + "赤字率拟按3%安排。", [("target", "==", "3", "%")]),
    ("政府工作报告提到,设置2%的CPI涨幅目标是要改善供求关系。", [("target", "==", "2", "%")]),
    (PLAN + "2020年预期完成铁路投资8000亿元(人民币,下同)左右。",
     [("target", "~=", "8000", "亿元")]),
    ("今年,交通运输部将扎实推进各项工作,全年预计将新增铁路新线3300公里以上。",
     [("target", ">=", "3300", "km")]),
    (REPORT + "端午档总票房破3亿!\n展望2025,信心与动力同在。", [("actual", ">", "3", "亿")]),
    (PLAN + "到2025年,1600公里运营里程中,包括600公里市郊铁路和1000公里城市轨道交通。",
     [("target", "==", "600", "km"), ("target", "==", "1000", "km")]),
    (REPORT + "5个园区成功认定自治区级化工园区,42项为民办实事项目顺利办结。",
     [("actual", "==", "5", "count"), ("actual", "==", "42", "count")]),
    (REPORT + "发放育儿补贴惠及1.6万个家庭。", [("actual", "==", "1.6", "万")]),
    (REPORT + "争取增发国债项目69个,获得国债资金97.4亿元。",
     [("actual", "==", "69", "count"), ("actual", "==", "97.4", "亿元")]),
    (REPORT + "粮食产量1.37万亿斤,增产74亿斤。",
     [("actual", "==", "1.37", "万亿斤"), ("actual", "increase", "74", "亿斤")]),
    ("——5%左右的经济增速目标", [("target", "~=", "5", "%")]),
    (REPORT + "粮食产量首次跃上1.4万亿斤新台阶。", [("actual", "==", "1.4", "万亿斤")]),
    ("中新网讯 记者报道,城市快速路及主干路里程达到1396公里,从地上到地下,"
     "北京城“十三五”时期开通条条大道。", [("actual", "==", "1396", "km")]),
    ("2023《政府工作报告》(实录)\n2023-03-13\n国务院总理指出,2022年是极为重要的一年。\n"
     "全年国内生产总值增长3%,城镇新增就业1206万人。",
     [("actual", "increase", "3", "%"), ("actual", "==", "1206", "万人")]),
    ("中国网财经讯 《规划》提出主要目标。\n到2035年,人水关系和谐。"
     "全国用水总量控制在7000亿立方米以内。", [("target", "<=", "7000", "亿立方米")]),
    ("锁定天常蓝目标 2020实现多项突破\n市区空气质量优良天数332天,优良率为90.7%,"
     "均创新标准实施以来新纪录。\n●优良天数不低于317天",
     [("actual", "==", "332", "days"), ("actual", "==", "90.7", "%"),
      ("target", ">=", "317", "days")]),
    # sets 19-21 (livelihood-project lists, district reviews, environment reports), by class:
    # work after its object (加装…4000公里), for so many (为8000名…安装), on so many (整体提升
    # 100所学校…, 对84个…进行改造), a measure word before `环`/`路` (50座环卫公厕)
    (PLAN + "加装农村公路安全护栏4000公里。", [("target", ">=", "4000", "km")]),
    (PLAN + "为8000名独居老人安装火灾探测报警器。", [("target", ">=", "8000", "count")]),
    (PLAN + "整体提升100所学校周边环境。", [("target", ">=", "100", "count")]),
    (PLAN + "完成50座环卫公厕适老化改造,完成24个路口警示减速道钉安装。",
     [("target", ">=", "50", "count"), ("target", ">=", "24", "count")]),
    (PLAN + "打造1000课时的家庭教育课程资源库。", [("target", ">=", "1000", "课时")]),
    (REPORT + "绝对值排名跃升2位;观测记录到鸟类368种,比2020年新增52种。",
     [("actual", "increase", "2", "count"), ("actual", "==", "368", "count"),
      ("actual", "increase", "52", "count")]),
    (REPORT + "达到国家二级标准;6项主要污染物达到国家二级标准。", [("actual", "==", "6", "count")]),
    (REPORT + "一般制造业疏解提质等9项任务提前完成年度目标。", [("actual", "==", "9", "count")]),
    ("延庆2024年经济社会发展主要预期目标是:地区生产总值增长6%。主要做好以下两方面重点工作:\n"
     "持续打好蓝天保卫战,重点建设用地安全利用率达到100%﹔优化招商平台动态管理,"
     "持续擦亮长城、世园、冬奥三张“金名片”,加强文体旅商农消费跨界融合,促进消费,推动文旅融合发展,"
     "全年新引进企业不少于2500家。\n",
     [("target", "increase", "6", "%"), ("target", ">=", "100", "%"),
      ("target", ">=", "2500", "count")]),
    ("锚定目标,报告给出了10个方面重点任务。政府工作报告提出,疏解提质一般制造业企业80家。"
     "拆除违法建设500万平方米。\n促进教育科技人才一体发展,全力推进首都高质量发展,扩大职业本科院校"
     "招生规模,拓展职普融通学生成长成才通道。本市今年新增中学学位1万个。\n",
     [("target", ">=", "80", "count"), ("target", ">=", "500", "万m²"),
      ("target", ">=", "1", "万")]),
    ("(北京市)北京市某区人民政府工作报告(2022年)\n五年来,我们统筹开展疏解整治。实施三年行动计划,"
     "安排重点工程283项、总投资达到2200亿元。完成土地供应50宗。\n",
     [("actual", "==", "283", "count"), ("actual", "==", "2200", "亿元"),
      ("actual", "==", "50", "count")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][-24:] for c in CASES])
def test_what_a_figure_says(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("建成大兴机场线、地铁8号线等轨道交通。", "part of a name"),
    ("实施5G基础设施建设工程。", "part of a name"),
    ("深入贯彻党的十九大精神,增速全市第二。", ""),
    ("推进“双50”文明实践工程。", "quoted term"),
    ("设立全市首家24小时城市书房。", "describes the name that follows"),
    ("每千人口拥有3岁以下婴幼儿托位数4.5个。", "describes the name that follows"),
    ("共安排21项指标。", "own items"),
    ("已达期末目标的指标有4项。", "own items"),
    ("发布时间:2016-03-05 点击量:922", "readers"),
    ("== 2026/2/28 8:57:12 == 热度 192", "readers"),
    ("节水型社会建设取得显著成效,见表2。", "numbers a chart or a table"),
    ("续建新建百亿级项目20个。", "a grade"),
    ("全国人民代表大会常务委员会公报2021·3", "issue number"),
    ("一起来看看! 1、关键词:经济", "numbers a list"),
    ("GDP规模增长超35万亿元 [2]", "reference"),
    ("去年全力应对「23•7」极端强降雨。", "issue number"),
    ("深入推进「双50」工程。", "quoted term"),
    ("规模以上工业增加值同比增长10.1%,高于目标2.1个百分点。", "gap to the target"),
    ("三次产业结构为0.03:4.66:95.31。", "structure"),
    ("图1 2020-2024年地区生产总值", "chart"),
    ("京ICP备05084924号-5 京公网安备", "registration code"),
    ("基地66家规上企业完成工业产值1466.5亿元。", "subject of the figure after it"),
    ("电话:010-55590088", "code"),
    ("连续三年蝉联“最佳引才城市”奖。", "duration"),
    ("将城市污水处理率由100%调整为99%。", "replaces"),
    ("Page 377 - 台州市路桥区志", "numbers a page"),
    ("11", "numbers a page"),
    ("关键词:北京 降30%", "keywords"),
    ("人均生产总值超过7万元,折合9000美元。", "restates the figure"),
    ("《方案》从八个方面健全政策机制。", "parts of what the text sets out"),
    ("“十三五”规划纲要确定的9项约束性指标,有8项已提前完成。", "own items"),
    ("《规划》设置了22项具体发展指标。", "own items"),
    ("大气环境中细颗粒物年均浓度首次实现‘30+’。", "quoted term"),
    ("文号 平政发〔2025〕6号", "document's number"),
    ("经济增速如果突破6%继续下滑,将滑出合理增长区间。", "condition"),
    ("完成投资5.04亿元,比年度计划高20.3个百分点。", "gap to the target"),
    ("查看: 934|回复: 0", "readers"),
    ("    签到天数: 765 天", "readers"),
    ("    1万", "numbers a page"),
    ("70人支持", "readers"),
    ("投诉文章:435 226 40@qq.com", "e-mail"),
    ("      12-23   来自潍坊", "month and a day"),
    ("西宁市城中区民生实事项目出炉)1", "picture"),
    ("今年将实施7大类20项民生实事项目。", "parts of what the text sets out"),
    ("民生实事项目包括环境改善类4项、公共安全类3项。", "parts of what the text sets out"),
    ("优良天数增加114天,相当于好天儿多了将近4个月。", "restates the figure"),
    ("持续擦亮长城、世园、冬奥三张“金名片”。", "part of a name"),
    ("新建、改建农村电网10千伏线路98公里。", "part of a name"),
    ("是三年新冠疫情防控转段后经济恢复发展的一年。", "duration"),
])
def test_figures_that_are_no_statements(text: str, reason: str) -> None:
    others = [i for i in items_of(text) if i.kind == "other"]
    if not reason:
        assert not [i for i in items_of(text) if i.kind != "other"]
        return
    assert others and reason in others[0].reason


def test_chinese_words_with_numerals_are_no_statements() -> None:
    found = items_of("坚持一批重大项目,统筹“五位一体”总体布局,把握两个大局。")
    assert all(i.kind == "other" for i in found)
    assert "一批" not in [i.words for i in found]


def test_each_item_quotes_its_clause_and_names_its_place() -> None:
    text = PLAN + ("  加快补齐幼儿园缺口,到2025年适龄儿童入园率达到99%以上,"
                   "普惠性幼儿园覆盖率达到95%以上。")
    first, second = [i for i in items_of(text, "plan.txt") if i.kind == "target"]
    assert (first.file, first.line, first.quote, first.name, first.period) == (
        "plan.txt", 2, "到2025年适龄儿童入园率达到99%以上", "适龄儿童入园率", "2025")
    assert text.split("\n")[1][first.column - 1:].startswith("99%以上")
    assert (first.indicator, second.indicator) == ("preschool_enrolment_rate",
                                                   "inclusive_kindergarten_coverage")


def test_pinyin_glosses_split_no_unit_and_quotes_keep_them() -> None:
    text = PLAN + "城鎮(zhèn)新增就業(yè)1200萬(wàn)人以上。"
    (item,) = [i for i in items_of(text) if i.kind != "other"]
    assert (item.op, str(item.value), item.unit) == (">=", "1200", "万人")
    assert "(" not in item.name and item.name.endswith("新增就业")
    assert item.quote == "城鎮(zhèn)新增就業(yè)1200萬(wàn)人以上"
    assert text.split("\n")[1][item.column - 1:].startswith("1200萬(wàn)人")


def test_sections_give_the_cite_path() -> None:
    text = PLAN + ("第五章 城乡一体\n一、坚定不移实施疏整促专项行动\n"
                   "(三)完善城乡建设用地减量机制\n确保城乡建设用地规模控制在319平方公里以内。")
    (item,) = [i for i in items_of(text) if i.kind == "target"]
    assert item.section == "第五章 一 (三)"


def test_a_review_section_reports_and_a_plan_section_targets() -> None:
    text = PLAN + ("第一章 把握新形势\n一、站在全新的历史起点\n"
                   "“十三五”时期是实现跨越的五年。建成变电站13座。\n二、主要目标\n建成变电站5座。")
    kinds = [(i.kind, str(i.value)) for i in items_of(text) if i.unit == "count"]
    assert kinds == [("actual", "13"), ("target", "5")]


def test_milestones_trends_references_and_sync() -> None:
    text = PLAN + ("2023年成功创建国家卫生区,森林覆盖率进一步提高,"
                   "细颗粒物年均浓度达到市级要求,居民收入增长和经济增长基本同步。")
    ops = [(i.op, i.value) for i in items_of(text) if i.kind == "target"]
    assert ops == [("==", True), ("rises", None), ("ref", None), ("sync", None)]


def test_a_headline_stating_a_figure_heads_no_section() -> None:
    """`地区生产总值预期增长5%` over a paragraph of last year's results is one more
    statement, not a heading that makes the results below targets."""
    text = ("2024年东莞市政府工作报告出炉,全市经济社会发展主要预期目标揭晓\n"
            "地区生产总值预期增长5%\n"
            "记者报道:据介绍,2023年新增经营主体31万户;新升规工业企业1797家。")
    kinds = [(i.kind, str(i.value)) for i in items_of(text) if i.kind != "other"]
    assert kinds == [("target", "5"), ("actual", "31"), ("actual", "1797")]


def test_a_headline_takes_the_kind_of_the_paragraph_it_restates() -> None:
    text = ("本报讯 市政府审议通过规划。依据规划,2020年,全市空气质量优良天数比例超56%。\n"
            "空气质量优良天数比例超56%\n“十二五”期间,主要污染物年均浓度平均下降27.4%。")
    kinds = [(i.line, i.kind, value_text(i.value)) for i in items_of(text) if i.kind != "other"]
    assert kinds == [(1, "target", "56"), (2, "target", "56"), (3, "actual", "27.4")]


def test_an_explainer_restates_the_targets_it_explains() -> None:
    """A list the next paragraph calls targets (`提出上述预期目标`) is of targets, and so
    are the figures that repeat them later (`——城镇新增就业1200万人以上`) — but not a
    result of the year before it that its own words date (`2024年…超过3%`)."""
    text = ("中新社北京3月5日电 记者报道\n"
            "国内生产总值增长5%左右、城镇新增就业1200万人以上、单位GDP能耗降低3%左右……\n"
            "政府工作报告指出,提出上述预期目标,综合考虑了国内外形势。\n"
            "——城镇调查失业率5.5%左右,城镇新增就业1200万人以上\n"
            "——单位GDP能耗降低3%左右\n"
            "2024年中国单位GDP能耗降幅超过3%,超额完成上一年工作目标。")
    kinds = [(i.line, i.kind, value_text(i.value)) for i in items_of(text) if i.kind != "other"]
    assert kinds == [(2, "target", "5"), (2, "target", "1200"), (2, "target", "3"),
                     (4, "target", "5.5"), (4, "target", "1200"), (5, "target", "3"),
                     (6, "actual", "3")]


def test_a_text_about_a_coming_plan_sets_targets() -> None:
    """A news item that names no year but a plan's span things will happen in: its
    figures are targets; the same figures under a dated review are results."""
    coming = ("记者从水利部了解到,“十五五”时期,我国将加快建设现代化水网。\n"
              "与此同时,新增耕地灌溉面积4000万亩,农村自来水普及率达到98%。")
    past = ("记者从水利部了解到,2025年水利建设取得新进展。\n"
            "与此同时,新增耕地灌溉面积4000万亩,农村自来水普及率达到98%。")
    assert [(i.kind, i.op) for i in items_of(coming) if i.kind != "other"] == \
        [("target", ">="), ("target", ">=")]
    assert [i.kind for i in items_of(past) if i.kind != "other"] == ["actual", "actual"]


def test_how_long_something_ran_is_no_statement() -> None:
    text = REPORT + "地区生产总值增长5.4%,连续10个季度超过全国平均水平。"
    assert [(i.kind, value_text(i.value)) for i in items_of(text)][-2:] == \
        [("actual", "5.4"), ("other", "10")]


def test_a_line_a_pdf_broke_is_read_with_the_next_and_keeps_its_place() -> None:
    text = PLAN + ("产业优势更加突出:形成以先进特色制造业为支撑的产业体系。"
                   "三次产业结构进一步优化,第三产业增加值占生产总值比重达到\n"
                   "50.3%,社会消费品零售总额达到 154 亿元。"
                   "外商直接投资实际到位金额年均递增 8%,达到 1.01\n"
                   "亿美元。")
    found = [(i.line, i.column, i.op, value_text(i.value), i.unit) for i in items_of(text)
             if i.kind == "target"]
    assert found == [(3, 1, ">=", "50.3", "%"), (3, 19, ">=", "154", "亿元"),
                     (3, 43, "increase", "8", "%"), (3, 49, ">=", "1.01", "亿美元")]


def test_a_news_item_on_a_plans_publication_reads_as_the_plan() -> None:
    """Set 22/24: `本报讯(记者…)…《…规划》日前公布` reports what the plan sets; a press
    conference (`新闻发布会`) on a plan is no publication, and a report stays a report."""
    published = ("本报讯(记者 某某)城区22座污水处理厂全部升级为再生水厂,城区污水处理率达98%。"
                 "《某市“十二五”时期水资源保护及利用规划》日前公布,计划建立最严格的水资源管理制度。\n")
    briefing = ("来源:某市人民政府 发布时间:2021-12-09 18:02\n"
                "12月8日,某市人民政府新闻办公室召开《某市“十四五”时期生态环境保护规划》新闻发布会。"
                "市发展改革委、市生态环境局、市交通委、市水务局的相关负责人介绍情况并回答记者提问。\n"
                "细颗粒物年均浓度为33微克/立方米。\n")
    assert [i.kind for i in items_of(published) if i.kind != "other"] == ["target", "target"]
    assert [i.kind for i in items_of(briefing) if i.kind != "other"] == ["actual"]


def test_a_sentence_that_opens_on_what_a_plan_sets_out_is_of_targets() -> None:
    """Set 22/24: `规划要求,…`, `《规划》提出,…` and `某省提出…达到…` open on a plan's content."""
    news = "新华社某地3月31日电(记者某某)\n"
    for text in (news + "规划要求,“十二五”期间,全市污水处理率达90%以上,污泥无害化处理率100%。",
                 news + "在“经济强”方面,某省提出“十三五”期末地区生产总值达到10万亿元左右、"
                        "现代农业发展水平90%以上。"):
        assert {i.kind for i in items_of(text) if i.kind != "other"} == {"target"}, text
    report = REPORT + "报告提出的20项指标中,地区生产总值增长5%。"
    assert [i.kind for i in items_of(report) if i.kind != "other"] == ["actual"]


def test_an_estimate_of_the_whole_year_covers_its_sentence() -> None:
    """Set 23: `预计全年…将超过1300亿元、增长1%,一般公共预算收入增长10%`: the estimate of
    the year's result goes on after its `将`."""
    text = ("新京报讯 区长在政府工作报告中指出,预计全年地区生产总值将超过1300亿元、增长1%,"
            "一般公共预算收入增长10%、居民人均可支配收入增长4.8%。")
    assert [i.kind for i in items_of(text) if i.kind != "other"] == ["actual"] * 4


def test_a_range_a_figure_lies_in_and_an_amount_of_land_are_statements() -> None:
    """Set 22: `城镇化率处在60%—70%之间` is a range, not a name; `50平方公里以上建设用地面积达到…`
    is how much land does, unlike `3岁以下婴幼儿`."""
    ranged = [(i.kind, i.op, value_text(i.value)) for i in items_of(
        PLAN + "“十四五”时期,我国城镇化率处在60%—70%之间。") if i.kind != "other"]
    assert ranged == [("target", ">=", "60"), ("target", "<=", "70")]
    land = [(i.kind, i.op, value_text(i.value), i.unit) for i in items_of(
        PLAN + "到2025年底,50平方公里以上建设用地面积达到海绵城市建设目标要求。")]
    assert land == [("target", ">=", "50", "km²")]
    assert [i.kind for i in items_of(PLAN + "每千人口拥有3岁以下婴幼儿托位数达到4.5个。")
            if value_text(i.value) == "3"] == ["other"]


def test_a_review_of_a_plans_progress_reports_its_results() -> None:
    """Set 23: a news item titled on how a plan is carried out (`规划纲要实施…`, `中期评估报告`)
    reviews the plan; what a report shows (`报告显示,…`) is a result even in a text read as a
    plan, unless a deadline follows the cue; a work report's `指出` still sets targets."""
    review = ("新华社北京12月26日电 题:某规划纲要实施实现“时间过半、任务过半”"
              "——从中期评估报告看发展新成效\n"
              "新华社记者某某\n国家发展改革委主任作纲要实施中期评估报告。\n"
              "报告指出,新型研发机构数量超过2400家。报告显示,制造业增加值占GDP比重提升至27.8%。\n")
    assert [i.kind for i in items_of(review) if i.kind != "other"] == ["actual", "actual"]
    shown = PLAN + ("评估报告显示,战略性新兴产业增加值年均增长15.8%。"
                    "报告指出,到2025年,森林覆盖率达到45%。")
    assert [i.kind for i in items_of(shown) if i.kind != "other"] == ["actual", "target"]
    work = PLAN + "政府工作报告指出,城镇调查失业率5.5%左右。"
    assert [i.kind for i in items_of(work) if i.kind != "other"] == ["target"]
    plan_news = ("《某市“十四五”时期生态环境保护规划》日前公布\n"
                 "到2025年,细颗粒物年均浓度控制在35微克/立方米以内。\n")
    assert [i.kind for i in items_of(plan_news) if i.kind != "other"] == ["target"]


def test_a_numbered_task_opens_a_paragraph_of_work_to_do() -> None:
    """Set 22: an excerpt of a work report's coming tasks has no year, heading or cue; a
    paragraph that opens on a numbered task (`(二)加快推动产业转型,…。`) sets targets, a
    numbered result (`(一)持续巩固…成果。`) or a review's section does not."""
    tasks = ("(二)加快推动产业转型,高质量建设示范区。"
             "加快培育新兴产业,高精尖产业实现收入3450亿元。\n"
             "(三)深入实施城市更新。完成4个棚户区改造。\n")
    assert [i.kind for i in items_of(tasks) if i.kind != "other"] == ["target", "target"]
    result = "(一)持续巩固疫情防控成果,经济稳中向好。高精尖产业实现收入3450亿元。\n"
    assert [i.kind for i in items_of(result) if i.kind != "other"] == ["actual"]
    review = REPORT + "(二)加快推动产业转型,高质量建设示范区。高精尖产业实现收入3450亿元。\n"
    assert [i.kind for i in items_of(review) if i.kind != "other"] == ["actual"]
    headed = "(二)加快推动产业转型\n加快培育新兴产业,高精尖产业实现收入3450亿元。\n"
    assert [i.kind for i in items_of(headed) if i.kind != "other"] == ["target"]


def test_units_the_prelude_does_not_spell_and_dates_of_a_news_item() -> None:
    """Set 22/24: `钟头` is hours; `每天800万立方米` keeps its per day; `受教育年限12.2年` is a
    count of years, `三年行动` still a duration; `从30日举行的发布会` is a date, not 30 days."""
    assert statements(PLAN + "实现与临近城市2钟头通达。") == [("target", "<=", "2", "h")]
    assert statements(PLAN + "到2025年,全市污水处理能力达到每天800万立方米。") == [
        ("target", ">=", "800", "万立方米/日")]
    assert statements(PLAN + "劳动年龄人口平均受教育年限12.2年。") == [
        ("target", "==", "12.2", "年")]
    assert statements(PLAN + "实施三年行动。") == []
    news = ("新华社南京3月31日电(记者某某)记者从30日举行的省政府新闻发布会上获悉,"
            "规划纲要已编制完成。\n")
    assert statements(news) == []


def test_a_part_of_a_list_that_names_its_own_indicator_states_its_value() -> None:
    """Set 22: after `…达到10万亿元左右、` a part naming an indicator of its own with no verb
    (`全员劳动生产率18.5万元`, `天数比例在72%`, `社区建设达标率95%`) states its value (`==`);
    parts that name things keep the verb before the list (`新建学校5所、医院3家`)."""
    text = PLAN + ("到2020年,地区生产总值达到10万亿元左右、全员劳动生产率18.5万元、"
                   "空气质量达到二级标准的天数比例在72%、农村和谐社区建设达标率95%。")
    assert statements(text) == [("target", "~=", "10", "万亿元"), ("target", "==", "18.5", "万元"),
                                ("target", "==", "72", "%"), ("target", "==", "95", "%")]
    built = statements(PLAN + "到2025年,新建学校5所、医院3家。")
    assert built == [("target", ">=", "5", "count"), ("target", ">=", "3", "count")]


def test_counts_with_what_becomes_of_them_a_floor_of_one_and_zero_growth() -> None:
    """Set 24: `22座污水处理厂全部升级为再生水厂` and `42个重点镇均建有…` count things with what
    becomes of them all; `至少建成一座` is a floor of one (no article); `工业用新水零增长、` as
    the whole predicate of its part is 0, `零排放车辆` still names a kind of thing."""
    assert statements(PLAN + "到2015年,城区22座污水处理厂全部升级为再生水厂。") == [
        ("target", "==", "22", "count")]
    assert statements(PLAN + "到2015年,42个重点镇均建有污水处理厂。") == [
        ("target", "==", "42", "count")]
    assert statements(PLAN + "到2015年,每个新城至少建成一座骨干水厂。") == [
        ("target", ">=", "1", "count")]
    assert statements(PLAN + "建成一座公园。") == []
    principles = PLAN + "按照生活用水适当增长、工业用新水零增长、农业用新水负增长的原则。"
    assert statements(principles) == [("target", "<=", "0", "")]
    assert statements(PLAN + "推广零排放车辆。") == []


def test_tenths_an_improvement_and_an_estimate_of_a_past_plans_span() -> None:
    """Set 23: `七成以上` is 70 % (`一成不变` an idiom, `三成员` no figure); `浓度…改善24%` is a
    fall where lower is better, a rise elsewhere; `“十四五”期间,预计…年均增长超6%` written in 2026
    estimates the span's result, while in 2023 it forecasts."""
    assert statements(REPORT + "社会投资占比增至总投资的七成以上。") == [
        ("actual", ">=", "70", "%")]
    assert statements(REPORT + "两成。政策一成不变。三成员到场。") == [("actual", "==", "20", "%")]
    assert statements(REPORT + "PM2.5累计浓度达到国家二级标准,较2020年同期改善24%。") == [
        ("actual", "reduce", "24", "%")]
    assert statements(REPORT + "优良天数比例较2020年改善5%。") == [("actual", "increase", "5", "%")]
    late = "时间:2026-01-09 05:39\n记者获悉,“十四五”期间,预计地区生产总值年均增长超6%。\n"
    early = "时间:2023-01-09 05:39\n记者获悉,“十四五”期间,预计地区生产总值年均增长超6%。\n"
    assert [i.kind for i in items_of(late) if i.kind != "other"] == ["actual"]
    assert [i.kind for i in items_of(early) if i.kind != "other"] == ["target"]


def _table(text: str) -> list[tuple[int, str, str, str, str]]:
    return [(i.line, i.kind, i.op, value_text(i.value), i.unit) for i in items_of(text)
            if i.kind != "other"]


def test_a_table_left_in_html_on_one_line_reads_as_a_table() -> None:
    """Set 28: a page's table copied with its tags (`<td> <div>45.31</div> </td>`) on one
    line: a run of tags holding a cell or a row breaks the cells apart, `>` of a tag is no
    bound, and the line and column are still the file's; the last row of an excerpt cut
    inside its `约束性` cell is read too."""
    html = ('<p align="center">主要目标指标表</p> <table border="1"> <tbody> <tr> <td> '
            '<div>指标名称</div> </td> <td> <div>2020年</div> </td> <td> <div>2025年</div> '
            '</td> <td> <div>属性</div> </td> </tr> <tr> <td> <div>森林覆盖率(%)</div> </td> '
            '<td> <div>45.31</div> </td> <td> <div>46.3</div> </td> <td> <div>约束性</div> '
            '</td> </tr> <tr> <td> <div>森林蓄积量(万立方米)</div> </td> <td> <div>4606.24'
            '</div> </td> <td> <div>5000</div> </td> <td> <div>约\n')
    assert _table(html) == [(1, "actual", "==", "45.31", "%"), (1, "target", "==", "46.3", "%"),
                            (1, "actual", "==", "4606.24", "万m³"),
                            (1, "target", "==", "5000", "万m³")]
    (item,) = [i for i in items_of(html) if value_text(i.value) == "46.3"]
    assert html.split("\n")[0][item.column - 1:].startswith("46.3")
    prose = PLAN + "<b>到2025年</b>,森林覆盖率达到46%。"
    assert statements(prose) == [("target", ">=", "46", "%")]


def test_a_table_copied_through_a_forums_filter_reads_as_a_table() -> None:
    """Set 28: a forum's copy filter puts runs of one- and two-character tokens after every
    cell (`| 76。7`, `& }: R0 S5 X; ^( j' A7 f: Z | >80`); without them and the `|` borders
    the cells stand one a line, `76。7` is 76.7, and a `〔累计〕` column is the plan's change
    over its years (`〔18〕` of a row `…下降(%)`: a fall of 18 %), not a document's number."""
    forum = ("主要指标7 B; g# x0 `- r. y5 o+ b$ S+ ?\n|\n指标\n"
             "T! j8 T8 i2 K& _( z | 2015年$ {8 u2\n"
             "| 2020年\n* }+ q6 ]: j9 T @9 y | 〔累计〕1\" r; O6 V3\n| 属性\n# ? L$ Z8 g/ b: e* |\n"
             "0 H$ ^* e4 R* v# v% | 优良天数比率(%). M! K; h1 N/ ]\n| 76。7\n"
             "& }: R0 S5 X; ^( j' A7 | >80\n2 ~) q. ]9 m/ ` | -! N\" p9 F. ])\n| 约束性\n"
             "+ t7 c; X1 A\" o |\n浓度下降(%)\n/ K+ t8 S8 D\" ?0 T! | -\n6 I% K$ [! L2 J | -\n"
             ") z. C+ f8 s: _ | 〔18〕\n0 l& k6 W1 i3 c [ | 约束性\n")
    assert _table(forum) == [(10, "actual", "==", "76.7", "%"), (11, "target", ">", "80", "%"),
                             (18, "target", "reduce", "18", "%")]
    assert statements("十三五规划\n一是 二是 三是。森林覆盖率达到23%。") == [
        ("target", ">=", "23", "%")]


def test_a_table_laid_out_one_row_a_line_reads_as_a_table() -> None:
    """Set 26: a PDF page's table gives a row a line, cells apart by spaces (`2020 年目标值`
    one cell); a copied sheet gives them apart by tabs, a Markdown table by `|`: each
    is read as the table it is, its `目标值` column a target and `预计值` an estimate."""
    pdf = ("序号 指标名称 2020 年目标值 2020 年预计值 完成情况\n"
           "1 全区生产总值(亿元) 1000 1008.5 完成\n2 人均生产总值(元) 130000 130913 完成\n")
    assert _table(pdf) == [(2, "target", "==", "1000", "亿元"),
                           (2, "actual", "==", "1008.5", "亿元"),
                           (3, "target", "==", "130000", "元"), (3, "actual", "==", "130913", "元")]
    tabs = "指标\t单位\t2020年\t2025年\t属性\n森林覆盖率\t%\t44.4\t45\t约束性\n"
    assert _table(tabs) == [(2, "actual", "==", "44.4", "%"), (2, "target", "==", "45", "%")]
    markdown = ("| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 森林覆盖率(%) | 44.4 | ≥45 |\n")
    assert _table(markdown) == [(3, "actual", "==", "44.4", "%"), (3, "target", ">=", "45", "%")]
    prose = PLAN + "到2025年 森林覆盖率达到 45% 以上\n"
    assert statements(prose) == [("target", ">=", "45", "%")]


def test_what_a_draft_outline_sets_the_years_ahead_and_a_master_plans_phases() -> None:
    """Sets 27-28: in a news item on a work report, `…规划纲要草案提出…,包括未来五年,…` and
    `《规划》还新增…` set targets; `未来五年`/`今后5年` is the span ahead; a master plan's
    `规划近期 2010 年…` is a phase of the plan, and a figure held within a bound
    (`2015 年在 315 万人以内`) is capped as `控制在` is; `降到了1%以内` still reports."""
    news = "记者报道\n报告提出,2025年地区生产总值增长5.4%。\n"
    draft = news + ("北京市的十五五规划纲要草案提出29个主要指标,包括未来五年,"
                    "GDP年均增速为4.5%至5%,全社会研发投入占比6%以上。\n")
    assert statements(draft)[1:] == [("target", ">=", "4.5", "%"), ("target", "<=", "5", "%"),
                                     ("target", ">=", "6", "%")]
    assert statements(news + "《规划》还新增12条公路环线。\n")[1:] == [
        ("target", ">=", "12", "count")]
    assert statements(news + "未来五年,服务贸易年均增速5%左右。\n")[1:] == [
        ("target", "~=", "5", "%")]
    phases = ("第 16 条 城镇化水平规划近期 2010 年城镇化水平达到 53%,城镇人口控制在 160 万人以内。"
              "2015 年在 315 万人以内。\n")
    assert [s[0] for s in statements(phases)] == ["target", "target", "target"]
    assert statements(news + "重污染天数比例降到了1%以内。\n")[1:] == [("actual", "<=", "1", "%")]


def test_page_furniture_of_document_sites_and_wires() -> None:
    """Sets 26-28: `第 15 条` is an ordinal with its spaces; a list's number glued to the
    heading before it (`…快速发展1、学前三年…`) numbers the list; `123.jpg` names a file;
    `文档页数:3` counts a document's pages; `05/03/2026 09:31` is a date."""
    assert statements(PLAN + "第 15 条 市域总人口控制在 300 万人以内。") == [
        ("target", "<=", "300", "万人")]
    assert statements(PLAN + "一、明确目标任务,促进学前教育快速发展1、学前三年教育发展目标。") == []
    assert statements(PLAN + "森林覆盖率达到50%。\n123.jpg\n- 文档页数:3\n") == [
        ("target", ">=", "50", "%")]
    assert statements("05/03/2026 09:31\n李强表示,提出全社会研发经费投入年均增长7%以上。\n") == [
        ("target", ">=", "7", "%")]


def test_a_time_to_get_onto_a_road_a_currency_word_and_a_years_answer_sheet() -> None:
    """Set 27: `15分钟上普通国道` is a time to reach (a cap, as `直达`); `不低于人民币2,000亿元`
    keeps its floor past the currency; a box headed `2020 中国答卷` (a bare year opening a
    line) reviews 2020, so its figures are results even on a page about a plan."""
    assert statements(PLAN + "将实现全国所有县市15分钟上普通国道,30分钟上国家高速公路。") == [
        ("target", "<=", "15", "min"), ("target", "<=", "30", "min")]
    assert statements(PLAN + "推介重大项目总投资不低于人民币2,000亿元。") == [
        ("target", ">=", "2000", "亿元")]
    page = ("2020 中国答卷\n就业\n城镇新增就业1186万人,城镇调查失业率降到5.2%\n"
            "“十四五”规划目标中的民生关切\n■城镇调查失业率控制在5.5%以内\n")
    assert [(s[0], s[2]) for s in statements(page)] == [
        ("actual", "1186"), ("actual", "5.2"), ("target", "5.5")]
    from checker.tools.extract.periods import find_marks

    assert [m.kind for m in find_marks("2000 家企业\n2020 中国答卷")] == ["year"]


def test_a_share_of_things_with_what_becomes_of_them_and_floors_of_one_built() -> None:
    """Sets 26 and 28: `全市85%左右县(市、区)创建成…` is a share of the counties with what
    becomes of them, a statement (`~=` 85 %), while `3岁以下婴幼儿` still describes a name;
    `每个乡镇都建有1所…` and `至少办1所早教中心` are work to do, floors of one."""
    assert statements(PLAN + "到2025年,全市85%左右县(市、区)创建成国家学前教育普及普惠县。") == [
        ("target", "~=", "85", "%")]
    assert statements(PLAN + "到2025年,每千人口拥有3岁以下婴幼儿托位数4.5个。") == [
        ("target", ">=", "4.5", "count")]
    assert statements(PLAN + "2025年,每个乡镇都建有1所公办中心幼儿园。") == [
        ("target", ">=", "1", "count")]
    assert statements(PLAN + "各区、县(市)至少办1所早教中心。") == [("target", ">=", "1", "count")]


def test_the_national_outlines_table_with_its_average_or_cumulative_column() -> None:
    """The national 14th-FYP table's layout (one cell a line): a `年均/累计` column holds the
    plan's change over its years (`〔13.5〕` of `…降低(%)`, `>7、力争…` of `…增长(%)`), a row's
    number opens its name (`14.单位国内生产总值能源消耗降低(%)`), a base value may carry a
    note's mark (`60.6*`)."""
    table = ("专栏1 主要指标\n类别\n指标\n2020年\n2025年\n年均/累计\n属性\n"
             "经济发展\n3.常住人口城镇化率(%)\n60.6*\n65\n—\n预期性\n"
             "创新驱动\n4.全社会研发经费投入增长(%)\n—\n—\n>7、力争投入强度高于“十三五”时期实际\n预期性\n"
             "绿色生态\n14.单位国内生产总值能源消耗降低(%)\n—\n—\n〔13.5〕\n约束性\n")
    assert _table(table) == [(10, "actual", "==", "60.6", "%"), (11, "target", "==", "65", "%"),
                             (18, "target", ">", "7", "%"), (24, "target", "reduce", "13.5", "%")]
    (item,) = [i for i in items_of(table) if i.line == 24]
    assert (item.name, item.period) == ("单位国内生产总值能源消耗降低", "2025")


def test_a_districts_table_one_row_a_line_with_a_growth_column() -> None:
    """A district's table copied one row a line: a `年均增长(%)` column is the plan's yearly
    rise (a target in %), `2020年基数` a base; a row without its group's category cell is a
    row still."""
    table = ("类别 指标 单位 2020年基数 2025年目标 年均增长(%) 属性\n"
             "经济发展 地区生产总值 亿元 1000 1500 8 预期性\n"
             "一般公共预算收入 亿元 50 70 7 预期性\n")
    assert _table(table) == [(2, "actual", "==", "1000", "亿元"),
                             (2, "target", "==", "1500", "亿元"),
                             (2, "target", "increase", "8", "%"), (3, "actual", "==", "50", "亿元"),
                             (3, "target", "==", "70", "亿元"), (3, "target", "increase", "7", "%")]


def test_a_bulleted_list_of_a_years_work_and_its_work_quantities() -> None:
    """Set 29: a news app's bullets of a district's tasks (no year, no heading, no cue) are
    work to do — `增补3万平方米小微绿地`, `更新老旧电梯100部以上`, `加快推进7个家园中心建设`
    are work quantities, floors — and a bullet is a list's item, never a part's title
    (`• 潞城镇持续夯实都市工业发展基础` sets no review); `推进千兆固网…` names what is pushed."""
    text = ("  • 潞城镇持续夯实都市工业发展基础\n\n"
            "  • 建设24处社区(村)公园,增补3万平方米小微绿地,打造一批花园社区\n\n"
            "  • 持续开展老旧小区综合整治,更新老旧电梯100部以上,完成10个小区市政管线改造\n\n"
            "  • 加快推进7个家园中心建设,完成北苑家园中心主体结构施工\n")
    assert statements(text) == [("target", ">=", "24", "count"), ("target", ">=", "3", "万m²"),
                                ("target", ">=", "100", "count"), ("target", ">=", "10", "count"),
                                ("target", ">=", "7", "count")]
    assert statements(PLAN + "作为行政副中心,通州将严控人口,退出500家污染企业等。") == [
        ("target", ">=", "500", "count")]
    assert statements(REPORT + "九部门联合印发规划,积极推进千兆固网接入网络建设。") == []


def test_caps_written_as_not_exceeding_or_reducing_to_and_the_way_through_a_span() -> None:
    """Sets 29 and 31: `不超3.8万人` is a cap (`不超过` shortened, not `超`); `减量至65平方公里`
    reaches a lower level, a cap for a target; `经过5年努力` is the way through five years,
    no `过` of a bound (`过百兆` still is one)."""
    assert statements(PLAN + "全年常住人口增长将不超3.8万人。") == [("target", "<=", "3.8", "万人")]
    assert statements(PLAN + "2020年城乡建设用地规模将减量至65平方公里。") == [
        ("target", "<=", "65", "km²")]
    assert statements(PLAN + "计划经过5年努力,使常住人口城镇化率提升至接近70%。") == [
        ("target", "~=", "70", "%")]
    assert statements(PLAN + "实现用户体验过百兆。") == [("target", ">", "100", "Mbit/s")]


def test_the_whole_year_keeps_its_paragraphs_kind_and_a_headline_reaching_down_is_a_cap() -> None:
    """Set 29: `全年数量达到80家` among a year's targets is that year's, the paragraph's kind
    (全年 names no other period); a headline `城乡建设用地规模减量至65平方公里` over the
    paragraph's `…将减量至65平方公里` is the target's cap; `300亿元!…` (no verb) stays `==`."""
    news = ("新京报讯(记者)丰台区举行重点工作任务部署大会。\n"
            "2025年,丰台区将继续举办大会,实现链长单位达到100家、发展伙伴达到1000家。"
            "年度新增入库项目不少于400个,专精特新“小巨人”企业全年数量达到80家,培育引进600家国高新企业。\n")
    assert statements(news)[-2] == ("target", ">=", "80", "count")
    headline = ("门头沟2020年森林覆盖率将达44%\n城乡建设用地规模减量至65平方公里\n"
                "(记者 李梦婷)日前,记者从门头沟区“十三五”规划情况介绍会上获悉,到2020年,门头沟的"
                "森林覆盖率将达到44%。2020年城乡建设用地规模将减量至65平方公里。\n")
    assert next(i for i in items_of(headline) if i.line == 2).op == "<="


def test_what_a_plan_sets_after_according_to_it_and_a_slogans_parts() -> None:
    """Set 30: a news item on a plan's briefing (a `讯`, no year) — `根据《规划》,北京将…` opens
    what the plan sets for the rest of its paragraph, 《》 or not (`2025年外受电通道增加到18条`,
    `供电可靠率达到99.996%`); `建成“三种气源、八大通道、10兆帕大环”的…体系` quotes a slogan's
    parts, no figures."""
    text = ("北京商报讯 4月1日,市政府新闻办举行《北京市“十四五”时期能源发展规划》新闻发布会,"
            "副主任介绍,根据《规划》,北京将构建绿色低碳的能源体系。建设坚强智慧城市电网,"
            "2025年外送通道输电能力增加到4300万千瓦,全市供电可靠率达到99.996%。"
            "建成“三种气源、八大通道、10兆帕大环”的多源多向天然气供应体系。\n")
    assert statements(text) == [("target", ">=", "4300", "万kW"), ("target", ">=", "99.996", "%")]


def test_a_semicolon_joins_the_parts_of_one_statement() -> None:
    """Sets 30 and 13: after `“十四五”时期,北京市将加强…建设;` the next part's figures
    (`焚烧和生化处理能力达到3.1万吨/日以上`) are what the plan will do — the words the part
    before ends on, after its own last figure, are their cues; `规划期末目标为下降20%;`
    says nothing of the figures after it."""
    news = ("央广网北京4月12日消息(记者 阮修星)4月12日,在规划新闻发布会上,柴文忠介绍,“十四五”时期,"
            "北京市将加强可回收物体系建设,加快推进分拣中心建设;完成一批生活垃圾处理设施建设,"
            "焚烧和生化处理能力达到3.1万吨/日以上,生活垃圾回收利用率达到37.5%以上。\n")
    assert statements(news) == [("target", ">=", "3.1", "万吨/日"), ("target", ">=", "37.5", "%")]
    review = ("湖北日报讯 (记者王馨)11月中旬,省人大常委会审议了湖北省“十三五”规划纲要"
              "实施情况中期评估的报告。\n"
              "根据报告,已达期末目标的指标有4项。其中,2016年、2017年,全省浓度分别较2015年下降16.7%、"
              "21.2%,规划期末目标为下降20%;劣Ⅴ类水体比例分别为4.4%、2.6%。\n")
    assert [s[0] for s in statements(review)][-2:] == ["actual", "actual"]


def test_a_plan_documents_words_on_a_year_and_a_pages_mojibake_question_marks() -> None:
    """Set 30: `《工作要点》指出,2025年北京力争…` opens what the work points set for its
    paragraph (`…能耗较2020年累计下降14%`), while `《规划》指出,经过努力,…` reviews; a `?`
    that a page's mojibake left before `、` or a gloss (`燃?xì)?、热力`) ends no clause,
    so `更新改造…管线1000公里` keeps its verb of work."""
    text = ("中国储能网讯:北京市发改委4月1日透露,今年北京外调绿电规模力争达到400亿千瓦时。\n"
            "《工作要点》指出,2025年北京力争能源利用效率继续提升。全面落实碳达峰方案,"
            "单位地区生产总值能耗较2020年累计下降14%。北京持续增强能源安全韧性。"
            "更新改造老旧燃?xì)?、热力、电力管线1000公里。\n")
    assert statements(text) == [("target", ">=", "400", "亿千瓦时"),
                                ("target", "reduce", "14", "%"), ("target", ">=", "1000", "km")]
    assert statements(PLAN + "《规划》指出,经过努力,我国人民健康水平不断提高。2015年至2020年,"
                      "婴儿死亡率从8.1‰降至5.4‰。\n") == [("actual", "==", "8.1", "‰"),
                                                  ("actual", "==", "5.4", "‰")]


def test_a_quoted_zero_after_a_deadline_a_rate_before_its_verb_and_a_pages_badge() -> None:
    """Set 30: the headline `二〇二五年原生生活垃圾“零填埋”` is a dated zero (no `实现` needed
    after a deadline when the zero is quoted); `生活垃圾100%无害化处理` is the rate of the
    treatment, no description of a name; a list page's `NEW` after a headline
    (`…达到37.5%以上 NEW`) is a badge, not part of a name."""
    plan = PLAN + "二〇二五年原生生活垃圾“零填埋”\n\n“十四五”末生活垃圾100%无害化处理\n"
    assert statements(plan) == [("target", "<=", "0", ""), ("target", "==", "100", "%")]
    assert statements(PLAN + "北京:“十四五”生活垃圾回收利用率达到37.5%以上 NEW\n") == [
        ("target", ">=", "37.5", "%")]
    assert statements(PLAN + "推广零排放车辆。") == []


def test_a_clause_opening_on_that_is_says_again_what_the_clause_before_says() -> None:
    """Set 30: `力争用五年时间实现总规提到的目标,,即全市的森林覆盖率达到45%` — a clause
    opening on `即` restates the one before (a page's doubled comma between), so its `力争`
    plans the 45 %, though a reporter wrote the page."""
    news = ("千龙网北京1月15日讯(记者刘美君)“力争用五年时间实现总规提到的目标,,即全市的森林覆盖率"
            "达到45%,。”15日,在发布会上,副局长回答记者提问。\n")
    assert statements(news) == [("target", ">=", "45", "%")]


def test_a_change_over_a_span_the_clause_before_ends_on() -> None:
    """Set 31: `中国人均预期寿命在2015年至2020年,从76.34岁提高至77.93岁` — the clause
    before ends on the span the change ran over, which dates both figures: in a plan for
    2021–2025 both are results, while `到2025年…继续提高1岁左右` is its target."""
    plan = PLAN + ("据介绍,中国人均预期寿命在2015年至2020年,从76.34岁提高至77.93岁。"
                   "到2025年,中国的人均预期寿命在2020年的基础上继续提高1岁左右。\n")
    assert statements(plan) == [("actual", "==", "76.34", "岁"), ("actual", "==", "77.93", "岁"),
                                ("target", "~=", "1", "岁")]


def test_things_counted_again_after_they_were_named_and_so_far_this_year() -> None:
    """Sets 31 and 29: `我国上述三项数据已非常接近…2020年目标` counts the indicators named
    before, it states nothing; `今年来…人数达到1100万` (so far this year) reports, as
    `今年以来` does."""
    assert statements(PLAN + "我国上述三项数据已非常接近“十三五”规划提出的2020年目标。") == []
    assert statements(PLAN + "今年来怀柔旅游休假人数达到1100万人次。") == [
        ("actual", "==", "1100", "万人次")]


def test_a_quality_raised_over_an_area_is_the_area_worked_on() -> None:
    """Set 28's open class (提升 as work vs a target's rise): `完成森林质量提升800万亩` raises a
    quality over 800万亩 — a quality has no area, so the area is how much is worked on (`>=`
    for a target); `森林覆盖率提升5%`, a rate, still rises."""
    assert statements(PLAN + "在2022年底前完成森林质量提升800万亩、建设储备林300万亩的目标。") == [
        ("target", ">=", "800", "万亩"), ("target", ">=", "300", "万亩")]
    assert statements(PLAN + "到2025年,森林覆盖率提升5%。") == [("target", "increase", "5", "%")]


def test_the_year_a_section_heading_names_dates_its_figures() -> None:
    """Set 33: a digest of a work report on 2025 lists `经济增长4.5%—5%` under `三、2026年经济社会
    发展总体要求和政策取向` — the heading's words say neither review nor plan, its year (later
    than the year reported on) makes the lines below targets; the 2025 section's lines stay
    results."""
    digest = ("政府工作报告要点\n一、2025年工作回顾\n国内生产总值增长5%\n"
              "三、2026年经济社会发展总体要求和政策取向\n经济增长4.5%—5%\n城镇新增就业1200万人以上\n")
    assert statements(digest) == [("actual", "increase", "5", "%"), ("target", ">=", "4.5", "%"),
                                  ("target", "<=", "5", "%"), ("target", ">=", "1200", "万人")]


def test_the_work_of_livelihood_projects() -> None:
    """Sets 32 and 34: livelihood projects count their work with verbs a plan's text rarely
    uses (`扩增`, `筹集`, `挖潜`, `更换`, `再添`, `新开工`/`完工`) and measure words (`片`):
    each is work to do, `>=`; `提供` leads a count only (`提供24小时活力空间` offers hours);
    `推动50个幼儿园新增…托位1000个` counts the kindergartens that add the places, its subject;
    `推动104国道…升级改造` names a road."""
    text = PLAN + ("2020年将扩增学前教育学位9300个;筹集公租房或租赁房500套;积极挖潜5000个停车位,"
                   "提供地下人防工程600个停车位;更换70万只智能电表;建设不少于20片专项活动场地;"
                   "全年新开工15个小区、完工15个小区。")
    assert statements(text) == [("target", ">=", "9300", "count"), ("target", ">=", "500", "count"),
                                ("target", ">=", "5000", "count"), ("target", ">=", "600", "count"),
                                ("target", ">=", "70", "万"), ("target", ">=", "20", "count"),
                                ("target", ">=", "15", "count"), ("target", ">=", "15", "count")]
    assert statements(PLAN + "优化口岸免税店布局,提供24小时活力空间。") == []
    assert statements(PLAN + "提供就业岗位10万个,促进失业人员就业10万人。") == [
        ("target", ">=", "10", "万"), ("target", ">=", "10", "万人")]
    assert statements(PLAN + "推动50个幼儿园新增幼儿托位1000个。") == [
        ("target", ">=", "1000", "count")]
    assert statements(PLAN + "积极推动104国道、黄亦路等道路升级改造。") == []


def test_an_age_before_the_people_of_that_age_describes_them() -> None:
    """Set 32: `新增2至3岁幼儿托位1000个`, `282所幼儿园举办2—3岁托班` — the ages say whose
    places they are, the count is the statement; `人均预期寿命从76.34岁提高到77.93岁` is an
    age measured."""
    assert statements(PLAN + "新增2至3岁幼儿托位1000个。") == [("target", ">=", "1000", "count")]
    assert statements(REPORT + "全市共有282所幼儿园举办2—3岁托班,可提供托位9024个。") == [
        ("actual", "==", "9024", "count")]
    assert statements(REPORT + "人均预期寿命从76.34岁提高到77.93岁。") == [
        ("actual", "==", "76.34", "岁"), ("actual", "==", "77.93", "岁")]


def test_the_livelihood_projects_a_text_lists_are_its_own_items() -> None:
    """Sets 33 and 34: `今年将办30件重要民生实事` and `12项主要预期目标中11项较好完成` count the
    items of the text itself; `42项为民办实事项目顺利办结` counts projects done (set 19's label:
    a result)."""
    assert statements(PLAN + "北京市朝阳区今年将办30件重要民生实事。") == []
    assert statements(REPORT + "计划执行情况较好,12项主要预期目标中11项较好完成。") == []
    assert statements(REPORT + "民生保障坚实有力,42项为民办实事项目顺利办结。") == [
        ("actual", "==", "42", "count")]


def test_a_clause_that_is_nothing_but_a_year_dates_the_figures_after_it() -> None:
    """Set 32: `李奕介绍,2023年,面对空前紧张的入学压力,北京市教委指导各区新建、改扩建学校35所` in a
    page of 2024-01 — the year dates the figures after it in its sentence (a result), though a
    clause without one stands between."""
    page = ("两会聚焦 | 北京老旧小区改造今年计划开工300个\n北京青年报客户端 2024-01-25 07:19\n"
            "市教委\n\n将出台幼儿园托班工作指南\n\n"
            "李奕介绍,2023年,面对空前紧张的入学压力,北京市教委指导各区新建、改扩建学校35所,"
            "新增中小学学位3.8万个。\n")
    assert statements(page)[1:] == [("actual", "==", "35", "count"), ("actual", "==", "3.8", "万")]


def test_a_rank_reached_is_a_result() -> None:
    """Set 34: an undated news item on a work report, `社会消费品零售总额预计增长5%,居全市前列` —
    a rank is known only after the fact, so `预计` estimates a result; a sentence that plans
    (`力争…居全市前列`) still sets a target."""
    news = "狄涛代表区政府向大会报告工作。社会消费品零售总额预计增长5%,居全市前列。\n"
    assert statements(news) == [("actual", "increase", "5", "%")]
    assert statements("乡村全面振兴发展指数77.3,排名全国78位。\n") == [("actual", "==", "77.3", "")]
    assert statements(PLAN + "力争社会消费品零售总额增长5%,居全市前列。") == [
        ("target", "increase", "5", "%")]


def test_a_years_livelihood_projects_once_set_are_its_work() -> None:
    """Sets 32 and 34: `新增…8万套(间)……记者近日获悉,2023年北京市民生实事项目正式确定` and a page
    headed `北京市朝阳区今年将办30件重要民生实事` set the year's work, whoever reports it (a `获悉`,
    a portal's `来源:`), so its `全年新开工15个小区` is of the year ahead; `文章字数:211` is a
    page's counter."""
    paper = ("发布日期:2023年01月01日\n文章字数:211\n  新增中小学学位2万个、幼儿托位6000个,"
             "建设筹集保障性租赁住房8万套(间)……记者近日获悉,2023年北京市民生实事项目正式确定。\n")
    assert statements(paper) == [("target", ">=", "2", "万"), ("target", ">=", "6000", "count"),
                                 ("target", ">=", "8", "万")]
    portal = ("北京市朝阳区今年将办30件重要民生实事\n时间:2023-03-16   来源:政府官网\n"
              "继续推进老旧小区综合整治,全年新开工15个小区、完工15个小区。\n")
    assert statements(portal) == [("target", ">=", "15", "count"), ("target", ">=", "15", "count")]


def test_the_rate_a_change_is_set_at() -> None:
    """Set 32: `今年北京GDP增长预期目标为6.5%`, `GDP年均增速预计为6.5%` — the figure after `为` is
    the rate of the change named before it, an `increase`, not a level."""
    assert statements(PLAN + "今年北京GDP增长预期目标为6.5%,GDP年均增速预计为6.5%。") == [
        ("target", "increase", "6.5", "%"), ("target", "increase", "6.5", "%")]
    assert statements(PLAN + "全市常住人口总量控制在2300万人以内。") == [
        ("target", "<=", "2300", "万人")]


def test_a_count_of_two_thousand_is_no_year() -> None:
    """Set 32: `将新建养老家庭照护床位2000张` — a four-digit count before a measure word (`张`,
    `栋`, `场`) is a count, never the year 2000 (the figure was dropped)."""
    assert statements(PLAN + "将新建养老家庭照护床位2000张,改造老旧小区2024栋。") == [
        ("target", ">=", "2000", "count"), ("target", ">=", "2024", "count")]


def test_a_list_announced_by_its_parts_without_naming_them_tasks() -> None:
    """Set 34: `今后五年重点做好以下四个方面:` announces four long paragraphs (`一是…`) of the five
    years ahead; their figures are targets, though the page reports the work report."""
    page = ("来源:乐居买房2021-12-28 17:52:54\n报告中指出在过去五年中,新增14所幼儿园。\n"
            "今后五年重点做好以下四个方面:\n一是坚持以首都发展为统领,高品质优化提升中心城区功能。围绕"
            "国际科技创新中心建设,聚集新一代信息技术产业的技术、人才等各类要素,以应用场景建设为导向"
            "加强科技成果转化,全区万人发明专利拥有量达到166件,国家高新技术企业保有量突破1100家。\n")
    assert statements(page) == [("actual", "==", "14", "count"), ("target", ">=", "166", "count"),
                                ("target", ">", "1100", "count")]


def test_a_first_time_ahead_plans() -> None:
    """Set 33: `一般公共预算支出规模将首次达到30万亿元` — `首次` after `将` is a first time to come,
    a target; `首次突破` alone still reports."""
    assert statements("一般公共预算支出规模将首次达到30万亿元\n") == [
        ("target", ">=", "30", "万亿元")]
    assert statements("全市优良天数比例首次突破80%\n") == [("actual", ">", "80", "%")]


def test_money_put_to_a_use_is_its_amount() -> None:
    """Set 33: `安排8000亿元超长期特别国债资金用于“两重”建设` — the sum arranged, `==` as a budget's
    figures are; `安排5方面20项任务` counts the text's own items."""
    digest = ("四、2026年部分工作任务\n"
              "投资:拟安排中央预算内投资7550亿元,安排8000亿元超长期特别国债资金用于建设\n")
    assert statements(digest) == [("target", "==", "7550", "亿元"),
                                  ("target", "==", "8000", "亿元")]
    assert statements(PLAN + "构建现代化城市基础设施体系,安排5方面20项任务。") == []


def test_a_list_items_number_after_a_sentence_end() -> None:
    """Set 33: an aggregator's extract runs a list into its paragraph (`…降低目标。 1.壮大实体
    经济`): the `1.` numbers an item, no figure."""
    assert statements(PLAN + "全省地区生产总值增长5%左右。 1.壮大实体经济,推动高质量发展。") == [
        ("target", "~=", "5", "%")]


def test_a_word_beginning_with_one_counts_nothing() -> None:
    """Set 32: `完成300家一般制造和污染企业退出任务` — `一般` is a word, not a count after 300;
    `1处千亩以上城市森林`-like counts of counts stay descriptions."""
    assert statements(PLAN + "今年北京将完成300家一般制造和污染企业退出任务。") == [
        ("target", ">=", "300", "count")]


def test_a_quote_of_a_targets_own_words_is_a_statement() -> None:
    """Set 35, 36: `目标为“7%以上,力争达到8%”`, `成长目标「5％左右」` quote the target's words —
    their figures are targets; a term in quotes (`“三种气源、10兆帕大环”`) still names."""
    assert statements("西藏预期增长目标最高,为“7%以上,力争达到8%”。\n") == [
        ("target", ">=", "7", "%"), ("target", ">=", "8", "%")]
    assert statements("2026年GDP成长目标为「5％左右」。\n") == [("target", "~=", "5", "%")]
    assert statements(PLAN + "建成“三种气源、八大通道、10兆帕大环”的供气体系。") == []


def test_one_of_two_figures_is_no_description() -> None:
    """Set 35: `都在5%左右或者5%以上` gives two figures; the first describes nothing."""
    assert statements(PLAN + "各区增长目标都在5%左右或者5%以上。") == [
        ("target", "~=", "5", "%"), ("target", ">=", "5", "%")]


def test_a_figure_a_verb_of_setting_fixes_is_a_goal() -> None:
    """Set 35, 36: `各地普遍确定在5%以上`, `多个经济大省定为5.5%左右` in a report of last year's
    results set goals; `增长目标也调低为8%` is the rise set; `稳定在30%左右` still reports."""
    page = ("2024年,四川地区生产总值增长5.7%。各地普遍确定在5%以上,多个经济大省定为5.5%左右。"
            "北京市地区生产总值增长目标也调低为8%。\n")
    assert statements(page) == [("actual", "increase", "5.7", "%"), ("target", ">=", "5", "%"),
                                ("target", "~=", "5.5", "%"), ("target", "increase", "8", "%")]
    assert statements(REPORT + "制造业占全球比重稳定在30%左右。") == [("actual", "~=", "30", "%")]


def test_a_past_span_opening_a_sentence_dates_its_figures() -> None:
    """Set 36: `“十一五”期間,,北京市…年均增長11%以上,,總量超過1.3萬億元` in an undated text of the
    2011 targets — the span opens the sentence (a doubled comma between), so each figure of
    it is a result; the targets after it stay targets."""
    page = ("北京市規劃“十二五”時期地區生產總值年均增長8%。“十一五”期間,,北京市地區生產總值年均"
            "增長11%以上,,總量超過1.3萬億元。2011年的主要目標是:地區生產總值增長8%。\n")
    assert statements(page) == [("target", "increase", "8", "%"), ("actual", ">=", "11", "%"),
                                ("actual", ">", "1.3", "万亿元"), ("target", "increase", "8", "%")]


def test_an_estimate_of_the_year_a_clause_names_is_a_result() -> None:
    """Set 36: `2024年,面对…形势,仍预计全市GDP增长5.2%左右` on a page of 2025-01 — the year the
    clause before names is the one reviewed, so `预计` estimates its result; `2023年,…,今年…预计
    超4500万人次` forecasts this year (`今年` names the period)."""
    page = ("2025年01月14日 18:20\n北京今年地区生产总值增长5%左右。殷表示,2024年,面对外部压力加大"
            "的形势,仍预计全市GDP增长5.2%左右,一般公共预算收入增长3.1%。\n")
    assert statements(page) == [("target", "~=", "5", "%"), ("actual", "~=", "5.2", "%"),
                                ("actual", "increase", "3.1", "%")]
    later = "2024-03-01\n2023年,大兴机场保障旅客3941万人次,今年旅客量预计超4500万人次。\n"
    assert statements(later) == [("actual", "==", "3941", "万人次"),
                                 ("target", ">", "4500", "万人次")]


def test_an_undated_page_reports_on_the_year_before_the_target_it_names() -> None:
    """Set 36: an undated page that `定出2026年全市GDP增長目標「5%左右」` and goes on to the
    15th-FYP indicators reports 2025's figures (`2025年…達人民幣5.2兆元、增長5.4%`) as results;
    `完成2025年目标任务` names no year ahead."""
    page = (DATA / "heldout36" / "beijing-15th-fyp-indicators-2026-udn.txt").read_text("utf-8")
    kinds = {(i.line, i.kind) for i in items_of(page) if i.kind != "other"}
    assert (4, "actual") in kinds and (4, "target") not in kinds
    assert (2, "target") in kinds and (10, "target") in kinds
    done = "全区顺利完成2025年目标任务。\n2025年全区地区生产总值增长5.4%。\n"
    assert statements(done) == [("actual", "increase", "5.4", "%")]


def test_the_present_a_gap_and_a_supposition_are_no_targets() -> None:
    """Sets 35, 36: in a paragraph of targets, `目前,…强度在2%左右` is the present state,
    `还有大约0.5个百分点的提升空间` and `比“十一五”规划的目标低1个百分点` are gaps, and `如 果…
    达到90万亿元,那么…将在2.25万亿元` (a hard wrap's space inside `如果`) supposes."""
    page = (PLAN + "到2020年,力争研发投入强度达到2.5%。目前,我国研发投入的强度在2%左右,这意味着还有"
            "大约0.5个百分点的提升空间。如 果2020年GDP总额达到90万亿元,那么届时的研发投入将在"
            "2.25万亿元。")
    assert statements(page) == [("target", ">=", "2.5", "%"), ("actual", "~=", "2", "%")]
    gap = "北京市规划“十二五”时期地区生产总值年均增长8%,比“十一五”规划的目标低1个百分点。\n"
    assert [s[2:] for s in statements(gap)] == [("8", "%")]


def test_times_are_counted() -> None:
    """Set 34: `开展配租工作不少于2次` counts times (`count`); `二次供水`, `三次产业`, `十一届四次、
    五次全会` use 次 in words and names."""
    assert statements(PLAN + "开展配租工作不少于2次。") == [("target", ">=", "2", "count")]
    assert [s[3] for s in statements(PLAN + "改造二次供水设施100处。")] == ["count"]
    assert statements(PLAN + "按照省委十一届四次、五次全会部署,推动三次产业协调发展。") == []


def test_a_cameras_channels_are_counted() -> None:
    """Set 34: `新建1000路视频监控点位` counts channels; `5路公交` names a bus line."""
    assert statements(PLAN + "新建1000路视频监控点位。开通5路公交。") == [
        ("target", ">=", "1000", "count")]


def test_a_share_of_things_fully_covered_is_the_one_figure() -> None:
    """Set 34: `将在全区70%以上的社区实现菜篮子等八项…功能全覆盖` — `>=` 70 % of the communities;
    the coverage of each is no 100 % item, and `等八项` counts the things named before."""
    shares = PLAN + "将在全区70%以上的社区实现菜篮子等八项基本便民商业服务功能全覆盖。"
    assert statements(shares) == [("target", ">=", "70", "%")]
    assert statements(PLAN + "推动镇街养老照料中心全覆盖。") == [("target", ">=", "100", "%")]
