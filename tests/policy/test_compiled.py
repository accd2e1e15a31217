"""Compiling a policy: the consistency checks (each kind of problem, located by its field),
the lookups built once, layers, ``with_calendar``, and the decision's record of both."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from complaint_rules import Catalog, PolicyError, decide
from complaint_rules.calendar.periods import CountingConvention
from complaint_rules.errors import Problem
from complaint_rules.messages.catalogue import MESSAGES
from complaint_rules.policy.bundled import bundled_policy_dir
from complaint_rules.policy.compiled import (
    CompiledPolicy,
    Layer,
    Source,
    compile_policy,
)
from complaint_rules.policy.model import Policy
from tests.support.layered import sha
from tests.support.lifecycle_policy import POLICY_TEXT
from tests.support.local_time import due_on
from tests.support.policy_texts import MINI
from tests.support.problems import errors, line_of

COMPLAINT = {
    "received_at": "2026-09-30T10:00:00+08:00",
    "channel": "信件投訴",
    "category": "工作失誤",
}
BOCOM = {
    "received_at": "2026-09-29T10:00:00+08:00",
    "channel": "客戶來電",
    "category": "客戶投訴",
}

Data = dict[str, Any]


def valid() -> Data:
    """A small policy that uses every kind of element, and compiles."""
    return {
        "schema": "complaint-rules/1",
        "id": "t",
        "version": "1",
        "title": "測試辦法",
        "institution": "測試銀行",
        "source": "tests",
        "vocabulary": {
            "roles": [{"id": "desk", "label": "櫃面"}, {"id": "head", "label": "負責人"}],
            "channels": [{"id": "counter", "label": "櫃面投訴"}],
            "categories": [{"id": "service", "label": "服務態度"}],
            "levels": [{"id": "minor", "label": "輕微"}, {"id": "major", "label": "重大"}],
            "findings": [{"id": "late", "label": "遲開門"}],
            "sanctions": [{"id": "warning", "label": "警告"}],
            "events": [
                {"id": "replied", "label": "回復"},
                {"id": "hold", "label": "暫停"},
                {"id": "unhold", "label": "恢復"},
                {"id": "extended", "label": "延長"},
            ],
        },
        "facts": [
            {"id": "vip", "type": "bool", "label": "貴賓"},
            {"id": "amount", "type": "decimal", "label": "金額"},
            {"id": "departs_at", "type": "datetime", "label": "離店時間"},
        ],
        "parameters": [
            {"id": "limit", "type": "money", "label": "權限"},
            {"id": "hours", "type": "int", "label": "時數", "value": 2},
        ],
        "rules": [
            {
                "id": "reply",
                "article": "第一條",
                "routing": [{"duty": "accepts", "role": "desk"}],
                "deadlines": [
                    {"id": "reply", "label": "回復", "within": {"working_days": 5}, "by": ["desk"]}
                ],
                "actions": [{"id": "urge", "label": "催辦", "by": ["head"]}],
                "escalations": [
                    {
                        "id": "up",
                        "label": "上報",
                        "on": "deadline_missed",
                        "deadline": "reply",
                        "to": ["head"],
                    }
                ],
                "reports": [
                    {
                        "id": "monthly",
                        "label": "月報",
                        "to": ["head"],
                        "due": {"end_of_month": True},
                    }
                ],
                "retention": [{"id": "keep", "label": "保存", "keeper": ["desk"], "years": 2}],
                "penalties": [
                    {
                        "id": "fine",
                        "label": "罰款",
                        "finding": "late",
                        "subjects": ["desk"],
                        "kind": "fine",
                        "amount_yuan": {"min": 100, "max": 200},
                        "sanctions": [{"sanction": "warning", "when": {"vip": True}}],
                    }
                ],
                "approvals": [
                    {
                        "id": "pay",
                        "label": "賠償",
                        "amount_fact": "amount",
                        "tiers": [{"role": "desk", "limit_yuan": {"parameter": "limit"}}],
                        "above": ["head"],
                    }
                ],
            }
        ],
        "lifecycle": {
            "events": [{"id": "replied", "sets": {"vip": True}}],
            "clocks": [
                {
                    "id": "reply",
                    "label": "回復",
                    "article": "第一條",
                    "deadlines": ["reply"],
                    "meets": ["replied"],
                    "pauses": ["hold"],
                    "resumes": ["unhold"],
                    "extensions": [
                        {
                            "id": "ext",
                            "label": "延長",
                            "on": "extended",
                            "to": {"working_days": 10},
                            "approvers": ["head"],
                        }
                    ],
                }
            ],
            "duties": [{"id": "urge", "after": ["replied"]}],
            "reminders": [
                {
                    "id": "urge",
                    "clock": "reply",
                    "before": {"unit": "hours", "parameter": "hours"},
                    "to": ["desk"],
                }
            ],
            "gaps": [{"about": "other", "article": "第九條", "text": "無"}],
        },
    }


def problems(data: Data) -> list[Problem]:
    with pytest.raises(PolicyError) as info:
        compile_policy(Policy.model_validate(data))
    return [replace(p, args=()) for p in info.value.problems]


Edit = Callable[[Data], None]


def at(data: Any, *path: str | int) -> Any:
    for part in path:
        data = data[part]
    return data


def put(*path: str | int, value: Any) -> Edit:
    """Set the value at ``path`` (a new key, or a list index)."""

    def edit(data: Data) -> None:
        at(data, *path[:-1])[path[-1]] = value

    return edit


def drop(*path: str | int) -> Edit:
    def edit(data: Data) -> None:
        del at(data, *path[:-1])[path[-1]]

    return edit


def add(*path: str | int, value: Any) -> Edit:
    """Append ``value`` to the list at ``path``."""

    def edit(data: Data) -> None:
        at(data, *path).append(value)

    return edit


def edits(*steps: Edit) -> Edit:
    def edit(data: Data) -> None:
        for step in steps:
            step(data)

    return edit


def P(path: tuple[str | int, ...], message: str) -> Problem:
    """A problem of compiling, located by its field path."""
    return Problem(message, path=path)


RULE = ("rules", 0)
LIFE = ("lifecycle",)
CLOCK = ("lifecycle", "clocks", 0)
EXT = ("lifecycle", "clocks", 0, "extensions", 0)
REMINDER = ("lifecycle", "reminders", 0)
ROLES = "allowed: desk, head"


# --- every kind of problem, located by its field ------------------------------------------------

EXTENSION_2 = {
    "id": "ext",
    "label": "再延長",
    "on": "extended_again",
    "to": {"working_days": 15},
    "approvers": ["head"],
}
OTHER_CLOCK = {
    "id": "other",
    "label": "另一時限",
    "article": "第二條",
    "within": {"working_days": 3},
    "extensions": [
        {
            "id": "ext2",
            "label": "延長",
            "on": "extended",
            "to": {"working_days": 6},
            "approvers": ["head"],
        }
    ],
}
ROW = {"id": "big", "article": "第二條", "when": {"vip": True}, "level": "major"}
CLASSIFICATION: Data = {"rows": [ROW], "default": "minor"}
CONDITION_FIELDS = "all, amount, any, category, channel, departs_at, finding, level, not, vip"

CASES: dict[str, tuple[Edit, list[Problem]]] = {
    # vocabulary, facts, parameters
    "duplicate vocabulary id": (
        add("vocabulary", "channels", value={"id": "counter", "label": "電話投訴"}),
        [P(("vocabulary", "channels", 1, "id"), "duplicate id 'counter' (first at channels[0])")],
    ),
    "spelling naming two terms": (
        add(
            "vocabulary",
            "categories",
            value={"id": "product", "label": "服務產品", "aliases": ["服務態度"]},
        ),
        [
            P(
                ("vocabulary", "categories", 1, "aliases", 0),
                "category spelling '服務態度' names both 'service' and 'product'",
            )
        ],
    ),
    "reports_to undeclared": (
        put("vocabulary", "roles", 0, "reports_to", value="boss"),
        [
            P(
                ("vocabulary", "roles", 0, "reports_to"),
                f"role 'boss' is not declared in vocabulary; {ROLES}",
            )
        ],
    ),
    "reports_to cycle": (
        edits(
            put("vocabulary", "roles", 0, "reports_to", value="head"),
            put("vocabulary", "roles", 1, "reports_to", value="desk"),
        ),
        [
            P(
                ("vocabulary", "roles", 1, "reports_to"),
                "reports_to forms a cycle: desk -> head -> desk",
            )
        ],
    ),
    "reports_to cycle reached from a role outside it": (
        edits(
            add(
                "vocabulary", "roles", value={"id": "clerk", "label": "櫃員", "reports_to": "desk"}
            ),
            put("vocabulary", "roles", 0, "reports_to", value="head"),
            put("vocabulary", "roles", 1, "reports_to", value="desk"),
        ),
        # Followed from clerk (the first id in order): clerk -> desk -> head -> desk.
        [
            P(
                ("vocabulary", "roles", 1, "reports_to"),
                "reports_to forms a cycle: desk -> head -> desk",
            )
        ],
    ),
    "reserved fact id": (
        add("facts", value={"id": "channel", "type": "bool", "label": "渠道"}),
        [P(("facts", 3, "id"), "'channel' is reserved for complaint fields")],
    ),
    "duplicate fact id": (
        add("facts", value={"id": "vip", "type": "bool", "label": "又一貴賓"}),
        [P(("facts", 3, "id"), "duplicate fact id 'vip'")],
    ),
    "fact default of another type": (
        edits(
            put("facts", 1, "default", value=True),
            put("facts", 2, "default", value=1),
        ),
        [
            P(("facts", 1, "default"), "default does not fit type decimal"),
            P(("facts", 2, "default"), "default does not fit type datetime"),
        ],
    ),
    "duplicate parameter id": (
        add("parameters", value={"id": "limit", "type": "money", "label": "又一權限"}),
        [P(("parameters", 2, "id"), "duplicate parameter id 'limit'")],
    ),
    # settings, classification
    "unknown time zone": (
        put("timezone", value="Mars/Olympus"),
        [P(("timezone",), "unknown time zone 'Mars/Olympus' (e.g. Asia/Shanghai)")],
    ),
    "day both holiday and workday": (
        put(
            "calendar",
            value={"holidays": {"2026-10-10": "院慶"}, "workdays": {"2026-10-10": "補班"}},
        ),
        [P(("calendar", "workdays", "2026-10-10"), "2026-10-10 is listed as holiday and workday")],
    ),
    "classification with level input": (
        edits(put("classification", value=CLASSIFICATION), put("level_input", value="required")),
        [
            P(
                ("level_input",),
                "a policy with a classification table derives the level; level_input must be "
                "'forbidden' or left out",
            )
        ],
    ),
    "classification without levels": (
        edits(put("classification", value=CLASSIFICATION), drop("vocabulary", "levels")),
        [
            P(("classification",), "a classification table needs vocabulary.levels"),
            P(
                ("classification", "rows", 0, "level"),
                "level 'major' is not declared in vocabulary; none are declared",
            ),
            P(
                ("classification", "default"),
                "level 'minor' is not declared in vocabulary; none are declared",
            ),
        ],
    ),
    "level input without levels": (
        edits(put("level_input", value="optional"), drop("vocabulary", "levels")),
        [P(("level_input",), "level_input needs vocabulary.levels")],
    ),
    "classification level undeclared": (
        put(
            "classification",
            value={
                **CLASSIFICATION,
                "rows": [{**ROW, "level": "huge"}],
                "default": "tiny",
            },
        ),
        [
            P(
                ("classification", "rows", 0, "level"),
                "level 'huge' is not declared in vocabulary; allowed: minor, major",
            ),
            P(
                ("classification", "default"),
                "level 'tiny' is not declared in vocabulary; allowed: minor, major",
            ),
        ],
    ),
    # periods and money
    "period min above max": (
        put(*RULE, "deadlines", 0, "within", value={"working_days": {"min": 7, "max": 3}}),
        [P((*RULE, "deadlines", 0, "within", "working_days"), "min 7 is greater than max 3")],
    ),
    "period of no days": (
        put(*RULE, "reports", 0, "due", value={"calendar_days": 0}),
        [P((*RULE, "reports", 0, "due", "calendar_days"), "a period in days is at least 1 day")],
    ),
    "money parameter undeclared": (
        put(*RULE, "approvals", 0, "tiers", 0, "limit_yuan", value={"parameter": "limits"}),
        [
            P(
                (*RULE, "approvals", 0, "tiers", 0, "limit_yuan", "parameter"),
                "parameter 'limits' is not declared; allowed: limit, hours; did you mean 'limit'?",
            )
        ],
    ),
    "money parameter not money": (
        put(*RULE, "approvals", 0, "tiers", 0, "limit_yuan", value={"parameter": "hours"}),
        [
            P(
                (*RULE, "approvals", 0, "tiers", 0, "limit_yuan", "parameter"),
                "parameter 'hours' is not money",
            )
        ],
    ),
    "money min above max": (
        put(*RULE, "penalties", 0, "amount_yuan", value={"min": 300, "max": "200"}),
        [
            P(
                (*RULE, "penalties", 0, "amount_yuan", "min"),
                "min 300 is greater than max 200 (yuan)",
            )
        ],
    ),
    # rules and their elements
    "no rule": (
        edits(put("rules", value=[]), drop("lifecycle")),
        [P(("rules",), "a policy needs at least one rule")],
    ),
    "duplicate rule id": (
        add("rules", value={"id": "reply", "article": "第二條"}),
        [P(("rules", 1, "id"), "duplicate rule id 'reply' (first at rules[0])")],
    ),
    "duplicate element id": (
        add(
            "rules",
            value={
                "id": "second",
                "article": "第二條",
                "deadlines": [{"id": "reply", "label": "又回復", "within": {"working_days": 3}}],
            },
        ),
        [
            P(
                ("rules", 1, "deadlines", 0, "id"),
                "duplicate deadline id 'reply' (first at rules[0].deadlines[0])",
            )
        ],
    ),
    "role undeclared": (
        put(*RULE, "routing", 0, "role", value="dsk"),
        [
            P(
                (*RULE, "routing", 0, "role"),
                f"role 'dsk' is not declared in vocabulary; {ROLES}; did you mean 'desk'?",
            )
        ],
    ),
    "role in a list undeclared": (
        put(*RULE, "deadlines", 0, "by", value=["desk", "boss"]),
        [
            P(
                (*RULE, "deadlines", 0, "by", 1),
                f"role 'boss' is not declared in vocabulary; {ROLES}",
            )
        ],
    ),
    "retention counted from a fact that is no instant, or with no years": (
        edits(
            add(
                *RULE,
                "retention",
                value={"id": "f", "label": "歸檔", "years": 5, "counted_from": "vip"},
            ),
            add(
                *RULE, "retention", value={"id": "k", "label": "保存", "counted_from": "departs_at"}
            ),
        ),
        [
            P(
                (*RULE, "retention", 1, "counted_from"),
                "'vip' is not a datetime fact; allowed: departs_at",
            ),
            P(
                (*RULE, "retention", 2, "counted_from"),
                "'counted_from' says from when 'years' is counted; this retention has no 'years'",
            ),
        ],
    ),
    "deadline counted from a fact that is no instant": (
        add(
            *RULE,
            "deadlines",
            value={"id": "leave", "label": "離店前", "starts": "amount", "until": ["vip"]},
        ),
        [
            P(
                (*RULE, "deadlines", 1, "starts"),
                "'amount' is not a datetime fact; allowed: received, departs_at",
            ),
            P(
                (*RULE, "deadlines", 1, "until", 0),
                "'vip' is not a datetime fact; allowed: departs_at",
            ),
        ],
    ),
    "action deadline undeclared": (
        put(*RULE, "actions", 0, "deadline", value="replyy"),
        [
            P(
                (*RULE, "actions", 0, "deadline"),
                "deadline 'replyy' is not declared; allowed: reply; did you mean 'reply'?",
            )
        ],
    ),
    "missed deadline not named": (
        drop(*RULE, "escalations", 0, "deadline"),
        [P((*RULE, "escalations", 0, "deadline"), "on: deadline_missed needs 'deadline'")],
    ),
    "missed deadline undeclared": (
        put(*RULE, "escalations", 0, "deadline", value="late"),
        [
            P(
                (*RULE, "escalations", 0, "deadline"),
                "deadline 'late' is not declared; allowed: reply",
            )
        ],
    ),
    "deadline without deadline_missed": (
        put(*RULE, "escalations", 0, "on", value="received"),
        [P((*RULE, "escalations", 0, "deadline"), "'deadline' goes with on: deadline_missed")],
    ),
    "unknown trigger": (
        edits(
            put(*RULE, "escalations", 0, "on", value="repled"),
            drop(*RULE, "escalations", 0, "deadline"),
        ),
        [
            P(
                (*RULE, "escalations", 0, "on"),
                "'repled' is not a trigger; allowed: received, deadline_missed, replied, hold, "
                "unhold, extended; did you mean 'replied'?",
            )
        ],
    ),
    "next step undeclared": (
        put(*RULE, "escalations", 0, "next", value="top"),
        [P((*RULE, "escalations", 0, "next"), "escalation 'top' is not declared; allowed: up")],
    ),
    "escalation cycle": (
        edits(
            put(*RULE, "escalations", 0, "next", value="top"),
            add(
                *RULE,
                "escalations",
                value={
                    "id": "top",
                    "label": "再上報",
                    "on": "replied",
                    "to": ["head"],
                    "next": "up",
                },
            ),
        ),
        [P((*RULE, "escalations", 0, "next"), "escalation steps form a cycle: top -> up -> top")],
    ),
    "report roles undeclared": (
        edits(
            put(*RULE, "reports", 0, "by", value=["boss"]),
            put(*RULE, "reports", 0, "to", value=["heads"]),
        ),
        [
            P(
                (*RULE, "reports", 0, "by", 0),
                f"role 'boss' is not declared in vocabulary; {ROLES}",
            ),
            P(
                (*RULE, "reports", 0, "to", 0),
                f"role 'heads' is not declared in vocabulary; {ROLES}; did you mean 'head'?",
            ),
        ],
    ),
    "keeper undeclared": (
        put(*RULE, "retention", 0, "keeper", value=["clerk"]),
        [
            P(
                (*RULE, "retention", 0, "keeper", 0),
                f"role 'clerk' is not declared in vocabulary; {ROLES}",
            )
        ],
    ),
    "penalty finding and subject undeclared": (
        edits(
            put(*RULE, "penalties", 0, "finding", value="lat"),
            put(*RULE, "penalties", 0, "subjects", value=["boss"]),
        ),
        [
            P(
                (*RULE, "penalties", 0, "finding"),
                "finding 'lat' is not declared in vocabulary; allowed: late; did you mean 'late'?",
            ),
            P(
                (*RULE, "penalties", 0, "subjects", 0),
                f"role 'boss' is not declared in vocabulary; {ROLES}",
            ),
        ],
    ),
    "fine without an amount": (
        drop(*RULE, "penalties", 0, "amount_yuan"),
        [P((*RULE, "penalties", 0, "amount_yuan"), "a fine needs amount_yuan")],
    ),
    "sanction undeclared and its condition broken": (
        put(
            *RULE,
            "penalties",
            0,
            "sanctions",
            0,
            value={"sanction": "warn", "when": {"vipp": True}},
        ),
        [
            P(
                (*RULE, "penalties", 0, "sanctions", 0, "sanction"),
                "sanction 'warn' is not declared in vocabulary; allowed: warning; did you mean "
                "'warning'?",
            ),
            P(
                (*RULE, "penalties", 0, "sanctions", 0, "when", "vipp"),
                f"unknown condition field 'vipp'; allowed: {CONDITION_FIELDS}; did you mean 'vip'?",
            ),
        ],
    ),
    "rule condition broken": (
        put(*RULE, "when", value={"colour": 1}),
        [
            P(
                (*RULE, "when", "colour"),
                f"unknown condition field 'colour'; allowed: {CONDITION_FIELDS}",
            )
        ],
    ),
    "approval of no number and undeclared roles": (
        edits(
            put(*RULE, "approvals", 0, "amount_fact", value="vip"),
            put(*RULE, "approvals", 0, "tiers", 0, "role", value="boss"),
            put(*RULE, "approvals", 0, "above", value=["chief"]),
        ),
        [
            P(
                (*RULE, "approvals", 0, "amount_fact"),
                "'vip' is not a number fact; allowed: amount",
            ),
            P(
                (*RULE, "approvals", 0, "tiers", 0, "role"),
                f"role 'boss' is not declared in vocabulary; {ROLES}",
            ),
            P(
                (*RULE, "approvals", 0, "above", 0),
                f"role 'chief' is not declared in vocabulary; {ROLES}",
            ),
        ],
    ),
    # the lifecycle
    "reserved event id": (
        add("vocabulary", "events", value={"id": "closed", "label": "結案"}),
        [
            P(
                ("vocabulary", "events", 4, "id"),
                "'closed' is reserved for the case events every policy has (received, updated, "
                "escalated, reminded, done, closed, deadline_missed)",
            )
        ],
    ),
    "clock event undeclared": (
        put(*CLOCK, "meets", value=["replid"]),
        [
            P(
                (*CLOCK, "meets", 0),
                "'replid' is not an event; allowed: replied, hold, unhold, extended; did you mean "
                "'replied'?",
            )
        ],
    ),
    "duplicate lifecycle id": (
        add(*LIFE, "duties", value={"id": "urge", "after": ["hold"]}),
        [P((*LIFE, "duties", 1, "id"), "duplicate duty id 'urge' (first at lifecycle.duties[0])")],
    ),
    "facts an event cannot set": (
        put(
            *LIFE,
            "events",
            0,
            "sets",
            value={"amount": 1, "vip": 1, "departs_at": True, "nope": True},
        ),
        [
            P(
                (*LIFE, "events", 0, "sets", "amount"),
                "'amount' is not a bool or int fact; allowed: vip",
            ),
            P((*LIFE, "events", 0, "sets", "vip"), "1 does not fit fact type bool"),
            P(
                (*LIFE, "events", 0, "sets", "departs_at"),
                "'departs_at' is not a bool or int fact (use sets_time for a datetime fact); "
                "allowed: vip",
            ),
            P(
                (*LIFE, "events", 0, "sets", "nope"),
                "'nope' is not a bool or int fact; allowed: vip",
            ),
        ],
    ),
    "event effect of an undeclared event": (
        add(*LIFE, "events", value={"id": "hold2"}),
        [
            P(
                (*LIFE, "events", 1, "id"),
                "'hold2' is not declared in vocabulary.events; allowed: replied, hold, unhold, "
                "extended; did you mean 'hold'?",
            )
        ],
    ),
    "event effect after and excludes undeclared": (
        edits(
            put(*LIFE, "events", 0, "after", value=["received", "hld"]),
            put(*LIFE, "events", 0, "excludes", value=["received"]),
        ),
        [
            P(
                (*LIFE, "events", 0, "after", 1),
                "'hld' is not an event; allowed: received, replied, hold, unhold, extended; did "
                "you mean 'hold'?",
            ),
            P(
                (*LIFE, "events", 0, "excludes", 0),
                "'received' is not an event; allowed: replied, hold, unhold, extended; did you "
                "mean 'replied'?",
            ),
        ],
    ),
    "time set on a fact that is no instant": (
        put(*LIFE, "events", 0, "sets_time", value=["vip"]),
        [
            P(
                (*LIFE, "events", 0, "sets_time", 0),
                "'vip' is not a datetime fact; allowed: departs_at",
            )
        ],
    ),
    "finding established undeclared": (
        put(*LIFE, "events", 0, "findings", value=["lat"]),
        [
            P(
                (*LIFE, "events", 0, "findings", 0),
                "finding 'lat' is not declared in vocabulary; allowed: late; did you mean 'late'?",
            )
        ],
    ),
    "clock deadline undeclared": (
        put(*CLOCK, "deadlines", value=["replyy"]),
        [
            P(
                (*CLOCK, "deadlines", 0),
                "deadline 'replyy' is not declared; allowed: reply; did you mean 'reply'?",
            )
        ],
    ),
    "clock period min above max": (
        edits(
            drop(*CLOCK, "deadlines"),
            put(*CLOCK, "within", value={"working_days": {"min": 5, "max": 2}}),
        ),
        [P((*CLOCK, "within", "working_days"), "min 5 is greater than max 2")],
    ),
    "clock started by nothing": (
        put(*CLOCK, "starts", value=[]),
        [P((*CLOCK, "starts"), "a clock needs at least one event that starts it")],
    ),
    "event doing two things to a clock": (
        put(*CLOCK, "stops", value=["replied"]),
        [
            P(
                (*CLOCK, "stops", 0),
                "event 'replied' is already in meets of this clock; an event does one thing to a "
                "clock",
            )
        ],
    ),
    "pause without resume": (
        drop(*CLOCK, "resumes"),
        [P((*CLOCK, "pauses"), "a clock that pauses needs events that resume it, and the reverse")],
    ),
    "paused end of month": (
        edits(
            drop(*CLOCK, "deadlines"),
            drop(*CLOCK, "extensions"),
            put(*CLOCK, "within", value={"end_of_month": True}),
        ),
        [
            P(
                (*CLOCK, "pauses"),
                "only a period in minutes, hours, calendar_days or working_days can be paused or "
                "extended (not an end of month or an 'until' deadline)",
            )
        ],
    ),
    "extended clock of two units": (
        edits(
            add(
                *RULE,
                "deadlines",
                value={"id": "fast", "label": "快辦", "within": {"calendar_days": 3}},
            ),
            put(*CLOCK, "deadlines", value=["reply", "fast"]),
        ),
        [
            P(
                (*CLOCK, "extensions"),
                "an extended clock needs one unit; its deadlines use working_days, calendar_days",
            )
        ],
    ),
    "duplicate extension id": (
        edits(
            add("vocabulary", "events", value={"id": "extended_again", "label": "再延長"}),
            add(*CLOCK, "extensions", value=EXTENSION_2),
        ),
        [
            P(
                (*CLOCK, "extensions", 1, "id"),
                "duplicate extension id 'ext' (first at lifecycle.clocks[0].extensions[0])",
            )
        ],
    ),
    "extension event of two clocks": (
        add(*LIFE, "clocks", value=OTHER_CLOCK),
        [
            P(
                (*LIFE, "clocks", 1, "extensions", 0, "on"),
                "event 'extended' already extends clock 'reply'; an extension event extends one "
                "clock",
            )
        ],
    ),
    "extension event doing another thing": (
        put(*EXT, "on", value="hold"),
        [
            P(
                (*EXT, "on"),
                "event 'hold' is already in pauses of this clock; an event does one thing to a "
                "clock",
            )
        ],
    ),
    "approver undeclared": (
        put(*EXT, "approvers", value=["boss"]),
        [P((*EXT, "approvers", 0), f"role 'boss' is not declared in vocabulary; {ROLES}")],
    ),
    "extension in another unit": (
        put(*EXT, "to", value={"calendar_days": 10}),
        [P((*EXT, "to"), "an extension keeps the clock's unit (working_days)")],
    ),
    "extension not longer": (
        put(*EXT, "to", value={"working_days": 5}),
        [
            P(
                (*EXT, "to"),
                "an extension must be longer than the period before it (5 working_days); got 5",
            )
        ],
    ),
    "duty of no action": (
        put(*LIFE, "duties", 0, "id", value="urgent"),
        [
            P(
                (*LIFE, "duties", 0, "id"),
                "'urgent' is not an action or report of the rules; allowed: monthly, urge; did "
                "you mean 'urge'?",
            )
        ],
    ),
    "id of an action and a report": (
        add(*RULE, "reports", value={"id": "urge", "label": "催辦報告", "to": ["head"]}),
        [
            P((*LIFE, "duties", 0, "id"), "'urge' names both an action and a report"),
            P((*REMINDER, "id"), "'urge' is not an action of the rules; none are declared"),
        ],
    ),
    "duty owed after nothing": (
        put(*LIFE, "duties", 0, "after", value=[]),
        [P((*LIFE, "duties", 0, "after"), "a duty needs the events after which it is owed")],
    ),
    "duty done by an undeclared event": (
        put(*LIFE, "duties", 0, "done_by", value=["received"]),
        [
            P(
                (*LIFE, "duties", 0, "done_by", 0),
                "'received' is not an event; allowed: replied, hold, unhold, extended; did you "
                "mean 'replied'?",
            )
        ],
    ),
    "duty clock undeclared": (
        put(*LIFE, "duties", 0, "clock", value="replyy"),
        [
            P(
                (*LIFE, "duties", 0, "clock"),
                "clock 'replyy' is not declared; allowed: reply; did you mean 'reply'?",
            )
        ],
    ),
    "reminder of no action": (
        put(*REMINDER, "id", value="monthly"),
        [P((*REMINDER, "id"), "'monthly' is not an action of the rules; allowed: urge")],
    ),
    "reminder clock and roles undeclared": (
        edits(put(*REMINDER, "clock", value="replyy"), put(*REMINDER, "to", value=["boss"])),
        [
            P(
                (*REMINDER, "clock"),
                "clock 'replyy' is not declared; allowed: reply; did you mean 'reply'?",
            ),
            P((*REMINDER, "to", 0), f"role 'boss' is not declared in vocabulary; {ROLES}"),
        ],
    ),
    "reminder parameter undeclared": (
        put(*REMINDER, "before", "parameter", value="hour"),
        [
            P(
                (*REMINDER, "before", "parameter"),
                "parameter 'hour' is not declared; allowed: limit, hours; did you mean 'hours'?",
            )
        ],
    ),
    "reminder parameter not int": (
        put(*REMINDER, "before", "parameter", value="limit"),
        [P((*REMINDER, "before", "parameter"), "parameter 'limit' is not int")],
    ),
    "reminder offset not whole": (
        put("parameters", 1, "value", value="1.5"),
        [
            P(
                (*REMINDER, "before", "parameter"),
                "parameter 'hours' is 1.5; an offset is a whole number >= 1",
            )
        ],
    ),
    "reminder offset zero": (
        put("parameters", 1, "value", value=0),
        [
            P(
                (*REMINDER, "before", "parameter"),
                "parameter 'hours' is 0; an offset is a whole number >= 1",
            )
        ],
    ),
    "lifecycle gap without article": (
        drop(*LIFE, "gaps", 0, "article"),
        [P((*LIFE, "gaps", 0, "article"), "a lifecycle gap cites its article")],
    ),
}


def C(path: tuple[str | int, ...], message: str, code: str) -> Problem:
    """A problem of a kind with a stable code."""
    return Problem(message, path=path, code=code)


ACTION = (*RULE, "actions", 0)
REPORT = (*RULE, "reports", 0)
PENALTY = (*RULE, "penalties", 0)
TIER = (*RULE, "approvals", 0, "tiers", 0)
AMOUNT = {"id": "amount", "type": "decimal", "label": "金額", "minimum": 0}
COUNT = {"id": "staff", "type": "int", "label": "人數", "minimum": 0}
SELF = {"id": "self", "duty": "investigates", "roles": ["desk", "head"], "article": "第一條",
        "text": "自查"}  # fmt: skip
INVESTIGATORS = [
    {"duty": "investigates", "role": "desk"},
    {"duty": "investigates", "role": "head"},
]

# The kinds of problem the schema's newer elements bring, each with its stable code.
CODED: dict[str, tuple[Edit, list[Problem]]] = {
    "or_roles repeating the role": (
        put(*RULE, "routing", 0, "or_roles", value=["head", "desk"]),
        [
            C(
                (*RULE, "routing", 0, "or_roles"),
                "or_roles names a role twice (or repeats 'role'); each alternative holder once",
                "policy.either_roles",
            )
        ],
    ),
    "action after an undeclared event": (
        put(*ACTION, "on", value="replyed"),
        [
            C(
                (*ACTION, "on"),
                "'replyed' is not an event an action can follow; allowed: replied, hold, "
                "unhold, extended; did you mean 'replied'?",
                "policy.action_trigger",
            )
        ],
    ),
    "any one of a single role": (
        edits(put(*ACTION, "by_any", value=True), put(*ACTION, "to", value=["desk"])),
        [
            C(
                (*ACTION, "by_any"),
                "by_any says any one of the roles in 'by' (「或」); 'by' names 1, it needs two "
                "or more",
                "policy.either_needs_two",
            )
        ],
    ),
    "any one of no recipient": (
        put(*REPORT, "to_any", value=True),
        [
            C(
                (*REPORT, "to_any"),
                "to_any says any one of the roles in 'to' (「或」); 'to' names 1, it needs two "
                "or more",
                "policy.either_needs_two",
            )
        ],
    ),
    "report counted from a fact that is no instant": (
        put(*REPORT, "starts", value="vip"),
        [
            C(
                (*REPORT, "starts"),
                "'vip' is not a datetime fact; allowed: received, departs_at",
                "policy.report_start",
            )
        ],
    ),
    "report counted from a fact but due at no time": (
        edits(drop(*REPORT, "due"), put(*REPORT, "starts", value="departs_at")),
        [
            C(
                (*REPORT, "starts"),
                "'starts' says from when 'due' is counted; this report has no 'due'",
                "policy.report_start",
            )
        ],
    ),
    "amount from a fact that is no number": (
        put(*PENALTY, "amount_yuan", value={"fact": "vip"}),
        [
            C(
                (*PENALTY, "amount_yuan", "fact"),
                "'vip' is not an int or decimal fact (an amount in yuan); allowed: amount",
                "policy.amount_fact",
            )
        ],
    ),
    "amount from a fact that may be negative": (
        put(*PENALTY, "amount_yuan", value={"fact": "amount"}),
        [
            C(
                (*PENALTY, "amount_yuan", "fact"),
                "fact 'amount' is an amount in yuan, never negative: declare it with "
                "'minimum: 0' (or more)",
                "policy.amount_fact",
            )
        ],
    ),
    "headcount that is no whole number": (
        put(*PENALTY, "headcount", value="amount"),
        [
            C(
                (*PENALTY, "headcount"),
                "'amount' is not an int fact (a number of persons); none are declared",
                "policy.headcount_fact",
            )
        ],
    ),
    "a tier's limit from a fact": (
        edits(put("facts", 1, value=AMOUNT), put(*TIER, "limit_yuan", value={"fact": "amount"})),
        [
            C(
                (*TIER, "limit_yuan", "fact"),
                "a tier's limit is an amount the source states or a parameter the institution "
                "sets, not a fact of the case",
                "policy.tier_limit_fact",
            )
        ],
    ),
    "earlier total that is no amount": (
        put(*TIER, "earlier_total", value="departs_at"),
        [
            C(
                (*TIER, "earlier_total"),
                "'departs_at' is not an int or decimal fact (an amount already approved, in "
                "yuan); allowed: amount",
                "policy.earlier_total_fact",
            )
        ],
    ),
    "a discretionary action owed and reminded": (
        put(*ACTION, "discretionary", value=True),
        [
            C(
                (*LIFE, "duties", 0, "id"),
                "'urge' is discretionary (the source says 「可」: it may be done); it is never "
                "owed",
                "policy.discretionary_owed",
            ),
            C(
                (*REMINDER, "id"),
                "'urge' is discretionary (the source says 「可」: it may be done); nobody is "
                "reminded of it",
                "policy.discretionary_owed",
            ),
        ],
    ),
    "a conflict declared twice, of one role, and of an undeclared one": (
        put(
            "conflicts",
            value=[
                SELF,
                {**SELF, "roles": ["desk"]},
                {**SELF, "id": "x", "roles": ["desk", "boss"]},
            ],
        ),
        [
            C(
                ("conflicts", 1, "id"),
                "duplicate conflict id 'self' (first at conflicts[0])",
                "policy.conflict_duplicate_id",
            ),
            C(
                ("conflicts", 1, "roles"),
                "name two or more different roles that cannot hold the duty together, or none "
                "(the duty is exclusive: one role holds it)",
                "policy.conflict_roles",
            ),
            C(
                ("conflicts", 2, "roles", 1),
                f"role 'boss' is not declared in vocabulary; {ROLES}",
                "policy.undeclared_term",
            ),
        ],
    ),
    "one rule giving a duty to roles that cannot hold it together": (
        edits(put("conflicts", value=[SELF]), put(*RULE, "routing", value=INVESTIGATORS)),
        [
            C(
                (*RULE, "routing", 1),
                "rule 'reply' gives investigates to desk, head, which conflict 'self' says "
                "cannot hold it together",
                "policy.exclusive_duty_conflict",
            )
        ],
    ),
    "an exclusive duty given twice by one rule": (
        edits(
            put("conflicts", value=[{**SELF, "roles": []}]),
            put(*RULE, "routing", value=INVESTIGATORS),
        ),
        [
            C(
                (*RULE, "routing", 1),
                "rule 'reply' gives investigates to desk, head, which conflict 'self' says "
                "cannot hold it together",
                "policy.exclusive_duty_conflict",
            )
        ],
    ),
}


def test_the_valid_policy_compiles() -> None:
    assert compile_policy(Policy.model_validate(valid())).id == "t"


@pytest.mark.parametrize(("edit", "expected"), list(CODED.values()), ids=list(CODED))
def test_each_newer_kind_of_problem_has_its_code_and_field(
    edit: Edit, expected: list[Problem]
) -> None:
    data = valid()
    edit(data)
    assert problems(data) == expected


def test_what_the_newer_checks_accept() -> None:
    data = valid()
    data["facts"] += [AMOUNT | {"id": "loan"}, COUNT]
    rule = data["rules"][0]
    rule["routing"] = [{"duty": "investigates", "role": "desk", "or_roles": ["head"]}]
    rule["actions"][0] |= {"on": "replied", "by": ["desk", "head"], "by_any": True}
    rule["reports"][0] |= {"to": ["desk", "head"], "to_any": True, "starts": "departs_at"}
    rule["penalties"][0] |= {"amount_yuan": {"fact": "loan"}, "headcount": "staff"}
    rule["approvals"][0]["tiers"][0]["earlier_total"] = "loan"
    rule["actions"].append({"id": "may", "label": "可為", "discretionary": True})
    # An either-of assignment shares a role with a plain one: one holder satisfies both.
    rule["routing"].append({"duty": "investigates", "role": "head"})
    data["conflicts"] = [SELF]
    compiled = compile_policy(Policy.model_validate(data))
    (declared,) = compiled.conflicts
    assert declared.layer == "t"
    assert declared.source() == Source(rule="self", article="第一條", policy="t")


@pytest.mark.parametrize(("edit", "expected"), list(CASES.values()), ids=list(CASES))
def test_each_kind_of_problem_is_reported_at_its_field(edit: Edit, expected: list[Problem]) -> None:
    data = valid()
    edit(data)
    found = problems(data)
    assert [(p.path, p.message) for p in found] == [(p.path, p.message) for p in expected]
    for problem in found:
        # Each check has a code of its own, worded in every language by the catalogue.
        assert problem.code is not None and problem.code.startswith("policy.")
        assert problem.code in MESSAGES


# --- a policy that extends another: problems point into its own file ----------------------------


def compiled_base() -> CompiledPolicy:
    return compile_policy(Policy.model_validate(valid()))


def branch(**fields: Any) -> Policy:
    """A policy ``c`` extending ``t`` (the valid policy), with ``fields``."""
    data = {
        "schema": "complaint-rules/1",
        "id": "c",
        "version": "2",
        "title": "分行辦法",
        "institution": "分行",
        "source": "tests",
        "extends": "t",
        **fields,
    }
    return Policy.model_validate(data)


def branch_problems(policy: Policy, base: CompiledPolicy | None) -> list[Problem]:
    with pytest.raises(PolicyError) as info:
        compile_policy(policy, base=base)
    return [replace(p, args=()) for p in info.value.problems]


def test_the_base_given_must_be_the_one_extended() -> None:
    base = compiled_base()
    assert branch_problems(branch(), None) == [
        C(("extends",), "extends 't', but the base given is none", "policy.base_given")
    ]
    assert branch_problems(branch(extends="u"), base) == [
        C(("extends",), "extends 'u', but the base given is 't'", "policy.base_given")
    ]
    assert branch_problems(Policy.model_validate(valid()), base) == [
        C(("extends",), "extends None, but the base given is 't'", "policy.base_given")
    ]


def test_a_rule_removed_must_be_the_bases() -> None:
    assert branch_problems(branch(remove_rules=["reply", "x"]), compiled_base()) == [
        C(("remove_rules", 1), "t has no rule 'x' to remove", "policy.remove_rules.unknown")
    ]


def test_problems_in_the_extending_policys_own_entries_point_at_them() -> None:
    own_rule = {
        "id": "own",
        "article": "分行第一條",
        "routing": [{"duty": "accepts", "role": "boss"}],
    }
    own_clock = {"id": "other", "label": "另一時限", "article": "分行", "deadlines": ["nope"]}
    alias = {"id": "head", "label": "負責人", "aliases": ["櫃面"]}
    policy = branch(
        vocabulary={"roles": [alias]}, rules=[own_rule], lifecycle={"clocks": [own_clock]}
    )
    # Merged, each is second in its list (after the base's); in the file, each is first.
    assert branch_problems(policy, compiled_base()) == [
        C(
            ("vocabulary", "roles", 0, "aliases", 0),
            "role spelling '櫃面' names both 'desk' and 'head'",
            "policy.vocabulary.spelling_twice",
        ),
        C(
            ("rules", 0, "routing", 0, "role"),
            f"role 'boss' is not declared in vocabulary; {ROLES}",
            "policy.undeclared_term",
        ),
        C(
            (*LIFE, "clocks", 0, "deadlines", 0),
            "deadline 'nope' is not declared; allowed: reply",
            "policy.clock.deadline_undeclared",
        ),
    ]


def test_conflicts_merge_by_id_each_keeping_its_layer_and_problems_point_into_the_file() -> None:
    base_data = valid()
    base_data["conflicts"] = [SELF, {**SELF, "id": "reply_once", "duty": "replies", "roles": []}]
    base = compile_policy(Policy.model_validate(base_data))
    mine = {**SELF, "text": "分行:不得自查"}
    extra = {**SELF, "id": "decide", "duty": "decides"}
    merged = compile_policy(branch(conflicts=[extra, mine]), base=base)
    # The base's first, replaced in place; new ones after; each with the layer it came from.
    assert [(c.conflict.id, c.conflict.text, c.layer) for c in merged.conflicts] == [
        ("self", "分行:不得自查", "c"),
        ("reply_once", "自查", "t"),
        ("decide", "自查", "c"),
    ]
    # A rule of the branch that runs into a conflict: its own field; a conflict of the
    # branch that an inherited rule runs into: at extends.
    own_rule = {"id": "own", "article": "分行第一條", "routing": INVESTIGATORS}
    assert branch_problems(branch(rules=[own_rule]), base) == [
        C(
            ("rules", 0, "routing", 1),
            "rule 'own' gives investigates to desk, head, which conflict 'self' says cannot "
            "hold it together",
            "policy.exclusive_duty_conflict",
        )
    ]
    accepts_once = {**SELF, "id": "accept_once", "duty": "accepts", "roles": ["head"]}
    assert branch_problems(branch(conflicts=[accepts_once]), base) == [
        C(
            ("conflicts", 0, "roles"),
            "name two or more different roles that cannot hold the duty together, or none "
            "(the duty is exclusive: one role holds it)",
            "policy.conflict_roles",
        )
    ]
    base_data["rules"][0]["routing"] = INVESTIGATORS
    del base_data["conflicts"]
    plain = compile_policy(Policy.model_validate(base_data))
    assert branch_problems(branch(conflicts=[SELF]), plain) == [
        C(
            ("extends",),
            "in inherited rule at rules[0].routing[1]: rule 'reply' gives investigates to desk, "
            "head, which conflict 'self' says cannot hold it together",
            "policy.exclusive_duty_conflict",
        )
    ]


def test_problems_the_extension_causes_in_inherited_entries_point_at_extends() -> None:
    # The branch makes `vip` a number: the base's sanction condition and event settings break.
    policy = branch(facts=[{"id": "vip", "type": "int", "label": "貴賓等級"}])
    assert branch_problems(policy, compiled_base()) == [
        C(
            ("extends",),
            "in inherited rule at rules[0].penalties[0].sanctions[0].when.vip.eq: fact 'vip' is "
            "a number: compare with a number",
            "policy.condition.number_fact",
        ),
        C(
            ("extends",),
            "in inherited lifecycle entry at lifecycle.events[0].sets.vip: True does not fit "
            "fact type int",
            "policy.lifecycle.sets_type",
        ),
    ]
    # Removing the rule the base's lifecycle refers to.
    removed = branch(remove_rules=["reply"], rules=[{"id": "own", "article": "分行第一條"}])
    assert branch_problems(removed, compiled_base()) == [
        C(
            ("extends",),
            "in inherited lifecycle entry at lifecycle.clocks[0].deadlines[0]: deadline 'reply' "
            "is not declared; none are declared",
            "policy.clock.deadline_undeclared",
        ),
        C(
            ("extends",),
            "in inherited lifecycle entry at lifecycle.duties[0].id: 'urge' is not an action or "
            "report of the rules; none are declared",
            "policy.duty.not_an_action",
        ),
        C(
            ("extends",),
            "in inherited lifecycle entry at lifecycle.reminders[0].id: 'urge' is not an action "
            "of the rules; none are declared",
            "policy.reminder.not_an_action",
        ),
    ]


def test_the_merged_policy_keeps_each_rules_layer_and_every_layer() -> None:
    base = compiled_base()
    own = {"id": "own", "article": "分行第一條", "routing": [{"duty": "handles", "role": "head"}]}
    merged = compile_policy(branch(rules=[own]), sha256="ab" * 32, base=base)
    assert [(r.rule.id, r.index, r.layer) for r in merged.rules] == [
        ("reply", 0, "t"),
        ("own", 1, "c"),
    ]
    assert merged.layers == (
        Layer(id="t", version="1", sha256=base.sha256),
        Layer(id="c", version="2", sha256="ab" * 32),
    )
    assert (merged.id, merged.version, merged.sha256) == ("c", "2", "ab" * 32)
    assert merged.rules[1].source() == Source(rule="own", article="分行第一條", policy="c")
    assert dict(merged.lifecycle_layers) == dict(base.lifecycle_layers)


# --- what compiling builds ------------------------------------------------------------------------


def test_lookups_by_id_label_and_alias_for_each_kind_of_vocabulary() -> None:
    data = valid()
    data["vocabulary"]["roles"][0]["aliases"] = ["柜面"]
    policy = compile_policy(Policy.model_validate(data))
    found = {
        "roles": policy.roles.find("柜面"),
        "channels": policy.channels.find("櫃面投訴"),
        "categories": policy.categories.find("SERVICE"),
        "levels": policy.levels.find("重大"),
        "findings": policy.findings.find("late"),
        "sanctions": policy.sanctions.find("警告"),
        "events": policy.events.find("延長"),
    }
    assert {kind: term.id if term else None for kind, term in found.items()} == {
        "roles": "desk",
        "channels": "counter",
        "categories": "service",
        "levels": "major",
        "findings": "late",
        "sanctions": "warning",
        "events": "extended",
    }
    assert policy.roles.find("boss") is None
    assert [policy.roles.kind, policy.events.kind] == ["role", "event"]
    assert policy.level_order == ("minor", "major")


@pytest.mark.parametrize(
    ("change", "level_input"),
    [
        ({}, "required"),  # levels and no classification table: the complaint gives the level
        ({"level_input": "optional"}, "optional"),
        ({"classification": CLASSIFICATION}, "forbidden"),  # the table derives it
        ({"vocabulary": {"levels": []}}, "forbidden"),  # no levels at all
    ],
)
def test_the_level_input_follows_the_policy(change: Data, level_input: str) -> None:
    data = valid()
    if "vocabulary" in change:
        data["vocabulary"]["levels"] = []
    else:
        data.update(change)
    assert compile_policy(Policy.model_validate(data)).level_input == level_input


def test_the_classification_rows_are_compiled_in_order() -> None:
    data = valid()
    data["classification"] = CLASSIFICATION
    policy = compile_policy(Policy.model_validate(data))
    ((row_id, article, level, condition),) = policy.classification
    assert (row_id, article, level, condition.facts) == (
        "big",
        "第二條",
        "major",
        frozenset({"vip"}),
    )


def test_the_calendar_settings_become_a_convention_a_zone_and_a_calendar() -> None:
    data = valid()
    data["timezone"] = "Asia/Taipei"
    data["calendar"] = {
        "exclude_start_day": False,
        "day_ends_at": "17:30:00",
        "roll_to_working_day": False,
        "holidays": {"2026-10-09": "院慶"},
        "workdays": {"2026-10-11": "補班"},
    }
    policy = compile_policy(Policy.model_validate(data))
    assert policy.convention == CountingConvention(
        exclude_start_day=False, day_ends_at=time(17, 30), roll_to_working_day=False
    )
    assert policy.tz == ZoneInfo("Asia/Taipei")
    assert dict(policy.calendar.extra_holidays) == {date(2026, 10, 9): "院慶"}
    assert dict(policy.calendar.extra_workdays) == {date(2026, 10, 11): "補班"}
    # Fri Oct 9 2026 is a working day in the official schedule; Sun Oct 11 is not.
    assert not policy.calendar.is_working_day(date(2026, 10, 9))
    assert policy.calendar.is_working_day(date(2026, 10, 11))
    default = compile_policy(Policy.model_validate(valid()))
    assert default.convention == CountingConvention()
    assert default.tz == ZoneInfo("Asia/Shanghai")


def test_the_hash_is_the_files_or_else_the_canonical_jsons() -> None:
    model = Policy.model_validate(valid())
    dumped = model.model_dump(mode="json", by_alias=True)
    canonical = json.dumps(dumped, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert compile_policy(model).sha256 == expected
    assert compile_policy(model).layers == (Layer(id="t", version="1", sha256=expected),)
    assert compile_policy(model, sha256="0" * 64).sha256 == "0" * 64
    # Same content, same hash; another version, another hash.
    assert compile_policy(Policy.model_validate(valid())).sha256 == expected
    other = valid()
    other["version"] = "2"
    assert compile_policy(Policy.model_validate(other)).sha256 != expected


def test_each_rule_and_lifecycle_entry_knows_its_source() -> None:
    data = valid()
    data["rules"][0]["verification"] = "secondary"
    policy = compile_policy(Policy.model_validate(data))
    (rule,) = policy.rules
    assert (rule.index, rule.layer, sorted(rule.sanctions)) == (0, "t", [("fine", 0)])
    assert rule.source() == Source(
        rule="reply", article="第一條", policy="t", verification="secondary"
    )
    assert rule.source("第一條第二款").article == "第一條第二款"
    assert dict(policy.lifecycle_layers) == {
        "events:replied": "t",
        "clocks:reply": "t",
        "duties:urge": "t",
        "reminders:urge": "t",
        "gaps:0": "t",
    }


# --- with_calendar -------------------------------------------------------------------------------


def test_with_calendar_lays_the_hosts_days_over_the_policys() -> None:
    data = valid()
    data["calendar"] = {
        "holidays": {"2026-10-09": "院慶", "2026-12-31": "年終盤點"},
        "workdays": {"2026-10-11": "補班"},
    }
    policy = compile_policy(Policy.model_validate(data))
    policy.cache["kept"] = True
    host = policy.with_calendar(
        holidays={date(2026, 10, 11): "host closure"}, workdays={date(2026, 10, 9): "host open"}
    )
    # The host's day wins over the policy's opposite declaration; the others stay.
    assert dict(host.calendar.extra_holidays) == {
        date(2026, 12, 31): "年終盤點",
        date(2026, 10, 11): "host closure",
    }
    assert dict(host.calendar.extra_workdays) == {date(2026, 10, 9): "host open"}
    assert host.calendar.is_working_day(date(2026, 10, 9))
    assert not host.calendar.is_working_day(date(2026, 10, 11))
    # A copy: the policy is unchanged, the copy's cache starts empty, the rest is shared.
    assert not policy.calendar.is_working_day(date(2026, 10, 9))
    assert (policy.cache, host.cache) == ({"kept": True}, {})
    assert (host.policy, host.sha256, host.rules) == (policy.policy, policy.sha256, policy.rules)
    assert policy.with_calendar().calendar.fingerprint == policy.calendar.fingerprint


def test_with_calendar_changes_the_deadlines_decided() -> None:
    data = valid()
    data["calendar"] = {"holidays": {"2026-10-09": "院慶"}}
    policy = compile_policy(Policy.model_validate(data))
    complaint = {
        "received_at": "2026-09-29T10:00:00+08:00",
        "channel": "counter",
        "category": "service",
        "level": "minor",
    }
    # Five working days after Tue Sep 29: Sep 30 (1); Oct 1-7 off; Oct 8 (2); the policy
    # closes Fri Oct 9; Sat Oct 10, a make-up workday (3); Mon Oct 12 (4); Tue Oct 13 (5).
    assert decide(policy, complaint).deadlines[0].due == due_on(2026, 10, 13)
    # The host opens on Oct 9 after all: Sep 30, Oct 8, 9, 10 and 12.
    opened = policy.with_calendar(workdays={date(2026, 10, 9): "host open"})
    assert decide(opened, complaint).deadlines[0].due == due_on(2026, 10, 12)


def test_a_compiled_policy_and_its_model_show_id_version_and_hash(
    keyouqianqi: CompiledPolicy,
) -> None:
    text = repr(keyouqianqi)
    assert text == (
        f"<CompiledPolicy keyouqianqi_credit_union version {keyouqianqi.version} "
        f"sha256:{keyouqianqi.sha256[:12]}>"
    )
    assert repr(keyouqianqi.policy) == (
        f"<Policy keyouqianqi_credit_union version {keyouqianqi.version}>"
    )


def test_every_bundled_policy_has_a_short_repr() -> None:
    catalog = Catalog()
    for policy_id in catalog.ids():
        policy = catalog.load(policy_id)
        assert len(repr(policy)) < 120, policy_id


# --- consistency problems located in the file, and what a decision records ------------------------


def test_undeclared_role_is_named_with_the_allowed_values() -> None:
    text = MINI.replace("      - {duty: accepts, role: desk}", "      - {duty: accepts, role: dsk}")
    line = line_of(text, "role: dsk")
    assert errors(text) == [
        f"p.yaml:{line}: rules[0].routing[0].role: role 'dsk' is not declared in vocabulary; "
        "allowed: desk, head; did you mean 'desk'?"
    ]


def test_min_greater_than_max_is_rejected() -> None:
    text = MINI.replace("within: {working_days: 3}", "within: {working_days: {min: 10, max: 7}}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'min: 10')}: rules[0].deadlines[0].within.working_days: "
        "min 10 is greater than max 7"
    ]
    text = MINI.replace('amount_yuan: {min: 100, max: "100"}', "amount_yuan: {min: 2000, max: 200}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'min: 2000')}: rules[2].penalties[0].amount_yuan.min: "
        "min 2000 is greater than max 200 (yuan)"
    ]


def test_escalation_cycle_is_rejected() -> None:
    text = MINI.replace("on: dissatisfied, to: [head]}", "on: dissatisfied, to: [head], next: up}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'next: top')}: rules[0].escalations[0].next: "
        "escalation steps form a cycle: top -> up -> top"
    ]


def test_reports_to_cycle_is_rejected() -> None:
    text = MINI.replace(
        "{id: desk, label: 櫃面, aliases: [柜面]}",
        "{id: desk, label: 櫃面, aliases: [柜面], reports_to: head}",
    )
    text = text.replace(
        "{id: head, label: 負責人, aliases: [负责人]}",
        "{id: head, label: 負責人, aliases: [负责人], reports_to: desk}",
    )
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'reports_to: desk')}: vocabulary.roles[1].reports_to: "
        "reports_to forms a cycle: "
        "desk -> head -> desk"
    ]


def test_a_simplified_spelling_clash_is_rejected() -> None:
    text = MINI.replace(
        "{id: head, label: 負責人, aliases: [负责人]}", "{id: head, label: 負責人, aliases: [柜面]}"
    )
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'id: head')}: vocabulary.roles[1].aliases[0]: "
        "role spelling '柜面' names both 'desk' "
        "and 'head'"
    ]


def test_a_decision_records_every_layer_and_the_calendar_it_used() -> None:
    catalog = Catalog()
    decision = decide(catalog.load("bocom"), BOCOM)
    assert [(x.id, x.sha256) for x in decision.policy.layers] == [
        ("cn_banking_baseline", sha(bundled_policy_dir() / "cn_banking_baseline.yaml")),
        ("bocom", sha(bundled_policy_dir() / "bocom.yaml")),
    ]
    assert decision.policy.sha256 == decision.policy.layers[-1].sha256
    assert decision.policy.calendar == catalog.load("bocom").calendar.fingerprint


def test_the_calendar_fingerprint_is_a_hash_of_the_days() -> None:
    policy = Catalog().load("keyouqianqi_credit_union")
    fingerprint = policy.calendar.fingerprint
    # Declaring a day that is already off changes no day: the same fingerprint.
    assert policy.with_calendar(holidays={date(2026, 10, 1): "國慶節"}).calendar.fingerprint == (
        fingerprint
    )
    # Taking a working day off changes the days, so the fingerprint.
    changed = policy.with_calendar(holidays={date(2026, 10, 9): "host closure"})
    assert changed.calendar.fingerprint != fingerprint
    # ... and the decision, which records it.
    before, after = decide(policy, COMPLAINT), decide(changed, COMPLAINT)
    assert before.deadlines[0].due != after.deadlines[0].due
    assert (before.policy.calendar, after.policy.calendar) == (
        fingerprint,
        changed.calendar.fingerprint,
    )


def test_a_decision_names_the_days_the_host_gave() -> None:
    policy = Catalog().load("keyouqianqi_credit_union")
    # Every day from the verified table: nothing named.
    assert decide(policy, COMPLAINT).policy.calendar_host is None
    # The host gives 2027 (Fri Jan 1 off, Sat Jan 9 worked), restates a table day (Thu
    # 2026-10-01 off: the table's word stands) and overrides one (Fri 2026-10-09 off).
    hosted = policy.with_calendar(
        holidays={
            date(2027, 1, 1): "元旦",
            date(2026, 10, 1): "國慶節",
            date(2026, 10, 9): "host closure",
        },
        workdays={date(2027, 1, 9): "調休"},
    )
    decision = json.loads(decide(hosted, COMPLAINT).model_dump_json())
    assert decision["policy"]["calendar_host"] == {
        "years": [2027],
        "days": ["2026-10-09", "2027-01-01", "2027-01-09"],
    }
    assert decision["policy"]["calendar"] == hosted.calendar.fingerprint


# --- the lifecycle test policy's consistency, as the loader shows it -----------------------------


def load_problems(text: str) -> list[str]:
    return errors(text, file="bad.yaml")


def test_a_lifecycle_that_does_not_fit_the_policy_is_refused_with_every_problem_located() -> None:
    bad = (
        POLICY_TEXT.replace(
            "      meets: [replied]\n      pauses: [hold]\n      resumes: [unhold]\n",
            "      meets: [replid]\n      pauses: [hold]\n",
        )
        .replace("approvers: [head]", "approvers: [boss]\n          to2: 1")
        .replace(
            "    - {id: follow_up, article: 第四條, after: [replied]}",
            "    - {id: follow, article: 第四條, after: [replied]}",
        )
    )
    assert load_problems(bad) == [
        "bad.yaml:59: lifecycle.clocks[0].extensions[0].to2: unknown key; allowed: article, "
        "note, id, label, on, to, approvers, sets; did you mean 'to'?"
    ]
    bad = bad.replace("\n          to2: 1", "")
    assert load_problems(bad) == [
        "bad.yaml:50: lifecycle.clocks[0].meets[0]: 'replid' is not an event; allowed: "
        "replied, hold, unhold, extended, reopened, checked; did you mean 'replied'?",
        "bad.yaml:51: lifecycle.clocks[0].pauses: a clock that pauses needs events that "
        "resume it, and the reverse",
        "bad.yaml:58: lifecycle.clocks[0].extensions[0].approvers[0]: role 'boss' is not "
        "declared in vocabulary; allowed: desk, head",
        "bad.yaml:62: lifecycle.duties[0].id: 'follow' is not an action or report of the "
        "rules; allowed: follow_up, urge, vip_call; did you mean 'follow_up'?",
    ]


def test_reserved_event_ids_shorter_extensions_and_bad_fact_settings_are_refused() -> None:
    bad = (
        POLICY_TEXT.replace("    - {id: checked, label: 核實}", "    - {id: closed, label: 結案}")
        .replace("to: {working_days: 10}", "to: {working_days: 4}")
        .replace("sets: {vip: true}", "sets: {vip: 1}")
    )
    assert load_problems(bad) == [
        "bad.yaml:19: vocabulary.events[5].id: 'closed' is reserved for the case events every "
        "policy has (received, updated, escalated, reminded, done, closed, deadline_missed)",
        "bad.yaml:44: lifecycle.events[0].id: 'checked' is not declared in vocabulary.events; "
        "allowed: replied, hold, unhold, extended, reopened, closed",
        "bad.yaml:44: lifecycle.events[0].sets.vip: 1 does not fit fact type bool",
        "bad.yaml:58: lifecycle.clocks[0].extensions[0].to: an extension must be longer than "
        "the period before it (5 working_days); got 4",
    ]
