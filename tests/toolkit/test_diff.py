"""Semantic diff: a bundled policy against edited copies, each change described and shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from complaint_rules import Catalog, load_policy
from complaint_rules.cli import main
from complaint_rules.toolkit.diff import KINDS_EXPLAINED, Example, PolicyChange, PolicyDiff, diff
from tests.support import ROOT
from tests.support.editing import edited

KEYOUQIANQI = ROOT / "policies" / "keyouqianqi_credit_union.yaml"
XX_BANK = ROOT / "policies" / "xx_bank.yaml"
ANONYMOUS = "    - {id: anonymous, label: 匿名投訴, aliases: [匿名], article: 第十四條}\n"


def changes_of(source: Path, new: Path) -> PolicyDiff:
    return diff(load_policy(source), load_policy(new))


def test_a_deadline_range_widened(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        KEYOUQIANQI,
        ("within: {working_days: {min: 7, max: 10}}", "within: {working_days: {min: 7, max: 15}}"),
    )
    result = changes_of(KEYOUQIANQI, new)
    assert not result.equivalent
    (change,) = result.changes
    # Received Tue Mar 10 2026: 7 working days end Thu Mar 19; 10 end Tue Mar 24 (11-13,
    # 16-20, 23, 24); 15 end Tue Mar 31 (25-27, 30, 31).
    assert change == PolicyChange(
        kind="deadline",
        id="reply_complex",
        label="從接到客戶投訴到回復客戶(含回復轉來部門)",
        change="changed",
        rule="limit_complex",
        article="第十一條",
        details=("within: 7–10 working days → 7–15 working days",),
        where=(
            "category: 服務產品 (service_product), 服務渠道 (service_channel), "
            "違規操作 (irregular_operation)",
        ),
        affected=15,
        compared=40,
        behavioural=True,
        example=Example(
            complaint={
                "received_at": "2026-03-10T10:00:00+08:00",
                "channel": "phone",
                "category": "service_product",
            },
            old="due at the earliest by the end of 2026-03-19 (24:00), "
            "by the end of 2026-03-24 (24:00)",
            new="due at the earliest by the end of 2026-03-19 (24:00), "
            "by the end of 2026-03-31 (24:00)",
        ),
    )


def test_a_fixed_deadline_from_3_to_5_working_days(tmp_path: Path) -> None:
    new = edited(tmp_path, KEYOUQIANQI, ("within: {working_days: 3}", "within: {working_days: 5}"))
    (change,) = changes_of(KEYOUQIANQI, new).changes
    assert change.details == ("within: 3 working days → 5 working days",)
    assert change.where == (
        "category: 工作失誤 (work_error), 服務態度 (service_attitude), "
        "內部管理 (internal_management)",
    )
    # Received Tue Mar 10: 3 working days end Fri Mar 13, 5 end Tue Mar 17.
    assert change.example == Example(
        complaint={
            "received_at": "2026-03-10T10:00:00+08:00",
            "channel": "phone",
            "category": "work_error",
        },
        old="due by the end of 2026-03-13 (24:00)",
        new="due by the end of 2026-03-17 (24:00)",
    )


def test_a_penalty_range_widened(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        XX_BANK,
        ("amount_yuan: {min: 200, max: 2000}", "amount_yuan: {min: 200, max: 5000}"),
    )
    (change,) = changes_of(XX_BANK, new).changes
    assert change.model_dump(exclude={"example"}) == {
        "kind": "penalty",
        "id": "legal_violation_deduction",
        "label": "每次扣減責任人績效薪酬200-2000元",
        "change": "changed",
        "rule": "legal_violation",
        "article": "第十一條(處罰)二",
        "details": ("amount_yuan: 200–2000 yuan → 200–5000 yuan",),
        "where": ("finding 營業人員違犯金融法律、法規、違規操作 (legal_violation): present",),
        "affected": 1,
        "compared": 2,
        "behavioural": True,
    }
    assert change.example == Example(
        complaint={
            "received_at": "2026-03-10T10:00:00+08:00",
            "channel": "consumer_complaint",
            "category": "financial_product",
            "findings": ["legal_violation"],
        },
        old="pay_deduction 200–2000 yuan per occurrence, on 責任人 (responsible_person)",
        new="pay_deduction 200–5000 yuan per occurrence, on 責任人 (responsible_person)",
    )


def test_an_escalation_now_goes_elsewhere(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        KEYOUQIANQI,
        (
            "        deadline: reply_complex\n        by: [complained_unit]\n"
            "        to: [acceptance_dept]",
            "        deadline: reply_complex\n        by: [complained_unit]\n"
            "        to: [audit_dept]",
        ),
    )
    (change,) = changes_of(KEYOUQIANQI, new).changes
    assert (change.kind, change.id, change.details) == (
        "escalation",
        "overrun_complex",
        ("to: 投訴受理部門 (acceptance_dept) → 稽核監察部 (audit_dept)",),
    )
    assert change.example is not None
    assert (change.example.old, change.example.new) == (
        "on deadline_missed (reply_complex) → 投訴受理部門 (acceptance_dept)",
        "on deadline_missed (reply_complex) → 稽核監察部 (audit_dept)",
    )
    assert change.as_text() == (
        "escalation overrun_complex "
        "在規定時限內處理不完的,向投訴受理部門報告原因,同時向客戶作出說明 "
        "[limit_complex · 第十一條]: changed\n"
        "  to: 投訴受理部門 (acceptance_dept) → 稽核監察部 (audit_dept)\n"
        "  where: category: 服務產品 (service_product), 服務渠道 (service_channel), "
        "違規操作 (irregular_operation)\n"
        "  decided differently: 3 of 8 kinds of complaint\n"
        '  example: {"received_at": "2026-03-10T10:00:00+08:00", "channel": "phone", '
        '"category": "service_product"}\n'
        "    old: on deadline_missed (reply_complex) → 投訴受理部門 (acceptance_dept)\n"
        "    new: on deadline_missed (reply_complex) → 稽核監察部 (audit_dept)"
    )


def test_a_rule_removed(tmp_path: Path) -> None:
    text = KEYOUQIANQI.read_text(encoding="utf-8")
    start = text.index("\n  - id: not_our_fault\n")
    end = text.index("\n  - id: media_reporting\n")
    new = tmp_path / KEYOUQIANQI.name
    new.write_text(text[:start] + text[end:], encoding="utf-8")
    (change,) = changes_of(KEYOUQIANQI, new).changes
    assert change.model_dump(exclude={"example"}) == {
        "kind": "rule",
        "id": "not_our_fault",
        "label": "對非我方責任的投訴處理",
        "change": "removed",
        "rule": "not_our_fault",
        "article": "第十五條",
        "details": (
            "applies to: finding: not_our_fault",
            "action explain_rules (將有關規定和流程向客戶做耐心細致的解釋和說明)",
            "action explain_refusal (客戶的要求超出聯社權限或明顯違反規定的,耐心解釋拒絕的原因,"
            "可提出按政策規定解決問題的思路和辦法)",
            "action meet_in_person (若客戶情緒極度抵觸或非常固執時,可約客戶當面解決或另約時間解決)",
        ),
        "where": ("finding 非我方責任 (not_our_fault): present",),
        "affected": 1,
        "compared": 2,
        "behavioural": True,
    }
    assert change.example == Example(
        complaint={
            "received_at": "2026-03-10T10:00:00+08:00",
            "channel": "phone",
            "category": "work_error",
            "findings": ["not_our_fault"],
        },
        old="applies",
        new="does not apply",
    )


def test_a_category_added(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        KEYOUQIANQI,
        (ANONYMOUS, ANONYMOUS + "    - {id: fees, label: 收費投訴, aliases: [收费投诉]}\n"),
    )
    (change,) = changes_of(KEYOUQIANQI, new).changes
    # the rules that apply to every complaint, and the flow of phone complaints
    assert change == PolicyChange(
        kind="category",
        id="fees",
        label="收費投訴",
        change="added",
        rule=None,
        article=None,
        details=("label: 收費投訴", "aliases: 收费投诉"),
        where=(),
        affected=0,
        compared=0,
        behavioural=True,
        example=Example(
            complaint={
                "received_at": "2026-03-10T10:00:00+08:00",
                "channel": "phone",
                "category": "fees",
            },
            old="not accepted: no category fees",
            new="rules first_question, whose_customer, confidentiality_and_records, "
            "flow_unspecified_channels, immediate_contact, reply_form, management_responsibility, "
            "functional_duties",
        ),
    )


def test_a_category_moved_to_another_level(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        KEYOUQIANQI,
        (
            "when: {category: [work_error, service_attitude, internal_management]}\n      "
            "level: general",
            "when: {category: [work_error, service_attitude, internal_management, "
            "service_product]}\n      level: general",
        ),
    )
    result = changes_of(KEYOUQIANQI, new)
    assert [(c.kind, c.id) for c in result.changes] == [
        ("classification", "table"),
        ("level", "complex → general"),
        ("rule", "limit_general"),
        ("rule", "limit_complex"),
    ]
    level = result.changes[1]
    assert level.details == ("level: 復雜投訴 (complex) → 一般投訴 (general)",)
    assert level.where == ("category: 服務產品 (service_product)",)
    assert level.example is not None
    assert (level.example.old, level.example.new) == (
        "復雜投訴 (complex), classified by row cls_complex",
        "一般投訴 (general), classified by row cls_general",
    )


def test_a_parameter_set(tmp_path: Path) -> None:
    hotel = ROOT / "policies" / "hotel.yaml"
    new = edited(
        tmp_path,
        hotel,
        (
            "  - id: deputy_gm_daily_waiver_yuan\n    type: money\n",
            '  - id: deputy_gm_daily_waiver_yuan\n    type: money\n    value: "500"\n',
        ),
    )
    result = changes_of(hotel, new)
    assert [(c.kind, c.id, c.details) for c in result.changes] == [
        ("parameter", "deputy_gm_daily_waiver_yuan", ("value: blank → 500 yuan",)),
        ("gap", "compensation_authority", ()),
        (
            "approval",
            "compensation_approval",
            ("reads parameter deputy_gm_daily_waiver_yuan, which changed",),
        ),
    ]
    approval = result.changes[2]
    # Every amount's chain now shows the deputy GM's 500 yuan; at and below it, the daily
    # limit (每日) needs the day's earlier total before the deputy GM can be named.
    assert approval.where == ("fact 賠償金額(元) (compensation_yuan): 499, 500, 501",)
    assert approval.example is not None
    assert (approval.example.old, approval.example.new) == (
        "499 yuan → not configured (chain: 餐廳副總經理 (restaurant_deputy_gm) up to blank; "
        "駐店總經理 (resident_gm) up to blank)",
        "499 yuan → waits for deputy_gm_waived_today_yuan (chain: 餐廳副總經理 "
        "(restaurant_deputy_gm) up to 500 yuan; 駐店總經理 (resident_gm) up to blank)",
    )


def test_reordered_keys_and_a_comment_are_equivalent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = edited(
        tmp_path,
        KEYOUQIANQI,
        ("schema: complaint-rules/1\n", "# a comment\nschema: complaint-rules/1\n"),
        (
            "title: 客戶投訴處理管理辦法\ninstitution: 科右前旗信用聯社\n",
            "institution: 科右前旗信用聯社\ntitle: 客戶投訴處理管理辦法\n",
        ),
        (
            "{id: work_error, label: 工作失誤, article: 第十四條}",
            "{label: 工作失誤, article: 第十四條, id: work_error}",
        ),
        (
            "        within: {working_days: 3}\n        by: [complained_unit]\n",
            "        by: [complained_unit]  # who\n        within: {working_days: 3}\n",
        ),
    )
    result = changes_of(KEYOUQIANQI, new)
    assert (result.equivalent, result.changes) == (True, ())
    code = main(["diff", str(KEYOUQIANQI), str(new)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == (
        "keyouqianqi_credit_union 2026.5 → keyouqianqi_credit_union 2026.5: equivalent (no "
        f"complaint is decided differently); {result.decided} kinds of complaint decided by each\n"
        f"{KINDS_EXPLAINED}\n"
    )


def test_wording_no_decision_shows_is_listed_but_equivalent(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        KEYOUQIANQI,
        ("    title: 首問責任制\n", "    title: 首問負責制\n"),
        ('version: "2026.5"', 'version: "2026.6"'),
    )
    result = changes_of(KEYOUQIANQI, new)
    assert result.equivalent
    assert [(c.kind, c.id, c.details, c.behavioural) for c in result.changes] == [
        ("text", "policy", ("version: 2026.5 → 2026.6",), False),
        ("rule", "first_question", ("title: 首問責任制 → 首問負責制",), False),
    ]


def test_every_bundled_policy_is_equivalent_to_itself() -> None:
    catalog = Catalog()
    for policy_id in ("keyouqianqi_credit_union", "cn_banking_baseline", "bocom"):
        policy = catalog.load(policy_id)
        result = diff(policy, policy)
        assert (policy_id, result.equivalent, result.changes) == (policy_id, True, ())


def test_a_declared_conflict_removed_shows_where_decisions_stop_marking_it(
    tmp_path: Path,
) -> None:
    text = KEYOUQIANQI.read_text(encoding="utf-8")
    start = text.index("  - id: crime_self_investigation\n")
    end = text.index("  - id: media_owner\n")
    new = edited(tmp_path, KEYOUQIANQI, (text[start:end], ""))
    result = changes_of(KEYOUQIANQI, new)
    (change,) = result.changes
    assert (change.kind, change.id, change.change, change.article) == (
        "conflict",
        "crime_self_investigation",
        "removed",
        "第十四條、第二十一條",
    )
    assert change.details[0].startswith(
        "investigates: 被舉報單位的監察部門 (reported_unit_supervision)、被投訴單位 "
        "(complained_unit) cannot hold it together"
    )
    # Only 金融犯罪 reports give the investigation to the reported unit's supervision.
    assert change.where == ("category: 金融犯罪 (financial_crime)",)
    assert change.example is not None
    assert change.example.old == (
        "investigates: 被舉報單位的監察部門 (reported_unit_supervision) (financial_crime) against "
        "被投訴單位 (complained_unit) (functional_duties)"
    )
    assert change.example.new == "absent"
