"""The floor: 科右前旗's decision written by hand, in plain Python, for this one policy.

What a competent developer would write for ``policies/keyouqianqi_credit_union.yaml``
alone, without a rules engine: the rules' conditions as ``if``s, in policy order, and
everything that depends only on the policy (labels, sources, the routing, actions,
escalations, reports, retention and gaps of each rule, the conflicts it declares, the
policy's reference, the due instants of 第十一條's limits for each day of the calendar)
built once, by :func:`build`, as JSON-ready dicts and lists. Per complaint it checks the
input, works out which rules hold, joins their parts and counts the complaint's own
deadlines, penalties and pending rules. Nothing is cached from one complaint to the next.

``build(policy)(complaint)`` returns a plain dict equal to
``decide(policy, complaint).model_dump(mode="json")`` (the benchmark checks it on every
complaint it times; ``tests/benchmarks/test_floor.py`` on those and on others), so
``orjson.dumps`` of it is the decision's JSON. It is the baseline of the speed targets of
``docs/performance.md``: the fastest a pure-Python decision of this policy can
reasonably be.

What it checks of the input: the keys (the policy's fields and facts, and the personal
fields ``id``, ``complainant`` and ``text``, which stay out of the decision); an ISO 8601
``received_at`` with an offset; the channel, category, findings and roles spelled as an
id, a label or an alias; no level (the policy classifies); a bool or nothing for each
fact; a finding's count a positive int. Anything else raises :class:`Rejected`. Unlike
``decide`` it does not word its problems, fold other spellings, take a ``Complaint``,
``at``, ``estimate`` or ``carry``, or bound sizes and years beyond what the calendar
knows.

Shared parts are returned as they are, not copied: the caller must not change a decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Any

from complaint_rules import CompiledPolicy
from complaint_rules.decision.render import retention_gap
from complaint_rules.errors import UnpublishedCalendarError
from complaint_rules.messages.simplified import opencc_version

__all__ = ["POLICY_ID", "Floor", "Rejected", "build"]

POLICY_ID = "keyouqianqi_credit_union"

Floor = Callable[[dict[str, Any]], dict[str, Any]]
"""A complaint (a dict, as JSON gives it) to its decision as JSON-ready data."""


class Rejected(ValueError):
    """The complaint is not one this function decides (``decide`` would refuse it too)."""


_JSON = dict[str, Any]
_UTC8 = timedelta(hours=8)
# Asia/Shanghai has kept UTC+8 all year since 1991; the calendar starts in 2004.
_CST = timezone(_UTC8)


def _spellings(terms: Iterable[Any]) -> dict[str, tuple[str, _JSON]]:
    """Every exact spelling of a term (id, label, aliases) -> (id, its JSON name)."""
    out: dict[str, tuple[str, _JSON]] = {}
    for term in terms:
        named = {"id": term.id, "label": term.label}
        for spelling in (term.id, term.label, *term.aliases):
            out.setdefault(spelling, (term.id, named))
    return out


class _Rule:
    """One rule's parts, as they appear in every decision it is matched in."""

    __slots__ = (
        "actions",
        "deadlines",
        "escalations",
        "gaps",
        "matched",
        "penalties",
        "reports",
        "retention",
        "routing",
        "source",
    )
    source: _JSON
    matched: list[_JSON]
    routing: list[_JSON]
    deadlines: list[_JSON]
    actions: list[_JSON]
    escalations: list[_JSON]
    reports: list[_JSON]
    retention: list[_JSON]
    penalties: list[_JSON]
    gaps: list[_JSON]

    def __init__(self, policy: CompiledPolicy, index: int) -> None:
        compiled = policy.rules[index]
        rule = compiled.rule
        roles = {t.id: {"id": t.id, "label": t.label} for t in policy.policy.vocabulary.roles}
        sanctions = {t.id: t.label for t in policy.policy.vocabulary.sanctions}

        def source(article: str | None = None) -> _JSON:
            return {
                "rule": rule.id,
                "article": article or rule.article,
                "policy": compiled.layer,
                "verification": rule.verification,
            }

        def named(ids: tuple[str, ...]) -> list[_JSON]:
            return [roles[i] for i in ids]

        self.source = source()
        self.matched = [self.source]
        self.routing = [
            {
                "duty": a.duty,
                "role": roles[a.role],
                "or_roles": named(a.or_roles),
                "note": a.note,
                "source": source(a.article),
            }
            for a in rule.routing
        ]
        self.actions = [
            {
                "id": a.id,
                "label": a.label,
                "on": a.on,
                "by": named(a.by),
                "by_any": a.by_any,
                "to": named(a.to),
                "to_any": a.to_any,
                "deadline": a.deadline,
                "discretionary": a.discretionary,
                "note": a.note,
                "source": source(a.article),
            }
            for a in rule.actions
        ]
        self.escalations = [
            {
                "id": e.id,
                "label": e.label,
                "on": e.on,
                "deadline": e.deadline,
                "by": named(e.by),
                "by_any": e.by_any,
                "to": named(e.to),
                "to_any": e.to_any,
                "next": e.next,
                "discretionary": e.discretionary,
                "note": e.note,
                "source": source(e.article),
            }
            for e in rule.escalations
        ]
        assert all(r.due is None for r in rule.reports), "no report of this policy is due"
        self.reports = [
            {
                "id": r.id,
                "label": r.label,
                "by": named(r.by),
                "by_any": r.by_any,
                "to": named(r.to),
                "to_any": r.to_any,
                "frequency": r.frequency,
                "starts": r.starts,
                "due": None,
                "waiting_for": [],
                "discretionary": r.discretionary,
                "note": r.note,
                "source": source(r.article),
            }
            for r in rule.reports
        ]
        self.retention = [
            {
                "id": k.id,
                "label": k.label,
                "keeper": named(k.keeper),
                "years": k.years,
                "at_least": k.at_least,
                "counted_from": None,
                "kept_until": None,
                "waiting_for": [],
                "note": k.note,
                "source": source(k.article),
            }
            for k in rule.retention
        ]
        assert all(k.counted_from is None for k in rule.retention), "no term has a start date"
        # A term the source does not set is a gap, before the rule's own gaps.
        self.gaps = [
            {
                "about": "retention",
                "text": retention_gap(k.label),
                "source": source(k.article),
            }
            for k in rule.retention
            if k.years is None
        ] + [{"about": g.about, "text": g.text, "source": source(g.article)} for g in rule.gaps]
        # A running deadline's fields but its instants (filled in per complaint).
        self.deadlines = []
        for d in rule.deadlines:
            assert d.within is not None and d.within.unit == "working_days"
            assert d.starts == "received"
            low, high = d.within.bounds
            self.deadlines.append(
                {
                    "id": d.id,
                    "label": d.label,
                    "status": "running",
                    "starts": "received",
                    "started_at": None,
                    "unit": "working_days",
                    "amount": high,
                    "amount_min": low if low != high else None,
                    "due": None,
                    "due_earliest": None,
                    "estimated": False,
                    "overdue_at_decision": False,
                    "by": named(d.by),
                    "waiting_for": [],
                    "note": d.note,
                    "source": source(d.article),
                }
            )
        # A penalty's fields but the finding's own (occurrences, roles involved).
        self.penalties = []
        for p in rule.penalties:
            assert p.amount_yuan is None and p.headcount is None
            assert not any(s.when for s in p.sanctions)
            self.penalties.append(
                {
                    "id": p.id,
                    "label": p.label,
                    "finding": None,
                    "occurrences": None,
                    "roles_involved": None,
                    "subjects": named(p.subjects),
                    "kind": p.kind,
                    "per": p.per,
                    "headcount": None,
                    "min_yuan": None,
                    "max_yuan": None,
                    "total_min_yuan": None,
                    "total_max_yuan": None,
                    "configured": True,
                    "waiting_for": [],
                    "sanctions": [
                        {
                            "id": s.sanction,
                            "label": sanctions[s.sanction],
                            "status": "applies",
                            "condition": s.condition_text,
                        }
                        for s in p.sanctions
                    ],
                    "note": p.note,
                    "source": source(p.article),
                }
            )

    @classmethod
    def joined(cls, *rules: _Rule) -> _Rule:
        """The parts of ``rules`` one after the other, as if one rule (no ``source``)."""
        out = cls.__new__(cls)
        for name in cls.__slots__:
            if name != "source":
                setattr(out, name, [x for r in rules for x in getattr(r, name)])
        return out


