"""The durable_rules adapter: posting a case's events to it gives what `status` gives.

The differential property test draws case histories from every bundled policy's own
lifecycle (valid ones, and ones with events the policy must reject), posts them to one
adapter per policy with ticks in between (often exactly at, or a microsecond before, the
next change the adapter reports), and compares the adapter's session with `status` of
the same events at the same instant after every step. Expected instants in the worked
tests are from China's 2026 schedule (National Day Oct 1-7 off, Sat Oct 10 a make-up day).

The tests that need durable_rules are skipped where it cannot be imported (it does not
build on Python 3.13+); the import and install-message tests run everywhere.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import Catalog, CompiledPolicy, ComplaintError
from complaint_rules.adapters._durable_load import install_message
from complaint_rules.decision.model import DecidedDue
from complaint_rules.errors import MissingExtraError
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.status import CaseStatus
from complaint_rules.testing.strategies import event_sequences
from tests.support import ROOT
from tests.support.durable import require_durable_rules
from tests.support.local_time import CST, due_on, last_moment, late_from

VARIANTS = ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"
TICK = timedelta(microseconds=1)
FEWER = settings(max_examples=max(5, settings().max_examples // 3), deadline=None)


def _bundled_and_variant() -> list[str]:
    catalog = Catalog([VARIANTS])
    return [i for i in catalog.ids() if not catalog.load(i).policy.abstract]


POLICIES = _bundled_and_variant()


@pytest.fixture(scope="module")
def durable_adapter() -> Any:
    """The adapter module; skipped on Python 3.13+ only (see tests.support.durable)."""
    require_durable_rules()
    from complaint_rules.adapters import durable

    return durable


@pytest.fixture(scope="module")
def policies() -> Catalog:
    return Catalog([VARIANTS])


KY_EVENTS: list[dict[str, Any]] = [
    {
        "event": "received",
        "at": "2026-09-29T10:00:00+08:00",
        "complaint": {"channel": "信件投訴", "category": "工作失誤"},
    },
    {"event": "withdrawal_requested", "at": "2026-09-30T09:00:00+08:00"},
    {"event": "withdrawal_coerced", "at": "2026-10-08T10:00:00+08:00", "by": "acceptance_dept"},
    {"event": "withdrawal_voluntary", "at": "2026-10-08T11:00:00+08:00"},
]


# --- without durable_rules ------------------------------------------------------------


def test_the_core_and_the_adapter_module_do_not_import_durable_rules() -> None:
    code = (
        "import sys, complaint_rules, complaint_rules.lifecycle.case, complaint_rules.adapters, "
        "complaint_rules.adapters.durable; "
        "print([m for m in ('durable', 'durable_rules_engine') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_without_durable_rules_the_adapter_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, keyouqianqi: CompiledPolicy
) -> None:
    from complaint_rules.adapters.durable import DurableAdapter

    for name in ("durable", "durable.engine", "durable.lang", "durable_rules_engine"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(MissingExtraError) as info:
        DurableAdapter(keyouqianqi)
    assert str(info.value) == install_message()
    # the core still works
    assert status(keyouqianqi, KY_EVENTS[:1], "2026-09-29T12:00:00+08:00").clocks[0].id == "reply"


# --- the differential property test ---------------------------------------------------


def _instants(events: list[dict[str, Any]]) -> list[datetime]:
    out = []
    for event in events:
        try:
            at = datetime.fromisoformat(event["at"])
        except (TypeError, ValueError, KeyError):
            continue
        if at.tzinfo is not None:
            out.append(at)
    return out


def _expected(policy: CompiledPolicy, events: list[dict[str, Any]], at: datetime) -> CaseStatus:
    return status(policy, events, at)


def _due(due: DecidedDue | None) -> tuple[date | None, datetime | None]:
    return (None, None) if due is None else (due.last_day, due.late_from)


def _fact_due(fact: Any) -> DecidedDue:
    return DecidedDue(last_day=fact.last_day, late_from=fact.late_from)


def _same_items(view: Any, expected: CaseStatus) -> None:
    """The view against the status, field by field (not through the adapter's facts)."""
    assert [
        (c.clock, c.state, c.last_day, c.late_from, c.breached_at, c.amount) for c in view.clocks
    ] == [(c.id, c.state, *(_due(c.due)), c.breached_at, c.amount) for c in expected.clocks]
    assert [(e.escalation, e.since, e.to, e.clock) for e in view.escalations] == [
        (e.id, e.since, tuple(r.id for r in e.to), e.clock) for e in expected.escalations
    ]
    assert [(r.reminder, r.since, r.to) for r in view.reminders] == [
        (r.id, r.since, tuple(x.id for x in r.to)) for r in expected.reminders
    ]
    assert [(o.duty, o.since, o.last_day, o.late_from, o.overdue) for o in view.owed] == [
        (o.id, o.since, *(_due(o.due)), o.overdue) for o in expected.owed
    ]
    assert view.next_change == expected.next_change
    assert view.at == expected.at


@pytest.mark.parametrize("policy_id", POLICIES)
def test_posting_events_gives_what_status_gives(
    durable_adapter: Any, policies: Catalog, policy_id: str
) -> None:
    policy = policies.load(policy_id)
    adapter = durable_adapter.DurableAdapter(policy)
    CaseView = durable_adapter.CaseView
    counter = iter(range(10**9))

    @FEWER
    @given(
        st.one_of(event_sequences(policy), event_sequences(policy, invalid=True)),
        st.data(),
    )
    def check(events: list[dict[str, Any]], data: st.DataObject) -> None:
        n = next(counter)
        case, twin = f"A-{n}", f"B-{n}"
        posted: list[dict[str, Any]] = []
        ticks: list[datetime] = []
        try:
            for event in events:
                posted.append(event)
                out = adapter.post(case, event)
                adapter.post(twin, event)  # a second session, interleaved, never ticked
                assert out.index == len(posted) - 1
                if out.rejection is not None and _instants(posted):
                    latest = max(_instants(posted))
                    assert out.rejection == status(policy, posted, latest).rejected[-1]
                if out.view.at is None:
                    continue
                expected = _expected(policy, posted, out.view.at)
                assert replace(out.view, rejected=()) == CaseView.from_status(
                    case, replace_rejected(expected)
                )
                _same_items(out.view, expected)
                change = out.view.next_change
                if change is not None and data.draw(st.booleans(), label="tick"):
                    back = data.draw(st.sampled_from([timedelta(0), TICK, timedelta(hours=3)]))
                    ticks.append(max(out.view.at, change - back))
                    ticked = adapter.tick(case, ticks[-1])
                    expected = _expected(policy, posted, ticked.view.at)
                    _same_items(ticked.view, expected)
                    assert ("timer" in ticked.rules) == (back == timedelta(0))
            instants = _instants(events) + ticks
            if not instants:
                return
            hours = data.draw(st.integers(min_value=0, max_value=24 * 20), label="hours")
            at = max(instants) + timedelta(hours=hours)
            expected = _expected(policy, events, at)
            for name in (case, twin):
                final = adapter.tick(name, at).view
                assert final == CaseView.from_status(name, expected)
                _same_items(final, expected)
                assert final.rejected == expected.rejected
                whole = adapter.status(name)
                assert whole.model_dump_json() == expected.model_dump_json()
                assert list(adapter.events(name)) == events
        finally:
            for name in (case, twin):
                if name in adapter.cases:
                    adapter.forget(name)

    try:
        check()
    finally:
        adapter.close()


def replace_rejected(result: CaseStatus) -> CaseStatus:
    """The status without its rejections: mid-case, the adapter lists a refused event
    dated after the case's instant, which ``status`` leaves out until that instant."""
    return result.model_copy(update={"rejected": ()})


# --- worked cases -----------------------------------------------------------------------


def test_the_reply_limit_breaches_at_midnight_after_its_last_day(
    durable_adapter: Any, keyouqianqi: CompiledPolicy
) -> None:
    # 3 working days from Tue Sep 29: Sep 30, Oct 8, Oct 9 (Oct 1-7 off).
    with durable_adapter.DurableAdapter(keyouqianqi) as adapter:
        first = adapter.post("K-1", KY_EVENTS[0])
        assert first.rules == ("event:received", "clock:reply", "owed:head_contacts_immediately")
        assert _fact_due(first.view.clocks[0]) == due_on(2026, 10, 9)
        assert first.view.next_change == late_from(2026, 10, 9)
        for event in KY_EVENTS[1:]:
            out = adapter.post("K-1", event)
        assert out.rejection is not None and out.rejection.index == 3
        assert out.rejection.reason == (
            "'withdrawal_voluntary' contradicts 'withdrawal_coerced', "
            "which happened at 2026-10-08T10:00:00+08:00"
        )
        assert out.rejection.code == "case.event.contradicts"
        assert out.rejection.said("zh-Hant") == (
            "'withdrawal_voluntary' 與 2026-10-08T10:00:00+08:00 已發生的 'withdrawal_coerced' "
            "互相矛盾,兩者不能同時成立"
        )
        # Kept in the case's state: the view read back from it says it in Chinese too.
        (kept,) = [r for r in out.view.rejected if r.index == 3]
        assert kept.said("zh-Hans") == (
            "'withdrawal_voluntary' 与 2026-10-08T10:00:00+08:00 已发生的 'withdrawal_coerced' "
            "互相矛盾,两者不能同时成立"
        )
        on_time = adapter.tick("K-1", last_moment(2026, 10, 9))
        assert on_time.rules == ("tick",)
        assert on_time.view.clocks[0].state == "running"
        late = adapter.tick("K-1", late_from(2026, 10, 9))
        assert late.rules == ("tick", "timer", "clock:reply", "escalation:overrun_general")
        assert [(c.op, c.what, c.id) for c in late.changes] == [
            ("asserted", "clock", "reply"),
            ("asserted", "escalation", "overrun_general"),
        ]
        (escalation,) = late.view.escalations
        assert (escalation.since, escalation.to) == (late_from(2026, 10, 9), ("acceptance_dept",))
        assert late.view.clocks[0].state == "breached"
        assert late.view.next_change is None
        at = datetime(2026, 10, 10, 9, 0, tzinfo=CST)
        assert adapter.tick("K-1", at).view == durable_adapter.CaseView.from_status(
            "K-1", status(keyouqianqi, KY_EVENTS, at)
        )
        # time never goes back
        back = adapter.tick("K-1", datetime(2026, 10, 1, tzinfo=CST))
        assert (back.rules, back.changes, back.view.at) == (("tick",), (), at)


def test_an_event_is_matched_by_any_of_its_spellings_and_unknown_ones_are_refused(
    durable_adapter: Any, policies: Catalog
) -> None:
    bocom = policies.load("bocom")
    received = {
        "event": "received",
        "at": "2026-09-16T10:00:00+08:00",
        "complaint": {
            "channel": "95559客服熱線",
            "category": "客戶投訴",
            "cannot_resolve_directly": True,
            "needs_head_office": False,
        },
    }
    with durable_adapter.DurableAdapter(bocom) as adapter:
        adapter.post("B", received)
        by_label = {
            "event": "延長處理期限",
            "at": "2026-09-20T10:00:00+08:00",
            "by": "投訴處理機構",
        }
        out = adapter.post("B", by_label)
        assert out.accepted and out.rules[0] == "event:extended"
        (clock,) = out.view.clocks
        # 30 calendar days from Sep 16: Oct 16 (a Friday, a working day).
        assert (clock.amount, _fact_due(clock)) == (30, due_on(2026, 10, 16))
        # another width and case: the library resolves it, through the fallback rule
        wide = {"event": "ＥＸＴＥＮＤＥＤ", "at": "2026-09-20T11:00:00+08:00", "by": "上級機構"}
        further = adapter.post("B", wide)
        assert further.accepted and further.rules[0] == "event:unresolved"
        # 60 calendar days from Sep 16: Sun Nov 15, a day off, so Mon Nov 16.
        assert (further.view.clocks[0].amount, _fact_due(further.view.clocks[0])) == (
            60,
            due_on(2026, 11, 16),
        )
        unknown = adapter.post("B", {"event": "no_such_event", "at": "2026-09-21T10:00:00+08:00"})
        assert unknown.rules == ("event:unresolved",)
        assert unknown.rejection is not None
        assert unknown.rejection.reason == (
            "unknown event 'no_such_event'; allowed: received, updated, escalated, reminded, "
            "done, closed, decided, extended, appraisal_started, appraisal_ended, new_facts, "
            "repeated, withdrawn, beyond_tier_authority, opinion_not_compliant, opinion_rejected"
        )
        assert unknown.view.clocks == further.view.clocks
        naive = adapter.post("B", {"event": "closed", "at": "2026-09-22T10:00:00"})
        assert naive.rejection is not None and naive.rejection.reason == (
            "at has no UTC offset; give one, e.g. 2026-09-22T10:00:00+08:00"
        )
        assert [r.index for r in naive.view.rejected] == [3, 4]


def test_host_rules_see_the_status_facts(durable_adapter: Any, keyouqianqi: CompiledPolicy) -> None:
    lang = importlib.import_module("durable.lang")  # no type hints: import it as a module
    m, when_all = lang.m, lang.when_all
    seen: list[tuple[str, list[str]]] = []

    def notify(c: Any) -> None:
        seen.append((c.m.escalation, list(c.m.to)))

    rule = when_all(m.t == "escalation")(notify)
    with durable_adapter.DurableAdapter(keyouqianqi, rules=[rule]) as adapter:
        adapter.post("K", KY_EVENTS[0])
        assert seen == []
        out = adapter.tick("K", "2026-10-10T00:00:00+08:00")
        assert seen == [("overrun_general", ["acceptance_dept"])]
        assert out.rules[-1] == "host:0"


def test_an_error_in_a_rule_is_raised_and_a_rule_cannot_call_the_adapter(
    durable_adapter: Any, keyouqianqi: CompiledPolicy
) -> None:
    lang = importlib.import_module("durable.lang")
    m, when_all = lang.m, lang.when_all
    holder: dict[str, Any] = {}

    def reenter(c: Any) -> None:
        holder["adapter"].view("K")

    with durable_adapter.DurableAdapter(
        keyouqianqi, rules=[when_all(m.t == "clock")(reenter)]
    ) as adapter:
        holder["adapter"] = adapter
        with pytest.raises(RuntimeError) as info:
            adapter.post("K", KY_EVENTS[0])
        assert str(info.value) == "a rule's action must not call the DurableAdapter that runs it"
        assert adapter.view("K").rejected == ()  # the adapter is usable afterwards


def test_unpublished_years_raise_as_status_does(
    durable_adapter: Any, keyouqianqi: CompiledPolicy
) -> None:
    from complaint_rules import UnpublishedCalendarError

    late: dict[str, Any] = {
        "event": "received",
        "at": "2031-06-03T10:00:00+08:00",
        "complaint": {"channel": "letter", "category": "work_error"},
    }
    with pytest.raises(UnpublishedCalendarError):
        status(keyouqianqi, [late], late["at"])
    with durable_adapter.DurableAdapter(keyouqianqi) as adapter:
        with pytest.raises(UnpublishedCalendarError):
            adapter.post("K", late)
        assert adapter.events("K") == ()  # nothing recorded
        with durable_adapter.DurableAdapter(keyouqianqi, estimate=True) as estimating:
            out = estimating.post("K", late)
            assert out.accepted and out.view.clocks[0].late_from is not None


def test_threads_share_one_adapter(durable_adapter: Any, keyouqianqi: CompiledPolicy) -> None:
    before = threading.active_count()
    with durable_adapter.DurableAdapter(keyouqianqi) as adapter:
        assert threading.active_count() == before  # no dispatcher threads
        errors: list[BaseException] = []

        def run(worker: int) -> None:
            try:
                for n in range(20):
                    case = f"T{worker}-{n}"
                    for event in KY_EVENTS:
                        adapter.post(case, event)
                    adapter.tick(case, "2026-10-10T00:00:00+08:00")
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(w,)) for w in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        expected = durable_adapter.CaseView.from_status(
            "T3-19", status(keyouqianqi, KY_EVENTS, "2026-10-10T00:00:00+08:00")
        )
        assert adapter.view("T3-19") == expected
        assert len(adapter.cases) == 80
        assert threading.active_count() == before


