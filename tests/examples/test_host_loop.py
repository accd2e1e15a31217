"""examples/host_loop.py runs, and the pure API and the adapter agree on its day.

The due instants below are worked by hand from China's 2026 schedule (National Day
Oct 1-7 off; Sat Oct 10 a make-up working day; Sat Oct 24 and Sun Nov 8 days off):

- K-1, a 科右前旗 letter received Tue Sep 29: 3 working days are Sep 30, Oct 8 and Oct 9;
  due by the end of Oct 9 (24:00, 民法典 第二百零三條), breached at Oct 10 00:00, escalated to
  投訴受理部門.
- K-2, received Fri Oct 9: Sat Oct 10, Mon Oct 12, Tue Oct 13; due by the end of Oct 13.
- S-1, a 石花 復雜投訴 received Oct 9: 5 working days Oct 10, 12, 13, 14, 15.
- B-1, 交通銀行 under the baseline, received Oct 9: 15 calendar days end Sat Oct 24, a day
  off, so Mon Oct 26; extended to 30 days: Sun Nov 8, so Mon Nov 9.
"""

from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT
from tests.support.durable import require_durable_rules


def test_the_host_loop_runs_and_both_sides_agree() -> None:
    require_durable_rules()  # skipped on Python 3.13+ only, where it does not build
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "host_loop.py")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    expected_in_order = [
        "2026-09-29 10:00:00  K-1  received",
        "  status : reply running, due by the end of 2026-10-09 (24:00); "
        "owed head_contacts_immediately",
        "  timer  : 2026-10-10 00:00:00",
        "2026-10-09 08:30:00  K-2  received",
        "  status : reply running, due by the end of 2026-10-13 (24:00); "
        "owed head_contacts_immediately",
        "2026-10-09 09:05:00  S-1  received",
        "2026-10-09 09:20:00  S-1  acknowledged by handler",
        "  status : reply running, due by the end of 2026-10-15 (24:00); "
        "owed register_and_file, report_to_upper_union",
        "  durable: event:acknowledged; retracted owed:acknowledge_receipt",
        "2026-10-09 10:00:00  B-1  received",
        "  status : decision running, due by the end of 2026-10-26 (24:00)",
        "2026-10-09 15:00:00  B-1  extended by 投訴處理機構",
        "  status : decision running, due by the end of 2026-11-09 (24:00); owed tell_extension",
        "2026-10-09 15:30:00  B-1  extended by 投訴處理機構",
        "  refused: role 'handling_institution' has no authority to approve extension "
        "'further_60' of clock 'decision'; allowed: superior_institution, "
        "head_office_senior_manager",
        "2026-10-10 00:00:00  K-1  timer",
        "  status : reply breached, due by the end of 2026-10-09 (24:00); "
        "escalate overrun_general -> "
        "acceptance_dept; owed head_contacts_immediately",
        "  durable: tick, timer, clock:reply, escalation:overrun_general",
        "  timer  : 2026-10-14 00:00:00",
        "2026-10-10 08:00:00  K-1  escalated overrun_general",
        "  durable: event:escalated; retracted escalation:overrun_general",
    ]
    position = 0
    for line in expected_in_order:
        assert line in lines[position:], line
        position = lines.index(line, position) + 1
    assert lines[-1] == (
        "10 events, 1 timer firing(s), 11 steps: the pure API and the durable_rules adapter "
        "agreed at every step and at 2026-10-10 08:00:00"
    )
    assert not any(line.startswith("DISAGREE") for line in lines)
