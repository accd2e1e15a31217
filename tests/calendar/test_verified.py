"""The verified calendar table: shipped as it was verified, used for every day of its years,
and the installed ``holidays`` release checked against it at load.

The expectations come from the table's CSV in ``docs/sources/calendar/`` (read here with
the csv module, not through the package) and, for the days named below, from the State
Council notices themselves.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.machinery
import importlib.util
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest

from complaint_rules.calendar import _verified, working_days
from complaint_rules.calendar.working_days import (
    VERIFIED_YEARS,
    WorkingCalendar,
    check_holidays_release,
)
from complaint_rules.errors import CalendarError, UnpublishedCalendarError

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "docs" / "sources" / "calendar"
CSV = SOURCES / "cn-working-day-exceptions-2004-2026.csv"
CAL = WorkingCalendar()


def _rows() -> list[tuple[date, str]]:
    with CSV.open(encoding="utf-8", newline="") as f:
        return [(date.fromisoformat(r["date"]), r["kind"]) for r in csv.DictReader(f)]


ROWS = _rows()
REST = {d for d, kind in ROWS if kind == "rest"}
WORKDAY = {d for d, kind in ROWS if kind == "workday"}
FIRST, LAST = date(2004, 1, 1), date(2026, 12, 31)


def _days(first: date, last: date) -> Iterator[date]:
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def _works(d: date) -> bool:
    """The table's answer: a listed make-up day, or a weekday not listed as a rest day."""
    return d in WORKDAY or (d.weekday() < 5 and d not in REST)


# -- the table as shipped ---------------------------------------------------------------


def test_the_table_is_the_verified_one_as_documented() -> None:
    # docs/sources/calendar/README.md: 558 rows, 407 rest weekdays, 151 make-up workdays.
    assert (len(ROWS), len(REST), len(WORKDAY)) == (558, 407, 151)
    assert all(d.weekday() < 5 for d in REST)
    assert all(d.weekday() >= 5 for d in WORKDAY)
    assert VERIFIED_YEARS == (_verified.FIRST_YEAR, _verified.LAST_YEAR) == (2004, 2026)


def test_the_module_is_generated_from_the_csv_in_the_repository() -> None:
    assert hashlib.sha256(CSV.read_bytes()).hexdigest() == _verified.SOURCE_SHA256
    assert [(date.fromisoformat(d), kind) for d, kind in _verified.EXCEPTIONS] == ROWS
    # And scripts/calendar-table would write it byte for byte as it is.
    loader = importlib.machinery.SourceFileLoader(
        "calendar_table", str(ROOT / "scripts" / "calendar-table")
    )
    spec = importlib.util.spec_from_loader("calendar_table", loader)
    assert spec is not None
    script = importlib.util.module_from_spec(spec)
    loader.exec_module(script)
    rows, sha256 = script.read_table(CSV)
    module = ROOT / "src" / "complaint_rules" / "calendar" / "_verified.py"
    assert script.module_text(rows, sha256) == module.read_text(encoding="utf-8")


# -- every day of every verified year ---------------------------------------------------


def test_every_day_of_every_verified_year_is_the_tables() -> None:
    days = list(_days(FIRST, LAST))
    assert len(days) == 8401
    worked = [d for d in days if _works(d)]
    for d in days:
        assert CAL.is_working_day(d) is _works(d), d
    # The next working day of each day (the table of its own for n == 1), and the count
    # between consecutive working days, by a walk over the table's answers.
    following = iter(worked)
    nxt = next(following)
    for d in days:
        if d >= worked[-1]:
            break
        while nxt <= d:
            nxt = next(following)
        assert CAL.add_working_days(d, 1) == (nxt, False), d
        assert CAL.next_working_day(d, include_self=False) == (nxt, False), d
    # Each year's number of working days.
    for year in range(2004, 2027):
        expected = sum(1 for d in worked if d.year == year)
        got = CAL.working_days_between(date(year - 1, 12, 31), date(year, 12, 31))
        assert got == expected, year


@pytest.mark.parametrize(
    ("day", "works"),
    [
        # 國辦發明電〔2005〕35號, 一、元旦: 「…12月31日（星期六）上班」.
        (date(2005, 12, 31), True),
        # 2019 May Day as revised by 國辦發明電〔2019〕3號 (2019-03-22): May 1-4 off, Sun Apr 28 and
        # Sun May 5 worked (the superseded schedule had only May 1 off).
        (date(2019, 4, 28), True),
        (date(2019, 5, 2), False),
        (date(2019, 5, 3), False),
        (date(2019, 5, 5), True),
        # 2015: Sep 3-5 off for the 70th anniversary, Sun Sep 6 worked.
        (date(2015, 9, 3), False),
        (date(2015, 9, 4), False),
        (date(2015, 9, 6), True),
    ],
)
def test_days_the_notices_settle(day: date, works: bool) -> None:
    assert CAL.is_working_day(day) is works


