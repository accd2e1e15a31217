"""A decision in plain text, one line per requirement, each with its rule and article; and
the recurring duties of a period, one line each. In English, Traditional or Simplified
Chinese: the fixed words from the message catalogue
(:mod:`complaint_rules.messages._render`), a duty's name and the units and subjects of a
period from the explanation's phrases; the policy's ids, labels and articles as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta

from ..messages.catalogue import MESSAGES, Lang
from ..messages.phrases import PHRASES
from .model import DecidedDue, DecidedGap, Decision, Named, Source
from .periodic import PeriodicDue

__all__ = ["due_text", "duties_text", "gap_text", "phrase", "render_text", "retention_gap"]

RETENTION_GAP = "decision.gap.no_retention_term"
"""The catalogue's code of the engine's own gap: a record kept for no term the source sets."""

_OWN: Lang = "zh-Hant"


def due_text(due: DecidedDue, lang: str = "en") -> str:
    """When ``due`` is due, in words: 「2026-10-08 24時前」 (zh) or "by the end of 2026-10-08
    (24:00)" (en) for a period in days, which ends at 24:00 on its last day (民法典 第二百零
    三條); an earlier cut-off a source states by its time on the last day; a period in
    minutes or hours (or until an instant) by the instant itself. ``zh-Hans`` says 「24时前」."""
    zh = not lang.startswith("en")
    hour = "时" if lang == "zh-Hans" else "時"
    late = due.late_from
    if due.last_day is None:
        return f"{late.isoformat()} 前" if zh else f"by {late.isoformat()}"
    day = due.last_day.isoformat()
    if late.date() == due.last_day + timedelta(days=1) and late.time().isoformat() == "00:00:00":
        return f"{day} 24{hour}前" if zh else f"by the end of {day} (24:00)"
    clock = late.strftime("%H:%M:%S").removesuffix(":00")
    return f"{day} {clock}前" if zh else f"by {day} {clock}"


def _t(code: str, lang: Lang, **args: object) -> str:
    """The catalogue's ``code`` in ``lang`` with ``args`` as given (ids stay ids)."""
    return MESSAGES[code][lang].format(**args)


def phrase(kind: str, key: str, lang: Lang) -> str:
    """A duty's name, a period's unit or what a gap is about (``kind``: ``duties``, ``units``
    or ``abouts``) in ``lang``, from the explanation's phrases; the id itself where the
    phrases have no word for it."""
    words: dict[str, str] = dict(getattr(PHRASES["en" if lang == "en" else "zh-Hant"], kind))
    word = words.get(key, key)
    if lang == "zh-Hans" and not word.isascii():
        from ..messages.simplified import to_simplified

        return to_simplified([word])[0]
    return word


def retention_gap(label: str) -> str:
    """The engine's gap for a record the source says to keep for no term, as a decision
    carries it (in the policy's own language): 「{label}:來源未規定保存期限」."""
    return _t(RETENTION_GAP, _OWN, label=label)


def gap_text(
    gap: DecidedGap,
    decision: Decision,
    lang: Lang,
    label_in: Callable[[str], str] | None = None,
) -> str:
    """A gap of ``decision`` in ``lang``: the engine's own gap (a record kept for no term,
    :func:`retention_gap`) is said in ``lang``, its record's label through ``label_in`` if
    given (an explanation's label in ``lang``); a policy's gap text as the decision carries it."""
    if gap.about == "retention" and lang != _OWN:
        for k in decision.retention:
            if k.years is None and k.source == gap.source and gap.text == retention_gap(k.label):
                label = k.label if label_in is None else label_in(k.label)
                return _t(RETENTION_GAP, lang, label=label)
    return gap.text


def _names(items: Iterable[Named], any_one: bool = False) -> str:
    """Labels joined: 、 for each of them, 或 for any one of them (by_any, to_any)."""
    return (" 或 " if any_one else "、").join(n.label for n in items) or "—"


def _list(items: Iterable[str], lang: Lang) -> str:
    """Ids listed: ", " in English, 「、」 in Chinese."""
    return (", " if lang == "en" else "、").join(items)


def _src(source: Source) -> str:
    return f"[{source.rule} · {source.article}]"


def _duty(duty: str, lang: Lang) -> str:
    return duty if lang == "en" else phrase("duties", duty, lang)


def _may(discretionary: bool, lang: Lang) -> str:
    return _t("render.decision.may", lang) if discretionary else ""


