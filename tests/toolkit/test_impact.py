"""The impact report: a hand-made history re-decided under two versions, deadlines by hand.

NEW is the bundled 科右前旗 policy with six edits (``EDITS`` in
:mod:`tests.support.impact_history`, with the history and how each expected deadline was
worked out). The command's own tests are in tests/cli/test_impact.py.
"""

from __future__ import annotations

import importlib.util
import io
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from complaint_rules import CompiledPolicy, Problem, decide, load_policy
from complaint_rules.toolkit.impact import (
    DecisionChange,
    ImpactTally,
    LineImpact,
    compare_decisions,
    impact,
    impact_lines,
    span,
)
from tests.support import ROOT
from tests.support.impact_history import (
    AT,
    BUNDLED,
    EXPECTED_CHANGES,
    D,
    complaint_problems,
    history_lines,
    problems_of,
    write_history,
    write_new,
)

HISTORIES = ROOT / "examples" / "histories"


@pytest.fixture(scope="module")
def new_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_new(tmp_path_factory.mktemp("new"))


@pytest.fixture(scope="module")
def new(new_path: Path) -> CompiledPolicy:
    return load_policy(new_path)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    return write_history(tmp_path)


def test_each_line_of_the_history(keyouqianqi: CompiledPolicy, new: CompiledPolicy) -> None:
    got = list(impact_lines(keyouqianqi, new, history_lines(), file="h.jsonl"))
    assert [(x.line, x.status, x.complaint_id) for x in got] == [
        (1, "changed", "T1"),
        (2, "changed", "T2"),
        (3, "changed", "T3"),
        (4, "changed", "T4"),
        (5, "same", "T5"),
        (6, "blank", None),
        (7, "bad", "T7"),
        (8, "bad", None),
        (9, "changed", "T9"),
        (10, "changed", "10"),
    ]
    for line, texts in EXPECTED_CHANGES.items():
        assert [c.text for c in got[line - 1].changes] == texts
    assert got[0].changes[0].shift_seconds == 3 * 86400
    assert got[8].changes == (DecisionChange("rejected_now", "", "decided", problems_of(new, 9)),)
    assert got[9].changes == (
        DecisionChange("accepted_now", "", problems_of(keyouqianqi, 10), "decided"),
    )
    assert tuple(replace(p, args=()) for p in got[7].problems) == (
        Problem(
            "not JSON: Unterminated string starting at",
            file="h.jsonl",
            line=8,
            column=17,
            code="json.syntax",
        ),
    )
    fax = complaint_problems(keyouqianqi, 7)
    assert [p.path for p in fax] == [("channel",)]
    assert got[6].problems == tuple(replace(p, file="h.jsonl", line=7) for p in fax)


def test_the_report_counts(keyouqianqi: CompiledPolicy, new: CompiledPolicy) -> None:
    report = impact(keyouqianqi, new, history_lines(), file="h.jsonl", examples=2)
    data = report.as_dict()
    assert {k: data[k] for k in ("lines", "blank", "complaints", "decided", "bad", "changed")} == {
        "lines": 10,
        "blank": 1,
        "complaints": 9,
        "decided": 7,
        "bad": 2,
        "changed": 6,
    }
    assert [(c["kind"], c["complaints"], c["examples"]) for c in data["changes"]] == [
        ("rejected_now", 1, [9]),
        ("accepted_now", 1, [10]),
        ("deadline_later", 3, [1, 2]),
        ("deadline_changed", 1, [3]),
        ("sanctions_changed", 1, [4]),
    ]
    later = data["changes"][2]["subjects"]
    assert later == [
        {
            "subject": "reply_general",
            "complaints": 3,
            "examples": [1, 2],
            "shift_min_seconds": 3 * 86400,
            "shift_max_seconds": 4 * 86400,
        }
    ]
    assert [b["line"] for b in data["bad_lines"]] == [7, 8]
    assert data["old"]["version"] == "2026.5" and data["new"]["version"] == "2026.9-test"


