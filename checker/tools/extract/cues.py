"""Cues: the words around a figure that say what it is — data, no logic.

In: nothing.  Out: word lists the phrase lexer and the classifier read: measure
words that count things, unit words outside the suite's unit table, the verbs
and comparison words before a figure (with the operator each one means), the
words that mark a target or a reported value, and the idioms read as numbers
(全覆盖 = 100 %, 清零 = 0).  Imports nothing.  Each list says why it is there;
a list serves one purpose.
"""

from __future__ import annotations

# Measure words of counts (`13个`, `7万套`): the unit is `count` (or `万` with 万).
COUNT_WORDS = ("个", "座", "家", "所", "项", "处", "条", "套", "户", "名", "张", "辆", "件",
               "种", "台", "批", "宗", "株", "棵", "艘", "栋", "幢", "间", "块", "篇", "本",
               "份", "门", "支", "起", "例", "位", "只", "头", "颗", "架", "对", "组", "段",
               "条段", "余户", "场", "部", "片", "次", "路")
# `更新老旧电梯100部`: 部 counts machines, not where it begins a word (`9部门`, `三部委`);
# `开展配租工作不少于2次` counts times, not in `二次元`, `二次供水`, `三次产业`, `一次性`.
# `新建1000路视频监控点位`: 路 counts a camera's channels, elsewhere it names (`5路公交`, `二环路`).
COUNT_ONLY_BEFORE = {"路": ("视频", "监控", "摄像", "高清")}
COUNT_NOT_BEFORE = {"部": "门委分署队长位级件", "片": "区林",
                    "次": "元级序生品贷供方优要全会产性日年能污均创改分、"}
# `举办赛事活动200项(次)`: a measure word with its times in brackets counts events or their
# runs, which no unit of counts says — kept as written, as `万人次` is.
OR_TIMES = ("(次)",)  # (full-width brackets fold to these)
# Unit words the prelude does not declare: kept as written (`万人次`, `亿美元`).
OTHER_UNITS = ("人次", "架次", "辆次", "天次", "岁", "年", "斤", "美元", "欧元", "港元", "千瓦时",
               "度", "兆瓦", "吉瓦", "标准箱", "标箱", "个月", "场次", "课时", "学时")
# Unit words the prelude does not spell, read as the unit they name (`2钟头顺通`: 2 hours).
UNIT_SYNONYMS = {"钟头": "小时", "个钟头": "小时", "个小时": "小时"}  # `各1个小时`: hours
# `七成以上`: tenths, read as percent (70 %); not where 成 begins a word (`三成员`, `五成群`).
TENTHS = "成"
TENTHS_NOT_BEFORE = "员为果效绩就立功本熟长交都型年人材品分份像群片批套家规"
# `达到每天800万立方米`: a quantity per day, written before the number.
PER_DAY = ("每天", "每日")
# `受教育年限12.2年`, `人均预期寿命78岁`: names measured in years — a count of years there is a
# value, not how long something runs.
YEARS_MEASURED = ("年限", "寿命", "年数", "工龄")
# `从签约到投产仅用了10个月`: the spans a piece of work took, no figure of an indicator.
SPANS_TAKEN = ("个月", "月", "年", "天", "日", "小时", "周", "个工作日", "工作日")
# `從30日舉行的…發布會`, `26日召开`: a day of the month, no count of days.
DAY_OF_MONTH_BEFORE = ("从", "於", "于", "在", "自", "截至", "截止", "至")
DAY_OF_MONTH_AFTER = ("举行", "召开", "举办", "开幕", "闭幕", "发布", "公布", "印发", "上午",
                      "下午", "晚", "电", "讯", "起", "向", "宣布", "表示", "介绍", "获悉",
                      "在")  # 部长…26日在北京介绍: the day of the news
# 百兆/千兆/万兆: bandwidth in Mbit/s, as telecom plans write it.
BANDWIDTH_WORD = "兆"
SCALE_WORDS = ("万亿", "万", "亿")

