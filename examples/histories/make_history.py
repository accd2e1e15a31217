"""A deterministic history of 科右前旗信用聯社 complaints, as JSON lines; and the draft policy.

    python examples/histories/make_history.py                  # the committed 300-line sample
    python examples/histories/make_history.py --lines 1000000 -o /tmp/history.jsonl
    python examples/histories/make_history.py --draft          # rewrite the draft policy

Line n is the same whatever --lines is (the sample is the first 300 lines of the million).
Three lines in every thousand are bad on purpose (lines 57, 143 and 250 of each thousand):
an unknown channel, a line cut short, a time without its UTC offset. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parents[1] / "policies" / "keyouqianqi_credit_union.yaml"
DRAFT = HERE / "draft" / "keyouqianqi_credit_union.yaml"
SAMPLE = HERE / "keyouqianqi_credit_union.jsonl"

CST = timezone(timedelta(hours=8))
FIRST_DAY = date(2025, 1, 2)
DAYS = (date(2026, 11, 30) - FIRST_DAY).days + 1

# (id, label, an alias): each complaint spells its channel and category one of these ways.
CHANNELS = [
    (("phone", "電話投訴", "电话投诉"), 25),
    (("in_person", "上門投訴", "上门投诉"), 25),
    (("letter", "信件投訴", "信件投诉"), 10),
    (("comment_book", "意見簿(箱)投訴", "意见箱"), 10),
    (("media", "媒體投訴", "媒体投诉"), 5),
    (("forwarded_by_superior", "上級社轉來的投訴", "上级社转来"), 15),
    (("forwarded_by_government", "政府部門轉來的投訴", "政府部门转来"), 10),
]
CATEGORIES = [
    (("work_error", "工作失誤", "工作失误"), 20),
    (("service_attitude", "服務態度", "服务态度"), 25),
    (("internal_management", "內部管理", "内部管理"), 10),
    (("service_product", "服務產品", "服务产品"), 15),
    (("service_channel", "服務渠道", "服务渠道"), 15),
    (("irregular_operation", "違規操作", "违规操作"), 8),
    (("financial_crime", "金融犯罪", "金融犯罪"), 3),
    (("anonymous", "匿名投訴", "匿名"), 4),
]
FINDINGS = ["our_fault", "not_our_fault", "customer_economic_loss", "voluntary_withdrawal"]

# The draft: the bundled policy with a longer limit for general complaints (3 -> 5 working
# days) and a flow for telephone and comment-book complaints, which the source leaves out.
DRAFT_EDITS = [
    (
        "# 科右前旗信用聯社 客戶投訴處理管理辦法, encoded article by article.\n",
        "# DRAFT (examples/histories): the bundled policy with two edits, for `complaint-rules\n"
        "# impact`; written by examples/histories/make_history.py --draft. Not a real policy.\n"
        "# 科右前旗信用聯社 客戶投訴處理管理辦法, encoded article by article.\n",
    ),
    ('version: "2026.5"\n', 'version: "2026.5-draft"\n'),
    (
        "    when: {channel: [phone, comment_book]}\n"
        "    gaps:\n"
        "      - about: routing\n"
        "        text:\n"
        "          zh-Hant: 第九條列出電話投訴和意見簿(箱)投訴兩種渠道，但第十條未規定其流程。\n"
        "          en: 第九條 lists 電話投訴 and 意見簿(箱)投訴 as channels, but 第十條 gives "
        "them no flow.\n",
        "    when: {channel: [phone, comment_book]}\n"
        "    routing:\n"
        "      - {duty: handles, role: complained_unit, note: draft - the source gives no flow}\n",
    ),
    ("    title: 一般投訴三個工作日內完成\n", "    title: 一般投訴五個工作日內完成\n"),
    ("        within: {working_days: 3}\n", "        within: {working_days: 5}\n"),
]


def draft_text(bundled: str) -> str:
    """The draft policy's text, from the bundled policy's; each edit must apply exactly once."""
    for old, new in DRAFT_EDITS:
        if bundled.count(old) != 1:
            raise SystemExit(f"the bundled policy has changed: {old!r} is not there exactly once")
        bundled = bundled.replace(old, new)
    return bundled


def _pick(rng: random.Random, table: list[tuple[tuple[str, str, str], int]]) -> tuple[str, str]:
    spellings = rng.choices([t for t, _ in table], weights=[w for _, w in table])[0]
    return spellings[0], rng.choice(spellings)


def complaint(rng: random.Random, n: int) -> dict[str, Any]:
    """The complaint on line ``n`` (the generator's state decides it)."""
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    local = datetime(day.year, day.month, day.day, 8, tzinfo=CST) + timedelta(
        minutes=rng.randrange(12 * 60)
    )
    when = local.astimezone(UTC) if rng.random() < 0.05 else local
    channel, channel_said = _pick(rng, CHANNELS)
    category, category_said = _pick(rng, CATEGORIES)
    out: dict[str, Any] = {
        "id": f"KY-{day.year}-{n:07d}",
        "received_at": when.isoformat(),
        "channel": channel_said,
        "category": category_said,
        "complainant": "(withheld)",
    }
    if category == "anonymous":
        good_faith = rng.choice([True, False, None])
        if good_faith is not None:
            out["good_faith"] = good_faith
    if channel == "media":
        out["media_published"] = rng.random() < 0.3
        out["media_provincial_or_central"] = rng.random() < 0.2
    if rng.random() < 0.05:
        out["repeat_complaint"] = True
    if rng.random() < 0.03:
        out["economic_dispute_judicial"] = True
    if rng.random() < 0.02:
        out["major"] = True
    if rng.random() < 0.3:
        finding = rng.choice(FINDINGS)
        if finding == "our_fault":
            out["findings"] = [{"finding": finding, "roles": ["當事人"]}]
        else:
            out["findings"] = [finding]
        if finding == "voluntary_withdrawal":
            out["withdrawn"] = True
    return out


def bad_line(n: int, good: dict[str, Any]) -> str | None:
    """Lines 57, 143 and 250 of every thousand are bad, each in its own way."""
    kind = n % 1000
    if kind == 57:
        return json.dumps({**good, "channel": "傳真投訴"}, ensure_ascii=False)
    if kind == 143:
        return json.dumps(good, ensure_ascii=False)[:40]
    if kind == 250:
        return json.dumps({**good, "received_at": good["received_at"][:19]}, ensure_ascii=False)
    return None


def write_history(out: TextIO, lines: int, seed: int) -> None:
    rng = random.Random(seed)
    for n in range(1, lines + 1):
        good = complaint(rng, n)
        out.write((bad_line(n, good) or json.dumps(good, ensure_ascii=False)) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=300, help="how many lines (default 300)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("-o", "--output", help=f"where to write (default: {SAMPLE.name} here)")
    parser.add_argument("--draft", action="store_true", help=f"write {DRAFT} instead")
    args = parser.parse_args(argv)
    if args.draft:
        DRAFT.parent.mkdir(exist_ok=True)
        DRAFT.write_text(draft_text(BUNDLED.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    if args.output == "-":
        write_history(sys.stdout, args.lines, args.seed)
        return 0
    with open(args.output or SAMPLE, "w", encoding="utf-8") as out:
        write_history(out, args.lines, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