def _due_table(policy: CompiledPolicy, amount: int) -> dict[date, dict[str, str]]:
    """For each day the calendar can count from, the JSON of when a period of ``amount``
    working days after it is due (民法典 Art. 201: the day of receipt does not count;
    Art. 203: the last day ends at 24:00 local time, so it is late from the next day's
    00:00)."""
    calendar = policy.calendar
    convention = policy.convention
    assert convention.exclude_start_day and str(policy.tz) == "Asia/Shanghai"
    assert convention.day_ends_at is None
    first, last = min(calendar.known_years), max(calendar.known_years)
    table: dict[date, dict[str, str]] = {}
    # From the last day before the published years (the count starts the day after).
    day, stop = date(first - 1, 12, 31), date(last, 12, 31)
    one = timedelta(days=1)
    while day <= stop:
        try:
            due = calendar.add_working_days(day, amount)[0]
        except UnpublishedCalendarError:  # the count runs past the last published year
            break
        table[day] = {
            "last_day": due.isoformat(),
            "late_from": f"{(due + one).isoformat()}T00:00:00+08:00",
        }
        day += one
    return table


def build(policy: CompiledPolicy) -> Floor:
    """The floor's decision function for ``policy`` (科右前旗's, as bundled)."""
    if policy.id != POLICY_ID:
        raise ValueError(f"the floor is written for {POLICY_ID}, not {policy.id}")
    tz = policy.tz
    vocab = policy.policy.vocabulary
    index = {r.rule.id: i for i, r in enumerate(policy.rules)}
    parts = {rule_id: _Rule(policy, i) for rule_id, i in index.items()}
    allowed = frozenset(
        ("id", "complainant", "text", "received_at", "channel", "category", "level", "findings")
    ) | {f.id for f in policy.policy.facts}
    channels = _spellings(vocab.channels)
    categories = _spellings(vocab.categories)
    findings_named = _spellings(vocab.findings)
    roles_named = _spellings(vocab.roles)
    levels = {t.id: {"id": t.id, "label": t.label} for t in vocab.levels}
    table = policy.policy.classification
    assert table is not None and policy.level_input == "forbidden"
    row_general, row_complex = table.rows
    level_general: _JSON = {
        **levels["general"],
        "how": "classified",
        "source": {
            "rule": row_general.id,
            "article": row_general.article,
            "policy": POLICY_ID,
            "verification": None,
        },
    }
    level_complex: _JSON = {
        **levels["complex"],
        "how": "classified",
        "source": {
            "rule": row_complex.id,
            "article": row_complex.article,
            "policy": POLICY_ID,
            "verification": None,
        },
    }
    level_gap: _JSON = {
        "about": "level",
        "text": table.unclassified_gap,
        "source": {
            "rule": "classification",
            "article": row_general.article,
            "policy": POLICY_ID,
            "verification": None,
        },
    }
    policy_ref: _JSON = {
        "id": policy.id,
        "version": policy.version,
        "sha256": policy.sha256,
        "calendar": policy.calendar.fingerprint,
        "calendar_host": (
            {
                "years": list(policy.calendar.host_years),
                "days": [d.isoformat() for d in policy.calendar.host_days],
            }
            if policy.calendar.host_years or policy.calendar.host_days
            else None
        ),
        "timezone": policy.policy.timezone,
        "opencc": opencc_version(),
        "layers": [{"id": x.id, "version": x.version, "sha256": x.sha256} for x in policy.layers],
    }
    (general_deadline,) = parts["limit_general"].deadlines
    (complex_deadline,) = parts["limit_complex"].deadlines
    assert general_deadline["amount"] == 3 and general_deadline["amount_min"] is None
    assert (complex_deadline["amount_min"], complex_deadline["amount"]) == (7, 10)
    due_3, due_7, due_10 = (_due_table(policy, n) for n in (3, 7, 10))
    (party_criticism,) = parts["conduct_our_fault"].penalties
    (coercion_investigation,) = parts["withdrawal_coerced"].penalties
    # The declared conflicts (第十四條/第二十一條 on 金融犯罪; 第十條/第十六條/第二十一條 on
    # media), each with the assignments it marks, as every decision that runs into it shows.
    declared = {c.conflict.id: c for c in policy.conflicts}
    assert list(declared) == ["crime_self_investigation", "media_owner"]

    def assigned(rule_id: str, duty: str, role: str) -> _JSON:
        (found,) = [
            a for a in parts[rule_id].routing if a["duty"] == duty and a["role"]["id"] == role
        ]
        return found

    def conflict(conflict_id: str, *assignments: _JSON) -> _JSON:
        c = declared[conflict_id].conflict
        return {
            "id": c.id,
            "duty": c.duty,
            "text": c.text,
            "assignments": list(assignments),
            "source": {
                "rule": c.id,
                "article": c.article,
                "policy": POLICY_ID,
                "verification": None,
            },
        }

    crime_conflict = conflict(
        "crime_self_investigation",
        assigned("financial_crime", "investigates", "reported_unit_supervision"),
        assigned("functional_duties", "investigates", "complained_unit"),
    )
    media_conflict = conflict(
        "media_owner",
        assigned("flow_media", "handles", "audit_dept"),
        assigned("media_reporting", "handles", "complained_unit"),
        assigned("media_offices", "handles", "offices"),
    )
    pending_good_faith = [
        {"source": parts[rule_id].source, "needs": ["good_faith"]}
        for rule_id in ("anonymous_good_faith", "anonymous_malicious")
    ]

    # The rules, by the names the conditions below use; those that hold for every
    # complaint and follow one another are joined into one.
    head = _Rule.joined(
        parts["first_question"], parts["whose_customer"], parts["confidentiality_and_records"]
    )
    flow_in_person = parts["flow_in_person"]
    flow_letter = parts["flow_letter"]
    flow_media = parts["flow_media"]
    flow_forwarded_by_superior = parts["flow_forwarded_by_superior"]
    flow_forwarded_by_government = parts["flow_forwarded_by_government"]
    flow_unspecified_channels = parts["flow_unspecified_channels"]
    limit_general = parts["limit_general"]
    limit_complex = parts["limit_complex"]
    limit_unclassified = parts["limit_unclassified"]
    middle = _Rule.joined(parts["immediate_contact"], parts["reply_form"])
    conduct_complaints = parts["conduct_complaints"]
    conduct_our_fault = parts["conduct_our_fault"]
    conduct_economic_loss = parts["conduct_economic_loss"]
    product_complaints = parts["product_complaints"]
    channel_complaints = parts["channel_complaints"]
    product_channel_handling = parts["product_channel_handling"]
    irregular_operation = parts["irregular_operation"]
    financial_crime = parts["financial_crime"]
    anonymous_good_faith = parts["anonymous_good_faith"]
    anonymous_malicious = parts["anonymous_malicious"]
    not_our_fault = parts["not_our_fault"]
    media_reporting = parts["media_reporting"]
    media_published = parts["media_published"]
    media_provincial_or_central = parts["media_provincial_or_central"]
    economic_dispute = parts["economic_dispute"]
    repeat_complaint = parts["repeat_complaint"]
    repeat_customer_fault = parts["repeat_customer_fault"]
    withdrawal_check = parts["withdrawal_check"]
    withdrawal_voluntary = parts["withdrawal_voluntary"]
    withdrawal_coerced = parts["withdrawal_coerced"]
    tail = _Rule.joined(parts["management_responsibility"], parts["functional_duties"])
    media_offices = parts["media_offices"]
    major_complaint = parts["major_complaint"]
    assert len(parts) == 38, sorted(parts)
    # Only 第六條 keeps records: the retention of every decision.
    retention = head.retention
    assert not any(r.retention for k, r in parts.items() if k != "confidentiality_and_records")

    conduct = frozenset(("work_error", "service_attitude", "internal_management"))
    graded_complex = frozenset(("service_product", "service_channel", "irregular_operation"))
    fromisoformat = datetime.fromisoformat

    def finding_of(item: Any) -> tuple[str, _JSON, int, list[_JSON]]:
        if item.__class__ is str:
            finding, named = findings_named[item]
            return finding, named, 1, []
        if item.__class__ is not dict or not item.keys() <= {"finding", "count", "roles"}:
            raise Rejected("a finding is a name or {finding, count, roles}")
        finding, named = findings_named[item["finding"]]
        count = item.get("count", 1)
        if count.__class__ is not int or count < 1:
            raise Rejected("a finding's count is a positive whole number")
        roles = item.get("roles") or []
        return finding, named, count, [roles_named[r][1] for r in roles]

    def penalties_for(finding: str, template: _JSON, found: list[Any]) -> list[_JSON]:
        out = []
        for finding_id, named, count, roles in found:
            if finding_id == finding:
                penalty = template.copy()
                penalty["finding"] = named
                penalty["occurrences"] = count
                penalty["roles_involved"] = roles
                out.append(penalty)
        return out

    def decide(complaint: dict[str, Any]) -> dict[str, Any]:
        # The input: checked, and in the policy's terms.
        get = complaint.get
        try:
            if not complaint.keys() <= allowed:
                raise Rejected(f"unknown fields: {sorted(complaint.keys() - allowed)}")
            received = fromisoformat(complaint["received_at"])
            offset = received.utcoffset()
            if offset is None:
                raise Rejected("received_at has no UTC offset")
            if offset != _UTC8:
                received = received.astimezone(tz)
            channel, channel_named = channels[complaint["channel"]]
            category, category_named = categories[complaint["category"]]
            given = get("findings")
            found = [finding_of(item) for item in given] if given else []
        except Rejected:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise Rejected(f"not a complaint of this policy: {exc!r}") from None
        if get("level") is not None:
            raise Rejected("the level is classified by the policy, not given")
        # The facts: true, false, or not given (every one but good_faith defaults to false).
        good_faith = get("good_faith")
        repeat = get("repeat_complaint")
        withdrawn = get("withdrawn")
        judicial = get("economic_dispute_judicial")
        provincial = get("media_provincial_or_central")
        published = get("media_published")
        major = get("major")
        for value in (good_faith, repeat, withdrawn, judicial, provincial, published, major):
            if value is not None and value.__class__ is not bool:
                raise Rejected("a fact of this policy is true or false")
        finding_ids = {f[0] for f in found} if found else ()
        received_at = received.isoformat()

        # 第十一條's table: the level, or none (and the table's gap).
        if category in conduct:
            level: _JSON | None = level_general
            gaps = head.gaps.copy()
        elif category in graded_complex:
            level = level_complex
            gaps = head.gaps.copy()
        else:
            level = None
            gaps = [level_gap, *head.gaps]

        # The rules, in policy order: each that holds adds its parts.
        matched = head.matched.copy()
        routing = head.routing.copy()
        actions = head.actions.copy()
        escalations: list[_JSON] = []
        reports: list[_JSON] = []
        deadlines: list[_JSON] = []
        penalties: list[_JSON] = []
        pending: list[_JSON] = []
        conflicts: list[_JSON] = []
        if channel == "in_person":
            matched.append(flow_in_person.source)
            routing += flow_in_person.routing
            actions += flow_in_person.actions
        elif channel == "letter":
            matched.append(flow_letter.source)
            routing += flow_letter.routing
            actions += flow_letter.actions
            reports += flow_letter.reports
        elif channel == "media":
            matched.append(flow_media.source)
            routing += flow_media.routing
            actions += flow_media.actions
        elif channel == "forwarded_by_superior":
            matched.append(flow_forwarded_by_superior.source)
            routing += flow_forwarded_by_superior.routing
            actions += flow_forwarded_by_superior.actions
            reports += flow_forwarded_by_superior.reports
        elif channel == "forwarded_by_government":
            matched.append(flow_forwarded_by_government.source)
            routing += flow_forwarded_by_government.routing
            actions += flow_forwarded_by_government.actions
        else:  # phone, comment_book
            matched.append(flow_unspecified_channels.source)
            gaps += flow_unspecified_channels.gaps
        if level is level_general:
            matched.append(limit_general.source)
            day = received.date()
            if day not in due_3:
                raise Rejected(f"the holidays after {day} are not published")
            deadline = general_deadline.copy()
            deadline["started_at"] = received_at
            deadline["due"] = due_3[day]
            deadlines.append(deadline)
            escalations += limit_general.escalations
        elif level is level_complex:
            matched.append(limit_complex.source)
            day = received.date()
            if day not in due_10:
                raise Rejected(f"the holidays after {day} are not published")
            deadline = complex_deadline.copy()
            deadline["started_at"] = received_at
            deadline["due"] = due_10[day]
            deadline["due_earliest"] = due_7[day]
            deadlines.append(deadline)
            escalations += limit_complex.escalations
        else:  # financial_crime, anonymous
            matched.append(limit_unclassified.source)
            gaps += limit_unclassified.gaps
        # (overdue_at_decision stays false: the decision is made at receipt, and a count
        # in working days ends on a later day.)
        matched += middle.matched
        actions += middle.actions
        reports += middle.reports
        if category in conduct:
            matched.append(conduct_complaints.source)
            routing += conduct_complaints.routing
            if found:
                if "our_fault" in finding_ids:
                    matched.append(conduct_our_fault.source)
                    actions += conduct_our_fault.actions
                    penalties += penalties_for("our_fault", party_criticism, found)
                if "customer_economic_loss" in finding_ids:
                    matched.append(conduct_economic_loss.source)
                    actions += conduct_economic_loss.actions
        elif category == "service_product":
            matched.append(product_complaints.source)
            routing += product_complaints.routing
            matched.append(product_channel_handling.source)
            actions += product_channel_handling.actions
            escalations += product_channel_handling.escalations
        elif category == "service_channel":
            matched.append(channel_complaints.source)
            routing += channel_complaints.routing
            matched.append(product_channel_handling.source)
            actions += product_channel_handling.actions
            escalations += product_channel_handling.escalations
        elif category == "irregular_operation":
            matched.append(irregular_operation.source)
            routing += irregular_operation.routing
        elif category == "financial_crime":
            matched.append(financial_crime.source)
            routing += financial_crime.routing
            actions += financial_crime.actions
            conflicts.append(crime_conflict)  # with 第二十一條's, always matched below
        elif good_faith is None:  # anonymous: in good faith or malicious, not known
            pending = pending_good_faith
        elif good_faith:
            matched.append(anonymous_good_faith.source)
            actions += anonymous_good_faith.actions
        else:
            matched.append(anonymous_malicious.source)
            actions += anonymous_malicious.actions
        if found and "not_our_fault" in finding_ids:
            matched.append(not_our_fault.source)
            actions += not_our_fault.actions
        if channel == "media":
            matched.append(media_reporting.source)
            routing += media_reporting.routing
            reports += media_reporting.reports
            actions += media_reporting.actions
            if published:
                matched.append(media_published.source)
                actions += media_published.actions
            if provincial:
                matched.append(media_provincial_or_central.source)
                reports += media_provincial_or_central.reports
        if judicial:
            matched.append(economic_dispute.source)
            reports += economic_dispute.reports
            routing += economic_dispute.routing
            actions += economic_dispute.actions
        if repeat:
            matched.append(repeat_complaint.source)
            actions += repeat_complaint.actions
            if found and "not_our_fault" in finding_ids:
                matched.append(repeat_customer_fault.source)
                actions += repeat_customer_fault.actions
                escalations += repeat_customer_fault.escalations
        if withdrawn:
            matched.append(withdrawal_check.source)
            actions += withdrawal_check.actions
        if found:
            if "voluntary_withdrawal" in finding_ids:
                matched.append(withdrawal_voluntary.source)
                actions += withdrawal_voluntary.actions
            if "coerced_withdrawal" in finding_ids:
                matched.append(withdrawal_coerced.source)
                actions += withdrawal_coerced.actions
                penalties += penalties_for("coerced_withdrawal", coercion_investigation, found)
        matched += tail.matched
        routing += tail.routing
        reports += tail.reports
        if channel == "media":
            matched.append(media_offices.source)
            routing += media_offices.routing
            gaps += media_offices.gaps
            conflicts.append(media_conflict)
        if major:
            matched.append(major_complaint.source)
            reports += major_complaint.reports
            gaps += major_complaint.gaps

        return {
            "schema": "complaint-rules/decision/1",
            "policy": policy_ref,
            "received_at": received_at,
            "decided_at": received_at,
            "channel": channel_named,
            "category": category_named,
            "level": level,
            "findings": [f[1] for f in found],
            "matched_rules": matched,
            "routing": routing,
            "deadlines": deadlines,
            "actions": actions,
            "escalations": escalations,
            "reports": reports,
            "retention": retention,
            "penalties": penalties,
            "approvals": [],
            "gaps": gaps,
            "conflicts": conflicts,
            "pending_rules": pending,
            "carried": {},
        }

    return decide