def test_two_workers_report_what_one_reports(
    keyouqianqi: CompiledPolicy, new: CompiledPolicy
) -> None:
    lines = history_lines() * 5
    one = impact(keyouqianqi, new, lines)
    two = impact(keyouqianqi, new, lines, workers=2, chunk_size=3)
    assert two.as_dict() == one.as_dict()
    assert one.changed == 30


def test_tally_keeps_only_the_first_examples() -> None:
    tally = ImpactTally(examples=2, bad_lines=1)
    change = DecisionChange("deadline_earlier", "d", "a", "b", -3600)
    for line in range(1, 6):
        tally.add(LineImpact(line, "changed", changes=(change, change)))
        tally.add(LineImpact(line + 100, "bad", problems=(Problem("x"),)))
    assert tally.changed == 5 and tally.bad == 5 and tally.lines == 105
    assert tally._kinds == {"deadline_earlier": [5, [1, 2]]}
    assert tally._bad == [(101, (Problem("x"),))]


def test_span_words() -> None:
    assert [span(s) for s in (259200, -90000, 1800, 0, 61)] == [
        "+3 d",
        "-1 d 1 h",
        "+30 min",
        "+0 s",
        "+1 min 1 s",
    ]


def test_compare_two_different_complaints_names_every_kind(keyouqianqi: CompiledPolicy) -> None:
    old = decide(keyouqianqi, {"received_at": AT, "channel": "letter", "category": "work_error"})
    new = decide(
        keyouqianqi, {"received_at": AT, "channel": "media", "category": "service_product"}
    )
    changes = compare_decisions(old, new)
    assert changes[0] == DecisionChange("level_changed", "", "general", "complex")
    assert {c.kind for c in changes} == {
        "level_changed",
        "matched_rules_changed",
        "deadline_added",
        "deadline_removed",
        "routing_changed",
        "escalations_changed",
        "actions_changed",
        "reports_changed",
        "conflicts_changed",  # 第十條/第十六條/第二十一條's three owners of a media complaint
    }
    deadline_changes = [c.text for c in changes if c.kind.startswith("deadline")]
    assert deadline_changes == [
        f"deadline removed reply_general: 3 {D}03-05 (24:00) -> (none)",
        "deadline added reply_complex: (none) -> 7-10 working_days, due "
        "by the end of 2026-03-16 (24:00) (at the earliest by the end of 2026-03-11 (24:00))",
    ]
    assert compare_decisions(old, old) == ()


# -- the committed sample -------------------------------------------------------------------


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_history", HISTORIES / "make_history.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_sample_and_draft_are_what_the_script_writes() -> None:
    maker = _maker()
    bundled = BUNDLED.read_text(encoding="utf-8")
    draft = HISTORIES / "draft" / "keyouqianqi_credit_union.yaml"
    assert draft.read_text(encoding="utf-8") == maker.draft_text(bundled)
    out = io.StringIO()
    maker.write_history(out, 300, 2026)
    assert (HISTORIES / "keyouqianqi_credit_union.jsonl").read_text(encoding="utf-8") == (
        out.getvalue()
    )


# -- several versions of one policy, chosen by each complaint's receipt ------------------------
#
# The bundled 科右前旗 policy (2026.5: 一般投訴 within 3 working days, 第十一條) and a test
# version in force from Sun 2026-11-01 with 5 (tests/support/versions.py). No holiday in
# November 2026 (国办发明电〔2025〕7号). By hand, counting from the day after receipt:
# - received Fri 2026-10-30: 3 working days are Mon 2 Nov, Tue 3, Wed 4 → last day 4 Nov,
#   late from Thu 2026-11-05 00:00+08:00 (the old version, in force at receipt);
# - received Mon 2026-11-02: 3 working days end Thu 5 Nov (late from Fri 6 Nov 00:00);
#   5 working days are 3, 4, 5, 6, Mon 9 Nov → late from Tue 2026-11-10 00:00+08:00.

VERSIONED = [
    '{"id": "V1", "received_at": "2026-10-30T10:00:00+08:00", "channel": "letter", '
    '"category": "work_error"}',
    '{"id": "V2", "received_at": "2026-11-02T10:00:00+08:00", "channel": "letter", '
    '"category": "work_error"}',
]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[CompiledPolicy, ...]:
    from complaint_rules import Catalog
    from tests.support.versions import POLICY, write_new_version

    directory = tmp_path_factory.mktemp("dated")
    write_new_version(directory)
    return Catalog([directory], entry_points=False).versions(POLICY)


