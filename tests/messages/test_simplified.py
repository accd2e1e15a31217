"""Traditional to Simplified Chinese with OpenCC, a dependency of the core."""

from __future__ import annotations

import sys

import pytest

from complaint_rules.errors import MissingExtraError
from complaint_rules.messages.simplified import MATCH_HINT, _converter, to_simplified


def test_traditional_text_becomes_simplified_and_ascii_is_left_alone() -> None:
    assert to_simplified(["櫃面投訴", "負責人應於三個工作日內回復", "desk (櫃面) id_1", ""]) == [
        "柜面投诉",
        "负责人应于三个工作日内回复",
        "desk (柜面) id_1",
        "",
    ]
    assert to_simplified([]) == []


def test_without_opencc_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "opencc", None)  # import opencc now raises ImportError
    _converter.cache_clear()
    try:
        with pytest.raises(MissingExtraError) as info:
            to_simplified(["櫃面"])
    finally:
        _converter.cache_clear()
    assert str(info.value) == MATCH_HINT
    assert "pip install 'opencc>=1.1.6,<2'" in MATCH_HINT
    assert isinstance(info.value.__cause__, ImportError)