def test_a_2019_deadline_across_may_day() -> None:
    # Tue 2019-04-30 + 3 working days: May 1-4 off, Sun May 5 (1), Mon May 6 (2),
    # Tue May 7 (3) — not a day of the superseded schedule (May 2, 3 worked).
    assert CAL.add_working_days(date(2019, 4, 30), 3) == (date(2019, 5, 7), False)


# -- the holidays release, checked at load ----------------------------------------------


def _release() -> tuple[frozenset[int], frozenset[int]]:
    """The table itself in the form a holidays release gives (holidays, weekend workdays)."""
    return (
        frozenset(d.toordinal() for d in REST),
        frozenset(d.toordinal() for d in WORKDAY),
    )


def test_a_release_that_agrees_is_accepted() -> None:
    off, on = _release()
    check_holidays_release(off, on, "0.agrees")
    # A holiday on a weekend changes nothing: the day is a rest day either way.
    check_holidays_release(off | {date(2026, 10, 3).toordinal()}, on, "0.agrees")


def test_a_release_with_a_wrong_day_is_refused() -> None:
    off, on = _release()
    # 2019's superseded May Day: Thu May 2 and Fri May 3 worked, Sun May 5 not.
    wrong_off = off - {date(2019, 5, 2).toordinal(), date(2019, 5, 3).toordinal()}
    wrong_on = on - {date(2019, 5, 5).toordinal()}
    with pytest.raises(CalendarError) as info:
        check_holidays_release(wrong_off, wrong_on, "0.70")
    assert str(info.value) == (
        "the installed holidays 0.70 differs from the verified calendar table (2004-2026, "
        "docs/sources/calendar/) on 3 day(s): 2019-05-02 (holidays: working day, table: "
        "rest day), 2019-05-03 (holidays: working day, table: rest day), 2019-05-05 "
        "(holidays: rest day, table: working day); install a holidays release that agrees "
        "with the table (the package's dependency pin names the releases known to agree)"
    )


def test_a_release_wrong_on_many_days_names_the_first_ten() -> None:
    off, _ = _release()
    with pytest.raises(CalendarError, match=r"on 151 day\(s\): 2004-01-17 .* and 141 more;"):
        check_holidays_release(off, frozenset(), "0.x")


