"""A decision in plain text, one line per requirement, each with its rule and article."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from .model import DecidedDue, Decision, Named, Source

__all__ = ["due_text", "render_text"]


def due_text(due: DecidedDue, lang: str = "en") -> str:
    """When ``due`` is due, in words: 「2026-10-08 24時前」 (zh) or "by the end of 2026-10-08
    (24:00)" (en) for a period in days, which ends at 24:00 on its last day (民法典 第二百零
    三條); an earlier cut-off a source states by its time on the last day; a period in
    minutes or hours (or until an instant) by the instant itself."""
    zh = not lang.startswith("en")
    late = due.late_from
    if due.last_day is None:
        return f"{late.isoformat()} 前" if zh else f"by {late.isoformat()}"
    day = due.last_day.isoformat()
    if late.date() == due.last_day + timedelta(days=1) and late.time().isoformat() == "00:00:00":
        return f"{day} 24時前" if zh else f"by the end of {day} (24:00)"
    clock = late.strftime("%H:%M:%S").removesuffix(":00")
    return f"{day} {clock}前" if zh else f"by {day} {clock}"


def _names(items: Iterable[Named], any_one: bool = False) -> str:
    """Labels joined: 、 for each of them, 或 for any one of them (by_any, to_any)."""
    return (" 或 " if any_one else "、").join(n.label for n in items) or "—"


def _flags(on: str | None, discretionary: bool) -> str:
    return (f", on {on}" if on else "") + (" (可: discretionary)" if discretionary else "")


def _src(source: Source) -> str:
    return f"[{source.rule} · {source.article}]"


def render_text(d: Decision) -> str:
    """Render ``d`` for a person: sections in a fixed order, empty ones left out."""
    lines = [
        f"{d.policy.id} {d.policy.version} (sha256 {d.policy.sha256[:12]}…)",
        f"收到 received: {d.received_at.isoformat()}   渠道 {d.channel.label}   "
        f"類別 {d.category.label}   "
        f"級別 {d.level.label if d.level else '—'}",
    ]

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.append(title)
            lines.extend(f"  - {row}" for row in rows)

    section(
        "Routing 分工",
        [
            f"{a.duty}: {_names((a.role, *a.or_roles), True)}"
            f"{' (' + a.note + ')' if a.note else ''} {_src(a.source)}"
            for a in d.routing
        ],
    )
    rows = []
    for x in d.deadlines:
        if x.due is None:
            rows.append(
                f"{x.label}: {x.status}, waiting for {', '.join(x.waiting_for)} {_src(x.source)}"
            )
            continue
        window = f"at the earliest {due_text(x.due_earliest)}, " if x.due_earliest else ""
        flag = " (estimated)" if x.estimated else ""
        rows.append(f"{x.label}: due {window}{due_text(x.due)}{flag} {_src(x.source)}")
    section("Deadlines 時限", rows)
    section(
        "Actions 應辦事項",
        [
            f"{a.label} — {_names(a.by, a.by_any)}"
            f"{' → ' + _names(a.to, a.to_any) if a.to else ''}"
            f"{_flags(a.on, a.discretionary)} {_src(a.source)}"
            for a in d.actions
        ],
    )
    section(
        "Escalation 上報",
        [
            f"on {e.on}{' (' + e.deadline + ')' if e.deadline else ''}: "
            f"{_names(e.by, e.by_any)} → {_names(e.to, e.to_any)}: {e.label}"
            f"{_flags(None, e.discretionary)} {_src(e.source)}"
            for e in d.escalations
        ],
    )
    rows = []
    for r in d.reports:
        due = ""
        if r.due:
            start = "" if r.starts == "received" else f" (from {r.starts})"
            due = f", due {due_text(r.due)}{start}"
        elif r.waiting_for:
            due = f", due from {', '.join(r.waiting_for)}: not given"
        rows.append(
            f"{r.label}: {_names(r.by, r.by_any)} → {_names(r.to, r.to_any)}{due}"
            f"{_flags(None, r.discretionary)} {_src(r.source)}"
        )
    section("Reporting 報告", rows)
    section(
        "Retention 保存",
        [
            f"{r.label}: "
            + (f"{'at least ' if r.at_least else ''}{r.years} years" if r.years else "no term set")
            + (f", until the end of {r.kept_until.isoformat()}" if r.kept_until else "")
            + (f", counted from {', '.join(r.waiting_for)}: not given" if r.waiting_for else "")
            + f" {_src(r.source)}"
            for r in d.retention
        ],
    )
    rows = []
    for p in d.penalties:
        if p.min_yuan is None:
            money = "not configured" if not p.configured else "no amount"
        elif p.min_yuan == p.max_yuan:
            money = f"{p.min_yuan} yuan"
        else:
            money = f"{p.min_yuan}–{p.max_yuan} yuan"
        sanctions = "; ".join(
            f"{s.label}{'' if s.status == 'applies' else ' (' + (s.condition or s.status) + ')'}"
            for s in p.sanctions
        )
        persons = "" if p.headcount is None else f" × {p.headcount} persons"
        waiting = f", waiting for {', '.join(p.waiting_for)}" if p.waiting_for else ""
        rows.append(
            f"{p.label}: {_names(p.subjects)}, {money} per {p.per} × {p.occurrences}{persons}"
            f"{waiting}{'; ' + sanctions if sanctions else ''} {_src(p.source)}"
        )
    section("Penalties 處罰", rows)
    rows = []
    for a in d.approvals:
        if not a.configured:
            who = "not configured"
        elif a.waiting_for:
            who = f"waiting for {', '.join(a.waiting_for)}"
        else:
            who = _names(a.approver)
        steps = []
        for t in a.tiers:
            limit = f"up to {t.limit_yuan} yuan" if t.configured else "limit not configured"
            total = ""
            if t.earlier_total:
                total = f", with {t.earlier_total}"
                total += f": {t.total_yuan} yuan" if t.total_yuan is not None else ""
            steps.append(f"{t.role.label} ({limit}{total})")
        chain = " → ".join([*steps, _names(a.above)])
        amount = "amount not given" if a.amount_yuan is None else f"{a.amount_yuan} yuan"
        if a.amount_yuan is None:
            who = "—"
        rows.append(f"{a.label}: {amount} → {who}; chain: {chain} {_src(a.source)}")
    section("Approvals 權限", rows)
    section(
        "Conflicts 衝突",
        [
            f"{c.duty}: "
            + " / ".join(
                f"{_names((a.role, *a.or_roles), True)} {_src(a.source)}" for a in c.assignments
            )
            + f" — {c.text} {_src(c.source)}"
            for c in d.conflicts
        ],
    )
    section(
        "Pending 待定",
        [f"{p.source.rule} {_src(p.source)} needs: {', '.join(p.needs)}" for p in d.pending_rules],
    )
    section("Silent or blank in the source 未規定", [f"{g.text} {_src(g.source)}" for g in d.gaps])
    return "\n".join(lines)
