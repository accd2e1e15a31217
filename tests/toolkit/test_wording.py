"""Policy elements and points of an input space in words, for the officer's reports."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from complaint_rules import load_policy_text
from complaint_rules.policy.model import Money, Period, Policy, Term
from complaint_rules.toolkit.input_space import input_space
from complaint_rules.toolkit.wording import (
    by_id,
    condition_text,
    key_text,
    labels,
    money_text,
    named,
    period_text,
    value_text,
    where_text,
)
from tests.support.policy_texts import MINI

POLICY = load_policy_text(MINI)
# A second version with one more channel and finding, as diff compares them.
NEWER = load_policy_text(
    MINI.replace(
        "    - {id: phone, label: 電話投訴}\n",
        "    - {id: phone, label: 電話投訴}\n    - {id: web, label: 網上投訴}\n",
    ).replace(
        "    - {id: late_opening, label: 不按時開門營業}\n",
        "    - {id: late_opening, label: 不按時開門營業}\n    - {id: rude, label: 態度惡劣}\n",
    )
)
SPACE = input_space(POLICY)


@pytest.mark.parametrize(
    ("period", "text"),
    [
        ({"working_days": 3}, "3 working days"),
        ({"working_days": {"min": 7, "max": 10}}, "7–10 working days"),
        ({"calendar_days": 15}, "15 calendar days"),
        ({"hours": 24}, "24 hours"),
        ({"minutes": {"min": 5, "max": 5}}, "5 minutes"),
        ({"end_of_month": True}, "the end of the month"),
    ],
)
def test_period_text(period: dict[str, Any], text: str) -> None:
    assert period_text(Period.model_validate(period)) == text
    assert period_text(None) == "none"


def test_money_text() -> None:
    policy = Policy.model_validate(
        {
            "schema": "complaint-rules/1",
            "id": "p",
            "version": "1",
            "title": "t",
            "institution": "i",
            "source": "s",
            "parameters": [
                {"id": "vp_limit", "type": "money", "label": "副總權限", "value": "500"},
                {"id": "blank", "type": "money", "label": "未定"},
            ],
        }
    )
    assert money_text(None) == "no amount"
    assert money_text(Money(min=Decimal(100), max=Decimal(100))) == "100 yuan"
    assert money_text(Money(min=Decimal("50"), max=Decimal("200.50"))) == "50–200.50 yuan"
    assert (
        money_text(Money(parameter="vp_limit"), policy) == "parameter vp_limit (副總權限): 500 yuan"
    )
    assert money_text(Money(parameter="blank"), policy) == "parameter blank (未定): blank"
    assert money_text(Money(parameter="vp_limit")) == "parameter vp_limit"
    assert money_text(Money(parameter="other"), policy) == "parameter other"


@pytest.mark.parametrize(
    ("condition", "text"),
    [
        (None, "every complaint"),
        ({"channel": ["letter", "visit"], "major": True}, "channel: [letter, visit], major: true"),
        (
            {"not": {"finding": ["late"]}, "count": {"gte": 3}},
            "not: {finding: [late]}, count: {gte: 3}",
        ),
        (
            {"any": [{"vip": False}, {"level": {"at_least": "major"}}]},
            "any: [{vip: false}, {level: {at_least: major}}]",
        ),
        ("not a mapping", "not a mapping"),
        ([1, True], "[1, true]"),
    ],
)
def test_condition_text_in_the_policys_flow_style(condition: Any, text: str) -> None:
    assert condition_text(condition) == text


def test_names_and_labels() -> None:
    desk = Term(id="desk", label="櫃面")
    assert by_id([desk, Term(id="head", label="負責人")])["desk"] is desk
    assert named(desk, "desk") == "櫃面 (desk)"
    assert named(None, "gone") == "gone"
    assert labels(POLICY, "roles", ["head", "desk", "gone"]) == "負責人 (head)、櫃面 (desk)、gone"
    assert labels(POLICY, "channels", []) == "none"


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        (
            "received_at",
            "2026-09-20T10:00:00+08:00",
            "2026-09-20T10:00:00+08:00 (a make-up workday (Sun))",
        ),
        ("received_at", "2026-01-05T10:00:00+08:00", "2026-01-05T10:00:00+08:00"),
        ("channel", "counter", "櫃面投訴 (counter)"),
        ("channel", "web", "網上投訴 (web)"),  # known to the other version only
        ("channel", "fax", "fax"),
        ("level", None, "not given"),
        ("findings:other", "rude", "態度惡劣 (rude)"),
        ("findings:other", None, "none"),
        ("findings:other", "gone", "gone"),
        ("finding:late_opening", True, "present"),
        ("finding:late_opening", None, "absent"),
        ("fact:serious", True, "true"),
        ("fact:serious", False, "false"),
        ("fact:serious", None, "not given"),
        ("fact:compensation_yuan", Decimal("1"), "1"),
    ],
)
def test_a_value_of_a_dimension_in_words(key: str, value: Any, text: str) -> None:
    space = input_space(POLICY, NEWER)
    assert value_text(space, POLICY, key, value) == text


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("category", "category"),
        ("finding:late_opening", "finding 不按時開門營業 (late_opening)"),
        ("finding:rude", "finding 態度惡劣 (rude)"),
        ("finding:gone", "finding gone"),
        ("findings:other", "finding"),
        ("fact:serious", "fact 情節嚴重 (serious)"),
        ("fact:gone", "fact gone"),
    ],
)
def test_a_dimension_in_words(key: str, text: str) -> None:
    space = input_space(POLICY, NEWER)
    assert key_text(space, POLICY, key) == text


def test_where_names_only_the_dimensions_not_taken_whole() -> None:
    # Points varying channel and level, only the phone ones: channel says phone; level, taken
    # whole, is left out; category, not asked about, too.
    points = [p for p in SPACE.points(["channel", "level"]) if p[1] == "phone"]
    assert where_text(SPACE, POLICY, points, ["channel", "level"]) == ("channel: 電話投訴 (phone)",)
    # Within the phone points, channel is taken whole: nothing to say.
    assert where_text(SPACE, POLICY, points, ["channel"], within=points) == ()
    major = [p for p in points if p[3] == "major"]
    assert where_text(SPACE, POLICY, major, ["level", "channel"]) == (
        "channel: 電話投訴 (phone)",
        "level: 重大投訴 (major)",
    )