# Comparison and change words right before a figure, longest first within each kind.
# The operator a word means for a target; reported values of level words are `==`.
LEVEL_TARGET = ("达到", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到",
                # `医师数提升为3.2人`: the level reached, not a rise by that much
                "提升为", "提高为", "增加为", "扩大为", "上升为",
                "增长至", "扩大到", "扩大至", "上升到", "上升至", "增至", "升至", "达",
                "实现", "建成", "新建", "净增", "新增", "建设", "完成", "培育", "引进", "打造",
                "形成", "累计", "跨入", "迈入", "进入", "成为", "开通", "推出", "发布", "设置",
                "保障", "服务保障", "承接", "惠及",
                "聚集", "集聚", "签约", "落地", "注册", "入市", "占地", "拥有", "保持",
                "保持在", "稳定在", "稳定", "壮大", "做强", "制定", "开展", "组织", "举办",
                "改造", "支持", "实施", "建立", "加装", "安装", "改建", "改扩建", "扩建", "增设",
                "铺设", "铺装", "敷设", "配备", "大修", "划定", "疏解", "建有", "设有", "办",
                # `增补3万平方米小微绿地`, `更新老旧电梯100部`, `退出500家污染企业`,
                # `加快推进7个家园中心建设`: work a year's tasks set
                "增补", "更新", "退出", "推进", "清退",  # `将清退全部1000家低端企业`
                # a livelihood project's work (`学前教育学位扩增9300个`, `筹集公租房500套`,
                # `挖潜5000个停车位`, `更换70万只智能电表`, `再添31处城市公园`, `新开工15个小区`)
                "扩增", "筹集", "筹建", "提供", "挖潜", "启动", "新开工", "开工", "完工", "竣工",
                "更换", "再添", "新添", "增添", "推动",
                "安排",  # `安排8000亿元超长期特别国债资金`: money put to a use, its amount
                # `创建6-8所优质中职学校`, `开设3000家以上首店`, `推广燃料电池汽车3000辆`
                "创建", "开设", "推广", "出台",  # `出台…26项政策`: policies issued
                *("造林", "种草", "育林", "治理", "搬迁", "修复", "整治", "安置", "植树", "栽植",
                  "拆除", "腾退", "抚育", "管护", "绿化", "增绿"),
                "为", "是", "共", "到")
# A verb that begins a noun (`建成区`, the built-up area): no verb of the figure after it.
NOUNS_OF_VERBS = {"建成": "区"}
# Level words read only right before a figure (`实施60万亩封山育林`, `造林1.76万亩`: work
# to do, at least that much), never from afar (`实施…、144小时过境免签等政策`).
NEAR_ONLY = ("推进", "推动", "安排", "挖潜", "启动", "新开工", "开工", "完工", "竣工", "更换",
             "再添", "新添", "增添", "退出", "实施", "建立", "建有", "设有", "办", "造林", "种草",
             "育林", "治理", "搬迁", "修复", "整治", "安置", "植树", "栽植", "拆除", "腾退",
             "抚育", "管护", "清退", "绿化", "增绿")
# `推进7个家园中心建设`: work to do only before a count in digits; `推进千兆固网接入网络建设`,
# `推进百万亩植树造林` name what is pushed on.
DIGITS_ONLY = ("推进", "推动")
# `提供600个停车位`: work to do only before a count, not before what it offers
# (`提供24小时活力空间`).
COUNTS_ONLY = ("提供", "推广")  # `推广燃料电池汽车3000辆`, not `推广5%低息贷款产品`
# `安排8000亿元…资金`: money put to a use; not `安排21项指标` (the text's own items).
MONEY_ONLY = ("安排",)
# 严守18亿亩耕地红线: a red line kept is a floor; ≥ and ≤ as tables and formulas write them.
# A comparative under a negation (`不应大于`, `不得高于`, `原则上不宜超过`, `均不低于`): not above
# is at most, not below at least — every modal with every comparative, not one phrase.
NEGATIONS = ("不", "不应", "不得", "不宜", "不能", "不可", "不准", "不要", "不会", "不许", "不必",
             "应不", "均不", "须不", "需不", "都不", "并不", "严禁", "禁止")
