"""A decision in plain text, one line per requirement, each with its rule and article."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Decision, Named, Source

__all__ = ["render_text"]


def _names(items: Iterable[Named]) -> str:
    return "、".join(n.label for n in items) or "—"


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
            f"{a.duty}: {a.role.label}{' (' + a.note + ')' if a.note else ''} {_src(a.source)}"
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
        window = f"{x.due_earliest.isoformat()} – " if x.due_earliest else ""
        flag = " (estimated)" if x.estimated else ""
        rows.append(f"{x.label}: due {window}{x.due.isoformat()}{flag} {_src(x.source)}")
    section("Deadlines 時限", rows)
    section("Actions 應辦事項", [f"{a.label} — {_names(a.by)} {_src(a.source)}" for a in d.actions])
    section(
        "Escalation 上報",
        [
            f"on {e.on}{' (' + e.deadline + ')' if e.deadline else ''}: {_names(e.by)} → "
            f"{_names(e.to)}: {e.label} {_src(e.source)}"
            for e in d.escalations
        ],
    )
    section(
        "Reporting 報告",
        [
            f"{r.label}: {_names(r.by)} → {_names(r.to)}"
            f"{', due ' + r.due.isoformat() if r.due else ''} {_src(r.source)}"
            for r in d.reports
        ],
    )
    section(
        "Retention 保存",
        [
            f"{r.label}: "
            + (f"{'at least ' if r.at_least else ''}{r.years} years" if r.years else "no term set")
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
        rows.append(
            f"{p.label}: {_names(p.subjects)}, {money} per {p.per} × {p.occurrences}"
            f"{'; ' + sanctions if sanctions else ''} {_src(p.source)}"
        )
    section("Penalties 處罰", rows)
    section(
        "Approvals 權限",
        [
            f"{a.label}: {a.amount_yuan} yuan → "
            f"{_names(a.approver) if a.configured else 'not configured'} {_src(a.source)}"
            for a in d.approvals
        ],
    )
    section(
        "Pending 待定",
        [f"{p.source.rule} {_src(p.source)} needs: {', '.join(p.needs)}" for p in d.pending_rules],
    )
    section("Silent or blank in the source 未規定", [f"{g.text} {_src(g.source)}" for g in d.gaps])
    return "\n".join(lines)