def _deadlines(d: Decision, lang: Lang) -> list[str]:
    rows = []
    for x in d.deadlines:
        if x.due is None:
            status = _t(f"render.decision.deadline_status.{x.status}", lang)
            rows.append(
                _t(
                    "render.decision.deadline_waiting",
                    lang,
                    label=x.label,
                    status=status,
                    facts=_list(x.waiting_for, lang),
                    source=_src(x.source),
                )
            )
            continue
        window = (
            _t("render.decision.window", lang, earliest=due_text(x.due_earliest, lang))
            if x.due_earliest
            else ""
        )
        rows.append(
            _t(
                "render.decision.deadline",
                lang,
                label=x.label,
                window=window,
                due=due_text(x.due, lang),
                estimated=_t("render.decision.estimated", lang) if x.estimated else "",
                source=_src(x.source),
            )
        )
    return rows


def _trigger(on: str, deadline: str | None, lang: Lang) -> str:
    if on == "deadline_missed" and deadline:
        return _t("render.decision.trigger.missed", lang, deadline=deadline)
    if on == "received" and lang != "en":
        return _t("render.decision.trigger.received", lang)
    return _t("render.decision.trigger", lang, on=on) + (f" ({deadline})" if deadline else "")


def _reports(d: Decision, lang: Lang) -> list[str]:
    rows = []
    for r in d.reports:
        due = ""
        if r.due and r.starts != "received":
            due = _t(
                "render.decision.report_due_from", lang, due=due_text(r.due, lang), start=r.starts
            )
        elif r.due:
            due = _t("render.decision.report_due", lang, due=due_text(r.due, lang))
        elif r.waiting_for:
            due = _t("render.decision.report_waiting", lang, facts=_list(r.waiting_for, lang))
        rows.append(
            _t(
                "render.decision.report",
                lang,
                label=r.label,
                by=_names(r.by, r.by_any),
                to=_names(r.to, r.to_any),
                due=due,
                may=_may(r.discretionary, lang),
                source=_src(r.source),
            )
        )
    return rows


def _retention(d: Decision, lang: Lang) -> list[str]:
    rows = []
    for r in d.retention:
        if r.years is None:
            term = _t("render.decision.no_term", lang)
        else:
            code = "render.decision.years_at_least" if r.at_least else "render.decision.years"
            term = _t(code, lang, years=r.years)
        until = (
            _t("render.decision.kept_until", lang, day=r.kept_until.isoformat())
            if r.kept_until
            else ""
        )
        waiting = (
            _t("render.decision.counted_from", lang, facts=_list(r.waiting_for, lang))
            if r.waiting_for
            else ""
        )
        rows.append(
            _t(
                "render.decision.retention",
                lang,
                label=r.label,
                term=term,
                until=until,
                waiting=waiting,
                source=_src(r.source),
            )
        )
    return rows


def _penalties(d: Decision, lang: Lang) -> list[str]:
    rows = []
    for p in d.penalties:
        if p.min_yuan is None:
            code = (
                "render.decision.money_none"
                if p.configured
                else "render.decision.money_not_configured"
            )
            money = _t(code, lang)
        elif p.min_yuan == p.max_yuan:
            money = _t("render.decision.yuan", lang, amount=p.min_yuan)
        else:
            money = _t("render.decision.yuan_range", lang, low=p.min_yuan, high=p.max_yuan)
        items = []
        for s in p.sanctions:
            if s.status == "applies":
                items.append(s.label)
                continue
            status = s.condition or _t(f"render.decision.sanction.{s.status}", lang)
            items.append(_t("render.decision.sanction_status", lang, label=s.label, status=status))
        sanctions = (
            _t("render.decision.sanctions", lang, items=("; " if lang == "en" else ";").join(items))
            if items
            else ""
        )
        per_code = f"render.decision.per.{p.per}"
        per = _t(per_code, lang) if per_code in MESSAGES else p.per
        rows.append(
            _t(
                "render.decision.penalty",
                lang,
                label=p.label,
                subjects=_names(p.subjects),
                money=money,
                per=per,
                occurrences=p.occurrences,
                persons=""
                if p.headcount is None
                else _t("render.decision.persons", lang, persons=p.headcount),
                waiting=_t("render.decision.waiting", lang, facts=_list(p.waiting_for, lang))
                if p.waiting_for
                else "",
                sanctions=sanctions,
                source=_src(p.source),
            )
        )
    return rows


