"""Which spellings of a term a drawn complaint may give: those the complaint parser accepts."""

from __future__ import annotations

import pytest

from complaint_rules import load_policy_text
from complaint_rules.testing._spelling import accepted_spellings
from tests.support.policy_texts import MINI

POLICY = load_policy_text(MINI)


@pytest.mark.parametrize(
    ("key", "spellings", "accepted"),
    [
        # A label, an alias, another width: accepted; an invisible character or an unknown
        # name: refused.
        (
            "channel",
            ["櫃面投訴", "柜面投诉", "coun\u200bter", "nope", "ＣＯＵＮＴＥＲ"],
            ["櫃面投訴", "柜面投诉", "ＣＯＵＮＴＥＲ"],
        ),
        ("category", ["服务态度", "服務", "PRODUCT"], ["服务态度", "PRODUCT"]),
        ("level", ["重大投訴", "big"], ["重大投訴"]),
        ("findings", ["不按時開門營業", "late"], ["不按時開門營業"]),
        # The roles involved in a finding.
        ("roles", ["柜面", "desk\x07", "head"], ["柜面", "head"]),
        ("channel", [], []),
    ],
)
def test_only_what_the_parser_accepts(key: str, spellings: list[str], accepted: list[str]) -> None:
    assert accepted_spellings(POLICY, key, spellings) == accepted