def test_sessions_are_limited_forgotten_and_closed(
    durable_adapter: Any, keyouqianqi: CompiledPolicy
) -> None:
    adapter = durable_adapter.DurableAdapter(keyouqianqi)
    other = durable_adapter.DurableAdapter(keyouqianqi)
    assert adapter.name != other.name
    other.close()
    stray = {"event": "closed", "at": "2026-09-29T10:00:00+08:00"}  # refused: not received
    for n in range(durable_adapter.MAX_CASES):
        adapter.post(f"C{n}", stray)
    with pytest.raises(durable_adapter.CapacityError) as info:
        adapter.post("one more", stray)
    assert str(info.value) == (
        "the adapter holds 1024 cases, as many as a durable_rules ruleset can; "
        "forget() closed cases or use another adapter"
    )
    for n in range(0, durable_adapter.MAX_CASES, 2):
        adapter.forget(f"C{n}")
    for n in range(durable_adapter.MAX_CASES // 2 - 1):
        adapter.post(f"D{n}", stray)
    assert adapter.post("C0", KY_EVENTS[0]).view.rejected == ()  # a fresh session
    with pytest.raises(KeyError):
        adapter.tick("never posted", "2026-10-10T00:00:00+08:00")
    with pytest.raises(ComplaintError):
        adapter.tick("C0", "2026-10-10T00:00:00")
    adapter.close()
    adapter.close()
    with pytest.raises(RuntimeError) as closed:
        adapter.post("C0", KY_EVENTS[1])
    assert str(closed.value) == f"the adapter {adapter.name} is closed"


def test_events_are_kept_as_json(durable_adapter: Any, keyouqianqi: CompiledPolicy) -> None:
    received = dict(KY_EVENTS[0], at=datetime(2026, 9, 29, 10, 0, tzinfo=CST))
    with durable_adapter.DurableAdapter(keyouqianqi) as adapter:
        assert adapter.post("K", received).accepted
        assert adapter.events("K") == (KY_EVENTS[0],)
        with pytest.raises(TypeError) as info:
            adapter.post(
                "K", {"event": "updated", "at": "2026-09-30T10:00:00+08:00", "facts": {1, 2}}
            )
        assert str(info.value) == "an event is kept as JSON; a set value is not JSON"
        assert len(adapter.events("K")) == 1


def test_tick_all_and_the_whole_status(durable_adapter: Any, keyouqianqi: CompiledPolicy) -> None:
    later = dict(KY_EVENTS[0], at="2026-10-09T08:30:00+08:00")
    with durable_adapter.DurableAdapter(keyouqianqi) as adapter:
        adapter.post("K-1", KY_EVENTS[0])
        adapter.post("K-2", later)
        # K-2: 3 working days from Fri Oct 9 are Sat Oct 10 (a make-up day), Oct 12, Oct 13.
        assert adapter.next_change("K-2") == late_from(2026, 10, 13)
        outs = adapter.tick_all("2026-10-12T09:00:00+08:00")
        assert [(o.case, o.view.clocks[0].state) for o in outs] == [
            ("K-1", "breached"),
            ("K-2", "running"),
        ]
        at = "2026-10-11T09:00:00+08:00"
        assert adapter.status("K-1", at) == status(keyouqianqi, KY_EVENTS[:1], at)
        assert adapter.status("K-2").at == datetime(2026, 10, 12, 9, 0, tzinfo=CST)


def test_the_module_example_holds(durable_adapter: Any) -> None:
    import doctest

    result = doctest.testmod(durable_adapter, verbose=False)
    assert (result.attempted, result.failed) == (5, 0)
