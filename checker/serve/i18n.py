"""Words of the pages in Chinese and English; the field labels come from the suite's schema.

In: a language code (`zh`, `en`) and a key.  Out: the label.  A page shows the
chosen language first and the other one beside the main headings, so an officer
and a foreign applicant read the same page.  Imports nothing of ours.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("zh", "en")
DEFAULT: Final = "zh"

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "office": ("规划审批办公室", "Approvals office"),
    "queue": ("待审队列", "Queue"),
    "new": ("项目申报", "Submit a proposal"),
    "quotas": ("指标配额", "Quotas"),
    "signin": ("登录", "Sign in"),
    "signout": ("退出", "Sign out"),
    "token": ("访问令牌", "Access token"),
    "token_help": ("由管理员用 plancheck token create 生成", "made by an administrator with "
                   "plancheck token create"),
    "signed_in_as": ("当前用户", "Signed in as"),
    "submit": ("提交申报", "Submit"),
    "check_only": ("仅检查", "Check only"),
    "required": ("必填", "required"),
    "verdict": ("审查结论", "Verdict"),
    "proposal": ("项目", "Proposal"),
    "status": ("状态", "Status"),
    "submitted": ("待审", "submitted"),
    "approved": ("已批准", "approved"),
    "rejected": ("已驳回", "rejected"),
    "withdrawn": ("已撤回", "withdrawn"),
    "approve": ("批准", "Approve"),
    "reject": ("驳回", "Refuse"),
    "withdraw": ("撤回", "Withdraw"),
    "reason": ("理由", "Reason"),
    "findings": ("需要关注的结论", "Findings to look at"),
    "passed": ("通过的规则", "Rules that pass"),
    "plan_says": ("规划原文", "The plan says"),
    "observed": ("实际", "observed"),
    "threshold": ("要求", "threshold"),
    "margin": ("差距", "margin"),
    "cap": ("上限", "cap"),
    "used": ("已用", "used"),
    "remaining": ("剩余", "remaining"),
    "share": ("本项目", "this proposal"),
    "after": ("批准后", "after approval"),
    "approved_count": ("已批准项目", "approved projects"),
    "base": ("基期", "baseline"),
    "gauge_note": ("条形表示基期与上限之间的额度:蓝色为已批准,橙色为本项目",
                   "the bar is the room between the baseline and the cap: blue is approved, "
                   "orange this proposal"),
    "history": ("审批记录", "History"),
    "no_findings": ("没有需要关注的结论", "Nothing to look at"),
    "empty_queue": ("没有待审项目", "No proposal is waiting"),
    "errors": ("错误", "errors"),
    "warnings": ("警告", "warnings"),
    "submitter": ("申报人", "submitted by"),
    "when": ("时间", "when"),
    "who": ("操作人", "who"),
    "action": ("操作", "action"),
    "refused": ("批准被拒绝", "Approval refused"),
    "done": ("已完成", "Done"),
    "problems": ("申报内容有误", "The proposal has problems"),
    "no_quota": ("本规则集没有配额规则", "This suite has no quota rules"),
    "plan_data": ("基期数据", "plan data"),
    "as_of": ("截至", "as of"),
    "forbidden": ("无权操作", "Not allowed"),
    "not_found": ("没有这个项目", "No such proposal"),
    "all": ("全部", "all"),
    "open": ("查看", "open"),
    "choose": ("请选择", "choose"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "language": ("English", "中文"),
    "outcome_pass": ("通过", "pass"),
    "outcome_fail": ("不通过", "fail"),
    "outcome_unknown": ("无法判定", "unknown"),
    "outcome_not_applicable": ("不适用", "not applicable"),
    "outcome_pending": ("待定", "pending"),
    "outcome_error": ("无法计算", "error"),
    "kind_binding": ("约束性", "binding"),
    "kind_anticipatory": ("预期性", "anticipatory"),
    "action_submit": ("提交", "submitted"),
    "action_approve": ("批准", "approved"),
    "action_refuse": ("批准被拒", "approval refused"),
    "action_reject": ("驳回", "refused"),
    "action_withdraw": ("撤回", "withdrawn"),
}


def pick(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT


def word(language: str, key: str) -> str:
    """The label of `key` in `language` (the key itself when there is none)."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[LANGUAGES.index(pick(language))]


def other(language: str, key: str) -> str:
    """The same label in the other language (shown small beside headings)."""
    return word("en" if pick(language) == "zh" else "zh", key)
