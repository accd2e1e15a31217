"""explain: the decision in plain words, and why each other rule did not apply.

Due instants are worked out by hand from the 2026 State Council schedule: National Day
Oct 1-7 off with Sun Sep 20 and Sat Oct 10 make-up workdays; Spring Festival Feb 15-23
off with Sat Feb 14 and Sat Feb 28 make-up workdays.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_rules import Catalog, CompiledPolicy, PolicyError
from complaint_rules.decision.engine import decide
from complaint_rules.errors import MissingExtraError
from complaint_rules.explanation.explain import (
    Explanation,
    ExplanationLine,
    explain,
    render_explanation,
)
from complaint_rules.messages.simplified import _converter
from complaint_rules.policy.conditions import (
    ConditionContext,
    PartCheck,
    Subject,
    check_condition,
    explain_condition,
)
from tests.support.examples import example

KY_PRODUCT = {
    "id": "KY-2026-0917",
    "received_at": "2026-09-29T15:40:00+08:00",
    "channel": "上門投訴",
    "category": "服務產品",
    "complainant": "王小明 13800138000",
    "text": "手機銀行轉賬限額未經通知被降低",
}
KY_ANONYMOUS = {
    "received_at": "2026-10-02T11:00:00+08:00",
    "channel": "forwarded_by_government",
    "category": "anonymous",
}


@pytest.fixture(scope="module")
def policies() -> dict[str, CompiledPolicy]:
    catalog = Catalog()
    return {name: catalog.load(name) for name in ("keyouqianqi_credit_union", "xx_bank", "hotel")}


@pytest.fixture(scope="module")
def ky(policies: dict[str, CompiledPolicy]) -> CompiledPolicy:
    return policies["keyouqianqi_credit_union"]


def lines(e: Explanation, kind: str, rule: str | None = None) -> list[ExplanationLine]:
    return [x for x in e.lines if x.kind == kind and (rule is None or x.rule == rule)]


def texts(e: Explanation, kind: str, rule: str | None = None) -> list[str]:
    return [x.text for x in lines(e, kind, rule)]


# --- 科右前旗信用聯社 (zh-Hant) ------------------------------------------------------------


def test_classified_level_names_the_row_and_why_earlier_rows_did_not_match(
    ky: CompiledPolicy,
) -> None:
    e = explain(ky, KY_PRODUCT)
    assert lines(e, "classification") == [
        ExplanationLine(
            kind="classification",
            text="分類表 cls_general 行不符合:類別是 服務產品 (service_product),該行要求為 "
            "工作失誤 (work_error)、服務態度 (service_attitude)、內部管理 (internal_management) "
            "之一 [cls_general · 第十一條]",
            rule="cls_general",
            article="第十一條",
            layer="keyouqianqi_credit_union",
        )
    ]
    assert texts(e, "level") == [
        "級別 復雜投訴 (complex):分類表中第一個符合的是 cls_complex 行"
        "(類別是 服務產品 (service_product)) [cls_complex · 第十一條]"
    ]


def test_complex_deadline_is_a_window_worked_by_hand(ky: CompiledPolicy) -> None:
    # Received Tue Sep 29; 7-10 working days: Wed Sep 30 = 1, Oct 1-7 off, Thu Oct 8 = 2,
    # Fri 9 = 3, Sat 10 (make-up) = 4, Mon 12 = 5, 13 = 6, Wed 14 = 7; 15 = 8, 16 = 9,
    # Mon 19 = 10.
    e = explain(ky, KY_PRODUCT)
    assert lines(e, "deadline") == [
        ExplanationLine(
            kind="deadline",
            text="從接到客戶投訴到回復客戶(含回復轉來部門):最早 2026-10-14 24時前,"
            "最遲須於 2026-10-19 24時前完成,由 被投訴單位 (complained_unit) 負責"
            "(7至10個工作日,自收到投訴 2026-09-29T15:40:00+08:00 起算) [limit_complex · 第十一條]",
            rule="limit_complex",
            article="第十一條",
            layer="keyouqianqi_credit_union",
        )
    ]
    assert texts(e, "escalation", "limit_complex") == [
        "在規定時限內處理不完的,向投訴受理部門報告原因,同時向客戶作出說明:時限 reply_complex "
        "逾期時,上報 投訴受理部門 (acceptance_dept),由 被投訴單位 (complained_unit) 負責 "
        "[limit_complex · 第十一條]"
    ]


def test_every_element_line_names_its_rule_and_article(ky: CompiledPolicy) -> None:
    e = explain(ky, KY_PRODUCT)
    assert texts(e, "routing", "flow_in_person") == [
        "受理:專人 (designated_receptionist) [flow_in_person · 第十條]",
        "處理:被投訴單位 (complained_unit) [flow_in_person · 第十條]",
        "答復:被投訴單位 (complained_unit) [flow_in_person · 第十條]",
    ]
    assert texts(e, "retention") == [
        "受理投訴的所有記錄及有關資料保存完整,建檔、歸檔,以備查閱:來源未規定保存期限 "
        "[confidentiality_and_records · 第六條]"
    ]
    # The engine's own gap (a record kept for no term) is said in the language asked.
    assert texts(e, "gap") == [
        "保存:受理投訴的所有記錄及有關資料保存完整,建檔、歸檔,以備查閱:來源未規定保存期限 "
        "[confidentiality_and_records · 第六條]"
    ]
    assert texts(explain(ky, KY_PRODUCT, lang="zh-Hans"), "gap") == [
        "保存:受理投诉的所有记录及有关资料保存完整,建档、归档,以备查阅:来源未规定保存期限 "
        "[confidentiality_and_records · 第六条]"
    ]
    assert texts(explain(ky, KY_PRODUCT, lang="en"), "gap") == [
        "retention: 受理投訴的所有記錄及有關資料保存完整,建檔、歸檔,以備查閱: the source sets no "
        "retention term [confidentiality_and_records · 第六條 (Art. 6)]"
    ]
    for line in e.lines:
        if line.kind not in ("policy", "complaint", "summary"):
            assert line.rule is not None and line.article is not None, line
            assert line.text.endswith(f" [{line.rule} · {line.article}]"), line


def test_why_other_rules_did_not_apply(ky: CompiledPolicy) -> None:
    e = explain(ky, KY_PRODUCT)
    assert texts(e, "not_applied", "flow_letter") == [
        "規則 flow_letter「信件投訴」不適用:渠道是 上門投訴 (in_person),本規則要求為 "
        "信件投訴 (letter) [flow_letter · 第十條]"
    ]
    assert texts(e, "not_applied", "flow_unspecified_channels") == [
        "規則 flow_unspecified_channels「電話、意見簿(箱)投訴」不適用:渠道是 上門投訴 "
        "(in_person),本規則要求為 電話投訴 (phone)、意見簿(箱)投訴 (comment_book) 之一 "
        "[flow_unspecified_channels · 第十條]"
    ]
    assert texts(e, "not_applied", "limit_general") == [
        "規則 limit_general「一般投訴三個工作日內完成」不適用:級別是 復雜投訴 (complex),"
        "本規則要求為 一般投訴 (general) [limit_general · 第十一條]"
    ]
    # Both false parts are given; a fact defaulted to false says so.
    assert texts(e, "not_applied", "media_published") == [
        "規則 media_published「已刊登(播出)的」不適用:渠道是 上門投訴 (in_person),本規則要求為 "
        "媒體投訴 (media);事實 已刊登(播出) (media_published) 為 否(預設),本規則要求為 是 "
        "[media_published · 第十六條]"
    ]
    # good_faith is not given, but the category already rules the rule out: only that is said.
    assert texts(e, "not_applied", "anonymous_good_faith") == [
        "規則 anonymous_good_faith「善意的匿名投訴」不適用:類別是 服務產品 (service_product),"
        "本規則要求為 匿名投訴 (anonymous) [anonymous_good_faith · 第十四條]"
    ]


def test_every_rule_is_applied_pending_or_explained(ky: CompiledPolicy) -> None:
    for complaint in (KY_PRODUCT, KY_ANONYMOUS):
        e = explain(ky, complaint)
        d = decide(ky, complaint)
        applied = {s.rule for s in d.matched_rules}
        others = [x.rule for x in e.lines if x.kind in ("pending", "not_applied")]
        assert len(others) == len(set(others))
        assert applied.isdisjoint(others)
        assert applied | set(others) == {r.rule.id for r in ky.rules}


def test_pending_rules_name_the_missing_fact_and_unclassified_level(ky: CompiledPolicy) -> None:
    e = explain(ky, KY_ANONYMOUS)
    assert texts(e, "pending") == [
        "規則 anonymous_good_faith「善意的匿名投訴」待定:事實 善意投訴 (good_faith) 未給出 "
        "[anonymous_good_faith · 第十四條]",
        "規則 anonymous_malicious「惡意的匿名投訴」待定:事實 善意投訴 (good_faith) 未給出 "
        "[anonymous_malicious · 第十四條]",
    ]
    assert [x.rule for x in lines(e, "classification")] == ["cls_general", "cls_complex"]
    assert texts(e, "level") == ["分類表沒有符合的行,投訴沒有級別(見「來源未規定或空白」)"]
    assert texts(e, "gap", "classification")[0].startswith("級別:第十一條只為工作失誤、服務態度、")
    assert texts(e, "not_applied", "limit_general") == [
        "規則 limit_general「一般投訴三個工作日內完成」不適用:投訴沒有級別,本規則要求為 "
        "一般投訴 (general) [limit_general · 第十一條]"
    ]
    # Applied: the 7 rules without a condition, flow_forwarded_by_government and
    # limit_unclassified; the policy has 38 rules.
    assert texts(e, "summary") == ["適用的規則 9 條,待定 2 條,不適用 27 條"]


def test_lines_come_in_the_documented_order(ky: CompiledPolicy) -> None:
    order = [
        "policy",
        "complaint",
        "summary",
        "level",
        "routing",
        "deadline",
        "action",
        "escalation",
        "report",
        "retention",
        "penalty",
        "approval",
        "gap",
        "conflict",
        "pending",
        "not_applied",
    ]
    for complaint in (KY_PRODUCT, KY_ANONYMOUS, example("keyouqianqi_credit_union", 1)):
        kinds = [
            "level" if x.kind == "classification" else x.kind for x in explain(ky, complaint).lines
        ]
        assert kinds == sorted(kinds, key=order.index)
        assert kinds[:3] == ["policy", "complaint", "summary"]


def test_no_personal_data_in_any_language(ky: CompiledPolicy) -> None:
    for lang in ("zh-Hant", "zh-Hans", "en"):
        dumped = explain(ky, KY_PRODUCT, lang=lang).model_dump_json()
        for secret in ("王小明", "13800138000", "轉賬限額", "转账限额", "KY-2026-0917"):
            assert secret not in dumped


def test_as_of_instant_marks_an_overdue_deadline(ky: CompiledPolicy) -> None:
    # Wed Sep 30, 3 working days: Oct 8 = 1, 9 = 2, Sat Oct 10 (make-up) = 3.
    complaint = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter"}
    e = explain(ky, {**complaint, "category": "work_error"}, at="2026-10-12T09:00:00+08:00")
    assert texts(e, "deadline") == [
        "從接到客戶投訴到回復客戶(含回復轉來部門):須於 2026-10-10 24時前完成,"
        "由 被投訴單位 (complained_unit) 負責(3個工作日,自收到投訴 2026-09-30T10:00:00+08:00 "
        "起算),於 2026-10-12T09:00:00+08:00 已逾期 [limit_general · 第十一條]"
    ]
    assert e.decided_at.isoformat() == "2026-10-12T09:00:00+08:00"
    assert texts(e, "complaint")[0].endswith(";以 2026-10-12T09:00:00+08:00 為判斷時點")


def test_estimate_marks_a_deadline_counted_through_an_unpublished_year(
    ky: CompiledPolicy,
) -> None:
    complaint = {
        "received_at": "2026-12-30T10:00:00+08:00",
        "channel": "letter",
        "category": "service_product",
    }
    e = explain(ky, complaint, estimate=True)
    (text,) = texts(e, "deadline")
    assert text.endswith(")(估算:該年度的節假日安排尚未公布) [limit_complex · 第十一條]")


def test_explanations_are_deterministic(ky: CompiledPolicy) -> None:
    first = explain(ky, KY_PRODUCT, lang="en").model_dump_json()
    assert explain(ky, KY_PRODUCT, lang="en").model_dump_json() == first


def test_unknown_language_is_refused(ky: CompiledPolicy) -> None:
    with pytest.raises(ValueError, match=r"^lang must be one of ") as info:
        explain(ky, KY_PRODUCT, lang="fr")
    assert str(info.value) == "lang must be one of zh-Hant, zh-Hans, en, got 'fr'"


# --- XX銀行 --------------------------------------------------------------------------------


def test_xx_bank_penalties_and_end_of_month_report(policies: dict[str, CompiledPolicy]) -> None:
    # Received Sat Feb 28 2026 (a make-up workday); 月底前 = the last day of February.
    e = explain(policies["xx_bank"], example("xx_bank", 0))
    assert texts(e, "report", "monthly_summary")[0] == (
        "匯總投訴情況,核實投訴處理情況,統計分析,確定最終投訴數量和處理結果,月底前上報:"
        "報 紀檢監察部 (discipline_dept),由 各行處會計 (unit_accountants) 負責,每月,"
        "須於 2026-02-28 24時前 [monthly_summary · 第十條]"
    )
    finding = "不按時開門營業或提前停止營業,影響消費者正常辦理業務 (late_opening)"
    involved = "單位負責人 (unit_head)、內勤業務人員 (back_office_staff)"
    assert texts(e, "penalty", "late_opening") == [
        f"每次處罰單位負責人100元:調查認定 {finding},涉及 {involved};對象 單位負責人 (unit_head);"
        "每次 100 元,共 1 次,合計 100 元 [late_opening · 第十一條(處罰)一]",
        # 各100元 for each of the 2 back-office clerks the host names: 100 × 1 × 2 = 200.
        f"每次處罰內勤業務人員各100元:調查認定 {finding},涉及 {involved};對象 內勤業務人員 "
        "(back_office_staff);每人每次 100 元,共 1 次、2 人,合計 200 元 "
        "[late_opening · 第十一條(處罰)一]",
    ]
    assert texts(e, "penalty", "annual_honours")[0].endswith(
        ";無金額;處分:取消年度評優、評先資格 (honours_disqualification)(視條件:根據情況) "
        "[annual_honours · 第十三條]"
    )


def test_xx_bank_in_english_with_a_combinator_and_sanctions(
    policies: dict[str, CompiledPolicy],
) -> None:
    # Received Sat Oct 3 2026: 月底前 is Sat Oct 31 (a date, not moved off a rest day).
    e = explain(policies["xx_bank"], example("xx_bank", 2), lang="en")
    assert texts(e, "report", "monthly_summary")[0].endswith(
        ", due by the end of 2026-10-31 (24:00) [monthly_summary · 第十條 (Art. 10)]"
    )
    assert texts(e, "penalty", "annual_honours")[0].endswith(
        "; no amount; sanctions: 取消年度評優、評先資格 (honours_disqualification) (does not "
        "apply) [annual_honours · 第十三條 (Art. 13)]"
    )
    assert texts(e, "not_applied", "notify_bank_deems") == [
        "rule notify_bank_deems (XX行認為需要通報的投訴) did not apply: "
        "fact XX行認為需要通報的投訴 (bank_deems_notification) is false (default), rule needs true "
        "[notify_bank_deems · 第十一條(通報)四 (Art. 11)]"
    ]


def test_a_failed_any_lists_each_alternative(policies: dict[str, CompiledPolicy]) -> None:
    e = explain(policies["xx_bank"], example("xx_bank", 0), lang="en")
    (text,) = texts(e, "not_applied", "notification_issuer")
    assert text.split(": ", 1)[1] == (
        "none of these holds: (findings are 不按時開門營業或提前停止營業,影響消費者正常辦理業務 "
        "(late_opening), rule needs one of 消費者反映問題集中,并造成較大社會影響 "
        "(widespread_social_impact), 超過時限未向消費者回復,并造成一定影響 "
        "(overdue_reply_impact), 工作人員不及時受理、處理消費者投訴,不向消費者做耐心細致解釋,"
        "激化矛盾被消費者投訴至省、市有關部門和監管部門 (escalated_to_authorities)); (fact "
        "XX行認為需要通報的投訴 (bank_deems_notification) is false (default), rule needs true) "
        "[notification_issuer · 第十一條(通報) (Art. 11)]"
    )


# --- 酒店 (English) ---------------------------------------------------------------------------


def test_hotel_in_english(policies: dict[str, CompiledPolicy]) -> None:
    e = explain(policies["hotel"], example("hotel", 0), lang="en")
    assert texts(e, "level") == ["level 輕微投訴 (minor): given with the complaint"]
    # Notified 19:02; 5 minutes -> 19:07. Requested by 20:00; no departure time given.
    assert texts(e, "deadline", "on_scene_within_5_minutes") == [
        "到達現場: due by 2026-05-06T19:07:00+08:00, by 賓客投訴處理中心 (complaint_center) "
        "(5 minutes from 接到投訴處理的報告或通知 (notified_at) 2026-05-06T19:02:00+08:00) "
        "[on_scene_within_5_minutes · 三、4、1)]"
    ]
    assert texts(e, "deadline", "in_house_guest_limit") == [
        "從受理投訴到最終處理,不得超過客人要求的時間或在客人離店前予以解決或答復: due "
        "by 2026-05-06T20:00:00+08:00 (the earliest of 客人要求的時間 (requested_by), 客人離店 "
        "(departs_at)) [in_house_guest_limit · 三、4、3)]"
    ]
    assert texts(e, "not_applied", "departed_guest_limit") == [
        "rule departed_guest_limit (已離店客人的投訴) did not apply: fact 已離店客人 "
        "(guest_departed) is false, rule needs true [departed_guest_limit · 三、4、4)]"
    ]
    assert texts(e, "not_applied", "compensation_authority") == [
        "rule compensation_authority (投訴處理權限) did not apply: fact 賠償金額(元) "
        "(compensation_yuan) not given, rule needs it given [compensation_authority · 六]"
    ]
    assert texts(e, "routing", "every_staff_member") == [
        "accepts: 酒店每一位員工 (all_staff) [every_staff_member · 一、2]"
    ]


def test_hotel_pending_and_unconfigured_approval(policies: dict[str, CompiledPolicy]) -> None:
    complaint = {k: v for k, v in example("hotel", 2).items() if k != "text"}
    e = explain(policies["hotel"], complaint, lang="en")
    # No approver can be named, but the source's chain is: 六、1 (a daily limit), 六、2, and
    # above them the 公司總經理.
    assert texts(e, "approval") == [
        "賠償簽免權與價值權限: 2800 yuan; the approval limits are blank in the source and not "
        "configured; chain: 餐廳副總經理 (restaurant_deputy_gm) (limit not configured) → "
        "駐店總經理 (resident_gm) (limit not configured) → 公司總經理 (company_gm) "
        "[compensation_authority · 六]"
    ]
    minor = {
        "received_at": "2026-05-06T19:00:00+08:00",
        "channel": "口頭",
        "category": "服務投訴",
        "level": "輕微投訴",
        "on_site_required": False,
        "guest_departed": True,
    }
    e = explain(policies["hotel"], minor, lang="en")
    assert texts(e, "pending") == [
        "rule invalid_complaint (屬無效投訴的向客人做好解釋) is pending: fact 有效投訴 "
        "(valid_complaint) not given [invalid_complaint · 四、2、3)]",
        "rule valid_complaint (屬有效投訴的即時處理) is pending: fact 有效投訴 "
        "(valid_complaint) not given [valid_complaint · 四、2、4)]",
    ]
    # Received Wed May 6 2026, 3 working days: Thu 7 = 1, Fri 8 = 2, Sat May 9 (make-up) = 3.
    assert texts(e, "deadline", "departed_guest_limit") == [
        "從受理投訴到最終處理,不得超過三個工作日: due by the end of 2026-05-09 (24:00) (3 working "
        "days from receipt 2026-05-06T19:00:00+08:00) [departed_guest_limit · 三、4、4)]"
    ]


def test_a_conflict_is_said_with_each_article(ky: CompiledPolicy) -> None:
    crime = {
        "received_at": "2026-05-06T09:00:00+08:00",
        "channel": "letter",
        "category": "金融犯罪",
    }
    e = explain(ky, crime)
    assert lines(e, "conflict") == [
        ExplanationLine(
            kind="conflict",
            text="調查:被舉報單位的監察部門 (reported_unit_supervision) "
            "[financial_crime · 第十四條]、被投訴單位 (complained_unit) "
            "[functional_duties · 第二十一條] 不能同時承擔:第十四條規定金融犯罪舉報由被舉報單位的"
            "監察部門調查；第二十一條規定由被投訴單位調查：被舉報的單位將調查自己。 "
            "[crime_self_investigation · 第十四條、第二十一條]",
            rule="crime_self_investigation",
            article="第十四條、第二十一條",
            layer="keyouqianqi_credit_union",
        )
    ]
    assert "職責衝突" in render_explanation(e)


def test_either_of_discretionary_and_counted_from_a_fact_in_words(
    policies: dict[str, CompiledPolicy],
) -> None:
    major = {
        "received_at": "2026-07-03T09:00:00+08:00",
        "channel": "書面",
        "category": "service",
        "level": "major",
        "guest_departed": True,
        "assigned_by_superior": True,
        "handling_finished_at": "2026-07-03T16:58:00+08:00",
        "unreasonable_complaint": True,
        "findings": ["做出權限範圍之外的處理決定"],
        "hotel_loss_yuan": "860.50",
    }
    e = explain(policies["hotel"], major, lang="en")
    (report,) = [t for t in texts(e, "report") if t.startswith("立即向運營總監報告")]
    assert ", by 樓面主管 (floor_supervisor) or 樓面經理 (floor_manager)" in report
    # 處理完畢后5分鐘內: finished 16:58, due 17:03.
    (result,) = [t for t in texts(e, "report") if t.startswith("處理完畢后向上級領導匯報處理結果")]
    assert result.endswith(
        ", due by 2026-07-03T17:03:00+08:00 (from 處理完畢 (handling_finished_at)) "
        "[designated_handler_reporting · 三、4、2)]"
    )
    (police,) = texts(e, "escalation", "major_unreasonable")
    assert police.endswith(" (「可」: permitted, not required) [major_unreasonable · 四、3、13)]")
    (loss,) = texts(e, "penalty", "decision_beyond_authority")
    assert (
        "; 860.50 yuan per case (the amount is the fact 給酒店造成的損失(元) (hotel_loss_yuan))"
        in (loss)
    )
    (passing,) = texts(e, "action", "every_staff_member")
    assert ", to 上一級管理人員 (next_level_manager) or 被投訴部門 (complained_dept)" in passing


# --- 交通銀行 over the baseline layer ----------------------------------------------------------


def test_bocom_lines_name_the_baseline_layer() -> None:
    bocom = Catalog().load("bocom")
    e = explain(bocom, example("bocom", 0), lang="en")
    # Received Wed Sep 30; 15 calendar days: day 1 = Oct 1, day 15 = Thu Oct 15 (a working day).
    assert lines(e, "deadline") == [
        ExplanationLine(
            kind="deadline",
            text="作出處理決定並告知投訴人: due by the end of 2026-10-15 (24:00), by 投訴處理機構 "
            "(handling_institution) (15 calendar days from receipt 2026-09-30T16:20:00+08:00) "
            "[decision_within_15_days · 第十八條 (Art. 18)]",
            rule="decision_within_15_days",
            article="第十八條",
            layer="cn_banking_baseline",
        )
    ]
    assert texts(e, "pending", "major_complaint") == [
        "rule major_complaint (二十名以上消費者當面投訴,或監管部門認定的,為重大投訴) is pending: "
        "none of these is known to hold: (fact 當面投訴人數 (in_person_count) not given); (fact "
        "監管部門認定的重大投訴 (regulator_designated_major) is false (default), rule needs true) "
        "[major_complaint · 重大投訴應急]"
    ]
    assert lines(e, "pending", "group_representatives")[0].layer == "cn_banking_baseline"
    assert texts(e, "policy")[0].endswith("; layers: cn_banking_baseline 2020.5, bocom 2026.5")


# --- Simplified Chinese -----------------------------------------------------------------------


def test_simplified_chinese_converts_text_and_keeps_ids(ky: CompiledPolicy) -> None:
    e = explain(ky, KY_PRODUCT, lang="zh-Hans")
    assert e.lang == "zh-Hans"
    assert texts(e, "not_applied", "flow_letter") == [
        "规则 flow_letter「信件投诉」不适用:渠道是 上门投诉 (in_person),本规则要求为 "
        "信件投诉 (letter) [flow_letter · 第十条]"
    ]
    (deadline,) = lines(e, "deadline")
    assert "条" in deadline.text and "條" not in deadline.text
    assert (deadline.rule, deadline.article) == ("limit_complex", "第十一條")
    rendered = render_explanation(e)
    assert "\n时限\n" in rendered and "\n未适用的规则\n" in rendered
    assert "時限" not in rendered


def test_missing_opencc_says_how_to_install(
    ky: CompiledPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "opencc", None)
    _converter.cache_clear()
    try:
        with pytest.raises(MissingExtraError) as info:
            explain(ky, KY_PRODUCT, lang="zh-Hans")
    finally:
        _converter.cache_clear()
    assert str(info.value) == (
        "matching Traditional and Simplified Chinese needs OpenCC, a dependency of "
        "complaint-rules: pip install 'opencc>=1.1.6,<2'"
    )
    assert explain(ky, KY_PRODUCT).lang == "zh-Hant"  # the default needs no extra


# --- the text rendering --------------------------------------------------------------------------


def test_render_groups_lines_under_headings(ky: CompiledPolicy) -> None:
    rendered = render_explanation(explain(ky, KY_PRODUCT)).splitlines()
    assert (
        rendered[0]
        == "政策 keyouqianqi_credit_union 2026.5:科右前旗信用聯社《客戶投訴處理管理辦法》"
    )
    assert rendered[1] == (
        "投訴於 2026-09-29T15:40:00+08:00 收到;渠道 上門投訴 (in_person);類別 服務產品 "
        "(service_product);調查認定:無"
    )
    assert rendered[3:5] == [
        "級別",
        "  - 分類表 cls_general 行不符合:類別是 服務產品 (service_product),該行要求為 "
        "工作失誤 (work_error)、服務態度 (service_attitude)、內部管理 (internal_management) "
        "之一 [cls_general · 第十一條]",
    ]
    assert "時限" in rendered and "未適用的規則" in rendered and "待定的規則" not in rendered


# --- conditions: explain_condition ------------------------------------------------------------


def context(cp: CompiledPolicy) -> ConditionContext:
    return ConditionContext(
        channels=frozenset(cp.channels.terms),
        categories=frozenset(cp.categories.terms),
        levels=cp.level_order,
        findings=frozenset(cp.findings.terms),
        fact_types={f.id: f.type for f in cp.policy.facts},
    )


def subject(**fields: Any) -> Subject:
    base: dict[str, Any] = {
        "channel": "letter",
        "category": "work_error",
        "level": "general",
        "findings": frozenset(),
        "facts": {},
    }
    return Subject(**{**base, **fields})


def test_explain_condition_returns_the_false_parts(ky: CompiledPolicy) -> None:
    cond = {"category": ["anonymous"], "good_faith": True, "level": {"at_least": "complex"}}
    checks = check_condition(cond, subject(), context(ky))
    assert checks == (
        PartCheck(("category",), "category", "in", ("anonymous",), "work_error", False),
        PartCheck(("good_faith",), "good_faith", "eq", (True,), None, None),
        PartCheck(("level",), "level", "at_least", ("complex",), "general", False),
    )
    assert explain_condition(cond, subject(), context(ky)) == (checks[0], checks[2])
    unknown = explain_condition(cond, subject(category="anonymous", level="complex"), context(ky))
    assert [(c.field, c.result) for c in unknown] == [("good_faith", None)]
    assert (
        explain_condition(
            cond,
            subject(category="anonymous", level="complex", facts={"good_faith": True}),
            context(ky),
        )
        == ()
    )


def test_explain_condition_combinators(ky: CompiledPolicy) -> None:
    cond = {"any": [{"finding": "our_fault"}, {"major": True}], "not": {"channel": "letter"}}
    (any_, not_) = explain_condition(cond, subject(facts={"major": False}), context(ky))
    assert (any_.field, any_.result, not_.field, not_.result) == ("any", False, "not", False)
    assert any_.groups == (
        (PartCheck(("any", 0, "finding"), "finding", "in", ("our_fault",), (), False),),
        (PartCheck(("any", 1, "major"), "major", "eq", (True,), False, False),),
    )
    assert not_.groups == (
        (PartCheck(("not", "channel"), "channel", "in", ("letter",), "letter", True),),
    )


def test_explain_condition_refuses_a_bad_condition(ky: CompiledPolicy) -> None:
    with pytest.raises(PolicyError) as info:
        explain_condition({"chanel": "letter"}, subject(), context(ky), ("when",))
    (problem,) = info.value.problems
    assert (problem.field, problem.message) == (
        "when.chanel",
        "unknown condition field 'chanel'; allowed: all, any, category, channel, "
        "economic_dispute_judicial, finding, good_faith, level, major, "
        "media_provincial_or_central, media_published, not, repeat_complaint, withdrawn; "
        "did you mean 'channel'?",
    )


def _facts_strategy(cp: CompiledPolicy) -> st.SearchStrategy[dict[str, Any]]:
    values: dict[str, st.SearchStrategy[Any]] = {}
    for fact in cp.policy.facts:
        if fact.type == "bool":
            values[fact.id] = st.booleans()
        elif fact.type in ("int", "decimal"):
            values[fact.id] = st.integers(min_value=1, max_value=30)
    return st.fixed_dictionaries({}, optional=values)


@given(data=st.data(), name=st.sampled_from(["bocom", "hotel", "keyouqianqi_credit_union"]))
def test_explain_condition_agrees_with_the_engine(
    catalog: Catalog, data: st.DataObject, name: str
) -> None:
    cp = catalog.load(name)
    s = Subject(
        channel=data.draw(st.sampled_from(sorted(cp.channels.terms))),
        category=data.draw(st.sampled_from(sorted(cp.categories.terms))),
        level=data.draw(st.sampled_from([None, *cp.level_order])),
        findings=frozenset(data.draw(st.sets(st.sampled_from(sorted(cp.findings.terms))))),
        facts=data.draw(_facts_strategy(cp)),
    )
    ctx = context(cp)
    for rule in cp.rules:
        if rule.when is None:
            continue
        result = rule.when.test(s)
        parts = explain_condition(rule.rule.when or {}, s, ctx)
        if result is True:
            assert parts == ()
        else:
            assert parts and all(p.result is result for p in parts), rule.rule.id


def test_a_retention_term_counted_from_the_archive_date_in_words(
    policies: dict[str, CompiledPolicy],
) -> None:
    # XX銀行 第十五條: 不少于5年 from 歸檔; filed Feb 29 2028, 2033 has no Feb 29: Feb 28.
    complaint = {
        "received_at": "2026-03-02T09:00:00+08:00",
        "channel": "consumer_complaint",
        "category": "financial_product",
    }
    waiting = explain(policies["xx_bank"], complaint)
    assert texts(waiting, "retention") == [
        "投訴資料和處理結果:至少保存 5 年,自 歸檔 (archived_at) 起算,但該事實尚未給出,"
        "由 紀檢監察部 (discipline_dept) 負責 [archiving · 第十五條]"
    ]
    filed = {**complaint, "archived_at": "2028-02-29T10:00:00+08:00"}
    assert texts(explain(policies["xx_bank"], filed), "retention") == [
        "投訴資料和處理結果:至少保存 5 年,至 2033-02-28 24時止,由 紀檢監察部 (discipline_dept) "
        "負責 [archiving · 第十五條]"
    ]
    assert texts(explain(policies["xx_bank"], filed, lang="en"), "retention") == [
        "投訴資料和處理結果: kept for at least 5 years, until the end of 2033-02-28, by 紀檢監察部 "
        "(discipline_dept) [archiving · 第十五條 (Art. 15)]"
    ]


# --- texts given per language -----------------------------------------------------------

MINI_COMPLAINT = {
    "received_at": "2026-09-29T15:40:00+08:00",
    "channel": "counter",
    "category": "service",
    "level": "minor",
    "departs_at": "2026-09-30T12:00:00+08:00",
}


@pytest.fixture(scope="module")
def mini_texts() -> CompiledPolicy:
    from complaint_rules import load_policy_text
    from tests.support.policy_texts import mini_with_texts

    return load_policy_text(mini_with_texts(), file="mini.yaml")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh-Hant",
            {
                "routing": "受理:櫃面 (desk)(當面受理) [always · 第一條]",
                "deadline": "回復客戶:須於 2026-10-09 24時前完成,由 櫃面 (desk) 負責",
                "escalation": "再上報:客戶不滿意 (dissatisfied)時,上報 負責人 (head) "
                "[always · 第一條]",
                "gap": "時限:本條未定回訪時間。 [always · 第一條]",
                "not_applied": "規則 fines「罰則」不適用",
            },
        ),
        (
            "zh-Hans",
            {
                "routing": "受理:柜面 (desk)(当面受理) [always · 第一条]",
                "deadline": "答复客户:须于 2026-10-09 24时前完成,由 柜面 (desk) 负责",
                "escalation": "再上报:客户不满意 (dissatisfied)时,上报 负责人 (head) "
                "[always · 第一条]",
                # The zh-Hans text as given (「简体原文」), not the zh-Hant one converted.
                "gap": "时限:本条未定回访时间（简体原文）。 [always · 第一条]",
                "not_applied": "规则 fines「罚则」不适用",
            },
        ),
        (
            "en",
            {
                "routing": "accepts: 櫃面 (desk) (accepted face to face) "
                "[always · 第一條 (Art. 1)]",
                "deadline": "Reply: due by the end of 2026-10-09 (24:00), by 櫃面 (desk)",
                "escalation": "再上報: on 客戶不滿意 (dissatisfied), to Head (head) "
                "[always · 第一條 (Art. 1)]",
                "gap": "deadline: The article sets no time for the follow-up visit. "
                "[always · 第一條 (Art. 1)]",
                "not_applied": "rule fines (Fines) did not apply",
            },
        ),
    ],
)
def test_explain_shows_each_text_in_the_language_asked(
    mini_texts: CompiledPolicy, lang: str, expected: dict[str, str]
) -> None:
    # Reply within 3 working days of Tue 2026-09-29: Wed Sep 30, then Oct 1-7 off,
    # Thu Oct 8 and Fri Oct 9: by the end of Oct 9.
    e = explain(mini_texts, MINI_COMPLAINT, lang=lang)
    assert texts(e, "routing") == [expected["routing"]]
    assert texts(e, "deadline", "always")[0].startswith(expected["deadline"])
    assert texts(e, "escalation")[1] == expected["escalation"]
    assert texts(e, "gap") == [expected["gap"]]
    assert texts(e, "not_applied", "fines")[0].startswith(expected["not_applied"])


def test_a_language_not_given_falls_back_to_the_policys_own(mini_texts: CompiledPolicy) -> None:
    # 上報 is a plain string; 負責人 has no zh-Hans text (converted from zh-Hant instead);
    # 罰則 has no zh-Hans text either.
    hans = explain(mini_texts, MINI_COMPLAINT, lang="zh-Hans")
    assert (
        texts(hans, "escalation")[0]
        == "上报:时限 reply 逾期时,上报 负责人 (head),下一步 top [always · 第一条]"
    )
    en = explain(mini_texts, MINI_COMPLAINT, lang="en")
    assert texts(en, "escalation")[0] == (
        "上報: on missing deadline reply, to Head (head); next step top [always · 第一條 (Art. 1)]"
    )


def test_a_decision_carries_the_policys_own_text_whatever_the_translations(
    mini_texts: CompiledPolicy,
) -> None:
    from complaint_rules import load_policy_text
    from tests.support.policy_texts import MINI

    # mini_with_texts() with each text given per language written as its zh-Hant string.
    plain_text = (
        MINI.replace("        label: 回復\n", "        label: 回復客戶\n")
        .replace(
            "      - {duty: accepts, role: desk}\n",
            "      - {duty: accepts, role: desk, note: 當面受理}\n",
            1,
        )
        .replace(
            "        by: [desk]\n    escalations:",
            "        by: [desk]\n    gaps:\n      - {about: deadline, text: 本條未定回訪時間。}\n"
            "    escalations:",
        )
        .replace(
            "  - id: fines\n    article: 第三條\n",
            "  - id: fines\n    article: 第三條\n    title: 罰則\n",
        )
    )
    plain = load_policy_text(plain_text, file="mini.yaml")
    with_texts = decide(mini_texts, MINI_COMPLAINT).model_dump(mode="json")
    without = decide(plain, MINI_COMPLAINT).model_dump(mode="json")
    assert with_texts.pop("policy") != without.pop("policy")  # the files differ
    assert with_texts == without
    assert with_texts["gaps"][0]["text"] == "本條未定回訪時間。"
    assert with_texts["deadlines"][0]["label"] == "回復客戶"
    # Explained in zh-Hant, the per-language policy reads as the plain one.
    assert [x.text for x in explain(mini_texts, MINI_COMPLAINT).lines][1:] == [
        x.text for x in explain(plain, MINI_COMPLAINT).lines
    ][1:]


def test_the_bundled_gaps_are_explained_in_chinese_and_in_english(ky: CompiledPolicy) -> None:
    zh = explain(ky, KY_ANONYMOUS, lang="zh-Hant")
    en = explain(ky, KY_ANONYMOUS, lang="en")
    assert "時限:第十一條未定金融犯罪或匿名投訴的時限。 [limit_unclassified · 第十一條]" in texts(
        zh, "gap"
    )
    assert (
        "deadline: 第十一條 sets no time limit for 金融犯罪 or 匿名投訴. "
        "[limit_unclassified · 第十一條 (Art. 11)]"
    ) in texts(en, "gap")
