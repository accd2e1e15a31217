"""Fuzzing the event reader (a case's history) with hypothesis, the twin of
fuzz/events_target.py: lists of events with valid, hostile and arbitrary fields. The
oracle: a status whose JSON and text hold no ESC byte and no planted personal data, or the
library's own located ComplaintError or CalendarError; never another exception."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaint_rules import CalendarError, Catalog, ComplaintError
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.render import status_text

POLICY = Catalog().load("keyouqianqi_credit_union")
MARK = "歐陽娜娜13800138000"
HOSTILE: st.SearchStrategy[Any] = st.sampled_from(
    [MARK, MARK + "\x1b[2J", "\x1b]0;x\x07", "\u202e", "", 7, None, [], {}]
)
AT = "2026-10-09T09:00:00+08:00"
KINDS = ["received", "closed", "updated", "escalated", "reminded", "done", "withdrawal_requested"]
COMPLAINT = {"channel": "信件投訴", "category": "工作失誤"}


@st.composite
def event(draw: st.DrawFn) -> Any:
    item: dict[Any, Any] = {
        "event": draw(st.sampled_from(KINDS) | HOSTILE),
        "at": draw(
            st.sampled_from(["2026-09-29T10:00:00+08:00", "2026-10-01T10:00:00+08:00"]) | HOSTILE
        ),
    }
    if item["event"] == "received":
        item["complaint"] = draw(st.just(COMPLAINT) | HOSTILE)
    for key in draw(
        st.lists(
            st.sampled_from(["by", "facts", "escalation", "duty", MARK, "reminder"]), max_size=3
        )
    ):
        item[key] = draw(
            HOSTILE | st.dictionaries(st.sampled_from([MARK, "x", "\x1b"]), HOSTILE, max_size=2)
        )
    return draw(st.just(item) | HOSTILE)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event(), max_size=6))
def test_a_hostile_history_gives_a_status_or_a_located_error_and_echoes_nothing(
    events: list[Any],
) -> None:
    error: ComplaintError | None = None
    try:
        result = status(POLICY, events, AT)
    except ComplaintError as exc:
        error = exc
    except CalendarError:
        return
    if error is not None:
        assert all(p.path and p.code for p in error.problems)
        assert MARK not in str(error) and "\x1b" not in str(error)
        return
    shown = result.model_dump_json() + status_text(result)
    assert "\x1b" not in shown and MARK not in shown and "13800138000" not in shown
