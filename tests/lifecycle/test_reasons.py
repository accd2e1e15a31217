"""Why a case event was rejected, said in the officer's language: ``status --lang`` says
each reason in Traditional or Simplified Chinese (its ids, instants and labels as they
are) and in English as before; the status JSON keeps the English ``reason`` and adds its
``code`` and ``args``; every reason the lifecycle raises is worded (tests/lifecycle's
``conftest`` checks each one its tests make)."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest

from complaint_rules.errors import Problem
from complaint_rules.lifecycle.case import Case, EventRejected, status
from complaint_rules.lifecycle.status import Rejection
from complaint_rules.messages.catalogue import MESSAGES, problem_text, say
from tests.support import ROOT
from tests.support.cli import run
from tests.support.lifecycle_policy import POLICY, POLICY_TEXT, RECEIVED, at, ev
from tests.support.reasons import check_said

# The test policy, with 'unhold' (resuming the reply clock) naming the role that acted.
NEEDS_BY = POLICY_TEXT.replace(
    "    - {id: checked, after: [replied], sets: {vip: true}}\n",
    "    - {id: checked, after: [replied], sets: {vip: true}}\n"
    "    - {id: unhold, needs_by: true}\n",
)

EVENTS: list[dict[str, Any]] = [
    ev("hold", at(9, 28, 10)),  # 0: before the case was received
    RECEIVED,  # 1
    ev("clossed", at(9, 30, 10)),  # 2: no such event; 'closed' is near
    ev("hold", at(9, 30, 15)),  # 3: accepted, the clock is paused
    ev("unhold", at(9, 30, 9)),  # 4: before the previous event
    ev("unhold", at(10, 8, 9)),  # 5: no 'by'
    ev("extended", at(10, 8, 10)),  # 6: no approving role
    ev("extended", at(10, 8, 11), by="desk"),  # 7: a role without the authority
    ev("checked", at(10, 8, 12)),  # 8: 'replied' must come first
    ev("hold", at(10, 8, 13), by="boss"),  # 9: no such role
    ev("received", at(10, 8, 14), complaint={"channel": "counter", "category": "service"}),
    ev("done", at(10, 8, 15), duty="follow_up"),  # 11: nothing owed yet
    ev("updated", at(10, 8, 16), facts={"vipp": True}),  # 12: no such fact
]

HANT = [
    "第 0 個事件不予採用(hold,2026-09-28T10:00:00+08:00):"
    "案件還沒有收到:第一個事件必須是 'received'(收到投訴)",
    "第 2 個事件不予採用(clossed,2026-09-30T10:00:00+08:00):不認識的事件 'clossed';"
    "可以寫:received, updated, escalated, reminded, done, closed, replied, hold, unhold, "
    "extended, reopened, checked;是不是要寫 'closed'?",
    "第 4 個事件不予採用(unhold,2026-09-30T09:00:00+08:00):次序不對:2026-09-30T09:00:00+08:00 "
    "早於前一個事件(hold,2026-09-30T15:00:00+08:00);事件要按發生先後排列",
    "第 5 個事件不予採用(unhold,2026-10-08T09:00:00+08:00):"
    "'unhold' 必須用 'by' 寫明是哪個角色辦理的",
    "第 6 個事件不予採用(extended,2026-10-08T10:00:00+08:00):"
    "時鐘 'reply' 的延長 'ext_10' 必須用 'by' 寫明批准的角色;可以寫:head",
    "第 7 個事件不予採用(extended,2026-10-08T11:00:00+08:00):"
    "角色 'desk' 無權批准時鐘 'reply' 的延長 'ext_10';有權批准的是:head",
    "第 8 個事件不予採用(checked,2026-10-08T12:00:00+08:00):"
    "'checked' 之前必須先發生以下其中一個事件:replied",
    "第 9 個事件不予採用(hold,2026-10-08T13:00:00+08:00):"
    "by(辦理的角色):不認識的角色 'boss';可以寫:desk (櫃面), head (負責人)",
    "第 10 個事件不予採用(received,2026-10-08T14:00:00+08:00):"
    "案件已於 2026-09-29T10:00:00+08:00 收到,不能再收到一次",
    "第 11 個事件不予採用(done,2026-10-08T15:00:00+08:00):"
    "應辦事項 'follow_up' 在 2026-10-08T15:00:00+08:00 並不是應辦的(目前沒有應辦的事項)",
    "第 12 個事件不予採用(updated,2026-10-08T16:00:00+08:00):"
    "facts.vipp:這份政策沒有這個事實;可以寫:vip",
]

HANS = [
    "第 0 个事件不予采用(hold,2026-09-28T10:00:00+08:00):"
    "案件还没有收到:第一个事件必须是 'received'(收到投诉)",
    "第 2 个事件不予采用(clossed,2026-09-30T10:00:00+08:00):不认识的事件 'clossed';"
    "可以写:received, updated, escalated, reminded, done, closed, replied, hold, unhold, "
    "extended, reopened, checked;是不是要写 'closed'?",
    "第 4 个事件不予采用(unhold,2026-09-30T09:00:00+08:00):次序不对:2026-09-30T09:00:00+08:00 "
    "早于前一个事件(hold,2026-09-30T15:00:00+08:00);事件要按发生先后排列",
    "第 5 个事件不予采用(unhold,2026-10-08T09:00:00+08:00):"
    "'unhold' 必须用 'by' 写明是哪个角色办理的",
    "第 6 个事件不予采用(extended,2026-10-08T10:00:00+08:00):"
    "时钟 'reply' 的延长 'ext_10' 必须用 'by' 写明批准的角色;可以写:head",
    "第 7 个事件不予采用(extended,2026-10-08T11:00:00+08:00):"
    "角色 'desk' 无权批准时钟 'reply' 的延长 'ext_10';有权批准的是:head",
    "第 8 个事件不予采用(checked,2026-10-08T12:00:00+08:00):"
    "'checked' 之前必须先发生以下其中一个事件:replied",
    "第 9 个事件不予采用(hold,2026-10-08T13:00:00+08:00):"
    "by(办理的角色):不认识的角色 'boss';可以写:desk (櫃面), head (負責人)",
    "第 10 个事件不予采用(received,2026-10-08T14:00:00+08:00):"
    "案件已于 2026-09-29T10:00:00+08:00 收到,不能再收到一次",
    "第 11 个事件不予采用(done,2026-10-08T15:00:00+08:00):"
    "应办事项 'follow_up' 在 2026-10-08T15:00:00+08:00 并不是应办的(目前没有应办的事项)",
    "第 12 个事件不予采用(updated,2026-10-08T16:00:00+08:00):"
    "facts.vipp:这份政策没有这个事实;可以写:vip",
]

ENGLISH = [
    "rejected event 0 (hold at 2026-09-28T10:00:00+08:00): "
    "the case has not been received: the first event must be 'received'",
    "rejected event 2 (clossed at 2026-09-30T10:00:00+08:00): unknown event 'clossed'; "
    "allowed: received, updated, escalated, reminded, done, closed, replied, hold, unhold, "
    "extended, reopened, checked; did you mean 'closed'?",
    "rejected event 4 (unhold at 2026-09-30T09:00:00+08:00): out of order: "
    "2026-09-30T09:00:00+08:00 is before the previous event (hold at 2026-09-30T15:00:00+08:00)",
    "rejected event 5 (unhold at 2026-10-08T09:00:00+08:00): "
    "'unhold' must name the role that acted ('by')",
    "rejected event 6 (extended at 2026-10-08T10:00:00+08:00): "
    "extension 'ext_10' of clock 'reply' needs 'by': the approving role; allowed: head",
    "rejected event 7 (extended at 2026-10-08T11:00:00+08:00): "
    "role 'desk' has no authority to approve extension 'ext_10' of clock 'reply'; allowed: head",
    "rejected event 8 (checked at 2026-10-08T12:00:00+08:00): "
    "'checked' needs one of these events first: replied",
    "rejected event 9 (hold at 2026-10-08T13:00:00+08:00): "
    "by: unknown role 'boss'; allowed: desk (櫃面), head (負責人)",
    "rejected event 10 (received at 2026-10-08T14:00:00+08:00): "
    "the case was already received at 2026-09-29T10:00:00+08:00",
    "rejected event 11 (done at 2026-10-08T15:00:00+08:00): "
    "duty 'follow_up' is not owed at 2026-10-08T15:00:00+08:00 (none is owed now)",
    "rejected event 12 (updated at 2026-10-08T16:00:00+08:00): "
    "facts.vipp: not a fact of this policy; allowed: vip",
]


def _files(directory: Path) -> tuple[str, str]:
    policy = directory / "lifecycle_test.yaml"
    policy.write_text(NEEDS_BY, encoding="utf-8")
    case = directory / "case.json"
    case.write_text(json.dumps(EVENTS), encoding="utf-8")
    return str(policy), str(case)


def _rejected(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(("第 ", "rejected event"))]


@pytest.mark.parametrize(("lang", "lines"), [("zh-Hant", HANT), ("zh-Hans", HANS), ("en", ENGLISH)])
def test_status_says_why_each_event_was_rejected_in_the_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, lines: list[str]
) -> None:
    policy, case = _files(tmp_path)
    argv = ["--lang", lang, "status", policy, case, "--at", "2026-10-09T10:00:00+08:00"]
    code, out, err = run(capsys, *argv)
    assert (code, err) == (1, "")
    assert _rejected(out) == lines


def test_the_example_case_says_the_contradiction_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = str(ROOT / "examples" / "cases" / "keyouqianqi_credit_union.json")
    argv = ["status", "keyouqianqi_credit_union", case, "--at", "2026-10-12T10:00:00+08:00"]
    said = {
        lang: _rejected(run(capsys, "--lang", lang, *argv)[1])
        for lang in ("zh-Hant", "zh-Hans", "en")
    }
    assert said == {
        "zh-Hant": [
            "第 3 個事件不予採用(withdrawal_voluntary,2026-10-08T11:00:00+08:00):"
            "'withdrawal_voluntary' 與 2026-10-08T10:00:00+08:00 已發生的 'withdrawal_coerced' "
            "互相矛盾,兩者不能同時成立"
        ],
        "zh-Hans": [
            "第 3 个事件不予采用(withdrawal_voluntary,2026-10-08T11:00:00+08:00):"
            "'withdrawal_voluntary' 与 2026-10-08T10:00:00+08:00 已发生的 'withdrawal_coerced' "
            "互相矛盾,两者不能同时成立"
        ],
        "en": [
            "rejected event 3 (withdrawal_voluntary at 2026-10-08T11:00:00+08:00): "
            "'withdrawal_voluntary' contradicts 'withdrawal_coerced', "
            "which happened at 2026-10-08T10:00:00+08:00"
        ],
    }


def test_the_status_json_keeps_the_english_reason_with_its_code_and_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy, case = _files(tmp_path)
    argv = ["status", policy, case, "--at", "2026-10-09T10:00:00+08:00", "--format", "json"]
    code, out, _ = run(capsys, "--lang", "zh-Hant", *argv)
    assert code == 1
    rejected = {r["index"]: r for r in json.loads(out)["rejected"]}
    assert rejected[7] == {
        "index": 7,
        "event": "extended",
        "at": "2026-10-08T11:00:00+08:00",
        "reason": "role 'desk' has no authority to approve extension 'ext_10' of clock 'reply'; "
        "allowed: head",
        "code": "case.event.extension_no_authority",
        "args": {"role": "'desk'", "id": "'ext_10'", "clock": "'reply'", "allowed": "head"},
    }
    assert rejected[2]["code"] == "case.event.unknown_event"
    assert rejected[2]["args"]["wording"] == "case.event.unknown_event.nearest"
    assert rejected[2]["args"]["nearest"] == "'closed'"
    said = Rejection.model_validate(rejected[2]).said("zh-Hant")
    assert said.startswith("不認識的事件 'clossed';") and HANT[1].endswith("+08:00):" + said)


def _received(complaint: dict[str, Any]) -> dict[str, Any]:
    return {"event": "received", "at": "2026-09-29T10:00:00+08:00", "complaint": complaint}


def test_a_complaint_the_policy_refuses_is_said_with_each_of_its_problems() -> None:
    one = _received({"channel": "phone", "category": "service"})
    three = _received({"channel": "phone", "category": "x", "level": 3})
    (single,) = status(POLICY, [one], at(10, 1)).rejected
    (several,) = status(POLICY, [three], at(10, 1)).rejected
    assert single.reason == (
        "channel: unknown channel; allowed: counter (櫃面投訴); closest: counter (櫃面投訴)"
    )
    assert single.said("zh-Hant") == (
        "投訴內容的 渠道:不認識的渠道;可以寫:counter (櫃面投訴);最接近的是 counter (櫃面投訴)"
    )
    assert several.reason == (
        "channel: unknown channel; allowed: counter (櫃面投訴); closest: counter (櫃面投訴); "
        "category: unknown category; allowed: service (服務); "
        "level: not accepted: this policy has no levels"
    )
    assert several.said("zh-Hans") == (
        "投诉内容的 渠道:不认识的渠道;可以写:counter (櫃面投訴);最接近的是 counter (櫃面投訴);"
        "投诉内容的 类别:不认识的类别;可以写:service (服務);"
        "投诉内容的 级别:不接受这个字段:这份政策没有级别"
    )
    # A Case refuses it the same way: one problem each, said in the language.
    with pytest.raises(EventRejected) as info:
        Case(POLICY, [three])
    assert info.value.reason == several.reason
    assert [p.code for p in info.value.problems] == ["case.event_rejected"] * 3
    assert [problem_text(p, "zh-Hans") for p in info.value.problems] == [
        "投诉内容的 渠道:不认识的渠道;可以写:counter (櫃面投訴);最接近的是 counter (櫃面投訴)",
        "投诉内容的 类别:不认识的类别;可以写:service (服務)",
        "投诉内容的 级别:不接受这个字段:这份政策没有级别",
    ]


def test_a_refused_event_of_a_case_is_said_in_the_language() -> None:
    case = Case(POLICY, [RECEIVED])
    with pytest.raises(EventRejected) as info:
        case.append(ev("unhold", at(9, 30, 9)))
    (problem,) = info.value.problems
    assert problem.message == info.value.reason == "clock 'reply' is not paused"
    assert (problem.code, info.value.code) == ("case.event_rejected", "case.event.not_paused")
    assert problem_text(problem, "zh-Hant") == "時鐘 'reply' 沒有暫停,不能恢復計時"
    assert problem_text(problem, "zh-Hans") == "时钟 'reply' 没有暂停,不能恢复计时"


def test_a_reason_recorded_without_a_code_is_said_as_it_was() -> None:
    # A rejection kept by an earlier release (the durable adapter's state): English.
    old = Rejection.model_validate({"index": 2, "event": "x", "at": None, "reason": "why"})
    assert (old.code, old.args, old.said("zh-Hant")) == (None, {}, "why")


def test_the_check_of_every_reason_finds_one_left_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said = status(POLICY, [RECEIVED, ev("unhold", at(9, 30, 11))], at(10, 1)).rejected[0]
    problem = Problem(said.reason, code=said.code, args=tuple(said.args.items()))
    check_said(problem)  # worded: passes
    with pytest.raises(AssertionError):  # no code: its words cannot be found
        check_said(Problem(said.reason))
    with monkeypatch.context() as patch:
        patch.setitem(MESSAGES["case.event.not_paused"], "zh-Hant", "clock {clock} is not paused")
        with pytest.raises(AssertionError):  # worded in English under zh-Hant
            check_said(problem)


def test_every_reason_a_test_makes_is_recorded(every_reason_said: list[Problem]) -> None:
    status(POLICY, [ev("hold", at(9, 28, 10)), RECEIVED, ev("zzz", at(9, 30))], at(10, 1))
    assert [p.code for p in every_reason_said] == [
        "case.event.not_received",
        "case.event.unknown_event",
    ]


def test_every_extension_limit_is_worded_for_its_unit() -> None:
    units = ("minutes", "hours", "calendar_days", "working_days", "end_of_month")
    for unit in units:
        texts = MESSAGES[f"case.event.extension_past_maximum.{unit}"]
        assert "已達上限" in texts["zh-Hant"] and "已达上限" in texts["zh-Hans"]
        assert texts["en"].startswith("past the maximum: clock {clock} was already extended to ")


@pytest.mark.parametrize("wording", sorted(k for k in MESSAGES if k.startswith("case.event.")))
def test_every_reason_is_worded_in_chinese_whatever_its_values(wording: str) -> None:
    # Each wording, said with stand-in values (an inner message in Chinese, as it is said).
    names = [n for _, n, _, _ in string.Formatter().parse(MESSAGES[wording]["zh-Hant"]) if n]
    args = {n: "內文" if n == "message" else f"'v{i}'" for i, n in enumerate(names)}
    problem = Problem(say(wording, "en", **args), code=wording, args=tuple(args.items()))
    check_said(problem)
