"""A case's status as plain text for people: one line per clock, escalation, reminder,
owed action, gap and rejected event, each with the rule and article behind it; in English,
Traditional or Simplified Chinese (the fixed words from the message catalogue, the ids,
labels and articles as the policy writes them)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..decision.model import DecidedDue, Named, Source
from ..decision.render import due_text, phrase
from ..messages.catalogue import MESSAGES, Lang
from .status import CaseStatus, ClockStatus, TimeCount

__all__ = ["status_text"]


def _t(code: str, lang: Lang, **args: object) -> str:
    """The catalogue's ``code`` in ``lang`` with ``args`` as given (ids stay ids)."""
    return MESSAGES[code][lang].format(**args)


def _at(instant: datetime | None) -> str:
    return "—" if instant is None else instant.isoformat(sep=" ")


def _due(due: DecidedDue | None, lang: Lang) -> str:
    return "—" if due is None else due_text(due, lang)


def _src(source: Source) -> str:
    layer = f", {source.policy}" if source.policy else ""
    return f"[{source.rule} {source.article}{layer}]"


def _list(items: Iterable[str], lang: Lang) -> str:
    return (", " if lang == "en" else "、").join(items)


def _roles(roles: Iterable[Named], lang: Lang) -> str:
    return _list((f"{r.label} ({r.id})" for r in roles), lang) or "—"


def _unit(unit: str, lang: Lang) -> str:
    """A period's unit: ``working days`` in English, 「個工作日」 in Chinese."""
    return unit.replace("_", " ") if lang == "en" else phrase("units", unit, lang)


def _amount(amount: object, unit: str, lang: Lang) -> str:
    return f"{amount} {_unit(unit, lang)}" if lang == "en" else f"{amount}{_unit(unit, lang)}"


def _count(count: TimeCount | None, lang: Lang) -> str:
    if count is None:
        return "—"
    parts = []
    if count.days is not None and count.day_unit is not None:
        parts.append(_amount(count.days, count.day_unit, lang))
    if count.wall_seconds is not None:
        hours, rest = divmod(count.wall_seconds, 3600)
        parts.append(_t("render.status.wall", lang, hours=hours, minutes=f"{rest // 60:02d}"))
    return " / ".join(parts) or "—"


def _period(clock: ClockStatus, lang: Lang) -> str:
    if clock.unit == "until":
        if clock.due is None:
            return _t("render.status.until", lang, facts=_list(clock.needs, lang))
        return _t("render.status.until_instant", lang)
    if clock.unit is None:
        return "—"
    if lang != "en" and clock.unit == "end_of_month":
        return _unit(clock.unit, lang)
    if clock.amount_min is None:
        return _amount(clock.amount, clock.unit, lang)
    if lang == "en":
        return _amount(f"{clock.amount_min}-{clock.amount}", clock.unit, lang)
    return _amount(f"{clock.amount_min}至{clock.amount}", clock.unit, lang)


def _clock(clock: ClockStatus, lang: Lang) -> list[str]:
    lines = [
        _t("render.status.clock", lang, id=clock.id, label=clock.label, source=_src(clock.source))
    ]
    earliest = ""
    if clock.due_earliest is not None:
        earliest = _t("render.status.earliest", lang, due=_due(clock.due_earliest, lang))
    lines.append(
        _t(
            "render.status.clock_state",
            lang,
            state=_t(f"render.status.state.{clock.state}", lang),
            period=_period(clock, lang),
            due=_due(clock.due, lang),
            earliest=earliest,
        )
    )
    if clock.needs and clock.unit != "until":
        lines.append(_t("render.status.needs", lang, facts=_list(clock.needs, lang)))
    if clock.paused_since is not None:
        lines.append(_t("render.status.paused", lang, at=_at(clock.paused_since)))
    if clock.breached_at is not None:
        lines.append(_t("render.status.breached", lang, at=_at(clock.breached_at)))
    if clock.ended_at is not None:
        lines.append(_t("render.status.ended", lang, at=_at(clock.ended_at), event=clock.ended_by))
    lines.append(
        _t("render.status.used", lang, used=_count(clock.used, lang), left=_count(clock.left, lang))
    )
    for step in clock.extensions:
        lines.append(
            _t(
                "render.status.extended",
                lang,
                at=_at(step.at),
                amount=step.amount,
                unit=_unit(step.unit, lang),
                id=step.id,
                by=step.by.label,
                by_id=step.by.id,
                source=_src(step.source),
            )
        )
    return lines


def status_text(status: CaseStatus, lang: Lang = "en") -> str:
    """``status`` as lines of text in ``lang`` (instants in the policy's time zone), a
    rejected event's reason too (its ids and instants as they are)."""
    rejected = (
        _t("render.status.rejected_count", lang, count=len(status.rejected))
        if status.rejected
        else ""
    )
    later = _t("render.status.later_count", lang, count=status.later) if status.later else ""
    lines = [
        _t(
            "render.status.head",
            lang,
            at=_at(status.at),
            policy=status.policy.id,
            version=status.policy.version,
            applied=status.applied,
            rejected=rejected,
            later=later,
        )
    ]
    if status.closed_at is not None:
        lines.append(_t("render.status.closed", lang, at=_at(status.closed_at)))
    for clock in status.clocks:
        lines += _clock(clock, lang)
    for esc in status.escalations:
        lines.append(
            _t(
                "render.status.escalation",
                lang,
                id=esc.id,
                label=esc.label,
                to=_roles(esc.to, lang),
                since=_at(esc.since),
                on=esc.on,
                source=_src(esc.source),
            )
        )
    for rem in status.reminders:
        lines.append(
            _t(
                "render.status.reminder",
                lang,
                id=rem.id,
                label=rem.label,
                to=_roles(rem.to, lang),
                since=_at(rem.since),
                source=_src(rem.source),
            )
        )
    for owed in status.owed:
        due = ""
        if owed.due is not None:
            due = _t("render.status.owed_due", lang, due=_due(owed.due, lang))
            due += _t("render.status.overdue", lang) if owed.overdue else ""
        lines.append(
            _t(
                "render.status.owed",
                lang,
                kind=_t(f"render.status.owed.{owed.kind}", lang),
                id=owed.id,
                label=owed.label,
                by=_roles(owed.by, lang),
                to=_t("render.status.owed_to", lang, to=_roles(owed.to, lang)) if owed.to else "",
                since=_at(owed.since),
                due=due,
                source=_src(owed.source),
            )
        )
    for gap in status.gaps:
        about = gap.about if lang == "en" else phrase("abouts", gap.about, lang)
        lines.append(
            _t("render.status.gap", lang, about=about, text=gap.text, source=_src(gap.source))
        )
    for rejection in status.rejected:
        lines.append(
            _t(
                "render.status.rejected",
                lang,
                index=rejection.index,
                event=rejection.event,
                at=rejection.at,
                reason=rejection.said(lang),
            )
        )
    lines.append(_t("render.status.next", lang, at=_at(status.next_change)))
    return "\n".join(lines) + "\n"
