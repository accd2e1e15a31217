"""The studio's own words: every one in all three languages, with the same fields, and
every word the pages ask for is in the table."""

from __future__ import annotations

import re
import string
from typing import get_args

import pytest

from complaint_rules.policy.model import ELEMENT_SINGULAR, Penalty, Policy, Report
from complaint_rules.studio.words import LANGS, WORDS, Words, parse_lang
from tests.support import ROOT

STUDIO = ROOT / "src" / "complaint_rules" / "studio"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("word", sorted(WORDS))
def test_every_word_is_in_each_language_with_the_same_fields(word: str) -> None:
    texts = WORDS[word]
    assert tuple(texts) == LANGS  # zh-Hant, zh-Hans, en: all three, nothing else
    # Empty only where nothing is said in any language (a report made once).
    assert all(texts.values()) or not any(texts.values()), word
    assert fields(texts["zh-Hans"]) == fields(texts["zh-Hant"]) == fields(texts["en"]), word


def test_simplified_words_are_written_in_simplified() -> None:
    # A handful of characters that differ between the scripts, in the Simplified texts.
    traditional = set("體與來條規編際處圖級類設說職時務國為對線產員")
    leaks = {w: t["zh-Hans"] for w, t in WORDS.items() if set(t["zh-Hans"]) & traditional}
    assert not leaks


def _literal_words() -> set[str]:
    used: set[str] = set()
    for path in STUDIO.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\b(?:say|w|words)\(\s*"([a-z_]+)"', source))
    return used


def _field_values(model: type, name: str) -> tuple[str, ...]:
    annotation = model.model_fields[name].annotation  # type: ignore[attr-defined]
    values = tuple(
        v for arg in get_args(annotation) or (annotation,) for v in get_args(arg) or (arg,)
    )
    return tuple(v for v in values if isinstance(v, str))


def test_every_word_the_pages_ask_for_is_in_the_table() -> None:
    used = _literal_words()
    assert len(used) > 100  # the scan finds the calls
    # The words asked for by a value of the policy format.
    used |= {f"kind_{k}" for k in _field_values(Penalty, "kind")}
    used |= {f"per_{p}" for p in _field_values(Penalty, "per")}
    used |= {f"frequency_{f}" for f in _field_values(Report, "frequency")}
    used |= {f"level_input_{v}" for v in _field_values(Policy, "level_input")}
    used |= {f"element_{singular}" for singular in ELEMENT_SINGULAR.values()}
    used |= {f"col_{key}" for key in ("channel", "category", "level", "finding")}
    used |= {f"edge_{kind}" for kind in ("on", "missed", "by", "to", "next", "reports_to")}
    used |= {
        f"diagram_{view}{end}" for view in ("escalation", "routing") for end in ("", "_legend")
    }
    missing = sorted(used - set(WORDS))
    assert not missing


def test_a_language_is_named_in_any_case() -> None:
    assert parse_lang("zh-hant") == "zh-Hant"
    assert parse_lang("ZH-HANS") == "zh-Hans"
    assert parse_lang("En") == "en"
    with pytest.raises(ValueError, match="not 'zh'"):
        parse_lang("zh")
    assert Words("en")("tests_passed", passed=3, cases=4) == "3/4 passed"
    assert Words("zh-Hant")("tests_passed", passed=3, cases=4) == "3/4 通過"
