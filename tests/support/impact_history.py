"""The impact report's test data: a hand-made history of complaints and a new version of
the bundled 科右前旗 policy with six edits, for the tests of impact and of its command.

Expected deadlines are worked out from the 2026 schedule: 1-7 Oct off, Sat 10 Oct a make-up
workday; March 2026 has no holiday.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules import CompiledPolicy, ComplaintError, Problem, decide
from tests.support import ROOT

BUNDLED = ROOT / "policies" / "keyouqianqi_credit_union.yaml"


EDITS = [
    ('version: "2026.5"', 'version: "2026.9-test"'),
    ("within: {working_days: 3}", "within: {working_days: 5}"),
    ("within: {working_days: {min: 7, max: 10}}", "within: {working_days: {min: 5, max: 10}}"),
    ("          - {sanction: discretionary_handling}\n", ""),
    ("      label: 信件投訴\n      aliases: [信件]\n", "      label: 信件投訴\n"),
    (
        "      label: 電話投訴\n      aliases: [電話]\n",
        "      label: 電話投訴\n      aliases: [電話, 傳真]\n",
    ),
]


AT = "2026-03-02T09:00:00+08:00"  # Mon 2 Mar 2026


HISTORY = [
    {"id": "T1", "received_at": "2026-09-29T10:00:00+08:00", "channel": "信件投訴",
     "category": "工作失誤"},
    {"id": "T2", "received_at": AT, "channel": "phone", "category": "service_attitude"},
    {"id": "T3", "received_at": AT, "channel": "in_person", "category": "service_product"},
    {"id": "T4", "received_at": AT, "channel": "letter", "category": "work_error",
     "findings": [{"finding": "our_fault", "roles": ["當事人"]}]},
    {"id": "T5", "received_at": AT, "channel": "letter", "category": "financial_crime"},
    None,  # a blank line
    {"id": "T7", "received_at": AT, "channel": "fax", "category": "work_error"},
    '{"received_at": "2026-03-02',
    {"id": "T9", "received_at": AT, "channel": "信件", "category": "financial_crime"},
    {"id": 10, "received_at": AT, "channel": "傳真", "category": "financial_crime"},
]  # fmt: skip


def history_lines() -> list[str]:
    out = []
    for item in HISTORY:
        if item is None:
            out.append("\n")
        elif isinstance(item, str):
            out.append(item + "\n")
        else:
            out.append(json.dumps(item, ensure_ascii=False) + "\n")
    return out


def complaint_problems(policy: CompiledPolicy, line: int) -> tuple[Problem, ...]:
    """The engine's problems with the complaint on ``line`` (its messages are tested there)."""
    item = HISTORY[line - 1]
    assert isinstance(item, dict)
    with pytest.raises(ComplaintError) as info:
        decide(policy, item)
    return info.value.problems


def problems_of(policy: CompiledPolicy, line: int) -> str:
    """The problems ``policy`` finds in the complaint on ``line``, as a change states them."""
    return "; ".join(f"{p.field}: {p.message}" for p in complaint_problems(policy, line))


D = "working_days, due by the end of 2026-"


EXPECTED_CHANGES = {
    1: [
        # Tue 29 Sep: 30 Sep (1), 8 (2), 9 Oct (3); then Sat 10 Oct (4), Mon 12 Oct (5).
        "deadline later reply_general: 3 working_days, due by the end of 2026-10-09 (24:00) -> "
        "5 working_days, due by the end of 2026-10-12 (24:00) (+3 d)"
    ],
    2: [
        # Mon 2 Mar: 3, 4, 5 Mar (3); 6, 9 Mar (5).
        f"deadline later reply_general: 3 {D}03-05 (24:00) -> 5 {D}03-09 (24:00) (+4 d)"
    ],
    3: [
        # 3, 4, 5, 6, 9 (5), 10, 11 (7), 12, 13, 16 Mar (10).
        "deadline changed otherwise reply_complex: 7-10 working_days, due by the end of "
        "2026-03-16 (24:00) (at the earliest by the end of 2026-03-11 (24:00)) -> 5-10 "
        "working_days, due by the end of 2026-03-16 (24:00) (at the earliest by the end of "
        "2026-03-09 (24:00))"
    ],
    4: [
        f"deadline later reply_general: 3 {D}03-05 (24:00) -> 5 {D}03-09 (24:00) (+4 d)",
        "sanctions changed party_criticism (our_fault): criticism_education applies, "
        "discretionary_handling applies -> criticism_education applies",
    ],
}


def write_new(directory: Path) -> Path:
    """The new version: the bundled policy with :data:`EDITS`, in ``directory``."""
    text = BUNDLED.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = directory / "keyouqianqi_credit_union.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def write_history(directory: Path) -> Path:
    """:data:`HISTORY` as a JSON-lines file in ``directory``."""
    path = directory / "h.jsonl"
    path.write_text("".join(history_lines()), encoding="utf-8")
    return path