def test_versions_by_receipt_against_a_fixed_file(
    keyouqianqi: CompiledPolicy, versions: tuple[CompiledPolicy, ...]
) -> None:
    from tests.support.versions import NEW_VERSION

    assert [v.version for v in versions] == ["2026.5", NEW_VERSION]
    # OLD: by receipt; NEW: the bundled file (3 working days) for every complaint.
    # Decided on 2026-11-05 09:00: V1 was received before the change and keeps 2026.5.
    got = list(impact_lines(versions, keyouqianqi, VERSIONED, at="2026-11-05T09:00:00+08:00"))
    assert [(x.complaint_id, x.status, x.versions) for x in got] == [
        ("V1", "same", ("2026.5", "2026.5")),
        ("V2", "changed", (NEW_VERSION, "2026.5")),
    ]
    (change,) = got[1].changes
    assert (change.kind, change.subject) == ("deadline_earlier", "reply_general")
    assert change.shift_seconds == -4 * 86400  # late from Tue 10 Nov 00:00 → Fri 6 Nov 00:00
    assert change.text == (
        "deadline earlier reply_general: 5 working_days, due by the end of 2026-11-09 (24:00) "
        "-> 3 working_days, due by the end of 2026-11-05 (24:00) (-4 d)"
    )
    assert got[1].as_dict()["old_version"] == NEW_VERSION
    # The other way round: the file as OLD, the versions as NEW.
    back = list(impact_lines(keyouqianqi, versions, VERSIONED))
    assert [(x.status, x.versions) for x in back] == [
        ("same", ("2026.5", "2026.5")),
        ("changed", ("2026.5", NEW_VERSION)),
    ]
    assert back[1].changes[0].shift_seconds == 4 * 86400


def test_versions_by_receipt_in_workers_and_in_the_report(
    keyouqianqi: CompiledPolicy, versions: tuple[CompiledPolicy, ...]
) -> None:
    one = list(impact_lines(versions, keyouqianqi, VERSIONED * 3))
    two = list(impact_lines(versions, keyouqianqi, VERSIONED * 3, workers=2, chunk_size=1))
    assert one == two
    report = impact(versions, keyouqianqi, VERSIONED)
    assert (report.decided, report.changed) == (2, 1)
    assert report.old["version"] == versions[-1].version
    assert report.old["by_receipt"] == [
        {"version": "2026.5", "sha256": versions[0].sha256, "effective_from": None},
        {
            "version": versions[1].version,
            "sha256": versions[1].sha256,
            "effective_from": "2026-11-01",
        },
    ]
    assert "by_receipt" not in report.new
    first = report.as_text().splitlines()[0]
    assert first == (
        f"old:     keyouqianqi_credit_union by receipt: 2026.5 (sha256 {versions[0].sha256[:12]}) "
        f"from the start, {versions[1].version} (sha256 {versions[1].sha256[:12]}) from 2026-11-01"
    )


def test_a_complaint_received_before_the_first_version(
    keyouqianqi: CompiledPolicy, versions: tuple[CompiledPolicy, ...]
) -> None:
    dated_only = versions[1:]
    got = list(impact_lines(dated_only, keyouqianqi, VERSIONED))
    assert got[0].status == "changed"
    (change,) = got[0].changes
    assert change.kind == "accepted_now"
    assert change.old is not None and "before the first version" in change.old
    assert "2026-11-01" in change.old
    assert "2026-10-30" not in change.old  # the host's receipt is not repeated
    assert got[0].versions == (None, "2026.5")
    assert got[1].status == "changed" and got[1].versions == (versions[1].version, "2026.5")
    other = load_policy(ROOT / "policies" / "xx_bank.yaml")
    with pytest.raises(ValueError, match="versions of one policy id"):
        impact_lines((keyouqianqi, other), keyouqianqi, [])