@pytest.fixture
def wrong_release(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The installed holidays data with one verified day wrong: 2026-10-08 off."""
    real = working_days._holiday_data

    def data(first: int, last: int) -> tuple[frozenset[int], frozenset[int]]:
        off, on = real(first, last)
        return off | {date(2026, 10, 8).toordinal()}, on

    monkeypatch.setattr(working_days, "_holiday_data", data)
    working_days._checked_release.cache_clear()
    yield
    monkeypatch.undo()
    working_days._checked_release.cache_clear()


@pytest.mark.usefixtures("wrong_release")
def test_loading_a_calendar_refuses_a_wrong_release() -> None:
    with pytest.raises(CalendarError, match=r"2026-10-08 \(holidays: rest day, table: working"):
        WorkingCalendar()


# -- the fingerprint: the days themselves -----------------------------------------------


def _fingerprint(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def test_the_fingerprint_is_the_hash_of_the_days_as_documented() -> None:
    # docs/deadlines.md: a first line, each run of known years, every exception in order.
    lines = ["complaint-rules working days 1", "known 2004-01-01 2026-12-31"]
    lines += [f"{d.isoformat()} {kind}" for d, kind in ROWS]
    assert CAL.fingerprint == _fingerprint(lines)


@pytest.fixture
def other_estimates(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A holidays release that agrees on the verified years but estimates 2027 otherwise."""
    real = working_days._holiday_data

    def data(first: int, last: int) -> tuple[frozenset[int], frozenset[int]]:
        off, on = real(first, last)
        return off | {date(2027, 3, 3).toordinal()}, on

    monkeypatch.setattr(working_days, "_holiday_data", data)
    working_days._base_days.cache_clear()
    yield
    monkeypatch.undo()
    working_days._base_days.cache_clear()


def test_the_fingerprint_does_not_change_with_holidays_estimates(
    other_estimates: None,
) -> None:
    cal = WorkingCalendar()
    # The estimate did change (Wed 2027-03-03 is off in this release's estimate)...
    assert cal.add_working_days(date(2027, 3, 2), 1, estimate=True) == (date(2027, 3, 4), True)
    # ...but not the known days, so not the fingerprint.
    assert cal.fingerprint == CAL.fingerprint


def test_the_fingerprint_changes_only_with_the_days() -> None:
    # A host day that restates the table (Thu 2026-10-01 off) changes no day.
    same = WorkingCalendar(extra_holidays={date(2026, 10, 1): "國慶節"})
    assert same.fingerprint == CAL.fingerprint
    assert same.host_days == ()
    # One that differs (Sat 2026-10-10 not worked) does.
    moved = WorkingCalendar(extra_holidays={date(2026, 10, 10): "no make-up"})
    assert moved.fingerprint != CAL.fingerprint
    lines = ["complaint-rules working days 1", "known 2004-01-01 2026-12-31"]
    lines += [f"{d.isoformat()} {kind}" for d, kind in ROWS if d != date(2026, 10, 10)]
    assert moved.fingerprint == _fingerprint(lines)


# -- years after the table: the host's -------------------------------------------------


def test_the_host_years_and_days() -> None:
    # A host gives 2027's New Year (Fri Jan 1 off) and a make-up Sat Jan 9, and moves one
    # verified day (Sat 2026-10-10, a make-up day, made a rest day).
    cal = WorkingCalendar(
        extra_holidays={date(2027, 1, 1): "元旦", date(2026, 10, 10): "no make-up"},
        extra_workdays={date(2027, 1, 9): "調休"},
    )
    assert cal.host_years == (2027,)
    assert cal.host_days == (date(2026, 10, 10), date(2027, 1, 1), date(2027, 1, 9))
    lines = ["complaint-rules working days 1", "known 2004-01-01 2027-12-31"]
    lines += [f"{d.isoformat()} {kind}" for d, kind in ROWS if d != date(2026, 10, 10)]
    lines += ["2027-01-01 rest", "2027-01-09 workday"]
    assert cal.fingerprint == _fingerprint(lines)


# -- found by mutation testing (scripts/mutate) -----------------------------------------


@pytest.mark.parametrize(
    ("moved", "words"),
    [
        # The first and the last day of the verified years are checked too.
        (date(2004, 1, 1), "holidays: working day, table: rest day"),
        (date(2026, 12, 31), "holidays: rest day, table: working day"),
    ],
)
def test_the_check_covers_the_first_and_the_last_verified_day(moved: date, words: str) -> None:
    off, on = _release()
    o = moved.toordinal()
    wrong = off - {o} if o in off else off | {o}
    with pytest.raises(CalendarError, match=rf"on 1 day\(s\): {moved.isoformat()} \({words}\)"):
        check_holidays_release(wrong, on, "0.x")


def test_the_check_ignores_days_outside_the_verified_years() -> None:
    # A release's own 2003 and 2027 days (Wed 2003-12-31 and Fri 2027-01-01 off, Sat
    # 2003-12-27 worked) are not the table's business.
    off, on = _release()
    outside_off = {date(2003, 12, 31).toordinal(), date(2027, 1, 1).toordinal()}
    check_holidays_release(off | outside_off, on | {date(2003, 12, 27).toordinal()}, "0.x")


def _wrong_on(n: int) -> tuple[frozenset[int], frozenset[int]]:
    """The table with its first ``n`` make-up workdays taken away."""
    off, on = _release()
    first = sorted(WORKDAY)[:n]
    return off, on - {d.toordinal() for d in first}


def test_a_release_wrong_on_ten_days_names_them_all() -> None:
    with pytest.raises(CalendarError) as info:
        check_holidays_release(*_wrong_on(10), "0.x")
    listed = ", ".join(
        f"{d.isoformat()} (holidays: rest day, table: working day)" for d in sorted(WORKDAY)[:10]
    )
    assert f"on 10 day(s): {listed}; install" in str(info.value)


def test_a_release_wrong_on_eleven_days_names_ten_and_counts_one_more() -> None:
    with pytest.raises(CalendarError) as info:
        check_holidays_release(*_wrong_on(11), "0.x")
    listed = ", ".join(
        f"{d.isoformat()} (holidays: rest day, table: working day)" for d in sorted(WORKDAY)[:10]
    )
    assert f"on 11 day(s): {listed} and 1 more; install" in str(info.value)


def test_a_change_on_the_last_day_of_the_known_years_changes_the_fingerprint() -> None:
    # Thu 2026-12-31 off: the last day of the run is part of the fingerprint too.
    moved = WorkingCalendar(extra_holidays={date(2026, 12, 31): "closure"})
    lines = ["complaint-rules working days 1", "known 2004-01-01 2026-12-31"]
    lines += [f"{d.isoformat()} {kind}" for d, kind in ROWS] + ["2026-12-31 rest"]
    assert moved.fingerprint == _fingerprint(lines) != CAL.fingerprint


# -- the edges of the verified years, day by day ----------------------------------------
#
# Around 2004-01-01 and 2026-12-31 every query is compared with a walk over the days: a
# verified day is the table's; a day of another year (2003, 2027) is unknown, so a query
# that needs it is refused, and with ``estimate`` it is holidays' estimate, marked.

_ESTIMATE = holidays.country_holidays("CN", years=(2003, 2027), categories=("public",))


def _day(d: date) -> tuple[bool, bool]:
    """(works, estimated) of one day for the walk."""
    if FIRST <= d <= LAST:
        return _works(d), False
    return _ESTIMATE.is_working_day(d), True


def _walk(start: date, n: int, estimate: bool) -> tuple[date, bool] | None:
    """The n-th working day from ``start`` (counted if it works), or None if refused."""
    d, left, estimated = start, n, False
    while True:
        works, unknown = _day(d)
        if unknown and not estimate:
            return None
        estimated = estimated or unknown
        if works:
            left -= 1
            if left == 0:
                return d, estimated
        d += timedelta(days=1)


EDGES = [
    *_days(date(2003, 12, 20), date(2004, 1, 12)),
    *_days(date(2026, 12, 20), date(2027, 1, 12)),
]


def _outcome(call: Callable[..., object], *args: object, **kwargs: object) -> object:
    try:
        return call(*args, **kwargs)
    except UnpublishedCalendarError:
        return None


@pytest.mark.parametrize("d", EDGES, ids=str)
def test_every_query_at_the_edges_of_the_verified_years(d: date) -> None:
    works, unknown = _day(d)
    assert _outcome(CAL.is_working_day, d) == (None if unknown else works)
    for estimate in (False, True):
        for n in (1, 2, 3):
            expected = _walk(d + timedelta(days=1), n, estimate)
            got = _outcome(CAL.add_working_days, d, n, estimate)
            assert got == expected, (n, estimate)
        for include_self in (True, False):
            expected = _walk(d if include_self else d + timedelta(days=1), 1, estimate)
            got = _outcome(CAL.next_working_day, d, include_self=include_self, estimate=estimate)
            assert got == expected, (include_self, estimate)
    for span in range(8):
        end = d + timedelta(days=span)
        between = [d + timedelta(days=i) for i in range(1, span + 1)]
        if any(_day(x)[1] for x in between):
            expected_count: int | None = None
        else:
            expected_count = sum(1 for x in between if _works(x))
        assert _outcome(CAL.working_days_between, d, end) == expected_count, end


_LONG = holidays.country_holidays("CN", years=range(2026, 2036), categories=("public",))


def _working_after(start: date, count: int) -> list[date]:
    """The first ``count`` working days after ``start`` by a walk: the table for 2026,
    holidays' estimate after it."""
    days: list[date] = []
    d = start
    while len(days) < count:
        d += timedelta(days=1)
        if _works(d) if d.year == 2026 else _LONG.is_working_day(d):
            days.append(d)
    return days


@pytest.mark.parametrize("n", [1, 260, 700, 1000, 1300])
def test_long_counts_from_the_last_verified_days(n: int) -> None:
    # Counts that run past the precomputed years (to 2029) are done year by year; the walk
    # gives the same day. A host closing Thu 2026-12-31 takes that day out of the walk.
    host = WorkingCalendar(extra_holidays={date(2026, 12, 31): "closure"})
    for start in (date(2026, 12, 1), date(2026, 12, 30)):
        walk = _working_after(start, n + 1)
        expected = walk[n - 1]
        assert CAL.add_working_days(start, n, estimate=True) == (expected, expected.year > 2026)
        hosted = [d for d in walk if d != date(2026, 12, 31)][n - 1]
        assert host.add_working_days(start, n, estimate=True) == (hosted, hosted.year > 2026)


def test_a_long_count_through_a_host_year() -> None:
    # The host gives 2027 with only Mon Feb 8 off: Fri Jan 1 2027 is an ordinary Friday.
    # 1300 working days from Wed 2026-12-30 run to about 2032, past the precomputed years;
    # the walk: the table for 2026, the host's 2027, holidays' estimate after.
    host = WorkingCalendar(extra_holidays={date(2027, 2, 8): "春節"})
    days: list[date] = []
    d = date(2026, 12, 30)
    while len(days) < 1300:
        d += timedelta(days=1)
        if d.year == 2026:
            works = _works(d)
        elif d.year == 2027:
            works = d.weekday() < 5 and d != date(2027, 2, 8)
        else:
            works = _LONG.is_working_day(d)
        if works:
            days.append(d)
    assert days[1] == date(2027, 1, 1)
    assert host.add_working_days(date(2026, 12, 30), 1300, estimate=True) == (days[-1], True)
