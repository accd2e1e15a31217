"""石花信用社 客戶投訴處理流程: decisions worked out by hand from the source and the 2026 schedule.

The source (docs/sources/2-shihua-credit-coop.txt) sets two time limits, both in 二、5:
一般投訴 1 個工作日, 復雜投訴 5 個工作日; it does not define the two levels, so the level is
the complaint's input. Everything else (立時 acknowledgement, follow-up visit, filing and
reporting to 上級聯社, thanks) is an action without a period, and there are no penalties.

2026 official schedule used below (State Council notice): New Year Jan 1-3 off, Sun Jan 4
workday; Spring Festival Feb 15-23 off, Sat Feb 14 and Sat Feb 28 workdays; Qingming
Apr 4-6 off; Labour Day May 1-5 off, Sat May 9 workday; Dragon Boat Jun 19-21 off;
Mid-Autumn Sep 25-27 off; National Day Oct 1-7 off, Sun Sep 20 and Sat Oct 10 workdays.
Day 1 is the first working day after the local date of receipt (民法典 Art. 201); a
deadline ends at 23:59:59 local time.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy, ComplaintError
from complaint_rules.decision.model import Decision
from tests.support import ROOT
from tests.support.deciders import decide
from tests.support.local_time import due_on

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

SOURCE = ROOT / "docs" / "sources" / "2-shihua-credit-coop.txt"


@pytest.fixture(scope="module")
def shihua(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("shihua_credit_coop")


def run(policy: CompiledPolicy, **fields: Any) -> Decision:
    return decide(policy, {"channel": "客戶投訴", "category": "客戶投訴", **fields})


# --- what every complaint gets, read from the source ----------------------------------

# 一、: 信用社主任 第一責任人, 大堂經理 充分發揮職能作用; 二、1: 每個員工都有受理的義務;
# 二、5: 負責處理投訴的人員 handles.
ROUTING = {
    ("first_responsible", "director", "一、"),
    ("assists", "lobby_manager", "一、"),
    ("accepts", "any_employee", "二、1"),
    ("handles", "handler", "二、5"),
}

# (id, who, article). No action carries a deadline: none is given in the source.
ACTIONS = [
    ("no_refusal_or_delay", (), "二、1"),
    ("no_commitment_before_clear", (), "二、4"),
    ("may_say_in_progress", (), "二、4"),
    ("acknowledge_receipt", ("handler",), "二、5"),
    ("no_shirking", ("related_staff",), "二、5"),
    ("follow_up_visit", (), "二、6"),
    ("register_and_file", (), "二、7"),
    ("thank_customer", (), "四、1"),
]

# 二、5: 自身難以處理的業務 → 逐級向上級聯社; 超過權限 / 確實無法解決 → 上級相關管理部門.
ESCALATIONS = {
    ("ask_upper_union", "cannot_handle_itself", ("upper_union",), "二、5"),
    ("beyond_authority_report", "beyond_authority", ("upper_management_dept",), "二、5"),
    ("cannot_resolve_report", "cannot_resolve", ("upper_management_dept",), "二、5"),
}

# 二、7: 所有投訴文件 … 上報上級聯社 (once, no time given).
REPORTS = {("report_to_upper_union", ("upper_union",), "once", None, "二、7")}

# 二、7 and 二、6 and 二、5 are silent on time; 二、5 on who the handler is and on levels;
# no article sets a penalty; 二、7 sets no retention term.
GAPS = {
    ("penalty", "二、1"),
    ("deadline", "二、5"),
    ("routing", "二、5"),
    ("level", "二、5"),
    ("deadline", "二、6"),
    ("retention", "二、7"),
    ("deadline", "二、7"),
}


def check_common(decision: Decision) -> None:
    assert {(a.duty, a.role.id, a.source.article) for a in decision.routing} == ROUTING
    assert [
        (a.id, tuple(r.id for r in a.by), a.source.article) for a in decision.actions
    ] == ACTIONS
    assert all(a.deadline is None for a in decision.actions)
    assert {
        (e.id, e.on, tuple(t.id for t in e.to), e.source.article) for e in decision.escalations
    } == ESCALATIONS
    assert {
        (r.id, tuple(t.id for t in r.to), r.frequency, r.due, r.source.article)
        for r in decision.reports
    } == REPORTS
    (keep,) = decision.retention
    assert (keep.id, keep.years, keep.source.article) == ("complaint_files", None, "二、7")
    assert decision.penalties == ()
    assert decision.approvals == ()
    assert decision.pending_rules == ()
    assert {(g.about, g.source.article) for g in decision.gaps} == GAPS


# --- realistic complaints, deadlines counted by hand -----------------------------------


@pytest.mark.parametrize(
    ("received", "level", "deadline_id", "due"),
    [
        # 1. Counter closed early on Wed Sep 30, general (1 wd): Oct 1-7 off;
        #    Thu Oct 8 = 1.
        ("2026-09-30T10:20:00+08:00", "一般投訴", "reply_general", due_on(2026, 10, 8)),
        # 2. Passbook entry does not match the statement, Fri Feb 13, complex (5 wd):
        #    Sat Feb 14 (make-up) = 1; Feb 15-23 off; Tue 24 = 2, Wed 25 = 3, Thu 26 = 4,
        #    Fri 27 = 5.
        ("2026-02-13T16:05:00+08:00", "复杂投诉", "reply_complex", due_on(2026, 2, 27)),
        # 3. Complaint made on the make-up Sat Feb 14 itself, general: Feb 14 is not counted;
        #    Feb 15-23 off; Tue Feb 24 = 1.
        ("2026-02-14T11:00:00+08:00", "general", "reply_general", due_on(2026, 2, 24)),
        # 4. Card swallowed by the ATM on Sun Feb 15 (a holiday), complex: Tue Feb 24 = 1,
        #    25 = 2, 26 = 3, 27 = 4, Sat Feb 28 (make-up) = 5.
        ("2026-02-15T09:30:00+08:00", "complex", "reply_complex", due_on(2026, 2, 28)),
        # 5. Lobby wait on Thu Apr 30 17:40, general: May 1-5 off; Wed May 6 = 1.
        ("2026-04-30T17:40:00+08:00", "一般投诉", "reply_general", due_on(2026, 5, 6)),
        # 6. Loan fee dispute on Thu Apr 30, complex: May 6 = 1, 7 = 2, 8 = 3,
        #    Sat May 9 (make-up) = 4, Mon May 11 = 5.
        ("2026-04-30T09:00:00+08:00", "復雜投訴", "reply_complex", due_on(2026, 5, 11)),
        # 7. Thu Apr 2, complex: Fri Apr 3 = 1; Apr 4-6 off (Qingming);
        #    Tue 7 = 2, Wed 8 = 3, Thu 9 = 4, Fri 10 = 5.
        ("2026-04-02T14:00:00+08:00", "複雜投訴", "reply_complex", due_on(2026, 4, 10)),
        # 8. Thu Jun 18, general: Jun 19-21 off (Dragon Boat); Mon Jun 22 = 1.
        ("2026-06-18T15:00:00+08:00", "一般", "reply_general", due_on(2026, 6, 22)),
        # 9. Wed Sep 23, complex: Thu 24 = 1; Sep 25-27 off (Mid-Autumn); Mon 28 = 2,
        #    Tue 29 = 3, Wed 30 = 4; Oct 1-7 off; Thu Oct 8 = 5.
        ("2026-09-23T10:00:00+08:00", "complex", "reply_complex", due_on(2026, 10, 8)),
        # 10. Sat Sep 19 (a rest day), general: Sun Sep 20 (make-up) = 1.
        ("2026-09-19T10:00:00+08:00", "general", "reply_general", due_on(2026, 9, 20)),
        # 11. Wed Dec 31 2025, general: Jan 1-3 off; Sun Jan 4 2026 (make-up) = 1.
        ("2025-12-31T16:00:00+08:00", "general", "reply_general", due_on(2026, 1, 4)),
        # 12. 2026-09-30T16:30Z is Thu Oct 1 00:30 in Shanghai (a holiday): general,
        #     Thu Oct 8 = 1.
        ("2026-09-30T16:30:00+00:00", "general", "reply_general", due_on(2026, 10, 8)),
        # 13. 2026-02-13T16:30Z is Sat Feb 14 00:30 in Shanghai (make-up day, not counted):
        #     general, Feb 15-23 off, Tue Feb 24 = 1 (not Sat Feb 14 as a Friday receipt).
        ("2026-02-13T16:30:00+00:00", "general", "reply_general", due_on(2026, 2, 24)),
        # 14. Mon Oct 12, complex, no holiday: Tue 13 = 1, 14 = 2, 15 = 3, 16 = 4, Mon 19 = 5.
        ("2026-10-12T08:30:00+08:00", "complex", "reply_complex", due_on(2026, 10, 19)),
    ],
)
def test_complaint_decision(
    shihua: CompiledPolicy, received: str, level: str, deadline_id: str, due: datetime
) -> None:
    decision = run(shihua, received_at=received, level=level)
    check_common(decision)
    assert decision.level is not None
    assert decision.level.how == "input"
    assert decision.level.id == deadline_id.removeprefix("reply_")
    (deadline,) = decision.deadlines
    assert deadline.id == deadline_id
    assert deadline.source.article == "二、5"
    assert deadline.unit == "working_days"
    assert deadline.amount == (1 if deadline_id == "reply_general" else 5)
    assert deadline.amount_min is None and deadline.due_earliest is None
    assert [r.id for r in deadline.by] == ["handler"]
    assert deadline.status == "running"
    assert deadline.due == due
    assert deadline.estimated is False


def test_reply_is_overdue_after_the_last_day(shihua: CompiledPolicy) -> None:
    # General, received Wed Sep 30: due Thu Oct 8 23:59:59 (Oct 1-7 off).
    on_time = decide(
        shihua,
        {"received_at": "2026-09-30T10:20:00+08:00", "channel": "投訴", "category": "投訴"}
        | {"level": "general"},
        at="2026-10-08T23:59:59+08:00",
    )
    late = decide(
        shihua,
        {"received_at": "2026-09-30T10:20:00+08:00", "channel": "投訴", "category": "投訴"}
        | {"level": "general"},
        at="2026-10-09T00:00:00+08:00",
    )
    assert on_time.deadlines[0].overdue_at_decision is False
    assert late.deadlines[0].overdue_at_decision is True


def test_level_is_required_input(shihua: CompiledPolicy) -> None:
    with pytest.raises(ComplaintError) as info:
        run(shihua, received_at="2026-05-06T09:00:00+08:00")
    (problem,) = info.value.problems
    assert problem.path == ("level",)
    assert "general (一般投訴)" in problem.message and "complex (復雜投訴)" in problem.message


def test_an_undefined_level_is_refused(shihua: CompiledPolicy) -> None:
    # The source knows only 一般投訴 and 復雜投訴; there is no 重大投訴.
    with pytest.raises(ComplaintError) as info:
        run(shihua, received_at="2026-05-06T09:00:00+08:00", level="重大投訴")
    assert [p.path for p in info.value.problems] == [("level",)]


def test_level_is_never_classified(shihua: CompiledPolicy) -> None:
    assert shihua.policy.classification is None
    assert shihua.level_input == "required"
    assert [lv.id for lv in shihua.policy.vocabulary.levels] == ["general", "complex"]


def test_acknowledgement_has_no_invented_period(shihua: CompiledPolicy) -> None:
    decision = run(shihua, received_at="2026-05-06T09:00:00+08:00", level="general")
    (ack,) = [a for a in decision.actions if a.id == "acknowledge_receipt"]
    assert ack.deadline is None
    assert ack.note is not None and "立時" in ack.note
    # The only deadline is the 二、5 reply limit; nothing in minutes or hours.
    assert [d.unit for d in decision.deadlines] == ["working_days"]
    assert all(
        d.within is None or d.within.unit == "working_days"
        for r in shihua.policy.rules
        for d in r.deadlines
    )


def test_no_penalties_anywhere(shihua: CompiledPolicy) -> None:
    policy = shihua.policy
    assert all(r.penalties == () for r in policy.rules)
    assert policy.vocabulary.findings == () and policy.vocabulary.sanctions == ()
    assert any("no penalty" in d for d in policy.defects)
    # A finding cannot be reported: the source establishes none.
    with pytest.raises(ComplaintError):
        run(
            shihua,
            received_at="2026-05-06T09:00:00+08:00",
            level="general",
            findings=["推諉"],
        )


def test_escalation_targets_follow_the_source(shihua: CompiledPolicy) -> None:
    decision = run(shihua, received_at="2026-05-06T09:00:00+08:00", level="complex")
    targets = {e.on: [t.label for t in e.to] for e in decision.escalations}
    assert targets == {
        "cannot_handle_itself": ["上級聯社"],
        "beyond_authority": ["上級相關管理部門"],
        "cannot_resolve": ["上級相關管理部門"],
    }
    assert all(e.deadline is None and e.next is None for e in decision.escalations)


def test_labels_as_written_with_simplified_aliases(shihua: CompiledPolicy) -> None:
    assert shihua.levels.find("复杂投诉") is not None
    assert shihua.levels.label("complex") == "復雜投訴"
    assert shihua.roles.label("upper_union") == "上級聯社"
    assert shihua.roles.find("上级联社") is not None
    assert shihua.roles.find("大堂经理") is not None
    assert shihua.events.find("超过权限") is not None
    assert shihua.policy.institution == "石花信用社"


def _items(text: str) -> dict[str, set[str]]:
    """Section numeral -> the item numbers written under it, read from the source text."""
    sections: dict[str, set[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        head = re.match(r"^([一二三四五六七八九十]+)、", line)
        if head:
            current = head.group(1)
            sections[current] = set()
            continue
        item = re.match(r"^(\d+)、", line)
        if item and current is not None:
            sections[current].add(item.group(1))
    return sections


def _cited(article: str, sections: dict[str, set[str]]) -> bool:
    # "二、5" → section 二, item 5; "一、" → section 一; "二、1 (第二款)" → 二、1.
    ref = article.split(" ")[0]
    match = re.fullmatch(r"([一二三四五六七八九十]+)、(\d+)?", ref)
    if match is None:
        return False
    section, item = match.groups()
    if section not in sections:
        return False
    return item is None or item in sections[section]


def test_every_cited_article_is_in_the_source(shihua: CompiledPolicy) -> None:
    sections = _items(SOURCE.read_text(encoding="utf-8"))
    assert sections == {
        "一": set(),
        "二": {"1", "2", "3", "4", "5", "6", "7"},
        "三": {"1", "2"},
        "四": {"1", "2"},
    }
    policy = shihua.policy
    articles = [r.article for r in policy.rules]
    articles += [n.article for n in policy.not_encoded]
    for rule in policy.rules:
        for kind in ("routing", "deadlines", "actions", "escalations", "reports", "retention"):
            articles += [e.article for e in getattr(rule, kind) if e.article is not None]
        articles += [g.article for g in rule.gaps if g.article is not None]
    vocab = policy.vocabulary
    for terms in (vocab.roles, vocab.channels, vocab.categories, vocab.levels, vocab.events):
        articles += [t.article for t in terms if t.article is not None]
    for article in articles:
        assert _cited(article, sections), article
    # The checker itself rejects what is not there.
    assert not _cited("二、8", sections)
    assert not _cited("五、", sections)
    assert not _cited("第五條", sections)


def test_every_item_is_encoded_or_explained(shihua: CompiledPolicy) -> None:
    policy = shihua.policy
    covered = {r.article for r in policy.rules} | {
        n.article.split(" ")[0] for n in policy.not_encoded
    }
    assert covered == {
        "一、",
        "二、1",
        "二、2",
        "二、3",
        "二、4",
        "二、5",
        "二、6",
        "二、7",
        "三、1",
        "三、2",
        "四、1",
        "四、2",
    }


def test_what_the_source_permits_is_discretionary(shihua: CompiledPolicy) -> None:
    # 二、4 可以回復客戶“我們正在積極處理中”; 三、2 如果確實不能達到客戶提出的要求,可以向客戶
    # 做出合理的解釋: permitted (可以), never owed; the rest is required.
    ordinary = run(shihua, received_at="2026-03-09T10:00:00+08:00", level="general")
    permitted = {a.id for a in ordinary.actions if a.discretionary}
    assert permitted == {"may_say_in_progress"}
    unmet = run(
        shihua,
        received_at="2026-03-09T10:00:00+08:00",
        level="general",
        request_cannot_be_met=True,
    )
    (explained,) = [a for a in unmet.actions if a.id == "explain_unmet_request"]
    assert (explained.discretionary, explained.source.article) == (True, "三、2")
    assert "reasonable_explanation" in {m.rule for m in unmet.matched_rules}


def test_the_name_defect_is_recorded(shihua: CompiledPolicy) -> None:
    assert any("@@" in d for d in shihua.policy.defects)
    assert any("一般投訴" in d and "復雜投訴" in d for d in shihua.policy.defects)
