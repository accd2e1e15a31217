"""The input space: one representative per class of values, the base first, finite and small."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from complaint_rules import Catalog, CompiledPolicy, decide, load_policy_text
from complaint_rules.toolkit.input_space import INSTANTS, SpaceTooLarge, input_space

SPACE = """\
schema: complaint-rules/1
id: space
version: "1"
title: 測試辦法
institution: 測試銀行
source: tests
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
  channels:
    - {id: counter, label: 櫃面投訴}
    - {id: phone, label: 電話投訴}
  categories:
    - {id: service, label: 服務態度}
    - {id: product, label: 服務產品}
  levels:
    - {id: minor, label: 輕微投訴}
    - {id: major, label: 重大投訴}
  findings:
    - {id: late_opening, label: 不按時開門營業}
    - {id: rude, label: 態度惡劣}
    - {id: leak, label: 洩露信息}
facts:
  - {id: anonymous, type: bool, label: 匿名}
  - {id: withdrawn, type: bool, default: false, label: 撤訴}
  - {id: people, type: int, minimum: 1, label: 當面投訴人數}
  - {id: amount, type: decimal, label: 金額}
  - {id: departs_at, type: datetime, label: 離店時間}
  - {id: unused_note, type: bool, label: 未用}
classification:
  rows:
    - {id: by_people, article: 第一條, when: {people: {gte: 20}}, level: major}
    - {id: by_category, article: 第一條, when: {category: service}, level: minor}
rules:
  - id: always
    article: 第一條
    deadlines:
      - {id: reply, label: 回復, within: {working_days: 3}, by: [desk]}
      - {id: before_departure, label: 離店前, until: [departs_at]}
  - id: group
    article: 第二條
    when: {people: {gte: 2}, anonymous: true, withdrawn: false}
    actions:
      - {id: elect, label: 推選代表, by: [desk]}
  - id: small_claims
    article: 第三條
    when: {any: [{amount: {lt: "99.50"}}, {finding: late_opening}]}
    actions:
      - {id: settle, label: 當場解決, by: [desk]}
  - id: fines
    article: 第四條
    penalties:
      - {id: rude_fine, label: 罰款, finding: rude, subjects: [desk], kind: fine,
         amount_yuan: {min: 50, max: 100}}
