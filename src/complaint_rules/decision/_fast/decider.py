"""The fast decider: a decision assembled from the parts a policy keeps.

What complaints that match alike share is made once and kept on the compiled policy
(:attr:`PreparedPolicy.memo <complaint_rules.decision._fast.prepared.PreparedPolicy.memo>`):
the bundle of a set of matched rules, due dates in days by the day they start from (which
is all a count in days reads of its start: :data:`~complaint_rules.calendar.periods.DAY_UNITS`),
reports due the same day, pending rules, penalties, gaps, and (for complaints with no findings,
carried fields, penalties or approvals) a template of the decision's fields, copied and
filled in with the complaint's instants, deadlines and reports. Each kind is bounded,
nothing is evicted (so an identity is never reused), and a key holds everything the part
depends on, the ``estimate`` flag included. :func:`values` gives a decision's fields;
:func:`pieces` the text its JSON is joined from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from ...calendar.periods import DAY_UNITS, Due, due_after, start_day, years_after
from ...contract import DECISION
from ...errors import BeyondCalendarError
from ...policy.compiled import CompiledPolicy, CompiledRule
from ...policy.conditions import Subject
from ...policy.model import Approval, Assignment, Deadline, Money, Period, Report, Retention
from ..complaint import Complaint, FindingInput
from ..model import (
    DecidedAction,
    DecidedApproval,
    DecidedAssignment,
    DecidedConflict,
    DecidedDeadline,
    DecidedDue,
    DecidedEscalation,
    DecidedGap,
    DecidedLevel,
    DecidedPenalty,
    DecidedReport,
    DecidedRetention,
    DecidedTier,
    Named,
    PendingRule,
    Source,
    assemble,
)
from .prepared import PreparedPenalty, PreparedPolicy, PreparedRule


def values(
    cp: CompiledPolicy,
    prep: PreparedPolicy,
    c: Complaint,
    received: datetime,
    at: datetime,
    estimate: bool,
) -> tuple[dict[str, Any], Bundle]:
    """Every field of the decision, in order, and the bundle of the rules matched."""
    findings = frozenset(f.finding for f in c.findings) if c.findings else _NO_FINDINGS
    row, matched, pending_rules = prep.evaluate(c.channel, c.category, c.level, findings, c.facts)
    bundle = prep.memo["bundles"].get(matched) or bundle_of(prep, matched)
    if bundle.fixed and not (pending_rules or c.findings or c.carried):
        # Nothing but the instants depends on the complaint: its template, if made before.
        template = prep.memo["templates"].get((matched, row, c.channel, c.category, c.level, ()))
        if template is not None:
            return filled(template, received, at, (), bundle.static_reports or ()), bundle
    decider = Decider(cp, prep, c, received, at, estimate)
    return decider.values(findings, row, matched, pending_rules, bundle), bundle


def filled(
    template: dict[str, Any],
    received: datetime,
    at: datetime,
    deadlines: tuple[DecidedDeadline, ...],
    reports: tuple[DecidedReport, ...],
) -> dict[str, Any]:
    """A copy of a decision's template, with the complaint's own parts."""
    v = template.copy()
    v["received_at"] = received
    v["decided_at"] = at
    v["deadlines"] = deadlines
    v["reports"] = reports
    v["carried"] = {}  # a dict of its own: the decision's, not the template's
    return v


_LIMIT = 4096
"""Entries per kind of shared part a policy keeps (pending rules, reports, the reports of a
bundle on a day, penalties, approvals, gaps, deadline texts, decision templates), unless
named below."""
BY_POLICY = frozenset(("static_reports", "money_gaps"))
"""Kinds of kept parts that are one per element of the policy (a report with no due date,
a blank amount): bounded by the policy itself, so not by a limit."""
_BUNDLES_LIMIT = 16_384
"""Bundles (the parts shared by complaints that match the same rules) a policy keeps."""
_RUNS_LIMIT = 1024
"""Bundles whose JSON lists a policy keeps joined (10-20 KB each); others are joined from
each rule's text every time (a few microseconds)."""
_DUES_LIMIT = 50_000
"""Deadlines in days kept per policy, by (period, amount, local day of start): see
:data:`complaint_rules.calendar.periods.DAY_UNITS`."""
_NO_FINDINGS: frozenset[str] = frozenset()
_P = TypeVar("_P", DecidedPenalty, DecidedApproval)


