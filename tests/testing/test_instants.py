"""Instants of receipt where deadlines go wrong: holidays, make-up workdays, month and year
ends, the edges of the known calendar; shrinking to 09:00 on a plain working day."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import find

from complaint_rules import CompiledPolicy
from complaint_rules.testing._instants import ANCHOR, _runs, anchor_day, special_days
from complaint_rules.testing.strategies import received_instants


def test_received_instants_reach_the_hard_days(keyouqianqi: CompiledPolicy) -> None:
    last = max(keyouqianqi.calendar.known_years)
    days = set(special_days(keyouqianqi))
    assert {
        date(2026, 10, 1),  # National Day, a Thursday off
        date(2026, 9, 30),  # the working day before it
        date(2026, 10, 10),  # Sat, a make-up working day
        date(2026, 2, 14),  # Sat, a make-up working day before the Spring Festival
        date(2026, 4, 30),  # a month end
        date(2025, 12, 31),  # a year end
        date(2004, 1, 1),  # the first day of the verified calendar
        date(last, 12, 31),  # the last known day
        date(last + 1, 1, 1),  # the first day of an unknown year
    } <= days
    instants = received_instants(keyouqianqi)
    tz = keyouqianqi.tz
    assert find(instants, lambda t: True) == datetime(2026, 3, 2, 9, 0, tzinfo=tz)
    find(instants, lambda t: t.astimezone(tz).date() in days - {date(2026, 3, 2)})
    find(instants, lambda t: t.astimezone(tz).date() not in days)
    find(instants, lambda t: t.tzinfo != tz and t.date() != t.astimezone(tz).date())
    find(instants, lambda t: t.time().microsecond == 999_999)


def test_the_anchor_is_a_plain_monday_unless_the_policy_closes_it(
    keyouqianqi: CompiledPolicy,
) -> None:
    assert date(2026, 3, 2) == ANCHOR and ANCHOR.weekday() == 0
    assert anchor_day(keyouqianqi) == ANCHOR
    # Closed on Mon Mar 2: the first working Monday of March of the last known year, Mar 9.
    closed = keyouqianqi.with_calendar(holidays={date(2026, 3, 2): "closed"})
    assert anchor_day(closed) == date(2026, 3, 9)
    tz = closed.tz
    assert find(received_instants(closed), lambda t: True) == datetime(2026, 3, 9, 9, tzinfo=tz)


def test_runs_of_consecutive_years() -> None:
    assert _runs([2001, 2002, 2003]) == [(2001, 2003)]
    assert _runs([2001, 2002, 2005, 2007, 2008]) == [(2001, 2002), (2005, 2005), (2007, 2008)]
    assert _runs([]) == []


def test_the_edges_of_every_run_of_known_years(keyouqianqi: CompiledPolicy) -> None:
    # Days given for 2030 make it known: a second run of known years, with its own edges.
    later = keyouqianqi.with_calendar(holidays={date(2030, 10, 1): "國慶節"})
    days = set(special_days(later))
    assert {
        date(2029, 12, 31),  # the day before the run
        date(2030, 1, 1),
        date(2030, 1, 2),
        date(2030, 12, 20),  # the last days of the run
        date(2030, 12, 31),
        date(2031, 1, 1),  # the first days after it
        date(2031, 1, 5),
        date(2030, 9, 30),  # around the day off
        date(2030, 10, 2),
    } <= days
    assert date(2031, 1, 6) not in days and date(2028, 6, 15) not in days
    assert special_days(later) == sorted(days)


def test_holidays_and_make_up_days_with_their_neighbours(keyouqianqi: CompiledPolicy) -> None:
    days = set(special_days(keyouqianqi))
    # Sat Oct 10 2026, a make-up workday, and the days around it; Mon Oct 12 is plain.
    assert {date(2026, 10, 9), date(2026, 10, 10), date(2026, 10, 11)} <= days
    assert date(2026, 10, 12) not in days and date(2026, 10, 13) not in days
    # Every month end; the first day of every known year.
    assert {date(2026, m, 1) - date.resolution for m in range(2, 13)} <= days
    assert {date(y, 1, 1) for y in range(2004, 2027)} <= days