ABOVE = ("大于", "高于", "超过", "超出", "多于", "高出", "突破", "超")
BELOW = ("低于", "少于", "小于", "低过", "少过")
NOT_ABOVE = tuple(n + c for n in NEGATIONS for c in ABOVE)
NOT_BELOW = tuple(n + c for n in NEGATIONS for c in BELOW if not n.startswith(("严", "禁")))
AT_LEAST = ("不低于", "不少于", "至少有", "至少", "最低", "不小于", "严守", "守住", "坚守", "≥",
            *NOT_BELOW)
AT_MOST = ("控制在", "控制", "不超过", "不超", "不高于", "不多于", "最高", "最多", "控在", "≤",
           *NOT_ABOVE)
# Reaching a lower level: a cap for a target, the value itself for a reported figure.
REACH_DOWN = ("压减到", "压减至", "压缩到", "压缩至", "减少到", "减少至", "降到", "降至", "降低到",
              "降低至", "下降到", "下降至", "减至", "缩小到", "缩小至", "缩减到", "缩减至",
              "减量至", "减量到")  # `城乡建设用地规模减量至65平方公里`
# `经过5年努力`, `通过3年建设`: the way through a span, no comparison (`过` of `过百兆` is one).
NOT_A_BOUND = ("经过", "通过", "度过", "穿过", "路过",
               "起降", "升降")  # `航班起降1700万架次`: take-offs and landings, no fall
MORE_THAN = ("超过", "突破", "大于", "高于", "多于", "超出", "超", "过", "逾", "破")
LESS_THAN = ("低于", "少于", "小于", "不足", "不到")
# `>30`, `<5.5` as tables write them: only right before the number (`首页 > 规划` is a path).
TIGHT_BOUNDS = {">": ">", "<": "<", "＞": ">", "＜": "<"}
# `实现7.1%的高增长`, `支撑了…约6%的增长`: a percentage, then the change it is the rate of.
RATE_AFTER = r"的(?:高|较高|较快|快速|稳定|稳步)?(增长|增幅|下降|降幅)"
ABOUT = ("约为", "约有", "大约", "约", "将近", "接近", "近")  # 约有3.5亿人乘坐…: about so many
INCREASE = ("同比增长", "年均增长", "年均增速", "平均增长", "增长了", "增长", "增速", "增幅",
            "递增", "提高了", "提高", "提升", "增加", "上涨", "上升", "涨幅", "扩大", "增产",
            "跃升", "拓展", "扩展", "增")  # `…园拓展1.7平方公里`: enlarged by so much
REDUCE = ("下降了", "下降", "降低", "减少", "降幅", "压减", "压缩", "再减", "减量", "缩小",
          "递减", "减产", "减", "降")
# `PM2.5浓度…较2020年同期改善24%`: a change for the better — a fall where lower is better.
IMPROVE = ("改善了", "改善")
# Words after the figure that bound it (the grammar's BOUND) and the operator.
BOUNDS = {"以上": ">=", "以下": "<=", "以内": "<=", "之内": "<=", "内": "<=",
          "左右": "~=", "上下": "~="}
PREFIX_BOUNDS = {**dict.fromkeys(AT_LEAST, ">="), **dict.fromkeys(AT_MOST, "<="),
                 **dict.fromkeys(MORE_THAN, ">"), **dict.fromkeys(LESS_THAN, "<"),
                 **dict.fromkeys(ABOUT, "~=")}
# Level words that, for a reported value, still state a bound.

