"""XX銀行消費者投訴處理管理辦法(暫行): decisions worked out by hand from the source.

The source sets no reply time limit, so the only dated requirement is 第十條's monthly
summary, due 月底前: the last day of the month of receipt, at 23:59:59 local time. It is a
calendar date, not a period counted in working days, so the 2026 schedule (New Year Jan 1-3
off, Sun Jan 4 workday; Spring Festival Feb 15-23 off, Sat Feb 14 and Sat Feb 28 workdays;
Qingming Apr 4-6 off; Labour Day May 1-5 off, Sat May 9 workday; Dragon Boat Jun 19-21 off;
Mid-Autumn Sep 25-27 off; National Day Oct 1-7 off, Sun Sep 20 and Sat Oct 10 workdays)
never moves it: a month that ends on a rest day still ends on that day.

The source has two articles numbered 第十一條; the policy cites them as 第十一條(通報) and
第十一條(處罰), with the item number after the bracket.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy
from complaint_rules.decision.model import DecidedPenalty, Decision
from tests.support import ROOT
from tests.support.deciders import decide
from tests.support.local_time import due_on

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

SOURCE = ROOT / "docs" / "sources" / "1-xx-bank.txt"
MISSING = "第二章(第七條至第九條)"


@pytest.fixture(scope="module")
def xx(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("xx_bank")


def run(policy: CompiledPolicy, **fields: Any) -> Decision:
    complaint: dict[str, Any] = {
        "received_at": "2026-03-09T10:00:00+08:00",  # Mon Mar 9 2026, an ordinary workday
        "channel": "consumer_complaint",
        "category": "service_attitude",
    }
    complaint.update(fields)
    return decide(policy, complaint)


def penalty(decision: Decision, penalty_id: str) -> DecidedPenalty:
    (found,) = [p for p in decision.penalties if p.id == penalty_id]
    return found


def ids(named: Any) -> list[str]:
    return [n.id for n in named]


# --- 第十條: the monthly summary --------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Sat Feb 28 (a make-up workday) is the last day of February 2026: due that night.
        ("2026-02-28T09:20:00+08:00", due_on(2026, 2, 28)),
        # Sat Feb 14 (make-up workday before Spring Festival, Feb 15-23 off): the holiday
        # does not matter, February ends Sat Feb 28.
        ("2026-02-14T10:00:00+08:00", due_on(2026, 2, 28)),
        # Thu Jan 1 (New Year holiday): January ends Sat Jan 31, a rest day, not moved.
        ("2026-01-01T09:00:00+08:00", due_on(2026, 1, 31)),
        # Thu Oct 1 00:30 (National Day): October ends Sat Oct 31, a rest day, not moved.
        ("2026-10-01T00:30:00+08:00", due_on(2026, 10, 31)),
        # 2026-09-30T16:30Z is Thu Oct 1 00:30 in Shanghai: the local month is October.
        ("2026-09-30T16:30:00+00:00", due_on(2026, 10, 31)),
        # 2026-09-30T15:59Z is Wed Sep 30 23:59 in Shanghai: still September, due Sep 30.
        ("2026-09-30T15:59:00+00:00", due_on(2026, 9, 30)),
        # Fri Jun 19 (Dragon Boat, Jun 19-21 off): June ends Tue Jun 30.
        ("2026-06-19T11:00:00+08:00", due_on(2026, 6, 30)),
        # Sun May 31 late in the evening: the summary is due within the hour.
        ("2026-05-31T23:00:00+08:00", due_on(2026, 5, 31)),
        # Thu Dec 31: the year's last summary is due that night.
        ("2026-12-31T08:00:00+08:00", due_on(2026, 12, 31)),
    ],
)
def test_monthly_summary_is_due_by_the_end_of_the_month(
    xx: CompiledPolicy, received: str, due: datetime
) -> None:
    decision = run(xx, received_at=received)
    (summary,) = [r for r in decision.reports if r.id == "monthly_summary_to_discipline"]
    assert summary.due == due
    assert ids(summary.by) == ["unit_accountants"]
    assert ids(summary.to) == ["discipline_dept"]
    assert summary.frequency == "monthly"
    assert summary.source.article == "第十條"


def test_summary_goes_on_to_the_leaders_and_the_whole_bank(xx: CompiledPolicy) -> None:
    decision = run(xx)
    reports = {r.id: r for r in decision.reports}
    onward = reports["summary_to_leaders"]
    # 第十條 writes 經檢監察部: a typo for 紀檢監察部, which reports on.
    assert ids(onward.by) == ["discipline_dept"]
    assert ids(onward.to) == ["main_leaders", "leaders_in_charge"]
    assert onward.due is None
    notice = reports["bank_wide_notification"]
    assert ids(notice.to) == ["whole_bank"] and notice.frequency == "periodic"
    assert notice.due is None
    assert xx.roles.find("經檢監察部") is xx.roles.find("紀檢監察部")
    assert xx.roles.find("经检监察部") is xx.roles.find("discipline_dept")


def test_a_2027_complaint_needs_no_published_schedule(xx: CompiledPolicy) -> None:
    # Nothing is counted in working days: Mon Mar 15 2027 -> March ends Wed Mar 31,
    # with no estimate and no UnpublishedCalendarError.
    decision = run(xx, received_at="2027-03-15T09:00:00+08:00")
    assert decision.deadlines == ()
    (summary,) = [r for r in decision.reports if r.id == "monthly_summary_to_discipline"]
    assert summary.due == due_on(2027, 3, 31)


# --- routing, no time limit, record contents, retention ---------------------------------


def test_a_plain_complaint_is_routed_and_has_no_reply_limit(xx: CompiledPolicy) -> None:
    # A consumer questions a wealth product's fees (金融產品); nothing established yet.
    decision = run(xx, channel="信訪投訴", category="金融产品")
    duties = {(a.duty, a.role.id, a.source.article) for a in decision.routing}
    assert duties == {
        ("accepts", "comprehensive_mgmt_dept", "第四條"),
        ("handles", "discipline_dept", "第五條"),
        ("handles", "related_depts", "第五條"),
        ("handles", "sub_branches", "第五條"),
        ("handles", "sub_offices", "第五條"),
        ("first_responsible", "unit_heads", "第六條"),
    }
    actions = {a.id for a in decision.actions}
    assert {"register_case", "endorse_case", "forward_case"} <= actions
    assert "hand_over" not in actions
    # No national limit is taken into this policy: the source sets none.
    assert decision.deadlines == ()
    gaps = {(g.about, g.source.article) for g in decision.gaps}
    assert ("deadline", "第二條") in gaps
    assert ("routing", "第五條") in gaps
    assert decision.penalties == () and decision.pending_rules == ()
    assert not [a for a in decision.actions if a.id.startswith("notify_")]


def test_a_complaint_taken_by_another_unit_is_handed_over(xx: CompiledPolicy) -> None:
    # A 支行 teller takes a complaint at the counter: 第四條 makes the unit hand it over.
    decision = run(xx, received_by_other_unit=True)
    (hand_over,) = [a for a in decision.actions if a.id == "hand_over"]
    assert ids(hand_over.by) == ["other_units"]
    assert hand_over.source.article == "第四條"
    assert ("routing", "第四條") in {(g.about, g.source.article) for g in decision.gaps}


def test_record_contents_fragment_and_retention(xx: CompiledPolicy) -> None:
    decision = run(xx)
    (record,) = [a for a in decision.actions if a.id == "record_contents"]
    assert record.source.article == "四、內容包括"
    assert record.by == ()
    (keep,) = decision.retention
    assert (keep.years, keep.at_least) == (5, True)
    assert ids(keep.keeper) == ["discipline_dept"]
    assert keep.source.article == "第十五條"
    # Counted from 歸檔, which the complaint does not give yet.
    assert (keep.counted_from, keep.kept_until, keep.waiting_for) == (
        "archived_at",
        None,
        ("archived_at",),
    )


@pytest.mark.parametrize(
    ("archived_at", "kept_until"),
    [
        # 第十五條 期限不少于5年 from 歸檔 on Mon Oct 12 2026: at least until Sun Oct 12 2031.
        ("2026-10-12T15:00:00+08:00", date(2031, 10, 12)),
        # Filed on Feb 29 2028: 2033 has no Feb 29, so the month's last day, Feb 28 (民法典
        # 第二百零二條).
        ("2028-02-29T10:00:00+08:00", date(2033, 2, 28)),
        # Mar 31 2026, a 31-day month: Mar 31 2031.
        ("2026-03-31T23:30:00+08:00", date(2031, 3, 31)),
        # 2026-01-31T16:30Z is Sun Feb 1 00:30 in Shanghai: the local date counts.
        ("2026-01-31T16:30:00Z", date(2031, 2, 1)),
    ],
)
def test_retention_is_kept_until_the_same_day_five_years_after_archiving(
    xx: CompiledPolicy, archived_at: str, kept_until: date
) -> None:
    (keep,) = run(xx, archived_at=archived_at).retention
    assert (keep.kept_until, keep.waiting_for) == (kept_until, ())


# --- 第十一條(處罰) ------------------------------------------------------------------


def test_late_opening_twice_fines_the_head_and_each_back_office_clerk(xx: CompiledPolicy) -> None:
    # A 分理處 opened late on two mornings; verified by the handling department.
    decision = run(
        xx,
        category="服務效率",
        findings=[
            {"finding": "不按时开门营业", "count": 2, "roles": ["單位負責人", "內勤業務人員"]}
        ],
    )
    head = penalty(decision, "late_opening_unit_head")
    assert ids(head.subjects) == ["unit_head"]
    assert (head.kind, head.per, head.occurrences) == ("fine", "occurrence", 2)
    assert (head.min_yuan, head.max_yuan) == (Decimal(100), Decimal(100))
    assert (head.total_min_yuan, head.total_max_yuan) == (Decimal(200), Decimal(200))
    clerks = penalty(decision, "late_opening_back_office")
    assert ids(clerks.subjects) == ["back_office_staff"]
    # 各100元: 100 yuan for each clerk per occurrence. How many clerks the host has not
    # said: the amount stands, the total waits for the headcount.
    assert (clerks.min_yuan, clerks.max_yuan) == (Decimal(100), Decimal(100))
    assert (clerks.total_min_yuan, clerks.total_max_yuan) == (None, None)
    assert (clerks.headcount, clerks.waiting_for) == (None, ("back_office_staff_count",))
    assert head.source.article == clerks.source.article == "第十一條(處罰)一"
    # 第十四條: the fines may (可) be deducted from wages and go to the 罰沒款 account.
    fines = {a.id: a for a in decision.actions if a.source.article == "第十四條"}
    assert set(fines) == {"deduct_fine_from_wages", "fines_special_account"}
    assert fines["deduct_fine_from_wages"].discretionary
    assert not fines["fines_special_account"].discretionary
    assert ids(fines["fines_special_account"].by) == ["finance_dept"]
    # 第十三條: 評優評先 may be withdrawn 根據情況 — not said yet, so conditional.
    honours = penalty(decision, "honours_late_opening")
    assert ids(honours.subjects) == ["unit", "responsible_person"]
    assert honours.min_yuan is None and honours.source.article == "第十三條"
    assert [(s.id, s.status) for s in honours.sanctions] == [
        ("honours_disqualification", "conditional")
    ]
    assert ("investigates", "handling_dept") in {(a.duty, a.role.id) for a in decision.routing}


@pytest.mark.parametrize(
    ("clerks", "total"),
    [
        (3, 600),  # 100 yuan × 2 mornings × 3 clerks
        (1, 200),  # 100 × 2 × 1: the head's own total
        (0, 0),  # a branch with no back office: nobody to fine
    ],
)
def test_each_back_office_clerk_is_fined_100_per_occurrence(
    xx: CompiledPolicy, clerks: int, total: int
) -> None:
    decision = run(
        xx,
        findings=[{"finding": "late_opening", "count": 2}],
        back_office_staff_count=clerks,
    )
    fine = penalty(decision, "late_opening_back_office")
    assert (fine.headcount, fine.waiting_for) == (clerks, ())
    assert (fine.min_yuan, fine.max_yuan) == (Decimal(100), Decimal(100))
    assert (fine.total_min_yuan, fine.total_max_yuan) == (Decimal(total), Decimal(total))
    # The unit head's fine is one person's: 100 × 2, whatever the headcount.
    head = penalty(decision, "late_opening_unit_head")
    assert (head.headcount, head.total_max_yuan) == (None, Decimal(200))


@pytest.mark.parametrize(
    ("finding", "penalty_id", "article"),
    [
        ("違規操作", "legal_violation_deduction", "第十一條(處罰)二"),
        ("顶撞消费者", "poor_attitude_deduction", "第十一條(處罰)三"),
        ("服務質量差", "poor_quality_loss_deduction", "第十一條(處罰)四"),
        ("泄露消費者信息", "information_leak_deduction", "第十一條(處罰)五"),
    ],
)
def test_teller_misconduct_deducts_200_to_2000_from_performance_pay(
    xx: CompiledPolicy, finding: str, penalty_id: str, article: str
) -> None:
    decision = run(xx, findings=[{"finding": finding, "roles": ["營業人員"]}])
    deduction = penalty(decision, penalty_id)
    assert deduction.kind == "pay_deduction" and deduction.per == "occurrence"
    assert ids(deduction.subjects) == ["responsible_person"]
    assert ids(deduction.roles_involved) == ["business_staff"]
    assert (deduction.min_yuan, deduction.max_yuan) == (Decimal(200), Decimal(2000))
    assert deduction.sanctions == ()
    assert deduction.source.article == article
    # Not a 罰金 in 元: 第十四條's wage deduction and special account do not apply.
    assert not [a for a in decision.actions if a.source.article == "第十四條"]


def test_information_leaked_three_times(xx: CompiledPolicy) -> None:
    # Three verified leaks of a depositor's balance: 3 x 200-2000 = 600-6000 yuan.
    decision = run(xx, findings=[{"finding": "information_leak", "count": 3}])
    leak = penalty(decision, "information_leak_deduction")
    assert (leak.total_min_yuan, leak.total_max_yuan) == (Decimal(600), Decimal(6000))


def test_credit_officer_taking_gifts_sanctions_wait_for_the_host(xx: CompiledPolicy) -> None:
    # A loan officer accepted gifts from a borrower; seriousness not yet assessed.
    decision = run(
        xx,
        channel="信访投诉",
        category="信贷管理",
        findings=[{"finding": "吃拿卡要", "roles": ["信貸人員"]}],
    )
    misconduct = penalty(decision, "credit_misconduct_deduction")
    assert misconduct.source.article == "第十一條(處罰)六"
    assert misconduct.kind == "pay_deduction"
    assert (misconduct.min_yuan, misconduct.max_yuan) == (Decimal(200), Decimal(20000))
    assert [(s.id, s.status) for s in misconduct.sanctions] == [
        ("party_government_discipline", "conditional"),
        ("termination", "conditional"),
        ("judicial_referral", "conditional"),
    ]
    # The conditions are on sanctions, not on the rule: nothing is pending.
    assert decision.pending_rules == ()


def test_credit_officer_serious_but_not_unlawful(xx: CompiledPolicy) -> None:
    decision = run(
        xx,
        category="信貸管理",
        findings=["credit_misconduct"],
        serious_circumstances=True,
        unlawful_facts=False,
    )
    misconduct = penalty(decision, "credit_misconduct_deduction")
    assert [(s.id, s.status) for s in misconduct.sanctions] == [
        ("party_government_discipline", "applies"),
        ("termination", "applies"),
        ("judicial_referral", "not_applicable"),
    ]


def test_impersonated_loan_compensation_and_dismissal(xx: CompiledPolicy) -> None:
    # A loan was issued in a customer's name without her knowledge.
    decision = run(
        xx,
        category="credit_management",
        findings=[{"finding": "冒名贷款", "roles": ["信貸人員"]}],
        disqualification_warranted=True,
    )
    culprit = penalty(decision, "impersonated_loan_responsible")
    assert culprit.kind == "compensation"
    # The amount is the loan's full principal and interest, a fact of the case the host
    # has not given yet: no figure, and the decision says what it waits for.
    assert culprit.min_yuan is None and culprit.max_yuan is None and culprit.configured
    assert culprit.waiting_for == ("impersonated_loan_principal_interest_yuan",)
    assert ids(culprit.subjects) == ["responsible_person"]
    assert [(s.id, s.status) for s in culprit.sanctions] == [("expulsion", "applies")]
    others = penalty(decision, "impersonated_loan_supervisors")
    assert ids(others.subjects) == ["outlet_head", "delegated_accountant"]
    assert [(s.id, s.status) for s in others.sanctions] == [("disciplinary_action", "applies")]
    assert culprit.source.article == others.source.article == "第十一條(處罰)七"
    honours = penalty(decision, "honours_impersonated_loan")
    assert [(s.id, s.status) for s in honours.sanctions] == [
        ("honours_disqualification", "applies")
    ]


def test_impersonated_loan_compensation_is_the_loans_principal_and_interest(
    xx: CompiledPolicy,
) -> None:
    # A 50,000 yuan loan in a customer's name, with 1,837.50 yuan of interest accrued: the
    # responsible person compensates 51,837.50 yuan, once (per case), as the host gives it.
    decision = run(
        xx,
        findings=["冒名貸款"],
        impersonated_loan_principal_interest_yuan="51837.50",
    )
    culprit = penalty(decision, "impersonated_loan_responsible")
    assert (culprit.per, culprit.waiting_for) == ("case", ())
    assert (culprit.min_yuan, culprit.max_yuan) == (Decimal("51837.50"), Decimal("51837.50"))
    assert culprit.total_min_yuan == culprit.total_max_yuan == Decimal("51837.50")
    assert str(culprit.total_max_yuan) == "51837.50"  # as the host wrote it


# --- 第十二條 ------------------------------------------------------------------------


def test_neglected_handling_order_fines_200(xx: CompiledPolicy) -> None:
    # The 綜合管理部's 投訴處理單 lay unanswered at a 支行 and the customer went to the press.
    decision = run(xx, findings=[{"finding": "投訴處理單不及時處理", "roles": ["督辦人"]}])
    fine = penalty(decision, "handling_order_fine")
    assert ids(fine.subjects) == ["handling_staff"]
    assert (fine.kind, fine.per) == ("fine", "occurrence")
    assert (fine.min_yuan, fine.max_yuan) == (Decimal(200), Decimal(200))
    assert fine.source.article == "第十二條"
    assert {a.id for a in decision.actions if a.source.article == "第十四條"} == {
        "deduct_fine_from_wages",
        "fines_special_account",
    }
    assert ("deadline", "第十二條") in {(g.about, g.source.article) for g in decision.gaps}
    # 第十二條 is not one of the second 第十一條's items: no 經處理部門核實 routing from it.
    assert "penalty_verification" not in {m.rule for m in decision.matched_rules}


# --- 第十一條(通報) ------------------------------------------------------------------


def test_escalation_to_the_regulator_and_overdue_reply_are_notified(xx: CompiledPolicy) -> None:
    # The customer, never called back, took the complaint to the city regulator.
    decision = run(
        xx,
        received_at="2026-10-03T10:00:00+08:00",
        findings=["被投诉至省、市有关部门和监管部门", "超時未回復"],
    )
    notices = {a.id: a.source.article for a in decision.actions if a.id.startswith("notify_")}
    assert notices == {
        "notify_overdue": "第十一條(通報)二",
        "notify_escalated": "第十一條(通報)三",
    }
    gaps = {(g.about, g.source.article) for g in decision.gaps}
    assert ("deadline", "第十一條(通報)二") in gaps
    assert ("routing", "第十一條(通報)") in gaps
    # 通報 is not a penalty: no 第十一條(處罰) item is established.
    assert decision.penalties == ()
    (summary,) = [r for r in decision.reports if r.id == "monthly_summary_to_discipline"]
    assert summary.due == due_on(2026, 10, 31)  # Sat Oct 3 (holiday) -> October ends Sat 31


def test_the_bank_may_order_a_notification(xx: CompiledPolicy) -> None:
    decision = run(xx, bank_deems_notification=True)
    notices = {a.id: a.source.article for a in decision.actions if a.id.startswith("notify_")}
    assert notices == {"notify_bank_deems": "第十一條(通報)四"}
    wide = run(xx, findings=["問題集中"])
    notices = {a.id: a.source.article for a in wide.actions if a.id.startswith("notify_")}
    assert notices == {"notify_widespread": "第十一條(通報)一"}


# --- the policy against its source ------------------------------------------------------

_HEAD = re.compile(r"(第[一二三四五六七八九十]+條) ")
_ITEM = re.compile(r"^(第[一二三四五六七八九十]+條)([一二三四五六七八九十]*)$")


def _sections(text: str) -> list[tuple[str, str]]:
    heads = list(_HEAD.finditer(text))
    ends = [m.start() for m in heads[1:]] + [len(text)]
    return [(m.group(1), text[m.end() : end]) for m, end in zip(heads, ends, strict=True)]


def cited_in_source(article: str, text: str) -> None:
    """Assert that ``article`` (as the policy cites it) names a place in the source."""
    token = article.split(" ")[0]
    if token == MISSING:
        for name in ("第二章", "第七條", "第八條", "第九條"):
            assert name not in text, name
        return
    if not token.startswith("第"):
        assert token in text, article
        return
    tag = re.search(r"\(([^)]*)\)", token)
    stripped = re.sub(r"\([^)]*\)", "", token)
    match = _ITEM.match(stripped)
    assert match, article
    base, item = match.groups()
    assert base in text, article
    bodies = [body for head, body in _sections(text) if head == base]
    if len(bodies) > 1:
        # Two articles share the number: the tag says which, and must occur in it.
        assert tag is not None, f"{article}: ambiguous, {len(bodies)} articles are numbered {base}"
        body = bodies[{"通報": 0, "處罰": 1}[tag.group(1)]]
        assert tag.group(1) in body, article
    else:
        assert tag is None, article
        (body,) = bodies
    if item:
        assert f"\n{item}、" in body, article


def test_every_cited_article_is_in_the_source(xx: CompiledPolicy) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    policy = xx.policy
    articles = [r.article for r in policy.rules]
    articles += [n.article for n in policy.not_encoded]
    vocab = policy.vocabulary
    for kind in (vocab.roles, vocab.channels, vocab.categories, vocab.findings, vocab.sanctions):
        articles += [t.article for t in kind if t.article]
    articles += [f.article for f in policy.facts if f.article]
    for article in articles:
        cited_in_source(article, text)
    assert MISSING in [n.article for n in policy.not_encoded]


@pytest.mark.parametrize("bad", ["第十一條", "第十一條(通報)五", "第十一條(處罰)八", "第十六條"])
def test_the_article_check_can_fail(bad: str) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    with pytest.raises(AssertionError):
        cited_in_source(bad, text)


def test_defects_record_the_known_quirks(xx: CompiledPolicy) -> None:
    defects = " ".join(xx.policy.defects)
    for quirk in ("經檢監察部", "第十一條(通報)", "第十一條(處罰)", "第七條–第九條", "時限"):
        assert quirk in defects, quirk