@dataclass(frozen=True, slots=True)
class Bundle:
    """What every complaint that matches the same rules gets alike, in policy order."""

    key: tuple[int, ...]
    """The indexes of the rules matched."""
    rules: tuple[PreparedRule, ...]
    matched: tuple[Source, ...]
    routing: tuple[DecidedAssignment, ...]
    deadlines: tuple[tuple[Deadline, dict[str, Any]], ...]
    actions: tuple[DecidedAction, ...]
    escalations: tuple[DecidedEscalation, ...]
    reports: tuple[tuple[int, Report, dict[str, Any], DecidedReport | None], ...]
    static_reports: tuple[DecidedReport, ...] | None
    """The reports, when none has a due date (else ``None``: each is made per complaint)."""
    reports_by_day: bool
    """Whether every report's due date is counted in days (so depends on the day only)."""
    retention: tuple[DecidedRetention, ...]
    dated: tuple[tuple[int, Retention], ...]
    """The retention terms counted from a fact (with their positions in ``retention``): made
    per complaint, from the fact's date."""
    gaps: tuple[DecidedGap, ...]
    """The gaps when no penalty or approval adds one (see ``Decider.gaps_of``)."""
    conflicts: tuple[DecidedConflict, ...]
    """The declared conflicts the routing runs into (it depends on the rules matched only)."""
    dynamic: tuple[tuple[int, PreparedRule], ...]
    """The matched rules with penalties or approvals (which depend on the complaint), with
    their positions in ``rules``."""
    fixed: bool
    """Whether nothing depends on the complaint but its instants: no deadlines, no report
    due, no penalties or approvals."""


def _report(
    common: dict[str, Any], due: DecidedDue | None, waiting_for: tuple[str, ...] = ()
) -> DecidedReport:
    # In the order of the fields: pydantic writes a model's JSON in its __dict__'s order.
    head = ("id", "label", "by", "by_any", "to", "to_any", "frequency", "starts")
    return assemble(
        DecidedReport,
        {
            **{k: common[k] for k in head},
            "due": due,
            "waiting_for": waiting_for,
            "discretionary": common["discretionary"],
            "note": common["note"],
            "source": common["source"],
        },
    )


def _deadline(
    common: dict[str, Any],
    status: str,
    *,
    started_at: datetime | None = None,
    unit: str | None = None,
    amount: int | None = None,
    amount_min: int | None = None,
    due: DecidedDue | None = None,
    due_earliest: DecidedDue | None = None,
    estimated: bool = False,
    overdue: bool | None = None,
    waiting_for: tuple[str, ...] = (),
) -> DecidedDeadline:
    # The prepared blank has every field in order (pydantic writes a model's JSON in its
    # __dict__'s order); updating a key keeps its place.
    v = common["blank"].copy()
    v.update(
        status=status,
        started_at=started_at,
        unit=unit,
        amount=amount,
        amount_min=amount_min,
        due=due,
        due_earliest=due_earliest,
        estimated=estimated,
        overdue_at_decision=overdue,
        waiting_for=waiting_for,
    )
    return assemble(DecidedDeadline, v)


