"""Clock arithmetic: the due instant, time used and time left of a clock that pauses.

Every expected value is worked out by hand (the comment beside it says how) from China's
official 2026 schedule (國務院辦公廳關於2026年部分節假日安排的通知):

- New Year: Jan 1-3 off; Sun Jan 4 a make-up workday.
- Spring Festival: Feb 15-23 off; Sat Feb 14 and Sat Feb 28 make-up workdays.
- Qingming: Apr 4-6 off.  Labour Day: May 1-5 off; Sat May 9 a make-up workday.
- Dragon Boat: Jun 19-21 off.  Mid-Autumn: Sep 25-27 off.
- National Day: Oct 1-7 off; Sun Sep 20 and Sat Oct 10 make-up workdays.

A clock's segments run from a start (or resumption) to a pause; a paused stretch counts
as nothing, an unpaused one exactly as long as it is. In days, a segment counts the days
after the local date it starts on, up to and including the date it ends on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from complaint_rules.calendar.clocks import (
    DAY_UNITS,
    Counted,
    Segment,
    clock_due,
    counted,
    reminder_at,
)
from complaint_rules.calendar.periods import CountingConvention, Due, Unit, due_after
from complaint_rules.calendar.working_days import WorkingCalendar
from complaint_rules.errors import UnpublishedCalendarError
from tests.support.local_time import CST, day_due

CALENDAR = WorkingCalendar()
TZ = ZoneInfo("Asia/Shanghai")
ARTS = CountingConvention()  # 民法典 Arts. 201 and 203: the start day excluded, rolled


def t(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


def due(
    segments: list[Segment],
    unit: Unit,
    amount: int,
    convention: CountingConvention = ARTS,
    estimate: bool = False,
) -> Due | None:
    return clock_due(
        segments,
        unit,
        amount,
        calendar=CALENDAR,
        tz=TZ,
        convention=convention,
        estimate=estimate,
    )


def used(
    segments: list[Segment],
    unit: str,
    at: datetime,
    convention: CountingConvention = ARTS,
    estimate: bool = False,
) -> Counted:
    return counted(
        segments,
        unit,
        at,
        calendar=CALENDAR,
        tz=TZ,
        convention=convention,
        estimate=estimate,
    )


def reminder(at: Due, unit: str, amount: int, estimate: bool = False) -> datetime:
    return reminder_at(at, unit, amount, calendar=CALENDAR, tz=TZ, estimate=estimate)


# --- the due instant: a clock that never paused -------------------------------------------------


def test_an_unpaused_clock_is_due_as_its_period_from_the_start() -> None:
    start = t(9, 29, 10)
    # Five working days after Tue Sep 29: Sep 30 (1); Oct 1-7 off; Oct 8 (2), Oct 9 (3),
    # Sat Oct 10, a make-up workday (4); Mon Oct 12 (5).
    assert due([Segment(start)], "working_days", 5) == day_due(2026, 10, 12)
    for unit, amount in [("working_days", 5), ("calendar_days", 3), ("hours", 30)]:
        expected = due_after(start, unit, amount, calendar=CALENDAR, tz=TZ)  # type: ignore[arg-type]
        assert due([Segment(start)], unit, amount) == expected  # type: ignore[arg-type]


def test_a_paused_clock_or_one_never_started_has_no_due_instant() -> None:
    assert due([], "working_days", 5) is None
    assert due([Segment(t(9, 29, 10), t(9, 30, 15))], "working_days", 5) is None
    two_closed = [Segment(t(9, 29, 10), t(9, 30, 15)), Segment(t(10, 8, 9), t(10, 8, 10))]
    assert due(two_closed, "hours", 5) is None


# --- the due instant after pauses: days -----------------------------------------------------------


def test_a_pause_over_the_spring_festival_gives_back_the_working_days_it_covered() -> None:
    # Received Thu Feb 12 10:00, 10 working days. Paused Fri Feb 13 15:00, resumed Tue Feb 24
    # 09:00. Before the pause: the days after Feb 12 up to Feb 13: Fri Feb 13 (1 used, 9 left).
    # From the resumption (Feb 24 itself not counted): Feb 25 (1), 26 (2), 27 (3),
    # Sat Feb 28, a make-up workday (4), Mar 2 (5), 3 (6), 4 (7), 5 (8), Fri Mar 6 (9).
    segments = [Segment(t(2, 12, 10), t(2, 13, 15)), Segment(t(2, 24, 9))]
    assert due(segments, "working_days", 10) == day_due(2026, 3, 6)
    # Unpaused it would be Mar 4: Feb 13 (1), Sat Feb 14 (2), Feb 24 (3) ... Mar 4 (10). The
    # pause cost exactly the two working days it covered: Sat Feb 14 and Tue Feb 24.
    assert due([Segment(t(2, 12, 10))], "working_days", 10) == day_due(2026, 3, 4)


def test_a_pause_within_one_day_costs_no_working_day_and_one_overnight_costs_one() -> None:
    received = t(9, 29, 10)
    # Paused Wed Sep 30 10:00 for one minute: Sep 30 is counted before the pause (1 used),
    # and the resumption day is not counted again: Oct 8, 9, 10, 12 (4 left): Mon Oct 12,
    # as if never paused.
    short = [Segment(received, t(9, 30, 10, 0)), Segment(t(9, 30, 10, 1))]
    assert due(short, "working_days", 5) == day_due(2026, 10, 12)
    # Paused from the last minute of Sep 30 to the first of Thu Oct 8: Oct 8 is not counted,
    # so the 4 left are Oct 9, 10, 12 and Tue Oct 13.
    overnight = [Segment(received, t(9, 30, 23, 59)), Segment(t(10, 8, 0, 1))]
    assert due(overnight, "working_days", 5) == day_due(2026, 10, 13)


@pytest.mark.parametrize(
    ("resumed", "roll", "expected"),
    [
        # 10 calendar days from Mon Apr 27 10:00, paused Tue Apr 28 12:00: Apr 28 used (1),
        # 9 left. Resumed Thu Apr 30: Apr 30 + 9 = Sat May 9, a make-up workday: no roll.
        (t(4, 30, 9), True, day_due(2026, 5, 9)),
        # Resumed Fri May 1 (a holiday): May 1 + 9 = Sun May 10, rolled to Mon May 11.
        (t(5, 1, 9), True, day_due(2026, 5, 11)),
        # ... and not rolled where the policy says so.
        (t(5, 1, 9), False, day_due(2026, 5, 10)),
    ],
)
def test_calendar_days_left_after_a_pause_are_rolled_to_a_working_day(
    resumed: datetime, roll: bool, expected: Due
) -> None:
    segments = [Segment(t(4, 27, 10), t(4, 28, 12)), Segment(resumed)]
    convention = CountingConvention(roll_to_working_day=roll)
    assert due(segments, "calendar_days", 10, convention) == expected


def test_calendar_days_count_weekends_and_holidays_alike() -> None:
    # 10 calendar days from Mon Apr 27, unpaused: Apr 27 + 10 = Thu May 7, a working day.
    assert due([Segment(t(4, 27, 10))], "calendar_days", 10) == day_due(2026, 5, 7)
    # Paused Apr 28 12:00 to May 1 09:00 (Apr 29, Apr 30 and May 1 not counted) and again
    # May 3 10:00 to May 6 11:00 (May 4, 5, 6 not counted): used Apr 28 (1), May 2, 3 (3);
    # 7 left from May 6: May 13, a Wednesday.
    segments = [
        Segment(t(4, 27, 10), t(4, 28, 12)),
        Segment(t(5, 1, 9), t(5, 3, 10)),
        Segment(t(5, 6, 11)),
    ]
    assert due(segments, "calendar_days", 10) == day_due(2026, 5, 13)


@pytest.mark.parametrize(
    ("resumed", "expected"),
    [
        # 3 working days from Tue Sep 29: Sep 30, Oct 8, Fri Oct 9. Paused on Oct 9, the last
        # day (all 3 used): due at the end of the day it resumes, or the next working day.
        (t(10, 9, 16), day_due(2026, 10, 9)),  # resumed the same day
        (t(10, 10, 9), day_due(2026, 10, 10)),  # Sat Oct 10, a make-up workday
        (t(10, 11, 9), day_due(2026, 10, 12)),  # Sun Oct 11: rolled to Mon Oct 12
    ],
)
def test_a_clock_paused_with_no_whole_day_left_is_due_the_day_it_resumes(
    resumed: datetime, expected: Due
) -> None:
    segments = [Segment(t(9, 29, 10), t(10, 9, 10)), Segment(resumed)]
    assert due(segments, "working_days", 3) == expected


def test_a_clock_paused_with_one_day_left_is_due_the_next_working_day_after_it_resumes() -> None:
    # 3 working days from Tue Sep 29; paused Thu Oct 8 10:00 (Sep 30 and Oct 8 used; 1 left);
    # resumed Fri Oct 9 (not counted): Sat Oct 10, a make-up workday.
    segments = [Segment(t(9, 29, 10), t(10, 8, 10)), Segment(t(10, 9, 9))]
    assert due(segments, "working_days", 3) == day_due(2026, 10, 10)


def test_working_days_all_used_are_due_on_a_working_day_even_unrolled() -> None:
    # As above, all 3 used by Fri Oct 9 and resumed Sun Oct 11: Mon Oct 12, though the policy
    # does not roll calendar days: a day of a working-day count is a working day.
    segments = [Segment(t(9, 29, 10), t(10, 9, 10)), Segment(t(10, 11, 9))]
    unrolled = CountingConvention(roll_to_working_day=False)
    assert due(segments, "working_days", 3, unrolled) == day_due(2026, 10, 12)


def test_calendar_days_all_used_are_due_the_day_they_resume_rolled_only_if_asked() -> None:
    # 2 calendar days from Tue Sep 29 10:00; paused Thu Oct 1 10:00: Sep 30 and Oct 1 used.
    # Resumed Sun Oct 4: rolled past the holidays (Oct 5-7) to Thu Oct 8; else Oct 4 itself.
    segments = [Segment(t(9, 29, 10), t(10, 1, 10)), Segment(t(10, 4, 9))]
    assert due(segments, "calendar_days", 2) == day_due(2026, 10, 8)
    unrolled = CountingConvention(roll_to_working_day=False)
    assert due(segments, "calendar_days", 2, unrolled) == day_due(2026, 10, 4)
    # More used than the period (the clock ran past it before the pause): the same.
    assert due(segments, "calendar_days", 1, unrolled) == day_due(2026, 10, 4)


def test_the_first_segment_counts_the_start_day_where_the_policy_says_so() -> None:
    same_day = CountingConvention(exclude_start_day=False)
    # 3 working days counting the day of receipt, Wed Sep 30: Sep 30 (1) used before the pause
    # that evening; resumed Thu Oct 8 (not counted): Oct 9 (2), Sat Oct 10 (3).
    segments = [Segment(t(9, 30, 10), t(9, 30, 18)), Segment(t(10, 8, 9))]
    assert due(segments, "working_days", 3, same_day) == day_due(2026, 10, 10)
    # Excluding the day of receipt, nothing is used before the pause: Oct 9, 10, 12.
    assert due(segments, "working_days", 3) == day_due(2026, 10, 12)


def test_only_the_first_segment_counts_its_start_day() -> None:
    same_day = CountingConvention(exclude_start_day=False)
    # 5 working days counting Wed Sep 30, the day of receipt: Sep 30 (1) before the first
    # pause; resumed Thu Oct 8 (not counted), Oct 9 (2) before the second; resumed Mon Oct 12
    # (not counted): Oct 13 (3), 14 (4), Thu Oct 15 (5).
    segments = [
        Segment(t(9, 30, 10), t(9, 30, 18)),
        Segment(t(10, 8, 9), t(10, 9, 18)),
        Segment(t(10, 12, 9)),
    ]
    assert due(segments, "working_days", 5, same_day) == day_due(2026, 10, 15)
    # Used by Tue Oct 13 noon: Sep 30, Oct 9, Oct 13.
    assert used(segments, "working_days", t(10, 13, 12), same_day).days == 3


def test_the_day_ends_when_the_policy_says() -> None:
    five_pm = CountingConvention(day_ends_at=time(17, 0))
    segments = [Segment(t(2, 12, 10), t(2, 13, 15)), Segment(t(2, 24, 9))]
    # As in the Spring Festival case: Fri Mar 6, late from 17:00 (a cut-off a source states).
    assert due(segments, "working_days", 10, five_pm) == Due(t(3, 6, 17), date(2026, 3, 6), False)


def test_the_local_date_decides_whatever_offset_an_instant_is_given_in() -> None:
    # Resumed at 2026-10-07T16:00:00Z = Thu Oct 8 00:00 in Shanghai: Oct 8 is not counted.
    # Paused Sep 30 (1 used of 5): Oct 9, 10, 12, 13.
    paused = Segment(t(9, 29, 10), t(9, 30, 15))
    at_midnight = Segment(datetime(2026, 10, 7, 16, 0, tzinfo=UTC))
    assert due([paused, at_midnight], "working_days", 5) == day_due(2026, 10, 13)
    # One microsecond earlier it is still Oct 7 (a holiday) in Shanghai: Oct 8, 9, 10, 12.
    before = Segment(datetime(2026, 10, 7, 15, 59, 59, 999_999, tzinfo=UTC))
    assert due([paused, before], "working_days", 5) == day_due(2026, 10, 12)


def test_days_into_an_unpublished_year_are_refused_or_estimated() -> None:
    # 2027's schedule is not published. 5 working days from Fri Dec 25 2026, paused Mon Dec 28
    # (Dec 28 used; 4 left), resumed Wed Dec 30: Dec 31 (1); Fri Jan 1 2027, New Year's Day
    # (estimated off); Jan 4 (2), Jan 5 (3), Wed Jan 6 (4).
    segments = [Segment(t(12, 25, 10), t(12, 28, 10)), Segment(t(12, 30, 9))]
    with pytest.raises(UnpublishedCalendarError):
        due(segments, "working_days", 5)
    assert due(segments, "working_days", 5, estimate=True) == day_due(2027, 1, 6, estimated=True)


def test_a_period_that_cannot_pause_is_an_error() -> None:
    segments = [Segment(t(9, 29, 10), t(9, 30, 10)), Segment(t(10, 8, 9))]
    with pytest.raises(ValueError, match=r"^a clock counted in end_of_month cannot pause$"):
        due(segments, "end_of_month", 1)


# --- the due instant after pauses: elapsed time -------------------------------------------------


def test_a_paused_minute_adds_exactly_one_minute() -> None:
    # 90 minutes from 10:00, paused 10:30 (30 used, 60 left).
    start = t(9, 30, 10)
    resumed_at_once = [Segment(start, t(9, 30, 10, 30)), Segment(t(9, 30, 10, 30))]
    assert due(resumed_at_once, "minutes", 90) == Due(t(9, 30, 11, 30), None, False)
    resumed_a_minute_later = [Segment(start, t(9, 30, 10, 30)), Segment(t(9, 30, 10, 31))]
    assert due(resumed_a_minute_later, "minutes", 90) == Due(t(9, 30, 11, 31), None, False)
    assert due([Segment(start)], "minutes", 90) == Due(t(9, 30, 11, 30), None, False)


def test_hours_left_after_a_pause_run_through_nights_and_holidays() -> None:
    # 24 hours from Wed Sep 30 10:00; paused 16:00 (6 used, 18 left); resumed Fri Oct 2 09:00
    # (a holiday: elapsed time takes no notice): due Sat Oct 3 03:00.
    segments = [Segment(t(9, 30, 10), t(9, 30, 16)), Segment(t(10, 2, 9))]
    assert due(segments, "hours", 24) == Due(t(10, 3, 3), None, False)
    # Two pauses: 6 h, then Oct 2 09:00 to 21:00 (12 h): 6 left from Oct 4 08:00: 14:00.
    three = [*segments[:1], Segment(t(10, 2, 9), t(10, 2, 21)), Segment(t(10, 4, 8))]
    assert due(three, "hours", 24) == Due(t(10, 4, 14), None, False)


def test_elapsed_time_used_up_before_a_pause_is_due_when_it_resumes() -> None:
    segments = [Segment(t(9, 30, 10), t(9, 30, 13)), Segment(t(10, 8, 9, 15))]
    assert due(segments, "hours", 2) == Due(t(10, 8, 9, 15), None, False)


def test_the_due_instant_is_in_the_policys_zone_whatever_the_input_zone() -> None:
    segments = [
        Segment(datetime(2026, 9, 30, 2, 0, tzinfo=UTC), datetime(2026, 9, 30, 3, 0, tzinfo=UTC)),
        Segment(datetime(2026, 9, 30, 4, 0, tzinfo=UTC)),
    ]
    # 3 hours, 1 used; 2 left from 04:00Z = 12:00 in Shanghai: 14:00 Shanghai.
    result = due(segments, "hours", 3)
    assert result == Due(t(9, 30, 14), None, False)
    assert result is not None and result.late_from.tzinfo == TZ


# --- time used ----------------------------------------------------------------------------------


def test_working_days_and_seconds_used_leave_out_the_pauses() -> None:
    # Received Tue Sep 29 10:00, paused Wed Sep 30 15:00, resumed Fri Oct 9 10:00; asked Mon
    # Oct 12 12:00. Days: Sep 30 (the first segment), Sat Oct 10 and Mon Oct 12 (the day in
    # progress counts): 3. Seconds: 29 h (Sep 29 10:00 to Sep 30 15:00) + 3 days 2 h.
    segments = [Segment(t(9, 29, 10), t(9, 30, 15)), Segment(t(10, 9, 10))]
    assert used(segments, "working_days", t(10, 12, 12)) == Counted(
        days=3, seconds=29 * 3600 + (3 * 24 + 2) * 3600, estimated=False
    )


def test_a_paused_second_counts_as_nothing_and_a_running_one_as_one() -> None:
    start = t(9, 30, 10)
    paused = [Segment(start, t(9, 30, 10, 30)), Segment(t(9, 30, 10, 31))]
    # At 10:45: 30 minutes before the pause, 14 after it; the paused minute counts nothing.
    assert used(paused, "minutes", t(9, 30, 10, 45)).seconds == 44 * 60
    assert used([Segment(start)], "minutes", t(9, 30, 10, 45)).seconds == 45 * 60
    # While paused, nothing more is used.
    closed = [Segment(start, t(9, 30, 10, 30))]
    assert used(closed, "minutes", t(9, 30, 10, 30)).seconds == 30 * 60
    assert used(closed, "minutes", t(10, 30, 10)).seconds == 30 * 60
    assert used([Segment(start)], "minutes", start + timedelta(seconds=1)).seconds == 1


def test_time_used_is_counted_up_to_the_instant_asked_about() -> None:
    segments = [Segment(t(9, 29, 10), t(9, 30, 15)), Segment(t(10, 9, 10))]
    # Asked before the clock started: nothing. Asked in the first segment: its part only.
    assert used(segments, "working_days", t(9, 29, 9)) == Counted(0, 0, False)
    assert used(segments, "working_days", t(9, 30, 12)) == Counted(1, 26 * 3600, False)
    # Asked during the pause: the first segment (Sep 30), nothing of the second.
    assert used(segments, "working_days", t(10, 8, 12)) == Counted(1, 29 * 3600, False)


def test_calendar_days_used_and_the_start_day_where_it_counts() -> None:
    segments = [Segment(t(9, 29, 10), t(9, 30, 15)), Segment(t(10, 9, 10))]
    # Sep 30, then Oct 10, 11 and 12: 4 calendar days.
    assert used(segments, "calendar_days", t(10, 12, 12)).days == 4
    received_today = [Segment(t(9, 30, 10))]
    same_day = CountingConvention(exclude_start_day=False)
    assert used(received_today, "working_days", t(9, 30, 12)).days == 0
    assert used(received_today, "working_days", t(9, 30, 12), same_day).days == 1
    assert used(received_today, "calendar_days", t(9, 30, 12), same_day).days == 1


def test_elapsed_units_count_no_days() -> None:
    assert DAY_UNITS == ("working_days", "calendar_days")
    result = used([Segment(t(9, 30, 10))], "hours", t(10, 2, 10))
    assert result == Counted(days=None, seconds=48 * 3600, estimated=False)


def test_days_used_into_an_unpublished_year_are_refused_or_estimated() -> None:
    # From Wed Dec 30 2026: Dec 31 (1); Jan 1 2027 estimated off; Jan 4 (2), Tue Jan 5 (3).
    segments = [Segment(t(12, 30, 10))]
    at = t(1, 5, 12, year=2027)
    with pytest.raises(UnpublishedCalendarError):
        used(segments, "working_days", at)
    seconds = (6 * 24 + 2) * 3600
    assert used(segments, "working_days", at, estimate=True) == Counted(3, seconds, True)
    # Calendar days need no schedule.
    assert used(segments, "calendar_days", at) == Counted(6, seconds, False)


def test_an_estimate_counts_every_day_of_a_stretch_that_is_all_working_days() -> None:
    # From Sun Jan 3 2027 to Tue Jan 5: Mon Jan 4 and Tue Jan 5, both (estimated) working days.
    segments = [Segment(t(1, 3, 10, year=2027))]
    at = t(1, 5, 12, year=2027)
    assert used(segments, "working_days", at, estimate=True) == Counted(2, 50 * 3600, True)


# --- reminders ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "amount", "expected"),
    [
        ("minutes", 90, t(10, 12, 22, 30)),  # 90 minutes before Oct 13 00:00 (late from)
        ("hours", 2, t(10, 12, 22)),  # 2 hours before
        ("calendar_days", 1, t(10, 12)),  # the due day itself, from 00:00
        ("calendar_days", 3, t(10, 10)),  # Oct 12, 11, 10
        ("working_days", 1, t(10, 12)),  # Mon Oct 12 is a working day: itself
        ("working_days", 2, t(10, 10)),  # Oct 12 (1), Sun Oct 11 off, Sat Oct 10 make-up (2)
        ("working_days", 4, t(10, 8)),  # ... Fri Oct 9 (3), Thu Oct 8 (4)
        ("working_days", 5, t(9, 30)),  # ... Oct 1-7 off, Wed Sep 30 (5)
    ],
)
def test_a_reminder_before_a_due_instant(unit: str, amount: int, expected: datetime) -> None:
    got = reminder(day_due(2026, 10, 12), unit, amount)
    assert got == expected
    assert got.tzinfo == TZ


def test_a_reminder_in_working_days_before_a_rest_day_starts_on_a_working_day() -> None:
    # Due Sat Oct 31 (an end of month, never rolled): 1 working day before counts back to Fri
    # Oct 30; across the Spring Festival from Tue Feb 24: Feb 24 (1), Sat Feb 14 (2).
    assert reminder(day_due(2026, 10, 31), "working_days", 1) == t(10, 30)
    assert reminder(day_due(2026, 2, 24), "working_days", 2) == t(2, 14)


def test_a_reminder_in_an_unpublished_year_is_refused_or_estimated() -> None:
    # Due Tue Jan 5 2027: 3 working days back by weekdays: Jan 5 (1), Jan 4 (2), Fri Jan 1
    # (3): an estimate knows no holiday when counting back.
    with pytest.raises(UnpublishedCalendarError):
        reminder(day_due(2027, 1, 5), "working_days", 3)
    assert reminder(day_due(2027, 1, 5), "working_days", 3, estimate=True) == t(1, 1, year=2027)
    # Calendar days and elapsed time need no schedule.
    assert reminder(day_due(2027, 1, 5), "calendar_days", 3) == t(1, 3, year=2027)


def test_a_reminder_in_days_before_an_instant_counts_back_from_the_day_before_it() -> None:
    # A period in hours late from Tue Oct 13 00:00 exactly: its last instant on time is on
    # Mon Oct 12, so 1 working day before is Oct 12 from 00:00; late from 14:30 on Oct 13,
    # Oct 13 itself.
    midnight = Due(t(10, 13), None, False)
    assert reminder(midnight, "working_days", 1) == t(10, 12)
    assert reminder(Due(t(10, 13, 14, 30), None, False), "working_days", 1) == t(10, 13)
    assert reminder(Due(t(10, 13, 14, 30), None, False), "calendar_days", 2) == t(10, 12)
    assert reminder(day_due(2027, 1, 5), "calendar_days", 3) == t(1, 3, year=2027)


# --- found by mutation testing (scripts/mutate): each a change of result the suite missed -----


def test_the_functions_refuse_an_unpublished_year_unless_an_estimate_is_asked_for() -> None:
    # Called without ``estimate``: the default refuses. 2027 is not in the verified table.
    segments = [Segment(t(12, 25, 10), t(12, 28, 10)), Segment(t(12, 30, 9))]
    with pytest.raises(UnpublishedCalendarError):
        clock_due(segments, "working_days", 5, calendar=CALENDAR, tz=TZ, convention=ARTS)
    with pytest.raises(UnpublishedCalendarError):
        counted(
            [Segment(t(12, 30, 10))],
            "working_days",
            t(1, 5, 12, year=2027),
            calendar=CALENDAR,
            tz=TZ,
            convention=ARTS,
        )
    with pytest.raises(UnpublishedCalendarError):
        reminder_at(day_due(2027, 1, 5), "working_days", 3, calendar=CALENDAR, tz=TZ)


def test_an_estimate_of_a_weekend_alone_counts_no_working_day() -> None:
    # From Sat Jan 2 2027 to Sun Jan 3: (Jan 2, Jan 3] holds only a Sunday: 0, estimated.
    segments = [Segment(t(1, 2, 10, year=2027))]
    assert used(segments, "working_days", t(1, 3, 12, year=2027), estimate=True) == Counted(
        0, 26 * 3600, True
    )


def test_an_estimate_counts_two_working_days_across_new_year() -> None:
    # From Wed Dec 30 2026 10:00 to Mon Jan 4 2027 12:00: Dec 31 (1); Fri Jan 1 New Year
    # (estimated off); Jan 2-3 weekend; Mon Jan 4 (2). 5 days and 2 hours.
    segments = [Segment(t(12, 30, 10))]
    assert used(segments, "working_days", t(1, 4, 12, year=2027), estimate=True) == Counted(
        2, (5 * 24 + 2) * 3600, True
    )


def test_a_stretch_within_one_day_counts_no_calendar_day() -> None:
    # Mon Mar 9 10:00-15:00: the start day is not counted and no other day is reached.
    segments = [Segment(t(3, 9, 10), t(3, 9, 15))]
    assert used(segments, "calendar_days", t(3, 9, 16)) == Counted(0, 5 * 3600, False)


def test_at_the_instant_of_receipt_no_day_is_used_even_counting_the_start_day() -> None:
    # A policy counting the start day: at the very instant the clock starts, the clock has
    # run no time at all, so it has used no day yet.
    start_counted = CountingConvention(exclude_start_day=False)
    segments = [Segment(t(3, 9, 10))]
    assert used(segments, "calendar_days", t(3, 9, 10), start_counted) == Counted(0, 0, False)
    # One second later the start day is in progress and counts.
    later = t(3, 9, 10) + timedelta(seconds=1)
    assert used(segments, "calendar_days", later, start_counted) == Counted(1, 1, False)


def test_a_pause_of_no_length_does_not_stop_the_count() -> None:
    # Ran 09:00-10:00, paused and resumed at the same instant 11:00, running again from
    # 12:00: at 13:00 it has run 2 hours.
    segments = [
        Segment(t(3, 9, 9), t(3, 9, 10)),
        Segment(t(3, 9, 11), t(3, 9, 11)),
        Segment(t(3, 9, 12)),
    ]
    assert used(segments, "hours", t(3, 9, 13)) == Counted(None, 2 * 3600, False)


def test_days_estimated_before_a_pause_mark_the_due_instant_estimated() -> None:
    # 2027 is unknown, 2028 given by the host (weekly rule, May 1 off). 5 working days:
    # Mon Mar 1 2027 10:00 to Wed Mar 3 10:00 uses Mar 2 and Mar 3 (2, estimated); resumed
    # Mon Mar 6 2028 09:00, 3 left: Mar 7 (1), 8 (2), Thu Mar 9 (3) — counted on a known
    # year, but the days used before were an estimate.
    calendar = WorkingCalendar(extra_holidays={date(2028, 5, 1): "勞動節"})
    segments = [
        Segment(t(3, 1, 10, year=2027), t(3, 3, 10, year=2027)),
        Segment(t(3, 6, 9, year=2028)),
    ]
    got = clock_due(
        segments,
        "working_days",
        5,
        calendar=calendar,
        tz=TZ,
        convention=ARTS,
        estimate=True,
    )
    assert got == day_due(2028, 3, 9, estimated=True)


def test_no_day_left_and_an_estimated_resumption_day_is_estimated() -> None:
    # 3 working days: Tue Dec 1 2026 10:00 to Fri Dec 4 10:00 uses Dec 2, 3, 4 (all);
    # resumed Mon Jan 4 2027 09:00 with none left: due that day if it is a working day,
    # which for 2027 only an estimate can say.
    segments = [Segment(t(12, 1, 10), t(12, 4, 10)), Segment(t(1, 4, 9, year=2027))]
    assert due(segments, "working_days", 3, estimate=True) == day_due(2027, 1, 4, estimated=True)


def test_a_reminder_before_an_instant_a_microsecond_past_midnight() -> None:
    # A period in hours late from Tue Oct 13 00:00:00.000001 (received at a microsecond past
    # the hour): its last instant on time, 00:00:00 exactly, is on Oct 13 itself, so 1
    # calendar day before is Oct 13 from 00:00, and 1 working day before is Oct 13 too (a
    # Tuesday, a working day: the National Day holiday is 1-7 Oct). Counting back from two
    # microseconds before (the mutant) would land on Mon Oct 12.
    just_past = Due(t(10, 13) + timedelta(microseconds=1), None, False)
    assert reminder(just_past, "calendar_days", 1) == t(10, 13)
    assert reminder(just_past, "working_days", 1) == t(10, 13)
    assert reminder(just_past, "calendar_days", 2) == t(10, 12)
