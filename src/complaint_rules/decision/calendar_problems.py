"""A date computation the calendar cannot do, as a problem said in each language."""

from __future__ import annotations

from ..errors import CalendarError, Problem, UnpublishedCalendarError
from ..messages.catalogue import make_problem

__all__ = ["BeyondCalendarError", "calendar_problem"]


class BeyondCalendarError(CalendarError):
    """A period so long that its end leaves the dates that can be counted (year 9999)."""

    def __init__(self, amount: object, unit: str, start: str) -> None:
        self.amount = amount
        self.unit = unit
        self.start = start
        super().__init__(
            f"{amount} {unit} from {start} ends beyond the dates that can be counted (year 9999)"
        )


def calendar_problem(
    exc: CalendarError, *, path: tuple[str | int, ...] = (), file: str | None = None
) -> Problem:
    """The problem ``exc`` says (code ``calendar.unpublished``), with its values, so that
    it is said in the officer's language; its English is the error's text."""
    code = "calendar.unpublished"
    if isinstance(exc, UnpublishedCalendarError):
        first, last = exc.known
        wording = "calendar.unpublished.year"
        return make_problem(
            code, path=path, file=file, wording=wording, year=exc.year, first=first, last=last
        )
    if isinstance(exc, BeyondCalendarError):
        wording = "calendar.unpublished.beyond"
        return make_problem(
            code,
            path=path,
            file=file,
            wording=wording,
            amount=exc.amount,
            unit=exc.unit,
            start=exc.start,
        )
    return Problem(str(exc), path=path, file=file, code=code)