def bundle_of(prep: PreparedPolicy, matched: tuple[int, ...]) -> Bundle:
    bundles = prep.memo["bundles"]
    found: Bundle | None = bundles.get(matched)
    if found is not None:
        return found
    rules = tuple(prep.rules[i] for i in matched)
    reports: list[tuple[int, Report, dict[str, Any], DecidedReport | None]] = []
    statics = prep.memo["static_reports"]  # one per report of the policy
    for m in rules:
        for rep, common in m.reports:
            static = None
            if rep.due is None:
                static = statics.get(id(common))
                if static is None:
                    static = statics.setdefault(id(common), _report(common, None))
            reports.append((len(reports), rep, common, static))
    static_reports = None
    if all(r[3] is not None for r in reports):
        static_reports = tuple(r[3] for r in reports if r[3] is not None)
    # Equal gaps are one object (see prepared.canonical_gaps): an ordered set by identity.
    gaps: dict[int, DecidedGap] = {}
    for m in rules:
        for gap in (*m.retention_gaps, *m.gaps):
            gaps.setdefault(id(gap), gap)
    deadlines = tuple(x for m in rules for x in m.deadlines)
    dynamic = tuple((i, m) for i, m in enumerate(rules) if m.penalties or m.approvals)
    routing = tuple(x for m in rules for x in m.routing)
    bundle = Bundle(
        key=matched,
        rules=rules,
        matched=tuple(m.source for m in rules),
        routing=routing,
        deadlines=deadlines,
        actions=tuple(x for m in rules for x in m.actions),
        escalations=tuple(x for m in rules for x in m.escalations),
        reports=tuple(reports),
        static_reports=static_reports,
        reports_by_day=all(
            c["due_unit"] is None or (c["due_unit"] in DAY_UNITS and c["starts"] == "received")
            for _, _, c, _ in reports
        ),
        retention=tuple(x for m in rules for x in m.retention),
        dated=tuple(
            (i, k)
            for i, k in enumerate(k for m in rules for k in m.rule.rule.retention)
            if k.counted_from is not None and k.years is not None
        ),
        gaps=tuple(gaps.values()),
        conflicts=_conflicts(prep, [a for m in rules for a in m.rule.rule.routing], routing),
        dynamic=dynamic,
        fixed=not deadlines
        and static_reports is not None
        and not dynamic
        and not any(
            k.counted_from is not None and k.years is not None
            for m in rules
            for k in m.rule.rule.retention
        ),
    )
    if len(bundles) < _BUNDLES_LIMIT:
        # The lists of rules, routing, actions... are written from each rule's own text
        # (PreparedPolicy.json); the gaps and reports are kept as they stand.
        keep = prep.writer.keep
        keep(bundle.gaps)
        keep(bundle.conflicts)
        if static_reports is not None:
            keep(static_reports)
        bundle = bundles.setdefault(matched, bundle)
    return bundle


def _conflicts(
    prep: PreparedPolicy, assignments: list[Assignment], routing: tuple[DecidedAssignment, ...]
) -> tuple[DecidedConflict, ...]:
    """The declared conflicts a bundle's routing runs into (see the reference decider)."""
    out = []
    for declared in prep.conflicts:
        involved = declared.among(assignments)
        if involved:
            c = declared.conflict
            out.append(
                assemble(
                    DecidedConflict,
                    {
                        "id": c.id,
                        "duty": c.duty,
                        "text": c.text,
                        "assignments": tuple(routing[i] for i in involved),
                        "source": prep.conflict_sources[c.id],
                    },
                )
            )
    return tuple(out)


def pieces(prep: PreparedPolicy, v: dict[str, Any], bundle: Bundle) -> tuple[bytes, ...]:
    """The decision's JSON, in pieces: the bundle's text runs between the complaint's own."""
    w = prep.writer
    value, seq = w.value, w.sequence
    table = prep.memo["bundle_json"]
    runs: tuple[bytes, bytes, bytes] | None = table.get(bundle.key)
    if runs is None:
        # Joined from each matched rule's own text (written when the policy was
        # prepared), so that a bundle past the limit costs a join, not a rewrite.
        texts = [prep.json[i] for i in bundle.key]

        def items(k: int) -> bytes:
            return b"[" + b",".join([t[k] for t in texts if t[k]]) + b"]"

        runs = (
            # From the key after findings to the value of deadlines: rules, routing.
            b',"matched_rules":' + items(0) + b',"routing":' + items(1) + b',"deadlines":',
            # From after deadlines to the value of reports: actions and escalations.
            b',"actions":' + items(2) + b',"escalations":' + items(3) + b',"reports":',
            # From after reports to the value of penalties: retention (made per complaint
            # where a term is counted from a fact).
            b',"retention":' + (b"\0" if bundle.dated else items(4)) + b',"penalties":',
        )
        if len(table) < _RUNS_LIMIT:
            runs = table.setdefault(bundle.key, runs)
    model = w.model
    return (
        b'{"schema":"complaint-rules/decision/1","policy":',
        model(v["policy"]),
        b',"received_at":',
        value(v["received_at"]),
        b',"decided_at":',
        value(v["decided_at"]),
        b',"channel":',
        model(v["channel"]),
        b',"category":',
        model(v["category"]),
        b',"level":',
        value(v["level"]),
        b',"findings":',
        seq(v["findings"]),
        runs[0],
        deadlines_json(prep, bundle, v["deadlines"]),
        runs[1],
        seq(v["reports"]),
        runs[2] if not bundle.dated else b',"retention":' + seq(v["retention"]) + b',"penalties":',
        seq(v["penalties"]),
        b',"approvals":',
        seq(v["approvals"]),
        b',"gaps":',
        seq(v["gaps"]),
        b',"conflicts":',
        seq(v["conflicts"]),
        b',"pending_rules":',
        seq(v["pending_rules"]),
        b',"carried":',
        value(v["carried"]),
        b"}",
    )


