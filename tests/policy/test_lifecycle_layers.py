"""Merging a policy's lifecycle over the lifecycle of the policy it ``extends``: entries by
id and in order, gaps added up, the layer of every entry kept for the status to name."""

from __future__ import annotations

from datetime import timedelta

import pytest

from complaint_rules import PolicyError, load_policy_text
from complaint_rules.lifecycle.case import status
from complaint_rules.policy.lifecycle_layers import (
    KINDS,
    layer_key,
    lifecycle_layers,
    merge_lifecycle,
)
from complaint_rules.policy.model import Lifecycle
from tests.support.lifecycle_policy import POLICY, RECEIVED, at, clock
from tests.support.local_time import late_from

BASE = Lifecycle.model_validate(
    {
        "events": [{"id": "checked", "after": ["replied"]}, {"id": "hold"}],
        "clocks": [
            {"id": "reply", "label": "回復", "article": "第一條", "deadlines": ["reply"]},
            {"id": "check", "label": "核實", "article": "第二條", "within": {"working_days": 3}},
        ],
        "duties": [{"id": "follow_up"}],
        "reminders": [{"id": "urge", "clock": "reply", "to": ["desk"]}],
        "gaps": [{"about": "other", "article": "第九條", "text": "基準未定"}],
    }
)
BASE_LAYERS = {
    "events:checked": "grand",
    "events:hold": "base",
    "clocks:reply": "base",
    "clocks:check": "base",
    "duties:follow_up": "base",
    "reminders:urge": "base",
    "gaps:0": "base",
}


def test_the_key_of_an_entry_and_the_kinds_with_ids() -> None:
    assert layer_key("clocks", "decision") == "clocks:decision"
    assert KINDS == ("events", "clocks", "duties", "reminders")


def test_every_entry_of_a_single_policy_is_its_own() -> None:
    assert lifecycle_layers(None, "p") == {}
    assert lifecycle_layers(BASE, "base") == dict.fromkeys(BASE_LAYERS, "base")
    assert lifecycle_layers(Lifecycle(), "p") == {}


def test_without_a_lifecycle_of_its_own_the_policy_inherits_the_bases() -> None:
    merged, layers, paths = merge_lifecycle(BASE, BASE_LAYERS, None, "own")
    assert (merged, layers, paths) == (BASE, BASE_LAYERS, {})
    assert layers is not BASE_LAYERS  # a copy: the base's map is never changed
    own = Lifecycle.model_validate({"duties": [{"id": "follow_up"}]})
    assert merge_lifecycle(None, {}, own, "own") == (own, {"duties:follow_up": "own"}, {})


def test_entries_replace_the_bases_in_place_new_ones_follow_and_gaps_add_up() -> None:
    own = Lifecycle.model_validate(
        {
            "events": [{"id": "hold", "needs_by": True}],
            "clocks": [
                {"id": "ack", "label": "確認", "article": "分行一", "within": {"hours": 2}},
                {"id": "reply", "label": "回復(分行)", "article": "分行二", "deadlines": ["r"]},
            ],
            "gaps": [{"about": "deadline", "article": "分行三", "text": "分行未定"}],
        }
    )
    merged, layers, paths = merge_lifecycle(BASE, BASE_LAYERS, own, "own")
    assert merged is not None
    assert [(e.id, e.needs_by) for e in merged.events] == [("checked", False), ("hold", True)]
    assert [(c.id, c.label) for c in merged.clocks] == [
        ("reply", "回復(分行)"),
        ("check", "核實"),
        ("ack", "確認"),
    ]
    assert merged.duties == BASE.duties and merged.reminders == BASE.reminders
    assert [g.text for g in merged.gaps] == ["基準未定", "分行未定"]
    assert layers == {
        **BASE_LAYERS,
        "events:hold": "own",
        "clocks:reply": "own",
        "clocks:ack": "own",
        "gaps:1": "own",
    }
    # Merged position -> position in the extending file.
    assert paths == {
        ("lifecycle", "events", 1): ("lifecycle", "events", 0),
        ("lifecycle", "clocks", 0): ("lifecycle", "clocks", 1),
        ("lifecycle", "clocks", 2): ("lifecycle", "clocks", 0),
        ("lifecycle", "gaps", 1): ("lifecycle", "gaps", 0),
    }


# --- through the loader and a case's status -------------------------------------------------------


EXTENDING = """\
schema: complaint-rules/1
id: lifecycle_test_branch
version: "1"
title: 分行
institution: 分行
source: test
extends: lifecycle_test
parameters:
  - {id: urge_hours, type: int, label: 催辦時數, value: 2}
lifecycle:
  reminders:
    - id: urge
      article: 第三條
      clock: reply
      before: {unit: hours, parameter: urge_hours}
      to: [head]
  gaps:
    - {about: other, article: 分行第一條, text: 分行 rules say nothing more.}
"""


def test_an_extending_policy_overrides_lifecycle_entries_by_id_and_keeps_their_layer() -> None:
    branch = load_policy_text(EXTENDING, file="branch.yaml", resolve=lambda _: POLICY)
    assert dict(branch.lifecycle_layers) == {
        "events:checked": "lifecycle_test",
        "clocks:reply": "lifecycle_test",
        "duties:follow_up": "lifecycle_test",
        "duties:vip_call": "lifecycle_test",
        "reminders:urge": "lifecycle_test_branch",
        "gaps:0": "lifecycle_test_branch",
    }
    before = status(
        branch, [RECEIVED], late_from(2026, 10, 12) - timedelta(hours=2, microseconds=1)
    )
    assert before.reminders == ()
    # Two hours before Oct 13 00:00, when the reply (last day Oct 12) is late.
    ((reminder),) = status(branch, [RECEIVED], at(10, 12, 22)).reminders
    assert (reminder.since, [r.id for r in reminder.to]) == (at(10, 12, 22), ["head"])
    ((gap),) = status(branch, [RECEIVED], at(10, 1)).gaps
    assert (gap.source.rule, gap.source.article, gap.source.policy) == (
        "lifecycle",
        "分行第一條",
        "lifecycle_test_branch",
    )
    assert clock(status(branch, [RECEIVED], at(10, 1))).source.policy == "lifecycle_test"


def test_a_problem_in_an_extending_policys_lifecycle_is_located_in_its_own_file() -> None:
    bad = EXTENDING.replace("clock: reply", "clock: replyy")
    with pytest.raises(PolicyError) as info:
        load_policy_text(bad, file="branch.yaml", resolve=lambda _: POLICY)
    assert [str(p) for p in info.value.problems] == [
        "branch.yaml:14: lifecycle.reminders[0].clock: clock 'replyy' is not declared; "
        "allowed: reply; did you mean 'reply'?"
    ]
