"""Looking up a vocabulary value by its id, its label or an alias, in any width or case."""

from __future__ import annotations

import pytest

from complaint_rules.policy.model import Term
from complaint_rules.policy.vocabulary import Lookup, normalise

COUNTER = Term(id="counter", label="櫃面投訴", aliases=("柜面投诉", "Counter Desk"))
PHONE = Term(id="phone", label="電話投訴")
CHANNELS = Lookup.build("channel", [COUNTER, PHONE])


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("  ＣＯＵＮＴＥＲ１ ", "counter1"),  # full-width letters and digits, trimmed
        ("Counter Desk", "counter desk"),  # inner spaces kept
        ("Straße", "strasse"),  # casefold, not only lower()
        ("櫃面", "柜面"),  # Traditional and Simplified share one form (OpenCC's Simplified)
        ("柜面", "柜面"),
        ("ｶ", "カ"),  # half-width katakana widened by NFKC
    ],
)
def test_normalise(text: str, normal: str) -> None:
    assert normalise(text) == normal


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("counter", "counter"),  # id
        ("櫃面投訴", "counter"),  # label as written in the source
        ("柜面投诉", "counter"),  # an alias (Simplified)
        (" counter desk ", "counter"),  # an alias in another case, with spaces around
        ("ＣＯＵＮＴＥＲ", "counter"),  # full-width
        ("PHONE", "phone"),
        ("電話投訴", "phone"),
        ("电话投诉", "phone"),  # Simplified, though nobody typed it as an alias
        ("柜面投訴", "counter"),  # mixed scripts, as an input method may leave them
    ],
)
def test_a_term_is_found_by_any_of_its_spellings(name: str, found: str) -> None:
    term = CHANNELS.find(name)
    assert term is not None and term.id == found


@pytest.mark.parametrize("name", ["letter", "電話", "counterdesk", "", "柜台投诉"])
def test_an_unknown_spelling_finds_nothing(name: str) -> None:
    assert CHANNELS.find(name) is None


def test_the_lookup_keeps_terms_in_order_and_every_normalised_spelling() -> None:
    assert list(CHANNELS.terms) == ["counter", "phone"]
    assert CHANNELS.terms["phone"] is PHONE
    assert CHANNELS.spellings == {
        "counter": "counter",
        "柜面投诉": "counter",
        "counter desk": "counter",
        "phone": "phone",
        "电话投诉": "phone",
    }
    assert (CHANNELS.kind, CHANNELS.label("phone")) == ("channel", "電話投訴")
    with pytest.raises(KeyError):
        CHANNELS.label("letter")


def test_the_first_term_keeps_an_id_or_spelling_given_twice() -> None:
    # The compiler refuses a policy with either; the lookup never lets the second win.
    again = Term(id="counter", label="重複", aliases=("電話投訴",))
    lookup = Lookup.build("channel", [COUNTER, PHONE, again])
    assert lookup.terms["counter"] is COUNTER
    found = lookup.find("電話投訴")
    assert found is not None and found.id == "phone"


def test_an_unknown_value_is_explained_with_the_allowed_and_the_closest() -> None:
    allowed = "allowed: counter (櫃面投訴), phone (電話投訴)"
    assert CHANNELS.allowed() == allowed
    assert CHANNELS.explain_unknown("電話") == (
        f"unknown channel; {allowed}; closest: phone (電話投訴)"
    )
    # The closest is sought among the normalised spellings: PHONE2 is close to phone.
    assert CHANNELS.explain_unknown("PHONE2") == (
        f"unknown channel 'PHONE2'; {allowed}; closest: phone (電話投訴)"
    )
    assert CHANNELS.explain_unknown("xyz") == f"unknown channel 'xyz'; {allowed}"


def test_an_empty_vocabulary() -> None:
    empty = Lookup.build("level", [])
    assert (empty.terms, empty.spellings, empty.find("minor")) == ({}, {}, None)
    assert empty.explain_unknown("minor") == "unknown level 'minor'; allowed: "


def test_the_glossary_lists_every_chinese_key_name() -> None:
    from pathlib import Path

    from complaint_rules.policy.vocabulary import KEY_NAMES

    glossary = (Path(__file__).resolve().parents[2] / "docs" / "zh" / "glossary.md").read_text(
        encoding="utf-8"
    )
    for chinese, keys in KEY_NAMES.items():
        assert f"| {chinese} | {' / '.join(f'`{k}`' for k in keys)} |" in glossary


def test_a_word_for_two_terms_lists_the_candidates() -> None:
    a = Term(id="a", label="受理部門")
    b = Term(id="b", label="處理部門", aliases=("受理部门",))
    lookup = Lookup.build("role", [a, b])
    assert lookup.candidates("受理部門") == ("a", "b")
    assert lookup.candidates("a") == ()  # an id is never ambiguous