def deadlines_json(
    prep: PreparedPolicy, bundle: Bundle, deadlines: tuple[DecidedDeadline, ...]
) -> bytes:
    """The deadlines' JSON: each deadline's fixed text (per status) around its instants."""
    if not deadlines:
        return b"[]"
    w = prep.writer
    value = w.value
    table = prep.memo["deadline_json"]
    parts = []
    for (_, common), out in zip(bundle.deadlines, deadlines, strict=True):
        g = out.__dict__
        key = (id(common), g["status"], g["waiting_for"])
        runs: tuple[bytes, bytes, bytes] | None = table.get(key)
        if runs is None:
            fields = w.fields
            runs = (
                b"{" + fields(g, ("id", "label", "status", "starts")) + b',"started_at":',
                b"," + fields(g, ("unit", "amount", "amount_min")) + b',"due":',
                b"," + fields(g, ("by", "waiting_for", "note", "source")) + b"}",
            )
            if len(table) < _LIMIT:  # common is the prepared rule's own: its id is stable
                runs = table.setdefault(key, runs)
        parts.append(
            b"".join(
                (
                    runs[0],
                    value(g["started_at"]),
                    runs[1],
                    value(g["due"]),
                    b',"due_earliest":',
                    value(g["due_earliest"]),
                    b',"estimated":',
                    b"true" if g["estimated"] else b"false",
                    b',"overdue_at_decision":',
                    value(g["overdue_at_decision"]),
                    runs[2],
                )
            )
        )
    return b"[" + b",".join(parts) + b"]"


