"""Workload 3: the N-th working day after a date, against ``holidays``' own count.

complaint_rules' :class:`~complaint_rules.calendar.working_days.WorkingCalendar` (the one every
compiled policy holds) against ``holidays.country_holidays("CN", categories=PUBLIC)``'s
``get_nth_working_day(date, n)`` — China's public holidays and make-up workdays from the
same installed data. Start days are drawn (seeded) from the published years so that the
result stays in them; both must give the same day for every start day and N.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date

__all__ = ["NS", "contenders", "start_days"]

NS = (1, 5, 10, 30)


def start_days(n: int, last_year: int, seed: int = 2026) -> list[date]:
    """``n`` days from 2004-01-01 (the verified calendar's first day) to October 31 of
    ``last_year`` (N=30 stays in that year)."""
    rng = random.Random(seed)
    lo, hi = date(2004, 1, 1).toordinal(), date(last_year, 10, 31).toordinal()
    return [date.fromordinal(rng.randint(lo, hi)) for _ in range(n)]


def contenders(
    n_days: int, log: Callable[[str], None]
) -> Iterator[tuple[int, list[tuple[str, Callable[[], None], int, str]]]]:
    """For each N, after checking both agree on every day: the two contenders.

    With N=1 comes a reference: calling an empty Python function with the same arguments.
    """
    import holidays
    from holidays.constants import PUBLIC

    from complaint_rules.calendar.working_days import WorkingCalendar

    calendar = WorkingCalendar()
    first, last = calendar.published_range
    cn = holidays.country_holidays("CN", years=range(first, last + 1), categories=(PUBLIC,))
    days = start_days(n_days, last)
    # Enough repeats that one timing lasts tens of milliseconds.
    repeats = max(1, 200_000 // n_days)

    def empty(d: date, n: int) -> None:
        return None

    def run_empty() -> None:
        for _ in range(repeats):
            for d in days:
                empty(d, 1)

    for n in NS:
        ours = [calendar.add_working_days(d, n) for d in days]
        theirs = [cn.get_nth_working_day(d, n) for d in days]
        assert ours == [(t, False) for t in theirs], f"N={n}: results differ"

        def run_ours(n: int = n) -> None:
            add = calendar.add_working_days
            for _ in range(repeats):
                for d in days:
                    add(d, n)

        def run_theirs(n: int = n) -> None:
            nth = cn.get_nth_working_day
            for d in days:
                nth(d, n)

        log(f"  N={n}: identical on all {n_days} start days")
        entries: list[tuple[str, Callable[[], None], int, str]] = [
            (f"complaint_rules N={n}", run_ours, n_days * repeats, "add_working_days"),
            (f"holidays N={n}", run_theirs, n_days, "get_nth_working_day"),
        ]
        if n == NS[0]:
            entries.append(("empty function", run_empty, n_days * repeats, "reference"))
        yield n, entries
