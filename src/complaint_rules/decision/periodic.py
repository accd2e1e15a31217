"""The institution's recurring duties in a period: each with the day it is due.

A periodic duty (``periodic`` in a policy, e.g. XX銀行 第十條's monthly summary 月底前) belongs
to the institution, not to one complaint. :func:`periodic_duties` gives, for a policy and a
period (a month, ``"2026-10"``, or a year, ``"2026"``), each occurrence of each duty whose
period ends in it, with its due day worked out by ``dateutil.rrule``:

- ``due: end_of_period``: the last day of the duty's period (月底前: the month's last day; a
  quarter's or year's last day);
- ``due_day: N``: day N of the period's last month;
- neither: the source gives no date; the duty is listed with no due day.

A due day that is a rest day moves as 民法典 第二百零三條 says: 「期間的最後一日是法定休假日的,以
法定休假日結束的次日為期間的最後一日」: to the first working day after it (``rolled``), unless
the policy's calendar says ``roll_to_working_day: false``. The day ends at 24:00 (the same
article): ``due.late_from`` is the next day's 00:00 local, or the policy's stated cut-off.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

from dateutil.rrule import MONTHLY, YEARLY, rrule
from pydantic import BaseModel, ConfigDict

from ..calendar.periods import day_end
from ..errors import InputError
from ..messages.catalogue import make_problem
from ..policy.compiled import CompiledPolicy
from ..policy.model import PeriodicDuty
from .model import DecidedDue, Named, Source

__all__ = ["PeriodicDue", "periodic_duties"]

ARTICLE_203 = "民法典 第二百零三條"


class PeriodicDue(BaseModel):
    """One occurrence of a periodic duty: the period it covers and when it is due."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    label: str
    every: Literal["month", "quarter", "year"]
    period_start: date
    period_end: date
    nominal_day: date | None
    """The day the source's wording gives (月底前: the period's last day); None: no date."""
    due: DecidedDue | None
    """When it is due: ``nominal_day``, or the next working day if that is a rest day."""
    rolled: bool
    """Whether the nominal day was a rest day and the due day moved (民法典 第二百零三條)."""
    rolled_by: str | None
    """The article that moved it (``民法典 第二百零三條``), where it moved."""
    estimated: bool
    """Whether a year with no published holiday schedule was assumed (with ``estimate``)."""
    by: tuple[Named, ...]
    to: tuple[Named, ...]
    note: str | None
    source: Source


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_LENGTH = {"month": 1, "quarter": 3, "year": 12}


def _period(period: str) -> tuple[date, date]:
    """The first and last days of ``"YYYY-MM"`` or ``"YYYY"``."""
    m = _MONTH.match(period)
    if m is not None and 1 <= int(m.group(2)) <= 12:
        start = date(int(m.group(1)), int(m.group(2)), 1)
        (end,) = rrule(MONTHLY, dtstart=start, count=1, bymonthday=-1)
        return start, end.date()
    y = _YEAR.match(period)
    if y is not None and int(y.group(1)) >= 1:
        year = int(y.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    raise InputError([make_problem("decide.bad_period", path=("period",), period=repr(period))])


def _ends(duty: PeriodicDuty, start: date, end: date) -> list[date]:
    """The last days of the duty's periods that end within ``start``..``end`` (rrule)."""
    first = datetime(start.year, start.month, 1)
    until = datetime(end.year, end.month, end.day)
    if duty.every == "year":
        rule = rrule(YEARLY, dtstart=first, until=until, bymonth=12, bymonthday=-1)
    elif duty.every == "quarter":
        rule = rrule(MONTHLY, dtstart=first, until=until, bymonth=(3, 6, 9, 12), bymonthday=-1)
    else:
        rule = rrule(MONTHLY, dtstart=first, until=until, bymonthday=-1)
    return [d.date() for d in rule]


def periodic_duties(
    policy: CompiledPolicy, period: str, *, estimate: bool = False
) -> tuple[PeriodicDue, ...]:
    """Each periodic duty of ``policy`` whose period ends in ``period`` (``"2026-10"``, a
    month, or ``"2026"``, a year), in policy order then by date, with its due day.

    Raises :class:`~complaint_rules.errors.InputError` for a malformed period and
    :class:`~complaint_rules.errors.UnpublishedCalendarError` where a due day to be moved
    off a rest day is in a year whose schedule is not known, unless ``estimate``.
    """
    start, end = _period(period)
    cp = policy
    roles = cp.roles
    out: list[PeriodicDue] = []
    for duty in cp.policy.periodic:
        source = Source(
            rule="periodic", article=duty.article, policy=cp.id, verification=duty.verification
        )
        by = tuple(Named(id=r, label=roles.label(r)) for r in duty.by)
        to = tuple(Named(id=r, label=roles.label(r)) for r in duty.to)
        for last in _ends(duty, start, end):
            months = _LENGTH[duty.every]
            first_month = last.month - months + 1
            period_start = date(last.year, first_month, 1)
            nominal: date | None = None
            if duty.due == "end_of_period":
                nominal = last
            elif duty.due_day is not None:
                nominal = last.replace(day=duty.due_day)
            due = None
            rolled = estimated = False
            if nominal is not None:
                day = nominal
                if cp.convention.roll_to_working_day:
                    day, estimated = cp.calendar.next_working_day(
                        nominal, include_self=True, estimate=estimate
                    )
                rolled = day != nominal
                due = DecidedDue(last_day=day, late_from=day_end(day, cp.convention, cp.tz))
            out.append(
                PeriodicDue(
                    id=duty.id,
                    label=duty.label,
                    every=duty.every,
                    period_start=period_start,
                    period_end=last,
                    nominal_day=nominal,
                    due=due,
                    rolled=rolled,
                    rolled_by=ARTICLE_203 if rolled else None,
                    estimated=estimated,
                    by=by,
                    to=to,
                    note=duty.note,
                    source=source,
                )
            )
    return tuple(out)
