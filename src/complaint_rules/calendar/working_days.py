"""China's working-day calendar: a verified table of the official schedule, and checks.

A :class:`WorkingCalendar` is built once per policy. For the *verified years* (2004-2026)
its days come from the table in :mod:`._verified`, generated from
``docs/sources/calendar/`` (every exception to the weekly rule, verified day by day against
two independent data sets and the State Council notices), not from the ``holidays``
package. ``holidays`` is used for two things only: as a cross-check, at load (the first
calendar built in a process refuses an installed ``holidays`` release whose China days for
a verified year differ from the table, raising :class:`~complaint_rules.errors.CalendarError`),
and for *estimates* of the years the table does not cover, given only on request. Years
after the table are added by the host (a policy's ``calendar`` days or
``CompiledPolicy.with_calendar``); those days, not the table's, are what
:attr:`WorkingCalendar.host_years` and :attr:`WorkingCalendar.host_days` report.

Within the known years (the longest run of consecutive known years) a query is two
indexings: a compact array gives, for each day, how many working days precede it, and a
tuple of answers built in advance gives the answer; the next working day
(``add_working_days(d, 1)``) is one lookup in a table of its own. Elsewhere it is a binary
search over working days precomputed for the known years plus a margin. A count that would
pass through a year whose official schedule is not known raises
:class:`UnpublishedCalendarError` unless an estimate is asked for.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import MAXYEAR, MINYEAR, date, datetime
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Final, NoReturn

from ..errors import CalendarError, UnpublishedCalendarError
from . import _verified

__all__ = ["VERIFIED_YEARS", "WorkingCalendar", "check_holidays_release"]

VERIFIED_YEARS: Final = (_verified.FIRST_YEAR, _verified.LAST_YEAR)
"""(first, last) year of the verified table: the years known without the host's days."""
# Years of estimated data precomputed around the known years.
_MARGIN_BEFORE: Final = 1
_MARGIN_AFTER: Final = 3
# holidays' China data starts in this year; earlier years have no holidays at all.
_CHINA_START: Final = 1950
# Extra days may be given up to this many years after the verified table (catches typos).
_EXTRA_AHEAD: Final = 100
_EMPTY: Final[Mapping[date, str]] = MappingProxyType({})
# add_working_days' n for the next working day (compared by identity: see there).
_ONE: Final = 1

# A query's answer, built once: (working day, estimated=False).
_Result = tuple[date, bool]

# The verified table as ordinals: weekdays off, weekend days worked.
_TABLE_OFF: Final = frozenset(
    date.fromisoformat(d).toordinal() for d, kind in _verified.EXCEPTIONS if kind == "rest"
)
_TABLE_ON: Final = frozenset(
    date.fromisoformat(d).toordinal() for d, kind in _verified.EXCEPTIONS if kind == "workday"
)


def _bad_date(value: object, name: str) -> NoReturn:
    raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")