def _approvals(d: Decision, lang: Lang) -> list[str]:
    rows = []
    for a in d.approvals:
        if a.amount_yuan is None:
            who = "—"
        elif not a.configured:
            who = _t("render.decision.approver_not_configured", lang)
        elif a.waiting_for:
            who = _t("render.decision.approver_waiting", lang, facts=_list(a.waiting_for, lang))
        else:
            who = _names(a.approver)
        steps = []
        for t in a.tiers:
            limit = (
                _t("render.decision.limit", lang, limit=t.limit_yuan)
                if t.configured
                else _t("render.decision.limit_not_configured", lang)
            )
            total = ""
            if t.earlier_total and t.total_yuan is not None:
                total = _t(
                    "render.decision.with_earlier_total",
                    lang,
                    fact=t.earlier_total,
                    total=t.total_yuan,
                )
            elif t.earlier_total:
                total = _t("render.decision.with_earlier", lang, fact=t.earlier_total)
            steps.append(
                _t("render.decision.tier", lang, role=t.role.label, limit=limit, total=total)
            )
        amount = (
            _t("render.decision.amount_not_given", lang)
            if a.amount_yuan is None
            else _t("render.decision.yuan", lang, amount=a.amount_yuan)
        )
        rows.append(
            _t(
                "render.decision.approval",
                lang,
                label=a.label,
                amount=amount,
                who=who,
                chain=" → ".join([*steps, _names(a.above)]),
                source=_src(a.source),
            )
        )
    return rows


def render_text(d: Decision, lang: Lang = "en") -> str:
    """Render ``d`` for a person in ``lang``: sections in a fixed order, empty ones left
    out. The English text is bilingual in its headings only; labels, articles and notes
    are the policy's own words in every language."""
    lines = [
        _t(
            "render.decision.policy",
            lang,
            policy=d.policy.id,
            version=d.policy.version,
            sha=d.policy.sha256[:12],
        ),
        _t(
            "render.decision.complaint",
            lang,
            received=d.received_at.isoformat(),
            channel=d.channel.label,
            category=d.category.label,
            level=d.level.label if d.level else "—",
        ),
    ]

    def section(heading: str, rows: Sequence[str]) -> None:
        if rows:
            lines.append(_t(f"render.heading.{heading}", lang))
            lines.extend(f"  - {row}" for row in rows)

    section(
        "routing",
        [
            _t(
                "render.decision.routing",
                lang,
                duty=_duty(a.duty, lang),
                roles=_names((a.role, *a.or_roles), True),
                note=_t("render.decision.note", lang, note=a.note) if a.note else "",
                source=_src(a.source),
            )
            for a in d.routing
        ],
    )
    section("deadlines", _deadlines(d, lang))
    section(
        "actions",
        [
            _t(
                "render.decision.action",
                lang,
                label=a.label,
                by=_names(a.by, a.by_any),
                to=_t("render.decision.to", lang, to=_names(a.to, a.to_any)) if a.to else "",
                on=_t("render.decision.on", lang, on=a.on) if a.on else "",
                may=_may(a.discretionary, lang),
                source=_src(a.source),
            )
            for a in d.actions
        ],
    )
    section(
        "escalations",
        [
            _t(
                "render.decision.escalation",
                lang,
                trigger=_trigger(e.on, e.deadline, lang),
                by=_names(e.by, e.by_any),
                to=_names(e.to, e.to_any),
                label=e.label,
                may=_may(e.discretionary, lang),
                source=_src(e.source),
            )
            for e in d.escalations
        ],
    )
    section("reports", _reports(d, lang))
    section("retention", _retention(d, lang))
    section("penalties", _penalties(d, lang))
    section("approvals", _approvals(d, lang))
    section(
        "conflicts",
        [
            _t(
                "render.decision.conflict",
                lang,
                duty=_duty(c.duty, lang),
                assignments=" / ".join(
                    f"{_names((a.role, *a.or_roles), True)} {_src(a.source)}" for a in c.assignments
                ),
                text=c.text,
                source=_src(c.source),
            )
            for c in d.conflicts
        ],
    )
    section(
        "pending",
        [
            _t(
                "render.decision.pending",
                lang,
                rule=p.source.rule,
                source=_src(p.source),
                facts=_list(p.needs, lang),
            )
            for p in d.pending_rules
        ],
    )
    section("gaps", [f"{gap_text(g, d, lang)} {_src(g.source)}" for g in d.gaps])
    return "\n".join(lines)


def duties_text(duties: Sequence[PeriodicDue], lang: Lang = "en") -> str:
    """The recurring duties of a period, one line each, in ``lang`` (no newline at the end)."""
    lines = []
    for d in duties:
        if d.due is None:
            when = _t("render.duties.no_date", lang)
        else:
            when = _t("render.duties.due", lang, due=due_text(d.due, lang))
            if d.rolled and d.nominal_day is not None:
                when += _t(
                    "render.duties.rolled", lang, day=d.nominal_day.isoformat(), by=d.rolled_by
                )
            if d.estimated:
                when += _t("render.duties.estimated", lang)
        lines.append(
            _t(
                "render.duties.line",
                lang,
                start=d.period_start.isoformat(),
                end=d.period_end.isoformat(),
                id=d.id,
                label=d.label,
                by=_names(d.by),
                to=_names(d.to),
                when=when,
                article=d.source.article,
            )
        )
    return "\n".join(lines or [_t("render.duties.none", lang)])
