"""Shanghai local time for expected deadlines written by hand."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
"""China Standard Time, UTC+08:00 (Asia/Shanghai has no daylight saving)."""


def end_of(y: int, m: int, d: int) -> datetime:
    """23:59:59 local on the given day: the instant a day-counted deadline ends."""
    return datetime(y, m, d, 23, 59, 59, tzinfo=CST)