# A figure is a reported value when its clause says so ...
PAST = ("同比", "上年同期", "去年同期", "环比", "已经", "首次", "提前实现", "提前完成",
        "超额完成", "完成了", "实现了", "增长了", "下降了", "初步预计", "初步核算", "初步统计",
        "截至", "截止", "一年来", "五年来", "以来", "今年来", "获悉", "蝉联", "分别增至",
        "圆满完成", "目前",
        # a verb of reaching with 了 (`宋庄聚集了…5000多名画家`): what has come about
        "聚集了", "集聚了", "吸引了", "带动了", "形成了", "建成了", "新增了", "引进了", "培育了",
        "达到了", "拥有了", "累计了")
PAST_AFTER_YI = "建完实达累承聚有超突开成"  # 已建成, 已完成 …: 已 before these reports
# ... and a target when it says this (预计 is a forecast unless the section reviews a year).
FUTURE = ("到20", "到二〇", "力争", "确保", "争取", "努力", "将", "要", "拟", "预计", "计划",
          "目标", "预期", "安排", "力求", "正在", "推动", "推进", "逐步", "实现", "达到",
          "控制在", "不低于", "不超过", "新建")
# Headings that make a section a review (actual) or a plan (target).
REVIEW_HEADINGS = ("回顾", "执行情况", "成就", "成效", "成绩", "进展", "发展基础", "历史起点",
                   "发展环境", "完成情况", "评估", "答卷")
PLAN_HEADINGS = ("目标", "指标", "任务", "安排", "计划", "展望", "远景", "思路", "举措",
                 "重点", "预期")
# Paragraph openings that set a section in the past when its heading says nothing.
PAST_OPENINGS = ("十三五”时期", "十三五时期", "十三五”期间", "十三五期间", "过去五年", "五年来",
                 "一年来", "过去一年", "回顾")

# Idioms that state a number without digits.
FULL_COVERAGE = ("全覆盖",)
# `服务管理全覆盖体系`: 全覆盖 naming a kind of system states no coverage.
COVERAGE_NOUNS = ("体系", "格局", "机制", "模式", "网络", "工程", "行动")
CLEARED = ("动态清零", "清零")
ZERO_VERBS = ("填埋", "排放", "事故", "死亡", "伤亡", "污染", "发生", "增长", "新增", "感染")
REFERENCES = ("达到市级要求", "完成市级任务", "达到国家要求", "完成国家任务", "完成市级下达任务",
              "达到市级标准", "完成市下达任务", "达到上级要求", "完成上级下达任务")
TREND_RISE = ("持续提高", "持续提升", "持续增加", "持续增长", "进一步提高", "进一步提升",
              "稳步提高", "稳步提升", "稳步增长", "不断提高", "不断提升", "逐步提高",
              "保持上升趋势", "保持增长趋势", "持续稳定增长", "稳定增长")
TREND_FALL = ("持续下降", "持续降低", "持续减少", "进一步下降", "进一步降低", "进一步减少",
              "稳步下降", "逐步下降", "逐步降低", "不断下降", "保持下降趋势", "继续下降")
TREND_IMPROVE = ("持续改善", "进一步改善", "稳步改善", "明显改善", "不断改善")
LOWER_IS_BETTER = ("浓度", "天数", "排放", "能耗", "水耗", "失业率", "死亡率", "事故", "降尘量")
SYNC = ("基本同步", "同步")
# Names of things that are measured: a trend is drafted only about one of these.
MEASURED = ("率", "浓度", "量", "数", "面积", "规模", "收入", "总值", "比重", "强度", "占比",
            "天数", "指数", "质量", "产值", "投资", "总额", "密度", "寿命")
MILESTONE_VERBS = ("创建", "建成", "完成", "实现", "开通", "投运", "通车", "封关", "挂牌",
                   "获批", "投入使用", "全面建成")