"""


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return load_policy_text(SPACE)


def test_each_dimension_has_one_value_per_class(policy: CompiledPolicy) -> None:
    space = input_space(policy)
    dims = {d.key: d.values for d in space.dimensions}
    assert list(dims) == [
        "received_at",
        "channel",
        "category",
        "finding:late_opening",
        "findings:other",
        "fact:anonymous",
        "fact:withdrawn",
        "fact:people",
        "fact:amount",
        "fact:departs_at",
    ]
    assert dims["received_at"] == tuple(i for i, _ in INSTANTS)
    assert dims["channel"] == ("counter", "phone")
    # findings no condition tests are given one at a time
    assert dims["finding:late_opening"] == (None, True)
    assert dims["findings:other"] == (None, "rude", "leak")
    # bool without default: not given, true, false; with default false: not given, true
    assert dims["fact:anonymous"] == (None, True, False)
    assert dims["fact:withdrawn"] == (None, True)
    # thresholds 2 and 20, minimum 1: below 2 only 1; each threshold; one between; one above
    assert dims["fact:people"] == (None, 1, 2, 3, 20, 21)
    assert dims["fact:amount"] == (None, Decimal("98.50"), Decimal("99.50"), Decimal("100.50"))
    assert dims["fact:departs_at"] == (None, "given")
    # the level is classified: its classes are those of the rows' dimensions
    assert space.level_keys == frozenset({"category", "fact:people"})
    assert space.size() == 5 * 2 * 2 * 2 * 3 * 3 * 2 * 6 * 4 * 2
    assert space.factors(["channel", "fact:people"]) == "channel 2 × fact:people 6"


def test_the_base_is_the_smallest_complaint_and_values_are_complaint_fields(
    policy: CompiledPolicy,
) -> None:
    space = input_space(policy)
    assert space.complaint(space.base(), policy) == {
        "received_at": "2026-03-10T10:00:00+08:00",
        "channel": "counter",
        "category": "service",
    }
    point = next(
        p
        for p in space.points(["findings:other", "fact:amount", "fact:departs_at"])
        if space.value(p, "findings:other") == "leak"
        and space.value(p, "fact:amount") == Decimal("99.50")
        and space.value(p, "fact:departs_at") is not None
    )
    assert space.complaint(point, policy) == {
        "received_at": "2026-03-10T10:00:00+08:00",
        "channel": "counter",
        "category": "service",
        "findings": ["leak"],
        "amount": "99.50",
        "departs_at": "2026-03-11T10:00:00+08:00",
    }
    assert space.weight(point) == 3


def test_every_complaint_of_a_small_space_is_decided(policy: CompiledPolicy) -> None:
    space = input_space(policy)
    keys = ["channel", "category", "fact:people", "findings:other"]
    complaints = [space.complaint(p, policy) for p in space.points(keys)]
    assert len(complaints) == space.size(keys) == 2 * 2 * 6 * 3
    levels = set()
    for complaint in complaints:
        assert complaint is not None
        decision = decide(policy, complaint)
        levels.add(decision.level.id if decision.level else None)
    # 20 or more people: major (row 1); else service: minor (row 2); else no level
    assert levels == {"major", "minor", None}


def test_a_space_too_large_is_refused_with_its_size(policy: CompiledPolicy) -> None:
    space = input_space(policy)
    with pytest.raises(SpaceTooLarge) as caught:
        list(space.complaints(limit=1000))
    assert str(caught.value) == (
        "the input space of policy space has 34,560 complaints (received_at 5 × channel 2 × "
        "category 2 × finding:late_opening 2 × findings:other 3 × fact:anonymous 3 × "
        "fact:withdrawn 2 × fact:people 6 × fact:amount 4 × fact:departs_at 2), more than the "
        "limit of 1,000; decide a deterministic sample instead (sample=N, --sample N)"
    )
    assert caught.value.size == 34_560


def test_a_sample_is_deterministic_and_of_the_size_asked(policy: CompiledPolicy) -> None:
    space = input_space(policy)
    first = list(space.complaints(limit=1000, sample=50))
    again = list(space.complaints(limit=1000, sample=50))
    other_seed = list(space.complaints(limit=1000, sample=50, seed=1))
    assert first == again
    assert first != other_seed
    assert len(first) == 50
    assert all(decide(policy, c).policy.id == "space" for c in first)


def test_the_versions_of_a_diff_share_one_space(policy: CompiledPolicy) -> None:
    wider = load_policy_text(
        SPACE.replace(
            "    - {id: phone, label: 電話投訴}",
            "    - {id: phone, label: 電話投訴}\n    - {id: email, label: 電子郵件}",
        ).replace('{amount: {lt: "99.50"}}', '{amount: {lt: "99.50"}}, {amount: {gte: 1000}}')
    )
    space = input_space(policy, wider)
    assert space.dimension("channel").values == ("counter", "phone", "email")
    assert space.dimension("fact:amount").values == (
        None,
        Decimal("98.50"),
        Decimal("99.50"),
        Decimal("549.75"),
        Decimal("1000"),
        Decimal("1001"),
    )
    email = next(p for p in space.points(["channel"]) if space.value(p, "channel") == "email")
    assert space.complaint(email, policy) is None  # the old version has no such channel
    assert space.complaint(email, wider) is not None


def test_the_representative_instants_are_what_they_say() -> None:
    calendar = Catalog().load("shihua_credit_coop").calendar
    days = [date.fromisoformat(i[:10]) for i, _ in INSTANTS]
    ordinary, before_holiday, makeup, month_end, year_end = days
    assert calendar.is_working_day(ordinary) and ordinary.weekday() == 1
    assert calendar.is_working_day(before_holiday)
    assert not calendar.is_working_day(date(2026, 10, 1))
    assert makeup.weekday() == 6 and calendar.is_working_day(makeup)
    assert month_end == date(2026, 7, 31)
    assert year_end == date(2025, 12, 31) and not calendar.is_working_day(date(2026, 1, 1))


def test_an_abstract_layer_has_a_space_without_channels() -> None:
    baseline = Catalog().load("cn_banking_baseline")
    space = input_space(baseline)
    assert space.dimension("channel").values == ("any_channel",)
    assert space.dimension("fact:in_person_count").values == (None, 1, 2, 3, 20, 21)
    assert space.size() == 5 * 2 * 2 * 2 * 2 * 6 * 2