class Decider:
    __slots__ = ("at", "c", "cp", "day", "estimate", "prep", "received")

    def __init__(
        self,
        cp: CompiledPolicy,
        prep: PreparedPolicy,
        complaint: Complaint,
        received: datetime,
        at: datetime,
        estimate: bool,
    ):
        self.cp = cp
        self.prep = prep
        self.c = complaint
        self.estimate = estimate
        self.received = received
        self.at = at
        self.day: tuple[date, bool] | None = None
        """The local day of receipt, and whether it had ended (made on first use)."""

    def values(
        self,
        findings: frozenset[str],
        row: int,
        matched: tuple[int, ...],
        pending_rules: tuple[int, ...],
        bundle: Bundle,
    ) -> dict[str, Any]:
        """Every field of the decision, in order (see :func:`values`)."""
        c, prep = self.c, self.prep
        deadlines: tuple[DecidedDeadline, ...] = ()
        if bundle.deadlines:
            deadlines = tuple([self.deadline(d, common) for d, common in bundle.deadlines])
        if bundle.static_reports is not None:
            reports = bundle.static_reports
        else:
            reports = self.reports(bundle)
        if c.findings or bundle.dynamic or c.carried or bundle.dated:
            return self.fields(row, bundle, pending_rules, findings, deadlines, reports)
        # The rest is the same for every complaint with the same rules matched, row,
        # vocabulary and pending facts: kept per policy as a template, copied.
        needs = self.needs(pending_rules) if pending_rules else ()
        key = (matched, row, c.channel, c.category, c.level, needs)
        templates = prep.memo["templates"]
        template: dict[str, Any] | None = templates.get(key)
        if template is None:
            template = self.fields(row, bundle, pending_rules, findings, (), ())
            if len(templates) < _LIMIT:
                template = templates.setdefault(key, template)
        return filled(template, self.received, self.at, deadlines, reports)

    def fields(
        self,
        row: int,
        bundle: Bundle,
        pending_rules: tuple[int, ...],
        findings: frozenset[str],
        deadlines: tuple[DecidedDeadline, ...],
        reports: tuple[DecidedReport, ...],
    ) -> dict[str, Any]:
        """Every field of the decision, in order, built from its parts."""
        c, prep = self.c, self.prep
        level_out, level_gap = self.level(row)
        penalties: list[DecidedPenalty] = []
        approvals: list[DecidedApproval] = []
        gaps = bundle.gaps
        if bundle.dynamic:
            level = None if level_out is None else level_out.id
            subject = Subject(c.channel, c.category, level, findings, c.facts)
            gaps = self.dynamic(bundle, subject, penalties, approvals)
        if level_gap is not None:
            gaps = tuple(dict.fromkeys((level_gap, *gaps)))
        return {
            "schema_": DECISION,
            "policy": prep.ref,
            "received_at": self.received,
            "decided_at": self.at,
            "channel": prep.channels[c.channel],
            "category": prep.categories[c.category],
            "level": level_out,
            "findings": tuple([prep.findings[f.finding] for f in c.findings]) if c.findings else (),
            "matched_rules": bundle.matched,
            "routing": bundle.routing,
            "deadlines": deadlines,
            "actions": bundle.actions,
            "escalations": bundle.escalations,
            "reports": reports,
            "retention": self.retention(bundle) if bundle.dated else bundle.retention,
            "penalties": tuple(penalties) if penalties else (),
            "approvals": tuple(approvals) if approvals else (),
            "gaps": gaps,
            "conflicts": bundle.conflicts,
            "pending_rules": self.pending(pending_rules) if pending_rules else (),
            "carried": dict(c.carried) if c.carried else {},
        }

    def dynamic(
        self,
        bundle: Bundle,
        subject: Subject,
        penalties: list[DecidedPenalty],
        approvals: list[DecidedApproval],
    ) -> tuple[DecidedGap, ...]:
        """Penalties and approvals, and the gaps in order as they arise rule by rule."""
        added: dict[int, list[DecidedGap]] = {}
        for position, m in bundle.dynamic:
            gaps: list[DecidedGap] = []
            if self.c.findings:
                for p in m.penalties:
                    if p.penalty.finding in subject.findings:  # else it has nothing to add
                        penalties.extend(self.penalties(m.rule, p, subject, gaps))
            for ap, base in m.approvals:
                approvals.append(self.approval(m.rule, ap, base, gaps))
            if gaps:
                added[position] = gaps
        if not added:
            return bundle.gaps
        key = (bundle.key, tuple((p, tuple(g)) for p, g in added.items()))
        table = self.prep.memo["gaps"]
        found: tuple[DecidedGap, ...] | None = table.get(key)
        if found is not None:
            return found
        ordered: dict[DecidedGap, None] = {}
        for position, m in enumerate(bundle.rules):
            ordered.update(dict.fromkeys(m.retention_gaps))
            ordered.update(dict.fromkeys(added.get(position, ())))
            ordered.update(dict.fromkeys(m.gaps))
        made = tuple(ordered)
        if len(table) < _LIMIT:
            self.prep.writer.keep(made)
            made = table.setdefault(key, made)
        return made

    def needs(self, indexes: tuple[int, ...]) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """Each pending rule's index with the facts it needs that the complaint lacks."""
        facts, rules = self.c.facts, self.prep.rules
        return tuple(
            [(i, tuple([f for f in rules[i].facts if facts.get(f) is None])) for i in indexes]
        )

    def pending(self, indexes: tuple[int, ...]) -> tuple[PendingRule, ...]:
        """The pending rules, each with the facts it needs (kept per policy)."""
        rules = self.prep.rules
        key = self.needs(indexes)
        table = self.prep.memo["pending"]
        found: tuple[PendingRule, ...] | None = table.get(key)
        if found is None:
            found = tuple(
                assemble(PendingRule, {"source": rules[i].source, "needs": needs})
                for i, needs in key
            )
            if len(table) < _LIMIT:
                self.prep.writer.keep(found)
                found = table.setdefault(key, found)
        return found

    def retention(self, bundle: Bundle) -> tuple[DecidedRetention, ...]:
        """The retention terms, those counted from a fact until the day it gives (民法典
        第二百零一條/第二百零二條: :func:`~complaint_rules.calendar.periods.years_after`)."""
        out = list(bundle.retention)
        for i, k in bundle.dated:
            assert k.counted_from is not None and k.years is not None
            start = self.c.facts.get(k.counted_from)
            if start is None:
                continue  # the prepared term waits for the fact
            v = dict(out[i].__dict__)
            v["kept_until"] = years_after(start.astimezone(self.cp.tz).date(), k.years)
            v["waiting_for"] = ()
            out[i] = assemble(DecidedRetention, v)
        return tuple(out)

    def reports(self, bundle: Bundle) -> tuple[DecidedReport, ...]:
        """The reports; where all are due days after receipt, kept per day of receipt."""
        if not bundle.reports_by_day:
            return tuple([self.report(*r) for r in bundle.reports])
        key = (bundle.key, self.local_day(), self.estimate)
        table = self.prep.memo["report_sets"]
        found: tuple[DecidedReport, ...] | None = table.get(key)
        if found is None:
            found = tuple([self.report(*r) for r in bundle.reports])
            if len(table) < _LIMIT:
                self.prep.writer.keep(found)
                found = table.setdefault(key, found)
        return found

    def report(
        self, index: int, rep: Report, common: dict[str, Any], static: DecidedReport | None
    ) -> DecidedReport:
        if static is not None:
            return static
        assert rep.due is not None
        start = self.received if rep.starts == "received" else self.c.facts.get(rep.starts)
        if start is None:
            return _report(common, None, (rep.starts,))
        due = self.due(rep.due, rep.due.bounds[1], start)[1]
        if common["due_unit"] not in DAY_UNITS:  # due at an instant of its own: made each time
            return _report(common, due)
        table = self.prep.memo["reports"]
        key = (id(common), due.late_from)  # common is the prepared rule's own: one per report
        found: DecidedReport | None = table.get(key)
        if found is None:
            found = _report(common, due)
            if len(table) < _LIMIT:
                self.prep.writer.keep(found)
                found = table.setdefault(key, found)
        return found

    def level(self, row: int) -> tuple[DecidedLevel | None, DecidedGap | None]:
        """The level (from the input, or row ``row`` of the table, or its default)."""
        cp, c, prep = self.cp, self.c, self.prep
        if cp.level_input != "forbidden":
            if c.level is None:
                return None, None
            return prep.other_levels["input", c.level], None
        if not cp.classification:
            return None, None
        if row >= 0:
            return prep.row_levels[row], None
        table = cp.policy.classification
        assert table is not None
        if table.default is not None:
            return prep.other_levels["default", table.default], None
        text = table.unclassified_gap or (
            f"the classification table does not classify category {cp.categories.label(c.category)}"
        )
        source = Source(
            rule="classification", article=table.rows[0].article, policy=cp.id, verification=None
        )
        return None, DecidedGap(about="level", text=text, source=source)

    def local_day(self) -> tuple[date, bool]:
        """The local day of receipt, and whether it had already ended (kept once made)."""
        day = self.day
        if day is None:
            cp = self.cp
            day = self.day = start_day(self.received, tz=cp.tz, convention=cp.convention)
        return day

    def due(self, period: Period, amount: int, start: datetime) -> tuple[Due, DecidedDue]:
        """The due counted, and as the decision gives it (kept together)."""
        cp = self.cp
        # A count in days depends on its start only through start_day (calendar.periods,
        # DAY_UNITS): those are kept per policy, by the period (so its unit), the amount and
        # the start day. The calendar, zone and convention are the policy's own.
        if start is self.received:
            day = self.day or self.local_day()
        else:
            day = start_day(start, tz=cp.tz, convention=cp.convention)
        key = (id(period), amount, day)
        dues = self.prep.memo["dues"]
        found: tuple[Due, DecidedDue] | None = dues.get(key)
        if found is not None and (self.estimate or not found[0].estimated):
            return found
        unit = period.unit
        try:
            due = due_after(
                start,
                unit,
                amount,
                calendar=cp.calendar,
                tz=cp.tz,
                convention=cp.convention,
                estimate=self.estimate,
            )
        except OverflowError:
            # A period the policy sets so long that the date leaves Python's range.
            raise BeyondCalendarError(amount, unit, start.isoformat()) from None
        pair = (
            due,
            assemble(DecidedDue, {"last_day": due.last_day, "late_from": due.late_from}),
        )
        if unit in DAY_UNITS and len(dues) < _DUES_LIMIT:
            self.prep.writer.keep(pair[1])
            dues[key] = pair  # the period is the policy's own: its id is stable
        return pair

    def deadline(self, d: Deadline, common: dict[str, Any]) -> DecidedDeadline:
        facts = self.c.facts
        if d.within is None:
            given = [facts[f] for f in d.until if facts.get(f) is not None]
            if not given:
                return _deadline(common, "needs_fact", waiting_for=d.until)
            until = min(given).astimezone(self.cp.tz)
            return _deadline(
                common,
                "running",
                started_at=self.received,
                unit="until",
                due=assemble(DecidedDue, {"last_day": None, "late_from": until}),
                overdue=self.at >= until,
            )
        start = self.received if d.starts == "received" else facts.get(d.starts)
        low, high = common["bounds"]
        if start is None:
            return _deadline(
                common,
                "not_started",
                unit=common["unit"],
                amount=high,
                amount_min=low if low != high else None,
                waiting_for=(d.starts,),
            )
        latest, decided = self.due(d.within, high, start)
        v = common["running"].copy()  # every field in order, the complaint's own to fill in
        v["started_at"] = start if start is self.received else start.astimezone(self.cp.tz)
        v["due"] = decided
        if low != high:
            earliest, v["due_earliest"] = self.due(d.within, low, start)
            v["estimated"] = latest.estimated or earliest.estimated
        else:
            v["estimated"] = latest.estimated
        v["overdue_at_decision"] = self.at >= latest.late_from
        return assemble(DecidedDeadline, v)

    def money(
        self, rule: CompiledRule, money: Money | None, what: str, gaps: list[DecidedGap]
    ) -> tuple[Decimal | None, Decimal | None, bool]:
        if money is None:
            return None, None, True
        if money.fact is not None:
            value = self.c.facts.get(money.fact)
            amount = None if value is None else Decimal(value)
            return amount, amount, True
        if money.parameter is None:
            return money.min, money.max, True
        param = self.prep.parameters[money.parameter]
        if param.value is None:
            table = self.prep.memo["money_gaps"]  # one per blank amount of the policy
            key = (id(rule), param.id, what)  # rule is the compiled policy's own
            gap: DecidedGap | None = table.get(key)
            if gap is None:
                text = (
                    f"{what}: parameter {param.id} ({param.label}) is blank in "
                    "the source and not configured by the institution"
                )
                made = DecidedGap(about="amount", text=text, source=rule.source(param.article))
                gap = table.setdefault(key, made)
            gaps.append(gap)
            return None, None, False
        return param.value, param.value, True

    def shared(
        self, kind: str, key: Any, make: Callable[[list[DecidedGap]], _P]
    ) -> tuple[_P, list[DecidedGap]]:
        """The part ``make`` makes for ``key`` (and the gaps it adds), made once per policy."""
        table = self.prep.memo[kind]
        found: tuple[_P, list[DecidedGap]] | None = table.get(key)
        if found is None:
            gaps: list[DecidedGap] = []
            found = (make(gaps), gaps)
            if len(table) < _LIMIT:
                keep = self.prep.writer.keep
                keep(found[0])
                for gap in gaps:
                    keep(gap)
                found = table.setdefault(key, found)
        return found

    def penalties(
        self,
        rule: CompiledRule,
        prepared: PreparedPenalty,
        subject: Subject,
        gaps: list[DecidedGap],
    ) -> list[DecidedPenalty]:
        finding = prepared.penalty.finding
        table = self.prep.memo["penalties"]
        out = []
        for found in self.c.findings:
            if found.finding != finding:
                continue
            outcomes = tuple([True if test is None else test(subject) for test in prepared.tests])
            key: tuple[Any, ...] = (id(prepared), finding, found.count, found.roles, outcomes)
            if prepared.inputs:
                # An amount or headcount of the case: its value as given (Decimal("2800")
                # and Decimal("2800.00") are equal, but written differently).
                facts = self.c.facts
                key += tuple(
                    [
                        None if (x := facts.get(f)) is None else (type(x), str(x))
                        for f in prepared.inputs
                    ]
                )
            hit: tuple[DecidedPenalty, list[DecidedGap]] | None = table.get(key)
            if hit is None:
                make = partial(self.penalty, rule, prepared, found, outcomes)
                hit = self.shared("penalties", key, make)
            out.append(hit[0])
            gaps.extend(hit[1])
        return out

    def penalty(
        self,
        rule: CompiledRule,
        prepared: PreparedPenalty,
        found: FindingInput,
        outcomes: tuple[bool | None, ...],
        gaps: list[DecidedGap],
    ) -> DecidedPenalty:
        roles = self.prep.roles
        p = prepared.penalty
        facts = self.c.facts
        low, high, configured = self.money(rule, p.amount_yuan, p.label, gaps)
        waiting = tuple([f for f in prepared.inputs if facts.get(f) is None])
        n = found.count
        times = n if p.per == "occurrence" else 1
        headcount = None if p.headcount is None else facts.get(p.headcount)
        if headcount is not None:
            times *= headcount
        return DecidedPenalty(
            id=p.id,
            label=p.label,
            finding=self.prep.findings[found.finding],
            occurrences=n,
            roles_involved=tuple(roles[r] for r in found.roles),
            subjects=prepared.subjects,
            kind=p.kind,
            per=p.per,
            headcount=headcount,
            min_yuan=low,
            max_yuan=high,
            total_min_yuan=None if low is None or waiting else low * times,
            total_max_yuan=None if high is None or waiting else high * times,
            configured=configured,
            waiting_for=waiting,
            sanctions=tuple(v[got] for v, got in zip(prepared.sanctions, outcomes, strict=True)),
            note=p.note,
            source=prepared.source,
        )

    def approval(
        self, rule: CompiledRule, ap: Approval, base: dict[str, Any], gaps: list[DecidedGap]
    ) -> DecidedApproval:
        amount = self.c.facts.get(ap.amount_fact)
        if amount is not None:
            # An amount is the complaint's own (and repeats the spelling it was given:
            # Decimal("2800") == Decimal("2800.00")), so the approval is made each time.
            return self.make_approval(rule, ap, base, amount, gaps)
        made, added = self.shared(
            "approvals", id(base), partial(self.make_approval, rule, ap, base, None)
        )
        gaps.extend(added)
        return made

    def make_approval(
        self,
        rule: CompiledRule,
        ap: Approval,
        base: dict[str, Any],
        amount: Any,
        gaps: list[DecidedGap],
    ) -> DecidedApproval:
        facts = self.c.facts
        if amount is not None:
            amount = Decimal(amount)
        # Every tier's limit is looked up, so that each blank one is reported (where an
        # amount is given; else the gaps are not this decision's).
        said = gaps if amount is not None else []
        tiers = []
        for t, role in zip(ap.tiers, base["roles"], strict=True):
            _, limit, configured = self.money(rule, t.limit_yuan, ap.label, said)
            earlier = None if t.earlier_total is None else facts.get(t.earlier_total)
            tiers.append(
                assemble(
                    DecidedTier,
                    {
                        "role": role,
                        "limit_yuan": limit,
                        "configured": configured,
                        "earlier_total": t.earlier_total,
                        "total_yuan": (
                            None if amount is None or earlier is None else amount + Decimal(earlier)
                        ),
                    },
                )
            )
        chain = tuple(tiers)
        if amount is None:
            return _approval(base, None, chain, (), True)
        for t, tier in zip(ap.tiers, chain, strict=True):
            limit = tier.limit_yuan
            if not tier.configured or limit is None:
                return _approval(base, amount, chain, (), False)
            total = tier.total_yuan
            if (amount if total is None else total) > limit:
                continue  # over it alone: the earlier total (never negative) cannot help
            if t.earlier_total is not None and total is None:
                return _approval(base, amount, chain, (), True, (t.earlier_total,))
            return _approval(base, amount, chain, (tier.role,), True)
        return _approval(base, amount, chain, base["above"], True)


def _approval(
    base: dict[str, Any],
    amount: Decimal | None,
    tiers: tuple[DecidedTier, ...],
    approver: tuple[Named, ...],
    configured: bool,
    waiting_for: tuple[str, ...] = (),
) -> DecidedApproval:
    return assemble(
        DecidedApproval,
        {
            "id": base["id"],
            "label": base["label"],
            "amount_yuan": amount,
            "tiers": tiers,
            "above": base["above"],
            "approver": approver,
            "configured": configured,
            "waiting_for": waiting_for,
            "note": base["note"],
            "source": base["source"],
        },
    )
