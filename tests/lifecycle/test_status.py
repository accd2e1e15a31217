"""A case's status as plain data: frozen models that refuse unknown fields, read back from
their own JSON, and show one line."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from complaint_rules import CompiledPolicy
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.status import (
    CaseStatus,
    ClockStatus,
    Rejection,
    TimeCount,
    Transition,
)
from tests.support.lifecycle_policy import POLICY, RECEIVED, at, ev

SHA = re.compile(r"sha256:[0-9a-f]{12}\b")


def test_a_status_shows_its_policy_instant_and_events_applied(keyouqianqi: CompiledPolicy) -> None:
    events = [
        {
            "event": "received",
            "at": "2026-09-30T10:00:00+08:00",
            "complaint": {"channel": "letter", "category": "work_error"},
        }
    ]
    got = status(keyouqianqi, events, at="2026-10-09T09:00:00+08:00")
    assert repr(got).startswith("<CaseStatus keyouqianqi_credit_union version ")
    assert repr(got).endswith("at 2026-10-09T09:00:00+08:00, 1 events applied>")
    assert SHA.search(repr(got))


def test_the_whole_repr_of_a_status() -> None:
    got = status(POLICY, [RECEIVED, ev("hold", at(9, 30, 9))], at(10, 1, 12))
    assert repr(got) == (
        f"<CaseStatus lifecycle_test version 1 sha256:{POLICY.sha256[:12]} "
        "at 2026-10-01T12:00:00+08:00, 2 events applied>"
    )


def test_a_status_reads_back_from_its_own_json() -> None:
    events = [RECEIVED, ev("hold", at(9, 30, 9)), ev("nothing", at(9, 30, 10))]
    got = status(POLICY, events, at(10, 1, 12))
    again = CaseStatus.model_validate_json(got.model_dump_json())
    assert again == got
    assert again.model_dump_json() == got.model_dump_json()
    (clock,) = again.clocks
    assert isinstance(clock, ClockStatus) and clock.state == "paused"
    assert again.rejected[0].event == "nothing"


def test_the_models_are_frozen_and_refuse_unknown_fields() -> None:
    count = TimeCount(day_unit="working_days", days=2, wall_seconds=None)
    with pytest.raises(ValidationError, match="Instance is frozen"):
        count.days = 3  # type: ignore[misc]
    with pytest.raises(ValidationError) as info:
        Rejection.model_validate({"index": 0, "event": None, "at": None, "reason": "x", "y": 1})
    assert [e["type"] for e in info.value.errors()] == ["extra_forbidden"]
    with pytest.raises(ValidationError) as info:
        TimeCount.model_validate({"day_unit": "hours", "days": None, "wall_seconds": 60})
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [
        ("literal_error", ("day_unit",))
    ]
    with pytest.raises(ValidationError):
        Transition.model_validate({"at": at(10, 1), "op": "jump", "event": None, "index": None})
    breach = Transition(at=at(10, 1), op="breach", event=None, index=None)
    assert breach.note is None
