"""A host's day of complaint cases, run twice: with the pure API and with the adapter.

A service desk for three institutions (科右前旗信用聯社, 石花信用社, 交通銀行) receives a
day of case events on Fri 9 Oct 2026 (Sat 10 Oct is a make-up working day). One case,
received on 29 Sep, is carried over from earlier days.

- The pure host keeps each case's events, asks ``status(policy, events, now)`` after each
  event, and schedules ONE timer: the earliest ``next_change`` of all its cases. When the
  timer fires it asks again for the cases whose next change has come.
- The streaming host posts the same events to a ``DurableAdapter`` per policy and, when
  its timer fires, ``tick``s the cases due; it never reads the clock either. A refused
  event does not move a case's time (its instant may be what is wrong), so the host
  ticks the case to the time it knows.

After every step the adapter's session must equal what ``status`` says; the script prints
both and exits 1 at the first disagreement. Run it with::

    .venv/bin/python examples/host_loop.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from complaint_rules import Catalog, CompiledPolicy
from complaint_rules.adapters.durable import CaseView, DurableAdapter, Outcome
from complaint_rules.decision.render import due_text
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.status import CaseStatus

KY, SH, BO = "keyouqianqi_credit_union", "shihua_credit_coop", "bocom"

# (case, policy, event) in the order the host receives them; K-1 is carried over.
DAY: list[tuple[str, str, dict[str, Any]]] = [
    (
        "K-1",
        KY,
        {
            "event": "received",
            "at": "2026-09-29T10:00:00+08:00",
            "complaint": {"channel": "信件投訴", "category": "工作失誤"},
        },
    ),
    (
        "K-2",
        KY,
        {
            "event": "received",
            "at": "2026-10-09T08:30:00+08:00",
            "complaint": {"channel": "上門投訴", "category": "服務態度"},
        },
    ),
    (
        "S-1",
        SH,
        {
            "event": "received",
            "at": "2026-10-09T09:05:00+08:00",
            "complaint": {"channel": "客戶投訴", "category": "客戶投訴", "level": "復雜投訴"},
        },
    ),
    ("S-1", SH, {"event": "acknowledged", "at": "2026-10-09T09:20:00+08:00", "by": "handler"}),
    (
        "B-1",
        BO,
        {
            "event": "received",
            "at": "2026-10-09T10:00:00+08:00",
            "complaint": {
                "channel": "95559客服熱線",
                "category": "客戶投訴",
                "cannot_resolve_directly": True,
                "needs_head_office": False,
            },
        },
    ),
    ("K-2", KY, {"event": "responded", "at": "2026-10-09T11:00:00+08:00"}),
    ("B-1", BO, {"event": "extended", "at": "2026-10-09T15:00:00+08:00", "by": "投訴處理機構"}),
    ("B-1", BO, {"event": "extended", "at": "2026-10-09T15:30:00+08:00", "by": "投訴處理機構"}),
    ("B-1", BO, {"event": "done", "at": "2026-10-09T16:00:00+08:00", "duty": "tell_extension"}),
    (
        "K-1",
        KY,
        {"event": "escalated", "at": "2026-10-10T08:00:00+08:00", "escalation": "overrun_general"},
    ),
]
END = datetime.fromisoformat("2026-10-10T08:00:00+08:00")


def show(instant: datetime | None) -> str:
    """Local time without the offset (every instant here is UTC+08:00)."""
    return "—" if instant is None else instant.replace(tzinfo=None).isoformat(" ")


def summary(st: CaseStatus) -> str:
    parts = [f"{c.id} {c.state}, due {due_text(c.due) if c.due else '—'}" for c in st.clocks]
    parts += [f"escalate {e.id} -> {', '.join(r.id for r in e.to)}" for e in st.escalations]
    parts += [f"remind {r.id}" for r in st.reminders]
    owed = [o.id + (" (OVERDUE)" if o.overdue else "") for o in st.owed]
    if owed:
        parts.append("owed " + ", ".join(owed))
    if st.rejected:
        parts.append("refused " + ", ".join(f"#{r.index}" for r in st.rejected))
    return "; ".join(parts) or "nothing open"


@dataclass
class PureHost:
    """Events kept by the host; ``status`` asked after each event and at the one timer."""

    policies: dict[str, CompiledPolicy]
    events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    policy_of: dict[str, str] = field(default_factory=dict)
    changes: dict[str, datetime | None] = field(default_factory=dict)

    def post(self, case: str, policy_id: str, event: dict[str, Any], now: datetime) -> CaseStatus:
        self.policy_of[case] = policy_id
        self.events.setdefault(case, []).append(event)
        return self.at(case, now)

    def at(self, case: str, now: datetime) -> CaseStatus:
        st = status(self.policies[self.policy_of[case]], self.events[case], now)
        self.changes[case] = st.next_change
        return st

    def timer(self) -> datetime | None:
        """The one timer: the earliest next change of all cases."""
        return min((t for t in self.changes.values() if t is not None), default=None)

    def due(self, now: datetime) -> list[str]:
        return sorted(c for c, t in self.changes.items() if t is not None and t <= now)


def check(case: str, st: CaseStatus, *outs: Outcome) -> None:
    print(f"  status : {summary(st)}")
    fired = ", ".join(rule for out in outs for rule in out.rules)
    gone = [f"{c.what}:{c.id}" for out in outs for c in out.changes if c.op == "retracted"]
    print(f"  durable: {fired}" + (f"; retracted {', '.join(gone)}" if gone else ""))
    for out in outs:
        if out.rejection is not None:
            print(f"  refused: {out.rejection.reason}")
    view = outs[-1].view
    if view != CaseView.from_status(case, st):
        print(f"DISAGREE on {case}:\n  status {CaseView.from_status(case, st)}\n  view   {view}")
        raise SystemExit(1)


def main() -> int:
    catalog = Catalog()
    policies = {pid: catalog.load(pid) for pid in (KY, SH, BO)}
    pure = PureHost(policies)
    adapters = {pid: DurableAdapter(policy) for pid, policy in policies.items()}
    case_policy = {case: pid for case, pid, _ in DAY}
    pending = list(DAY)
    steps = firings = 0
    now = datetime.fromisoformat(DAY[0][2]["at"])
    print("Fri 9 Oct 2026 (times UTC+08:00); K-1 was received on 29 Sep")
    try:
        while True:
            timer = pure.timer()
            next_at = datetime.fromisoformat(pending[0][2]["at"]) if pending else None
            if timer is not None and timer <= END and (next_at is None or timer <= next_at):
                now = timer
                firings += 1
                for case in pure.due(now):
                    print(f"{show(now)}  {case}  timer")
                    check(case, pure.at(case, now), adapters[case_policy[case]].tick(case, now))
                    steps += 1
            elif pending:
                case, pid, event = pending.pop(0)
                now = max(now, datetime.fromisoformat(event["at"]))
                item = event.get("duty") or event.get("escalation")
                by = f"by {event['by']}" if "by" in event else None
                told = " ".join(x for x in (event["event"], item, by) if x)
                print(f"{show(now)}  {case}  {told}")
                st = pure.post(case, pid, event, now)
                out = adapters[pid].post(case, event)
                if out.accepted:
                    check(case, st, out)
                else:  # a refused event does not move the case's time: the host ticks it
                    check(case, st, out, adapters[pid].tick(case, now))
                steps += 1
            else:
                break
            print(f"  timer  : {show(pure.timer())}")
        for case in sorted(case_policy):
            view = adapters[case_policy[case]].tick(case, END).view
            if view != CaseView.from_status(case, pure.at(case, END)):
                print(f"DISAGREE on {case} at {show(END)}")
                return 1
        print(
            f"{len(DAY)} events, {firings} timer firing(s), {steps} steps: the pure API and "
            f"the durable_rules adapter agreed at every step and at {show(END)}"
        )
    finally:
        for adapter in adapters.values():
            adapter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