# Words right after a figure that are a verb of it (`19分钟直达`, `100%覆盖`), not a noun.
AFTER_VERBS = ("覆盖(?![率面范])", "直达", "到达", "通达", "顺通", "畅达", "抵达", "可达",
               "上(?=高速|国道|普通国道|国家高速|省道|快速路)",  # `15分钟上普通国道`
               "建成", "开工", "竣工",
               "无害化", "达标(?!率)",  # `生活垃圾100%无害化处理`, `100%达标`: the rate of it
               "投产", "投用", "投运",
               "落地", "签约", "脱贫", "脱低", "入住", "完成", "实现", "开园", "开放", "退出",
               "搬迁", "腾退", "下沉", "改造", "整治", "如期", "摘帽", "的目标",
               "安排", "支持",  # `拟按3%安排`, `3000亿元支持消费品以旧换新`: money put to a use
               # `世界500强企业数量57家居全国首位`: a rank the figure holds (no `家居`)
               "居(?=全国|全市|全省|全区|全球|世界|前列|首位|第|榜首)")
# Verbs that report what happened to the things counted (`22个公园建成开园`).
COUNT_VERBS = ("建成", "开园", "实现", "完成", "脱贫", "脱低", "摘帽", "落地", "投用", "投运",
               "开工", "签约", "入住", "退出", "搬迁", "腾退", "下沉", "率先", "获", "实施",
               "认定", "办结", "入选", "开展", "达标", "达到", "进入", "跻身",
               # `22座污水处理厂全部升级为再生水厂`, `42个重点镇均建有…`: what becomes of them all
               "全部(?=[\u4e00-\u9fff])", "(?<![人年平])均(?=[建有为达实完使])", "升级为",
               # `162家医疗机构开设心理门诊`, `200余家社区卫生服务中心提供体重管理服务`: what so
               # many places offer
               "开设", "提供", "设立")
# What opens a predicate after a subject that a count or an extent opens (`79处自然保护地串联成…`,
# `558处城市自然带为野生动物提供…`, `258个项目动工`): the adverbs that stand between a subject
# and its verb, and the verbs of what things come to be or do (what the things counted do).
PREDICATE_ADVERBS = ("则", "已", "已经", "相继", "陆续", "先后", "正在", "继续", "同时", "共同",
                     "率先", "分别", "顺利", "全面")
# `22座污水处理厂全部升级为…`, `42个重点镇均建有…`: adverbs that say all of the things counted do
# it — the count is the whole, exact, where a target's count of things that act is a floor.
# (`全面` says how fully each does it, `21个市全面达标`: a manner, no quantifier of the count.)
ALL_OF_THEM = ("全部", "均", "都")
PREDICATE_VERBS = ("为", "形成", "串联", "连成", "连通", "连接", "构成", "组成", "成为", "动工",
                   "开工", "投产", "投试产", "试产", "落成", "建成", "开园", "开放", "提供", "签订",
                   "签约", "落户", "入驻", "入园", "通过", "纳入", "覆盖", "承担", "服务")
# Words right after a figure that make it part of a name (`8号线`, `二期`, `5G`).
NAME_SUFFIXES = ("国道", "省道", "号线", "号楼", "号院", "号", "期", "届", "次会议", "中全会",
                 "周年", "强", "星级", "代", "类", "型", "环", "横", "纵", "线", "路", "批次",
                 "版", "升级版", "千伏")
# Leading words of a clause that are not part of an indicator's name.
NAME_PREFIXES = ("确保", "力争", "争取", "努力", "推动", "推进", "实现", "全力", "力求", "其中",
                 "同时", "此外", "全年", "初步预计", "初步核算", "预计", "目前", "基本", "使",
                 "将", "要", "并", "和", "及", "全区", "全市", "我区", "本区", "全国", "我国",
                 "今年", "去年", "上年", "当年", "截至", "以及", "进一步", "持续", "逐步",
                 "认真落实", "落实", "深入", "加快", "积极", "大力", "提出", "显示", "指出",
                 "明确", "要求",
                 "——", "──", "-", "◆", "●", "•", "、", "是", "等")
SCOPE_PREFIXES = ("全区", "全市", "我区", "本区", "全国", "我国", "全省", "全县")