def _check_date(value: object, name: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        _bad_date(value, name)
    return value


def _check_days(days: Mapping[date, str], name: str) -> dict[date, str]:
    if not isinstance(days, Mapping):
        raise TypeError(f"{name} must be a mapping of date to name")
    out: dict[date, str] = {}
    for day, label in days.items():
        _check_date(day, f"{name} key {day!r}")
        if not isinstance(label, str):
            raise TypeError(f"{name}[{day.isoformat()}] must be a str name")
        out[day] = label
    return out


# Pure data of the installed holidays package, immutable: computed once per range, shared by
# every calendar (each compiled policy builds one).
@lru_cache(maxsize=16)
def _holiday_data(first: int, last: int) -> tuple[frozenset[int], frozenset[int]]:
    """Ordinals of holidays' China public holidays and weekend workdays for the years."""
    years = range(max(first, _CHINA_START), min(last, MAXYEAR) + 1)
    if not years:
        return frozenset(), frozenset()
    import holidays  # only for the cross-check and for estimates
    from holidays.constants import PUBLIC

    hol = holidays.country_holidays("CN", years=years, categories=(PUBLIC,))
    return (
        frozenset(d.toordinal() for d in hol),
        frozenset(d.toordinal() for d in hol.weekend_workdays),
    )


def _holidays_version() -> str:
    from holidays.version import __version__

    return str(__version__)


def _works(o: int, off: frozenset[int], on: frozenset[int]) -> bool:
    """Whether the day of ordinal ``o`` is worked: a weekday not ``off``, or a weekend day
    ``on``."""
    return o not in off if (o - 1) % 7 < 5 else o in on


def check_holidays_release(off: frozenset[int], on: frozenset[int], version: str) -> None:
    """Refuse ``holidays`` data whose working days for a verified year differ from the table.

    ``off`` and ``on`` are ordinals of the release's China public holidays and weekend
    workdays. Raises :class:`~complaint_rules.errors.CalendarError` naming the release and
    every day that differs, with what each says.
    """
    first, last = VERIFIED_YEARS
    differ = [
        o
        for o in range(date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal() + 1)
        if _works(o, off, on) != _works(o, _TABLE_OFF, _TABLE_ON)
    ]
    if differ:
        words = {True: "working day", False: "rest day"}
        shown = ", ".join(
            f"{date.fromordinal(o).isoformat()} (holidays: {words[_works(o, off, on)]}, "
            f"table: {words[_works(o, _TABLE_OFF, _TABLE_ON)]})"
            for o in differ[:10]
        )
        more = f" and {len(differ) - 10} more" if len(differ) > 10 else ""
        raise CalendarError(
            f"the installed holidays {version} differs from the verified calendar table "
            f"({first}-{last}, docs/sources/calendar/) on {len(differ)} day(s): "
            f"{shown}{more}; install a holidays release that agrees with the table "
            "(the package's dependency pin names the releases known to agree)"
        )


@lru_cache(maxsize=1)
def _checked_release() -> None:
    """The cross-check at load: once per process, before the first calendar is built."""
    first, last = VERIFIED_YEARS
    off, on = _holiday_data(first, last)
    check_holidays_release(off, on, _holidays_version())


@lru_cache(maxsize=16)
def _base_days(first: int, last: int) -> tuple[frozenset[int], frozenset[int]]:
    """Days off and weekend workdays for the years: the verified table's for its years,
    holidays' (estimates) for the others."""
    v_first, v_last = VERIFIED_YEARS
    # holidays' data for the year after too: a make-up workday can be declared in the
    # next year's notice (e.g. 2001-12-29 in the 2002 notice).
    hol_off, hol_on = _holiday_data(first, last + 1)
    lo, hi = date(v_first, 1, 1).toordinal(), date(v_last, 12, 31).toordinal()
    off = {o for o in hol_off if not lo <= o <= hi} | _TABLE_OFF
    on = {o for o in hol_on if not lo <= o <= hi} | _TABLE_ON
    return frozenset(off), frozenset(on)


def _year_working_days(
    year: int, off: frozenset[int], workdays: frozenset[int], *, plain: bool
) -> list[int]:
    """Working-day ordinals of a year: Mon-Fri minus `off` plus weekend `workdays`."""
    lo = date(year, 1, 1).toordinal()
    hi = date(year, 12, 31).toordinal()
    if plain:
        return [o for o in range(lo, hi + 1) if (o - 1) % 7 < 5]
    return [
        o
        for o in range(lo, hi + 1)
        if ((o - 1) % 7 < 5 and o not in off) or ((o - 1) % 7 >= 5 and o in workdays)
    ]


def _fast_tables(ords: list[int], lo: int, hi: int) -> tuple[array[int], tuple[_Result, ...]]:
    """The fast path's tables for the known days ``lo``..``hi`` (ordinals).

    ``before[i]``, for the day ``lo - 1 + i`` (from the day before ``lo`` to ``hi``), is the
    index in ``results`` of the last working day on or before it (-1 if none); so the n-th
    working day after that day is ``results[before[i] + n]`` while the index is in range.
    """
    days = ords[bisect_left(ords, lo) : bisect_right(ords, hi)]
    before = array("i", bytes(4 * (hi - lo + 2)))
    k = -1
    following = days[0] if days else hi + 1
    for i, o in enumerate(range(lo - 1, hi + 1)):
        if o == following:
            k += 1
            following = days[k + 1] if k + 1 < len(days) else hi + 1
        before[i] = k
    return before, tuple((date.fromordinal(o), False) for o in days)


def _table_works(d: date) -> bool:
    """Whether the verified table has ``d`` (a day of a verified year) as a working day."""
    return _works(d.toordinal(), _TABLE_OFF, _TABLE_ON)


def _fingerprint(ords: list[int], spans: list[tuple[int, int]]) -> str:
    """SHA-256 of the known days themselves: each run of known years and, in date order,
    every day of them that is an exception to the weekly rule (a weekday off, a weekend
    day worked). Equal days give an equal fingerprint, whatever gave them."""
    lines = ["complaint-rules working days 1"]
    start = 0
    for lo, hi in spans:
        lines.append(f"known {date.fromordinal(lo)} {date.fromordinal(hi)}")
        start = bisect_left(ords, lo, start)
        end = bisect_right(ords, hi, start)
        worked = set(ords[start:end])
        for o in range(lo, hi + 1):
            weekday = (o - 1) % 7 < 5
            if weekday != (o in worked):
                lines.append(f"{date.fromordinal(o)} {'rest' if weekday else 'workday'}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _restore(
    extra_holidays: dict[date, str],
    extra_workdays: dict[date, str],
    published_years: tuple[int, int] | None,
) -> WorkingCalendar:
    return WorkingCalendar(
        extra_holidays=extra_holidays,
        extra_workdays=extra_workdays,
        published_years=published_years,
    )


class WorkingCalendar:
    """Immutable China working-day calendar.

    Working day = Monday-Friday, minus public holidays, plus weekend make-up workdays.
    Half-day group holidays (Women's Day, Youth Day, ...) are not closures.

    A year is *known* if it lies in ``published_years`` (default: the verified table's
    years, 2004-2026; a narrower run may be given) or if ``extra_holidays``/
    ``extra_workdays`` give any day in it. For a table year the extra days override the
    table; for a year known only from extra days, those days are the whole schedule:
    Monday-Friday, minus ``extra_holidays``, plus ``extra_workdays`` (holidays' estimate is
    not used). Years before the table (2001-2003 included: 2003's May Day week was changed
    after ``holidays`` recorded it) are unknown unless the host gives their days.
    """

    __slots__ = (
        "_base",
        "_before",
        "_extra_holidays",
        "_extra_workdays",
        "_fingerprint",
        "_host_days",
        "_index",
        "_known",
        "_known_spans",
        "_lo",
        "_next",
        "_ords",
        "_published",
        "_published_arg",
        "_results",
        "_span",
    )

    _base: int  # ordinal of the day before the fast span: _before[0]
    _before: array[int]  # never mutated after __init__
    _extra_holidays: Mapping[date, str]
    _extra_workdays: Mapping[date, str]
    _fingerprint: str
    _host_days: tuple[date, ...]
    _index: dict[date, int]  # _before by day, for add_working_days; never mutated
    _known: frozenset[int]
    _known_spans: tuple[tuple[int, int], ...]
    _lo: int
    _next: dict[date, _Result]  # the answer for n == 1 by day (the _index days); never mutated
    _ords: tuple[int, ...]
    _published: tuple[int, int]
    _published_arg: tuple[int, int] | None
    _results: tuple[_Result, ...]
    _span: tuple[int, int]

    def __init__(
        self,
        *,
        extra_holidays: Mapping[date, str] = _EMPTY,
        extra_workdays: Mapping[date, str] = _EMPTY,
        published_years: tuple[int, int] | None = None,
    ) -> None:
        off = _check_days(extra_holidays, "extra_holidays")
        on = _check_days(extra_workdays, "extra_workdays")
        if both := sorted(off.keys() & on.keys()):
            listed = ", ".join(d.isoformat() for d in both)
            raise ValueError(f"dates in both extra_holidays and extra_workdays: {listed}")

        _checked_release()
        data_first, data_last = VERIFIED_YEARS
        if published_years is None:
            first, last = data_first, data_last
        else:
            if (
                not isinstance(published_years, tuple)
                or len(published_years) != 2
                or not all(type(y) is int for y in published_years)
            ):
                raise TypeError("published_years must be a (first, last) tuple of ints")
            first, last = published_years
            if not data_first <= first <= last <= data_last:
                raise ValueError(
                    f"published_years must satisfy {data_first} <= first <= last <= "
                    f"{data_last} (the verified calendar table); got {published_years}; "
                    "give other years' days in extra_holidays/extra_workdays"
                )

        published = frozenset(range(first, last + 1))
        extra_years = {d.year for d in off} | {d.year for d in on}
        if extra_years and not (
            min(extra_years) >= _CHINA_START and max(extra_years) <= data_last + _EXTRA_AHEAD
        ):
            raise ValueError(
                f"extra_holidays/extra_workdays must lie in {_CHINA_START}-"
                f"{data_last + _EXTRA_AHEAD}; got a day in {sorted(extra_years)}"
            )
        known = published | extra_years
        span_first = max(MINYEAR, min(known) - _MARGIN_BEFORE)
        span_last = min(MAXYEAR, max(known) + _MARGIN_AFTER)

        base_off, base_on = _base_days(span_first, span_last)
        off_ord = {d.toordinal() for d in off}
        on_ord = {d.toordinal() for d in on}
        ords: list[int] = []
        for year in range(span_first, span_last + 1):
            plain = year in extra_years and year not in published
            year_days = _year_working_days(year, base_off, base_on, plain=plain)
            if year in extra_years:
                lo, hi = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
                year_set = (set(year_days) - off_ord) | {o for o in on_ord if lo <= o <= hi}
                year_days = sorted(year_set)
            ords.extend(year_days)

        spans: list[tuple[int, int]] = []
        for year in sorted(known):
            lo, hi = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
            if spans and spans[-1][1] + 1 == lo:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))

        # The host's days: every day given for a year outside the table, and the days of a
        # table year where the given day differs from the table's.
        host_days = tuple(
            sorted(
                [d for d in off if d.year not in published or _table_works(d)]
                + [d for d in on if d.year not in published or not _table_works(d)]
            )
        )

        # The fast span: the longest run of known years (ties: the latest).
        fast_lo, fast_hi = max(spans, key=lambda span: (span[1] - span[0], span[0]))
        before, results = _fast_tables(ords, fast_lo, fast_hi)

        setattr_ = object.__setattr__
        setattr_(self, "_base", fast_lo - 1)
        setattr_(self, "_before", before)
        setattr_(self, "_extra_holidays", MappingProxyType(off))
        setattr_(self, "_extra_workdays", MappingProxyType(on))
        setattr_(self, "_fingerprint", _fingerprint(ords, spans))
        setattr_(self, "_host_days", host_days)
        index = {date.fromordinal(fast_lo - 1 + i): k for i, k in enumerate(before)}
        setattr_(self, "_index", index)
        setattr_(self, "_known", known)
        setattr_(self, "_known_spans", tuple(spans))
        setattr_(self, "_lo", date(span_first, 1, 1).toordinal())
        # The next working day, the commonest query, in one lookup (about 0.3 MB).
        last_k = len(results) - 1
        setattr_(self, "_next", {d: results[k + 1] for d, k in index.items() if k < last_k})
        setattr_(self, "_ords", tuple(ords))
        setattr_(self, "_published", (first, last))
        setattr_(self, "_published_arg", published_years)
        setattr_(self, "_results", results)
        setattr_(self, "_span", (span_first, span_last))

    # -- immutability -------------------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"WorkingCalendar is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"WorkingCalendar is immutable; cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WorkingCalendar):
            return NotImplemented
        return self._fingerprint == other._fingerprint

    def __hash__(self) -> int:
        return hash(self._fingerprint)

    def __copy__(self) -> WorkingCalendar:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> WorkingCalendar:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _restore,
            (dict(self._extra_holidays), dict(self._extra_workdays), self._published_arg),
        )

    def __repr__(self) -> str:
        extra = sorted(self._known - set(range(self._published[0], self._published[1] + 1)))
        return (
            f"WorkingCalendar(published_range={self._published}, extra_years={extra}, "
            f"extra_holidays={len(self._extra_holidays)}, "
            f"extra_workdays={len(self._extra_workdays)})"
        )

    # -- properties ---------------------------------------------------------------------

    @property
    def known_years(self) -> frozenset[int]:
        """Years whose schedule is known: published years plus years given extra days."""
        return self._known

    @property
    def published_range(self) -> tuple[int, int]:
        """(first, last) year of the official schedule used by default."""
        return self._published

    @property
    def extra_holidays(self) -> Mapping[date, str]:
        """Days off added by the policy or host (read-only)."""
        return self._extra_holidays

    @property
    def extra_workdays(self) -> Mapping[date, str]:
        """Working days added by the policy or host (read-only)."""
        return self._extra_workdays

    @property
    def fingerprint(self) -> str:
        """SHA-256 hex of the known days themselves: the runs of known years and every
        exception to the weekly rule in them (the verified table's and the host's).

        Equal for equal days, whatever gave them (a ``holidays`` release, the order or
        redundancy of the host's days); estimates of unknown years are not part of it
        (a deadline counted on them is marked ``estimated``)."""
        return self._fingerprint

    @property
    def verified_years(self) -> tuple[int, int]:
        """(first, last) year of the verified table shipped with the package."""
        return VERIFIED_YEARS

    @property
    def host_years(self) -> tuple[int, ...]:
        """Known years outside the verified table: their whole schedule is the host's (the
        weekly rule with the days the policy or ``with_calendar`` gives)."""
        return tuple(sorted(self._known - set(range(self._published[0], self._published[1] + 1))))

    @property
    def host_days(self) -> tuple[date, ...]:
        """The days the host's word decides rather than the verified table's, in order:
        every day given (by the policy's ``calendar`` or ``with_calendar``) for a year
        outside the table, and each day of a table year where the given day differs from
        the table."""
        return self._host_days

    def is_known(self, year: int) -> bool:
        """Whether the official schedule of ``year`` is known."""
        return year in self._known

    # -- queries ------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """Whether ``d`` is a working day; raises for a day in an unknown year."""
        if type(d) is date:
            i = d.toordinal() - self._base
            if 0 < i < len(self._before):  # in the fast span: d works if it adds one
                return self._before[i] > self._before[i - 1]
        _check_date(d, "d")
        if d.year not in self._known:
            raise UnpublishedCalendarError(d.year, self._published)
        o = d.toordinal()
        i = bisect_right(self._ords, o) - 1  # known years always lie inside the span
        return i >= 0 and self._ords[i] == o

    # ``estimate`` may be passed by position: a keyword-only default makes every call to
    # this, the hottest function of the calendar, about 10 % slower.
    def add_working_days(self, d: date, n: int, estimate: bool = False) -> tuple[date, bool]:
        """The ``n``-th working day strictly after ``d``, and whether it is estimated.

        ``d`` itself never counts. If a day passed over lies in an unknown year, raises
        :class:`UnpublishedCalendarError` unless ``estimate``: then those years count as
        Monday-Friday minus holidays' estimated public holidays, and the flag is True.
        """
        # Fast path: d in the fast span or the day before it, and the result in that span.
        # One dict lookup (a date caches its hash) and, but for n == 1, one indexing; a
        # datetime or any other key is not in the tables and takes the slow way. ``n is
        # _ONE`` holds for any int 1 in CPython (small ints are shared) and never for True;
        # where it does not hold, the general path gives the same answer.
        if n is _ONE:
            try:
                return self._next[d]
            except (KeyError, TypeError):  # outside the span, or not a date
                pass
        elif n.__class__ is int and n > 0:
            try:
                return self._results[self._index[d] + n]
            except (KeyError, IndexError, TypeError):  # outside the span, or not a date
                pass
        _check_date(d, "d")
        if type(n) is not int:
            raise TypeError(f"n must be an int, not {type(n).__name__}")
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n}")
        o, estimated = self._add(d.toordinal(), n, estimate)
        return date.fromordinal(o), estimated

    def next_working_day(
        self, d: date, *, include_self: bool = True, estimate: bool = False
    ) -> tuple[date, bool]:
        """``d`` if it is a working day (and ``include_self``), else the next working day."""
        if type(d) is date:
            # i == 0 is the day before the fast span, in an unknown year: it may count
            # only if include_self is False.
            i = d.toordinal() - self._base
            if i > 0 or (i == 0 and not include_self):
                try:
                    k = self._before[i]
                    if include_self and self._before[i - 1] < k:  # d is a working day
                        return self._results[k]
                    return self._results[k + 1]
                except IndexError:
                    pass
        _check_date(d, "d")
        o = d.toordinal() - 1 if include_self else d.toordinal()
        r, estimated = self._add(o, 1, estimate)
        return date.fromordinal(r), estimated

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days in (start, end]; 0 if ``end <= start``."""
        _check_date(start, "start")
        _check_date(end, "end")
        if end <= start:
            return 0
        first, last = start.toordinal(), end.toordinal()
        if first >= self._base and last - self._base < len(self._before):
            return self._before[last - self._base] - self._before[first - self._base]
        self._require_known(first + 1, last)
        return bisect_right(self._ords, last) - bisect_right(self._ords, first)

    # -- internals ----------------------------------------------------------------------

    def _add(self, o: int, n: int, estimate: bool) -> tuple[int, bool]:
        """Ordinal of the n-th working day after ordinal ``o``, and the estimated flag."""
        ords = self._ords
        j = bisect_right(ords, o) + n - 1
        if o >= self._lo - 1 and j < len(ords):
            r = ords[j]
            for lo, hi in self._known_spans:
                if lo <= o + 1 and r <= hi:
                    return r, False
            if not estimate:
                self._require_known(o + 1, r)
            return r, True
        return self._add_slow(o, n, estimate)

    def _add_slow(self, o: int, n: int, estimate: bool) -> tuple[int, bool]:
        """Year-by-year count for a result outside the precomputed span."""
        if o >= date.max.toordinal():
            raise OverflowError("date value out of range")
        year = date.fromordinal(o + 1).year
        remaining = n
        estimated = False
        while year <= MAXYEAR:
            if year not in self._known:
                if not estimate:
                    raise UnpublishedCalendarError(year, self._published)
                estimated = True
            year_days = self._year_days(year)
            start = bisect_right(year_days, o)
            available = len(year_days) - start
            if available >= remaining:
                return year_days[start + remaining - 1], estimated
            remaining -= available
            year += 1
        raise OverflowError("date value out of range")

    def _year_days(self, year: int) -> Sequence[int]:
        """Working-day ordinals of ``year``: from the span, or estimated afresh."""
        if self._span[0] <= year <= self._span[1]:
            lo = bisect_left(self._ords, date(year, 1, 1).toordinal())
            hi = bisect_right(self._ords, date(year, 12, 31).toordinal())
            return self._ords[lo:hi]
        off, on = _base_days(year, year)
        return _year_working_days(year, off, on, plain=False)

    def _require_known(self, first: int, last: int) -> None:
        """Raise for the first unknown year among ordinals first..last."""
        for lo, hi in self._known_spans:
            if lo <= first and last <= hi:
                return
        y_last = date.fromordinal(last).year
        for year in range(date.fromordinal(first).year, y_last + 1):
            if year not in self._known:
                raise UnpublishedCalendarError(year, self._published)
