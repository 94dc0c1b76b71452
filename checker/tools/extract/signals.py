"""Signals: the features of a figure that the learned decision (`decide`) weighs.

In: a figure's sentence (`Ctx`), its context (`Around`), the kind the rules gave it and
whether the statement's own words decided that (`when.judge`).  Out: plain strings — the
rules' verdict and its basis, the document's, section's and paragraph's kind, character
1-3-grams of the clause before and after the figure, cue words of the sentence and of the
clause, how the years it names stand to the document's, whether it opens a list item.
Imports only `context`.
"""

from __future__ import annotations

import re

from checker.tools.extract.context import Around, Ctx

BEFORE = 16  # characters of the clause before the figure read as n-grams
AFTER = 10
# Words of plan and report the rules know; each present in the sentence is a feature.
CUES = ("力争", "确保", "预计", "完成", "同比", "比上年", "累计", "将", "要", "实现", "达到",
        "目标", "规划", "计划", "已", "了", "今年", "全年", "去年", "上年", "年均", "以上",
        "以内", "左右", "控制在", "不低于", "不超过", "增长", "下降", "提高到", "新建", "建成",
        "预期", "期末", "五年来", "截至", "同期", "比重", "争取", "到", "共", "为", "达",
        "新增", "万元", "个百分点", "启动", "开工", "投资", "基本", "全面", "持续", "进一步")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_LIST_MARK = re.compile(r"\s*(?:——|—|[-●•■◆▲]|\(?[一二三四五六七八九十\d]{1,2}[)）.、])")


def features(ctx: Ctx, near: Around, start: int, end: int, kind: str,
             decisive: bool) -> list[str]:
    """The features of the figure `ctx.text[start:end]` the rules read as `kind`."""
    text, document = ctx.text, ctx.document
    basis = "own" if decisive else "default"
    out = [f"rule={kind}", f"rule={kind}|{basis}", f"doc={document.kind}",
           f"mode={ctx.sentence.mode}", f"lean={ctx.lean}", f"follows={near.follows}",
           f"level={near.level}", f"change={near.change}", f"bound={near.bound_word}",
           f"doc={document.kind}|rule={kind}"]
    left = text[max(near.clause_start, start - BEFORE):start]
    right = text[end:min(near.clause_end, end + AFTER)]
    for n in (1, 2, 3):
        out += [f"b{n}:{left[i:i + n]}" for i in range(len(left) - n + 1)]
        out += [f"a{n}:{right[i:i + n]}" for i in range(len(right) - n + 1)]
    out += [f"cue:{w}" for w in CUES if w in text]
    out += [f"clause:{w}" for w in CUES if w in text[near.clause_start:near.clause_end]]
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        out.append("year=none")
    for year, name in ((document.year, "written"), (document.reviewed, "reviewed")):
        if year is None:
            out.append(f"{name}=none")
            continue
        for y in set(years):
            out.append(f"year{'>' if y > year else '=' if y == year else '<'}{name}")
    if _LIST_MARK.match(text):
        out.append("listed")
    out.append(f"at={min(3, 4 * start // max(len(text), 1))}")
    return out
